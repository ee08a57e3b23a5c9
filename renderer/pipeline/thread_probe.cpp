#include "pipeline/thread_probe.h"

#include <condition_variable>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "system/errors.h"

namespace rtcli {

void check_threads_can_start(int count) {
  std::mutex mutex;
  std::condition_variable released;
  bool release = false;  // guarded by mutex
  std::vector<std::thread> threads;
  threads.reserve(static_cast<std::size_t>(count > 0 ? count : 0));
  std::string failure;
  for (int i = 0; i < count && failure.empty(); ++i) {
    try {
      threads.emplace_back([&] {
        std::unique_lock lock(mutex);
        released.wait(lock, [&] { return release; });
      });
    } catch (const std::system_error& e) {
      failure = e.code().message();
    }
  }
  {
    const std::lock_guard lock(mutex);
    release = true;
  }
  released.notify_all();
  for (std::thread& thread : threads) thread.join();
  if (!failure.empty())
    throw RunError("cannot start a thread: " + failure + " (" + std::to_string(count) +
                   " needed at once)");
}

}  // namespace rtcli
