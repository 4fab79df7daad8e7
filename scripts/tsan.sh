#!/usr/bin/env bash
# Builds lantai with ThreadSanitizer (into .build-tsan/) and builds a generated corpus with it
# twice, from nothing and again from the build cache. The corpus
# (Tests/support/extension-corpus.mjs) is full of what the parse stage's shared state once broke:
# autolinks, strikethrough, tables, task lists, footnotes, wiki links. Any report fails.
#
#   scripts/tsan.sh                TSAN_DOCUMENTS=1000 scripts/tsan.sh
#
# ThreadSanitizer sees the memory instrumented code touches. Debian's libcmark-gfm is not
# instrumented, so a race inside it (its process-wide special-character table) shows only in its
# effects, which the parallel tests check. With CMARK_SOURCE naming cmark-gfm's source (for
# example Debian's, from `apt-get source cmark-gfm`), the script builds libcmark-gfm with
# ThreadSanitizer from it and runs lantai on that: then the race itself is reported (without
# `MarkdownParser.withInlinePass`'s lock: writes in cmark_inlines_add_special_character from two
# threads).
#
#   CMARK_SOURCE=/tmp/cmark-gfm-0.29.0.gfm.6 scripts/tsan.sh
set -euo pipefail
cd "$(dirname "$0")/.."

documents="${TSAN_DOCUMENTS:-300}"
swift build --scratch-path .build-tsan -Xswiftc -sanitize=thread --product lantai
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ -n "${CMARK_SOURCE:-}" ]; then
  # cmake writes config.h; the library needs only these definitions, and Debian's export headers.
  mkdir -p "$work/cmark/include"
  printf '%s\n' '#define HAVE_STDBOOL_H' '#include <stdbool.h>' '#define HAVE___BUILTIN_EXPECT' '#define HAVE___ATTRIBUTE__' \
    '#define CMARK_ATTRIBUTE(list) __attribute__ (list)' '#define CMARK_INLINE inline' > "$work/cmark/include/config.h"
  cp /usr/include/cmark-gfm_export.h /usr/include/cmark-gfm_version.h /usr/include/cmark-gfm-extensions_export.h "$work/cmark/include/"
  library="$(basename "$(readlink -f "$(pkg-config --variable=libdir libcmark-gfm)/libcmark-gfm.so")")"
  extensions="${library/libcmark-gfm/libcmark-gfm-extensions}"
  clang -O1 -g -fPIC -shared -fsanitize=thread -I"$work/cmark/include" -I"$CMARK_SOURCE/src" \
    $(ls "$CMARK_SOURCE"/src/*.c | grep -v '/main.c$') -o "$work/cmark/$library"
  clang -O1 -g -fPIC -shared -fsanitize=thread -I"$work/cmark/include" -I"$CMARK_SOURCE/src" -I"$CMARK_SOURCE/extensions" \
    "$CMARK_SOURCE"/extensions/*.c -L"$work/cmark" -l:"$library" -o "$work/cmark/$extensions"
  export LD_LIBRARY_PATH="$work/cmark${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  echo "tsan: libcmark-gfm built with ThreadSanitizer from $CMARK_SOURCE"
fi
node Tests/support/extension-corpus.mjs --count "$documents" --out "$work/content" >/dev/null
export TSAN_OPTIONS="halt_on_error=1 ${TSAN_OPTIONS:-}"
export SWIFT_BACKTRACE=enable=no
for run in "from nothing" "from the build cache"; do
  if ! .build-tsan/debug/lantai build --content "$work/content" --theme theme --output "$work/public" >"$work/out.log" 2>"$work/tsan.log" \
      || grep -q "ThreadSanitizer" "$work/tsan.log"; then
    cat "$work/out.log" "$work/tsan.log"
    echo "tsan: the build $run failed or ThreadSanitizer reported (above)"
    exit 1
  fi
  echo "tsan: $documents documents built $run with no report ($(tail -1 "$work/out.log"))"
done
