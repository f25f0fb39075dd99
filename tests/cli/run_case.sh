#!/usr/bin/env bash
# Runs one CLI golden case: CASE_DIR/cmd is a shell snippet run in a scratch copy of CASE_DIR
# with `delight` on PATH, $EXAMPLES pointing at the repo's examples/ and a fixed environment.
# stdout, stderr and the exit code are compared with expected.out, expected.err, expected.rc
# (absent expected files mean "empty" / 0). With a `no-writes` file in the case, the scratch
# folder must be byte-identical after the run (bad input writes nothing).
# UPDATE_GOLDEN=1 rewrites the expected files instead of comparing.
set -u
case_dir=$1 bin=$2 src=$3
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/bin" "$scratch/work"
ln -s "$bin" "$scratch/bin/delight"
cp -R "$case_dir/." "$scratch/work/"
rm -f "$scratch/work/expected.out" "$scratch/work/expected.err" "$scratch/work/expected.rc"
snapshot() { (cd "$scratch/work" && find . -type f ! -name '.*.stdout' -print0 | sort -z | xargs -0 sha256sum; find . | sort); }
before=$(snapshot)
(
  cd "$scratch/work" || exit 99
  export PATH="$scratch/bin:$PATH" EXAMPLES="$src/examples" LC_ALL=C.UTF-8 TZ=UTC NO_COLOR=1 COLUMNS=100
  unset TERM
  bash ./cmd >"$scratch/out" 2>"$scratch/err" </dev/null
  echo $? >"$scratch/rc"
)
status=0
if [ -f "$case_dir/no-writes" ]; then
  after=$(snapshot)
  if [ "$before" != "$after" ]; then
    echo "FAIL: the command wrote or changed files although it must not:"
    diff <(echo "$before") <(echo "$after")
    status=1
  fi
fi
for part in out err rc; do
  expected="$case_dir/expected.$part"
  if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
    if [ -s "$scratch/$part" ] && ! { [ $part = rc ] && [ "$(cat "$scratch/rc")" = 0 ]; }; then
      cp "$scratch/$part" "$expected"
    else
      rm -f "$expected"
    fi
    continue
  fi
  if [ -f "$expected" ]; then want="$expected"; else
    want="$scratch/empty.$part"; if [ $part = rc ]; then echo 0 >"$want"; else : >"$want"; fi
  fi
  if ! diff -u --label "expected.$part" --label "actual.$part" "$want" "$scratch/$part"; then
    status=1
  fi
done
exit $status
