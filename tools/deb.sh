#!/bin/sh
# tools/deb.sh STAGE BINARY OUT.deb — turns a `make install DESTDIR=STAGE
# prefix=/usr` tree into a Debian binary package: the binary built for /usr
# (stripped), man pages and changelog compressed, the copyright file,
# md5sums, Depends from dpkg-shlibdeps (the libcgraph, libgvc, libjansson and
# libc packages the binary links), files owned by root. `make deb` calls it.
set -eu
stage=$(cd "$1" && pwd) binary=$2 out=$3
top=$(cd "$(dirname "$0")/.." && pwd)
version=$(sed -n 's/^#define OKRC_VERSION "\(.*\)"/\1/p' "$top/src/lib/version.h")
arch=$(dpkg --print-architecture)

install -m 755 "$binary" "$stage/usr/bin/okrc"
strip --remove-section=.comment --remove-section=.note --strip-unneeded "$stage/usr/bin/okrc"
find "$stage/usr/share/man" -type f -name '*.[0-9]' -exec gzip -9nf {} +
doc=$stage/usr/share/doc/okrc
install -d "$doc"
install -m 644 "$top/debian/copyright" "$doc/copyright"
sed "s/@VERSION@/$version/" "$top/debian/changelog" | gzip -9n >"$doc/changelog.gz"
chmod 644 "$doc/changelog.gz"

# dpkg-shlibdeps wants a debian/control in the directory it runs in.
work=$(dirname "$stage")/shlibdeps
rm -rf "$work"
mkdir -p "$work/debian"
printf 'Source: okrc\n\nPackage: okrc\nArchitecture: any\n' >"$work/debian/control"
depends=$(cd "$work" && dpkg-shlibdeps -O "$stage/usr/bin/okrc" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || { echo "deb: dpkg-shlibdeps found no dependencies" >&2; exit 1; }

mkdir -p "$stage/DEBIAN"
size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size/" \
    -e "s/@DEPENDS@/$depends/" "$top/debian/control.in" >"$stage/DEBIAN/control"
(cd "$stage" && find usr -type f -exec md5sum {} + | LC_ALL=C sort -k 2) >"$stage/DEBIAN/md5sums"
chmod 644 "$stage/DEBIAN/control" "$stage/DEBIAN/md5sums"
find "$stage" -type d -exec chmod 755 {} +
dpkg-deb --root-owner-group -Zxz --build "$stage" "$out" >/dev/null
echo "$out"
