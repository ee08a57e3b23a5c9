// The flag table is the one declaration of every flag: --help, the man page, the completions
// and the manual's tables all come from it, and a mistyped command or flag is named with the
// nearest known one.
#include "cli/flag_table.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "child_process.h"
#include "test_support.h"

namespace rtcli::test {
namespace {
using cli::kRender;

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::vector<const cli::FlagSpec*> flags_of(cli::Command command) {
  std::vector<const cli::FlagSpec*> out;
  for (const cli::FlagSpec& flag : cli::flags())
    if ((flag.commands & command) != 0) out.push_back(&flag);
  return out;
}

TEST(FlagTable, EveryFlagOfACommandIsInItsHelp) {
  for (const cli::CommandSpec& spec : cli::commands()) {
    const cli::Command command = spec.command;
    const std::string name(spec.name);
    const CommandResult help = run_rtcli({name, "--help"});
    ASSERT_EQ(help.exit_code, 0) << help.err;
    ASSERT_FALSE(flags_of(command).empty());
    for (const cli::FlagSpec* flag : flags_of(command)) {
      EXPECT_TRUE(has(help.out, std::string(flag->name))) << name << " " << flag->name;
      EXPECT_TRUE(has(help.out, cli::plain(flag->help))) << name << " " << flag->name;
      if (!flag->default_value.empty()) {
        EXPECT_TRUE(has(help.out, std::string(flag->name) + " " + std::string(flag->value_name) +
                                      "=" + std::string(flag->default_value)))
            << help.out;
      }
    }
  }
  const CommandResult top = run_rtcli({"--help"});
  ASSERT_EQ(top.exit_code, 0);
  for (const cli::CommandSpec& command : cli::commands())
    EXPECT_TRUE(has(top.out, std::string(command.summary))) << top.out;
}

// Each of a command's flags is declared once for it, so a lookup is never ambiguous.
TEST(FlagTable, NoFlagIsDeclaredTwiceForACommand) {
  for (const cli::CommandSpec& command : cli::commands()) {
    const auto list = flags_of(command.command);
    for (std::size_t i = 0; i < list.size(); ++i)
      for (std::size_t j = i + 1; j < list.size(); ++j)
        EXPECT_NE(list[i]->name, list[j]->name) << command.name;
  }
}

struct Mistake {
  std::vector<std::string> args;
  std::string line;  // the whole of stderr
};

class Mistakes : public ::testing::TestWithParam<Mistake> {};

TEST_P(Mistakes, AreNamedWithTheNearestKnownWordAndExit2) {
  const TempDir dir;
  std::vector<std::string> args;
  for (const std::string& a : GetParam().args)
    args.push_back(a == "DIR" ? (dir / "x").string() : a);
  const CommandResult r = run_rtcli(args);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, GetParam().line);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(list_folder(dir.path()).empty());
}

INSTANTIATE_TEST_SUITE_P(
    Typos, Mistakes,
    ::testing::Values(
        Mistake{{"rendr", "--out", "DIR"},
                "rtcli: error: unknown command 'rendr'; did you mean 'render'?\n"},
        Mistake{{"bnech"}, "rtcli: error: unknown command 'bnech'; did you mean 'bench'?\n"},
        Mistake{
            {"deploy"},
            "rtcli: error: unknown command 'deploy'; the commands are render, bench, compare\n"},
        Mistake{{"--versoin"},
                "rtcli: error: unknown option '--versoin'; did you mean '--version'?\n"},
        Mistake{{"render", "--otu", "DIR"},
                "rtcli: error: unknown option '--otu' for 'rtcli render'; did you mean '--out'?\n"},
        Mistake{{"render", "--out", "DIR", "--thread=2"},
                "rtcli: error: unknown option '--thread' for 'rtcli render'; did you mean "
                "'--threads'?\n"},
        Mistake{{"bench", "--repetitons", "3"},
                "rtcli: error: unknown option '--repetitons' for 'rtcli bench'; did you mean "
                "'--repetitions'?\n"},
        // A render flag on bench: named, with no far-fetched guess.
        Mistake{{"bench", "--out", "DIR"},
                "rtcli: error: unknown option '--out' for 'rtcli bench'\n"},
        Mistake{{"bench", "-x"}, "rtcli: error: unknown option '-x' for 'rtcli bench'\n"},
        Mistake{{"--size", "8x8", "bench"},
                "rtcli: error: option '--size' before the command: it belongs to 'rtcli render' "
                "and 'rtcli bench', after the command's name\n"}));

// A value that looks like a flag is still the value of the flag before it.
TEST(FlagTable, ValuesAreNotTakenForFlags) {
  const CommandResult r = run_rtcli({"render", "--size", "-5x10", "--out", "x"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(has(r.err, "--size: invalid value '-5x10'")) << r.err;
}

TEST(FlagTable, MarkdownTableHasARowPerFlag) {
  for (const cli::CommandSpec& spec : cli::commands()) {
    const cli::Command command = spec.command;
    const std::string name(spec.name);
    const CommandResult r = run_rtcli({"--help-markdown", name});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.rfind("| flag | default | meaning |\n| --- | --- | --- |\n", 0), 0u) << r.out;
    const auto rows = std::count(r.out.begin(), r.out.end(), '\n') - 2;
    EXPECT_EQ(rows, static_cast<long>(flags_of(command).size())) << r.out;
    for (const cli::FlagSpec* flag : flags_of(command))
      EXPECT_TRUE(has(r.out, "\n| `" + std::string(flag->name))) << flag->name;
  }
  EXPECT_TRUE(has(run_rtcli({"--help-markdown", "render"}).out,
                  "| `--accel auto\\|bvh\\|none` | `auto` |"));
  EXPECT_EQ(run_rtcli({"--help-markdown", "rendr"}).exit_code, 2);
  EXPECT_EQ(run_rtcli({"--help-markdown"}).exit_code, 2);
}

const std::filesystem::path kShare = RTCLI_SHARE_DIR;

// The build's man page, as `man -l` shows it: a section per subcommand, every flag.
TEST(FlagTable, ManPageRendersWithEveryFlag) {
  if (!std::filesystem::exists("/usr/bin/man")) GTEST_SKIP() << "man is not installed (man-db)";
  RtcliProcess man(
      {"-c", "MANWIDTH=200 man -l \"$0\" 2>&1", (kShare / "man/man1/rtcli.1").string()},
      ChildLimits{}, "/bin/sh");
  const CommandResult r = man.wait();
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(has(r.out, "RTCLI RENDER")) << r.out;
  EXPECT_TRUE(has(r.out, "RTCLI BENCH")) << r.out;
  EXPECT_TRUE(has(r.out, "EXIT STATUS")) << r.out;
  EXPECT_FALSE(has(r.out, "warning")) << r.out;
  for (const cli::FlagSpec& flag : cli::flags()) EXPECT_TRUE(has(r.out, std::string(flag.name)));
}

CommandResult run_shell(const std::string& shell, const std::string& script) {
  RtcliProcess process({"-c", script}, ChildLimits{}, shell);
  return process.wait();
}

TEST(FlagTable, BashCompletionLoadsAndCompletes) {
  const std::string file = (kShare / "bash-completion/completions/rtcli").string();
  const std::string load = "source '" + file + "'; ";
  const auto complete = [&](const std::string& words) {
    return run_shell("/bin/bash", load + "COMP_WORDS=(" + words +
                                      "); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _rtcli; "
                                      "echo \"${COMPREPLY[*]}\"")
        .out;
  };
  EXPECT_EQ(run_shell("/bin/bash", load + "complete -p rtcli").out, "complete -F _rtcli rtcli\n");
  EXPECT_EQ(complete("rtcli rend"), "render\n");
  EXPECT_EQ(complete("rtcli render --ou"), "--out\n");
  EXPECT_EQ(complete("rtcli bench --latency-"), "--latency-map --latency-runs\n");
  EXPECT_EQ(complete("rtcli bench --accel ''"), "auto bvh none\n");
  EXPECT_EQ(complete("rtcli render --size ''"), "\n");
  for (const cli::FlagSpec& flag : cli::flags())
    if ((flag.commands & kRender) != 0) {
      EXPECT_TRUE(has(complete("rtcli render -"), std::string(flag.name))) << flag.name;
    }
}

TEST(FlagTable, ZshCompletionLoads) {
  if (!std::filesystem::exists("/usr/bin/zsh")) GTEST_SKIP() << "zsh is not installed";
  const std::string file = (kShare / "zsh/site-functions/_rtcli").string();
  const CommandResult syntax = run_shell("/usr/bin/zsh", "zsh -n '" + file + "'");
  EXPECT_EQ(syntax.exit_code, 0) << syntax.err;
  const TempDir dir;
  const CommandResult loaded =
      run_shell("/usr/bin/zsh", "fpath=('" + kShare.string() + "/zsh/site-functions' $fpath); " +
                                    "autoload -Uz compinit; compinit -u -d '" +
                                    (dir / "zcompdump").string() + "'; print -r -- $_comps[rtcli]");
  EXPECT_EQ(loaded.out, "_rtcli\n") << loaded.err;
}

}  // namespace
}  // namespace rtcli::test
