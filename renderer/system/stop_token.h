// A stop request as the kernels see it: a cheap read of a flag its owner sets (the signal
// number that asked to stop, or 0). The kernels look at no global; their caller hands them a
// token, tied to the process's interrupt (interrupt::stop_token()) or to a flag of its own.
#pragma once

#include <atomic>

namespace rtcli {

class StopToken {
 public:
  StopToken() = default;  // never stops
  explicit StopToken(const std::atomic<int>& flag) : flag_(&flag) {}

  bool stop_requested() const { return flag_->load(std::memory_order_relaxed) != 0; }

  // Throws interrupt::Interrupted with the flag's signal number once a stop is requested.
  void throw_if_stopped() const {
    if (const int signal = flag_->load(std::memory_order_relaxed)) throw_stopped(signal);
  }

 private:
  [[noreturn]] static void throw_stopped(int signal_number);

  static const std::atomic<int> never_;
  const std::atomic<int>* flag_ = &never_;
};

}  // namespace rtcli
