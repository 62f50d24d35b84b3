#!/bin/sh
# tier: full (Chromium)
# report -f html in a real headless Chromium (Debian's chromium package):
# the page of examples/acme-2027.okr loads with no console message at all
# (it has no script, so any message is the browser complaining about it),
# and a screenshot and a printed PDF of it are kept in build/artefacts/.
# A page with a deliberate console error must be caught, which proves the
# console capture still works with this Chromium.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
art="$top/build/artefacts"
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
    echo "report-chromium: chromium is not installed; 'make check' installs it (apt-get install chromium)" >&2
    exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$art"
# The ASan binary writes the same page; one set of artefacts is enough,
# so each binary gets its own name.
name=report-$(basename "$OKRC")

# chrome URL-FILE OUTPUT-OPTION...: one headless run, its log in $tmp/log.
chrome() {
    url=$1
    shift
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic \
        --no-first-run --disable-background-networking --disable-component-update \
        --disable-sync --disable-extensions --user-data-dir="$tmp/profile" \
        --enable-logging=stderr --v=0 "$@" "file://$url" >"$tmp/log" 2>&1
}

# Console messages are logged as `INFO:CONSOLE(LINE)] "text", source: URL`.
console_lines() {
    grep -E ':CONSOLE[(:]' "$tmp/log" || true
}

"$OKRC" report -f html --as-of 2027-02-15 "$top/examples/acme-2027.okr" >"$tmp/report.html" 2>/dev/null

# The capture works: a broken page shows up in the log.
printf '<!DOCTYPE html><title>x</title><script>console.error("okrc-probe"); no_such();</script>\n' \
    >"$tmp/broken.html"
chrome "$tmp/broken.html" --dump-dom >/dev/null || true
if ! console_lines | grep -q 'okrc-probe'; then
    echo "report-chromium: cannot see console messages in Chromium's log; the check below would prove nothing" >&2
    cat "$tmp/log" >&2
    exit 1
fi

# The report: it loads, with no console message.
chrome "$tmp/report.html" --dump-dom || { cat "$tmp/log" >&2; exit 1; }
if [ -n "$(console_lines)" ]; then
    echo "report-chromium: the report page logged console messages:" >&2
    console_lines >&2
    exit 1
fi

# A screenshot of a laptop-wide window, and the printed page.
rm -f "$art/$name.png" "$art/$name.pdf"
chrome "$tmp/report.html" --screenshot="$art/$name.png" --window-size=1280,2000 \
    --hide-scrollbars || { cat "$tmp/log" >&2; exit 1; }
chrome "$tmp/report.html" --print-to-pdf="$art/$name.pdf" --no-pdf-header-footer \
    || { cat "$tmp/log" >&2; exit 1; }

python3 - "$art/$name.png" "$art/$name.pdf" <<'PY'
import struct, sys, zlib
png, pdf = sys.argv[1], sys.argv[2]
data = open(png, "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
width, height = struct.unpack(">II", data[16:24])
assert (width, height) == (1280, 2000), (width, height)
assert len(data) > 50_000, f"screenshot too small to hold the report: {len(data)} bytes"
doc = open(pdf, "rb").read()
assert doc.startswith(b"%PDF-"), "not a PDF"
pages = doc.count(b"/Type /Page") - doc.count(b"/Type /Pages")
assert pages >= 2, f"expected the six objectives over several pages, got {pages}"
PY
