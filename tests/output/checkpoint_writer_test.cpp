// The checkpoint writer: files written while the render runs equal the plain encoder's output
// for the same prefix, byte for byte, and no temporary is ever left behind.
#include "output/checkpoint_writer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <thread>

#include "jobs/render_job.h"
#include "output/png_writer.h"
#include "parallel/tile_scheduler.h"
#include "system/errors.h"
#include "test_support.h"

namespace rtcli {
namespace {

// Renders, then checks every checkpoint file against encode_png of the final frame's prefix
// and the folder against the expected names.
void expect_checkpoints_match_final(const RenderSettings& settings) {
  const RenderSummary summary = render_to_directory(settings);
  const auto checkpoints =
      resolve_checkpoints(settings.checkpoints, settings.width, settings.height, settings.step);
  const std::optional<test::Image> final_image = test::read_png(settings.out / "final.png");
  ASSERT_TRUE(final_image);
  ASSERT_EQ(final_image->width, settings.width);
  std::vector<std::string> expected_names{"final.png"};
  for (const Checkpoint& c : checkpoints) {
    SCOPED_TRACE(c.name);
    const FrameView prefix{final_image->rgb.data(), settings.width, settings.height, c.pixels};
    EXPECT_TRUE(test::read_file(settings.out / (c.name + ".png")) == encode_png(prefix));
    expected_names.push_back(c.name + ".png");
  }
  const FrameView whole{final_image->rgb.data(), settings.width, settings.height,
                        final_image->rgb.size() / 3};
  EXPECT_TRUE(test::read_file(settings.out / "final.png") == encode_png(whole));
  std::sort(expected_names.begin(), expected_names.end());
  EXPECT_EQ(test::list_folder(settings.out), expected_names);  // and no temporaries
  EXPECT_EQ(summary.files.size(), expected_names.size());
}

TEST(CheckpointWriter, LargeRenderCheckpointsAreTheFinalFramesPrefixThenBlack) {
  const test::TempDir dir;
  RenderSettings settings;
  settings.width = 4000;
  settings.height = 3000;
  settings.checkpoints = parse_checkpoints("25%,50%,75%");
  settings.out = dir.path();
  expect_checkpoints_match_final(settings);
  // And the decoded pixels, directly: 25% is the first 750 rows, then black.
  const auto quarter = test::read_png(dir / "25pct.png");
  const auto final_image = test::read_png(dir / "final.png");
  ASSERT_TRUE(quarter && final_image);
  const std::size_t split = 4000u * 750 * 3;
  EXPECT_TRUE(
      std::equal(quarter->rgb.begin(), quarter->rgb.begin() + split, final_image->rgb.begin()));
  EXPECT_TRUE(std::all_of(quarter->rgb.begin() + split, quarter->rgb.end(),
                          [](std::uint8_t v) { return v == 0; }));
  if (std::system("command -v pngcheck >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "pngcheck is not installed";
  for (const char* name : {"25pct.png", "50pct.png", "75pct.png", "final.png"}) {
    const std::string command = "pngcheck -q '" + (dir / name).string() + "' >/dev/null";
    EXPECT_EQ(std::system(command.c_str()), 0) << name;
  }
}

TEST(CheckpointWriter, PrefixesAtAndAroundRowAndStripEdgesWithRaggedTiles) {
  const test::TempDir dir;
  RenderSettings settings;
  settings.width = 4000;  // strips of 5 rows; 23 rows make a last strip of 3
  settings.height = 23;
  settings.tile_width = 7;
  settings.tile_height = 5;
  settings.threads = 3;
  settings.step = 1;  // step k shows k + 1 pixels
  settings.checkpoints = parse_checkpoints("0,3998,3999,4000,19998,19999,20000,50%,22r,91998,100%");
  settings.out = dir.path();
  expect_checkpoints_match_final(settings);
}

TEST(CheckpointWriter, NarrowFrameWithOneStripAndPointsPastTheEnd) {
  const test::TempDir dir;
  RenderSettings settings;
  settings.width = 13;
  settings.height = 11;
  settings.tile_width = 4;
  settings.tile_height = 3;
  settings.checkpoints = parse_checkpoints("0,5r,140,1000");  // the last two clamp to the end
  settings.step = 1;
  settings.out = dir.path();
  expect_checkpoints_match_final(settings);
}

TEST(CheckpointWriter, DefaultRenderEqualsTheSeedFrames) {
  const auto seed = test::seed_dir();
  if (!seed) GTEST_SKIP() << "seed frames are not beside the project";
  const test::TempDir dir;
  RenderSettings settings;
  settings.out = dir.path();
  render_to_directory(settings);
  for (const char* name : {"0.png", "1000.png", "2000.png", "3000.png"}) {
    const auto ours = test::read_png(dir / name);
    const auto theirs = test::read_png(*seed / name);
    ASSERT_TRUE(ours && theirs) << name;
    EXPECT_TRUE(ours->rgb == theirs->rgb) << name;
  }
}

TEST(CheckpointWriter, CancelledRunLeavesOnlyTheFilesAlreadyWritten) {
  const test::TempDir dir;
  Frame frame(4000, 20);
  std::fill(frame.data(), frame.data() + Frame::bytes(4000, 20), 77);
  const TileGrid grid(4000, 20, 4000, 5);  // one tile per 5 rows
  TileScheduler scheduler(grid.count());
  const std::vector<Checkpoint> checkpoints{{"a", 4000}, {"b", 4000 * 12}};
  std::vector<std::filesystem::path> written;
  const auto wait = [&](int tiles) { return scheduler.wait_for_prefix(tiles); };
  std::thread writer(
      [&] { write_frames_as_rendered(frame, grid, wait, dir.path(), checkpoints, written); });
  scheduler.complete(0);  // checkpoint a can be written, b cannot
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!std::filesystem::exists(dir / "a.png") && std::chrono::steady_clock::now() < give_up)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  scheduler.cancel();
  writer.join();
  EXPECT_EQ(test::list_folder(dir.path()), std::vector<std::string>{"a.png"});
  EXPECT_EQ(written, std::vector<std::filesystem::path>{dir / "a.png"});
}

// A folder where a checkpoint goes cannot be replaced by a file: found before any rendering
// (issue 13: every output checked before the work), so nothing is written. Writes that fail
// midway (a full disk, a file-size limit) are in output_faults_test.cpp.
TEST(CheckpointWriter, UnwritableCheckpointIsRefusedBeforeAnyFile) {
  const test::TempDir dir;
  std::filesystem::create_directory(dir / "50pct.png");
  RenderSettings settings;
  settings.width = 400;
  settings.height = 300;
  settings.checkpoints = parse_checkpoints("25%,50%,75%");
  settings.out = dir.path();
  try {
    render_to_directory(settings);
    FAIL() << "no error";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("50pct.png' is a folder"), std::string::npos) << e.what();
  }
  EXPECT_EQ(test::list_folder(dir.path()), (std::vector<std::string>{"50pct.png"}));
  EXPECT_TRUE(std::filesystem::is_directory(dir / "50pct.png"));
}

TEST(FrameWriterPeakBytes, StaysFarBelowTheFrameForLargeFrames) {
  const std::size_t frame = Frame::bytes(16384, 16384);
  EXPECT_LT(frame_writer_peak_bytes(16384, 16384), frame / 100);
  EXPECT_LT(frame_writer_peak_bytes(4000, 3000), std::size_t{2} << 20);
  EXPECT_GT(frame_writer_peak_bytes(1, 1), 0u);
}

}  // namespace
}  // namespace rtcli
