import Foundation
import Model
import Presentation
import Rendering
@testable import Site
import XCTest

/// What a reader of the example's site sees where the language review of session 13
/// found faults that needed code: legal references, commitments with their direction,
/// field names inside a sentence, the chart's count of offices, the writers' typography.
final class ReaderWordingTests: XCTestCase {
    nonisolated(unsafe) static var tree: SiteTree!
    nonisolated(unsafe) static var pages: [String: String] = [:]

    override class func setUp() {
        tree = try? SiteTree(example: true)
        if let input = try? tree?.input() { pages = (try? sitePages(input)) ?? [:] }
    }

    override class func tearDown() { tree?.remove() }

    func page(_ path: String) throws -> String {
        try XCTUnwrap(ReaderWordingTests.pages[path], path)
    }

    /// Asserts that the page at `path` in each language (`{lang}` in the path) holds the
    /// text given for that language.
    func assertPages(_ path: String, contain expected: [String: String], file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(expected.keys.sorted(), ["ca", "en", "es"], file: file, line: line)
        for (language, text) in expected {
            let html = try page(path.replacingOccurrences(of: "{lang}", with: language))
            XCTAssertTrue(html.contains(text), "\(language): \(text)\n\n\(html)", file: file, line: line)
        }
    }

    /// A legal reference reads as its title, linked; never "Ley 14/2013: Llei 14/2013, …"
    /// (review no. 7). The articles a reference cites follow the title.
    func testALegalReferenceIsItsTitleWithTheArticlesItCites() throws {
        try assertPages("{lang}/model/services/company-creation.html", contain: [
            "ca": "<li><a href=\"https://www.boe.es/eli/es/l/2013/09/27/14\">Llei 14/2013, de 27 de setembre, de suport als emprenedors i la seva internacionalització</a></li>",
            "es": "<li><a href=\"https://www.boe.es/eli/es/l/2013/09/27/14\">Ley 14/2013, de 27 de septiembre, de apoyo a los emprendedores y su internacionalización</a></li>",
            "en": "<li><a href=\"https://www.boe.es/eli/es/l/2013/09/27/14\">Law 14/2013, of 27 September, on support for entrepreneurs and their internationalisation</a></li>",
        ])
        try assertPages("{lang}/agreements/knowledge-transfer-2025.html", contain: [
            "ca": "<li><a href=\"https://www.boe.es/buscar/act.php?id=BOE-A-2015-10566\">Llei 40/2015, de l’1 d’octubre, de règim jurídic del sector públic (convenis)</a>, art. 47-53</li>",
            "es": "<li><a href=\"https://www.boe.es/buscar/act.php?id=BOE-A-2015-10566\">Ley 40/2015, de 1 de octubre, de Régimen Jurídico del Sector Público (convenios)</a>, art. 47-53</li>",
            "en": "<li><a href=\"https://www.boe.es/buscar/act.php?id=BOE-A-2015-10566\">Law 40/2015 of 1 October on the legal regime of the public sector (agreements)</a>, art. 47-53</li>",
        ])
        try assertPages("{lang}/offices/sant-feliu-de-llobregat/charter.html", contain: [
            "ca": "a partir del model 1.1.0 · <a href=\"https://portaljuridic.gencat.cat/eli/es-ct/l/2014/12/29/19\">Llei 19/2014, del 29 de desembre, de transparència, accés a la informació pública i bon govern (cartes de serveis)</a>, art. 59</p>",
            "es": "a partir del modelo 1.1.0 · <a href=\"https://portaljuridic.gencat.cat/eli/es-ct/l/2014/12/29/19\">Ley 19/2014, de 29 de diciembre, de transparencia, acceso a la información pública y buen gobierno (cartas de servicios)</a>, art. 59</p>",
            "en": "from model 1.1.0 · <a href=\"https://portaljuridic.gencat.cat/eli/es-ct/l/2014/12/29/19\">Law 19/2014 of 29 December on transparency, access to public information and good governance (service charters)</a>, art. 59</p>",
        ])
        for language in ["ca", "es", "en"] {
            XCTAssertFalse(try page("\(language)/model/services/company-creation.html").contains(">Ley 14/2013</a>"), language)
        }
    }

    /// The service sheet gives a commitment's direction as the charter does, and the
    /// metric no longer says it (review no. 13): one "com a màxim".
    func testACommitmentSaysItsLimitOnce() throws {
        try assertPages("{lang}/model/services/company-creation.html", contain: [
            "ca": "<tr><td>Dies hàbils entre el moment en què la documentació és completa i l’enviament del DUE al sistema CIRCE</td>\n<td>com a màxim 2 dies</td></tr>",
            "es": "<tr><td>Días hábiles entre el momento en que la documentación está completa y el envío del DUE al sistema CIRCE</td>\n<td>como máximo 2 días</td></tr>",
            "en": "<tr><td>Working days between the documents being complete and the DUE being sent to the CIRCE system</td>\n<td>at most 2 days</td></tr>",
        ])
        try assertPages("{lang}/offices/sant-feliu-de-llobregat/charter.html", contain: [
            "ca": "<td>Dies hàbils entre el moment en què la documentació és completa i l’enviament del DUE al sistema CIRCE: <strong>com a màxim 2 dies</strong></td>",
            "es": "<td>Días hábiles entre el momento en que la documentación está completa y el envío del DUE al sistema CIRCE: <strong>como máximo 2 días</strong></td>",
            "en": "<td>Working days between the documents being complete and the DUE being sent to the CIRCE system: <strong>at most 2 days</strong></td>",
        ])
    }

    /// The comparison names the changed fields in lower case inside its sentence (review no. 16).
    func testTheComparisonNamesChangedFieldsInLowerCase() throws {
        try assertPages("{lang}/comparison.html", contain: [
            "ca": "<li class=\"mark-changed\"><strong>Amb canvis locals:</strong> <a href=\"model/services/company-creation.html\">Creació d’empreses</a> (canals); <a href=\"model/services/welcome-and-orientation.html\">Acollida i orientació</a> (compromisos)</li>",
            "es": "<li class=\"mark-changed\"><strong>Con cambios locales:</strong> <a href=\"model/services/company-creation.html\">Creación de empresas</a> (canales); <a href=\"model/services/welcome-and-orientation.html\">Acogida y orientación</a> (compromisos)</li>",
            "en": "<li class=\"mark-changed\"><strong>Changed locally:</strong> <a href=\"model/services/company-creation.html\">Company set-up</a> (channels); <a href=\"model/services/welcome-and-orientation.html\">Welcome and orientation</a> (commitments)</li>",
        ])
    }

    /// The summarised chart of one office says so in the singular (review no. 6: "de les 1 oficines").
    func testTheChartOfOneOfficeSaysItInTheSingular() throws {
        // The fixture network: Sant Feliu alone reports.
        let tree = try SiteTree()
        defer { tree.remove() }
        let build = try SiteBuild(input: try tree.input(), options: SiteOptions(
            baseURL: "https://example.org/oae/", search: false, handbooks: nil, dataFiles: [], structuredData: .none))
        let pages = Pages(site: build.site)
        let expected = [
            "ca": "per a cada trimestre, el valor mínim, la mediana i el valor màxim de l’única oficina amb dades.",
            "es": "para cada trimestre, el valor mínimo, la mediana y el valor máximo de la única oficina con datos.",
        ]
        XCTAssertEqual(build.site.languages.map(\.code).sorted(), ["ca", "es"])
        for language in build.site.languages {
            let one = pages.makeIndicatorChart("people-attended", language, summariseAbove: 0)
            XCTAssertTrue(one.summary)
            XCTAssertTrue(one.chart_svg.contains(expected[language.code] ?? "?"), one.chart_svg)
        }
        let shared = try SiteBuild(input: try XCTUnwrap(ReaderWordingTests.tree).input(), options: SiteOptions(
            baseURL: "https://example.org/oae/", search: false, handbooks: nil, dataFiles: [], structuredData: .none))
        let ca = try XCTUnwrap(shared.site.languages.first { $0.code == "ca" })
        let two = Pages(site: shared.site).makeIndicatorChart("people-attended", ca, summariseAbove: 1)
        XCTAssertTrue(two.chart_svg.contains("el valor màxim de les 2 oficines amb dades."), two.chart_svg)
        let en = try XCTUnwrap(shared.site.languages.first { $0.code == "en" })
        let twoEn = Pages(site: shared.site).makeIndicatorChart("people-attended", en, summariseAbove: 1)
        XCTAssertTrue(twoEn.chart_svg.contains("the highest value of the 2 offices reporting it."), twoEn.chart_svg)
        // English has the one form too (the fixture network has no English).
        XCTAssertEqual(en.formatter.count("chart_summary_description", 1, ["indicator": "People attended", "unit": "people",
                                                                               "first": "Q2 2026", "last": "Q3 2026"]),
                       "Bar chart of the indicator “People attended” (people) from Q2 2026 to Q3 2026: for each quarter, "
                       + "the lowest value, the median and the highest value of the one office reporting it. "
                       + "The figures are in the table that goes with it.")
    }

    /// Writers' prose gets `’` and a no-break space before % and €; ids, addresses and
    /// code keep what was written (review no. 15).
    func testWritersProseHasItsTypography() throws {
        let s = try page("ca/model/services/company-creation.html")
        XCTAssertTrue(s.contains("Creació d’empreses"), s)
        XCTAssertFalse(s.contains("Creació d&#39;empreses"), s)
        XCTAssertFalse(s.contains("href=\"https://www.boe.es/eli/es/l/2013/09/27/14\u{2019}"), s)
    }

    /// Every reader text of a page has the one typography: the register's municipality
    /// names, the interface words, the dates and the text of a compliance page written in
    /// its template, as the writers' texts (the regression hunt of session 14, LOW 2); the
    /// Content-Security-Policy attribute keeps its quotes.
    func testEveryReaderTextHasTheTypography() throws {
        let expansion = try page("ca/expansion.html")
        XCTAssertTrue(expansion.contains("<th scope=\"row\">L\u{2019}Hospitalet de Llobregat"), expansion)
        XCTAssertTrue(expansion.contains("Els 36 municipis de l\u{2019}àrea metropolitana"), expansion)
        XCTAssertTrue(expansion.contains("de l\u{2019}1 d\u{2019}abril de 2026"), expansion)
        XCTAssertTrue(expansion.contains("default-src &#39;self&#39;"), expansion)
        let accessibility = try page("ca/accessibility.html")
        XCTAssertTrue(accessibility.contains("<p class=\"lead\">L\u{2019}Agència metropolitana"), accessibility)
        for (path, html) in ReaderWordingTests.pages where path.hasSuffix(".html") {
            // No apostrophe between two letters in a page's text (outside its tags).
            let text = html.replacingOccurrences(of: "<[^>]*>", with: "<>", options: .regularExpression)
            XCTAssertNil(text.range(of: "[a-zA-Zàèéíòóú](&#39;|')[a-zA-Zàèéíòóú1]", options: .regularExpression).map { String(text[$0]) },
                         path)
        }
    }

    /// An office's services are listed by area, in the model's order of areas, then by
    /// name in the page's language (session 43's trial: by id, the model's order, read as
    /// no order at all).
    func testAnOfficesServicesAreInTheOrderOfTheirAreasThenOfTheirNames() throws {
        let tree = try XCTUnwrap(ReaderWordingTests.tree)
        let model = try String(contentsOf: tree.root.appendingPathComponent("model/model.yaml"), encoding: .utf8)
        XCTAssertTrue(model.contains("areas:"))
        for language in ["ca", "es", "en"] {
            let html = try page("\(language)/offices/sant-feliu-de-llobregat.html")
            let table = try XCTUnwrap(html.components(separatedBy: "<table class=\"data services\">").dropFirst().first?
                .components(separatedBy: "</table>").first)
            let row = try NSRegularExpression(pattern: "<th scope=\"row\"><a href=\"[^\"]*\">(?:<span[^>]*>)?([^<]*)(?:</span>)?</a></th>\n<td>([^<]*)</td>")
            let rows = row.matches(in: table, range: NSRange(table.startIndex..., in: table)).map { m in
                (name: String(table[Range(m.range(at: 1), in: table)!]), area: String(table[Range(m.range(at: 2), in: table)!]))
            }
            XCTAssertGreaterThan(rows.count, 5, language)
            // The areas come in runs, each once, and each run's names in reading order.
            var seen: [String] = []
            for (i, r) in rows.enumerated() {
                if seen.last != r.area {
                    XCTAssertFalse(seen.contains(r.area), "\(language): area '\(r.area)' comes twice: \(rows)")
                    seen.append(r.area)
                } else {
                    XCTAssertTrue(ReadingOrder.precedes(rows[i - 1].name, r.name) || rows[i - 1].name == r.name,
                                  "\(language): '\(rows[i - 1].name)' before '\(r.name)'")
                }
            }
            XCTAssertGreaterThan(seen.count, 1, language)
            // The charter lists them in the same order.
            let charter = try page("\(language)/offices/sant-feliu-de-llobregat/charter.html")
            let list = try XCTUnwrap(charter.components(separatedBy: "<ul class=\"compact\">").dropFirst().first?.components(separatedBy: "</ul>").first)
            let item = try NSRegularExpression(pattern: "<li><a href=\"[^\"]*\">(?:<span[^>]*>)?([^<]*)(?:</span>)?</a></li>")
            XCTAssertEqual(item.matches(in: list, range: NSRange(list.startIndex..., in: list)).map { String(list[Range($0.range(at: 1), in: list)!]) },
                           rows.map(\.name), language)
            // The agreements of a kind by title (the programme's folder came first, then the offices').
            let index = try page("\(language)/agreements/index.html")
            let titles = try NSRegularExpression(pattern: "<th scope=\"row\"><a href=\"[^\"]*\">(?:<span[^>]*>)?([^<]*)(?:</span>)?</a></th>")
            for group in index.components(separatedBy: "<tbody>").dropFirst() {
                let body = group.components(separatedBy: "</tbody>")[0]
                let names = titles.matches(in: body, range: NSRange(body.startIndex..., in: body)).map { String(body[Range($0.range(at: 1), in: body)!]) }
                XCTAssertEqual(names, names.sorted { ReadingOrder.precedes($0, $1) }, language)
            }
        }
    }

    /// A tree outside git: the footer says so in the page's language, its tooltip too (the
    /// review read title="unversioned").
    func testTheFooterOfATreeOutsideGitSaysSoInItsLanguage() throws {
        let tree = try XCTUnwrap(ReaderWordingTests.tree)
        let source = try tree.input()
        let input = BuildInput(root: source.root, network: source.network, resolved: source.resolved, sourceRevision: SourceInfo.unversioned,
                               sourceEpoch: source.sourceEpoch, toolVersion: source.toolVersion)
        let pages = try sitePages(input)
        for (language, words) in [("ca", "sense control de versions"), ("es", "sin control de versiones"), ("en", "not under version control")] {
            let html = try XCTUnwrap(pages["\(language)/index.html"])
            XCTAssertTrue(html.contains("<span class=\"revision\" title=\"\(words)\">\(words)</span>"), language)
            XCTAssertFalse(html.contains("unversioned"), language)
        }
    }

    /// The charter of an office not open yet says when it opens, at its head (session 44's
    /// trial: a planned office's charter read as an open one's, hours and all); an open
    /// office's says nothing of it.
    func testTheCharterOfAnOfficeNotOpenYetSaysWhenItOpens() throws {
        try assertPages("{lang}/offices/molins-de-rei/charter.html", contain: [
            "ca": "<p class=\"charter-opening\"><strong>Aquesta oficina obrirà l’1 de març de 2027: la carta diu els serveis i els compromisos que hi tindrà.</strong></p>",
            "es": "<p class=\"charter-opening\"><strong>Esta oficina abrirá el 1 de marzo de 2027: la carta recoge los servicios y los compromisos que tendrá.</strong></p>",
            "en": "<p class=\"charter-opening\"><strong>This office opens on 1 March 2027: the charter sets out the services and commitments it will have.</strong></p>",
        ])
        XCTAssertFalse(try page("ca/offices/sant-feliu-de-llobregat/charter.html").contains("charter-opening"))
    }

    /// The expansion page links the adhesion that makes "agreement signed: yes", of an
    /// office's and of a municipality the plan names (session 44's trial reached those only
    /// from the agreements page); "no" links nothing.
    func testTheExpansionPageLinksTheSignedAdhesion() throws {
        let html = try page("ca/expansion.html")
        XCTAssertTrue(html.contains("Conveni signat: <a href=\"agreements/adhesion-sant-joan-despi.html\">sí</a>"), html)
        XCTAssertTrue(html.contains("Conveni signat: <a href=\"agreements/adhesion-sant-feliu-de-llobregat.html\">sí</a>"), html)
        XCTAssertFalse(html.contains("\">no</a>"))
    }
}
