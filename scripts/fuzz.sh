#!/usr/bin/env bash
# Fuzzes the parsers that read writers' input (YAML loader, Markdown with front matter,
# JSON Schema evaluator) and the load store's binary form with libFuzzer and the address sanitizer.
#
#   scripts/fuzz.sh                      every target for FUZZ_SECONDS (default 60) each
#   FUZZ_SECONDS=10 scripts/fuzz.sh      a short run (CI)
#   scripts/fuzz.sh FuzzYAML             one target
#
# The fuzz package (fuzz/) is built apart, in .build-fuzz/, so the normal build needs no
# fuzzer flags. Each run starts from the example tree: model/ and seeds/ files are copied
# into .build-fuzz/corpus/<target>/ (kept between runs, never committed). A crash, a
# sanitizer report or a wrong position (the targets check that every reported position
# lies inside the input) stops the target and leaves the input in
# .build-fuzz/artifacts/<target>/; the script then exits 1.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
SECONDS_EACH="${FUZZ_SECONDS:-60}"
SCRATCH="$ROOT/.build-fuzz"
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(FuzzYAML FuzzMarkdown FuzzSchema FuzzLoadStore)

# Release mode (optimised, still with ASan and Swift's checks): ten times the executions of a debug build.
swift build --package-path fuzz --scratch-path "$SCRATCH" -c release \
    -Xswiftc -sanitize=fuzzer,address
BIN="$(swift build --package-path fuzz --scratch-path "$SCRATCH" -c release --show-bin-path)"

# The schema each YAML file of the example is checked against (FuzzSchema's first byte
# picks schema number byte/2 among the sorted files of model/schema).
schema_of() {
    case "$1" in
        seeds/*/office.yaml) echo office ;;
        seeds/*/adaptation.yaml) echo adaptation ;;
        seeds/*/staffing.yaml) echo staffing-plan ;;
        seeds/*/communication-plan.yaml) echo communication-plan ;;
        seeds/*/checklist.yaml) echo opening-checklist ;;
        seeds/*/reports/*.yaml) echo progress-report ;;
        model/model.yaml) echo model ;;
        model/checklist.yaml) echo checklist-template ;;
        model/glossary.yaml) echo glossary ;;
        model/handbook/outline.yaml) echo handbook-outline ;;
        model/roles/*) echo role ;;
        model/training/*) echo training-module ;;
        model/indicators/*) echo indicator ;;
        *) echo "" ;;
    esac
}

seed_corpus() {
    local target="$1" dir="$SCRATCH/corpus/$1"
    mkdir -p "$dir"
    case "$target" in
        FuzzYAML) find model seeds -name '*.yaml' -exec cp {} "$dir/" \; ;;
        FuzzMarkdown) find model seeds -name '*.md' -exec cp {} "$dir/" \; ;;
        FuzzLoadStore) find model seeds \( -name '*.md' -o -name '*.yaml' \) -exec cp {} "$dir/" \; ;;
        FuzzSchema)
            mapfile -t schemas < <(cd model/schema && ls -1 *.schema.yaml | sort)
            while IFS= read -r file; do
                local kind index
                kind="$(schema_of "$file")"
                [ -n "$kind" ] || continue
                for index in "${!schemas[@]}"; do
                    if [ "${schemas[$index]}" = "$kind.schema.yaml" ]; then
                        { printf "\\$(printf '%03o' $((index * 2)))"; cat "$file"; } > "$dir/$(echo "$file" | tr / _)"
                    fi
                done
            done < <(find model seeds -name '*.yaml' -not -path 'model/schema/*' | sort)
            ;;
    esac
}

status=0
summary=""
for target in "${TARGETS[@]}"; do
    seed_corpus "$target"
    mkdir -p "$SCRATCH/artifacts/$target"
    log="$SCRATCH/$target.log"
    echo "== $target: $SECONDS_EACH s"
    started=$SECONDS
    # SWIFT_BACKTRACE off: the Swift backtracer reads the stack in a way ASan reports.
    if ! SWIFT_BACKTRACE=enable=no OAE_FUZZ_SCHEMAS="$ROOT/model/schema" "$BIN/$target" "$SCRATCH/corpus/$target" \
            -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
            -artifact_prefix="$SCRATCH/artifacts/$target/" > "$log" 2>&1; then
        status=1
        echo "   FAILED: see $log and $SCRATCH/artifacts/$target/"
        grep -E "ERROR|Fatal error|SUMMARY|Test unit written" "$log" | head -5 | sed 's/^/   /'
    fi
    # The last status line (#<runs> …) counts the executions, also after a crash.
    runs="$(grep -Eo '^#[0-9]+' "$log" | tail -1 | tr -d '#' || true)"
    cov="$(grep -Eo 'cov: [0-9]+' "$log" | tail -1 || true)"
    summary+="$target: ${runs:-?} executions in $((SECONDS - started)) s (${cov:-no coverage line})"$'\n'
done
printf '%s' "$summary"
exit $status
