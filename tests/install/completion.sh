#!/usr/bin/env bash
# Loads the generated bash completion into bash and completes command lines as bash would
# (COMP_WORDS/COMP_CWORD), checks that every format offered for -O is one the command
# accepts, and that the zsh script parses (when zsh is installed).
# Usage: completion.sh DELIGHT EXAMPLES_DIR
set -euo pipefail
delight=$(realpath "$1")
project=$(realpath "$2")/fieldwise
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir "$scratch/bin"
ln -s "$delight" "$scratch/bin/delight"
export PATH="$scratch/bin:$PATH" LC_ALL=C.UTF-8 NO_COLOR=1
failures=0

# shellcheck disable=SC1090
source <(delight completion bash)
[ "$(complete -p delight)" = "complete -F _delight delight" ] || {
  echo "FAIL: the script does not register _delight for delight" >&2
  exit 1
}

# complete WORD… : the candidates for the last word (the one being completed), sorted.
complete_words() {
  COMP_WORDS=("$@")
  COMP_CWORD=$(($# - 1))
  COMP_LINE="$*"
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  _delight delight "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
  if [ ${#COMPREPLY[@]} -gt 0 ]; then printf '%s\n' "${COMPREPLY[@]}" | sort | paste -sd' '; else echo; fi
}

# expect "WANTED" WORD… : the candidates are exactly WANTED (sorted, space-separated).
expect() {
  local want=$1 got
  shift
  got=$(complete_words "$@")
  if [ "$got" != "$want" ]; then
    echo "FAIL: '$*<TAB>' offered '$got', expected '$want'" >&2
    failures=$((failures + 1))
  fi
}

expect "prioritize" delight pr
expect "plan prioritize" delight p
expect "csv json markdown table" delight gap --format ''
expect "csv json markdown table" delight gap -O ''
expect "json" delight -C "$project" gap -O j
expect "github gitlab json table" delight check -O ''
expect "html markdown" delight report -O ''
expect "csv json markdown table yaml" delight plan --format ''
expect "csv" delight brainstorm export -O ''
expect "add" delight brainstorm a
expect "export" delight -q brainstorm --prompts 3 e
expect "must-be" delight brainstorm add "A text" --kano m
expect "classic pouliot" delight survey-diff --kano-table ''
expect "aom-first mode" delight survey-diff --kano-rule ''
expect "summary,coverage" delight report --sections summary,co
expect "always auto never" delight --color ''
expect "--color" delight gap --col
expect "--crosshair" delight gap --cr
expect "--dry-run" delight brainstorm add --dr
expect "bash zsh" delight completion ''
expect "midpoint" delight gap --crosshair = mi  # bash splits --crosshair=mi at the =

# Ids come from the project the command line names, read at completion time.
want=$(python3 -c 'import sys, yaml; d = yaml.safe_load(open(sys.argv[1])); print(" ".join(sorted(d[sys.argv[2]])))' "$project/delight.yaml" touchpoints)
[ -n "$want" ] || { echo "FAIL: no touchpoints in $project/delight.yaml" >&2; exit 1; }
expect "$want" delight -C "$project" brainstorm --touchpoint ''
want=$(python3 -c 'import sys, yaml; d = yaml.safe_load(open(sys.argv[1])); print(" ".join(sorted(d[sys.argv[2]])))' "$project/delight.yaml" functions)
expect "$want" delight brainstorm add "Text" --project "$project/delight.yaml" --function ''
# Outside a project: nothing, quietly, and exit 0.
(
  cd "$scratch"
  out=$(delight completion --ids touchpoints 2>&1) || { echo "FAIL: --ids outside a project: exit $?" >&2; exit 1; }
  [ -z "$out" ] || { echo "FAIL: --ids outside a project printed: $out" >&2; exit 1; }
) || failures=$((failures + 1))

# Every format offered for -O is one the command accepts (not a usage error, exit 2), and a
# format not offered is refused: the footers the script reads tell the truth.
cd "$scratch"
for cmd in check gap prioritize brainstorm "brainstorm export" plan report schema; do
  read -r -a words <<<"$cmd"
  offered=$(complete_words delight "${words[@]}" -O '')
  [ -n "$offered" ] || { echo "FAIL: no formats offered for '$cmd'" >&2; failures=$((failures + 1)); }
  for format in $offered; do
    rc=0
    delight -q -C "$project" "${words[@]}" -O "$format" >/dev/null 2>"$scratch/err" || rc=$?
    if [ "$rc" -eq 2 ]; then
      echo "FAIL: '$cmd -O $format' offered but refused: $(cat "$scratch/err")" >&2
      failures=$((failures + 1))
    fi
  done
  for format in table markdown csv json yaml html github gitlab; do
    case " $offered " in *" $format "*) continue ;; esac
    rc=0
    delight -q -C "$project" "${words[@]}" -O "$format" >/dev/null 2>&1 || rc=$?
    if [ "$rc" -ne 2 ]; then
      echo "FAIL: '$cmd -O $format' is accepted (exit $rc) but not offered" >&2
      failures=$((failures + 1))
    fi
  done
done

if command -v zsh >/dev/null; then
  delight completion zsh >"$scratch/_delight"
  zsh -n "$scratch/_delight" || { echo "FAIL: zsh -n rejects the zsh script" >&2; failures=$((failures + 1)); }
  # zsh_complete WORD… : what _delight hands to compadd (zsh filters by prefix itself).
  zsh_complete() {
    zsh -f -c 'compdef() { :; }; source "$1"; shift
      compadd() { print -r -- "${(@o)${(P)${@[-1]}}}"; }; _files() { print -r -- "<files>"; }
      words=("$@"); CURRENT=$#; _delight' _ "$scratch/_delight" "$@"
  }
  zexpect() {
    local want=$1 got
    shift
    got=$(zsh_complete "$@")
    [ "$got" = "$want" ] || { echo "FAIL: zsh '$*<TAB>' offered '$got', expected '$want'" >&2; failures=$((failures + 1)); }
  }
  zexpect "csv json markdown table" delight gap -O ''
  zexpect "attractive indifferent must-be performance reverse unknown" delight brainstorm add x --kano m
  zexpect "<files>" delight gap --survey ''
  zexpect "$(python3 -c 'import sys, yaml; print(" ".join(sorted(yaml.safe_load(open(sys.argv[1]))["touchpoints"])))' "$project/delight.yaml")" \
    delight -C "$project" brainstorm --touchpoint ''
fi

[ "$failures" -eq 0 ] || { echo "$failures completion check(s) failed" >&2; exit 1; }
echo "completion: all checks passed"
