#include "distributed/shared_counter.h"

#include <exception>

#include "distributed/backend.h"
#include "distributed/world.h"

namespace rtcli::distributed {

std::unique_ptr<CounterWindow> make_counter_window();  // world.cpp: null without MPI

SharedCounter::SharedCounter() : window_(make_counter_window()) {}

SharedCounter::~SharedCounter() {
  // Freeing the window waits for every rank; while an error unwinds this one, the job is about
  // to be aborted (main), and the other ranks may never arrive: leave it.
  if (std::uncaught_exceptions() > 0) static_cast<void>(window_.release());
}

std::int64_t SharedCounter::take() {
  if (window_) return window_->take();
  return local_.fetch_add(1, std::memory_order_relaxed);
}

void SharedCounter::publish(std::int64_t value) {
  if (window_)
    window_->publish(value);
  else
    local_published_.store(value, std::memory_order_release);
}

std::int64_t SharedCounter::published() {
  if (window_) return window_->published();
  return local_published_.load(std::memory_order_acquire);
}

}  // namespace rtcli::distributed
