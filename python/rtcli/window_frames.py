"""The talk's progress frames: which steps it saved, and saving one from a surface.

The talk drew 200 pixels per step in scan order and saved the window after every 1000th step, so
frame k holds the first (k + 1) * 200 pixels and black elsewhere. It kept saving until the frame
was whole: for 800x600, frames 0, 1000, 2000 and 3000 (the last step with new pixels is 2399).
"""

import os

STEP_PIXELS = 200  # pixels drawn between two flips
SAVE_EVERY = 1000  # steps between two saved frames


def save_steps(pixels):
    """The steps whose frames are saved for a frame of `pixels` pixels, in order."""
    steps = [0]
    while (steps[-1] + 1) * STEP_PIXELS < pixels:
        steps.append(steps[-1] + SAVE_EVERY)
    return steps


def pixels_at(step, pixels):
    """How many pixels frame `step` holds."""
    return min((step + 1) * STEP_PIXELS, pixels)


def prepare_directory(path):
    """Make the folder frames go to; None, or one line saying why it cannot be used."""
    try:
        os.makedirs(path, exist_ok=True)
    except OSError as e:
        return f"argument --out: cannot make the folder '{path}': {e.strerror}"
    if not os.access(path, os.W_OK | os.X_OK):
        return f"argument --out: cannot write in '{path}'"
    return None


def save_frame(surface, directory, step):
    """Write surface as directory/STEP.png: under a temporary name first, then renamed, so that
    a stopped or failed run leaves no partial PNG."""
    import pygame

    final = os.path.join(directory, f"{step}.png")
    temporary = os.path.join(directory, f".{step}.png.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as f:
            pygame.image.save(surface, f, "png")
        os.replace(temporary, final)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise
    return final
