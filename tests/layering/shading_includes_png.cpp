// Must not compile: shading/ sits below png/ and does not link it, so the header is not on
// its include path (renderer/CMakeLists.txt). tests/layering/check.cmake builds this and
// expects exactly that failure.
#include "png/png_writer.h"
#include "shading/shade.h"
