#pragma once
// The unified diff that `--dry-run` prints for an append (PRODUCT.md §3.7).
#include <string>
#include <string_view>

namespace delight::io {

/// A unified diff (GNU `diff -u` layout, 3 lines of context) from before to after, as one
/// hunk around the lines that differ: "--- a/FILE", "+++ b/FILE", "@@ -l,n +l,n @@", then
/// ' ', '-' and '+' lines. Lines are split at '\n' and keep any '\r' (CRLF files show as
/// they are); a last line without a newline is followed by "\ No newline at end of file".
/// before_label "/dev/null" (an empty before) shows a new file. "" when the texts are equal.
std::string unified_diff(std::string_view before, std::string_view after,
                         const std::string& before_label, const std::string& after_label);

} // namespace delight::io
