#!/bin/sh
# report -f html: a well-formed page (every tag closed in order), no scripts
# or network references, and hostile user text escaped.
set -eu
# report -f html draws the alignment map through libgvc, which leaks inside
# Graphviz 2.42 (see tests/valgrind/graphviz.supp): suppressed for okrc-asan.
export LSAN_OPTIONS="suppressions=$(cd "$(dirname "$0")/../.." && pwd)/tests/valgrind/graphviz.lsan:print_suppressions=0"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/hostile.okr" <<'OKR'
plan "<script>alert('plan')</script> & co" { period 2027-Q1 owner @ceo }
objective o "Win <script>alert(1)</script> & \"quotes\" 'too'" {
  owner @ceo
  kr k "Grow </td></table><b>bold</b> & more" { from 0 to 10 current 4 }
  risk "<img src=x onerror=alert(2)>"
}
OKR
"$OKRC" report -f html --as-of 2027-02-15 "$tmp/hostile.okr" >"$tmp/out.html"
python3 - "$tmp/out.html" <<'PY'
import sys
from html.parser import HTMLParser

VOID = {"meta", "br", "img", "link", "input", "hr"}

class Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.text, self.tags = [], [], set()
    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        for name, value in attrs:
            assert not name.startswith("on"), f"event handler attribute {name}"
            assert name not in ("src", "href") or not value, f"external reference {name}={value}"
        if tag not in VOID:
            self.stack.append(tag)
    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()
    def handle_data(self, data):
        self.text.append(data)

page = open(sys.argv[1], encoding="utf-8").read()
assert page.startswith("<!DOCTYPE html>"), "doctype"
c = Checker()
c.feed(page)
c.close()
assert not c.stack, f"unclosed {c.stack}"
for bad in ("script", "img", "b", "link"):
    assert bad not in c.tags, f"user text became a <{bad}> element"
text = "".join(c.text)
for needle in ("Win <script>alert(1)</script> & \"quotes\" 'too'",
               "Grow </td></table><b>bold</b> & more",
               "<script>alert('plan')</script> & co"):
    assert needle in text, f"missing escaped text {needle!r}"
assert "http:" not in page and "https:" not in page, "network reference"
PY
