#include "png/checkpoint_writer.h"

#include <utility>

#include "png/png_container.h"
#include "system/errors.h"

namespace rtcli {

CheckpointWriter::CheckpointWriter(const BandLayout& layout, const std::filesystem::path& folder,
                                   std::vector<Checkpoint> checkpoints,
                                   std::vector<std::filesystem::path>& written,
                                   std::atomic<int>* files_done, RunTimeline* timeline)
    : layout_(layout),
      folder_(folder),
      checkpoints_(std::move(checkpoints)),
      written_(written),
      files_done_(files_done),
      timeline_(timeline),
      head_(png_head(layout.width(), layout.height())),
      final_(folder / "final.png") {
  final_.write(head_);
  const std::size_t strips = static_cast<std::size_t>(layout_.strips().count());
  strips_end_.reserve(strips + 1);
  adler_after_.reserve(strips + 1);
  strips_end_.push_back(final_.size());
  adler_after_.push_back(1);
}

void CheckpointWriter::append(const CompressedBand& band) {
  if (band.index != bands_done_ || band.index >= layout_.count() ||
      band.strips.size() !=
          static_cast<std::size_t>(layout_.end_strip(band.index) - layout_.first_strip(band.index)))
    throw RunError("band " + std::to_string(band.index) + " arrived out of order or malformed");
  const SteadyClock::time_point started = span_start(timeline_);
  for (const EncodedStrip& strip : band.strips) {
    final_.write(strip.chunk);
    strips_end_.push_back(final_.size());
    adler_after_.push_back(
        adler32_concat(adler_after_.back(), strip.adler32, strip.filtered_bytes));
  }
  ++bands_done_;
  if (timeline_)
    timeline_->span(timeline_->writer_lane(), Phase::kWrite, started, SteadyClock::now(),
                    [&] { return "append band " + std::to_string(band.index); });
  // Partials come in checkpoint order, and every checkpoint before them ended in earlier bands.
  for (const PartialStrip& partial : band.partials) {
    if (next_checkpoint_ >= checkpoints_.size() ||
        partial.checkpoint != static_cast<int>(next_checkpoint_))
      throw RunError("band " + std::to_string(band.index) + " carries checkpoints out of order");
    write_checkpoint(checkpoints_[next_checkpoint_++], &partial.encoded);
  }
}

void CheckpointWriter::finish() {
  if (bands_done_ != layout_.count()) throw RunError("final.png finished before its last band");
  while (next_checkpoint_ < checkpoints_.size())
    write_checkpoint(checkpoints_[next_checkpoint_++], nullptr);
  const SteadyClock::time_point started = span_start(timeline_);
  final_.write(png_tail(adler_after_.back()));
  put_in_place(final_, started);
}

void CheckpointWriter::put_in_place(AtomicFile& file, SteadyClock::time_point started) {
  if (timeline_) {
    // The fsync is a span of its own inside the file's; the file's write is the rest.
    const int lane = timeline_->writer_lane();
    const std::string name = file.path().filename().string();
    const SteadyClock::time_point syncing = SteadyClock::now();
    file.sync();
    const SteadyClock::time_point synced = SteadyClock::now();
    file.commit();
    const SteadyClock::time_point done = SteadyClock::now();
    timeline_->span(lane, Phase::kFsync, syncing, synced, [&] { return "fsync " + name; });
    timeline_->detail(lane, Phase::kWrite, started, done, [&] { return "write " + name; });
    timeline_->add(lane, Phase::kWrite, (done - started) - (synced - syncing));
  } else {
    file.commit();
  }
  written_.push_back(file.path());
  if (files_done_) files_done_->fetch_add(1);
}

void CheckpointWriter::write_checkpoint(const Checkpoint& checkpoint, const EncodedStrip* partial) {
  const SteadyClock::time_point started = span_start(timeline_);
  const int whole = layout_.strips().strips_within_prefix(checkpoint.pixels);
  const int strips = layout_.strips().count();
  AtomicFile file(folder_ / (checkpoint.name + ".png"));
  file.write(head_);
  const std::size_t whole_index = static_cast<std::size_t>(whole);
  file.append_copy(final_, strips_end_.front(), strips_end_[whole_index] - strips_end_.front());
  std::uint32_t adler = adler_after_[whole_index];
  if (whole < strips) {
    // The strip holding the partial row, as its producer compressed it: visible rows, then black.
    file.write(partial->chunk);
    adler = adler32_concat(adler, partial->adler32, partial->filtered_bytes);
  }
  for (int strip = whole + 1; strip < strips; ++strip) {
    const EncodedStrip& black = black_strip(strip);
    file.write(black.chunk);
    adler = adler32_concat(adler, black.adler32, black.filtered_bytes);
  }
  file.write(png_tail(adler));
  put_in_place(file, started);
}

// An all-black strip compresses the same wherever it is, so each class is done once: the
// common one and the possibly shorter last strip, or each piece of a wide row.
const EncodedStrip& CheckpointWriter::black_strip(int strip) {
  if (black_.empty()) black_.resize(static_cast<std::size_t>(layout_.strips().black_classes()));
  std::optional<EncodedStrip>& cached =
      black_[static_cast<std::size_t>(layout_.strips().black_class(strip))];
  if (!cached) {
    if (!black_encoder_) black_encoder_.emplace(layout_.strips());
    cached.emplace();
    black_encoder_->encode(FrameView{nullptr, layout_.width(), layout_.height(), 0}, strip,
                           *cached);
  }
  return *cached;
}

std::size_t CheckpointWriter::peak_bytes(const BandLayout& layout) {
  const StripLayout& strips = layout.strips();
  const std::size_t per_strip_index = sizeof(std::uint64_t) + sizeof(std::uint32_t);
  const std::size_t file_buffers = 3 * 64 * 1024;  // two AtomicFiles and a fallback copy
  // The black-strip encoder, the cached black strips, the strip index, the files' buffers.
  return StripEncoder::peak_bytes(strips) +
         static_cast<std::size_t>(strips.black_classes()) * strips.max_chunk_bytes() +
         (static_cast<std::size_t>(strips.count()) + 1) * per_strip_index + file_buffers;
}

}  // namespace rtcli
