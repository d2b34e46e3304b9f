#!/usr/bin/env python3
"""Measures the handbook PDFs of the example network (Typst): the time of each handbook
in a warm worker (compile, then object streams), the cold build of every handbook with
`oae build handbooks` on 1 and on all cores, the file sizes, and the time projected for
947 municipalities x 3 languages on 2 cores. Prints a Markdown table.

Usage: scripts/bench-pdf.py [--oae PATH]   (after `swift build -c release`)
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FONTS = ["/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/dejavu"]


def build(oae, out, jobs, extra=()):
    env = dict(os.environ, OAE_PAGEFIND="off", SOURCE_DATE_EPOCH="1764000000")
    started = time.monotonic()
    # `--no-cache`: every file parsed, not through the load store a check left in output/.
    result = subprocess.run([oae, "build", "handbooks", "--no-cache", "--root", str(REPO), "--out", str(out), "--jobs", str(jobs), *extra],
                            env=env, capture_output=True, text=True, timeout=1800)
    elapsed = time.monotonic() - started
    if result.returncode != 0:
        sys.exit(f"oae build handbooks failed:\n{result.stderr}")
    return elapsed


def pages(pdf):
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--oae", default=str(REPO / ".build/release/oae"))
    args = parser.parse_args()
    python = str(REPO / ".venv/bin/python")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        sources = tmp / "sources"
        build(args.oae, sources, 2, ["--typst-source"])
        handbooks = sorted(sources.glob("handbooks/*/*/handbook.typ"))
        # Each handbook compiled once in a worker that has already compiled a warm-up
        # document, as oae's workers do (Typst memoises, so a second compile of the same
        # source would measure its cache), then rewritten with object streams (pikepdf).
        script = """
import io, json, sys, time, typst, pikepdf
fonts = typst.Fonts(include_system_fonts=False, include_embedded_fonts=True, font_paths=json.loads(sys.argv[1]))
compiler = typst.Compiler(font_paths=fonts, ignore_system_fonts=True)
compiler.compile(input=b"#set document(title: [w])\\n= Warm-up\\nText.", format="pdf", pdf_standards=["ua-1"])
out = {}
for path in sys.argv[2:]:
    t = time.monotonic()
    pdf = compiler.compile(input=open(path, "rb").read(), root=path.rsplit("/handbooks/", 1)[0],
                           format="pdf", pdf_standards=["ua-1"], timestamp=1764000000)
    compiled = time.monotonic() - t
    with pikepdf.open(io.BytesIO(pdf)) as d:
        d.save(path + ".pdf", object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True,
               deterministic_id=True)
    out[path] = [compiled, time.monotonic() - t]
print(json.dumps(out))
"""
        result = subprocess.run([python, "-c", script, json.dumps(FONTS), *map(str, handbooks)],
                                capture_output=True, text=True, timeout=3600)
        if result.returncode != 0:
            sys.exit(result.stderr)
        times = json.loads(result.stdout)
        rows = []
        for path in handbooks:
            pdf = Path(str(path) + ".pdf")
            compiled, total = times[str(path)]
            rows.append((str(path.relative_to(sources / "handbooks").parent), pages(pdf), compiled, total,
                         pdf.stat().st_size))
        cold1 = build(args.oae, tmp / "cold-1", 1)
        cores = os.cpu_count() or 1
        cold_all = build(args.oae, tmp / "cold-all", cores)
        warm = build(args.oae, tmp / "cold-all", cores)
    print("| handbook | pages | Typst compile | with object streams | size |")
    print("|---|---|---|---|---|")
    for name, n, compiled, total, size in rows:
        print(f"| {name} | {n} | {compiled:.2f} s | {total:.2f} s | {size / 1024:.0f} KiB |")
    per = statistics.mean(r[3] for r in rows)
    per_page = statistics.mean(r[3] / r[1] for r in rows)
    print()
    print(f"- mean per handbook (compile and object streams): {per:.2f} s ({per_page * 1000:.1f} ms a page)")
    print(f"- `oae build handbooks` of all {len(rows)} handbooks, cold (check, HTML, Typst sources and PDFs): "
          f"{cold1:.1f} s with --jobs 1, {cold_all:.1f} s with --jobs {cores}; again with nothing changed: {warm:.1f} s")
    print(f"- projected for 947 x 3 = 2841 handbooks on {cores} cores: {2841 * per / cores / 60:.0f} min of Typst")

if __name__ == "__main__":
    main()
