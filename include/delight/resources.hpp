#pragma once
// Files from resources/ compiled into the binary (cmake/embed_resources.cmake).
#include <optional>
#include <string_view>

namespace delight {
/// The content of resources/NAME, or nullopt.
std::optional<std::string_view> resource(std::string_view name);
} // namespace delight
