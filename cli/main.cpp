// rtcli: parses the command line and runs one subcommand; every failure is one line on stderr.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <new>

#include "bench_command.h"
#include "render_command.h"
#include "system/errors.h"
#include "system/interrupt.h"
#include "version.h"

namespace {
int fail(const char* what, int code) {
  std::fprintf(stderr, "rtcli: error: %s\n", what);
  return code;
}
}  // namespace

int main(int argc, char** argv) {
  rtcli::interrupt::install();  // first: every thread started later inherits its signal mask
  CLI::App app{"rtcli: a parallel ray tracer that measures how fast native code renders"};
  app.require_subcommand(1);
  app.set_version_flag(
      "--version", [] { return rtcli::cli::version_text(); },
      "Print the version, build and the SIMD target chosen on this processor");
  rtcli::cli::RenderFlags render_flags;
  CLI::App* render = rtcli::cli::add_render_command(app, render_flags);
  rtcli::cli::BenchFlags bench_flags;
  CLI::App* bench = rtcli::cli::add_bench_command(app, bench_flags);
  try {
    app.parse(argc, argv);
    if (render->parsed()) {
      const int code = rtcli::cli::run_render(render_flags);
      rtcli::interrupt::throw_if_requested();  // a signal after the last file still counts
      return code;
    }
    if (bench->parsed()) {
      const int code = rtcli::cli::run_bench(bench_flags);
      rtcli::interrupt::throw_if_requested();
      return code;
    }
  } catch (const CLI::CallForVersion& e) {
    std::fputs(rtcli::cli::version_text().c_str(), stdout);
    return 0;
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return fail(e.what(), 2);
  } catch (const rtcli::interrupt::Interrupted& e) {
    std::fprintf(stderr, "rtcli: %s: stopped early; every file already written is complete\n",
                 e.what());
    return 128 + e.signal_number;
  } catch (const rtcli::UsageError& e) {
    return fail(e.what(), 2);
  } catch (const rtcli::RunError& e) {
    return fail(e.what(), 1);
  } catch (const std::bad_alloc&) {
    return fail("out of memory", 1);
  } catch (const std::exception& e) {
    return fail(e.what(), 1);
  }
  return 2;
}
