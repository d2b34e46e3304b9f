"""The site to public-sector standard (issue 17, items 1–6): reflow at 320 and 390 CSS
pixels (WCAG 2.1 1.4.10) for one page of every kind in every language and for the
handbook HTML, chart and map text that stays at 12 px or more, print (a printed
comparison names every municipality; closed details print open; the footer gives the
page's address), the 404 page served for a deep missing address, wayfinding
(offices in the navigation, aria-current, breadcrumbs, contents lists, search results
labelled with their kind and clean snippets), the comparison's "differences only" view
without JavaScript, and the compliance pages."""

from __future__ import annotations

import base64
import functools
import http.server
import os
import re
import subprocess
import threading
import urllib.parse
from pathlib import Path

import pytest
import yaml
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import LANGUAGES, REPO, console_errors
from test_accessibility import PAGE_KINDS

SIZES = [(320, 800), (390, 844)]


def municipality_names() -> list[str]:
    names = []
    for office in sorted((REPO / "seeds").glob("*/office.yaml")):
        names.append(yaml.safe_load(office.read_text(encoding="utf-8"))["municipality"]["name"])
    return names


@pytest.fixture
def narrow(driver):
    """The shared browser, given back at its usual size."""
    yield driver
    driver.set_window_size(1280, 1024)


def overflowing(driver) -> list[str]:
    """Elements that stick out of the viewport to the right, outside scroll regions."""
    return driver.execute_script("""
        var out = [], w = document.documentElement.clientWidth;
        document.querySelectorAll('body *').forEach(function (e) {
          var r = e.getBoundingClientRect();
          if (r.width && r.right > w + 0.5 && !e.closest('.table-scroll, .figure-scroll'))
            out.push(e.tagName.toLowerCase() + (e.getAttribute('class') ? '.' + e.getAttribute('class') : '') + ' ' + Math.round(r.right));
        });
        return out.slice(0, 8);""")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_kind_of_page_reflows(narrow, base_url, language, size):
    narrow.set_window_size(*size)
    problems = []
    for kind, page in sorted(PAGE_KINDS.items()):
        narrow.get(f"{base_url}{language}/{page}")
        width, viewport = narrow.execute_script("return [document.documentElement.scrollWidth, innerWidth]")
        if width > viewport:
            problems.append(f"{kind}: {width} > {viewport}: {overflowing(narrow)}")
    assert problems == []


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_handbook_html_and_root_pages_reflow(narrow, base_url, site_dir, size):
    narrow.set_window_size(*size)
    handbooks = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.glob("downloads/handbooks/**/handbook.html"))
    assert handbooks, "no handbook HTML in the site"
    problems = []
    for page in handbooks + ["404.html", "index.html?stay"]:
        narrow.get(base_url + page)
        if page.startswith("index.html"):
            narrow.execute_script("window.stop()")
        width, viewport = narrow.execute_script("return [document.documentElement.scrollWidth, innerWidth]")
        if width > viewport:
            problems.append(f"{page}: {width} > {viewport}: {overflowing(narrow)}")
    assert problems == []


@pytest.mark.parametrize("width", [1024, 1280, 1600, 1920])
def test_charts_and_the_map_fit_their_columns_on_a_desktop_window(narrow, base_url, width):
    """On a desktop window no chart or map scrolls sideways: the chart grid takes two
    columns only when each holds a chart at its 640 px, the home map gets its width."""
    narrow.set_window_size(width, 1200)
    problems = []
    for page in ["en/progress.html", "en/index.html", "es/model/indicators/cases-opened.html"]:
        narrow.get(base_url + page)
        sizes = narrow.execute_script(
            "return Array.from(document.querySelectorAll('.figure-scroll')).map(e => [e.scrollWidth, e.clientWidth])")
        assert sizes, f"no chart or map on {page}"
        problems += [f"{page}: {scroll} in {client}" for scroll, client in sizes if scroll > client]
    assert problems == []


def test_every_service_charter_prints_on_one_a4_page(base_url, tmp_path):
    """A charter is the page an office puts up at its counter: one A4 sheet, in every
    language, for every office (Chromium's print to PDF, the pages counted by pdfinfo)."""
    chromium = os.environ.get("OAE_CHROMIUM", "/usr/bin/chromium")
    pages = {}
    for office in sorted((REPO / "seeds").glob("*/office.yaml")):
        for language in LANGUAGES:
            pdf = tmp_path / f"{office.parent.name}-{language}.pdf"
            subprocess.run([chromium, "--headless", "--no-sandbox", "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
                            f"{base_url}{language}/offices/{office.parent.name}/charter.html"],
                           check=True, capture_output=True, timeout=120)
            info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
            pages[f"{office.parent.name}/{language}"] = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    assert len(pages) == 12
    assert {k: v for k, v in pages.items() if v != 1} == {}


def test_wide_tables_are_named_focusable_regions_with_a_sticky_first_column(narrow, base_url):
    narrow.set_window_size(320, 800)
    narrow.get(f"{base_url}ca/offices/sant-feliu-de-llobregat.html")
    tables = narrow.find_elements(By.CSS_SELECTOR, "main table")
    assert len(tables) >= 5
    for table in tables:
        region = table.find_element(By.XPATH, "..")
        assert region.get_attribute("class") == "table-scroll"
        assert region.get_attribute("role") == "region" and region.get_attribute("tabindex") == "0"
        assert region.get_attribute("aria-label") or region.get_attribute("aria-labelledby")
    services = narrow.find_element(By.CSS_SELECTOR, "table.services")
    first = services.find_element(By.CSS_SELECTOR, "tbody th")
    assert first.value_of_css_property("position") == "sticky"
    region = services.find_element(By.XPATH, "..")
    assert narrow.execute_script("return arguments[0].scrollWidth > arguments[0].clientWidth", region)
    left = first.rect["x"]
    narrow.execute_script("arguments[0].scrollLeft = 200", region)
    assert abs(first.rect["x"] - left) < 1, "the first column scrolled away"


SVG_TEXT = """
    var smallest = 1e9, count = 0;
    document.querySelectorAll('svg text').forEach(function (t) {
      var svg = t.ownerSVGElement, box = svg.viewBox.baseVal;
      if (!box || !box.width) return;
      var scale = svg.getBoundingClientRect().width / box.width;
      smallest = Math.min(smallest, parseFloat(t.getAttribute('font-size')) * scale);
      count++;
    });
    return [count, smallest];"""


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_chart_and_map_text_stays_at_12_px(narrow, base_url, site_dir, size):
    narrow.set_window_size(*size)
    handbook = sorted(site_dir.glob("downloads/handbooks/*/ca/handbook.html"))[0].relative_to(site_dir).as_posix()
    for page in ["ca/index.html", "ca/progress.html", "en/model/indicators/people-attended.html", handbook]:
        narrow.get(base_url + page)
        count, smallest = narrow.execute_script(SVG_TEXT)
        assert count > 0, page
        assert smallest >= 11.99, f"{page}: text of {smallest:.1f} px"


def pdf_text(driver) -> str:
    from selenium.webdriver.common.print_page_options import PrintOptions

    options = PrintOptions()
    options.orientation = "portrait"
    pdf = base64.b64decode(driver.print_page(options))
    assert pdf.startswith(b"%PDF")
    result = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True)
    return result.stdout.decode("utf-8")


def test_printed_comparison_names_every_municipality(driver, base_url):
    driver.get(f"{base_url}ca/comparison.html#differences-only")
    text = pdf_text(driver)
    names = municipality_names()
    assert len(names) >= 4
    for name in names:
        assert name in text, name
    # The footer says where the page is, when it was built and from which model.
    assert "Adreça d’aquesta pàgina:" in text
    assert re.search(r"https://\S+/ca/comparison\.html", text)
    assert "model 1.0.0" in text or re.search(r"model \d+\.\d+", text)


def test_printout_opens_closed_details(driver, base_url):
    driver.get(f"{base_url}ca/offices/sant-feliu-de-llobregat.html")
    details = driver.find_element(By.CSS_SELECTOR, "main details")
    assert details.get_attribute("open") is None
    hidden = driver.find_element(By.CSS_SELECTOR, "main details ul.checklist li").get_attribute("textContent").strip()
    words = " ".join(hidden.split()[:3])
    assert words and words not in driver.find_element(By.TAG_NAME, "main").text
    assert words in " ".join(pdf_text(driver).split())


class MissingPagesAs404(http.server.SimpleHTTPRequestHandler):
    """A static server that answers a missing address with the site's 404.html, as
    GitHub Pages and nginx (`error_page 404 /404.html`) do."""

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def pages_server(site_dir):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(MissingPagesAs404, directory=str(site_dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.mark.parametrize("language", LANGUAGES)
def test_404_for_a_deep_missing_address_is_styled_and_its_links_work(driver, pages_server, language):
    console_errors(driver)
    driver.get(f"{pages_server}{language}/offices/nowhere/deeper/missing.html")
    header = driver.find_element(By.CSS_SELECTOR, ".site-header")
    assert header.value_of_css_property("background-color") == "rgba(11, 61, 102, 1)", "the stylesheet did not load"
    shown = [s for s in driver.find_elements(By.CSS_SELECTOR, ".not-found-language") if s.is_displayed()]
    # The one error the browser logs is the status of the missing page itself.
    assert [e for e in console_errors(driver) if "missing.html - Failed to load resource" not in e] == []
    assert [s.get_attribute("lang") for s in shown] == [language]
    heading = shown[0].find_element(By.TAG_NAME, "h1").text
    assert driver.title == heading
    shown[0].find_element(By.CSS_SELECTOR, "li:nth-child(2) a").click()
    WebDriverWait(driver, 10).until(EC.url_to_be(f"{pages_server}{language}/offices/index.html"))
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == language
    assert len(driver.find_elements(By.CSS_SELECTOR, "table.offices tbody tr")) == len(municipality_names())


def test_404_without_javascript_shows_every_language(site_dir):
    html = (site_dir / "404.html").read_text(encoding="utf-8")
    for language in LANGUAGES:
        assert f'<section class="not-found-language" lang="{language}"' in html
        assert f'href="/{language}/index.html"' in html
    assert '<link rel="stylesheet" href="/assets/site.css">' in html


def test_offices_in_the_main_navigation_and_aria_current(driver, base_url):
    driver.get(f"{base_url}ca/offices/sant-feliu-de-llobregat/services/local-retail-support.html")
    current = driver.find_elements(By.CSS_SELECTOR, ".main-nav a[aria-current]")
    assert [(a.text, a.get_attribute("aria-current")) for a in current] == [("Oficines", "true")]
    crumbs = [li.text for li in driver.find_elements(By.CSS_SELECTOR, ".breadcrumbs li")]
    assert crumbs[:4] == ["Inici", "Oficines", "Oficina d’Atenció a l’Empresa de Sant Feliu de Llobregat", "Serveis"]
    driver.find_element(By.CSS_SELECTOR, ".main-nav a[aria-current]").click()
    WebDriverWait(driver, 10).until(EC.url_contains("/ca/offices/index.html"))
    current = driver.find_elements(By.CSS_SELECTOR, ".main-nav a[aria-current]")
    assert [(a.text, a.get_attribute("aria-current")) for a in current] == [("Oficines", "page")]


def test_model_breadcrumbs_have_the_section_level_and_long_pages_a_contents_list(driver, base_url):
    driver.get(f"{base_url}ca/model/services/company-creation.html")
    crumbs = driver.find_elements(By.CSS_SELECTOR, ".breadcrumbs li a")
    assert [a.text for a in crumbs] == ["Inici", "Model", "Serveis"]
    assert crumbs[2].get_attribute("href").endswith("/ca/model/index.html#services")
    contents = driver.find_element(By.CSS_SELECTOR, "nav.toc.contents")
    targets = [urllib.parse.unquote(a.get_attribute("href").split("#")[1]) for a in contents.find_elements(By.TAG_NAME, "a")]
    assert targets[:2] == ["facts", "requirements"] and "offered-by" in targets
    for target in targets:
        assert driver.find_elements(By.ID, target), target


def test_search_results_say_what_they_are_with_clean_snippets(driver, base_url):
    driver.get(f"{base_url}ca/search.html?q=creació")
    WebDriverWait(driver, 20).until(
        EC.presence_of_element_located((By.CSS_SELECTOR, "#search .pagefind-ui__result-link")))
    WebDriverWait(driver, 20).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#search .pagefind-ui__result")) >= 3)
    titles = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "#search .pagefind-ui__result-inner > .pagefind-ui__result-title .pagefind-ui__result-link")]
    kinds = {t.split(" · ")[0] for t in titles}
    assert all(" · " in t for t in titles), titles
    assert {"Servei del model", "Mòdul de formació"} <= kinds, titles
    excerpts = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#search .pagefind-ui__result-excerpt")]
    glued = [e for e in excerpts if re.search(r"[a-zà-ÿ][A-ZÀ-Ý]", e)]
    assert excerpts and glued == []
    # The kind is said once, in the title: not again as a tag under its English key
    # ("Kind: Pàgina", session 38's trial).
    tags = [t.text for t in driver.find_elements(By.CSS_SELECTOR, "#search .pagefind-ui__result-tag")]
    assert [t for t in tags if t.startswith("Kind")] == [], tags


def test_search_finds_the_assessment_once_not_its_document_to_print(driver, base_url):
    driver.get(f"{base_url}ca/search.html?q=pressupost")
    WebDriverWait(driver, 20).until(
        EC.presence_of_element_located((By.CSS_SELECTOR, "#search .pagefind-ui__result-link")))
    links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#search .pagefind-ui__result-link")]
    assert any("/assessments/pilot-2026.html" in h for h in links), links
    assert [h for h in links if "-print.html" in h] == [], links


def test_comparison_differences_only_without_javascript(base_url, site_dir):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    import os

    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("OAE_CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1024"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    browser = webdriver.Chrome(options=options, service=Service(os.environ.get("OAE_CHROMEDRIVER", "/usr/bin/chromedriver")))
    try:
        browser.get(f"{base_url}ca/comparison.html")
        rows = browser.find_elements(By.CSS_SELECTOR, "table.comparison-summary tbody tr")
        same_rows = [r for r in rows if "same" in r.get_attribute("class")]
        assert same_rows and all(r.is_displayed() for r in same_rows)
        assert all(p.is_displayed() for p in browser.find_elements(By.CSS_SELECTOR, "p.as-in-model"))
        browser.find_element(By.CSS_SELECTOR, "a.show-differences").click()
        WebDriverWait(browser, 10).until(EC.url_contains("#differences-only"))
        assert not any(r.is_displayed() for r in same_rows)
        assert all(r.is_displayed() for r in rows if "differs" in r.get_attribute("class"))
        assert not any(p.is_displayed() for p in browser.find_elements(By.CSS_SELECTOR, "p.as-in-model"))
        differences = browser.find_elements(By.CSS_SELECTOR, "ul.differences li")
        assert differences and all(d.is_displayed() for d in differences)
        browser.find_element(By.CSS_SELECTOR, "a.show-all").click()
        WebDriverWait(browser, 10).until(EC.url_contains("#by-municipality"))
        assert all(r.is_displayed() for r in same_rows)
    finally:
        browser.quit()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_footer_links_the_compliance_pages(driver, base_url, language):
    driver.get(f"{base_url}{language}/model/roles/business-advisor.html")
    links = driver.find_elements(By.CSS_SELECTOR, ".site-footer ul.footer-links a")
    targets = [a.get_attribute("href").rsplit("/", 2)[-2:] for a in links]
    assert targets[1:] == [[language, "accessibility.html"], [language, "legal-notice.html"], [language, "contact.html"]]
    links[1].click()
    WebDriverWait(driver, 10).until(EC.url_contains(f"/{language}/accessibility.html"))
    ids = {e.get_attribute("id") for e in driver.find_elements(By.CSS_SELECTOR, "main h2[id]")}
    # The sections of the model statement of Implementing Decision (EU) 2018/1523.
    assert {"status", "non-accessible", "preparation", "feedback", "enforcement"} <= ids
    assert driver.find_elements(By.CSS_SELECTOR, "main a[href^='mailto:']")
    assert len(driver.find_elements(By.CSS_SELECTOR, "main time[datetime]")) >= 2


def test_a_law_is_cited_by_its_title_in_the_page_language(driver, base_url):
    """The title, which starts with the law's number, in the page's language: no Spanish
    short reference before it (language review of session 13, no. 7), so no `lang` either."""
    for language, title in (("ca", "Llei 14/2013, de 27 de setembre"), ("en", "Law 14/2013, of 27 September"),
                            ("es", "Ley 14/2013, de 27 de septiembre")):
        driver.get(f"{base_url}{language}/model/services/internationalisation-guidance.html")
        citation = driver.find_element(By.XPATH, "//section//ul/li/a[contains(@href, '/eli/es/l/2013/09/27/14')]")
        assert citation.text.startswith(title + ", "), (language, citation.text)
        assert citation.get_dom_attribute("lang") is None, language
