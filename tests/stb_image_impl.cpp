// Debian's stb_image.h decoder, compiled once for the tests to read PNGs back.
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#include <stb_image.h>
