// LiveViewSink: the frame loop's bands into a live view's preview (live_view.h). On the worker
// that rendered the band it copies a few sampled rows and returns: it never waits.
#pragma once

#include "pipeline/view_sink.h"
#include "view/preview.h"

namespace rtcli::view {

class LiveViewSink : public ViewSink {
 public:
  explicit LiveViewSink(Preview& preview) : preview_(preview) {}

  void band_finished(const FinishedBand& band) override {
    // A render's bands are whole rows (png/band_layout.h); the preview samples whole rows.
    if (band.bounds.x0 != 0 || band.bounds.x1 != preview_.frame_width()) return;
    const int y0 = band.bounds.y0;
    preview_.add_rows(y0, band.bounds.y1 - y0, band.pixels.pixel(0, y0), band.worker);
  }

 private:
  Preview& preview_;
};

}  // namespace rtcli::view
