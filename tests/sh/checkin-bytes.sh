#!/bin/sh
# okrc checkin keeps every byte of the file: what it writes is the file
# with the entry's lines inserted and nothing else changed, for a file with
# CRLF line ends (the new lines get CRLF too), one without a final newline,
# a date between two existing blocks (a new block after the last one), and
# a date whose block exists (the entry goes into it).
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
head='plan "P" { period 2027-Q1 owner @a }
objective o "Grow the number of paying customers" {
  owner @a
  kr k "Customers paying each month" { from 10 to 50 }
}'
blocks='checkin 2027-01-15 {
  o.k = 12
}
checkin 2027-02-15 {
  o.k = 20
}'
printf '%s\n%s\n' "$head" "$blocks" | sed 's/$/\r/' >"$tmp/crlf.okr"
printf '%s' "$head" >"$tmp/nonl.okr"
printf '%s\n%s\n' "$head" "$blocks" >"$tmp/between.okr"
# the block of 2027-02-15 holds another key result's value: the entry joins it
sed 's/  o.k = 20/  o.m = 3/; s/^  kr k .*/&\n  kr m "Markets served by the shop" { from 2 to 4 }/' "$tmp/between.okr" >"$tmp/sameday.okr"
check() { # FILE DATE: the output holds FILE's bytes in order, plus whole inserted lines
    "$OKRC" checkin --date "$2" "$1" o.k 15 confidence 6 >"$tmp/out" 2>/dev/null ||
        { echo "FAIL: checkin $1 $2"; exit 1; }
    python3 - "$1" "$tmp/out" "$2" <<'PY'
import sys
old, new, day = open(sys.argv[1], "rb").read(), open(sys.argv[2], "rb").read(), sys.argv[3]
crlf = b"\r\n" in old
# the bytes of the old file, in order, in the new one: what is left over is what was inserted
i = j = 0
inserted = bytearray()
while i < len(old) and j < len(new):
    if old[i] == new[j]:
        i += 1
    else:
        inserted.append(new[j])
    j += 1
inserted += new[j:]
assert i == len(old), f"{sys.argv[1]}: byte {i} of the file is not in the output"
text = inserted.decode()
assert "o.k = 15" in text and "confidence 6" in text, f"{sys.argv[1]}: inserted {text!r}"
if crlf:
    assert b"\n" not in new.replace(b"\r\n", b""), f"{sys.argv[1]}: a bare LF in a CRLF file"
assert new.count(b"o.k = 15") == 1
print(f"{sys.argv[1].rsplit('/', 1)[-1]} {day}: every byte kept, inserted {text.strip()!r}")
PY
    "$OKRC" check --as-of 2027-03-01 "$tmp/out" >/dev/null 2>&1 || true
}
check "$tmp/crlf.okr" 2027-02-01
check "$tmp/nonl.okr" 2027-02-01
check "$tmp/between.okr" 2027-02-01
check "$tmp/sameday.okr" 2027-02-15
