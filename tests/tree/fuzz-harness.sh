#!/bin/sh
# The fuzz targets (tests/fuzz/*.c) compile against today's headers, and
# make's list of their sources holds every generated file: `make fuzz` is
# not part of `make check` (it needs clang and minutes), and its harness had
# drifted from the library twice (agenda_write gained two parameters; the
# lexical data became a generated source) before this test. A syntax check
# with the C compiler the build uses, so it runs wherever the build does.
# Checked to fail: with the old three-argument agenda_write call.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cc=${CC:-cc}
flags=$(pkg-config --cflags libgvc libcgraph jansson libutf8proc 2>/dev/null)
status=0
[ -f "$top/build/gen/parser.h" ] || { echo "skipped: build/gen/parser.h not built (make first)"; exit 77; }
for f in "$top"/tests/fuzz/*.c; do
    # shellcheck disable=SC2086
    if ! "$cc" -std=c11 -D_POSIX_C_SOURCE=200809L -fsyntax-only -Wall -Wextra -Werror \
        -Wno-unused-function -I"$top/src" -I"$top/build/gen" -I"$top/tests" $flags "$f"; then
        echo "FAIL: $(basename "$f") does not compile against the library's headers"
        status=1
    fi
done
# every generated source (GEN) goes into the fuzz targets
if ! grep -q '^FUZZ_SRC := .*$(GEN)' "$top/Makefile"; then
    echo "FAIL: FUZZ_SRC in the Makefile does not take every generated source, \$(GEN)"
    status=1
fi
exit $status
