#!/usr/bin/env bash
# Runs one CLI golden case: CASE_DIR/cmd is a shell snippet run in a scratch copy of CASE_DIR
# with `delight` on PATH, $EXAMPLES pointing at the repo's examples/ and a fixed environment.
# stdout, stderr and the exit code are compared with expected.out, expected.err, expected.rc
# (absent expected files mean "empty" / 0). With a `no-writes` file in the case, the scratch
# folder must be byte-identical after the run (bad input writes nothing).
# UPDATE_GOLDEN=1 rewrites the expected files instead of comparing.
# DELIGHT_CASE_LC_ALL and DELIGHT_CASE_TZ replace the default LC_ALL=C.UTF-8 and TZ=UTC: the
# same expected files must match under any locale and time zone (PRODUCT.md §3.7). A locale or
# zone the machine does not have fails the case (exit 98) instead of silently running under C/UTC.
set -u
case_dir=$1 bin=$2 src=$3
case_lc_all=${DELIGHT_CASE_LC_ALL:-C.UTF-8} case_tz=${DELIGHT_CASE_TZ:-UTC}
# `locale` warns on stderr when it cannot set LC_ALL; a German or Turkish locale that really
# took effect has a decimal comma.
if [ -n "$(LC_ALL=$case_lc_all locale 2>&1 >/dev/null)" ]; then
  echo "FAIL: locale '$case_lc_all' is not installed (Debian: locales-all)"
  exit 98
fi
case $case_lc_all in
  de_DE* | tr_TR*)
    if [ "$(LC_ALL=$case_lc_all locale decimal_point)" != "," ]; then
      echo "FAIL: LC_ALL=$case_lc_all did not take effect (no decimal comma)"
      exit 98
    fi ;;
esac
# An unknown TZ silently means UTC: require the zone file and a non-zero offset.
if [ "$case_tz" != UTC ] && { [ ! -f "/usr/share/zoneinfo/$case_tz" ] ||
  [ "$(TZ=$case_tz date -d @1577836800 +%z)$(TZ=$case_tz date -d @1593561600 +%z)" = +0000+0000 ]; }; then
  echo "FAIL: time zone '$case_tz' is not installed (Debian: tzdata)"
  exit 98
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/bin" "$scratch/work"
ln -s "$bin" "$scratch/bin/delight"
cp -R "$case_dir/." "$scratch/work/"
rm -f "$scratch/work/expected.out" "$scratch/work/expected.err" "$scratch/work/expected.rc"
snapshot() { (cd "$scratch/work" && find . -type f ! -name '.*.stdout' -print0 | LC_ALL=C sort -z | xargs -0 sha256sum; find . | LC_ALL=C sort); }
before=$(snapshot)
(
  cd "$scratch/work" || exit 99
  export PATH="$scratch/bin:$PATH" EXAMPLES="$src/examples" LC_ALL=$case_lc_all TZ=$case_tz NO_COLOR=1 COLUMNS=100
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
  # The expected files are written from the default locale and zone only; a variant compares.
  if [ "${UPDATE_GOLDEN:-}" = 1 ] && [ -z "${DELIGHT_CASE_LC_ALL:-}${DELIGHT_CASE_TZ:-}" ]; then
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
