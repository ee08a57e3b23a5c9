#include "scene/scene.h"

namespace rtcli {

Scene seed_scene() {
  Scene scene;
  scene.spheres.push_back({.centre = {4.0, 3.0, 10.0}, .radius = 2.0, .colour = {255.0, 0.0, 0.0}});
  scene.lights.push_back({.position = {8.0, 0.0, 7.0}, .intensity = 1.0});
  return scene;
}

}  // namespace rtcli
