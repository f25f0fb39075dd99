#pragma once
// Atomic writes (PRODUCT.md §3.7): a temporary file in the target's directory, written,
// flushed and fsync'ed, then renamed over the target. A failed or interrupted write leaves
// the old file intact and no temporary file behind.
#include <string>
#include <string_view>

namespace delight::io {

/// Writes content to path atomically. Throws delight::Error with ExitCode::os (naming the
/// path and the system's reason) when the directory is missing or unwritable, the disk is
/// full, or a file-size limit is hit; the temporary file is removed in every case.
void write_file_atomic(const std::string& path, std::string_view content);

/// Installs SIGINT/SIGTERM handlers that remove a temporary file being written (if any)
/// and exit with 130 (SIGINT) or 143 (SIGTERM). Called once from main().
void install_signal_cleanup();

} // namespace delight::io
