#!/bin/sh
# tier: full (dpkg and lintian)
# make deb: the package has the right Depends (each satisfied here), lintian
# reports no error, and it installs with dpkg -i (into a root of its own, so
# the test leaves the machine as it was), where `okrc check` works from /
# with the default rules active; dpkg -r then removes every file.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }

make --no-print-directory -s -C "$top" deb >"$tmp/make.out" 2>&1 ||
    { cat "$tmp/make.out"; echo "FAIL: make deb"; exit 1; }
version=$(sed -n 's/^#define OKRC_VERSION "\(.*\)"/\1/p' "$top/src/lib/version.h")
deb=$top/build/okrc_${version}_$(dpkg --print-architecture).deb
[ -f "$deb" ] || { echo "FAIL: make deb did not write $deb"; exit 1; }

depends=$(dpkg-deb -f "$deb" Depends)
for lib in libc6 libcgraph6 libgvc6 libjansson4; do
    case ", $depends" in
    *", $lib"*) ;;
    *) fail "Depends lacks $lib: $depends" ;;
    esac
done
# Each dependency is a package this machine has installed.
echo "$depends" | tr ',' '\n' | sed 's/(.*//; s/ //g' | while read -r p; do
    [ -z "$p" ] && continue
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'install ok installed' ||
        echo "FAIL: dependency $p is not an installed package"
done >"$tmp/deps"
[ -s "$tmp/deps" ] && { cat "$tmp/deps"; status=1; }

if command -v lintian >/dev/null 2>&1; then
    lintian --no-tag-display-limit "$deb" >"$tmp/lintian" 2>&1
    grep '^E:' "$tmp/lintian" && fail "lintian reports errors"
else
    fail "lintian is not installed (tools/deps.sh --tests installs it)"
fi

# dpkg -i into an empty root with a database of its own. The libraries are
# this machine's (checked above), which that database does not know of.
root=$tmp/root
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
: >"$root/var/lib/dpkg/status"
: >"$root/var/lib/dpkg/available"
dpkg --root="$root" --force-not-root --force-depends --log=/dev/null -i "$deb" >"$tmp/dpkg.out" 2>&1 ||
    { cat "$tmp/dpkg.out"; fail "dpkg -i"; }
dpkg --root="$root" -s okrc 2>/dev/null | grep -q '^Status: install ok installed' ||
    fail "dpkg does not list okrc as installed"

cat >"$tmp/plan.okr" <<'PLAN'
use "std/bsc"
plan "Packaged" { period 2027-Q1 }
objective crm "Sell more through a better customer system" {
  perspective customer  owner @ana
  kr k "Implement new CRM" { from 0 to 1 }
}
PLAN
(cd / && env -u OKRC_PATH "$root/usr/bin/okrc" check --color=never --as-of 2027-02-15 "$tmp/plan.okr") \
    >"$tmp/out" 2>&1
rc=$?
[ "$rc" -eq 0 ] && grep -q '\[activity-kr\]' "$tmp/out" && ! grep -q 'import-not-found' "$tmp/out" ||
    { cat "$tmp/out"; fail "okrc check from the package: exit $rc"; }
(cd / && "$root/usr/bin/okrc" --version) | grep -qx "stdlib: $root/usr/share/okrc/stdlib" ||
    fail "the packaged okrc does not find its stdlib: $("$root/usr/bin/okrc" --version)"
strings "$root/usr/bin/okrc" | grep -qx /usr/share/okrc/stdlib ||
    fail "the packaged okrc is not configured for /usr/share/okrc/stdlib"
for f in usr/share/man/man1/okrc.1.gz usr/share/man/man5/okr.5.gz \
         usr/share/bash-completion/completions/okrc usr/share/zsh/vendor-completions/_okrc \
         usr/share/fish/vendor_completions.d/okrc.fish usr/share/doc/okrc/copyright; do
    [ -f "$root/$f" ] || fail "the package lacks $f"
done
MANWIDTH=80 man -l "$root/usr/share/man/man1/okrc.1.gz" 2>&1 | grep -q '^EXIT STATUS' ||
    fail "the packaged okrc(1) does not render"

dpkg --root="$root" --force-not-root --log=/dev/null -r okrc >"$tmp/dpkg.out" 2>&1 ||
    { cat "$tmp/dpkg.out"; fail "dpkg -r"; }
left=$(find "$root/usr" -type f 2>/dev/null)
[ -z "$left" ] || fail "dpkg -r left: $left"
exit $status
