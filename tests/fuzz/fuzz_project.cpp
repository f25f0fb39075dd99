// libFuzzer target: a whole project, loaded as `delight check` loads it (load_project, then
// the survey waves). The input is written to files in one temporary folder per process:
//
//   byte 0 % 3 == 0   the rest is delight.yaml
//   byte 0 % 3 == 1   the rest is split at the first "\0\0": delight.yaml, expectations.yaml
//   byte 0 % 3 == 2   the rest is split at the first "\0\0": delight.yaml, data.csv
//
// (without "\0\0" the rest is delight.yaml alone). Loading must not throw anything but
// delight::Error, and every diagnostic (and that error) must name a file, with line and
// column >= 0.
#include "delight/project.hpp"
#include "delight/survey_check.hpp"
#include "fuzz_support.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

namespace fs = std::filesystem;

namespace {

const char* const second_names[] = {"", "expectations.yaml", "data.csv"};

fs::path g_dir;
delight::io::ProjectLocation g_where;

void write_file(const fs::path& path, std::string_view bytes) {
    delight::fuzz::write_file(path, bytes, "fuzz_project");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    g_dir = delight::fuzz::temp_folder("fuzz_project");
    write_file(g_dir / "delight.yaml", "");
    g_where = delight::io::find_project(g_dir.string(), "");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const unsigned mode = data[0] % 3;
    std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
    std::string_view second;
    bool has_second = false;
    if (mode != 0) {
        const std::size_t cut = rest.find(std::string_view("\0\0", 2));
        if (cut != std::string_view::npos) {
            second = rest.substr(cut + 2);
            rest = rest.substr(0, cut);
            has_second = true;
        }
    }
    // Every run starts from the same folder: only the files this input names exist.
    std::error_code ec;
    fs::remove(g_dir / second_names[1], ec);
    fs::remove(g_dir / second_names[2], ec);
    write_file(g_dir / "delight.yaml", rest);
    if (has_second) write_file(g_dir / second_names[mode], second);

    delight::Diagnostics diags;
    delight::fuzz::expect_only_delight_errors(
        "load_project",
        [&] {
            delight::Project project = delight::io::load_project(g_where, diags);
            delight::io::check_survey_waves(project, g_where, diags);
        },
        [](const delight::Error& e) {
            delight::fuzz::check_location(e.diagnostic().loc, "load_project error");
        });
    for (const delight::Diagnostic& d : diags.items())
        delight::fuzz::check_location(d.loc, "diagnostic '" + d.message + "'");
    return 0;
}
