#!/usr/bin/env bash
# Every man page builds with scdoc, every command and subcommand that `delight --help` lists
# has a page, and every long option its --help prints appears in that page.
# Usage: check-man-pages.sh DELIGHT MAN_SOURCE_DIR
set -euo pipefail
delight=$1
man_dir=$2
export LC_ALL=C.UTF-8 NO_COLOR=1 COLUMNS=100
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# 1. Each page builds, and its title line names the page.
for scd in "$man_dir"/*.scd; do
  base=$(basename "$scd" .scd) # delight-gap.1
  if ! scdoc <"$scd" >"$scratch/$base" 2>"$scratch/err"; then
    fail "$scd does not build: $(cat "$scratch/err")"
    continue
  fi
  want="${base%.*}(${base##*.})"
  [ "$(head -n1 "$scd")" = "$want" ] || fail "$scd: the first line is not '$want'"
  if command -v groff >/dev/null; then
    warnings=$(groff -man -Tutf8 -ww -z "$scratch/$base" 2>&1 || true)
    [ -z "$warnings" ] || fail "$base: groff warns: $warnings"
  fi
done
[ -f "$man_dir/delight.5.scd" ] || fail "no delight(5) page for the file format"

# subcommands WORD… : the subcommands the help of `delight WORD…` lists.
subcommands() {
  "$delight" "$@" --help | sed -n '/^Subcommands:/,/^$/p' | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p'
}

# 2. Each command's page holds every long option of its --help. `delight brainstorm add` is
# documented in delight-brainstorm(1), with export and import.
check_page() { # PAGE WORD…
  local page=$1
  shift
  local help options
  help=$("$delight" "$@" --help)
  options=$(sed -n '/^Options:/,/^$/p' <<<"$help" | grep -oE '^  (-[A-Za-z],)?--[a-z][a-z0-9-]*' |
    sed 's/.*--/--/' | sort -u)
  [ -n "$options" ] || fail "'delight $* --help' lists no long option (at least --help)"
  for option in $options; do
    grep -qE -- "${option}([^a-z0-9-]|\$)" "$page" || fail "$(basename "$page") lacks $option (from 'delight $* --help')"
  done
}

check_page "$man_dir/delight.1.scd"
top=$(subcommands)
[ -n "$top" ] || fail "'delight --help' lists no subcommand"
for cmd in $top; do
  page="$man_dir/delight-$cmd.1.scd"
  if [ ! -f "$page" ]; then
    fail "no page for 'delight $cmd' (expected $page)"
    continue
  fi
  grep -qE "\*$cmd\*|\*delight-$cmd\*" "$man_dir/delight.1.scd" || fail "delight.1.scd does not list $cmd"
  check_page "$page" "$cmd"
  for sub in $(subcommands "$cmd"); do
    grep -qE "$cmd $sub" "$page" || fail "$(basename "$page") does not document '$cmd $sub'"
    check_page "$page" "$cmd" "$sub"
  done
done

[ "$failures" -eq 0 ] || { echo "$failures man page check(s) failed" >&2; exit 1; }
echo "man pages: all checks passed"
