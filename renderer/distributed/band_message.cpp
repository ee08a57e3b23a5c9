#include "distributed/band_message.h"

#include <cstdint>
#include <cstring>

#include "system/errors.h"

namespace rtcli::distributed {

namespace {
// Fixed-width fields in the sender's byte order: every rank of a job runs the same binary on
// the same architecture.
template <class T>
void put(std::string& out, T value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

void put_strip(std::string& out, const EncodedStrip& strip) {
  put<std::uint32_t>(out, strip.adler32);
  put<std::uint64_t>(out, strip.filtered_bytes);
  put<std::uint64_t>(out, strip.chunk.size());
  out += strip.chunk;
}

class Reader {
 public:
  explicit Reader(const std::string& bytes) : bytes_(bytes) {}

  template <class T>
  T get() {
    T value;
    need(sizeof value);
    std::memcpy(&value, bytes_.data() + at_, sizeof value);
    at_ += sizeof value;
    return value;
  }

  EncodedStrip strip() {
    EncodedStrip s;
    s.adler32 = get<std::uint32_t>();
    s.filtered_bytes = get<std::uint64_t>();
    const auto length = get<std::uint64_t>();
    need(length);
    s.chunk = bytes_.substr(at_, length);
    at_ += length;
    return s;
  }

  bool done() const { return at_ == bytes_.size(); }

 private:
  void need(std::uint64_t n) const {
    if (n > bytes_.size() - at_) throw RunError("a band message from another rank is truncated");
  }
  const std::string& bytes_;
  std::size_t at_ = 0;
};
}  // namespace

std::string encode_band_message(const CompressedBand& band) {
  std::string out;
  out.reserve(band.bytes() + 64 + 32 * (band.strips.size() + band.partials.size()));
  put<std::int32_t>(out, band.index);
  put<std::int32_t>(out, band.first_row);
  put<std::int32_t>(out, band.end_row);
  put<std::uint32_t>(out, static_cast<std::uint32_t>(band.strips.size()));
  for (const EncodedStrip& strip : band.strips) put_strip(out, strip);
  put<std::uint32_t>(out, static_cast<std::uint32_t>(band.partials.size()));
  for (const PartialStrip& partial : band.partials) {
    put<std::int32_t>(out, partial.checkpoint);
    put<std::int32_t>(out, partial.strip);
    put_strip(out, partial.encoded);
  }
  return out;
}

CompressedBand decode_band_message(const std::string& bytes) {
  Reader in(bytes);
  CompressedBand band;
  band.index = in.get<std::int32_t>();
  band.first_row = in.get<std::int32_t>();
  band.end_row = in.get<std::int32_t>();
  const auto strips = in.get<std::uint32_t>();
  for (std::uint32_t i = 0; i < strips; ++i) band.strips.push_back(in.strip());
  const auto partials = in.get<std::uint32_t>();
  for (std::uint32_t i = 0; i < partials; ++i) {
    PartialStrip partial;
    partial.checkpoint = in.get<std::int32_t>();
    partial.strip = in.get<std::int32_t>();
    partial.encoded = in.strip();
    band.partials.push_back(std::move(partial));
  }
  if (!in.done()) throw RunError("a band message from another rank has trailing bytes");
  return band;
}

}  // namespace rtcli::distributed
