// The consumer's half of PNG writing: appends compressed bands, in scan order, to final.png's
// temporary file and writes each checkpoint as soon as the bands it shows are in.
//
// Rows are compressed by the workers, in strips (png_strips.h), band by band
// (band_encoder.h). A checkpoint copies the strips it shows whole from final.png's temporary,
// takes the strip holding its last pixel from the band that carries it, and appends
// pre-compressed black strips, so its cost does not grow with the frame. The writer holds
// one band at a time and an index of a few bytes per strip.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/checkpoints.h"
#include "pipeline/run_timeline.h"
#include "png/band_layout.h"
#include "png/band_writer.h"
#include "png/compressed_band.h"
#include "png/png_strips.h"
#include "system/atomic_file.h"

namespace rtcli {

class CheckpointWriter : public BandWriter {
 public:
  // Starts final.png's temporary in `folder`. Paths of files put in place are appended to
  // `written`, and `files_done` (when given) counts them for other threads to read. With a
  // `timeline`, appends, file writes and fsyncs are spans on its writer lane. Throws RunError
  // when a file cannot be written; files already written stay whole.
  CheckpointWriter(const BandLayout& layout, const std::filesystem::path& folder,
                   std::vector<Checkpoint> checkpoints, std::vector<std::filesystem::path>& written,
                   std::atomic<int>* files_done = nullptr, RunTimeline* timeline = nullptr);

  // The next band, in scan order; writes every checkpoint that ends inside it.
  void append(const CompressedBand& band) override;

  // After the last band: the checkpoints of the whole frame, then final.png.
  void finish() override;

  // Bands appended so far.
  int bands_done() const { return bands_done_; }

  // Bytes a writer holds at most, not counting the band it is given.
  static std::size_t peak_bytes(const BandLayout& layout);

 private:
  void write_checkpoint(const Checkpoint& checkpoint, const EncodedStrip* partial);
  // Syncs, commits and lists a file whose writing began at `started`.
  void put_in_place(AtomicFile& file, SteadyClock::time_point started);
  const EncodedStrip& black_strip(int strip);

  const BandLayout layout_;
  const std::filesystem::path folder_;
  const std::vector<Checkpoint> checkpoints_;
  std::vector<std::filesystem::path>& written_;
  std::atomic<int>* files_done_;
  RunTimeline* timeline_;
  std::size_t next_checkpoint_ = 0;
  int bands_done_ = 0;
  const std::string head_;
  AtomicFile final_;                        // final.png, growing band by band
  std::vector<std::uint64_t> strips_end_;   // [i]: final_'s size after i strips
  std::vector<std::uint32_t> adler_after_;  // [i]: Adler-32 of the first i strips' bytes
  std::optional<StripEncoder> black_encoder_;
  std::vector<std::optional<EncodedStrip>> black_;  // by StripLayout::black_class
};

}  // namespace rtcli
