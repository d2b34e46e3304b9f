import Publishing
import Foundation
import Loading
import Model
import Rendering
@testable import Site
import XCTest

/// The pages of the fixture network, rendered in-process.
final class SitePagesTests: XCTestCase {
    var tree: SiteTree!

    override func setUpWithError() throws { tree = try SiteTree() }
    override func tearDown() { tree.remove() }

    func pages(_ options: SiteOptions? = nil) throws -> [String: String] {
        let input = try tree.input()
        let build = try SiteBuild(input: input, options: options ?? SiteOptions(
            baseURL: "https://example.org/oae/", search: true, handbooks: nil, dataFiles: [], structuredData: .none))
        var out: [String: String] = [:]
        for page in build.pages() {
            XCTAssertNil(out[page.path], "\(page.path) written twice")
            out[page.path] = page.html
        }
        return out
    }

    func testComparisonOfTheFixtureNetwork() throws {
        let input = try tree.input()
        let table = CatalogueComparison(network: input.network, resolved: input.resolved)
        XCTAssertEqual(table.text(defaultLanguage: "ca"), """
            service | molins-de-rei | sant-feliu-de-llobregat
            company-creation (core): core | core [commitments[first-appointment].target, channels]
            grants-information (recommended): recommended | omitted (L'ofereix un altre servei municipal.)
            business-transfer (optional): not-adopted | adopted
            local-retail-support (local): none | local

            """)
    }

    /// A local service or procedure names its municipality after the language's "of",
    /// joined as the language writes it (it put an office's name after "de": "Servei propi
    /// de Oficina…"); a report's heading is the strings' sentence ("Informe del 3r trimestre").
    func testLocalDocumentsNameTheirMunicipalityAndReportsTheirQuarter() throws {
        let pages = try self.pages()
        func status(_ path: String) throws -> String {
            let html = try XCTUnwrap(pages[path], path + " not among " + pages.keys.filter { $0.contains("local") }.sorted().joined(separator: ", "))
            let start = try XCTUnwrap(html.range(of: "<p class=\"status-line\">"))
            return String(html[start.lowerBound...].prefix { $0 != "\n" })
        }
        XCTAssertEqual(try status("ca/offices/sant-feliu-de-llobregat/services/local-retail-support.html"),
                       "<p class=\"status-line\"><span class=\"badge service-local local\">Local</span> Servei propi <a href=\"../../sant-feliu-de-llobregat.html\">de Sant Feliu de Llobregat</a></p>")
        XCTAssertEqual(try status("es/offices/sant-feliu-de-llobregat/services/local-retail-support.html"),
                       "<p class=\"status-line\"><span class=\"badge service-local local\">Local</span> Servicio propio <a href=\"../../sant-feliu-de-llobregat.html\">de Sant Feliu de Llobregat</a></p>")
        // A local service's row says it is not in the model, not "as in the model" (session
        // 38's trial); a model service's row without changes still says so.
        let es = try XCTUnwrap(pages["es/offices/sant-feliu-de-llobregat.html"])
        func row(_ service: String) -> String {
            guard let start = es.range(of: "services/\(service).html\">") else { return "no row of \(service)" }
            return String(es[start.upperBound...].split(separator: "</tr>", maxSplits: 1)[0])
        }
        let local = row("local-retail-support"), model = row("business-transfer")
        XCTAssertTrue(local.hasSuffix("<td><span class=\"muted\">Fuera del modelo</span></td>\n"), local)
        XCTAssertTrue(model.hasSuffix("<td><span class=\"muted\">Como en el modelo</span></td>\n"), model)
        // The quarter the office opened during, whose counts' targets are its open days'.
        XCTAssertTrue(es.contains("<p class=\"muted\">2.º trimestre de 2026: la oficina abrió el 13 de abril de 2026; el objetivo de cada recuento es el de los 79 días que estuvo abierta, de los 91 del trimestre.</p>"), es)
        let office = try XCTUnwrap(pages["ca/offices/sant-feliu-de-llobregat.html"])
        XCTAssertTrue(office.contains(">Informe del "), office)
        XCTAssertFalse(office.contains(">Informe 1r") || office.contains(">Informe 2n") || office.contains(">Informe 3r"), office)
    }

    func testEveryPageInEveryLanguageWithTheSharedFrame() throws {
        let all = try pages()
        let expected = ["index.html", "404.html", "ca/index.html", "es/index.html", "ca/offices/sant-feliu-de-llobregat.html",
                        "es/offices/sant-feliu-de-llobregat/services/local-retail-support.html",
                        "ca/offices/sant-feliu-de-llobregat/procedures/welcome-and-triage-sant-feliu.html",
                        "ca/model/index.html", "ca/model/services/company-creation.html", "es/model/procedures/welcome-and-triage.html",
                        "ca/model/roles/business-advisor.html", "ca/model/training/financing-instruments.html",
                        "ca/model/indicators/people-attended.html", "ca/model/communication.html", "ca/comparison.html",
                        "ca/progress.html", "ca/downloads.html", "ca/search.html", "ca/404.html"]
        for path in expected { XCTAssertNotNil(all[path], path) }
        XCTAssertNil(all["en/index.html"], "the fixture model has no English")
        for (path, html) in all where path.contains("/") {
            let lang = String(path.prefix(2))
            XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"\(lang)\">"), path)
            XCTAssertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;self&#39;;"), path)
            XCTAssertTrue(html.contains("<a class=\"skip-link\" href=\"#main\">"), path)
            XCTAssertTrue(html.contains("<main id=\"main\""), path)
            XCTAssertTrue(html.contains("<nav class=\"breadcrumbs wrap\""), path)
            XCTAssertTrue(html.contains("<span class=\"revision\" title=\"0123456789abcdef\">0123456</span>"), path)
            XCTAssertTrue(html.contains("<time datetime=\"2026-11-25\">"), path)
            // The switcher leads to the same page in the other language.
            let other = lang == "ca" ? "es" : "ca"
            let target = SitePath.relative(from: path, to: other + path.dropFirst(2))
            XCTAssertTrue(html.contains("<a href=\"\(target)\" lang=\"\(other)\" hreflang=\"\(other)\">"), "\(path) → \(target)")
        }
        XCTAssertTrue(all["index.html"]!.contains("<meta http-equiv=\"refresh\" content=\"0; url=ca/index.html\">"))
    }

    func testMarkdownLinksLeadToTheSitePages() throws {
        let all = try pages()
        let service = all["ca/model/services/business-transfer.html"] ?? ""
        XCTAssertTrue(service.contains("<a href=\"company-creation.html\">creació d’una empresa</a>"), service)
        XCTAssertTrue(service.contains("<h3 id=\"text-què-és\">Què és</h3>"), service)
        let local = all["es/offices/sant-feliu-de-llobregat/services/local-retail-support.html"] ?? ""
        XCTAssertTrue(local.contains("<li><a href=\"../../sant-feliu-de-llobregat.html\">OAE de Sant Feliu de Llobregat</a></li>"),
                      "a local service's trail goes through its office")
    }

    /// A heading saved in NFD, a percent-encoded link to it, and a footnote: the site
    /// keeps the anchor, writes it in NFC, prefixes the footnote per document and labels
    /// its back-link in the page's language.
    func testPercentEncodedAnchorsNFDHeadingsAndFootnotes() throws {
        try tree.replace("model/services/grants-information.md", "## Què és", "## Que\u{300} e\u{301}s")
        let path = "model/services/company-creation.md"
        try tree.write(path, try tree.read(path) + "\nVegeu [b](grants-information.md#qu%C3%A8-%C3%A9s).\n\nNota[^1].\n\n[^1]: Primera.\n")
        let all = try pages()
        // Compared as bytes: Swift's String comparison would take NFD and NFC for equal.
        let grants = Data((all["ca/model/services/grants-information.html"] ?? "").utf8)
        XCTAssertNotNil(grants.range(of: Data("<h3 id=\"text-qu\u{E8}-\u{E9}s\">".utf8)), "the anchor is NFC")
        let service = all["ca/model/services/company-creation.html"] ?? ""
        XCTAssertTrue(service.contains("<a href=\"grants-information.html#text-qu%C3%A8-%C3%A9s\">b</a>"), service)
        XCTAssertTrue(service.contains("<li id=\"text-service-company-creation-fn-1\">"), service)
        XCTAssertTrue(service.contains("<a href=\"#text-service-company-creation-fnref-1\" class=\"footnote-backref\" data-footnote-backref aria-label=\"Torna a la referència\">"), service)
    }

    func testUntranslatedTextIsMarked() throws {
        try tree.replace("model/services/business-transfer.md",
                         "name: {ca: Traspàs d'empreses, es: Traspaso de empresas}", "name: Traspàs d'empreses")
        try FileManager.default.removeItem(at: tree.root.appendingPathComponent("model/services/business-transfer.es.md"))
        let html = try pages()["es/model/services/business-transfer.html"] ?? ""
        XCTAssertTrue(html.contains("<h1><span lang=\"ca\" class=\"fallback\">Traspàs d’empreses</span> <span class=\"fallback-mark\">[sin traducir]</span></h1>"), html)
        XCTAssertTrue(html.contains("<div lang=\"ca\" class=\"fallback\">\n<p class=\"fallback-note\" lang=\"es\">"), html)
        XCTAssertTrue(html.contains("<p class=\"note fallback-page-note\">"), html)
        let ca = try pages()["ca/model/services/business-transfer.html"] ?? ""
        XCTAssertFalse(ca.contains("class=\"fallback"), "nothing falls back in the default language")
    }

    /// An office's name shown in the model's language is marked in its breadcrumbs and in
    /// its charter's heading too, not only in its page's heading (WCAG 2.1 SC 3.1.2;
    /// session 34's trial found the crumbs and the charter unmarked).
    func testAnOfficeNameInAnotherLanguageIsMarkedInItsCrumbsAndCharter() throws {
        try tree.replace("seeds/sant-feliu-de-llobregat/office.yaml",
                         "name: {ca: OAE de Sant Feliu de Llobregat, es: OAE de Sant Feliu de Llobregat}", "name: {ca: OAE de Sant Feliu de Llobregat}")
        let all = try pages()
        let office = all["es/offices/sant-feliu-de-llobregat.html"] ?? ""
        XCTAssertTrue(office.contains("<li aria-current=\"page\" lang=\"ca\">OAE de Sant Feliu de Llobregat</li>"), office)
        let charter = all["es/offices/sant-feliu-de-llobregat/charter.html"] ?? ""
        XCTAssertTrue(charter.contains("<li lang=\"ca\"><a href=\"../sant-feliu-de-llobregat.html\">OAE de Sant Feliu de Llobregat</a></li>"), charter)
        XCTAssertTrue(charter.contains("<span class=\"charter-office\"><span lang=\"ca\" class=\"fallback\">OAE de Sant Feliu de Llobregat</span>"), charter)
        // In Catalan nothing falls back, and a crumb in the page's language has no lang.
        let ca = all["ca/offices/sant-feliu-de-llobregat/charter.html"] ?? ""
        XCTAssertTrue(ca.contains("<li><a href=\"../sant-feliu-de-llobregat.html\">OAE de Sant Feliu de Llobregat</a></li>"), ca)
        XCTAssertTrue(ca.contains("<span class=\"charter-office\">OAE de Sant Feliu de Llobregat</span>"), ca)
        // A charter template written before `office_name` shows the name as it did (`office`
        // stays the plain text a designer's template may use).
        try tree.replace("templates/site/charter.mustache", "{{#office_name}}{{>text}}{{/office_name}}", "{{office}}")
        let older = try pages()["es/offices/sant-feliu-de-llobregat/charter.html"] ?? ""
        XCTAssertTrue(older.contains("<span class=\"charter-office\">OAE de Sant Feliu de Llobregat</span>"), older)
    }

    /// A blank text in a language (`es: "   "`) is none: the page shows the default
    /// language's, marked (it showed an empty title).
    func testABlankTranslationIsMarkedAsNotTranslated() throws {
        try tree.replace("model/services/business-transfer.md",
                         "name: {ca: Traspàs d'empreses, es: Traspaso de empresas}", "name: {ca: Traspàs d'empreses, es: \"   \"}")
        let html = try pages()["es/model/services/business-transfer.html"] ?? ""
        XCTAssertTrue(html.contains("<h1><span lang=\"ca\" class=\"fallback\">Traspàs d’empreses</span> <span class=\"fallback-mark\">[sin traducir]</span></h1>"), html)
    }

    /// A translation file with front matter but no text translates nothing: the page
    /// shows the original's text, marked, as when there is no file (it showed nothing).
    func testATranslationWithoutTextFallsBackToTheOriginal() throws {
        let path = "model/services/business-transfer.es.md"
        let text = try tree.read(path)
        let end = try XCTUnwrap(text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex))
        try tree.write(path, String(text[..<end.upperBound]) + "\n  \n")
        let html = try pages()["es/model/services/business-transfer.html"] ?? ""
        XCTAssertTrue(html.contains("<div lang=\"ca\" class=\"fallback\">\n<p class=\"fallback-note\" lang=\"es\">"), html)
    }

    func testDownloadsSayPlainlyWhenNoHandbookWasBuilt() throws {
        let html = try pages()["ca/downloads.html"] ?? ""
        XCTAssertTrue(html.contains("Encara no s’ha generat cap manual."), html)
    }

    func testDownloadsListEveryHandbookWithLanguageFormatAndSize() throws {
        let manifest = HandbookManifest(entries: [
            .init(municipality: "sant-feliu-de-llobregat", name: "OAE", language: "es", html: "sant-feliu-de-llobregat/es/handbook.html",
                  htmlBytes: 320_980, pdf: "sant-feliu-de-llobregat/es/handbook.pdf", pdfBytes: 1_048_576),
        ])
        let html = try pages(SiteOptions(baseURL: "https://example.org/", search: false, handbooks: manifest,
                                         dataFiles: [SiteFile(path: "services.csv", bytes: 5)],
                                         structuredData: .none))["ca/downloads.html"] ?? ""
        XCTAssertTrue(html.contains("<td>Español</td>\n<td>HTML</td>\n<td>313,5\u{00A0}KB</td>\n<td><a href=\"../downloads/handbooks/sant-feliu-de-llobregat/es/handbook.html\" hreflang=\"es\" type=\"text/html\">"), html)
        XCTAssertTrue(html.contains("<td>Español</td>\n<td>PDF</td>\n<td>1.024\u{00A0}KB</td>"), html)
        XCTAssertTrue(html.contains("<a href=\"../data/services.csv\">services.csv</a>"), html)
        XCTAssertFalse(html.contains("search.html"), "no search without Pagefind")
    }

    func testSitemapListsEveryPageOnce() throws {
        let input = try tree.input()
        let build = try SiteBuild(input: input, options: SiteOptions(baseURL: "https://example.org/oae/", search: true, handbooks: nil,
                                                                     dataFiles: [], structuredData: .none))
        let xml = build.sitemap()
        XCTAssertTrue(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""))
        XCTAssertTrue(xml.contains("<url><loc>https://example.org/oae/ca/comparison.html</loc><lastmod>2026-11-25</lastmod><xhtml:link rel=\"alternate\" hreflang=\"ca\" href=\"https://example.org/oae/ca/comparison.html\"/><xhtml:link rel=\"alternate\" hreflang=\"es\" href=\"https://example.org/oae/es/comparison.html\"/></url>"), xml)
        XCTAssertFalse(xml.contains("404.html"))
        XCTAssertFalse(xml.contains("search.html"))
        let locs = xml.components(separatedBy: "<loc>").dropFirst().map { $0.components(separatedBy: "</loc>")[0] }
        XCTAssertEqual(locs.count, Set(locs).count)
        let pageCount = build.pages().filter { $0.path.contains("/") && !$0.path.hasSuffix("404.html") && !$0.path.hasSuffix("search.html") }.count
        XCTAssertEqual(locs.count, pageCount)
    }

    func testMissingTemplateStopsTheBuild() throws {
        let input = try tree.input()
        try FileManager.default.removeItem(at: tree.root.appendingPathComponent("templates/site/office.mustache"))
        XCTAssertThrowsError(try SiteBuild(input: input, options: SiteOptions(baseURL: "https://e/", search: false, handbooks: nil,
                                                                              dataFiles: [], structuredData: .none))) { error in
            XCTAssertTrue("\(error)".contains("the template 'office' is missing"), "\(error)")
        }
    }
}

/// `Memo`: what the pages share (each office's summary, the status labels, the title) is
/// made once, however many pages ask, and the same from every thread.
final class MemoTests: XCTestCase {
    func testAValueIsMadeOnceAndSharedBetweenThreads() {
        let memo = Memo<String, Int>()
        let made = Counter()
        for _ in 0..<10 {
            XCTAssertEqual(memo.value("even") { made.add(); return 0 }, 0)
            XCTAssertEqual(memo.value("odd") { made.add(); return 1 }, 1)
        }
        XCTAssertEqual(made.count, 2)
        let values = parallelMap(Array(0..<64)) { i in memo.value(i % 2 == 0 ? "even" : "odd") { made.add(); return -1 } }
        XCTAssertEqual(values, (0..<64).map { $0 % 2 })
        XCTAssertEqual(made.count, 2)
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var n = 0
        func add() { lock.withLock { n += 1 } }
        var count: Int { lock.withLock { n } }
    }
}
