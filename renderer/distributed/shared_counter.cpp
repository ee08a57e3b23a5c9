#include "distributed/shared_counter.h"

#include "distributed/backend.h"
#include "distributed/world.h"

namespace rtcli::distributed {

std::unique_ptr<CounterWindow> make_counter_window();  // world.cpp: null without MPI

SharedCounter::SharedCounter() : window_(make_counter_window()) {}

SharedCounter::~SharedCounter() = default;

std::int64_t SharedCounter::take() {
  if (window_) return window_->take();
  return local_.fetch_add(1, std::memory_order_relaxed);
}

}  // namespace rtcli::distributed
