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
/// The temporary file is ".NAME.XXXXXX.tmp" beside the target. A replaced file keeps its
/// permission bits (rwx for user, group, other) and, where the system allows, its owner; a
/// new file gets 0666 minus the umask. A symlink is followed: the link stays, its target is
/// replaced. A target that is a directory, device or FIFO is refused.
/// Calls are serialised (the signal handler knows one temporary file at a time).
/// A file-size limit (RLIMIT_FSIZE) raises SIGXFSZ, whose default action kills the process
/// and would leave the temporary file: main() should ignore SIGXFSZ, so that the write
/// fails with EFBIG and is reported like a full disk.
void write_file_atomic(const std::string& path, std::string_view content);

/// Installs SIGINT/SIGTERM/SIGHUP handlers that remove a temporary file being written (if
/// any) and exit with 130 (SIGINT), 143 (SIGTERM) or 129 (SIGHUP). A signal already ignored
/// when the program starts (nohup, background jobs) stays ignored. SIGPIPE keeps its default:
/// output cut short by a closed pipe (`delight gap | head`) ends the program quietly, and
/// SIGPIPE cannot arrive during a file write. Called once from main().
void install_signal_cleanup();

} // namespace delight::io
