// Scene: what is rendered. Plain data; the loader and the kernels read it.
#pragma once

#include <cstdint>
#include <vector>

#include "scene/vec3.h"

namespace rtcli {

struct Rgb8 {
  std::uint8_t r = 0;
  std::uint8_t g = 0;
  std::uint8_t b = 0;
  friend bool operator==(Rgb8, Rgb8) = default;
};

// A surface colour on the 0..255 scale; the shaded channel is intensity * channel.
struct Colour {
  double r = 255.0;
  double g = 0.0;
  double b = 0.0;
  friend bool operator==(const Colour&, const Colour&) = default;
};

struct Sphere {
  Vec3 centre;
  double radius = 1.0;  // scene units, > 0
  Colour colour;
  friend bool operator==(const Sphere&, const Sphere&) = default;
};

struct Light {
  Vec3 position;
  double intensity = 1.0;  // multiplies n.l; 1 keeps the seed's arithmetic exact
  friend bool operator==(const Light&, const Light&) = default;
};

// The screen: an axis-aligned window in the plane z, rays leave it along +z.
struct ScreenWindow {
  double x = 0.0;       // left edge, scene units
  double y = 0.0;       // top edge, scene units (y grows downwards, as rows do)
  double width = 8.0;   // scene units across the frame
  double height = 6.0;  // scene units down the frame
  double z = 0.0;
  friend bool operator==(const ScreenWindow&, const ScreenWindow&) = default;
};

struct Scene {
  std::vector<Sphere> spheres;
  std::vector<Light> lights;
  Rgb8 background{100, 100, 100};
  double ambient = 30.0;  // floor of a lit channel, on the 0..255 scale of a full channel
  ScreenWindow window;
  friend bool operator==(const Scene&, const Scene&) = default;
};

// The seed program's one red sphere and one light.
Scene seed_scene();

}  // namespace rtcli
