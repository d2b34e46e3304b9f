import Foundation
import Publishing
import Rendering
@testable import Site
import XCTest

/// The site to public-sector standard (issue 17): scroll regions for tables, contents
/// lists, the comparison by differences, the 404 page from the base path, wayfinding,
/// search labels, the compliance pages and the language of law citations. The browser
/// side (reflow at 320 px, print, the 404 page served for a missing address) is in
/// Tests/browser/test_site_standards.py.
final class SiteStandardsTests: XCTestCase {
    var tree: SiteTree!

    override func setUpWithError() throws { tree = try SiteTree() }
    override func tearDown() { tree.remove() }

    func pages() throws -> [String: String] {
        let build = try SiteBuild(input: try tree.input(), options: SiteOptions(
            baseURL: "https://example.org/oae/", search: true, handbooks: nil, dataFiles: [], structuredData: .none))
        return Dictionary(uniqueKeysWithValues: build.pages().map { ($0.path, $0.html) })
    }

    func testEveryTableBecomesANamedFocusableScrollRegion() {
        let html = """
            <h2 id="team">Equip</h2>
            <table class="data"><tr><td>1</td></tr></table>
            <table class="data numbers"><caption>Valors &amp; objectius</caption><tr><td>2</td></tr></table>
            <table class="data" aria-labelledby="list"><tr><td>3</td></tr></table>
            """
        XCTAssertEqual(ScrollRegions.wrap(html, fallback: "Pàgina"), """
            <h2 id="team">Equip</h2>
            <div class="table-scroll" role="region" aria-labelledby="team" tabindex="0"><table class="data"><tr><td>1</td></tr></table></div>
            <div class="table-scroll" role="region" aria-label="Valors &amp; objectius" tabindex="0"><table class="data numbers"><caption>Valors &amp; objectius</caption><tr><td>2</td></tr></table></div>
            <div class="table-scroll" role="region" aria-labelledby="list" tabindex="0"><table class="data" aria-labelledby="list"><tr><td>3</td></tr></table></div>
            """)
        XCTAssertEqual(ScrollRegions.wrap("<p>x</p><table></table>", fallback: "Pàgina"),
                       "<p>x</p><div class=\"table-scroll\" role=\"region\" aria-label=\"Pàgina\" tabindex=\"0\"><table></table></div>")
    }

    func testLongPagesGetAContentsListBeforeTheirFirstSection() {
        let html = """
            <h1>T</h1>
            <section aria-labelledby="a">
            <h2 id="a">A &amp; B</h2><h3 id="a1">A1</h3>
            </section>
            <h2 id="b">B</h2>
            <h2 id="c"><a href="x">C</a></h2>
            """
        XCTAssertEqual(Contents.insert(html, label: "En aquesta pàgina"), """
            <h1>T</h1>
            <nav class="toc contents" aria-label="En aquesta pàgina">
            <h2 class="toc-heading">En aquesta pàgina</h2>
            <ul>
            <li><a href="#a">A &amp; B</a>
            <ul>
            <li><a href="#a1">A1</a></li>
            </ul></li>
            <li><a href="#b">B</a></li>
            <li><a href="#c">C</a></li>
            </ul>
            </nav>
            <section aria-labelledby="a">
            <h2 id="a">A &amp; B</h2><h3 id="a1">A1</h3>
            </section>
            <h2 id="b">B</h2>
            <h2 id="c"><a href="x">C</a></h2>
            """)
        XCTAssertEqual(Contents.insert("<h2 id=\"a\">A</h2><h2 id=\"b\">B</h2>", label: "x"),
                       "<h2 id=\"a\">A</h2><h2 id=\"b\">B</h2>", "two sections are not a long page")
    }

    /// Molins de Rei offers 2 services of the model unchanged; the optional one it does not
    /// take up is not counted "as in the model" (session 38's trial: 3).
    func testComparisonListsDifferencesWithSymbolsAndWordsThenASummaryByService() throws {
        let html = try pages()["es/comparison.html"] ?? ""
        let expected = [
            "<p class=\"view-switch\">1 de 2 municipios tienen diferencias con el modelo. <a class=\"show-differences\" href=\"#differences-only\">Mostrar solo las diferencias</a> <a class=\"show-all\" href=\"#by-municipality\">Mostrarlo todo</a></p>",
            "<li class=\"same\">\n<h3><a href=\"offices/molins-de-rei.html\">Molins de Rei</a></h3>\n<p class=\"as-in-model\">2 servicios como en el modelo.</p>",
            "<li class=\"mark-changed\"><strong>Con cambios locales:</strong> <a href=\"model/services/company-creation.html\">Creación de empresas</a> (compromisos y canales)</li>",
            "<li class=\"mark-omitted\"><strong>Omitido:</strong> <a href=\"model/services/grants-information.html\">Información sobre ayudas</a> (<a href=\"#reason-1\">motivo</a>)</li>",
            "<li class=\"mark-taken-up\"><strong>Incorporado:</strong> <a href=\"model/services/business-transfer.html\">Traspaso de empresas</a></li>",
            "<li class=\"mark-local\"><strong>Servicio local:</strong> <a href=\"offices/sant-feliu-de-llobregat/services/local-retail-support.html\">Apoyo al comercio local</a></li>",
            "<p class=\"as-in-model\">Ningún servicio del modelo sin cambios.</p>",
            "<td>recomendado</td>\n<td><span class=\"sym\" aria-hidden=\"true\">✓</span> 1 de 2</td>\n<td><span class=\"sym\" aria-hidden=\"true\">✎</span> 0 de 2</td>\n<td class=\"mark\"><span class=\"sym\" aria-hidden=\"true\">✕</span> 1 de 2</td>",
            "<td>opcional</td>\n<td class=\"mark\"><span class=\"sym\" aria-hidden=\"true\">+</span> 1 de 2</td>\n<td><span class=\"sym\" aria-hidden=\"true\">✎</span> 0 de 2</td>\n<td><span class=\"sym\" aria-hidden=\"true\">–</span> 1 de 2</td>",
            "<li id=\"reason-1\"><a href=\"model/services/grants-information.html\">Información sobre ayudas</a>: Lo ofrece otro servicio municipal. <span class=\"muted\">(Sant Feliu de Llobregat)</span></li>",
            "<dt data-pagefind-ignore class=\"mark-taken-up\">Incorporado</dt>",
        ]
        for part in expected { XCTAssertTrue(html.contains(part), part + "\n\n" + html) }
        XCTAssertFalse(html.contains("Adoptado"), "adopted and adapted are told apart by distinct words")
    }

    func testBasePathOfThePublicAddress() {
        XCTAssertEqual(SiteSettings.basePath(of: "https://example.org/oae/"), "/oae/")
        XCTAssertEqual(SiteSettings.basePath(of: "https://example.org/oae"), "/oae/")
        XCTAssertEqual(SiteSettings.basePath(of: "https://example.org"), "/")
        XCTAssertEqual(SiteSettings.basePath(of: "https://example.org/"), "/")
    }

    func testRootNotFoundPageLinksFromTheBasePathInEveryLanguage() throws {
        let html = try pages()["404.html"] ?? ""
        for part in [
            "<link rel=\"stylesheet\" href=\"/oae/assets/site.css\">",
            "<div class=\"not-found\" data-base=\"/oae/\">",
            "<section class=\"not-found-language\" lang=\"ca\" data-lang=\"ca\" aria-labelledby=\"not-found-ca\">",
            "<section class=\"not-found-language\" lang=\"es\" data-lang=\"es\" aria-labelledby=\"not-found-es\">",
            "<li><a href=\"/oae/es/offices/index.html\">Oficinas</a></li>",
            "<li><a href=\"/oae/ca/index.html\">Inici</a></li>",
            "<a href=\"/oae/es/index.html\" lang=\"es\" hreflang=\"es\">",
            "<script src=\"/oae/assets/not-found.js\"></script>",
        ] { XCTAssertTrue(html.contains(part), part + "\n\n" + html) }
        XCTAssertFalse(html.contains("href=\"ca/") || html.contains("href=\"../"), "no relative link")
        XCTAssertFalse(html.contains("rel=\"alternate\""), "the page has no address of its own to give alternates of")
    }

    func testOfficesInTheNavigationWithAriaCurrentAndBreadcrumbsWithTheSectionLevel() throws {
        let all = try pages()
        let office = all["ca/offices/sant-feliu-de-llobregat.html"] ?? ""
        XCTAssertTrue(office.contains("<li><a href=\"index.html\" aria-current=\"true\">Oficines</a></li>"), office)
        XCTAssertFalse(office.contains("aria-current=\"page\">Inici"), office)
        let index = all["ca/offices/index.html"] ?? ""
        XCTAssertTrue(index.contains("<li><a href=\"index.html\" aria-current=\"page\">Oficines</a></li>"), index)
        XCTAssertTrue(index.contains("<tr><th scope=\"row\"><a href=\"molins-de-rei.html\">"), index)
        let service = all["ca/model/services/company-creation.html"] ?? ""
        XCTAssertTrue(service.contains("""
            <li><a href="../../index.html">Inici</a></li>
            <li><a href="../index.html">Model</a></li>
            <li><a href="../index.html#services">Serveis</a></li>
            <li aria-current="page">Creació d’empreses</li>
            """), service)
        let local = all["es/offices/sant-feliu-de-llobregat/procedures/welcome-and-triage-sant-feliu.html"] ?? ""
        XCTAssertTrue(local.contains("""
            <li><a href="../../../index.html">Inicio</a></li>
            <li><a href="../../index.html">Oficinas</a></li>
            <li><a href="../../sant-feliu-de-llobregat.html">OAE de Sant Feliu de Llobregat</a></li>
            <li><a href="../../sant-feliu-de-llobregat.html#procedures">Procedimientos</a></li>
            """), local)
    }

    /// Every page of the example under offices/ (an office, its service charter, its own
    /// services and procedures) marks Offices in the main navigation (the charter marked
    /// Home, a fresh user found).
    func testEveryPageOfAnOfficeMarksOfficesInTheNavigation() throws {
        let example = try SiteTree(example: true)
        defer { example.remove() }
        let build = try SiteBuild(input: try example.input(), options: SiteOptions(
            baseURL: "https://example.org/oae/", search: false, handbooks: nil, dataFiles: [], structuredData: .none))
        let all = Dictionary(uniqueKeysWithValues: build.pages().map { ($0.path, $0.html) })
        let word = ["ca": "Oficines", "es": "Oficinas", "en": "Offices"]
        var checked = 0
        for (path, html) in all where path.dropFirst(3).hasPrefix("offices/") && path.hasSuffix(".html") {
            let current = try XCTUnwrap(word[String(path.prefix(2))], path)
            XCTAssertTrue(html.contains("aria-current=\"true\">\(current)</a>") || html.contains("aria-current=\"page\">\(current)</a>"), path)
            checked += 1
        }
        XCTAssertNotNil(all["en/offices/sant-feliu-de-llobregat/charter.html"])
        XCTAssertGreaterThan(checked, 20)
    }

    func testSearchSaysWhatEachPageIsAndLeavesLabelsOut() throws {
        let all = try pages()
        let service = all["ca/model/services/company-creation.html"] ?? ""
        XCTAssertTrue(service.contains("<main id=\"main\" class=\"wrap\" data-pagefind-body data-pagefind-meta=\"kind:Servei del model\">"), service)
        XCTAssertTrue(service.contains("<dt data-pagefind-ignore>Àmbit</dt>\n<dd>"), service)
        XCTAssertTrue(service.contains("<nav class=\"toc contents\" aria-label=\"En aquesta pàgina\">"), service)
        XCTAssertTrue((all["es/offices/sant-feliu-de-llobregat.html"] ?? "").contains("data-pagefind-meta=\"kind:Oficina\""))
        XCTAssertTrue((all["ca/model/training/financing-instruments.html"] ?? "")
            .contains("data-pagefind-meta=\"kind:Mòdul de formació\""))
        // The programme's records and an office's charter and agreements say what they are
        // (they read "Page": session 45's trial).
        for (path, kind) in [("ca/offices/sant-feliu-de-llobregat/charter.html", "Carta de serveis"),
                             ("es/agreements/adhesion-sant-feliu.html", "Convenio"),
                             ("es/budgets.html", "Programa"), ("ca/progress.html", "Programa"),
                             ("ca/agreements/index.html", "Programa"), ("ca/comparison.html", "Pàgina")] {
            let html = try XCTUnwrap(all[path], path)
            XCTAssertTrue(html.contains("data-pagefind-meta=\"kind:\(kind)\""), "\(path): " + (html.range(of: "data-pagefind-meta=\"[^\"]*\"", options: .regularExpression).map { String(html[$0]) } ?? "no meta"))
        }
    }

    func testEveryFooterLinksTheCompliancePagesAndPrintsTheAddress() throws {
        let all = try pages()
        for (path, html) in all where path.hasSuffix(".html") && path.contains("/") {
            let lang = String(path.prefix(2))
            for page in ["accessibility", "legal-notice", "contact"] {
                let href = SitePath.relative(from: path, to: "\(lang)/\(page).html")
                XCTAssertTrue(html.contains("<li><a href=\"\(href)\""), "\(path) → \(href)")
            }
            XCTAssertTrue(html.contains("<span class=\"page-address\">https://example.org/oae/\(path)</span>"), path)
        }
        let statement = all["es/accessibility.html"] ?? ""
        for id in ["status", "non-accessible", "preparation", "feedback", "enforcement"] {
            XCTAssertTrue(statement.contains("<h2 id=\"\(id)\">"), id)
        }
        XCTAssertTrue(statement.contains("<span lang=\"ca\">Síndic de Greuges de Catalunya</span>"), statement)
        XCTAssertTrue(statement.contains("<li><a href=\"accessibility.html\" aria-current=\"page\">Declaración de accesibilidad</a></li>"))
        XCTAssertTrue((all["ca/legal-notice.html"] ?? "").contains("<h1>Avís legal</h1>"))
        XCTAssertTrue((all["es/contact.html"] ?? "").contains("<a href=\"offices/index.html\">oficina de su municipio</a>"))
    }

    /// A law is cited by its title in the page's language (the title starts with its
    /// number), not by its reference in another language before it ("Ley 14/2013: Llei
    /// 14/2013, …", the language review of session 13, no. 7).
    func testALawIsCitedByItsTitleInThePageLanguage() throws {
        try tree.replace("model/services/company-creation.md", "status: core\n", """
            status: core
            legal_basis:
              - ref: "Ley 14/2013"
                title:
                  ca: "Llei 14/2013, de 27 de setembre, de suport als emprenedors"
                  es: "Ley 14/2013, de 27 de septiembre, de apoyo a los emprendedores"
                url: https://www.boe.es/eli/es/l/2013/09/27/14

            """)
        let all = try pages()
        XCTAssertTrue((all["ca/model/services/company-creation.html"] ?? "")
            .contains("<li><a href=\"https://www.boe.es/eli/es/l/2013/09/27/14\">Llei 14/2013, de 27 de setembre, de suport als emprenedors</a></li>"))
        XCTAssertFalse((all["ca/model/services/company-creation.html"] ?? "").contains(">Ley 14/2013</a>"))
        XCTAssertTrue((all["es/model/services/company-creation.html"] ?? "")
            .contains("<li><a href=\"https://www.boe.es/eli/es/l/2013/09/27/14\">Ley 14/2013, de 27 de septiembre, de apoyo a los emprendedores</a></li>"))
    }
}
