#!/usr/bin/env bash
# Runs each fuzz target built by build.sh for SECONDS (default 60), one after the other, and
# fails when any of them finds a crash, a hang, a leak or a broken contract.
#   usage: tests/fuzz/run.sh [SECONDS] [OUT] [TARGET...]      (TARGET: yaml, project, csv, counts, append)
# The corpus grown by the runs is kept in OUT/corpus/TARGET (outside git) and is read again
# next time, with the seeds of tests/fuzz/corpus/TARGET; a finding is saved in
# OUT/findings/TARGET/ and each run's output in OUT/logs/TARGET-TIME.log (its last lines give
# the executions and exec/s, for the table in docs/testing.md).
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 2
seconds=${1:-60}
out=${2:-build-fuzz}
shift $(($# > 2 ? 2 : $#))
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(yaml project csv counts append)

failed=()
for t in "${targets[@]}"; do
    dict=tests/fuzz/yaml.dict
    [ "$t" = csv ] || [ "$t" = counts ] && dict=tests/fuzz/csv.dict
    mkdir -p "$out/corpus/$t" "$out/findings/$t" "$out/logs"
    log="$out/logs/$t-$(date -u +%Y%m%dT%H%M%SZ).log"
    echo "fuzz: $t for ${seconds}s (log: $log)"
    "$out/bin/fuzz_$t" -max_total_time="$seconds" -max_len=65536 -timeout=5 -rss_limit_mb=2048 \
        -dict="$dict" -artifact_prefix="$out/findings/$t/" -print_final_stats=1 \
        "$out/corpus/$t" "tests/fuzz/corpus/$t" >"$log" 2>&1
    rc=$?
    grep -E '^stat::number_of_executed_units|^stat::average_exec_per_sec|^#[0-9]+[[:space:]]+DONE' \
        "$log" | sed 's/^/  /'
    if [ $rc -ne 0 ]; then
        failed+=("$t")
        echo "fuzz: $t FOUND A PROBLEM (exit $rc):"
        grep -E 'ERROR:|delight fuzz finding|SUMMARY|Test unit written' "$log" |
            head -n 8 | sed 's/^/  /'
    fi
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: findings in: ${failed[*]} (reproduce: $out/bin/fuzz_TARGET FILE; see docs/testing.md)"
    exit 1
fi
echo "fuzz: no findings"
