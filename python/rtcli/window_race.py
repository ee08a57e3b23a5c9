"""rtcli.window --race A,B: two modes side by side in one window, each computing its own frame
in a process of its own (so each gets a core) into shared memory, the window showing their rows
as they arrive and, under each half, the time it took.
"""

import multiprocessing
import multiprocessing.connection
import multiprocessing.resource_tracker
import signal
from dataclasses import dataclass, field

from . import race_worker
from .talk_program import HEIGHT, WIDTH
from .window_display import handle_events, wait_for_close

GAP = 8  # pixels between the two halves
STRIP = 48  # the labels' strip under the halves
CANVAS = (2 * WIDTH + GAP, HEIGHT + STRIP)
LEFT = (0, WIDTH + GAP)  # each half's x
GAP_COLOUR = (60, 60, 60)
STRIP_COLOUR = (32, 32, 32)
TEXT_COLOUR = (230, 230, 230)


@dataclass
class Side:
    mode: str
    x: int
    shared: object  # the frame, WIDTH*HEIGHT*3 bytes in scan order
    conn: object
    process: object
    rows: int = 0  # rows shown
    ready: bool = False
    times_ns: tuple = field(default=None)  # (wall, cpu) once done


class RaceFailed(Exception):
    pass


def start_sides(modes, sides):
    """Both processes, appended to sides as they start. Each starts with SIGINT blocked, as it
    stays: Ctrl-C reaches the window process alone, which stops them, so they print no traceback
    of their own. A Ctrl-C during the start is held, not lost: it is raised once both have
    started."""
    context = multiprocessing.get_context("spawn")  # no fork of a process holding a display
    # The resource tracker, which multiprocessing starts with the first process, is started
    # first: starting it unblocks SIGINT whatever the mask was.
    multiprocessing.resource_tracker.ensure_running()
    unblocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        for mode, x in zip(modes, LEFT):
            shared = context.RawArray("B", WIDTH * HEIGHT * 3)
            conn, child_conn = context.Pipe()
            process = context.Process(target=race_worker.run, args=(mode, shared, child_conn),
                                      name=f"rtcli.window {mode}", daemon=True)
            process.start()
            child_conn.close()
            sides.append(Side(mode, x, shared, conn, process))
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, unblocked)


def stop_sides(sides):
    for side in sides:
        if side.process.is_alive():
            side.process.terminate()
        side.process.join()
        side.conn.close()


class RaceWindow:
    """The window: a canvas of both halves and the strip, shown scaled down if the screen is
    smaller."""

    def __init__(self, pygame, sides):
        self.pygame = pygame
        desktop = pygame.display.get_desktop_sizes()[0]
        scale = min(1.0, desktop[0] / CANVAS[0], desktop[1] * 0.9 / CANVAS[1])
        size = (round(CANVAS[0] * scale), round(CANVAS[1] * scale))
        self.screen = pygame.display.set_mode(size)
        self.canvas = self.screen if size == CANVAS else pygame.Surface(CANVAS)
        pygame.display.set_caption(f"rtcli: {sides[0].mode} against {sides[1].mode}")
        pygame.font.init()
        self.font = pygame.font.Font(None, 30)
        self.canvas.fill((0, 0, 0))
        self.canvas.fill(GAP_COLOUR, (WIDTH, 0, GAP, HEIGHT))

    def label(self, side, text):
        area = self.pygame.Rect(side.x, HEIGHT, WIDTH, STRIP)
        self.canvas.fill(STRIP_COLOUR, area)
        image = self.font.render(text, True, TEXT_COLOUR)
        self.canvas.blit(image, image.get_rect(center=area.center))

    def rows(self, side, first, last):
        """Show rows first..last-1 of a side's frame."""
        row_bytes = WIDTH * 3
        band = memoryview(side.shared).cast("B")[first * row_bytes:last * row_bytes]
        self.canvas.blit(self.pygame.image.frombuffer(band, (WIDTH, last - first), "RGB"), (side.x, first))

    def show(self):
        if self.canvas is not self.screen:
            self.pygame.transform.smoothscale(self.canvas, self.screen.get_size(), self.screen)
        self.pygame.display.flip()


def receive(side, window):
    """Act on every message a side has sent; RaceFailed if it failed or ended without one."""
    while side.times_ns is None and side.conn.poll():
        try:
            message = side.conn.recv()
        except EOFError:
            side.process.join()
            raise RaceFailed(f"the {side.mode} process ended (exit code {side.process.exitcode}) "
                             "before its frame was done") from None
        if message[0] == "ready":
            side.ready = True
        elif message[0] == "rows":
            window.rows(side, side.rows, message[1])
            side.rows = message[1]
        elif message[0] == "done":
            side.times_ns = message[1:]
            window.label(side, times_text(side))
        else:
            raise RaceFailed(f"the {side.mode} process failed: {message[1]}")


def pump(sides, window, until):
    """Show what the sides send, and handle the window's events, until until() holds."""
    while not until():
        waiting = [s.conn for s in sides if s.times_ns is None]
        multiprocessing.connection.wait(waiting, timeout=0.05)
        for side in sides:
            if side.times_ns is None:
                receive(side, window)
        window.show()
        handle_events(window.pygame)


def times_text(side, other=None):
    """What a side took; with the other side's times, how much faster it was if it was."""
    wall, cpu = (t / 1e9 for t in side.times_ns)
    text = f"{side.mode}: {wall:.3f} s ({cpu:.3f} s CPU)"
    ratio = other.times_ns[0] / side.times_ns[0] if other else 0
    if ratio >= 1:
        text += f", {ratio:.0f}x faster" if ratio >= 10 else f", {ratio:.1f}x faster"
    return text


def run_race(pygame, modes, close, done_line):
    sides = []
    try:
        start_sides(modes, sides)
        window = RaceWindow(pygame, sides)
        for side in sides:
            window.label(side, f"{side.mode}: starting")
        pump(sides, window, lambda: all(s.ready for s in sides))
        for side in sides:
            side.conn.send(("go",))
            window.label(side, f"{side.mode}: computing")
        pump(sides, window, lambda: all(s.times_ns for s in sides))
        texts = [times_text(sides[0], sides[1]), times_text(sides[1], sides[0])]
        for side, text in zip(sides, texts):
            window.label(side, text)
        window.show()
        done_line("; ".join(texts) + " (each its own compute time)", close)
        if not close:
            wait_for_close(pygame)
    finally:
        stop_sides(sides)
