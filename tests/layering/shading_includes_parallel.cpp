// Must not compile: shading/ does not link parallel/ (the kernels see no scheduler or worker
// pool; the hierarchy build calls oneTBB itself), so the header is not on its include path.
// tests/layering/check.cmake builds this and expects exactly that failure.
#include "parallel/tile_workers.h"
#include "shading/shade.h"
