#!/usr/bin/env bash
# Benchmarks of oae (release build), printed as a table of figures:
#   - oae check on the example network and on a generated network of ~10,000 files
#     (wall time and peak memory);
#   - oae build site on the example and on a generated network of many municipalities,
#     against Hugo building the same number of Markdown pages (Debian's hugo);
#   - the preview: time from saving a file to the new text being served by oae serve.
# Usage: scripts/bench.sh [FILES]   (FILES: size of the generated network, default 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-10000}
work=$(mktemp -d /tmp/oae-bench.XXXXXX)
trap 'rm -rf "$work"; pkill -f "oae serve --root $work" 2>/dev/null || true' EXIT

swift build -c release >/dev/null
oae=$PWD/.build/release/oae
export SOURCE_DATE_EPOCH=1764000000

measure() { # label, command... → prints "label: median of 5 runs, peak RSS"
  local label=$1; shift
  local times=() rss=0
  for _ in 1 2 3 4 5; do
    /usr/bin/time -f "%e %M" -o "$work/t" "$@" >/dev/null 2>&1 || true
    read -r t m < "$work/t"; times+=("$t"); [ "$m" -gt "$rss" ] && rss=$m
  done
  local median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
  printf '%-58s %7.3f s  %7d KiB\n' "$label" "$median" "$rss"
}

echo "== oae check"
measure "check, example network ($(find model seeds templates -type f | wc -l) files)" "$oae" check --root . --as-of 2026-11-25
python3 scripts/gen-network.py "$work/big" "$files" >/dev/null
measure "check, generated network ($(find "$work/big" -type f | wc -l) files)" "$oae" check --root "$work/big" --as-of 2026-11-25

echo "== site build (HTML pages, no PDF)"
cp -r templates "$work/big/"
OAE_PAGEFIND=off measure "build site, example network" "$oae" build site --root . --out "$work/out-small"
OAE_PAGEFIND=off measure "build site, generated network" "$oae" build site --root "$work/big" --out "$work/out-big"
pages=$(find "$work/out-big/site" -name '*.html' | wc -l)
words=$(find "$work/out-big/site" -name '*.html' -exec cat {} + | wc -w)
echo "   generated site: $pages pages"
if command -v hugo >/dev/null 2>&1; then
  # The same number of Markdown pages, each as long as an average oae page's text.
  python3 - "$work/hugo" "$pages" "$((words / pages))" <<'PY'
import os, sys
root, n, words = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(f"{root}/content/pages", exist_ok=True)
os.makedirs(f"{root}/layouts/_default", exist_ok=True)
open(f"{root}/hugo.toml", "w").write('baseURL = "http://example.org/"\ntitle = "bench"\n')
open(f"{root}/layouts/_default/single.html", "w").write("<!doctype html><html><head><title>{{ .Title }}</title></head><body><main>{{ .Content }}</main></body></html>\n")
open(f"{root}/layouts/_default/list.html", "w").write("<!doctype html><html><body>{{ range .Pages }}<a href='{{ .RelPermalink }}'>{{ .Title }}</a>{{ end }}</body></html>\n")
para = ("L'oficina d'atenció a l'empresa acompanya la persona emprenedora en cada pas. " * 8).split()
for i in range(n):
    body = "\n\n".join(" ".join(para[(j * 7) % len(para):] + para[:(j * 7) % len(para)]) for j in range(max(1, words // len(para))))
    open(f"{root}/content/pages/p{i}.md", "w").write(f"---\ntitle: Pàgina {i}\n---\n\n## Secció\n\n{body}\n")
PY
  measure "hugo, the same number of Markdown pages ($pages)" hugo --source "$work/hugo" --quiet -d "$work/hugo-out"
else
  echo "   hugo is not installed (apt-get install hugo) — no comparison"
fi

echo "== preview: save → new text served"
cp -r model seeds templates "$work/preview/" 2>/dev/null || { mkdir -p "$work/preview"; cp -r model seeds templates "$work/preview/"; }
"$oae" serve --root "$work/preview" --port 0 --as-of 2026-11-25 >"$work/serve.out" 2>"$work/serve.err" &
for _ in $(seq 1 100); do grep -q serving "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
port=$(grep -o '127.0.0.1:[0-9]*' "$work/serve.out" | cut -d: -f2)
office=$work/preview/seeds/sant-feliu-de-llobregat/office.yaml
for i in 1 2 3 4 5; do
  sed -i "s/Oficina pilot de la xarxa metropolitana[^.]*\./Oficina pilot de la xarxa metropolitana (edició $i)./" "$office"
  start=$(date +%s%N)
  until curl -s "http://127.0.0.1:$port/ca/" -o - | grep -q "edició $i" || \
        grep -rqs "edició $i" "$work/preview/output/.preview/site/ca/" ; do sleep 0.01; done
  echo "   edit $i visible after $(( ($(date +%s%N) - start) / 1000000 )) ms"
done
grep rebuilt "$work/serve.err" | tail -5 | sed 's/^/   serve: /'
