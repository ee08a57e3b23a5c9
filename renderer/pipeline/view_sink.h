// ViewSink: a live view of the frame as it renders (a window, later). Only the interface: it
// is given every finished band's pixels, and it can never hold the render back.
#pragma once

#include "pipeline/frame_sink.h"

namespace rtcli {

class ViewSink : public FrameSink {
 public:
  // Never waits: a view that falls behind drops or merges what it shows, not the render.
  bool wait_for_room(int) final { return true; }

  // On the rendering worker: copy what is to be shown and return at once (no locks held for
  // long, no drawing here). band.pixels is valid only during the call.
  void band_finished(const FinishedBand& band) override = 0;
};

}  // namespace rtcli
