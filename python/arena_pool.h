// oneTBB arenas for the module's renders, kept between calls. Making an arena costs more than
// rendering a small frame: a render borrows an idle arena of its thread count and gives it
// back, so that a loop of renders pays for it once. Renders from several Python threads at once
// each borrow an arena of their own.
#pragma once

#include <memory>

#include "pipeline/tile_workers.h"

namespace rtcli::python {

// The pool takes the arena back when the pointer is reset.
struct ReturnToPool {
  void operator()(WorkerArena* arena) const;
};
using BorrowedArena = std::unique_ptr<WorkerArena, ReturnToPool>;

// An idle arena of `workers` threads from the pool, or a new one.
BorrowedArena borrow_arena(int workers);

}  // namespace rtcli::python
