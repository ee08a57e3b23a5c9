#include "scene/scene_loader.h"

#include <cmath>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <vector>

#include "scene/duplicate_keys.h"
#include "scene/scene_file.h"
#include "system/errors.h"
#include "system/nearest_word.h"

namespace rtcli {

namespace {
using nlohmann::json;

// Errors carry the file and the JSON path of the bad value, e.g. "spheres[2].radius".
struct Context {
  std::string_view source;
  [[noreturn]] void fail(const std::string& where, const std::string& what) const {
    throw RunError(std::string(source) + ": " + where + ": " + what);
  }
};

// Appends `value` as compact JSON, stopping once `out` holds `limit` characters. Each nesting
// level adds a character, so the recursion is as shallow as the limit however deep the value
// is (json::dump recursed to the bottom: a deeply nested file overflowed the stack).
void append_prefix(const json& value, std::string& out, std::size_t limit) {
  if (out.size() >= limit) return;
  if (!value.is_structured()) {
    out += value.dump();
    return;
  }
  out += value.is_array() ? '[' : '{';
  bool first = true;
  for (const auto& [key, item] : value.items()) {
    if (out.size() >= limit) return;
    if (!first) out += ',';
    first = false;
    if (value.is_object()) out += json(key).dump() + ':';
    append_prefix(item, out, limit);
  }
  out += value.is_array() ? ']' : '}';
}

std::string describe(const json& value) {
  std::string text;
  append_prefix(value, text, 41);
  if (text.size() > 40) text = text.substr(0, 37) + "...";
  return text;
}

void only_keys(const Context& ctx, const json& object, const std::string& where,
               std::initializer_list<std::string_view> allowed) {
  if (!object.is_object()) ctx.fail(where, "expected an object, got " + describe(object));
  for (const auto& [key, value] : object.items()) {
    bool known = false;
    for (std::string_view name : allowed) known = known || key == name;
    if (!known)
      ctx.fail(where, "unknown key '" + key + "'" +
                          did_you_mean(key, std::span(allowed.begin(), allowed.size())));
  }
}

double number(const Context& ctx, const json& value, const std::string& where) {
  if (!value.is_number()) ctx.fail(where, "expected a number, got " + describe(value));
  const double x = value.get<double>();
  if (!std::isfinite(x)) ctx.fail(where, "must be finite, got " + describe(value));
  return x;
}

double number_or(const Context& ctx, const json& object, const char* key, const std::string& where,
                 double fallback) {
  const auto it = object.find(key);
  return it == object.end() ? fallback : number(ctx, *it, where + "." + key);
}

const json& required(const Context& ctx, const json& object, const char* key,
                     const std::string& where) {
  const auto it = object.find(key);
  if (it == object.end()) ctx.fail(where, std::string("missing '") + key + "'");
  return *it;
}

Vec3 vec3(const Context& ctx, const json& value, const std::string& where) {
  if (!value.is_array() || value.size() != 3)
    ctx.fail(where, "expected [x, y, z], got " + describe(value));
  return {number(ctx, value[0], where + "[0]"), number(ctx, value[1], where + "[1]"),
          number(ctx, value[2], where + "[2]")};
}

double channel(const Context& ctx, const json& value, const std::string& where) {
  const double c = number(ctx, value, where);
  if (c < 0 || c > 255)
    ctx.fail(where, "a colour channel must be in 0..255, got " + describe(value));
  return c;
}

Colour colour(const Context& ctx, const json& value, const std::string& where) {
  if (!value.is_array() || value.size() != 3)
    ctx.fail(where, "expected [r, g, b] in 0..255, got " + describe(value));
  return {channel(ctx, value[0], where + "[0]"), channel(ctx, value[1], where + "[1]"),
          channel(ctx, value[2], where + "[2]")};
}

Rgb8 rgb8(const Context& ctx, const json& value, const std::string& where) {
  const Colour c = colour(ctx, value, where);
  for (double v : {c.r, c.g, c.b})
    if (v != std::floor(v)) ctx.fail(where, "background channels must be whole numbers");
  return {static_cast<std::uint8_t>(c.r), static_cast<std::uint8_t>(c.g),
          static_cast<std::uint8_t>(c.b)};
}

// "name" is optional and unused, but like every other key it must have its type.
void optional_name(const Context& ctx, const json& object, const std::string& where) {
  const auto it = object.find("name");
  if (it != object.end() && !it->is_string())
    ctx.fail(where + ".name", "expected a string, got " + describe(*it));
}

Sphere sphere(const Context& ctx, const json& value, const std::string& where) {
  only_keys(ctx, value, where, {"centre", "radius", "colour", "name"});
  optional_name(ctx, value, where);
  Sphere s;
  s.centre = vec3(ctx, required(ctx, value, "centre", where), where + ".centre");
  s.radius = number(ctx, required(ctx, value, "radius", where), where + ".radius");
  if (s.radius <= 0)
    ctx.fail(where + ".radius", "must be positive, got " + describe(value["radius"]));
  if (value.contains("colour")) s.colour = colour(ctx, value["colour"], where + ".colour");
  return s;
}

Light light(const Context& ctx, const json& value, const std::string& where) {
  only_keys(ctx, value, where, {"position", "intensity", "name"});
  optional_name(ctx, value, where);
  Light l;
  l.position = vec3(ctx, required(ctx, value, "position", where), where + ".position");
  l.intensity = number_or(ctx, value, "intensity", where, 1.0);
  if (l.intensity < 0) ctx.fail(where + ".intensity", "must not be negative");
  // Far above any useful value; a larger one could overflow the summed intensity to infinity,
  // and infinity times a zero colour channel is NaN, which no pixel value can hold.
  if (l.intensity > 1e6) ctx.fail(where + ".intensity", "must be at most 1e6");
  return l;
}

ScreenWindow window(const Context& ctx, const json& value, const std::string& where) {
  only_keys(ctx, value, where, {"x", "y", "width", "height", "z"});
  ScreenWindow w;
  w.x = number_or(ctx, value, "x", where, w.x);
  w.y = number_or(ctx, value, "y", where, w.y);
  w.width = number_or(ctx, value, "width", where, w.width);
  w.height = number_or(ctx, value, "height", where, w.height);
  w.z = number_or(ctx, value, "z", where, w.z);
  if (w.width <= 0) ctx.fail(where + ".width", "must be positive");
  if (w.height <= 0) ctx.fail(where + ".height", "must be positive");
  return w;
}

// "line L, column C" of a byte offset, for parse errors.
std::string position(std::string_view text, std::size_t byte) {
  std::size_t line = 1;
  std::size_t column = 1;
  for (std::size_t i = 0; i + 1 < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}
}  // namespace

Scene parse_scene(std::string_view json_text, std::string_view source) {
  const Context ctx{source};
  json doc;
  try {
    doc = json::parse(json_text.begin(), json_text.end());
  } catch (const json::parse_error& e) {
    // nlohmann's message repeats the position; keep the reason after "column N: ".
    std::string why = e.what();
    if (const auto at = why.find(": ", why.find("column")); at != std::string::npos)
      why = why.substr(at + 2);
    throw RunError(std::string(source) + ": not valid JSON at " + position(json_text, e.byte) +
                   ": " + why);
  } catch (const json::out_of_range& e) {
    // A literal beyond double's range, such as 1e999, would be infinite.
    std::string why = e.what();
    if (const auto at = why.find("parsing "); at != std::string::npos) why = why.substr(at + 8);
    throw RunError(std::string(source) + ": number " + why + " is not finite (beyond double)");
  } catch (const json::exception& e) {
    // Any other nlohmann error: keep its reason, drop its "[json.exception...]" tag.
    std::string why = e.what();
    if (const auto cut = why.find("] "); cut != std::string::npos) why = why.substr(cut + 2);
    throw RunError(std::string(source) + ": not valid JSON: " + why);
  }
  refuse_duplicate_keys(json_text, source);
  only_keys(ctx, doc, "scene",
            {"description", "background", "ambient", "window", "spheres", "lights"});
  Scene scene;
  scene.spheres.clear();
  scene.lights.clear();
  if (doc.contains("background")) scene.background = rgb8(ctx, doc["background"], "background");
  scene.ambient = number_or(ctx, doc, "ambient", "scene", scene.ambient);
  if (scene.ambient < 0 || scene.ambient > 255)
    ctx.fail("ambient", "must be in 0..255, got " + describe(doc["ambient"]));
  if (doc.contains("window")) scene.window = window(ctx, doc["window"], "window");
  if (doc.contains("description") && !doc["description"].is_string())
    ctx.fail("description", "expected a string");

  const json& spheres = required(ctx, doc, "spheres", "scene");
  if (!spheres.is_array()) ctx.fail("spheres", "expected an array, got " + describe(spheres));
  for (std::size_t i = 0; i < spheres.size(); ++i)
    scene.spheres.push_back(sphere(ctx, spheres[i], "spheres[" + std::to_string(i) + "]"));

  const json& lights = required(ctx, doc, "lights", "scene");
  if (!lights.is_array()) ctx.fail("lights", "expected an array, got " + describe(lights));
  if (lights.empty()) ctx.fail("lights", "a scene needs at least one light");
  for (std::size_t i = 0; i < lights.size(); ++i)
    scene.lights.push_back(light(ctx, lights[i], "lights[" + std::to_string(i) + "]"));
  return scene;
}

Scene load_scene_file(const std::filesystem::path& path) {
  return parse_scene(read_scene_text(path), path.string());
}

}  // namespace rtcli
