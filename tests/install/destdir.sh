#!/usr/bin/env bash
# `cmake --install` into a DESTDIR, then the installed files work: the binary checks the
# installed example, the man pages render, the bash completion completes, the schema is
# the binary's own.
# Usage: destdir.sh BUILD_DIR WITH_MAN(0|1)
set -euo pipefail
build=$1
with_man=$2
export LC_ALL=C.UTF-8 NO_COLOR=1 COLUMNS=100 MANWIDTH=100
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

DESTDIR="$scratch/root" cmake --install "$build" --prefix /usr >"$scratch/install.log"
root=$scratch/root
for f in usr/bin/delight usr/share/delight/schema.json \
  usr/share/delight/examples/fieldwise/delight.yaml \
  usr/share/bash-completion/completions/delight usr/share/zsh/vendor-completions/_delight; do
  [ -s "$root/$f" ] || fail "not installed: /$f"
done
delight=$root/usr/bin/delight
[ -x "$delight" ] || { echo "FAIL: no installed binary" >&2; exit 1; }

# The installed binary on the installed example.
"$delight" -C "$root/usr/share/delight/examples/fieldwise" check || fail "check of the installed example: exit $?"
cmp -s <("$delight" schema) "$root/usr/share/delight/schema.json" ||
  fail "the installed schema.json differs from 'delight schema'"

# Man pages: one per command and the file format; they render and document the options.
if [ "$with_man" = 1 ]; then
  for page in man1/delight.1 man1/delight-prioritize.1 man1/delight-brainstorm.1 man5/delight.5; do
    [ -s "$root/usr/share/man/$page" ] || fail "not installed: /usr/share/man/$page"
  done
  n=$(find "$root/usr/share/man/man1" -name 'delight*.1' | wc -l)
  cmds=$("$delight" --help | sed -n '/^Subcommands:/,/^$/p' | grep -c '^  [a-z]')
  [ "$n" -eq $((cmds + 1)) ] || fail "$n pages in man1 for $cmds commands (+ delight.1)"
  if command -v man >/dev/null; then
    man -l "$root/usr/share/man/man1/delight-prioritize.1" 2>/dev/null | grep -q -- '--sensitivity' ||
      fail "man -l delight-prioritize.1 does not show --sensitivity"
    man -l "$root/usr/share/man/man5/delight.5" 2>/dev/null | grep -q 'touchpoints' ||
      fail "man -l delight.5 does not render"
  fi
fi

# The installed bash completion offers the subcommands (bash-completion loads it by name).
mkdir "$scratch/bin"
ln -s "$delight" "$scratch/bin/delight"
got=$(PATH="$scratch/bin:$PATH" bash -c '
  source "$1"
  COMP_WORDS=(delight pr); COMP_CWORD=1; _delight delight pr delight
  echo "${COMPREPLY[*]}"' _ "$root/usr/share/bash-completion/completions/delight")
[ "$got" = prioritize ] || fail "installed completion offers '$got' for 'delight pr'"

[ "$failures" -eq 0 ] || { echo "$failures install check(s) failed" >&2; exit 1; }
echo "install: all checks passed"
