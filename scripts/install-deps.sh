#!/usr/bin/env bash
# Installs the Debian packages Lantai needs, only those that are missing.
#   scripts/install-deps.sh          what building the portal needs
#   scripts/install-deps.sh --test   also what the tests need (the GFM spec in cmark-gfm, headless Chromium, a CJK font,
#                                    poppler-utils to read printed PDFs, nginx to serve under a sub-path,
#                                    OpenCC for the generated corpus the kill test builds,
#                                    python-docx from PyPI for the Word file the import tests read,
#                                    esprima from PyPI to check that the shipped scripts are ES2017)
#   scripts/install-deps.sh --bench  also the peers the benchmarks run beside us (Hugo, Pagefind)
#                                    and OpenCC, which the corpus generator converts text with
set -euo pipefail

packages=(pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev)
case "${1:-}" in
  --test) packages+=(cmark-gfm chromium fonts-wqy-microhei poppler-utils nginx-light opencc nodejs) ;;
  --bench) packages+=(chromium fonts-wqy-microhei nodejs hugo opencc time) ;;
esac

# python-docx (PyPI) writes the Word file the import tests read; esprima checks the scripts.
if [ "${1:-}" = "--test" ] && ! python3 -c "import docx, esprima" >/dev/null 2>&1; then
  python3 -m pip install --quiet python-docx esprima
fi

# Pagefind comes from PyPI (pagefind[extended] has the Chinese segmenter).
if [ "${1:-}" = "--bench" ] && ! python3 -m pagefind --version >/dev/null 2>&1; then
  python3 -m pip install --quiet 'pagefind[extended]'
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ "${#missing[@]}" -eq 0 ] && exit 0

# node may come from elsewhere than Debian; do not replace a working one.
if command -v node >/dev/null 2>&1; then
  filtered=()
  for package in "${missing[@]}"; do [ "$package" = nodejs ] || filtered+=("$package"); done
  missing=("${filtered[@]}")
  [ "${#missing[@]}" -eq 0 ] && exit 0
fi

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
