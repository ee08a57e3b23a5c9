// Must not compile: profiling/ (clocks, histograms, statistics) sits below bench/ and links only
// system/, so the bench's headers are not on its include path (renderer/CMakeLists.txt).
#include "bench/bench_runner.h"
#include "profiling/statistics.h"
