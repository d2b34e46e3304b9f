import Foundation
@testable import Handbook
import Rendering
import XCTest

/// The HTML of a handbook of the fixture network: structure, local markers, the
/// differences annex, cross-references and escaping.
final class ContentTests: FixtureTreeTestCase {
    func html(_ municipality: String = "sant-feliu-de-llobregat", _ language: String = "ca") throws -> String {
        try HandbookTestSupport.render(HandbookTestSupport.input(root), municipality, language)
    }

    /// The differences annex of the fixture municipality, exactly (reviewed golden file).
    func testDifferencesAnnexOfTheFixtureMunicipality() throws {
        let page = try html()
        try HandbookTestSupport.assertGolden(HandbookTestSupport.chapter("differences", in: page), "differences-sant-feliu-ca.html")
        let es = try html("sant-feliu-de-llobregat", "es")
        try HandbookTestSupport.assertGolden(HandbookTestSupport.chapter("differences", in: es), "differences-sant-feliu-es.html")
    }

    /// A service the office does not offer, named among another's related services, is
    /// marked with an asterisk that says what it means, and the legend tells it (session
    /// 38's trial: a name without its link, and nothing else).
    func testAServiceTheOfficeDoesNotOfferIsMarkedAndTheLegendSaysWhy() throws {
        let page = try html("sant-feliu-de-llobregat", "es")
        XCTAssertTrue(page.contains("<span class=\"not-offered\">Información sobre ayudas</span><sup class=\"not-offered-mark\"><abbr title=\"Servicio que la oficina no ofrece\">*</abbr></sup>"), page)
        XCTAssertTrue(page.contains("<tr><th scope=\"row\" class=\"marker\"><sup class=\"not-offered-mark\">*</sup></th><td>Servicio que la oficina no ofrece (omitido, u opcional y no incorporado).</td></tr>"), page)
    }

    /// An office that gives no address, channel nor hours yet (as `oae new municipality`
    /// writes it) has a sentence that says so under each heading, in the handbook's
    /// language, not an empty table (s12's fresh user found a heading over nothing and an
    /// hours table without rows).
    func testAnOfficeWithoutContactOrHoursSaysSo() throws {
        let office = HandbookTestSupport.chapter("office", in: try html("molins-de-rei"))
        XCTAssertTrue(office.contains("""
            Adreça i canals</h3>
            <p>L’oficina encara no ha donat l’adreça ni els canals.</p>
            <h3 id="office-hours"><span class="number">2.3</span> Horari d’atenció</h3>
            <p>L’oficina encara no ha donat l’horari d’atenció.</p>
            """), office)
        XCTAssertFalse(office.contains("<tbody>\n</tbody>"), office)
        let es = HandbookTestSupport.chapter("office", in: try html("molins-de-rei", "es"))
        XCTAssertTrue(es.contains("<p>La oficina aún no ha dado su horario de atención.</p>"), es)
        // Given, they are a table.
        let path = root.appendingPathComponent("seeds/molins-de-rei/office.yaml")
        let text = try String(contentsOf: path, encoding: .utf8)
        try Data((text + "opening_hours:\n  - {days: [mo, tu], opens: \"09:00\", closes: \"14:00\"}\nchannels: {phone: \"+34 936 800 000\"}\n").utf8).write(to: path)
        let given = HandbookTestSupport.chapter("office", in: try html("molins-de-rei"))
        XCTAssertFalse(given.contains("encara no ha donat"), given)
        XCTAssertTrue(given.contains("<tr><td>dilluns i dimarts</td><td>de 09:00 a 14:00</td></tr>"), given)
    }

    func testLocalValuesCarryTheBadgeAndTheModelValue() throws {
        let catalogue = HandbookTestSupport.chapter("catalogue", in: try html())
        // company-creation: channels replaced, first-appointment target lowered from 5 to 3.
        XCTAssertTrue(catalogue.contains("""
            <tr class="field-channels local"><th scope="row">Canals</th><td>presencial i telèfon <span class="local-note"><span class="badge local">Local</span> <span class="model-value">Model: presencial i correu electrònic</span></span></td></tr>
            """), catalogue)
        XCTAssertTrue(catalogue.contains("""
            <li>Dies fins a la primera cita: <strong>com a màxim 3 dies</strong> <span class="badge local">Local</span> <span class="model-value">Model: Dies fins a la primera cita: <strong>com a màxim 5 dies</strong></span></li>
            """), catalogue)
        // A value the municipality did not change carries no badge.
        XCTAssertTrue(catalogue.contains("<tr class=\"field-duration\"><th scope=\"row\">Durada d’una sessió</th><td>1 hora</td></tr>"), catalogue)
        // The local service is marked as a whole; the adopted optional service says where.
        XCTAssertTrue(catalogue.contains("<span class=\"badge local-service\">Servei propi</span>"), catalogue)
        XCTAssertTrue(catalogue.contains("<span class=\"badge adopted\">Opcional adoptat</span> <span class=\"note\">Servei opcional adoptat a seeds/sant-feliu-de-llobregat/adaptation.yaml:3.</span>"), catalogue)
        // The local variant of a procedure; its owner, named by the municipality but the same
        // as the model's, is not marked local (only a value that differs is).
        let procedures = HandbookTestSupport.chapter("procedures", in: try html())
        XCTAssertTrue(procedures.contains("<span class=\"badge local-variant\">Variant local</span>"), procedures)
        XCTAssertTrue(procedures.contains("<td>Coordinador de l’oficina</td>"), procedures)
        XCTAssertFalse(procedures.contains("adaptation.yaml:15"), procedures)
    }

    func testChaptersFollowTheOutlineNumberedWithATableOfContents() throws {
        let page = try html()
        let ids = ["control", "office", "catalogue", "procedures", "differences", "glossary"]
        var last = page.startIndex
        for (i, id) in ids.enumerated() {
            let heading = "<h2 class=\"chapter-title\" id=\"chapter-\(id)-title\"><span class=\"number\">\(i + 1)</span>"
            let r = try XCTUnwrap(page.range(of: heading), "chapter \(id)")
            XCTAssertGreaterThan(r.lowerBound, last, "chapter \(id) is out of order")
            last = r.lowerBound
            XCTAssertTrue(page.contains("<li><a href=\"#chapter-\(id)\"><span class=\"number\">\(i + 1)</span>"), "TOC entry of \(id)")
        }
        XCTAssertTrue(page.contains("<h3 id=\"service-company-creation\"><span class=\"number\">3.1</span> Creació d’empreses</h3>"))
        XCTAssertTrue(page.contains("<a href=\"#service-company-creation\"><span class=\"number\">3.1</span> Creació d’empreses</a>"))
    }

    func testTheFileIsSelfContained() throws {
        let page = try html("sant-feliu-de-llobregat", "es")
        XCTAssertTrue(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"es\">"))
        XCTAssertTrue(page.contains("<meta charset=\"utf-8\">"))
        XCTAssertTrue(page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"))
        XCTAssertTrue(page.contains("<meta name=\"dcterms.created\" content=\"2025-11-24T16:00:00Z\">"))
        for forbidden in ["<script", "<link", "<img", "src=\"http", "@import", "url(", "<iframe"] {
            XCTAssertFalse(page.lowercased().contains(forbidden), "the handbook contains \(forbidden)")
        }
    }

    func testCrossReferencesAreInDocumentLinks() throws {
        let page = try html()
        // business-transfer's body links to company-creation.md: an anchor of this handbook.
        XCTAssertTrue(page.contains("<a href=\"#service-company-creation\">creació d’una empresa</a>"), "body link to a service")
        // company-creation's body links to grants-information.md, which Sant Feliu omits: plain text.
        XCTAssertTrue(page.contains("<span class=\"unlinked\">informació sobre ajuts</span>"), "link to an omitted service")
        // Every internal link points to an id of the document.
        let ids = Set(matches(of: " id=\"([^\"]+)\"", in: page))
        for target in Set(matches(of: "href=\"#([^\"]+)\"", in: page)) {
            XCTAssertTrue(ids.contains(target), "#\(target) has no target")
        }
        XCTAssertFalse(page.contains(".md\""), "a link to a Markdown file was left as written")
    }

    func testUntranslatedTextIsMarkedAsAFallback() throws {
        // Take away the Spanish name and body of company-creation: the Spanish handbook
        // shows the Catalan text, marked.
        let service = root.appendingPathComponent("model/services/company-creation.md")
        let text = try String(contentsOf: service, encoding: .utf8)
            .replacingOccurrences(of: "name: {ca: Creació d'empreses, es: Creación de empresas}", with: "name: {ca: Creació d'empreses}")
        try Data(text.utf8).write(to: service)
        try FileManager.default.removeItem(at: root.appendingPathComponent("model/services/company-creation.es.md"))
        let page = try html("sant-feliu-de-llobregat", "es")
        XCTAssertTrue(page.contains("</span> <span lang=\"ca\" class=\"fallback\">Creació d’empreses</span><abbr class=\"fallback-mark\" title=\"Texto pendiente de traducción; se muestra en catalán.\">ca</abbr></h3>"), page)
        XCTAssertTrue(page.contains("<div class=\"fallback-body\" lang=\"ca\"><p class=\"fallback-note\" lang=\"es\">"))
    }

    func testScriptsInMarkdownAndYAMLShowAsText() throws {
        let body = root.appendingPathComponent("model/services/company-creation.md")
        var text = try String(contentsOf: body, encoding: .utf8)
        text += "\nUn exemple <script>alert('md')</script> i <img src=x onerror=alert(1)>.\n\n<script>alert('bloc')</script>\n"
        try Data(text.utf8).write(to: body)
        let office = root.appendingPathComponent("seeds/sant-feliu-de-llobregat/office.yaml")
        var yaml = try String(contentsOf: office, encoding: .utf8)
        yaml = yaml.replacingOccurrences(of: "name: {ca: OAE de Sant Feliu de Llobregat,",
                                         with: "name: {ca: \"OAE <script>alert('yaml')</script>\",")
        try Data(yaml.utf8).write(to: office)
        let page = try html()
        XCTAssertFalse(page.lowercased().contains("<script"), "a script tag reached the handbook")
        XCTAssertFalse(page.contains("onerror=alert(1)>"), "raw HTML reached the handbook")
        XCTAssertTrue(page.contains("OAE &lt;script&gt;alert(&#39;yaml&#39;)&lt;/script&gt;"), "the YAML text is shown as text")
        XCTAssertTrue(page.contains("&lt;script&gt;alert('md')&lt;/script&gt;"), "the Markdown text is shown as text")
    }

    /// A heading saved in NFD and a link to it percent-encoded meet in the handbook.
    func testPercentEncodedLinksToNFDHeadingsKeepTheirAnchor() throws {
        try replace("model/services/grants-information.md", "## Què és", "## Que\u{300} e\u{301}s")
        try append("model/services/company-creation.md", "\nVegeu [b](grants-information.md#qu%C3%A8-%C3%A9s).\n")
        let page = try html("molins-de-rei")
        // Compared as bytes: Swift's String comparison would take NFD and NFC for equal.
        let bytes = Data(page.utf8)
        XCTAssertNotNil(bytes.range(of: Data("<h4 id=\"service-grants-information--qu\u{E8}-\u{E9}s\">".utf8)), "the anchor is NFC")
        XCTAssertNotNil(bytes.range(of: Data("<a href=\"#service-grants-information--qu%C3%A8-%C3%A9s\">b</a>".utf8)), "the link keeps its anchor")
    }

    /// Two documents with a `[^1]` in one handbook: unique ids, back-links in its language.
    func testFootnotesAreUniqueInTheHandbookAndLabelledInItsLanguage() throws {
        try append("model/services/company-creation.md", "\nNota[^1].\n\n[^1]: Primera.\n")
        try append("model/services/business-transfer.md", "\nNota[^1].\n\n[^1]: Segona.\n")
        try append("model/services/company-creation.es.md", "\nNota[^1].\n\n[^1]: Primera.\n")
        try append("model/services/business-transfer.es.md", "\nNota[^1].\n\n[^1]: Segunda.\n")
        for (language, label) in [("ca", "Torna a la referència"), ("es", "Volver a la referencia"), ("en", "Back to the reference")] {
            let page = try html("sant-feliu-de-llobregat", language)
            let ids = matches(of: #"id="([^"]+)""#, in: page)
            XCTAssertEqual(Set(ids).count, ids.count, "duplicate ids: \(ids.filter { id in ids.filter { $0 == id }.count > 1 })")
            XCTAssertTrue(page.contains("<li id=\"service-company-creation--fn-1\">"), language)
            XCTAssertTrue(page.contains("<li id=\"service-business-transfer--fn-1\">"), language)
            XCTAssertTrue(page.contains("<a href=\"#service-business-transfer--fnref-1\" class=\"footnote-backref\" data-footnote-backref aria-label=\"\(label)\">"), language)
            XCTAssertFalse(page.contains("Back to content"), language)
        }
    }

    func replace(_ path: String, _ old: String, _ new: String) throws {
        let url = root.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(text.contains(old))
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
    }

    func append(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try Data((try String(contentsOf: url, encoding: .utf8) + text).utf8).write(to: url)
    }

    func testTheSameInputGivesTheSameBytes() throws {
        XCTAssertEqual(try html(), try html())
    }

    func matches(of pattern: String, in text: String) -> [String] {
        guard let re = try? NSRegularExpression(pattern: pattern) else { return [] }
        let ns = text as NSString
        return re.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) }
    }
}
