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
mkdir -p "$out/obj" "$out/bin" "$out/compat/include/delight" "$out/compat/src"

# --- clang 14 compatibility --------------------------------------------------------------
# The sources are written for g++ 12; Debian 12's clang 14 rejects two spots (docs/testing.md).
# Until they are changed, the fuzz build compiles patched copies from OUT/compat. Each patch
# applies only while its problem is there, and says so.
update() { # file content: write only when it changes, so that mtimes stay meaningful
    if ! cmp -s "$1" <(printf '%s\n' "$2"); then printf '%s\n' "$2" >"$1"; fi
}
# 1. YamlNode holds std::pair<YamlNode, YamlNode> while incomplete; clang 14 with libstdc++ 12
#    meets a cycle in pair's explicit(bool) default constructor, which asks whether YamlNode is
#    implicitly default-constructible while YamlNode's constructor needs pair. The patch
#    answers that question (true) right after YamlNode, so YamlNode itself is unchanged (an
#    aggregate still).
compat_include=()
if ! printf '#include "delight/yaml_tree.hpp"\nint main() { delight::io::YamlNode n; return n.line; }\n' |
    "$cxx" -std=c++20 -fsyntax-only -Iinclude -x c++ - 2>/dev/null; then
    header=$(awk '
        { print }
        /^    const YamlNode\* find\(std::string_view key\) const;$/ { in_node = 1; next }
        in_node && /^};$/ {
            print ""
            print "} // namespace delight::io"
            print "// Added by tests/fuzz/build.sh for clang 14 (docs/testing.md)."
            print "template <>"
            print "struct std::__is_implicitly_default_constructible<delight::io::YamlNode>"
            print "    : std::true_type {};"
            print "namespace delight::io {"
            in_node = 0
        }' include/delight/yaml_tree.hpp)
    grep -q '__is_implicitly_default_constructible' <<<"$header" ||
        { echo "fuzz: cannot patch yaml_tree.hpp for clang" >&2; exit 1; }
    update "$out/compat/include/delight/yaml_tree.hpp" "$header"
    compat_include=(-I"$out/compat/include")
    echo "fuzz: clang workaround: std::pair<YamlNode, YamlNode> (include/delight/yaml_tree.hpp)" >&2
fi
flags+=("${compat_include[@]}" -Iinclude -Isrc/io)
# 2. A lambda capturing a structured binding (C++20, P1091R3) needs clang 16.
source_of() { # src: prints the file to compile
    local capture='\[&\](const auto& e) { return e.first.value == field; }'
    if [ "$1" = src/io/list_loader.cpp ] && grep -q "$capture" "$1"; then
        update "$out/compat/src/list_loader.cpp" \
            "$(sed "s/$capture/[\&field = field](const auto\& e) { return e.first.value == field; }/" "$1")"
        echo "fuzz: clang workaround: structured binding captured in src/io/list_loader.cpp" >&2
        echo "$out/compat/src/list_loader.cpp"
    else
        echo "$1"
    fi
}

# --- build ------------------------------------------------------------------------------
# shellcheck disable=SC2012 # the names are ours, without spaces
newest_input=$(ls -t include/delight/*.hpp src/*/*.hpp tests/fuzz/*.hpp tests/fuzz/build.sh |
    head -n 1)
rm -f "$out/failed"
compile() { # source object; a failure leaves no object behind and marks the build failed
    if [ ! -f "$2" ] || [ "$1" -nt "$2" ] || [ "$newest_input" -nt "$2" ]; then
        echo "fuzz: compiling $1" >&2
        "$cxx" "${flags[@]}" -c "$1" -o "$2" || { rm -f "$2"; touch "$out/failed"; }
    fi
}

cmake -DOUT="$out/resources.cpp" -DDIR=resources -P cmake/embed_resources.cmake
objects=()
for src in src/core/*.cpp src/io/*.cpp src/render/*.cpp "$out/resources.cpp"; do
    obj="$out/obj/$(basename "$(dirname "$src")")_$(basename "${src%.cpp}").o"
    objects+=("$obj")
    compile "$(source_of "$src")" "$obj" &
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
done
wait
[ ! -f "$out/failed" ] || { echo "fuzz: compilation failed" >&2; exit 1; }

for target in tests/fuzz/fuzz_*.cpp; do
    name=$(basename "${target%.cpp}")
    compile "$target" "$out/obj/$name.o"
    [ ! -f "$out/failed" ] || exit 1
    if [ ! -f "$out/bin/$name" ] ||
        [ -n "$(find "${objects[@]}" "$out/obj/$name.o" -newer "$out/bin/$name")" ]; then
        echo "fuzz: linking $out/bin/$name" >&2
        "$cxx" "${flags[@]}" "$out/obj/$name.o" "${objects[@]}" "${libs[@]}" -o "$out/bin/$name"
    fi
done
