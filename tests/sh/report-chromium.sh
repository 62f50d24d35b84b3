#!/bin/sh
# tier: full (Chromium)
# report -f html in a real headless Chromium (Debian's chromium package):
# the page of examples/acme-2027.okr loads with no console message at all
# (it has no script, so any message is the browser complaining about it),
# and a screenshot and a printed PDF of it are kept in build/artefacts/.
# A page with a deliberate console error must be caught, which proves the
# console capture still works with this Chromium.
set -eu
# report -f html draws the alignment map through libgvc, which leaks inside
# Graphviz 2.42 (see tests/valgrind/graphviz.supp): suppressed for okrc-asan.
export LSAN_OPTIONS="suppressions=$(cd "$(dirname "$0")/../.." && pwd)/tests/valgrind/graphviz.lsan:print_suppressions=0"
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

# chrome_dom URL-FILE: the DOM Chromium built, on standard output; the log in $tmp/log.
chrome_dom() {
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic \
        --no-first-run --disable-background-networking --disable-component-update \
        --disable-sync --disable-extensions --user-data-dir="$tmp/profile" \
        --enable-logging=stderr --v=0 --dump-dom "file://$1" 2>"$tmp/log"
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

# The dashboard as Chromium built it (the DOM after parsing): one trend
# chart per key result with a period, a numeric metric and a check-in; one
# map node per objective shown (and the legend), each a link to its card.
# For the example and a generated plan of 40 objectives (its screenshot is
# kept too).
python3 "$top/tests/bench/genplan.py" 40 >"$tmp/plan40.okr"
for plan in "$top/examples/acme-2027.okr" "$tmp/plan40.okr"; do
    "$OKRC" report -f html --as-of 2027-02-15 "$plan" >"$tmp/page.html" 2>/dev/null || true
    "$OKRC" report -f json --as-of 2027-02-15 "$plan" >"$tmp/page.json" 2>/dev/null || true
    chrome_dom "$tmp/page.html" >"$tmp/dom.html" || { cat "$tmp/log" >&2; exit 1; }
    [ -z "$(console_lines)" ] || { echo "report-chromium: console messages for $plan" >&2; console_lines >&2; exit 1; }
    python3 - "$tmp/dom.html" "$tmp/page.json" "$plan" <<'PY'
import json, sys
from html.parser import HTMLParser
dom, report, plan = open(sys.argv[1], encoding="utf-8").read(), json.load(open(sys.argv[2])), sys.argv[3]

class Count(HTMLParser):
    def __init__(self):
        super().__init__()
        self.trends = self.nodes = 0
        self.links, self.ids = [], set()
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "svg" and a.get("class") == "trend":
            self.trends += 1
        if tag == "g" and a.get("class") == "node":
            self.nodes += 1
        if tag == "a" and (a.get("xlink:href") or a.get("href")):
            self.links.append(a.get("xlink:href") or a.get("href"))
        if "id" in a:
            self.ids.add(a["id"])
c = Count()
c.feed(dom)
objectives = report["objectives"]
charted = sum(1 for o in objectives if o["period"] for k in o["key_results"]
              if k["metric"] in ("range", "target") and k["from"] is not None and k["to"] is not None
              and any(isinstance(h["value"], (int, float)) and not isinstance(h["value"], bool) for h in k["history"]))
assert c.trends == charted, f"{plan}: {c.trends} trend charts, expected {charted}"
assert c.nodes == len(objectives) + 1, f"{plan}: {c.nodes} map nodes, expected {len(objectives)} objectives and the legend"
for link in c.links:
    assert link.startswith("#o-") and link[1:] in c.ids, f"{plan}: map link {link} leads to no card"
assert len(c.links) == len(objectives), f"{plan}: {len(c.links)} links for {len(objectives)} objectives"
print(f"{plan}: {c.trends} trend charts, {c.nodes - 1} map nodes, every link to a card")
PY
done
chrome "$tmp/page.html" --screenshot="$art/$name-40.png" --window-size=1280,2000 --hide-scrollbars ||
    { cat "$tmp/log" >&2; exit 1; }

# The filters work without a script of their own: in a copy of the page a
# status (then a team) is chosen as a reader would click it, and a probe
# script of the test's own reads which cards the page's CSS leaves shown.
python3 - "$tmp/page.html" "$tmp" <<'PY'
import re, sys
page, tmp = open(sys.argv[1], encoding="utf-8").read(), sys.argv[2]
probe = ("<script>document.body.setAttribute('data-visible', Array.from(document.querySelectorAll('.card'))"
         ".filter(c => getComputedStyle(c).display != 'none').map(c => c.id).join(' '))</script>")
status = re.search(r'id="(fs-[a-z-]+)"', page).group(1)
team = re.search(r'id="(ft\d+)"', page).group(1)
for name, choice in (("status", status), ("team", team)):
    copy = page.replace(f'name="{name}" checked>', f'name="{name}">', 1)
    copy = copy.replace(f'id="{choice}">', f'id="{choice}" checked>', 1)
    copy = copy.replace("</body>", probe + "</body>")
    open(f"{tmp}/filter-{name}.html", "w", encoding="utf-8").write(copy)
    open(f"{tmp}/filter-{name}.want", "w").write(choice)
PY
for which in status team; do
    chrome_dom "$tmp/filter-$which.html" >"$tmp/filter-$which.dom" || { cat "$tmp/log" >&2; exit 1; }
    python3 - "$tmp/filter-$which.dom" "$(cat "$tmp/filter-$which.want")" <<'PY'
import re, sys
dom, choice = open(sys.argv[1], encoding="utf-8").read(), sys.argv[2]
shown = set(re.search(r'data-visible="([^"]*)"', dom).group(1).split())
cards = re.findall(r'<section class="card" id="([^"]+)" data-team="([^"]*)" data-status="([^"]*)"', dom)
want = {i for i, team, status in cards
        if (choice.startswith("fs-") and choice[3:] in status.split()) or (choice.startswith("ft") and choice[1:] in team.split())}
assert want, f"{choice}: no card matches; the test would prove nothing"
assert shown == want, f"{choice}: shown {sorted(shown)}, expected {sorted(want)}"
assert len(want) < len(cards), f"{choice}: every card matches; the test would prove nothing"
print(f"filter {choice}: {len(shown)} of {len(cards)} cards shown, the right ones")
PY
done

# A screenshot of the dashboard of every example, kept with the others.
for plan in "$top"/examples/*.okr; do
    ex=$(basename "$plan" .okr)
    "$OKRC" report -f html --as-of 2027-02-15 "$plan" >"$tmp/$ex.html" 2>/dev/null || true
    chrome "$tmp/$ex.html" --screenshot="$art/$name-$ex.png" --window-size=1280,2000 --hide-scrollbars ||
        { cat "$tmp/log" >&2; exit 1; }
    [ -s "$art/$name-$ex.png" ] || { echo "report-chromium: no screenshot of $ex" >&2; exit 1; }
done
