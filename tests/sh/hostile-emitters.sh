#!/bin/sh
# Hostile strings through every output: tests/cases/hostile-strings.okr (and a
# broken variant for the diagnostics) through report text/md/json/csv/html,
# agenda, graph DOT and SVG, and check human/json/sarif/github; each output is
# parsed back with a real parser for its format, and user text must come back
# exactly (or be shown escaped, where the format has no way to carry it).
set -u
# report -f html draws the alignment map through libgvc, which leaks inside
# Graphviz 2.42 (see tests/valgrind/graphviz.supp): suppressed for okrc-asan.
export LSAN_OPTIONS="suppressions=$(cd "$(dirname "$0")/../.." && pwd)/tests/valgrind/graphviz.lsan:print_suppressions=0"
top=$(cd "$(dirname "$0")/../.." && pwd)
plan="$top/tests/cases/hostile-strings.okr"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LSAN_OPTIONS="suppressions=$top/tests/valgrind/graphviz.lsan:print_suppressions=0"
export OKRC_VALGRIND_SUPP="$top/tests/valgrind/graphviz.supp"   # make memcheck: render leaks
fail=0
asof="--as-of 2027-02-15"

# run NAME EXIT COMMAND...: stdout in $tmp/NAME, stderr in $tmp/NAME.err.
run() {
    name=$1 want=$2
    shift 2
    "$@" >"$tmp/$name" 2>"$tmp/$name.err" </dev/null
    rc=$?
    if [ "$rc" != "$want" ] || grep -q "runtime error\|AddressSanitizer\|LeakSanitizer" "$tmp/$name.err"; then
        echo "FAIL $name: exit $rc (wanted $want)"; tail -5 "$tmp/$name.err"; fail=1
    fi
}

for f in text md json csv html; do
    run "report.$f" 0 "$OKRC" report $asof --color=never -f "$f" "$plan"
done
run agenda.md 0 "$OKRC" agenda $asof --color=never @ceo "$plan"
run graph.dot 0 "$OKRC" graph $asof --initiatives -T dot "$plan"
run graph.svg 0 "$OKRC" graph $asof --initiatives -T svg "$plan"

# The broken variant: units with every escape-worthy character, in a file
# whose name needs escaping too (GitHub properties: % : ,).
bad="$tmp/100% bad, plan: v1.okr"
cat "$plan" >"$bad"
cat >>"$bad" <<'EOF'
objective o3 "Broken units <script>x</script> | a,b" { owner @ceo  period 2027
  kr k "Units \"that\" clash" { from 0 "a%0A:b,c\nd\u{D}e %% 'q' <u>&" to 10 "<script>|\"x\"\\" owner @ceo }
}
EOF
run check.human 1 "$OKRC" check $asof --color=never "$bad"
for f in json sarif github; do
    run "check.$f" 1 "$OKRC" check $asof --color=never --format "$f" "$bad"
done

python3 - "$tmp" "$plan" "$bad" <<'PY' || fail=1
import csv, html.parser, json, re, sys, xml.etree.ElementTree as ET

tmp, plan_path, bad_path = sys.argv[1:]
out = lambda name: open(f"{tmp}/{name}", encoding="utf-8", newline="").read()
problems = []
def check(ok, what):
    if not ok:
        problems.append(what)

# The titles as written, decoded from the plan's own escapes.
def decode(s):
    s = re.sub(r"\\u\{([0-9A-Fa-f]+)\}", lambda m: chr(int(m.group(1), 16)), s)
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), s)
source = open(plan_path, encoding="utf-8").read()
string = r'"((?:[^"\\\n]|\\.)*)"'
objectives = [(i, decode(t)) for i, t in re.findall(r"\bobjective (\w+) " + string, source)]
krs = [(i, decode(t)) for i, t in re.findall(r"\bkr (\w+) " + string, source)]
check(len(objectives) == 2 and len(krs) == 6, f"plan decoding: {objectives} {krs}")
titles = [t for _, t in objectives + krs]

# JSON: parses, and every title comes back exactly.
report = json.loads(out("report.json"))
got = [o["title"] for o in report["objectives"]] + \
      [k["title"] for o in report["objectives"] for k in o["key_results"]]
check(sorted(got) == sorted(titles), f"json titles: {got}")

# What a terminal, a spreadsheet or a reader's eye would obey: C0 (but tab
# and line breaks, which the formats carry), DEL, C1, bidirectional controls.
# Every format writes them escaped or as a space (lib/text.h).
obeyed = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
safe = lambda s: obeyed.sub(" ", s)

# CSV: one row per key result, every title back after the formula guard.
rows = list(csv.DictReader(open(f"{tmp}/report.csv", encoding="utf-8", newline="")))
check(len(rows) == len(krs), f"csv: {len(rows)} rows for {len(krs)} key results")
unguard = lambda s: s[1:] if s.startswith("'") else s
for row, (_, title) in zip(rows, krs):
    check(unguard(row["title"]) == safe(title), f"csv title {row['title']!r} != {safe(title)!r}")
    check(row["title"][:1] not in "=+-@\t\r", f"csv title unguarded: {row['title']!r}")
    check(row["objective_title"][:1] not in "=+-@\t\r", f"csv objective title unguarded")
    check(unguard(row["objective_title"]) in [safe(t) for t in dict(objectives).values()], f"csv objective title")

# HTML: no element from user text, and each title is in the page's text.
class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.text = [], []
    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
    def handle_data(self, data):
        self.text.append(data)
    def handle_comment(self, data):
        self.tags.append("!--")
page = Page()
page.feed(out("report.html"))
page.close()
allowed = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "section", "small",
           "span", "table", "tr", "th", "td", "ul", "li", "br", "strong",
           # the alignment map (Graphviz's SVG) and the trend charts
           "svg", "g", "a", "path", "polygon", "polyline", "line", "circle", "ellipse", "text",
           # the filters (radio buttons and CSS)
           "form", "fieldset", "legend", "label", "input"}
check(set(page.tags) <= allowed, f"html: unexpected elements {set(page.tags) - allowed}")
text = "".join(page.text)
for t in titles:
    check(safe(t) in text, f"html: title not shown as written: {t!r}")

# Markdown: every table row has as many unescaped | as the header row; no
# user text starts a line of its own (a heading, a list item).
def pipes(line):
    n, i = 0, 0
    while i < len(line):
        if line[i] == "\\":
            i += 2
            continue
        n += line[i] == "|"
        i += 1
    return n
for name in ("report.md", "agenda.md"):
    lines = out(name).split("\n")
    table = [l for l in lines if l.startswith("|")]
    check(name == "agenda.md" or table, f"{name}: no table")
    # each table (a run of | lines): every row as many | as its header
    header = None
    for l in lines:
        if not l.startswith("|"):
            header = None
            continue
        if header is None:
            header = pipes(l)
            check(header in (6, 8), f"{name}: header with {header} separators: {l!r}")
        check(pipes(l) == header, f"{name}: row with {pipes(l)} separators, header {header}: {l!r}")
    check("\r" not in out(name), f"{name}: raw CR")
    starts = [l for l in lines if l and l[0] not in "#|-*_ " and not l[0].isalpha()
              and l not in ("```mermaid", "```")]  # the fences of the map and charts
    check(not starts, f"{name}: lines starting with user text: {starts}")
agenda_headings = [l for l in out("agenda.md").split("\n") if l.startswith("#")]
owned = 5  # key results of @ceo: o1.k1 k3 k4 k5, o2.k1
check(len(agenda_headings) == 1 + 1 + 1 + 2 + owned + 1, f"agenda headings: {agenda_headings}")  # title, opening, wins, objectives, KRs, reflection

# SVG: XML, no script element, three nodes (two objectives and the legend).
svg = ET.fromstring(out("graph.svg").encode("utf-8"))
ns = "{http://www.w3.org/2000/svg}"
check(not svg.findall(f".//{ns}script"), "svg: script element")
nodes = [g for g in svg.iter(f"{ns}g") if g.get("class") == "node"]
check(len(nodes) == 3, f"svg: {len(nodes)} nodes")

# Diagnostics: JSON and SARIF parse and agree; GitHub: one line per finding,
# whose message and file decode back to the JSON's.
diags = json.loads(out("check.json"))["diagnostics"]
sarif = json.loads(out("check.sarif"))
results = sarif["runs"][0]["results"]
check(len(results) == len(diags), f"sarif: {len(results)} results for {len(diags)}")
units = [d for d in diags if d["rule"] == "unit-mismatch"]
check(units and "a%0A:b,c\nd\re %% 'q' <u>&" in units[0]["message"]
      and '<script>|"x"\\' in units[0]["message"], f"json: units not kept: {units}")
check(all(d["file"] == bad_path for d in diags), "json: file name changed")
lines = out("check.github").split("\n")
check(lines[-1] == "" and len(lines) - 1 == len(diags), f"github: {len(lines) - 1} lines for {len(diags)}")
unescape = lambda s: s.replace("%0A", "\n").replace("%0D", "\r").replace("%3A", ":") \
                      .replace("%2C", ",").replace("%25", "%")
for line, d in zip(lines, diags):
    m = re.match(r"::(error|warning|notice) file=([^,]*),line=(\d+),col=(\d+),endLine=\d+,"
                 r"endColumn=\d+,title=([^:]*)::(.*)$", line)
    check(m is not None, f"github: malformed line {line!r}")
    if not m:
        continue
    check(unescape(m.group(2)) == bad_path, f"github file: {m.group(2)!r}")
    check(int(m.group(3)) == d["line"] and int(m.group(4)) == d["column"], "github position")
    message = unescape(m.group(6)).split("\nnote: ")[0]
    check(message == d["message"], f"github message {message!r} != {d['message']!r}")
human = out("check.human.err")
check(r"a%0A:b,c\nd\u{D}e %% 'q' <u>&" in human, "human: unit not in the message")
for name in ("check.human.err", "report.text", "report.md", "agenda.md", "check.github"):
    check(not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]", out(name)),
          f"{name}: control characters a terminal would obey")
check(not obeyed.search(out("report.csv").replace("\r\n", "\n").replace("\n", "").replace("\t", "")),
      "report.csv: control characters a terminal or spreadsheet would obey")

for p in problems:
    print("FAIL", p)
sys.exit(1 if problems else 0)
PY

# DOT: Graphviz's own reader takes it, with the same three nodes.
if command -v gvpr >/dev/null; then
    n=$(gvpr 'BEG_G { printf("%d\n", nNodes($G)); }' "$tmp/graph.dot" 2>"$tmp/gvpr.err")
    [ "$n" = 3 ] || { echo "FAIL dot: gvpr read $n nodes"; cat "$tmp/gvpr.err"; fail=1; }
    dot -Tcanon "$tmp/graph.dot" >/dev/null 2>"$tmp/canon.err" || { echo "FAIL dot -Tcanon"; cat "$tmp/canon.err"; fail=1; }
fi
[ $fail = 0 ] && echo ok
exit $fail
