// Must compile: png/ sits above pipeline/, shading/, scene/ and system/, so all are on its
// include path. The control for the forbidden includes: their check fails for the right reason.
#include "pipeline/frame_loop.h"
#include "png/png_writer.h"
#include "shading/shade.h"
#include "system/errors.h"
