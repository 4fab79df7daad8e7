#!/usr/bin/env bash
# Checks the Debian package as a maintainer's machine would use it: unpacked (dpkg-deb -x) into a
# fresh folder, its binary needs nothing from the Swift toolchain (ldd), and `lantai init` and
# `lantai build` make a portal with it, in an environment without Swift on the PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$(ls dist/lantai_*.deb | head -1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dpkg-deb -x "$deb" "$work/root"
binary="$work/root/usr/bin/lantai"
test -f "$work/root/usr/share/doc/lantai/使用指南.md"
if ldd "$binary" | grep -Ei 'swift|not found'; then
  echo "check-package: the packaged binary needs the libraries above" >&2
  exit 1
fi
dpkg-deb -f "$deb" Depends | grep -q libcmark-gfm
cd "$work"
env -i PATH=/usr/bin:/bin HOME="$work" "$binary" init portal >/dev/null
cd portal
env -i PATH=/usr/bin:/bin HOME="$work" "$binary" build > build.log
grep -q '^生成了 2 篇文稿' build.log
test -f public/index.html
grep -q '办公室文稿知识库' public/index.html
echo "check-package: $deb unpacks, needs no Swift library, and builds a portal ($(tail -1 build.log))"
