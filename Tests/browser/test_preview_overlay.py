"""The preview's error overlay (`oae serve`), in Chromium: it covers the page whole and
opaquely, in its own styles, so that the errors read on their own (s12's fresh user read
them over the page's heading and text, the page's styles reaching the overlay)."""

from __future__ import annotations

import os
import shutil
import subprocess
import time

import pytest

from conftest import REPO, free_port, oae_binary, wait_until_served


@pytest.fixture()
def preview(tmp_path):
    """`oae serve` of a copy of the example tree; yields (url, root)."""
    root = tmp_path / "tree"
    for folder in ("model", "seeds", "templates"):
        shutil.copytree(REPO / folder, root / folder)
    port = free_port()
    env = dict(os.environ, OAE_PAGEFIND="off", OAE_PYTHON="/nonexistent", SOURCE_DATE_EPOCH="1764000000")
    server = subprocess.Popen([str(oae_binary()), "serve", "--root", str(root), "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/ca/index.html"
    wait_until_served(url, server, seconds=300, what="oae serve")
    yield url, root
    server.terminate()
    server.wait(timeout=30)


def test_the_error_overlay_covers_the_page_and_reads_on_its_own(driver, preview):
    url, root = preview
    driver.get(url)
    office = root / "seeds" / "molins-de-rei" / "office.yaml"
    office.write_text(office.read_text(encoding="utf-8").replace("status: planned", "status: plannd"), encoding="utf-8")
    deadline = time.time() + 120
    while not driver.execute_script("return !!document.getElementById('oae-error-overlay')"):
        assert time.time() < deadline, "no overlay after the tree broke"
        time.sleep(0.2)
    state = driver.execute_script("""
        const host = document.getElementById('oae-error-overlay');
        const panel = host.shadowRoot.querySelector('[role=alert]');
        const title = panel.querySelector('h2');
        const box = host.getBoundingClientRect();
        const w = document.documentElement.clientWidth, h = document.documentElement.clientHeight;
        const points = [[5, 5], [w / 2, 30], [w / 2, h / 2], [w - 5, h - 5]];
        return {
          background: getComputedStyle(panel).backgroundColor,
          titleColor: getComputedStyle(title).color,
          titleBorder: getComputedStyle(title).borderTopStyle,
          covers: points.every(([x, y]) => document.elementFromPoint(x, y) === host),
          box: [box.left, box.top, box.width, box.height],
          size: [document.documentElement.clientWidth, document.documentElement.clientHeight],
          text: panel.textContent,
        };
    """)
    assert state["background"] == "rgb(30, 30, 30)", "an opaque background: the page does not show through"
    assert state["covers"], state
    assert state["box"] == [0, 0] + state["size"]
    # The page's h2 rule (a border above, its colour) does not reach the overlay's title.
    assert state["titleBorder"] == "none"
    assert state["titleColor"] == "rgb(255, 138, 128)"
    assert "oae check: 1 problem; the preview shows the last good build" in state["text"]
    assert 'seeds/molins-de-rei/office.yaml:27:9: error[schema-enum]: expected one of candidate, agreement, planned, pilot, open; found "plannd"' in state["text"]
    assert "help: did you mean 'planned'?" in state["text"]


def test_a_preview_started_on_a_broken_tree_shows_its_errors(driver, tmp_path):
    """A preview whose first build fails answers every page with the overlay and the
    errors, not a bare "Not found" until a save (session 36's trial)."""
    import urllib.error
    import urllib.request
    root = tmp_path / "tree"
    for folder in ("model", "seeds", "templates"):
        shutil.copytree(REPO / folder, root / folder)
    office = root / "seeds" / "molins-de-rei" / "office.yaml"
    office.write_text(office.read_text(encoding="utf-8").replace("status: planned", "status: plannd"), encoding="utf-8")
    port = free_port()
    env = dict(os.environ, OAE_PAGEFIND="off", OAE_PYTHON="/nonexistent", SOURCE_DATE_EPOCH="1764000000")
    server = subprocess.Popen([str(oae_binary()), "serve", "--root", str(root), "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/ca/index.html"
    try:
        deadline = time.time() + 300
        while True:
            try:
                urllib.request.urlopen(url, timeout=2).read()
                pytest.fail("the broken tree's page was served")
            except urllib.error.HTTPError as answer:
                assert answer.code == 404
                break
            except OSError:
                assert time.time() < deadline and server.poll() is None, "oae serve did not start"
                time.sleep(0.1)
        driver.get(url)
        deadline = time.time() + 60
        while not driver.execute_script("return !!document.getElementById('oae-error-overlay')"):
            assert time.time() < deadline, "no overlay on the first page of a broken tree"
            time.sleep(0.2)
        text = driver.execute_script("return document.getElementById('oae-error-overlay').shadowRoot.textContent")
        assert 'seeds/molins-de-rei/office.yaml:27:9: error[schema-enum]: expected one of candidate, agreement, planned, pilot, open; found "plannd"' in text
        # No good build stands under it yet (session 37's trial read "shows the last good build").
        assert "oae check: 1 problem; the preview starts once the tree builds" in text
        assert "last good build" not in text
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_warnings_show_in_a_corner_open_once_then_as_a_button(driver, preview):
    """A good build's warnings are in a box in the lower right corner (the preview said
    them nowhere: a writer saw a warning made while previewing only at the next `oae
    check`; session 43's trial). It opens with the list until its button closes it; the
    same warnings then show the button alone; a save that mends them takes it away."""
    url, root = preview
    driver.get(url)
    service = root / "model" / "services" / "company-creation.md"
    original = service.read_text(encoding="utf-8")
    service.write_text(original.replace("## Serveis relacionats", "## Horaris\n\nDe dilluns a divendres.\n\n## Serveis relacionats"),
                       encoding="utf-8")

    def box():
        return driver.execute_script("""
            const host = document.getElementById('oae-warnings');
            if (!host) return null;
            const button = host.shadowRoot.querySelector('button');
            const list = button.nextElementSibling;
            const r = host.getBoundingClientRect();
            return {text: host.shadowRoot.textContent, expanded: button.getAttribute('aria-expanded'),
                    listShown: !list.hidden && list.getBoundingClientRect().height > 0,
                    right: document.documentElement.clientWidth - r.right, bottom: document.documentElement.clientHeight - r.bottom,
                    overlay: !!document.getElementById('oae-error-overlay')};
        """)

    deadline = time.time() + 120
    while not box():
        assert time.time() < deadline, "no warnings box after a save that made a warning"
        time.sleep(0.2)
    state = box()
    assert state["text"].startswith("oae check: 2 warnings"), state["text"]
    assert ("model/services/company-creation.es.md:5:1: warning[translation-sections]: this Spanish (es) translation has 5 headings"
            " where the text it translates has 6: a section is missing") in state["text"]
    assert "model/services/company-creation.en.md:" in state["text"]
    assert state["expanded"] == "true" and state["listShown"], state
    assert not state["overlay"], "warnings do not cover the page"
    assert 0 < state["right"] < 40 and 0 < state["bottom"] < 40, state
    driver.save_screenshot(str(root.parent / "preview-warnings.png"))

    def visit(path):
        driver.get(url.replace("index.html", path))
        deadline = time.time() + 30
        while not box():
            assert time.time() < deadline, f"no warnings box on {path}"
            time.sleep(0.2)
        return box()

    def click():
        driver.execute_script("document.getElementById('oae-warnings').shadowRoot.querySelector('button').click()")
        return box()

    # Another page: still open, until its button closes it; then the next pages of the tab
    # show the button alone, which opens the list.
    state = visit("services/index.html")
    assert state["expanded"] == "true" and state["listShown"], state
    state = click()
    assert state["expanded"] == "false" and not state["listShown"], state
    state = visit("offices/index.html")
    assert state["expanded"] == "false" and not state["listShown"], state

    # A save that only moves the warnings (a line above them) leaves the box closed, as the
    # terminal says them "said before" (the review: it opened again).
    translation = root / "model" / "services" / "company-creation.es.md"
    text = translation.read_text(encoding="utf-8")
    translation.write_text(text.replace("---\n\n## ", "---\n\n\n## ", 1), encoding="utf-8")
    deadline = time.time() + 120
    while "company-creation.es.md:6:1" not in (box() or {}).get("text", ""):
        assert time.time() < deadline, "the moved warning was not shown"
        time.sleep(0.2)
    state = box()
    assert state["expanded"] == "false" and not state["listShown"], state
    state = click()
    assert state["expanded"] == "true" and state["listShown"], state

    # A handbook of the preview shows it too: its own policy refused the preview's script
    # (the review: no box, no overlay, no reload on handbooks).
    state = visit("../downloads/handbooks/sant-feliu-de-llobregat/ca/handbook.html")
    assert state["text"].startswith("oae check: 2 warnings"), state
    assert not [e for e in driver.get_log("browser") if "Content Security Policy" in e["message"]]

    # Mended: the box goes.
    service.write_text(original, encoding="utf-8")
    deadline = time.time() + 120
    while box():
        assert time.time() < deadline, "the warnings box stayed after the save that mended them"
        time.sleep(0.2)
