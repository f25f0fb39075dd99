#pragma once
// What the fuzz targets share: how a broken promise becomes a finding. libFuzzer only notices
// crashes, so a target that sees a contract broken (a foreign exception, a diagnostic without a
// file) prints what it saw and aborts; the input is then saved as a crash artifact.
#include "delight/diagnostic.hpp"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

namespace delight::fuzz {

[[noreturn]] inline void finding(const std::string& what) {
    std::fprintf(stderr, "delight fuzz finding: %s\n", what.c_str());
    std::abort();
}

inline std::string describe(const Location& loc) {
    return "'" + loc.file + "':" + std::to_string(loc.line) + ":" + std::to_string(loc.col);
}

/// PRODUCT.md §5: every problem names its file; line and column are 1-based or 0 ("does not
/// apply"), never negative.
inline void check_location(const Location& loc, const std::string& context) {
    if (loc.file.empty() || loc.line < 0 || loc.col < 0)
        finding(context + ": bad location " + describe(loc));
}

/// Runs body; a delight::Error is an accepted outcome (checked by on_error), any other
/// exception is a finding. Uncaught, it would abort too, but without saying what it was.
template <typename Body, typename OnError>
void expect_only_delight_errors(const char* target, Body body, OnError on_error) {
    try {
        body();
    } catch (const Error& e) {
        on_error(e);
    } catch (const std::exception& e) {
        finding(std::string(target) + ": exception other than delight::Error: " + e.what());
    } catch (...) {
        finding(std::string(target) + ": exception of unknown type");
    }
}

} // namespace delight::fuzz
