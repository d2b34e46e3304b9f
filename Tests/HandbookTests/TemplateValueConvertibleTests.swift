@testable import Handbook
import Rendering
import XCTest

/// The view values that write their own `TemplateValue` (`TemplateValueConvertible`)
/// give what their `Encodable` conformance gives, with their optionals present and absent.
final class TemplateValueConvertibleTests: XCTestCase {
    func assertSame<T: TemplateValueConvertible & Encodable>(_ value: T, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(String(describing: value.templateValue), String(describing: TemplateValue.encoded(value)),
                       file: file, line: line)
    }

    func testEveryConvertibleViewWritesWhatItsEncodingWrites() {
        let plain = TextView(text: "Servei <d'acollida>", lang: "ca")
        let fallback = TextView(text: "Acollida", fallback: true, lang: "ca", note: "Text pendent de traducció; es mostra en català.")
        assertSame(plain)
        assertSame(fallback)
        assertSame(ParagraphsView(paragraphs: ["Un.", "Dos & tres."], fallback: false, lang: "es"))
        assertSame(ParagraphsView(paragraphs: [], fallback: true, lang: "ca", note: "Nota"))
        assertSame(HeadingView(number: "3.2", title: fallback, anchor: "office-contact"))
        assertSame(BodyView(html: "<p>Hola</p>", id: "company-creation", path: "model/services/company-creation.md",
                            fallback: true, lang: "ca"))
        let link = LinkView(link_anchor: "service-company-creation", label: plain)
        let unlinked = LinkView(link_anchor: nil, xref: false, label: fallback, not_offered: true)
        assertSame(link)
        assertSame(unlinked)
        assertSame(LinksView.Item(link: link, separator: ", "))
        assertSame(LinksView(items: [.init(link: link, separator: " i "), .init(link: unlinked, separator: "")]))
        assertSame(LinksView(items: []))
        assertSame(FactView(label: "Període", value: "2026"))
        assertSame(LocalView(model_value: "Model: 3 dies"))
        assertSame(LocalView(model_value: nil))
    }

    /// The encoder takes a convertible value's own `templateValue`, nested or not.
    func testTheEncoderUsesTheConvertibleValue() {
        let heading = HeadingView(number: "1", title: TextView(text: "Títol", lang: "ca"), anchor: "a")
        XCTAssertEqual(String(describing: TemplateValue.of(heading)), String(describing: heading.templateValue))
        XCTAssertEqual(String(describing: TemplateValue.of([heading])), String(describing: TemplateValue.list([heading.templateValue])))
    }
}
