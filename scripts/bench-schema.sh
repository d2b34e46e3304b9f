#!/usr/bin/env bash
# Throughput of schema validation: `oae schema check` validates many copies of the
# model's service sheets (front matter of model/services/*.md) against
# model/schema/service.schema.yaml, and the script prints documents per second.
#
#   scripts/bench-schema.sh              # builds oae in release mode first
#   OAE=path/to/oae COPIES=200 scripts/bench-schema.sh
#
# The first figure is end to end: reading the files, parsing Markdown and YAML,
# validating, writing the JSON report. The same run against an empty schema (which
# accepts everything) costs everything but the validation; the difference gives the
# throughput of validation alone.
set -euo pipefail
cd "$(dirname "$0")/.."

COPIES=${COPIES:-100}
SCRATCH=${SCRATCH:-.build-schema}
SCHEMA=model/schema/service.schema.yaml
if [ -z "${OAE:-}" ]; then
    swift build -c release --scratch-path "$SCRATCH" --product oae >&2
    OAE="$SCRATCH/release/oae"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The service sheets themselves, not their translations (<id>.<lang>.md).
mapfile -t sources < <(ls model/services/*.md | grep -Ev '\.[a-z]{2}\.md$')
for i in $(seq 1 "$COPIES"); do
    for f in "${sources[@]}"; do cp "$f" "$work/$i-$(basename "$f")"; done
done
files=("$work"/*.md)
count=${#files[@]}

now() { date +%s.%N; }

echo '{}' > "$work/empty.schema.json"
start=$(now)
"$OAE" schema check --schema "$work/empty.schema.json" --format json "${files[@]}" > /dev/null
baseline=$(awk -v a="$start" -v b="$(now)" 'BEGIN { print b - a }')

start=$(now)
status=0
"$OAE" schema check --schema "$SCHEMA" --format json "${files[@]}" > "$work/results.json" || status=$?
total=$(awk -v a="$start" -v b="$(now)" 'BEGIN { print b - a }')
invalid=$(grep -c '"valid": false' "$work/results.json" || true)

awk -v n="$count" -v t="$total" -v e="$baseline" -v bad="$invalid" -v s="$status" -v schema="$SCHEMA" 'BEGIN {
    printf "%d documents against %s in %.3f s (exit %d, %d invalid)\n", n, schema, t, s, bad
    printf "end to end: %.0f documents/s\n", n / t
    printf "the same run against an empty schema: %.3f s\n", e
    if (t > e) printf "validation alone: %.0f documents/s\n", n / (t - e)
}'
