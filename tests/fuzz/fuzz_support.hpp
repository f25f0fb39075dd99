#pragma once
// What the fuzz targets share: how a broken promise becomes a finding. libFuzzer only notices
// crashes, so a target that sees a contract broken (a foreign exception, a diagnostic without a
// file) prints what it saw and aborts; the input is then saved as a crash artifact.
#include "delight/diagnostic.hpp"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

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

/// A temporary folder under $TMPDIR (or /tmp) for a target's files, made once per process
/// (libFuzzer runs the target millions of times in one process) and removed at exit.
inline std::filesystem::path temp_folder(const std::string& target) {
    static std::filesystem::path folder;
    if (!folder.empty()) return folder;
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/delight-fuzz-XXXXXX";
    if (::mkdtemp(pattern.data()) == nullptr) finding(target + ": mkdtemp failed for " + pattern);
    folder = pattern;
    std::atexit([] {
        std::error_code ec;
        std::filesystem::remove_all(folder, ec);
    });
    return folder;
}

/// Writes bytes as the whole file at path; a failure is a finding (the disk, not the code).
inline void write_file(const std::filesystem::path& path, std::string_view bytes,
                       const std::string& target) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) finding(target + ": cannot write " + path.string());
}

} // namespace delight::fuzz
