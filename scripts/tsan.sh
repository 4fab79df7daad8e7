#!/usr/bin/env bash
# Builds lantai with ThreadSanitizer (into .build-tsan/) and builds a generated corpus with it
# twice, from nothing and again from the build cache. The corpus
# (Tests/support/extension-corpus.mjs) is full of what the parse stage's shared state once broke:
# autolinks, strikethrough, tables, task lists, footnotes, wiki links. Any report fails.
#
#   scripts/tsan.sh                TSAN_DOCUMENTS=1000 scripts/tsan.sh
#
# ThreadSanitizer sees the memory our Swift code touches; libcmark-gfm from Debian is not
# instrumented, so a race inside it (its process-wide special-character table) shows only in
# its effects, which the parallel tests check (ParallelParseTests, Tests/e2e/parallel.test.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."

documents="${TSAN_DOCUMENTS:-300}"
swift build --scratch-path .build-tsan -Xswiftc -sanitize=thread --product lantai
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
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
