#!/usr/bin/env bash
# Builds the libFuzzer targets (Fuzz/, Swift's -sanitize=fuzzer with AddressSanitizer) and runs
# each for FUZZ_SECONDS (default 120), seeded with the repository's content, the hostile fixtures,
# the raw speeches and the import fixtures. The corpus each run grows is kept in .build-fuzz/corpus/ for the next
# run; what a target finds is written to .build-fuzz/findings/TARGET/. Once fixed, a finding goes
# into Fuzz/regressions/TARGET/, where FuzzRegressionTests runs it on every `make test`.
#
#   scripts/fuzz.sh [TARGET...]        FUZZ_SECONDS=600 scripts/fuzz.sh FuzzMarkdown
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${FUZZ_SECONDS:-120}"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzFrontMatter FuzzMarkdown FuzzImport FuzzParallelParse)
# The Swift runtime's backtracer trips AddressSanitizer after a finding; libFuzzer reports it.
export SWIFT_BACKTRACE=enable=no
# A leak inside a dependency, not ours: see the file.
export LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan-suppressions.txt${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
build=(env LANTAI_FUZZ=1 swift build --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld)

status=0
for target in "${targets[@]}"; do
  "${build[@]}" --product "$target"
  seeds=".build-fuzz/seeds/$target"
  corpus=".build-fuzz/corpus/$target"
  findings=".build-fuzz/findings/$target"
  mkdir -p "$seeds" "$corpus" "$findings"
  if [ "$target" = FuzzImport ]; then
    # Every format the importer reads: the raw speeches, the import fixtures (text in several
    # encodings, saved web pages) and a Word file written by python-docx when it is installed.
    cp Tests/Fixtures/raw/*.txt Tests/Fixtures/import/*.txt Tests/Fixtures/import/*.html "$seeds/"
    python3 Tests/support/make_docx.py "$seeds/made-by-python-docx.docx" 2>/dev/null || true
  else
    find content Tests/Fixtures/hostile -name '*.md' -size -64k -exec cp --backup=numbered -t "$seeds" {} +
  fi
  cp Fuzz/regressions/"$target"/* "$seeds/" 2>/dev/null || true
  echo "== $target: ${seconds} s"
  if ! ".build-fuzz/debug/$target" "$corpus" "$seeds" -max_total_time="$seconds" -max_len=65536 -timeout=30 \
      -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$findings/" 2> ".build-fuzz/$target.log"; then
    status=1
    echo "$target found a problem: see .build-fuzz/$target.log and $findings/"
  fi
  grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss_mb|Done)' ".build-fuzz/$target.log" || tail -3 ".build-fuzz/$target.log"
done
exit $status
