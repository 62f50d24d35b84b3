#!/bin/sh
# The include rule of docs/architecture.md, checked over every #include line:
#   lib/   (the compiler library)  includes lib/ only
#   emit/  (the emitters)          includes lib/ and emit/
#   cmd/   (the commands)          includes lib/, emit/ and cmd/, and lsp/lsp.h
#                                  (the server's one entry, for cmd_lsp.c)
#   lsp/   (the language server)   includes lib/, emit/ and lsp/
#   grammar/ (scanner and parser)  includes lib/ (and the generated parser.h)
# Every project header is named with its folder ("lib/plan.h"), so a line
# says which layer it reaches. With CC set, each header must also compile on
# its own. Prints each violation as FILE:LINE: message; exits 1 if any.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
status=0

allowed() { # layer of the including file
    case $1 in
    lib|grammar) echo "lib" ;;
    emit) echo "lib emit" ;;
    cmd) echo "lib emit cmd" ;;
    lsp) echo "lib emit lsp" ;;
    *) echo "" ;;
    esac
}

for f in src/*/*.c src/*/*.h src/*/*.def grammar/*.l grammar/*.y; do
    [ -e "$f" ] || continue
    case $f in
    grammar/*) layer=grammar ;;
    *) layer=$(echo "$f" | cut -d/ -f2) ;;
    esac
    ok=$(allowed "$layer")
    if [ -z "$ok" ]; then
        echo "$f: is in no known layer (lib, emit, cmd, lsp)"
        status=1
        continue
    fi
    # "N:name" for every quoted include
    grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$f" |
        sed 's/^\([0-9]*\):.*"\(.*\)".*/\1:\2/' >"${TMPDIR:-/tmp}/okrc-incl.$$"
    while IFS=: read -r line name; do
        case $name in
        parser.h)
            if [ "$layer" != lib ] && [ "$layer" != grammar ]; then
                echo "$f:$line: the generated parser.h belongs to lib/; include lib/parse.h"
                status=1
            fi
            continue ;;
        */*) target=${name%%/*} ;;
        *)
            echo "$f:$line: \"$name\" has no folder; write \"lib/$name\", \"emit/$name\"..."
            status=1
            continue ;;
        esac
        if [ "$layer" = cmd ] && [ "$name" = lsp/lsp.h ]; then
            continue
        fi
        if [ ! -e "src/$name" ]; then
            echo "$f:$line: \"$name\" is not a file under src/"
            status=1
            continue
        fi
        case " $ok " in
        *" $target "*) ;;
        *)
            echo "$f:$line: $layer/ may not include $name: it includes only $(echo "$ok" | sed 's/ /, /g')"
            status=1 ;;
        esac
    done <"${TMPDIR:-/tmp}/okrc-incl.$$"
    rm -f "${TMPDIR:-/tmp}/okrc-incl.$$"
done

# Each header declares what it uses: it compiles with nothing before it.
if [ -n "${CC:-}" ]; then
    flags=$(pkg-config --cflags jansson libcgraph libgvc 2>/dev/null)
    for h in src/*/*.h; do
        # shellcheck disable=SC2086
        if ! echo "#include \"${h#src/}\"" | $CC -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Werror \
                -Isrc -Ibuild/gen $flags -fsyntax-only -x c - 2>"${TMPDIR:-/tmp}/okrc-hdr.$$"; then
            echo "$h: does not compile on its own:"
            sed 's/^/    /' "${TMPDIR:-/tmp}/okrc-hdr.$$" | head -5
            status=1
        fi
        rm -f "${TMPDIR:-/tmp}/okrc-hdr.$$"
    done
fi
[ "$status" = 0 ] || echo "include check failed: see docs/architecture.md, 'The rule for includes'"
exit "$status"
