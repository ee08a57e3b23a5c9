// The two ways a command fails, and the exit codes they map to.
#pragma once

#include <stdexcept>

namespace rtcli {

// A bad flag or value on the command line: exit 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A run that could not be done (unreadable scene, unwritable output): exit 1.
struct RunError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace rtcli
