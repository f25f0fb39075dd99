#!/bin/bash
# CSV reader throughput against `cat` on a generated survey wave (PRODUCT.md §6).
# Not a timed test: it prints MB/s and the ratio, best of five runs each.
# Usage: bench/csv_throughput.sh [rows]   (default 1150000 rows, about 100 MB)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rows=${1:-1150000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work/wave.csv" "$rows" <<'PY'
import random, sys
random.seed(1)
comments = ["", "fine", "Invoices late, again", 'said ""meh""', "slow portal; ok otherwise",
            "multi\nline comment", "prix élevé"]
with open(sys.argv[1], "w", newline="") as f:
    f.write("respondent_id,account,group," + ",".join(f"q{i}" for i in range(1, 21)) +
            ",nps,comment\r\n")
    for i in range(int(sys.argv[2])):
        qs = ",".join(str(random.randint(1, 5)) for _ in range(20))
        f.write(f"R_{i:08d},acct-{random.randint(1, 5000):05d},"
                f"{random.choice(['pilot', 'control'])},{qs},{random.randint(0, 10)},"
                f"\"{random.choice(comments)}\"\r\n")
PY

cat > "$work/driver.cpp" <<'CPP'
#include "delight/csv.hpp"
#include <cstdio>
int main(int, char** argv) {
    auto reader = delight::io::CsvReader::open_file(argv[1]);
    std::vector<std::string_view> fields;
    std::size_t cells = 0;
    while (reader.next(fields)) cells += fields.size();
    std::printf("%zu\n", cells);
}
CPP
g++ -std=c++20 -O2 -DNDEBUG -I"$root/include" "$work/driver.cpp" "$root/src/io/csv_reader.cpp" \
    "$root/src/io/utf8.cpp" -lfmt -o "$work/driver"

best() { # best wall time of five runs of "$@", in seconds
    local t best=999
    for _ in 1 2 3 4 5; do
        t=$( { /usr/bin/time -f %e "$@" >/dev/null; } 2>&1 )
        best=$(echo "$t $best" | awk '{print ($1 < $2) ? $1 : $2}')
    done
    echo "$best"
}
bytes=$(stat -c %s "$work/wave.csv")
cat "$work/wave.csv" >/dev/null # warm the page cache
t_cat=$(best cat "$work/wave.csv")
t_csv=$(best "$work/driver" "$work/wave.csv")
awk -v b="$bytes" -v c="$t_cat" -v r="$t_csv" 'BEGIN {
    mb = b / 1e6
    printf "file      %.0f MB\n", mb
    printf "cat       %.2f s  %s MB/s\n", c, (c > 0 ? sprintf("%.0f", mb / c) : "n/a")
    printf "CsvReader %.2f s  %.0f MB/s  (%s x cat)\n", r, mb / r,
           (c > 0 ? sprintf("%.1f", r / c) : "n/a")
}'
