// JSON output (PRODUCT.md §4: keys in a fixed order, numbers unrounded).
#include "delight/render.hpp"

namespace delight::render {

std::string json_text(const nlohmann::ordered_json& value) {
    // ensure_ascii = false keeps UTF-8 as is; strict refuses invalid UTF-8 rather than
    // writing text another parser would reject.
    return value.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::strict) + "\n";
}

} // namespace delight::render
