"""Command-line helpers shared by the scripts: one-line errors, value parsers, output checks."""

import argparse
import os
import re
import sys

MAX_SIDE = 1 << 20  # the same limit as rtcli's --size


class OneLineArgumentParser(argparse.ArgumentParser):
    """argparse that reports a bad value in one line (no usage block) and exits 2."""

    def error(self, message):
        self.exit(2, f"{self.prog}: error: {message}\n")


def fail(prog, message, code=1):
    """Print one line on stderr and exit."""
    print(f"{prog}: error: {message}", file=sys.stderr)
    sys.exit(code)


def exit_with(prog, main):
    """Exits with main()'s code. Ctrl-C exits 130 with one line instead of a traceback: the
    scripts write every file atomically, so none is left partial."""
    try:
        code = main()
    except KeyboardInterrupt:
        print(f"{prog}: interrupted by SIGINT: stopped early; every file already written is complete",
              file=sys.stderr)
        code = 130
    sys.exit(code)


def size(text):
    """'800x600' -> (800, 600): two whole numbers from 1 to MAX_SIDE."""
    match = re.fullmatch(r"([0-9]+)[xX]([0-9]+)", text)
    if not match or not all(1 <= int(g) <= MAX_SIDE for g in match.groups()):
        raise argparse.ArgumentTypeError(
            f"invalid value '{text}': expected WIDTHxHEIGHT, two whole numbers from 1 to {MAX_SIDE}")
    return int(match.group(1)), int(match.group(2))


def count_from(minimum, maximum):
    """A parser for a whole number in [minimum, maximum]."""
    def parse(text):
        if not re.fullmatch(r"[0-9]+", text) or not minimum <= int(text) <= maximum:
            raise argparse.ArgumentTypeError(
                f"invalid value '{text}': expected a whole number from {minimum} to {maximum}")
        return int(text)
    return parse


def output_problem(path):
    """Why path cannot be written (one line), or None. Checked before any work is done."""
    if os.path.isdir(path):
        return f"output '{path}' is a folder"
    folder = os.path.dirname(os.path.abspath(path))
    existing = folder
    while not os.path.exists(existing):  # the nearest folder that exists must let us create
        existing = os.path.dirname(existing)
    if not os.path.isdir(existing):
        return f"cannot create a folder for '{path}': '{existing}' is a file"
    if not os.access(existing, os.W_OK | os.X_OK):
        return f"cannot write '{path}': '{existing}' is not writable"
    return None


def make_parent(path):
    """Create the folder that will hold path."""
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
