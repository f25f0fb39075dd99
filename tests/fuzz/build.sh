#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/fuzz_*.cpp) with clang into OUT (default
# build-fuzz/): the loaders' sources (src/core, src/io, src/render) are compiled once into
# OUT/obj with the fuzzer's coverage instrumentation, ASan and UBSan, then linked with each
# target into OUT/bin/. An object is rebuilt when it is older than its source, a header or
# this script. src/cli is left out: it holds main() and the commands, which the targets do not
# call. The files of resources/ are compiled in as in the real build (cmake/embed_resources.cmake)
# rather than stubbed, so that loaders which read them (src/io/prompt_library.cpp) behave as
# in the product.
# Debian's yaml-cpp, fmt, utf8proc and cmark-gfm are linked as they are, uninstrumented (docs/testing.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-build-fuzz}
cxx=${CXX:-clang++}
jobs=${JOBS:-$(nproc)}
# shellcheck disable=SC2054 # the commas are inside one flag
flags=(-std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
       -fno-omit-frame-pointer -D_GLIBCXX_ASSERTIONS -DDELIGHT_VERSION="\"fuzz\"")
libs=(-lyaml-cpp -lfmt -lutf8proc -lcmark-gfm -lcmark-gfm-extensions)
mkdir -p "$out/obj" "$out/bin"

flags+=(-Iinclude -Isrc/io -Itests/support)

# --- build ------------------------------------------------------------------------------
# shellcheck disable=SC2012 # the names are ours, without spaces
# (the product's sources do not include tests/fuzz/*.hpp: only the targets depend on them)
newest_input=$(ls -t include/delight/*.hpp src/*/*.hpp tests/fuzz/build.sh | head -n 1)
newest_target_input=$(ls -t "$newest_input" tests/fuzz/*.hpp tests/support/*.hpp | head -n 1)
rm -f "$out/failed"
compile() { # source object [newest header]; a failure leaves no object behind, marks the build failed
    if [ ! -f "$2" ] || [ "$1" -nt "$2" ] || [ "${3:-$newest_input}" -nt "$2" ]; then
        echo "fuzz: compiling $1" >&2
        "$cxx" "${flags[@]}" -c "$1" -o "$2" || { rm -f "$2"; touch "$out/failed"; }
    fi
}

cmake -DOUT="$out/resources.cpp" -DDIR=resources -P cmake/embed_resources.cmake
objects=()
for src in src/core/*.cpp src/io/*.cpp src/render/*.cpp "$out/resources.cpp"; do
    obj="$out/obj/$(basename "$(dirname "$src")")_$(basename "${src%.cpp}").o"
    objects+=("$obj")
    compile "$src" "$obj" &
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
done
wait
[ ! -f "$out/failed" ] || { echo "fuzz: compilation failed" >&2; exit 1; }

for target in tests/fuzz/fuzz_*.cpp; do
    name=$(basename "${target%.cpp}")
    compile "$target" "$out/obj/$name.o" "$newest_target_input"
    [ ! -f "$out/failed" ] || exit 1
    if [ ! -f "$out/bin/$name" ] ||
        [ -n "$(find "${objects[@]}" "$out/obj/$name.o" -newer "$out/bin/$name")" ]; then
        echo "fuzz: linking $out/bin/$name" >&2
        "$cxx" "${flags[@]}" "$out/obj/$name.o" "${objects[@]}" "${libs[@]}" -o "$out/bin/$name"
    fi
done
