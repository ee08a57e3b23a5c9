// CPU time from the kernel's clocks: how much work was done, beside the wall time it took. On a
// busy machine wall time grows while CPU time per frame does not; a thread blocked on a
// condition variable uses none.
#pragma once

namespace rtcli {

// Every thread of the process, oneTBB's workers included (their spinning too).
double process_cpu_seconds();

// The calling thread only.
double thread_cpu_seconds();

// The same in milliseconds, the unit of the bench report's cpu_ms fields.
inline double process_cpu_ms() {
  return process_cpu_seconds() * 1e3;
}

}  // namespace rtcli
