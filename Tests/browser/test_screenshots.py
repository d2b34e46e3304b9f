"""Full-page screenshots of the home page, an office page, the catalogue comparison, the
changelog, an agreement, a service charter, the progress dashboard, the expansion page and the
pilot assessment report in Catalan at a phone's width (390 CSS pixels), taken with headless
Chromium. They are written to the test's temporary folder, and to docs/ (site-home.png,
site-office.png, site-comparison.png, site-changelog.png, site-agreement.png,
site-charter.png, site-progress.png, site-expansion.png, site-assessment.png) when
OAE_SCREENSHOTS=docs."""

from __future__ import annotations

import os
import shutil
import time

import pytest
from selenium.webdriver.common.by import By

from conftest import REPO

SHOTS = {
    "site-home.png": "ca/index.html",
    "site-office.png": "ca/offices/sant-feliu-de-llobregat.html",
    "site-comparison.png": "ca/comparison.html",
    "site-changelog.png": "ca/model/changelog.html",
    "site-agreement.png": "ca/agreements/adhesion-sant-feliu-de-llobregat.html",
    "site-charter.png": "ca/offices/sant-feliu-de-llobregat/charter.html",
    "site-progress.png": "ca/progress.html",
    "site-expansion.png": "ca/expansion.html",
    "site-assessment.png": "ca/assessments/pilot-2026.html",
}


@pytest.fixture
def fresh_driver():
    """A browser of its own, so that no link shows as visited by the other tests."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("OAE_CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--hide-scrollbars", "--window-size=390,844"):
        options.add_argument(argument)
    browser = webdriver.Chrome(options=options, service=Service(os.environ.get("OAE_CHROMEDRIVER", "/usr/bin/chromedriver")))
    yield browser
    browser.quit()


@pytest.mark.parametrize("name", sorted(SHOTS))
def test_screenshot(fresh_driver, base_url, tmp_path, name):
    driver = fresh_driver
    driver.set_window_size(390, 844)
    driver.get(base_url + SHOTS[name])
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(390, min(height, 8000))
    assert driver.execute_script("return document.documentElement.scrollWidth <= innerWidth")
    time.sleep(0.3)
    path = tmp_path / name
    assert driver.save_screenshot(str(path))
    data = path.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 20_000
    assert driver.find_element(By.TAG_NAME, "h1").is_displayed()
    if os.environ.get("OAE_SCREENSHOTS") == "docs":
        shutil.copyfile(path, REPO / "docs" / name)
