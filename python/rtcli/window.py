"""python -m rtcli.window: the talk's window. Renders the one-sphere frame into a pygame window,
200 pixels per flip in scan order, and saves the window after every 1000th flip (--out), as the
talk's program did. --mode picks who computes the pixels; --race shows two of them side by side,
each in a process of its own, with the time each took.
"""

import argparse
import signal
import sys
import time

from .talk_program import (
    HEIGHT,
    LOOP_MODES,
    MODES,
    WIDTH,
    check_mode,
    make_colour,
    talk_classes,
)
from .window_display import (
    NoDisplay,
    WindowClosed,
    catch_interrupts,
    handle_events,
    open_display,
    wait_for_close,
)
from .window_frames import (
    STEP_PIXELS,
    pixels_at,
    prepare_directory,
    save_frame,
    save_steps,
)

PROG = "python -m rtcli.window"
MODE_HELP = ("python: the talk's classes in pure Python; native-vectors: rtcli.talk.Vec under the "
             "Python Sphere and Line; native-objects: rtcli.talk's Vec, Sphere and Line; "
             "native-frame: one rtcli.render call, shown band by band")


def race_modes(text):
    """--race's value: two modes, A,B."""
    modes = tuple(text.split(","))
    if len(modes) != 2:
        raise argparse.ArgumentTypeError(f"expected two modes as A,B, got '{text}'")
    for mode in modes:
        if mode not in MODES:
            raise argparse.ArgumentTypeError(f"unknown mode '{mode}' in '{text}' (choose from "
                                             f"{', '.join(MODES)})")
    return modes


class OneLineParser(argparse.ArgumentParser):
    """argparse that reports a bad argument in one line, without the usage block, and exits 2."""

    def error(self, message):
        self.exit(2, f"{self.prog}: error: {message}\n")


def parse_args(argv):
    parser = OneLineParser(prog=PROG, description=__doc__)
    parser.add_argument("--mode", choices=MODES, help=f"who computes the pixels (default python). {MODE_HELP}")
    parser.add_argument("--race", type=race_modes, metavar="A,B",
                        help="two modes side by side, each computing its own 800x600 frame in a "
                             "process of its own (native-frame on one thread), with the time each took")
    parser.add_argument("--out", metavar="DIR",
                        help="save the window as DIR/0.png, 1000.png, 2000.png and 3000.png: frame k "
                             "holds the first (k+1)*200 pixels, black elsewhere")
    parser.add_argument("--close", action="store_true",
                        help="close the window when the frame is done (by default it stays until "
                             "closed or Esc is pressed)")
    args = parser.parse_args(argv)
    if args.race and args.mode:
        parser.error("argument --race: not with --mode (it names its own two)")
    if args.race and args.out:
        parser.error("argument --out: saves one mode's frames, not a race's")
    args.mode = args.mode or "python"
    return args


class Frames:
    """The frames a run saves (none without --out): each one as soon as its pixels are drawn."""

    def __init__(self, screen, directory):
        self.screen = screen
        self.directory = directory
        self.pending = save_steps(WIDTH * HEIGHT) if directory else []

    def next_due(self, drawn):
        """The pixel count of the next frame to save, if `drawn` pixels complete it; else None."""
        if self.pending and pixels_at(self.pending[0], WIDTH * HEIGHT) <= drawn:
            return pixels_at(self.pending[0], WIDTH * HEIGHT)
        return None

    def save(self):
        save_frame(self.screen, self.directory, self.pending.pop(0))


def draw_loop(pygame, screen, frames, mode):
    """The talk's loop: each pixel's colour set in the window, a flip every 200 pixels."""
    colour = make_colour(*talk_classes(mode))
    set_at, update = screen.set_at, pygame.display.update
    drawn = 0
    for y in range(HEIGHT):
        for x in range(WIDTH):
            set_at((x, y), colour(x, y, WIDTH, HEIGHT))
            drawn += 1
            if drawn % STEP_PIXELS == 0:
                # The flip: only the row the step drew on is sent to the display.
                update((0, y, WIDTH, 1))
                handle_events(pygame)
                while frames.next_due(drawn):
                    frames.save()
    pygame.display.flip()


def draw_native(pygame, screen, frames):
    """One rtcli.render call; each band of rows is shown as it is finished. A frame due inside a
    band is shown and saved with exactly its pixels first."""
    import numpy

    from ._render import render

    frame = numpy.zeros((HEIGHT, WIDTH, 3), numpy.uint8)
    shown = numpy.zeros_like(frame)  # what the window holds: the rendered pixels up to a point
    flat_frame, flat_shown = frame.reshape(-1, 3), shown.reshape(-1, 3)
    image = pygame.image.frombuffer(shown, (WIDTH, HEIGHT), "RGB")
    done = 0

    def show(pixels):
        nonlocal done
        flat_shown[done:pixels] = flat_frame[done:pixels]
        done = pixels
        screen.blit(image, (0, 0))
        pygame.display.flip()

    def progress(rows, _height):
        while (due := frames.next_due(rows * WIDTH)) is not None:
            show(due)
            frames.save()
        show(rows * WIDTH)
        handle_events(pygame)  # WindowClosed here stops the render

    render(size=(WIDTH, HEIGHT), out=frame, progress=progress)


def run_single(pygame, mode, out, close):
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption(f"rtcli: {mode}")
    screen.fill((0, 0, 0))
    pygame.display.flip()
    frames = Frames(screen, out)
    start = time.perf_counter()
    if mode in LOOP_MODES:
        draw_loop(pygame, screen, frames, mode)
    else:
        draw_native(pygame, screen, frames)
    seconds = time.perf_counter() - start
    while frames.pending:  # the steps after the last: the whole frame
        frames.save()
    pygame.display.set_caption(f"rtcli: {mode}, {seconds:.3f} s")
    done_line(f"{mode}: {WIDTH}x{HEIGHT} in {seconds:.3f} s, drawing included", close)
    if not close:
        wait_for_close(pygame)


def done_line(text, close):
    """The line that says the frame is done (tests wait for it)."""
    print(text if close else f"{text}; close the window or press Esc to end", flush=True)


def fail(message, code):
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return code


def main(argv=None):
    catch_interrupts()
    try:
        return run(parse_args(argv))
    except KeyboardInterrupt:  # while starting, or with the window shown
        return 130


def run(args):
    for mode in args.race or (args.mode,):
        problem = check_mode(mode)
        if problem:
            return fail(problem, 1)
    try:
        pygame = open_display()
    except NoDisplay as e:
        return fail(e, 2)
    # SIGTERM ends it as Esc does: children stopped, no partial files.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
    try:
        if args.out:
            problem = prepare_directory(args.out)
            if problem:
                return fail(problem, 2)
        if args.race:
            from .window_race import RaceFailed, run_race

            try:
                run_race(pygame, args.race, args.close, done_line)
            except RaceFailed as e:
                return fail(e, 1)
        else:
            run_single(pygame, args.mode, args.out, args.close)
    except WindowClosed:
        return 0
    except OSError as e:
        return fail(f"cannot write '{e.filename}': {e.strerror}" if e.filename else e, 1)
    except pygame.error as e:  # a frame pygame could not save
        return fail(e, 1)
    finally:
        pygame.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
