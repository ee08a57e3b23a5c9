// The streaming render writes exactly the files of an in-memory render through the reference
// kernel: every profile, odd sizes and tile shapes, checkpoints inside bands. And a writer that
// falls behind holds the workers back instead of letting compressed bands pile up.
#include <gtest/gtest.h>

#include <thread>

#include "pipeline/tiles.h"
#include "png/checkpoint_writer.h"
#include "png/png_sink.h"
#include "png/png_writer.h"
#include "png/render_job.h"
#include "png/render_memory.h"
#include "scene/scene_loader.h"
#include "shading/frame.h"
#include "shading/tile_renderer.h"
#include "test_support.h"

namespace rtcli {
namespace {

struct Case {
  std::string profile;  // file in profiles/, or "" for the seed scene
  int width;
  int height;
  int tile_width;
  int tile_height;
  int threads;
  std::string checkpoints;
  std::size_t step = 1;
};

void expect_streamed_equals_reference(const Case& c) {
  SCOPED_TRACE(c.profile + " " + std::to_string(c.width) + "x" + std::to_string(c.height) +
               " tile " + std::to_string(c.tile_width) + "x" + std::to_string(c.tile_height));
  const test::TempDir dir;
  FrameSpec settings;
  settings.width = c.width;
  settings.height = c.height;
  settings.tile_width = c.tile_width;
  settings.tile_height = c.tile_height;
  settings.threads = c.threads;
  settings.step = c.step;
  settings.checkpoints = parse_checkpoints(c.checkpoints);
  if (!c.profile.empty())
    settings.scene =
        load_scene_file(std::filesystem::path(RTCLI_SOURCE_DIR) / "profiles" / c.profile);
  const RenderSummary summary = render_to_directory(settings, dir.path());

  // The reference: the whole frame in memory, brute-force shade_pixel, encoded whole.
  Frame reference(c.width, c.height);
  const TileGrid whole(c.width, c.height, c.width, c.height);
  render_tile_reference(settings.scene, whole.bounds(0), reference);
  for (const Checkpoint& point : resolve_checkpoints(settings)) {
    SCOPED_TRACE(point.name);
    EXPECT_TRUE(test::read_file(dir / (point.name + ".png")) ==
                encode_png(reference.prefix(point.pixels)));
  }
  EXPECT_TRUE(test::read_file(dir / "final.png") ==
              encode_png(reference.prefix(reference.pixels())));
  EXPECT_EQ(summary.files.size(), settings.checkpoints.size() + 1);
}

TEST(StreamingRender, EqualsTheInMemoryReferenceForEveryProfile) {
  for (const char* profile :
       {"", "seed.json", "showcase.json", "field-10.json", "field-10000.json"})
    expect_streamed_equals_reference({profile, 211, 97, 64, 16, 2, "0,1000,25%,40r,99%"});
}

TEST(StreamingRender, EqualsTheReferenceForOddSizesAndTileShapes) {
  const std::vector<Case> cases{
      {"", 1, 1, 1, 1, 1, "0"},
      {"", 7, 3, 2, 2, 3, "1,5,100"},
      {"", 4000, 23, 7, 5, 3, "0,3998,3999,4000,19998,19999,20000,50%,22r,91998,100%"},
      {"", 1001, 333, 1001, 1, 2, "33%,66%"},  // one-row tiles: bands of one strip
      {"", 333, 1001, 17, 300, 2, "10%,90%"},  // tall tiles: few bands, several strips each
      {"showcase.json", 129, 257, 4096, 16, 4, "1r,2r,128r"},
      {"", 16384, 3, 4096, 16, 2, "1,16383,16384,16385,30000"},      // one-row strips
      {"", 30001, 5, 4096, 2, 2, "1,15000,15001,45001,50%,149999"},  // rows in two pieces
  };
  for (const Case& c : cases) expect_streamed_equals_reference(c);
}

// Several checkpoints inside one band, and one on each side of band edges.
TEST(StreamingRender, CheckpointsInsideABandAndOnItsEdges) {
  // 4000 wide: strips of 5 rows; tile height 16 gives bands of 4 strips (20 rows).
  expect_streamed_equals_reference(
      {"", 4000, 61, 4096, 16, 2,
       "0,1,79999,80000,80001,84000,99999,100000,119999,120000,243999,244000", 1});
}

// Passes bands on to the files, but holds the first one until a worker has had to wait for
// room: the writer falls behind, and the workers must stop rather than queue more bands.
class HeldWriter : public BandWriter {
 public:
  explicit HeldWriter(BandWriter& files) : files_(files) {}
  void append(const CompressedBand& band) override {
    if (band.index == 0)
      while (sink->producer_waits() == 0) std::this_thread::yield();
    files_.append(band);
  }
  void finish() override { files_.finish(); }
  const PngSink* sink = nullptr;

 private:
  BandWriter& files_;
};

// Workers wait for a writer that falls behind (back-pressure), never queueing more bands than
// the window, and the files are still exact.
TEST(StreamingRender, SlowWriterHoldsTheWorkersBack) {
  const test::TempDir dir;
  FrameSpec spec;
  spec.width = 640;
  spec.height = 480;
  spec.tile_height = 8;  // 60 bands of one strip of 20 rows... at most
  spec.threads = 2;
  spec.checkpoints = parse_checkpoints("50%");
  StreamedFrame frame(spec);
  std::vector<std::filesystem::path> written;
  CheckpointWriter files(frame.layout(), dir.path(), resolve_checkpoints(spec), written);
  HeldWriter held(files);
  PngSink png(frame.layout(), resolve_checkpoints(spec), held, band_window(2));
  held.sink = &png;
  RenderSummary summary;
  frame.render({&png}, nullptr, summary);
  EXPECT_EQ(png.window(), band_window(2));
  EXPECT_GT(summary.bands, png.window() * 2);
  EXPECT_GT(png.producer_waits(), 0);
  EXPECT_LE(png.peak_bands_queued(), png.window());
  Frame reference(640, 480);
  render_tile_reference(spec.scene, {0, 0, 640, 480}, reference);
  EXPECT_TRUE(test::read_file(dir / "final.png") ==
              encode_png(reference.prefix(reference.pixels())));
  EXPECT_TRUE(test::read_file(dir / "50pct.png") ==
              encode_png(reference.prefix(reference.pixels() / 2)));
}

// A sink beside the PNG output that fails stops the render: the checkpoint already written
// stays whole, and neither final.png nor a temporary is left.
TEST(StreamingRender, AFailingSinkLeavesOnlyWholeFiles) {
  class FailsAtBand : public FrameSink {
   public:
    void band_finished(const FinishedBand& band) override {
      if (band.index == 10) throw std::runtime_error("view failed");
    }
  };
  const test::TempDir dir;
  FrameSpec spec;
  spec.width = 640;
  spec.height = 480;
  spec.tile_height = 8;
  spec.threads = 1;  // bands in order: 10% (in band 1 of 15) is written before band 10 fails
  spec.checkpoints = parse_checkpoints("10%");
  {
    StreamedFrame frame(spec);
    std::vector<std::filesystem::path> written;
    CheckpointWriter files(frame.layout(), dir.path(), resolve_checkpoints(spec), written);
    PngSink png(frame.layout(), resolve_checkpoints(spec), files, band_window(1));
    FailsAtBand failing;
    RenderSummary summary;
    EXPECT_THROW(frame.render({&png, &failing}, nullptr, summary), std::runtime_error);
  }
  EXPECT_EQ(test::list_folder(dir.path()), std::vector<std::string>{"10pct.png"});
  Frame reference(640, 480);
  render_tile_reference(spec.scene, {0, 0, 640, 480}, reference);
  EXPECT_TRUE(test::read_file(dir / "10pct.png") ==
              encode_png(reference.prefix(reference.pixels() / 10)));
}

}  // namespace
}  // namespace rtcli
