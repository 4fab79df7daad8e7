#!/usr/bin/env bash
# Packages lantai for maintainers without Swift: a release binary with the Swift runtime and
# Foundation linked in (--static-swift-stdlib), wrapped as
#   dist/lantai_VERSION_ARCH.deb     installed with `sudo apt install ./lantai_VERSION_ARCH.deb`;
#                                    depends on the Debian packages of the shared libraries the
#                                    binary links (libc, cmark-gfm, libxml2, …), read off ldd
#   dist/lantai_VERSION_ARCH.tar.gz  the binary and the user guide, for a machine without root
# The binary must need nothing from the Swift toolchain; the script fails if ldd shows otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(sed -n 's/.*current = "\(.*\)".*/\1/p' Sources/LantaiCore/Build/LantaiVersion.swift)
arch=$(dpkg --print-architecture)
name="lantai_${version}_${arch}"

swift build -c release --static-swift-stdlib --product lantai
binary=.build/release/lantai

if ldd "$binary" | grep -Ei 'swift|not found'; then
  echo "package: the binary still needs the libraries above at run time" >&2
  exit 1
fi

# The Debian package of each shared library the binary loads (dpkg knows /lib and /usr/lib
# paths by the name it installed them under, so both are asked).
depends=()
while read -r library; do
  package=$(dpkg -S "$library" 2>/dev/null || dpkg -S "$(realpath "$library")" 2>/dev/null || true)
  package=${package%%:*}
  [ -n "$package" ] && depends+=("$package")
done < <(ldd "$binary" | awk '/=> \// { print $3 }')
depends_line=$(printf '%s\n' "${depends[@]}" | sort -u | paste -sd, - | sed 's/,/, /g')

rm -rf "dist/$name" "dist/$name.deb" "dist/$name.tar.gz"
root="dist/$name"
mkdir -p "$root/DEBIAN" "$root/usr/bin" "$root/usr/share/doc/lantai"
install -m 755 "$binary" "$root/usr/bin/lantai"
strip "$root/usr/bin/lantai"
install -m 644 starter/content/guidance/guide.md "$root/usr/share/doc/lantai/使用指南.md"
size=$(du -sk "$root/usr" | cut -f1)
cat > "$root/DEBIAN/control" <<CONTROL
Package: lantai
Version: $version
Architecture: $arch
Maintainer: Lantai <lantai@localhost>
Installed-Size: $size
Depends: $depends_line
Recommends: poppler-utils
Section: text
Priority: optional
Description: 兰台：办公室文稿知识库门户生成工具
 把讲话稿、经验交流材料和指导意见（Markdown、Word、PDF、网页、文本）整理成
 可以在内网服务器或 U 盘上离线检索的知识库门户。使用指南见
 /usr/share/doc/lantai/使用指南.md。
CONTROL
dpkg-deb --root-owner-group --build "$root" "dist/$name.deb" >/dev/null

# The tar.gz: the program and the guide in one folder.
loose="dist/tar/lantai-$version"
rm -rf dist/tar
mkdir -p "$loose"
cp "$root/usr/bin/lantai" "$loose/lantai"
cp starter/content/guidance/guide.md "$loose/使用指南.md"
tar -C dist/tar -czf "dist/$name.tar.gz" "lantai-$version"
rm -rf dist/tar "$root"
echo "dist/$name.deb (Depends: $depends_line)"
echo "dist/$name.tar.gz"
