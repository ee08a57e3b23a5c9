#include "scene/scene_loader.h"

#include <gtest/gtest.h>

#include <string>

#include "system/errors.h"

namespace rtcli {
namespace {

const char* kMinimal = R"({"spheres": [{"centre": [0, 0, 5], "radius": 1}],
                           "lights": [{"position": [0, 0, 0]}]})";

std::string error_for(const std::string& json) {
  try {
    parse_scene(json, "scene.json");
  } catch (const RunError& e) {
    return e.what();
  }
  return "";
}

TEST(SceneLoader, SeedProfileEqualsTheBuiltInScene) {
  const Scene loaded = load_scene_file(RTCLI_SOURCE_DIR "/profiles/seed.json");
  const Scene seed = seed_scene();
  ASSERT_EQ(loaded.spheres.size(), 1u);
  ASSERT_EQ(loaded.lights.size(), 1u);
  EXPECT_EQ(loaded.spheres[0].centre.z, seed.spheres[0].centre.z);
  EXPECT_EQ(loaded.spheres[0].radius, seed.spheres[0].radius);
  EXPECT_EQ(loaded.spheres[0].colour.r, seed.spheres[0].colour.r);
  EXPECT_EQ(loaded.lights[0].position.x, seed.lights[0].position.x);
  EXPECT_EQ(loaded.lights[0].position.z, seed.lights[0].position.z);
  EXPECT_EQ(loaded.background, seed.background);
  EXPECT_EQ(loaded.ambient, seed.ambient);
  EXPECT_EQ(loaded.window.width, seed.window.width);
  EXPECT_EQ(loaded.window.height, seed.window.height);
}

TEST(SceneLoader, DefaultsFillOptionalFields) {
  const Scene scene = parse_scene(kMinimal, "minimal");
  EXPECT_EQ(scene.background, (Rgb8{100, 100, 100}));
  EXPECT_EQ(scene.ambient, 30.0);
  EXPECT_EQ(scene.spheres[0].colour.r, 255.0);
  EXPECT_EQ(scene.lights[0].intensity, 1.0);
}

TEST(SceneLoader, MissingFileIsNamed) {
  try {
    load_scene_file("/nonexistent/scene.json");
    FAIL();
  } catch (const RunError& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/scene.json"), std::string::npos);
  }
}

TEST(SceneLoader, NotJsonReportsLineAndColumn) {
  const std::string message = error_for("{\n  \"spheres\": [\n    {oops}\n  ]\n}");
  EXPECT_NE(message.find("not valid JSON at line 3, column 6"), std::string::npos) << message;
}

struct BadScene {
  const char* json;
  const char* expected;  // a piece of the one-line message
};

class SceneLoaderRejects : public ::testing::TestWithParam<BadScene> {};

TEST_P(SceneLoaderRejects, WithAMessageNamingTheValue) {
  const std::string message = error_for(GetParam().json);
  EXPECT_NE(message.find(GetParam().expected), std::string::npos) << "message: '" << message << "'";
  EXPECT_EQ(message.find('\n'), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(
    Errors, SceneLoaderRejects,
    ::testing::Values(
        BadScene{"[]", "scene: expected an object"},
        BadScene{R"({"spheres": [], "lights": []})", "lights: a scene needs at least one light"},
        BadScene{R"({"spheres": []})", "missing 'lights'"},
        BadScene{
            R"({"spheres": [{"centre": [0,0,5], "radius": 0}], "lights": [{"position": [0,0,0]}]})",
            "spheres[0].radius: must be positive, got 0"},
        BadScene{
            R"({"spheres": [{"centre": [0,0,5], "radius": -2}], "lights": [{"position": [0,0,0]}]})",
            "spheres[0].radius: must be positive, got -2"},
        BadScene{
            R"({"spheres": [{"centre": [0,0,5], "radius": "big"}], "lights": [{"position": [0,0,0]}]})",
            "spheres[0].radius: expected a number, got \"big\""},
        BadScene{
            R"({"spheres": [{"centre": [0,0], "radius": 1}], "lights": [{"position": [0,0,0]}]})",
            "spheres[0].centre: expected [x, y, z]"},
        BadScene{
            R"({"spheres": [{"centre": [0,0,1e999], "radius": 1}], "lights": [{"position": [0,0,0]}]})",
            "number '1e999' is not finite"},
        BadScene{
            R"({"spheres": [{"centre": [0,0,5], "radius": 1, "colour": [300,0,0]}], "lights": [{"position": [0,0,0]}]})",
            "spheres[0].colour[0]: a colour channel must be in 0..255"},
        BadScene{
            R"({"spheres": [{"centre": [0,0,5], "radius": 1, "radus": 2}], "lights": [{"position": [0,0,0]}]})",
            "spheres[0]: unknown key 'radus'; did you mean 'radius'?"},
        // American spellings of the scene's keys get the right one.
        BadScene{
            R"({"spheres": [{"center": [0,0,5], "radius": 1}], "lights": [{"position": [0,0,0]}]})",
            "spheres[0]: unknown key 'center'; did you mean 'centre'?"},
        BadScene{
            R"({"spheres": [{"centre": [0,0,5], "radius": 1, "color": [1,2,3]}], "lights": [{"position": [0,0,0]}]})",
            "spheres[0]: unknown key 'color'; did you mean 'colour'?"},
        BadScene{R"({"spheres": {}, "lights": [{"position": [0,0,0]}]})",
                 "spheres: expected an array"},
        BadScene{R"({"spheres": [], "lights": [{"position": [0,0,null]}]})",
                 "lights[0].position[2]: expected a number, got null"},
        BadScene{R"({"spheres": [], "lights": [{"position": [0,0,0]}], "ambient": -1})",
                 "ambient: must be in 0..255"},
        BadScene{R"({"spheres": [], "lights": [{"position": [0,0,0]}], "window": {"width": 0}})",
                 "window.width: must be positive"},
        BadScene{R"({"spheres": [], "lights": [{"position": [0,0,0]}], "background": [1.5,0,0]})",
                 "background: background channels must be whole numbers"},
        BadScene{R"({"spheres": [{"centre": [0,0,NaN], "radius": 1}], "lights": []})",
                 "not valid JSON at line 1, column 30: syntax error"},
        BadScene{"", "not valid JSON at line 1, column 1"},
        // Names have their type like every other key; a key given twice is refused.
        BadScene{
            R"({"spheres": [{"centre": [0,0,5], "radius": 1, "name": ["a"]}], "lights": [{"position": [0,0,0]}]})",
            "spheres[0].name: expected a string, got [\"a\"]"},
        BadScene{R"({"spheres": [], "lights": [{"position": [0,0,0], "name": {"a": 1}}]})",
                 "lights[0].name: expected a string, got {\"a\":1}"},
        BadScene{
            R"({"spheres": [{"centre": [0,0,5], "radius": 1}, {"centre": [0,0,5], "radius": 1, "radius": 2}], "lights": [{"position": [0,0,0]}]})",
            "spheres[1]: duplicated key 'radius'"},
        BadScene{R"({"spheres": [], "lights": [{"position": [0,0,0]}], "lights": []})",
                 "scene: duplicated key 'lights'"},
        BadScene{
            R"({"spheres": [], "lights": [{"position": [0,0,0]}], "window": {"x": 1, "x": 1}})",
            "window: duplicated key 'x'"}));

// The whole line keeps its FILE: PATH: form with the suggestion at the end; a key unlike any
// known one gets none.
TEST(SceneLoader, UnknownKeySuggestsOnlyACloseSpelling) {
  EXPECT_EQ(error_for(R"({"spheres": [], "lights": [{"position": [0,0,0], "intensty": 2}]})"),
            "scene.json: lights[0]: unknown key 'intensty'; did you mean 'intensity'?");
  EXPECT_EQ(error_for(R"({"spheres": [], "lights": [{"position": [0,0,0]}], "camera": 1})"),
            "scene.json: scene: unknown key 'camera'");
}

// The same key in different objects is no duplicate.
TEST(SceneLoader, SameKeyInSeparateObjectsIsAccepted) {
  const Scene scene = parse_scene(
      R"({"spheres": [{"centre": [0,0,5], "radius": 1}, {"centre": [1,0,5], "radius": 2}],
          "lights": [{"position": [0,0,0], "intensity": 1}, {"position": [1,0,0], "intensity": 1}]})",
      "two.json");
  EXPECT_EQ(scene.spheres.size(), 2u);
  EXPECT_EQ(scene.lights.size(), 2u);
}

// A name 100,000 levels deep is refused with a short message, without exhausting the stack.
TEST(SceneLoader, DeeplyNestedNameIsRefused) {
  const std::size_t depth = 100'000;
  const std::string text = R"({"spheres": [], "lights": [{"position": [0,0,0], "name": )" +
                           std::string(depth, '[') + std::string(depth, ']') + "}]}";
  try {
    parse_scene(text, "deep.json");
    FAIL() << "accepted";
  } catch (const RunError& e) {
    EXPECT_NE(std::string(e.what()).find("lights[0].name: expected a string, got [[[["),
              std::string::npos)
        << e.what();
    EXPECT_LT(std::string(e.what()).size(), 200u);
  }
}

}  // namespace
}  // namespace rtcli
