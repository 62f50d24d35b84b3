#!/bin/sh
# okrc graph -T svg parsed as XML: hostile titles (quotes, backslashes, < > &,
# \n \l \N, tabs, newlines, emoji) come out as the same text, in tooltips and
# in labels, and add no nodes, edges or markup. Also png and pdf signatures.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
cases="$top/tests/cases"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Rendering leaks inside Graphviz 2.42 (see tests/valgrind/graphviz.supp).
export LSAN_OPTIONS="suppressions=$top/tests/valgrind/graphviz.lsan:print_suppressions=0"

"$OKRC" graph -T svg "$cases/graph-hostile.okr" >"$tmp/direct.svg"
"$OKRC" graph -T dot "$cases/graph-hostile.okr" | dot -Tsvg >"$tmp/roundtrip.svg"

python3 - "$tmp/direct.svg" "$tmp/roundtrip.svg" <<'PY'
import sys
import xml.etree.ElementTree as ET

NS = {"s": "http://www.w3.org/2000/svg", "x": "http://www.w3.org/1999/xlink"}
XLINK_TITLE = "{http://www.w3.org/1999/xlink}title"
WJ = "\u2060"   # okrc's guard between a backslash and a quote or the end

titles = {
    "top": 'Quote " back\\slash <i>not html</i> &amp; & \\n\\l\\N tab here new line \U0001F3AF émigré',
    "inject": '"]; evil -> top; x [label=" mid\\" ends\\',
}
team = 'Team <b>"quoted"</b> & \\N \\G'

def check(path):
    root = ET.parse(path).getroot()
    groups = {}
    for g in root.iter("{%s}g" % NS["s"]):
        t = g.find("s:title", NS)
        if t is not None:
            groups[(g.get("class"), t.text)] = g
    nodes = sorted(name for cls, name in groups if cls == "node")
    edges = sorted(name for cls, name in groups if cls == "edge")
    clusters = sorted(name for cls, name in groups if cls == "cluster")
    assert nodes == ["inject", "okrc legend", "top"], nodes
    assert edges == ["inject->top"], edges
    assert clusters == ["cluster_evil"], clusters
    for name, title in titles.items():
        g = groups[("node", name)]
        tips = [a.get(XLINK_TITLE) for a in g.iter("{%s}a" % NS["s"])]
        assert tips and tips[0].replace(WJ, "") == title, (name, tips, title)
        text = " ".join(t.text or "" for t in g.iter("{%s}text" % NS["s"]))
        assert text.startswith(title.rstrip()), (name, text, title)
        # no element came from user text: only what Graphviz draws
        tags = {e.tag.split("}")[1] for e in g.iter()}
        assert tags <= {"g", "a", "title", "text", "path", "polygon", "polyline"}, tags
    top_text = [t.text for t in groups[("node", "top")].iter("{%s}text" % NS["s"])]
    assert "\u2192 10 tickets/<month>" in top_text, top_text   # a unit, escaped
    ctext = " ".join(t.text or "" for t in groups[("cluster", "cluster_evil")].iter("{%s}text" % NS["s"]))
    assert ctext == team, (ctext, team)

for path in sys.argv[1:]:
    check(path)
PY

# The other formats, format from -o's extension.
"$OKRC" graph -o "$tmp/map.png" "$cases/graph-basic.okr"
"$OKRC" graph -o "$tmp/map.pdf" "$cases/graph-basic.okr"
"$OKRC" graph -o "$tmp/map.svg" --layout sfdp "$cases/graph-basic.okr"
head -c 8 "$tmp/map.png" | od -An -c | grep -q 'P   N   G'
head -c 5 "$tmp/map.pdf" | grep -q '%PDF-'
python3 -c 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])' "$tmp/map.svg"
echo ok

# Every label okrc builds is valid for any plan `check` accepts: a key result
# without a metric (smart-measurable lowered) and edges to key-result ports.
for plan in graph-no-metric aligns-kr; do
    "$OKRC" graph -T svg --as-of 2027-02-15 "$cases/$plan.okr" >"$tmp/$plan.svg" 2>"$tmp/$plan.err" || {
        echo "FAIL: graph -T svg $plan.okr exited $?:"; cat "$tmp/$plan.err"; exit 1; }
done
grep -q '>no metric<' "$tmp/graph-no-metric.svg" || { echo "FAIL: no 'no metric' in the SVG"; exit 1; }
