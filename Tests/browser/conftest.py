"""Builds the example network once per test session with the oae binary and serves the
site on a free local port, for the browser, accessibility, validity, link and open data
tests.

Environment:
  OAE_BIN             the oae binary (default: <repo>/.build/debug/oae)
  OAE_CPSV_AP_SHAPES  the CPSV-AP 3.2.0 SHACL shapes (default:
                      <repo>/../shared/conformance/cpsv-ap-3.2.0/cpsv-ap-SHACL.ttl)
  OAE_CHROMIUM, OAE_CHROMEDRIVER  the browser and its driver (default: Debian's)
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
AS_OF = "2026-11-25"
LANGUAGES = ["ca", "es", "en"]


def oae_binary() -> Path:
    return Path(os.environ.get("OAE_BIN", REPO / ".build" / "debug" / "oae"))


@pytest.fixture(scope="session")
def out_dir(tmp_path_factory) -> Path:
    """`oae build` of the example tree into a temporary output folder."""
    binary = oae_binary()
    if not binary.is_file():
        pytest.fail(f"the oae binary {binary} does not exist: run `swift build` first, or set OAE_BIN")
    out = tmp_path_factory.mktemp("oae-out")
    env = dict(os.environ)
    env.setdefault("OAE_PAGEFIND", str(REPO / ".venv" / "bin" / "pagefind"))
    result = subprocess.run(
        [str(binary), "build", "--root", str(REPO), "--out", str(out), "--as-of", AS_OF],
        capture_output=True, text=True, env=env, timeout=900)
    if result.returncode != 0:
        pytest.fail(f"oae build failed ({result.returncode}):\n{result.stderr}")
    if not (out / "site" / "pagefind").is_dir():
        pytest.fail(f"the site was built without search (Pagefind missing?):\n{result.stderr}")
    return out


@pytest.fixture(scope="session")
def site_dir(out_dir) -> Path:
    return out_dir / "site"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_served(url: str, server: subprocess.Popen, seconds: float, what: str) -> None:
    """Waits until `url` answers; fails the test (the server killed) when `server` ends
    or `seconds` pass first."""
    deadline = time.time() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            if time.time() > deadline or server.poll() is not None:
                server.kill()
                pytest.fail(f"{what} did not start")
            time.sleep(0.1)


@pytest.fixture(scope="session")
def base_url(site_dir) -> str:
    """The site served by `python -m http.server` on 127.0.0.1."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(site_dir)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    wait_until_served(url + "index.html", server, seconds=20, what="the local web server")
    yield url
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture(scope="session")
def driver():
    """Headless Debian Chromium through chromedriver, with the browser's console kept."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("OAE_CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,1024", "--lang=ca"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(os.environ.get("OAE_CHROMEDRIVER", "/usr/bin/chromedriver"))
    browser = webdriver.Chrome(options=options, service=service)
    browser.set_page_load_timeout(30)
    browser.set_script_timeout(60)
    yield browser
    browser.quit()


def console_errors(driver) -> list[str]:
    """Errors the page logged since the last call (CSP violations among them)."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
