// rtcli: parses the command line and runs one subcommand; every failure is one line on stderr.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <new>
#include <optional>

#include "bench_command.h"
#include "distributed/world.h"
#include "render_command.h"
#include "system/errors.h"
#include "system/interrupt.h"
#include "system/temp_files.h"
#include "version.h"

namespace {
namespace distributed = rtcli::distributed;

// Under MPI every rank parses the same command line, so a usage error is printed by rank 0
// alone; a failure of the run itself may be one rank's, so that rank prints it, with its number.
int fail(const char* what, int code) {
  if (!distributed::active())
    std::fprintf(stderr, "rtcli: error: %s\n", what);
  else if (code != 2)
    std::fprintf(stderr, "rtcli: error: rank %d: %s\n", distributed::rank(), what);
  else if (distributed::rank() == 0)
    std::fprintf(stderr, "rtcli: error: %s\n", what);
  return code;
}

int run_command(int argc, char** argv);
}  // namespace

int main(int argc, char** argv) {
  rtcli::interrupt::install();  // first: every thread started later inherits its signal mask
  try {
    distributed::start(argc, argv);  // MPI only under a launcher with more than one rank
  } catch (const std::exception& e) {
    return fail(e.what(), 1);
  }
  const int code = run_command(argc, argv);
  // Success and usage errors happen alike on every rank; anything else may be one rank's, and
  // the others would wait for it forever, so the job is ended at once.
  if (code != 0 && code != 2 && distributed::active()) distributed::abort_job(code);
  distributed::finish();
  return code;
}

namespace {
int run_command(int argc, char** argv) {
  // mpirun turns SIGINT into SIGTERM for every rank and sends SIGKILL a second later: rank 0's
  // temporaries go at the first signal, not after the unwinding that SIGKILL may cut short.
  std::optional<rtcli::interrupt::OnInterrupt> unlink_temporaries;
  if (distributed::active()) unlink_temporaries.emplace([] { rtcli::temp_files::unlink_all(); });
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
    if (distributed::rank() == 0) std::fputs(rtcli::cli::version_text().c_str(), stdout);
    return 0;
  } catch (const CLI::CallForHelp& e) {
    return distributed::rank() == 0 ? app.exit(e) : 0;
  } catch (const CLI::CallForAllHelp& e) {
    return distributed::rank() == 0 ? app.exit(e) : 0;
  } catch (const CLI::ParseError& e) {
    return fail(e.what(), 2);
  } catch (const rtcli::interrupt::Interrupted& e) {
    if (distributed::rank() == 0)
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
}  // namespace
