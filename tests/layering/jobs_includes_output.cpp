// Must compile: jobs/ links output/ and shading/, so both are on its include path. The control
// for shading_includes_output.cpp: the check fails for the right reason, not any reason.
#include "output/png_writer.h"
#include "shading/shade.h"
