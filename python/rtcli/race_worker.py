"""One side of rtcli.window's race, in a process of its own: computes the frame into memory the
window process shares, and tells it over a pipe how many rows are done. It never waits for the
window, so the time it reports is its own compute time. No pygame here: this module is all the
process imports.

Messages to the window: ("ready",) once set up, then after ("go",) comes back: ("rows", n) as
rows 0..n-1 are done, ("done", wall_ns, cpu_ns) at the end, or ("error", line).
"""

import time

from .talk_program import HEIGHT, WIDTH, make_colour, talk_classes


def loop_frame(mode, frame, conn):
    """The talk's loop over mode's classes, one row at a time into frame (RGB bytes)."""
    colour = make_colour(*talk_classes(mode))
    row_bytes = WIDTH * 3

    def compute():
        row = bytearray(row_bytes)
        for y in range(HEIGHT):
            for x in range(WIDTH):
                row[3 * x:3 * x + 3] = colour(x, y, WIDTH, HEIGHT)
            frame[y * row_bytes:(y + 1) * row_bytes] = row
            conn.send(("rows", y + 1))

    return compute


def native_frame(frame, conn):
    """One rtcli.render call on one thread (each side of the race gets one core) into frame."""
    import numpy

    from ._render import render

    out = numpy.frombuffer(frame, numpy.uint8).reshape(HEIGHT, WIDTH, 3)

    def compute():
        render(size=(WIDTH, HEIGHT), threads=1, out=out, progress=lambda rows, _h: conn.send(("rows", rows)))

    return compute


def run(mode, shared, conn):
    """The process's body: set up, wait for the window's go, compute, report."""
    try:
        frame = memoryview(shared).cast("B")
        compute = native_frame(frame, conn) if mode == "native-frame" else loop_frame(mode, frame, conn)
        conn.send(("ready",))
        conn.recv()  # ("go",): both sides start together
        wall, cpu = time.perf_counter_ns(), time.process_time_ns()
        compute()
        conn.send(("done", time.perf_counter_ns() - wall, time.process_time_ns() - cpu))
    except (EOFError, BrokenPipeError):
        pass  # the window has gone: nothing to tell
    except Exception as e:  # noqa: BLE001  (reported to the window, which fails the run)
        conn.send(("error", f"{type(e).__name__}: {e}"))
