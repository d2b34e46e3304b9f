"""A writer's directional controls stay inside their own text, as a reader sees it: in
Chromium's layout of the site and in the handbook's PDF.

An override (RLO, U+202E) in an office's name, its street and the handbook's title: the
outputs close it where the text ends and put the text in an isolate of its own
(`BidiControls`), so that what the page or the PDF writes after the text (a postal code,
"[not translated]", a page number "6 / 57") keeps its order. Closing alone left the digits
after the text reordered (session 33's review: the footer read "57 / 6").
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import AS_OF, REPO, oae_binary

RLO = "\u202e"

#: What is written with an override, in the example tree: (file, as written, with it).
INJECTED = [
    ("seeds/molins-de-rei/office.yaml", "  ca: Oficina d'Atenció a l'Empresa de Molins de Rei",
     f"  ca: Oficina d'Atenció {RLO}a l'Empresa de Molins de Rei"),
    ("seeds/molins-de-rei/office.yaml", "  street: Carrer Major, 1", f"  street: Carrer {RLO}Major, 1"),
    # The name without its English text, so that the English page marks it "[not translated]".
    ("seeds/molins-de-rei/office.yaml", "  en: Molins de Rei Business Support Office\n", ""),
    ("model/handbook/outline.yaml", "  ca: Manual de l'Oficina d'Atenció a l'Empresa",
     f"  ca: Manual de l'Oficina {RLO}d'Atenció a l'Empresa"),
]

#: The ends of the texts with an override, as the pages show them: the characters after
#: one, to the end of its block, are what the test reads.
TEXT_ENDS = ["Major, 1", "Molins de Rei"]

#: For each text node that holds an RLO: the characters after the injected text, to the
#: end of the nearest block, on the line of the first of them, with whether their
#: positions on the screen go left to right in the order they are written.
AFTER_THE_TEXT = r"""
const ends = arguments[0];
const blockTags = ['P', 'H1', 'H2', 'H3', 'H4', 'LI', 'TD', 'TH', 'DD', 'DT', 'FIGCAPTION', 'CAPTION', 'DIV', 'MAIN', 'BODY'];
const controls = /[\u202A-\u202E\u2066-\u2069]/;
const found = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
const nodes = [];
for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
for (const node of nodes) {
  const rlo = node.data.indexOf('\u202E');
  if (rlo < 0) continue;
  let end = -1;
  for (const e of ends) { const i = node.data.indexOf(e, rlo); if (i >= 0) { end = i + e.length; break; } }
  if (end < 0) continue;
  let block = node.parentElement;
  while (!blockTags.includes(block.tagName)) block = block.parentElement;
  const chars = [];
  const inBlock = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let started = false;
  for (let t = inBlock.nextNode(); t; t = inBlock.nextNode()) {
    let from = 0;
    if (t === node) { started = true; from = end; } else if (!started) continue;
    for (let i = from; i < t.data.length; i++) {
      const c = t.data[i];
      if (/\s/.test(c) || controls.test(c)) continue;
      const range = document.createRange();
      range.setStart(t, i);
      range.setEnd(t, i + 1);
      const rect = range.getBoundingClientRect();
      if (rect.width > 0) chars.push({c: c, left: rect.left, top: rect.top});
    }
  }
  if (chars.length === 0) continue;
  const line = chars.filter(x => Math.abs(x.top - chars[0].top) < 3);
  let inOrder = true;
  for (let i = 1; i < line.length; i++) if (line[i].left <= line[i - 1].left) inOrder = false;
  found.push([block.tagName, line.map(x => x.c).join(''), inOrder]);
}
return found;
"""


@pytest.fixture(scope="module")
def injected_out(tmp_path_factory) -> Path:
    """The example tree with the overrides of `INJECTED`, built: Molins de Rei's handbooks,
    then the site (without search)."""
    root = tmp_path_factory.mktemp("oae-bidi")
    tree, out = root / "tree", root / "out"
    for folder in ("model", "seeds", "templates"):
        shutil.copytree(REPO / folder, tree / folder)
    for path, written, injected in INJECTED:
        text = (tree / path).read_text(encoding="utf-8")
        assert written in text, f"{path} no longer has {written!r}: update INJECTED"
        (tree / path).write_text(text.replace(written, injected, 1), encoding="utf-8")
    env = dict(os.environ, OAE_PAGEFIND="off")
    if (REPO / ".venv" / "bin" / "python").exists():
        env.setdefault("OAE_PYTHON", str(REPO / ".venv" / "bin" / "python"))
    for command in (["handbooks", "molins-de-rei", "--require-pdf"], ["site"]):
        result = subprocess.run([str(oae_binary()), "build", *command, "--root", str(tree), "--out", str(out), "--as-of", AS_OF],
                                capture_output=True, text=True, env=env, timeout=600)
        assert result.returncode == 0, f"oae build {command[0]} failed:\n{result.stderr}"
    return out


def test_the_text_after_an_override_keeps_its_order_in_the_browser(driver, injected_out):
    site = injected_out / "site"
    seen = {}
    for page in ["ca/index.html", "ca/offices/molins-de-rei.html", "en/offices/molins-de-rei.html"]:
        driver.get((site / page).as_uri())
        for block, after, in_order in driver.execute_script(AFTER_THE_TEXT, TEXT_ENDS):
            seen[(page, block, after)] = in_order
    # The postal code after a street with an override, in the home page's table and the
    # office page; the fallback mark after the Catalan name shown in English.
    for expected in [("ca/index.html", "TD", ",08750MolinsdeRei"), ("ca/offices/molins-de-rei.html", "DD", ",08750MolinsdeRei"),
                     ("en/offices/molins-de-rei.html", "DD", ",08750MolinsdeRei"), ("en/offices/molins-de-rei.html", "H1", "[nottranslated]")]:
        assert expected in seen, f"{expected} was not found on its page: {sorted(seen)}"
    assert [key for key, in_order in seen.items() if not in_order] == []


def test_the_page_numbers_after_a_title_with_an_override_keep_their_order_in_the_pdf(injected_out):
    pdf = injected_out / "handbooks" / "molins-de-rei" / "ca" / "handbook.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True).stdout.decode("utf-8")
    pages = text.split("\f")[:-1]
    assert len(pages) > 10
    # The footer of every page after the cover: the title, then "page / pages" at the end of the line.
    for number, page in enumerate(pages[1:], start=2):
        footer = [line for line in page.splitlines() if line.startswith("Manual de l’Oficina")]
        assert footer, f"page {number} has no footer"
        assert footer[-1].rstrip().endswith(f"{number} / {len(pages)}"), f"page {number}: {footer[-1]!r}"
