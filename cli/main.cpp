// rtcli: parses the command line and runs one subcommand; every failure is one line on stderr.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <new>
#include <optional>
#include <string>
#include <system_error>

#include "bench_command.h"
#include "compare_command.h"
#include "distributed/world.h"
#include "render_command.h"
#include "system/errors.h"
#include "system/interrupt.h"
#include "system/printable.h"
#include "system/temp_files.h"
#include "version.h"

namespace {
namespace distributed = rtcli::distributed;

// One line whatever the message holds: a path or scene key with a newline or an escape
// sequence is printed escaped, never sent raw to the terminal. Under MPI every rank parses the
// same command line, so a usage error is printed by rank 0 alone; a failure of the run itself
// may be one rank's, so that rank prints it, with its number.
int fail(const std::string& what, int code) {
  if (!distributed::active())
    std::fprintf(stderr, "rtcli: error: %s\n", rtcli::printable(what).c_str());
  else if (code != 2)
    std::fprintf(stderr, "rtcli: error: rank %d: %s\n", distributed::rank(),
                 rtcli::printable(what).c_str());
  else if (distributed::rank() == 0)
    std::fprintf(stderr, "rtcli: error: %s\n", rtcli::printable(what).c_str());
  return code;
}

int run_command(int argc, char** argv);
}  // namespace

int main(int argc, char** argv) {
  try {
    rtcli::interrupt::install();  // first: every thread started later inherits its signal mask
  } catch (const std::system_error& e) {
    return fail(std::string("cannot start a thread: ") + e.what(), 1);  // e.g. RLIMIT_NPROC
  }
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
  rtcli::cli::CompareFlags compare_flags;
  CLI::App* compare = rtcli::cli::add_compare_command(app, compare_flags);
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
    if (compare->parsed()) return rtcli::cli::run_compare(compare_flags);
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
      std::fputs(rtcli::interrupt::stopped_line(e.signal_number).c_str(), stderr);
    return 128 + e.signal_number;
  } catch (const rtcli::UsageError& e) {
    return fail(e.what(), 2);
  } catch (const rtcli::RunError& e) {
    return fail(e.what(), 1);
  } catch (const std::system_error& e) {
    // Thread creation refused (RLIMIT_NPROC, cgroup pids.max) and other system failures.
    if (e.code() == std::errc::resource_unavailable_try_again)
      return fail(std::string("cannot start a thread: ") + e.code().message(), 1);
    return fail(std::string("system error: ") + e.what(), 1);
  } catch (const std::bad_alloc&) {
    return fail("out of memory", 1);
  } catch (const std::exception& e) {
    return fail(e.what(), 1);
  }
  return 2;
}
}  // namespace
