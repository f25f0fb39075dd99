// Numbers in text output: fixed decimals, '.' whatever the locale (STYLE.md).
#include "delight/render.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace delight::render {

std::string fixed(double value, int decimals) {
    if (!std::isfinite(value)) return "–"; // U+2013: an undefined statistic (PRODUCT.md §2)
    // fmt's "f" ignores the C and C++ locales (unlike printf and iostreams).
    std::string text = fmt::format("{:.{}f}", value, std::max(decimals, 0));
    // -0.004 and -0.0 both print "-0.00"; a sign on a zero would read as a real difference.
    const bool all_zero = text.find_first_not_of("-0.") == std::string::npos;
    if (all_zero && text.front() == '-') text.erase(0, 1);
    return text;
}

} // namespace delight::render
