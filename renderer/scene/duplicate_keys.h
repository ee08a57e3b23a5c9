// Duplicated keys in a JSON document: valid JSON, but almost always a mistake (the parser
// would silently keep the last value).
#pragma once

#include <string_view>

namespace rtcli {

// Throws RunError "<source>: <path>: duplicated key 'k'" for the first key that appears twice
// in one object, where <path> names the object as the scene errors do ("spheres[2]", "scene"
// for the top level). `json_text` must be valid JSON (parse it first). One pass, no document
// built: linear in the text.
void refuse_duplicate_keys(std::string_view json_text, std::string_view source);

}  // namespace rtcli
