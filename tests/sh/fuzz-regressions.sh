#!/bin/sh
# Every input the fuzzer ever crashed on must now give diagnostics and a
# defined exit code (0 or 1), with no sanitizer report.
set -u
dir=$(cd "$(dirname "$0")/../fuzz/crashers" && pwd)
status=0
for f in "$dir"/*; do
    "$OKRC" check --color=never "$f" >/dev/null 2>/tmp/okrc-fuzz-regr.$$
    rc=$?
    if [ "$rc" -gt 1 ] || grep -q "runtime error\|AddressSanitizer" /tmp/okrc-fuzz-regr.$$; then
        echo "$(basename "$f"): exit $rc"
        tail -5 /tmp/okrc-fuzz-regr.$$
        status=1
    fi
done
rm -f /tmp/okrc-fuzz-regr.$$
exit $status
