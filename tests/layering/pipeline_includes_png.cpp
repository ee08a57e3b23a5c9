// Must not compile: pipeline/ sits below png/ (the frame loop hands bands to sinks through an
// interface and knows no file format), so png's headers are not on its include path.
#include "pipeline/frame_loop.h"
#include "png/png_sink.h"
