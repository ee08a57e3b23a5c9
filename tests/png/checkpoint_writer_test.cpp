// The checkpoint writer: files assembled from compressed bands equal the plain encoder's
// output for the same prefix, byte for byte, and no temporary is ever left behind.
#include "png/checkpoint_writer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>

#include "png/band_encoder.h"
#include "png/band_layout.h"
#include "png/png_writer.h"
#include "png/render_job.h"
#include "system/errors.h"
#include "test_support.h"

namespace rtcli {
namespace {

// Renders, then checks every checkpoint file against encode_png of the final frame's prefix
// and the folder against the expected names.
void expect_checkpoints_match_final(const FrameSpec& settings, const std::filesystem::path& out) {
  const RenderSummary summary = render_to_directory(settings, out);
  const auto checkpoints = resolve_checkpoints(settings);
  const std::optional<test::Image> final_image = test::read_png(out / "final.png");
  ASSERT_TRUE(final_image);
  ASSERT_EQ(final_image->width, settings.width);
  std::vector<std::string> expected_names{"final.png"};
  for (const Checkpoint& c : checkpoints) {
    SCOPED_TRACE(c.name);
    const FrameView prefix{final_image->rgb.data(), settings.width, settings.height, c.pixels};
    EXPECT_TRUE(test::read_file(out / (c.name + ".png")) == encode_png(prefix));
    expected_names.push_back(c.name + ".png");
  }
  const FrameView whole{final_image->rgb.data(), settings.width, settings.height,
                        final_image->rgb.size() / 3};
  EXPECT_TRUE(test::read_file(out / "final.png") == encode_png(whole));
  std::sort(expected_names.begin(), expected_names.end());
  EXPECT_EQ(test::list_folder(out), expected_names);  // and no temporaries
  EXPECT_EQ(summary.files.size(), expected_names.size());
}

TEST(CheckpointWriter, LargeRenderCheckpointsAreTheFinalFramesPrefixThenBlack) {
  const test::TempDir dir;
  FrameSpec settings;
  settings.width = 4000;
  settings.height = 3000;
  settings.checkpoints = parse_checkpoints("25%,50%,75%");
  expect_checkpoints_match_final(settings, dir.path());
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
  FrameSpec settings;
  settings.width = 4000;  // strips of 5 rows; 23 rows make a last strip of 3
  settings.height = 23;
  settings.tile_width = 7;
  settings.tile_height = 5;
  settings.threads = 3;
  settings.step = 1;  // step k shows k + 1 pixels
  settings.checkpoints = parse_checkpoints("0,3998,3999,4000,19998,19999,20000,50%,22r,91998,100%");
  expect_checkpoints_match_final(settings, dir.path());
}

TEST(CheckpointWriter, NarrowFrameWithOneStripAndPointsPastTheEnd) {
  const test::TempDir dir;
  FrameSpec settings;
  settings.width = 13;
  settings.height = 11;
  settings.tile_width = 4;
  settings.tile_height = 3;
  settings.checkpoints = parse_checkpoints("0,5r,140,1000");  // the last two clamp to the end
  settings.step = 1;
  expect_checkpoints_match_final(settings, dir.path());
}

TEST(CheckpointWriter, DefaultRenderEqualsTheSeedFrames) {
  const auto seed = test::seed_dir();
  if (!seed) GTEST_SKIP() << "seed frames are not beside the project";
  const test::TempDir dir;
  FrameSpec settings;
  render_to_directory(settings, dir.path());
  for (const char* name : {"0.png", "1000.png", "2000.png", "3000.png"}) {
    const auto ours = test::read_png(dir / name);
    const auto theirs = test::read_png(*seed / name);
    ASSERT_TRUE(ours && theirs) << name;
    EXPECT_TRUE(ours->rgb == theirs->rgb) << name;
  }
}

// A frame of varied bytes, so that a strip out of place would show.
Frame patterned_frame(int width, int height) {
  Frame frame(width, height);
  for (std::size_t i = 0; i < Frame::bytes(width, height); ++i)
    frame.data()[i] = static_cast<std::uint8_t>((i * 7 + i / 13) & 0xff);
  return frame;
}

// Bands compressed one by one (the producer) and appended in order (the consumer) give the
// plain encoder's files, for checkpoints on band and strip edges and inside bands.
TEST(CheckpointWriter, BandsAppendedInOrderGiveThePlainEncodersFiles) {
  const test::TempDir dir;
  const int width = 4000;  // strips of 5 rows
  const int height = 47;
  const Frame frame = patterned_frame(width, height);
  const BandLayout layout(width, height, 7);  // bands of 2 strips: 10 rows
  ASSERT_EQ(layout.count(), 5);
  const std::vector<Checkpoint> checkpoints{{"zero", 0},
                                            {"one", 1},
                                            {"strip", 5 * 4000},
                                            {"in_band", 12 * 4000 + 9},
                                            {"same_strip", 13 * 4000},
                                            {"band", 20 * 4000},
                                            {"last", 47 * 4000 - 1},
                                            {"all", 47 * 4000}};
  std::vector<std::filesystem::path> written;
  {
    CheckpointWriter writer(layout, dir.path(), checkpoints, written);
    BandEncoder encoder(layout, checkpoints);
    for (int band = 0; band < layout.count(); ++band) writer.append(encoder.encode(frame, band));
    writer.finish();
  }
  for (const Checkpoint& c : checkpoints) {
    SCOPED_TRACE(c.name);
    EXPECT_TRUE(test::read_file(dir / (c.name + ".png")) == encode_png(frame.prefix(c.pixels)));
  }
  EXPECT_TRUE(test::read_file(dir / "final.png") == encode_png(frame.prefix(frame.pixels())));
  EXPECT_EQ(written.size(), checkpoints.size() + 1);
  EXPECT_EQ(written.back(), dir / "final.png");
  EXPECT_EQ(test::list_folder(dir.path()).size(), checkpoints.size() + 1);  // no temporaries
}

// A band compressed from a buffer that holds only its rows equals one from the whole frame.
TEST(CheckpointWriter, BandFromItsOwnRowsEqualsBandFromTheWholeFrame) {
  const int width = 301;
  const int height = 1000;
  const Frame whole = patterned_frame(width, height);
  const BandLayout layout(width, height, 40);
  const std::vector<Checkpoint> checkpoints{{"a", 301 * 130 + 17}};
  BandEncoder encoder(layout, checkpoints);
  Frame band_rows(width, height, layout.max_rows());
  const int band = layout.band_of_strip(layout.strips().strips_within_prefix(301 * 130 + 17));
  band_rows.set_first_row(layout.first_row(band));
  std::copy(whole.data() + Frame::bytes(width, layout.first_row(band)),
            whole.data() + Frame::bytes(width, layout.end_row(band)), band_rows.data());
  const CompressedBand from_rows = encoder.encode(band_rows, band);
  const CompressedBand from_whole = encoder.encode(whole, band);
  ASSERT_EQ(from_rows.strips.size(), from_whole.strips.size());
  for (std::size_t i = 0; i < from_rows.strips.size(); ++i)
    EXPECT_EQ(from_rows.strips[i].chunk, from_whole.strips[i].chunk) << i;
  ASSERT_EQ(from_rows.partials.size(), 1u);
  EXPECT_EQ(from_rows.partials[0].encoded.chunk, from_whole.partials[0].encoded.chunk);
}

TEST(CheckpointWriter, StoppedBeforeTheEndLeavesOnlyTheFilesAlreadyWritten) {
  const test::TempDir dir;
  const Frame frame = patterned_frame(4000, 20);
  const BandLayout layout(4000, 20, 5);  // one strip of 5 rows a band
  const std::vector<Checkpoint> checkpoints{{"a", 4000}, {"b", 4000 * 12}};
  std::vector<std::filesystem::path> written;
  {
    CheckpointWriter writer(layout, dir.path(), checkpoints, written);
    BandEncoder encoder(layout, checkpoints);
    writer.append(encoder.encode(frame, 0));  // a can be written, b cannot
    EXPECT_EQ(writer.bands_done(), 1);
  }  // destroyed unfinished: a cancelled render
  EXPECT_EQ(test::list_folder(dir.path()), std::vector<std::string>{"a.png"});
  EXPECT_EQ(written, std::vector<std::filesystem::path>{dir / "a.png"});
}

TEST(CheckpointWriter, BandOutOfOrderIsRefused) {
  const test::TempDir dir;
  const Frame frame = patterned_frame(4000, 100);
  const BandLayout layout(4000, 100, 1);
  ASSERT_GT(layout.count(), 1);
  std::vector<std::filesystem::path> written;
  CheckpointWriter writer(layout, dir.path(), {}, written);
  BandEncoder encoder(layout, {});
  EXPECT_THROW(writer.append(encoder.encode(frame, 1)), RunError);
  EXPECT_THROW(writer.finish(), RunError);
}

// A folder where a checkpoint goes cannot be replaced by a file: found before any rendering
// (every output is checked before the work), so nothing is written. Writes that fail
// midway (a full disk, a file-size limit) are in output_faults_test.cpp.
TEST(CheckpointWriter, UnwritableCheckpointIsRefusedBeforeAnyFile) {
  const test::TempDir dir;
  std::filesystem::create_directory(dir / "50pct.png");
  FrameSpec settings;
  settings.width = 400;
  settings.height = 300;
  settings.checkpoints = parse_checkpoints("25%,50%,75%");
  try {
    render_to_directory(settings, dir.path());
    FAIL() << "no error";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("50pct.png' is a folder"), std::string::npos) << e.what();
  }
  EXPECT_EQ(test::list_folder(dir.path()), (std::vector<std::string>{"50pct.png"}));
  EXPECT_TRUE(std::filesystem::is_directory(dir / "50pct.png"));
}

TEST(CheckpointWriter, PeakBytesStayFarBelowTheFrame) {
  const std::size_t frame = Frame::bytes(16384, 16384);
  EXPECT_LT(CheckpointWriter::peak_bytes(BandLayout(16384, 16384, 16)), frame / 100);
  EXPECT_LT(CheckpointWriter::peak_bytes(BandLayout(4000, 3000, 16)), std::size_t{2} << 20);
  EXPECT_GT(CheckpointWriter::peak_bytes(BandLayout(1, 1, 1)), 0u);
}

}  // namespace
}  // namespace rtcli
