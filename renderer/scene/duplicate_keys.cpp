#include "scene/duplicate_keys.h"

#include <nlohmann/json.hpp>
#include <string>
#include <unordered_set>
#include <vector>

#include "system/errors.h"

namespace rtcli {

namespace {
using nlohmann::json;

// Follows the parser's events with one frame per open object or array. (nlohmann's parse
// callback would do, but its parser with a callback is quadratic in an array's length.)
class KeyTracker : public nlohmann::json_sax<json> {
 public:
  explicit KeyTracker(std::string_view source) : source_(source) {}

  bool null() override { return element_done(); }
  bool boolean(bool) override { return element_done(); }
  bool number_integer(number_integer_t) override { return element_done(); }
  bool number_unsigned(number_unsigned_t) override { return element_done(); }
  bool number_float(number_float_t, const string_t&) override { return element_done(); }
  bool string(string_t&) override { return element_done(); }
  bool binary(binary_t&) override { return element_done(); }
  bool start_object(std::size_t) override { return open(false); }
  bool start_array(std::size_t) override { return open(true); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }

  bool key(string_t& name) override {
    Frame& object = frames_.back();
    object.key = name;
    if (!object.keys.insert(name).second)
      throw RunError(std::string(source_) + ": " + path() + ": duplicated key '" + name + "'");
    return true;
  }

  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;  // the caller parsed the text already; nothing to report twice
  }

 private:
  struct Frame {
    bool array;
    std::size_t done;  // an array's elements before the current one
    std::string key;   // an object's current key
    std::unordered_set<std::string> keys;
  };

  bool open(bool array) {
    frames_.push_back({array, 0, {}, {}});
    return true;
  }
  bool close() {
    frames_.pop_back();
    return element_done();
  }
  bool element_done() {
    if (!frames_.empty() && frames_.back().array) ++frames_.back().done;
    return true;
  }

  // The innermost open object, as "spheres[2]" ("scene" for the top level).
  std::string path() const {
    std::string where;
    for (std::size_t i = 1; i < frames_.size(); ++i) {
      const Frame& parent = frames_[i - 1];
      if (parent.array) {
        where += '[';
        where += std::to_string(parent.done);
        where += ']';
      } else {
        if (!where.empty()) where += '.';
        where += parent.key;
      }
    }
    return where.empty() ? "scene" : where;
  }

  std::string_view source_;
  std::vector<Frame> frames_;
};
}  // namespace

void refuse_duplicate_keys(std::string_view json_text, std::string_view source) {
  KeyTracker tracker(source);
  json::sax_parse(json_text.begin(), json_text.end(), &tracker);
}

}  // namespace rtcli
