"""axe-core finds no WCAG 2.1 A/AA violation on one page of every kind, in every
language (with every <details> opened, so that its content is checked too)."""

from __future__ import annotations

import os

import pytest
from selenium_axe_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import LANGUAGES

PAGE_KINDS = {
    "home": "index.html",
    "office": "offices/sant-feliu-de-llobregat.html",
    "local-service": "offices/sant-feliu-de-llobregat/services/local-retail-support.html",
    "local-procedure": "offices/sant-feliu-de-llobregat/procedures/welcome-and-triage-sant-feliu.html",
    "model": "model/index.html",
    "service": "model/services/company-creation.html",
    "procedure": "model/procedures/welcome-and-triage.html",
    "role": "model/roles/business-advisor.html",
    "training-module": "model/training/financing-instruments.html",
    "indicator": "model/indicators/first-appointments-on-time.html",
    "communication": "model/communication.html",
    "comparison": "comparison.html",
    "progress": "progress.html",
    "downloads": "downloads.html",
    "data": "data.html",
    "search": "search.html?q=empresa",
    "not-found": "404.html",
    "offices": "offices/index.html",
    "accessibility": "accessibility.html",
    "legal-notice": "legal-notice.html",
    "contact": "contact.html",
    "agreements": "agreements/index.html",
    "agreement": "agreements/adhesion-sant-feliu-de-llobregat.html",
    "proposals": "model/proposals.html",
    "changelog": "model/changelog.html",
    "charter": "offices/sant-feliu-de-llobregat/charter.html",
    "assessment": "assessments/pilot-2026.html",
    "assessment-printable": "assessments/pilot-2026-print.html",
    "expansion": "expansion.html",
    "budgets": "budgets.html",
}

#: The WCAG 2.1 A and AA rules. selenium-axe-python ships axe-core 4.9, which tags them
#: `wcag2a`, `wcag2aa`, `wcag21a` and `wcag21aa`; all four must be known to the running
#: axe-core. OAE_AXE_CORE may name another axe.min.js.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def audit(driver) -> list[dict]:
    driver.execute_script("document.querySelectorAll('details').forEach(d => d.open = true)")
    script = os.environ.get("OAE_AXE_CORE")
    axe = Axe(driver, script_url=script) if script else Axe(driver)
    axe.inject()
    known = set(driver.execute_script("return axe.getRules().flatMap(r => r.tags)"))
    tags = [t for t in WCAG_TAGS if t in known]
    assert set(WCAG_TAGS) <= set(tags), f"axe-core knows only {sorted(known)}"
    result = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
        ".then(r => done(r)).catch(e => done({error: String(e)}));", tags)
    assert "error" not in result, result.get("error")
    return result["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:5]:
            lines.append(f"    {node['target']}: {node.get('failureSummary', '').splitlines()[-1:]}")
    return "\n".join(lines)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", sorted(PAGE_KINDS))
def test_no_wcag_violation(driver, base_url, language, kind):
    driver.get(f"{base_url}{language}/{PAGE_KINDS[kind]}")
    if kind == "search":
        WebDriverWait(driver, 20).until(
            EC.presence_of_element_located((By.CSS_SELECTOR, "#search .pagefind-ui__result-link")))
    violations = audit(driver)
    assert violations == [], describe(violations)


@pytest.mark.parametrize("path", ["index.html", "404.html"])
def test_no_wcag_violation_at_the_root(driver, base_url, path):
    driver.get(f"{base_url}{path}?stay")
    if path == "index.html":
        # The root page refreshes to the default language at once; audit its markup as a page.
        driver.execute_script("window.stop()")
    violations = audit(driver)
    assert violations == [], describe(violations)
