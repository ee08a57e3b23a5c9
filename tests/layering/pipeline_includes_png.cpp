// Must compile: pipeline/ links png/ and shading/, so both are on its include path. The control
// for shading_includes_png.cpp: the check fails for the right reason, not any reason.
#include "png/png_writer.h"
#include "shading/shade.h"
