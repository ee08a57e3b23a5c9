#include "output/checkpoint_writer.h"

#include <cstdint>
#include <optional>
#include <string>

#include "output/atomic_file.h"
#include "output/png_container.h"
#include "output/png_strips.h"

namespace rtcli {

namespace {

class FrameFiles {
 public:
  FrameFiles(const Frame& frame, const TileGrid& grid, const WaitForTiles& wait_for_tiles,
             const std::filesystem::path& folder)
      : frame_(frame),
        grid_(grid),
        wait_for_tiles_(wait_for_tiles),
        folder_(folder),
        layout_(frame.width(), frame.height()),
        encoder_(layout_),
        head_(png_head(frame.width(), frame.height())),
        final_(folder / "final.png") {
    final_.write(head_);
    strips_end_.reserve(static_cast<std::size_t>(layout_.count()) + 1);
    adler_after_.reserve(static_cast<std::size_t>(layout_.count()) + 1);
    strips_end_.push_back(final_.size());
    adler_after_.push_back(1);
  }

  int strips_done() const { return static_cast<int>(strips_end_.size()) - 1; }
  const StripLayout& layout() const { return layout_; }

  // Compresses final strips, each once its rows are rendered, until `end` strips are in
  // final.png's temporary. False if the render was cancelled first.
  bool append_final_strips(int end) {
    const std::size_t width = static_cast<std::size_t>(frame_.width());
    while (strips_done() < end) {
      const int strip = strips_done();
      const std::size_t strip_end_pixel = static_cast<std::size_t>(layout_.end_row(strip)) * width;
      if (!wait_for_tiles_(grid_.tiles_covering_prefix(strip_end_pixel))) return false;
      encoder_.encode(frame_.prefix(frame_.pixels()), strip, encoded_);
      final_.write(encoded_.chunk);
      strips_end_.push_back(final_.size());
      adler_after_.push_back(
          adler32_concat(adler_after_.back(), encoded_.adler32, encoded_.filtered_bytes));
    }
    return true;
  }

  // The checkpoint's prefix must be rendered and its whole strips appended already.
  std::filesystem::path write_checkpoint(const Checkpoint& checkpoint) {
    const int whole = layout_.strips_within_prefix(checkpoint.pixels);
    AtomicFile file(folder_ / (checkpoint.name + ".png"));
    file.write(head_);
    const std::size_t whole_index = static_cast<std::size_t>(whole);
    file.append_copy(final_, strips_end_.front(), strips_end_[whole_index] - strips_end_.front());
    std::uint32_t adler = adler_after_[whole_index];
    if (whole < layout_.count()) {
      // The strip holding the partial row: its visible rows, then black.
      encoder_.encode(frame_.prefix(checkpoint.pixels), whole, encoded_);
      file.write(encoded_.chunk);
      adler = adler32_concat(adler, encoded_.adler32, encoded_.filtered_bytes);
    }
    for (int strip = whole + 1; strip < layout_.count(); ++strip) {
      const EncodedStrip& black = black_strip(strip);
      file.write(black.chunk);
      adler = adler32_concat(adler, black.adler32, black.filtered_bytes);
    }
    file.write(png_tail(adler));
    file.commit();
    return file.path();
  }

  // Every strip must be appended already.
  std::filesystem::path finish_final() {
    final_.write(png_tail(adler_after_.back()));
    final_.commit();
    return final_.path();
  }

 private:
  // An all-black strip compresses the same wherever it is, so each height is done once: the
  // common one and the possibly shorter last strip.
  const EncodedStrip& black_strip(int strip) {
    const bool last = strip == layout_.count() - 1;
    std::optional<EncodedStrip>& cached = last ? black_last_ : black_;
    if (!cached) {
      cached.emplace();
      encoder_.encode(FrameView{nullptr, frame_.width(), frame_.height(), 0}, strip, *cached);
    }
    return *cached;
  }

  const Frame& frame_;
  const TileGrid& grid_;
  const WaitForTiles& wait_for_tiles_;
  const std::filesystem::path folder_;
  const StripLayout layout_;
  StripEncoder encoder_;
  EncodedStrip encoded_;
  const std::string head_;
  AtomicFile final_;                        // final.png, growing strip by strip
  std::vector<std::uint64_t> strips_end_;   // [i]: final_'s size after i strips
  std::vector<std::uint32_t> adler_after_;  // [i]: Adler-32 of the first i strips' bytes
  std::optional<EncodedStrip> black_;
  std::optional<EncodedStrip> black_last_;
};

}  // namespace

void write_frames_as_rendered(const Frame& frame, const TileGrid& grid,
                              const WaitForTiles& wait_for_tiles,
                              const std::filesystem::path& folder,
                              const std::vector<Checkpoint>& checkpoints,
                              std::vector<std::filesystem::path>& written) {
  FrameFiles files(frame, grid, wait_for_tiles, folder);
  for (const Checkpoint& checkpoint : checkpoints) {
    if (!files.append_final_strips(files.layout().strips_within_prefix(checkpoint.pixels))) return;
    if (!wait_for_tiles(grid.tiles_covering_prefix(checkpoint.pixels))) return;
    written.push_back(files.write_checkpoint(checkpoint));
  }
  if (!files.append_final_strips(files.layout().count())) return;
  written.push_back(files.finish_final());
}

std::size_t frame_writer_peak_bytes(int width, int height) {
  const StripLayout layout(width, height);
  const std::size_t per_strip_index = sizeof(std::uint64_t) + sizeof(std::uint32_t);
  const std::size_t file_buffers = 3 * 64 * 1024;  // two AtomicFiles and a fallback copy
  // The encoder, two cached black strips, the strip index, the files' buffers.
  return StripEncoder::peak_bytes(layout) + 2 * layout.max_chunk_bytes() +
         (static_cast<std::size_t>(layout.count()) + 1) * per_strip_index + file_buffers;
}

}  // namespace rtcli
