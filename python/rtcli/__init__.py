"""rtcli from Python: the ray tracer's frames as numpy arrays, its scenes, and the seed's vector
class, each backed by the C++ renderer so that every pixel equals `rtcli render`'s.

- render(scene=None, size=(800, 600), threads=None, out=None, progress=None): one frame.
- load_scene(path), Scene(): scenes; Scene.spheres holds Sphere values.
- shade_pixel(scene, x, y, width, height): one pixel, one native call.
- Vec3: the seed's vector, each operation one native call.
- rtcli.talk: the talk's own classes (Vec, Line, Sphere) in C++.
"""

from ._render import render
from ._rtcli import Scene, Sphere, Vec3, load_scene, shade_pixel

__all__ = ["Scene", "Sphere", "Vec3", "load_scene", "render", "shade_pixel"]
