// OrderedWindow: many producers hand numbered items to one consumer, which takes them in
// number order. At most `capacity` numbers, from the next one the consumer takes, are in
// flight (being made or waiting): a producer wanting a number beyond that waits, so when
// the consumer falls behind, producers stop and memory stays bounded (back-pressure).
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

namespace rtcli {

template <class T>
class OrderedWindow {
 public:
  explicit OrderedWindow(int capacity)
      : capacity_(std::max(capacity, 1)), slots_(static_cast<std::size_t>(capacity_)) {}

  int capacity() const { return capacity_; }

  // Blocks until `index` is within the window; false if cancelled first. Numbers must be
  // handed out in increasing order (a scheduler's counter), so the one the consumer waits
  // for is always held by a producer already inside the window: no deadlock.
  bool wait_for_room(int index) {
    std::unique_lock lock(mutex_);
    if (index >= next_ + capacity_ && !cancelled_) ++producer_waits_;
    ++blocked_;
    while (index >= next_ + capacity_ && !cancelled_) room_.wait(lock);
    --blocked_;
    return !cancelled_;
  }

  // Item `index`, which must have had room.
  void push(int index, T item) {
    bool wake = false;
    {
      std::lock_guard lock(mutex_);
      slots_[slot(index)] = std::move(item);
      ++waiting_;
      peak_waiting_ = std::max(peak_waiting_, waiting_);
      wake = index == next_;
    }
    if (wake) ready_.notify_one();
  }

  // The next item in order, once it is pushed; nothing if cancelled first.
  std::optional<T> pop() {
    std::optional<T> item;
    {
      std::unique_lock lock(mutex_);
      ++blocked_;
      while (!slots_[slot(next_)] && !cancelled_) ready_.wait(lock);
      --blocked_;
      if (cancelled_) return std::nullopt;
      item = std::move(slots_[slot(next_)]);
      slots_[slot(next_)].reset();
      --waiting_;
      ++next_;
    }
    room_.notify_all();
    return item;
  }

  // Releases every waiter; later waits return at once.
  void cancel() {
    {
      std::lock_guard lock(mutex_);
      cancelled_ = true;
    }
    room_.notify_all();
    ready_.notify_all();
  }

  // Most items made and not yet taken at any one time.
  int peak_waiting() const {
    std::lock_guard lock(mutex_);
    return peak_waiting_;
  }
  // How often a producer had to wait for room.
  int producer_waits() const {
    std::lock_guard lock(mutex_);
    return producer_waits_;
  }
  // Producers and consumer inside wait_for_room or pop that have not had their answer: lets a
  // test wait until a thread is blocked, instead of sleeping and hoping it is.
  int blocked() const {
    std::lock_guard lock(mutex_);
    return blocked_;
  }

 private:
  std::size_t slot(int index) const { return static_cast<std::size_t>(index % capacity_); }

  const int capacity_;
  mutable std::mutex mutex_;
  std::condition_variable room_;         // producers: the window moved
  std::condition_variable ready_;        // the consumer: its next item arrived
  std::vector<std::optional<T>> slots_;  // guarded by mutex_; index % capacity
  int next_ = 0;                         // guarded by mutex_: the number pop() returns next
  int waiting_ = 0;                      // guarded by mutex_
  int peak_waiting_ = 0;                 // guarded by mutex_
  int producer_waits_ = 0;               // guarded by mutex_
  int blocked_ = 0;                      // guarded by mutex_
  bool cancelled_ = false;               // guarded by mutex_
};

}  // namespace rtcli
