import Presentation
import Rendering
@testable import Site
import XCTest

/// The site's views that write their own `TemplateValue` (`TemplateValueConvertible`)
/// give what their `Encodable` conformance gives, with their optionals present and absent.
final class SiteViewValuesTests: XCTestCase {
    func assertSame<T: TemplateValueConvertible & Encodable>(_ value: T, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(String(describing: value.templateValue), String(describing: TemplateValue.encoded(value)),
                       file: file, line: line)
    }

    func testEverySiteViewWritesWhatItsEncodingWrites() {
        let text = TextView(text: "Servei d'acollida <i>", fallback: true, lang: "ca")
        assertSame(text)
        assertSame(TextLink(text, href: "../model/services/welcome.html"))
        let crumb = LayoutView.Crumb(label: "Inici", href: "../index.html")
        assertSame(crumb)
        assertSame(LayoutView.Crumb(label: "Aquesta pàgina", href: nil))
        let nav = LayoutView.NavItem(label: "Oficines", href: "offices.html", current: true, current_value: "page")
        assertSame(nav)
        let language = LayoutView.LanguageLink(code: "es", name: "Español", href: "../es/index.html", current: false)
        assertSame(language)
        func layout(optionals: Bool) -> LayoutView {
            LayoutView(site_title: "Xarxa OAE", site_title_lang: optionals ? "ca" : nil, title: "Oficina", head_title: "Oficina · Xarxa OAE",
                       description: optionals ? "Una oficina" : nil, csp: "default-src 'self'", stylesheet: "../assets/site.css",
                       favicon: "../assets/favicon.svg", styles: optionals ? [.init(href: "../assets/charter.css")] : [],
                       scripts: optionals ? [.init(src: "../assets/search.js")] : [], home_href: "index.html",
                       search_href: optionals ? "search.html" : nil, languages: [language], alternates: optionals ? [language] : [],
                       nav: [nav], breadcrumbs: [crumb], indexed: optionals, search_kind: "Oficina",
                       content: RenderedText("<h1>Oficina</h1>"), fallback_note: !optionals,
                       json_ld: optionals ? RenderedText("{\"@type\":\"GovernmentOffice\"}") : nil, revision: "abc1234",
                       revision_full: "abc1234def", source_date: "25 de novembre de 2026", source_day: "2026-11-25",
                       model_version: "1.2.0", tool_version: "0.9.0", data_href: "data.html",
                       page_address: "https://example.org/ca/offices/x.html", footer_links: [nav])
        }
        assertSame(layout(optionals: true))
        assertSame(layout(optionals: false))
        assertSame(PageView(layout(optionals: true), SiteLanguage(strings: .init(language: "ca", texts: ["nav_home": "Inici"]),
                                                                   localizer: .init(language: "ca", defaultLanguage: "ca"))))
    }

    /// Every page of the example, in every language, has the same bytes when every view is
    /// made through its `Encodable` conformance (`TemplateValue.throughEncodable`): the
    /// views that write their own value write what their encoding writes, wherever the
    /// templates read it.
    func testEveryPageOfTheExampleIsTheSameThroughTheEncoder() throws {
        let tree = try SiteTree(example: true)
        defer { tree.remove() }
        let input = try tree.input()
        let own = try sitePages(input)
        TemplateValue.throughEncodable = true
        defer { TemplateValue.throughEncodable = false }
        let encoded = try sitePages(input)
        XCTAssertGreaterThan(own.count, 100)
        XCTAssertEqual(own.keys.sorted(), encoded.keys.sorted())
        for (path, html) in encoded.sorted(by: { $0.key < $1.key }) {
            XCTAssertEqual(own[path], html, path)
        }
    }

    /// Every view of every page of the example, and of an agreement extended, writes the
    /// value its encoding writes, field for field (`TemplateValue.comparingEncodable`): a
    /// field left out where the example has it false or empty renders the same bytes, and
    /// only its value shows it (session 27: an agreement's extension was left out).
    func testEveryViewValueOfTheExampleIsItsEncoding() throws {
        let tree = try SiteTree(example: true)
        defer { tree.remove() }
        try tree.replace("seeds/agreements/knowledge-transfer-2025.yaml", "valid_until: 2029-07-13", "valid_until: 2030-07-13\nextended_on: 2025-09-01")
        let input = try tree.input()
        TemplateValue.comparingEncodable = true
        defer { TemplateValue.comparingEncodable = false }
        _ = TemplateValue.mismatchedTypes()
        XCTAssertGreaterThan(try sitePages(input).count, 100)
        XCTAssertEqual(TemplateValue.mismatchedTypes(), [])
    }
}
