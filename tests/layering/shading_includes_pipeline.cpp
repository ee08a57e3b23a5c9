// Must not compile: shading/ sits below pipeline/ (the kernels see no scheduler or worker pool;
// the hierarchy build calls oneTBB itself), so the header is not on its include path, not even
// through shading's private links. tests/layering/check.cmake expects exactly that failure.
#include "pipeline/tile_workers.h"
#include "shading/shade.h"
