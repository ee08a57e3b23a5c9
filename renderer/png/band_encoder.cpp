#include "png/band_encoder.h"

#include <algorithm>

namespace rtcli {

BandEncoder::BandEncoder(const BandLayout& layout, const std::vector<Checkpoint>& checkpoints)
    : layout_(layout), encoder_(layout.strips()) {
  for (std::size_t i = 0; i < checkpoints.size(); ++i) {
    const int strip = layout.strips().strips_within_prefix(checkpoints[i].pixels);
    // A checkpoint of the whole frame needs no partial strip: the writer copies every strip.
    if (strip < layout.strips().count())
      partial_strips_.push_back({static_cast<int>(i), strip, checkpoints[i].pixels});
  }
}

void BandEncoder::encode_strip(const FrameView& view, int strip, EncodedStrip& out,
                               RunTimeline* timeline, int lane, bool partial) {
  if (!timeline) return encoder_.encode(view, strip, out);
  const SteadyClock::time_point started = SteadyClock::now();
  encoder_.encode(view, strip, out);
  timeline->detail(lane, Phase::kCompress, started, SteadyClock::now(), [&] {
    return "strip " + std::to_string(strip) + (partial ? " for a checkpoint" : "");
  });
}

CompressedBand BandEncoder::encode(const Frame& pixels, int band, RunTimeline* timeline, int lane) {
  CompressedBand out;
  out.index = band;
  out.first_row = layout_.first_row(band);
  out.end_row = layout_.end_row(band);
  const int first = layout_.first_strip(band);
  const int end = layout_.end_strip(band);
  out.strips.resize(static_cast<std::size_t>(end - first));
  const FrameView all = pixels.prefix(pixels.pixels());
  for (int strip = first; strip < end; ++strip)
    encode_strip(all, strip, out.strips[static_cast<std::size_t>(strip - first)], timeline, lane,
                 false);

  const auto in_band =
      std::lower_bound(partial_strips_.begin(), partial_strips_.end(), first,
                       [](const CheckpointStrip& c, int strip) { return c.strip < strip; });
  for (auto c = in_band; c != partial_strips_.end() && c->strip < end; ++c) {
    PartialStrip& partial = out.partials.emplace_back();
    partial.checkpoint = c->checkpoint;
    partial.strip = c->strip;
    encode_strip(pixels.prefix(c->pixels), c->strip, partial.encoded, timeline, lane, true);
  }
  return out;
}

std::size_t BandEncoder::peak_bytes(const BandLayout& layout) {
  return StripEncoder::peak_bytes(layout.strips());
}

std::size_t BandEncoder::max_band_bytes(const BandLayout& layout) {
  return static_cast<std::size_t>(layout.strips_per_band()) *
         (layout.strips().max_chunk_bytes() + sizeof(EncodedStrip));
}

}  // namespace rtcli
