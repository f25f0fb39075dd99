#!/usr/bin/env bash
# docs/tutorial.md is what scripts/tutorial writes when it runs every command of the template
# with this build's delight: regenerate it and compare (issue 9: a tutorial that cannot drift).
# To update after a deliberate change: scripts/tutorial build/delight && git diff docs/tutorial.md
set -euo pipefail
bin=$1 src=$2
out=$(mktemp)
trap 'rm -f "$out"' EXIT
python3 "$src/scripts/tutorial" "$bin" "$out"
if ! diff -u --label docs/tutorial.md --label regenerated "$src/docs/tutorial.md" "$out"; then
    echo "docs/tutorial.md is out of date: run scripts/tutorial PATH/TO/delight" >&2
    exit 1
fi
