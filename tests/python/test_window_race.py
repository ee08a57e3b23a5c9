"""rtcli.window --race starts its two processes so that Ctrl-C reaches the window process alone,
and a Ctrl-C during that start is held until both have started, never lost. No window needed."""

import signal
import threading

import helpers
import pytest

pytestmark = pytest.mark.skipif(helpers.MODULE_DIR == "", reason=helpers.MODULE_SKIP)
helpers.import_rtcli()
from rtcli import window_race


def blocked_signals(pid):
    with open(f"/proc/{pid}/status", encoding="utf-8") as f:
        (mask,) = (line.split()[1] for line in f if line.startswith("SigBlk:"))
    return int(mask, 16)


def test_a_ctrl_c_while_the_sides_start_is_raised_once_both_have_started(monkeypatch):
    real_pipe = window_race.multiprocessing.context.SpawnContext.Pipe

    def pipe_and_ctrl_c(context, *args):
        # As a terminal's Ctrl-C, to this thread, while the first side is being started.
        signal.pthread_kill(threading.main_thread().ident, signal.SIGINT)
        return real_pipe(context, *args)

    monkeypatch.setattr(window_race.multiprocessing.context.SpawnContext, "Pipe", pipe_and_ctrl_c)
    sides = []
    try:
        with pytest.raises(KeyboardInterrupt):
            window_race.start_sides(("python", "native-frame"), sides)
        assert [side.mode for side in sides] == ["python", "native-frame"]
        for side in sides:
            assert side.process.is_alive()
            assert blocked_signals(side.process.pid) & (1 << (signal.SIGINT - 1)), side.mode
    finally:
        window_race.stop_sides(sides)
    assert not blocked_signals("self") & (1 << (signal.SIGINT - 1))  # the caller's mask is back
