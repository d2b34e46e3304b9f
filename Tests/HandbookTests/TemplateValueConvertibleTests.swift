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

    /// The sheets and summary rows of the catalogue and the procedures, full and bare.
    func testTheSheetsWriteWhatTheirEncodingWrites() {
        let text = TextView(text: "Acollida", lang: "ca")
        let link = LinkView(link_anchor: "service-x", label: text)
        let links = LinksView(items: [.init(link: link, separator: "")])
        let body = BodyView(html: "<p>Cos</p>", id: "x", path: "model/services/x.md", fallback: false, lang: "ca")
        let local = LocalView(model_value: "Model: 3 dies")
        let adoption = CatalogueView.Adoption(kind: "core", label: "Bàsic")
        assertSame(adoption)
        assertSame(CatalogueView.Summary(link: link, area: text, adoption: adoption, owner: link))
        assertSame(CatalogueView.Summary(link: link, area: nil, adoption: adoption, owner: nil))
        let field = CatalogueView.Field(field: "duration", label: "Durada", value: "3 dies", local: true, note: local)
        let bare = CatalogueView.Field(field: "cost", label: "Cost", value: "—", local: false, note: nil)
        assertSame(field)
        assertSame(bare)
        assertSame(CatalogueView.Sheet(number: "4.1", title: text, anchor: "service-x", adoption: adoption,
                                       local_note: "Servei propi", adopted_note: "Adoptat a seeds/x/adaptation.yaml:3",
                                       rows: [field, bare], body: body, meta: "Versió 1.0", source: "model/services/x.md"))
        assertSame(CatalogueView.Sheet(number: "4.2", title: text, anchor: "service-y", adoption: adoption, local_note: nil,
                                       adopted_note: nil, rows: [], body: body, meta: "", source: ""))
        let owner = ProceduresView.Owner(role: link, is_local: true, model_role: "Model: <a>x</a>", source: "seeds/x/staffing.yaml:4")
        let plainOwner = ProceduresView.Owner(role: nil, is_local: false, model_role: nil, source: nil)
        assertSame(owner)
        assertSame(plainOwner)
        assertSame(ProceduresView.Summary(link: link, type: "Procediment", owner: owner, steps: "3", variant: true))
        let step = ProceduresView.Step(number: "1", id: "s1", role: link, role_local: local, action: text, output: text,
                                       time_limit: "2 dies", time_limit_local: local, new_step: "Pas local")
        let bareStep = ProceduresView.Step(number: "2", id: "s2", role: nil, role_local: nil, action: nil, output: nil,
                                           time_limit: "—", time_limit_local: nil, new_step: nil)
        assertSame(step)
        assertSame(bareStep)
        assertSame(ProceduresView.Sheet(number: "5.1", title: text, anchor: "procedure-x", type: "Procediment", variant: true,
                                        variant_note: "Variant local", variant_source: "seeds/x/procedures/x.md", purpose: text,
                                        trigger: text, owner: owner, services: links, steps: [step, bareStep], escalation: text,
                                        legal: "<ul><li>Llei</li></ul>", indicators: links, body: body, meta: "Versió 1.0",
                                        source: "model/procedures/x.md"))
        assertSame(ProceduresView.Sheet(number: "5.2", title: text, anchor: "procedure-y", type: "Procediment", variant: false,
                                        variant_note: nil, variant_source: nil, purpose: nil, trigger: nil, owner: plainOwner,
                                        services: nil, steps: [], escalation: nil, legal: nil, indicators: nil, body: nil,
                                        meta: nil, source: nil))
    }

    /// The encoder takes a convertible value's own `templateValue`, nested or not.
    func testTheEncoderUsesTheConvertibleValue() {
        let heading = HeadingView(number: "1", title: TextView(text: "Títol", lang: "ca"), anchor: "a")
        XCTAssertEqual(String(describing: TemplateValue.of(heading)), String(describing: heading.templateValue))
        XCTAssertEqual(String(describing: TemplateValue.of([heading])), String(describing: TemplateValue.list([heading.templateValue])))
    }
}
