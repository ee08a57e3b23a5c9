// End-to-end: `rtcli compare` as a user runs it: exit codes and one-line errors.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "compare/compare_fixtures.h"
#include "test_support.h"

namespace rtcli::test {
namespace {

TEST(CompareCli, ExitCodesOfVerdictsRefusalsAndBadInput) {
  TempDir dir;
  const std::string base = write_fixture(dir / "base.json", compare_fixture(ten_around(10)));
  const std::string slower = write_fixture(dir / "slower.json", compare_fixture(ten_around(13)));
  nlohmann::json wide = compare_fixture(ten_around(10));
  wide["config"]["width"] = 800;
  const std::string other = write_fixture(dir / "wide.json", wide);

  CommandResult r = run_rtcli({"compare", base, slower});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("regressed"), std::string::npos) << r.out;
  r = run_rtcli({"compare", base, slower, "--fail-on-regression"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  r = run_rtcli({"compare", base, base, "--fail-on-regression", "--format", "json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(nlohmann::json::parse(r.out)["any_regressed"].get<bool>());

  r = run_rtcli({"compare", base, other});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "rtcli: error: the reports do not compare: frame size differs (64x48 vs "
            "800x48) (--force compares anyway)\n");
  EXPECT_TRUE(r.out.empty());
  r = run_rtcli({"compare", base, other, "--force", "--format", "markdown"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("warning: compared with --force although frame size differs"),
            std::string::npos);
  EXPECT_NE(r.out.find("(forced) |"), std::string::npos) << r.out;

  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"compare", base, (dir / "none.json").string()},
        {"compare", base, slower, "--threshold", "-1"},
        {"compare", base, slower, "--threshold", "x"},
        {"compare", base, slower, "--format", "html"},
        {"compare", base}}) {
    r = run_rtcli(args);
    EXPECT_EQ(r.exit_code, 2) << args.back();
    EXPECT_EQ(r.err.rfind("rtcli: error: ", 0), 0u) << r.err;
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
  }
  // Two missing files: the one line names the first, as given.
  r = run_rtcli({"compare", (dir / "first.json").string(), (dir / "second.json").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("first.json"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("second.json"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace rtcli::test
