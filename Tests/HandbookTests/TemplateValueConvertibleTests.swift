import Foundation
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

    /// A sheet kept for many handbooks writes its value once, shared: what its encoding writes.
    func testASharedSheetWritesItsValueOnce() throws {
        let text = TextView(text: "Acollida", lang: "ca")
        let body = BodyView(html: "<p>Cos</p>", id: "x", path: "model/services/x.md", fallback: false, lang: "ca")
        var sheet = CatalogueView.Sheet(number: "4.1", title: text, anchor: "service-x",
                                        adoption: .init(kind: "core", label: "Bàsic"), local_note: nil, adopted_note: nil,
                                        rows: [], body: body, meta: "Versió 1.0", source: "model/services/x.md")
        let plain = sheet
        sheet.slot = TemplateValueSlot()
        guard case let .shared(first) = sheet.templateValue, case let .shared(again) = sheet.templateValue else {
            return XCTFail("a sheet with a slot writes a shared value")
        }
        XCTAssertTrue(first === again)
        XCTAssertEqual(String(describing: first.value), String(describing: TemplateValue.encoded(sheet)))
        XCTAssertEqual(String(describing: plain.templateValue), String(describing: first.value))
        // The slot is not part of the sheet's identity, nor of its template's names.
        XCTAssertEqual(sheet, plain)
        XCTAssertEqual(sheet.hashValue, plain.hashValue)
        guard case let .object(services) = ViewShape.of(CatalogueView.Sheet.self),
              case let .object(names) = ViewShape.of(ProceduresView.Sheet.self) else { return XCTFail("objects") }
        XCTAssertEqual(services.keys.sorted(), ["adopted_note", "adoption", "anchor", "body", "local_note", "meta", "number",
                                                "rows", "source", "title"])
        XCTAssertNil(names["slot"])
        XCTAssertEqual(names.count, 18)
        var procedure = ProceduresView.Sheet(number: "5.2", title: text, anchor: "procedure-y", type: "Procediment", variant: false,
                                             variant_note: nil, variant_source: nil, purpose: nil, trigger: nil,
                                             owner: .init(role: nil, is_local: false, model_role: nil, source: nil),
                                             services: nil, steps: [], escalation: nil, legal: nil, indicators: nil, body: nil,
                                             meta: nil, source: nil)
        procedure.slot = TemplateValueSlot()
        guard case let .shared(value) = procedure.templateValue else { return XCTFail("a shared value") }
        XCTAssertEqual(String(describing: value.value), String(describing: TemplateValue.encoded(procedure)))
    }

    /// The value with every shared value read as what it holds (to compare contents).
    static func plain(_ value: TemplateValue) -> TemplateValue {
        switch value {
        case let .shared(shared): return plain(shared.value)
        case let .list(items): return .list(items.map(plain))
        case let .object(members): return .object(members.map { .init(name: $0.name, value: plain($0.value)) })
        default: return value
        }
    }

    /// The page and the chapters that write their own value write what their encoding
    /// writes, for every handbook of the example (four offices, three languages, HTML and
    /// Typst), sheets shared or not.
    func testEveryPageAndChapterOfTheExampleWritesWhatItsEncodingWrites() throws {
        let root = try HandbookTestSupport.exampleTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = HandbookTestSupport.input(root)
        let (renderer, problems) = HandbookRenderer.load(input)
        XCTAssertEqual(problems, [])
        var compared: [String: Int] = [:]
        for format in [MarkupFormat.html, .typst] {
            for view in input.resolved {
                for language in input.languages {
                    var (page, models) = renderer.document(view, language: language, format: format)
                    for i in page.chapters.indices { page.chapters[i].html = RenderedText("<p>\(i) &amp; é</p>") }
                    XCTAssertEqual(String(describing: page.templateValue), String(describing: TemplateValue.encoded(page)))
                    compared["page", default: 0] += 1
                    for model in models {
                        guard let own = model as? any TemplateValueConvertible else { continue }
                        XCTAssertEqual(String(describing: Self.plain(own.templateValue)),
                                       String(describing: Self.plain(TemplateValue.encoded(model))),
                                       "\(view.slug)/\(language)/\(format) \(type(of: model))")
                        compared["\(type(of: model))", default: 0] += 1
                    }
                }
            }
        }
        let each = 2 * input.resolved.count * input.languages.count
        XCTAssertEqual(compared, ["page": each, "CatalogueView": each, "ProceduresView": each, "StaffingView": each,
                                  "IndicatorsView": each, "CommunicationView": each, "OfficeView": each,
                                  "DifferencesView": each, "ControlView": each])
    }

    /// The encoder takes a convertible value's own `templateValue`, nested or not.
    func testTheEncoderUsesTheConvertibleValue() {
        let heading = HeadingView(number: "1", title: TextView(text: "Títol", lang: "ca"), anchor: "a")
        XCTAssertEqual(String(describing: TemplateValue.of(heading)), String(describing: heading.templateValue))
        XCTAssertEqual(String(describing: TemplateValue.of([heading])), String(describing: TemplateValue.list([heading.templateValue])))
    }

    /// The rows of the staffing, communication and indicators chapters, full and bare.
    func testTheChapterRowsWriteWhatTheirEncodingWrites() {
        let text = TextView(text: "Tècnic/a", lang: "ca")
        let link = LinkView(link_anchor: "role-tecnic", label: text)
        let links = LinksView(items: [.init(link: link, separator: "")])
        let rows = Rows(rows: [text, TextView(text: "Dos", lang: "ca")])
        let local = LocalView(model_value: "Model: 80 %")
        assertSame(rows)
        assertSame(StaffingView.RecruitmentRow(post: "coord-1", post_role: "Coordinador/a", system: "Concurs", job_group: "A1",
                                               catalan_level: "C1", rules_approved: "1 de març", call_published: "",
                                               selection: "maig", start: "juny"))
        assertSame(StaffingView.Post(post: "tec-1", role: link, fte: "1", start: "1 de juny de 2026", modules: "2"))
        assertSame(StaffingView.Post(post: "tec-2", role: nil, fte: "0,5", start: "", modules: "0"))
        assertSame(StaffingView.Minimum(role: link, minimum: "2", have: "1", short: true))
        assertSame(StaffingView.Role(anchor: "role-tecnic", title: text, mission: text, responsibilities: rows, profile: text,
                                     dedication: text, reports_to: link, owns_services: links, owns_procedures: links,
                                     takes_part: links))
        assertSame(StaffingView.Role(anchor: "role-x", title: nil, mission: nil, responsibilities: nil, profile: nil,
                                     dedication: nil, reports_to: nil, owns_services: nil, owns_procedures: nil, takes_part: nil))
        assertSame(StaffingView.Training(post: "tec-1", post_role: "Tècnic/a (2)", module: link, hours: "12", planned: "3/26",
                                         completed: "—", status: "Pendent", status_class: "pending"))
        assertSame(StaffingView.Module(anchor: "module-x", title: text, description: text, facts: "12 hores", roles: links,
                                       outcomes: rows, contents: rows))
        assertSame(StaffingView.Module(anchor: "module-y", title: nil, description: nil, facts: "", roles: nil,
                                       outcomes: nil, contents: nil))
        assertSame(CommunicationView.Item(anchor: "audience-x", name: text, description: text, required: "Sí"))
        assertSame(CommunicationView.Item(anchor: "channel-x", name: nil, description: nil, required: nil))
        assertSame(CommunicationView.Message(audience: link, text: text))
        assertSame(CommunicationView.Message(audience: nil, text: nil))
        let action = CommunicationView.Action(date: "març", title: text, description: text, message: text, indicator: link,
                                              audience: link, channel: link, owner: link, budget: "300 €")
        let bareAction = CommunicationView.Action(date: "", title: nil, description: nil, message: nil, indicator: nil,
                                                  audience: nil, channel: nil, owner: nil, budget: "")
        assertSame(action)
        assertSame(bareAction)
        assertSame(CommunicationView.Month(month: "Març de 2026", anchor: "month-2026-03", actions: [action, bareAction]))
        assertSame(IndicatorsView.Indicator(anchor: "indicator-x", name: text, definition: text, unit: "%", type: "Resultat",
                                            frequency: "Trimestral", target: "com a mínim 80 %", target_local: local,
                                            target_source: "seeds/x/indicators.yaml:3", source: text))
        assertSame(IndicatorsView.Indicator(anchor: "indicator-y", name: nil, definition: nil, unit: "", type: "", frequency: "",
                                            target: "", target_local: nil, target_source: nil, source: nil))
        assertSame(IndicatorsView.Column(label: "T2 2026"))
        let cell = IndicatorsView.Cell(value: "82 %", status: "assolit", status_class: "met", note: "1")
        let bareCell = IndicatorsView.Cell(value: "—", status: "", status_class: "no-data", note: nil)
        assertSame(cell)
        assertSame(bareCell)
        assertSame(IndicatorsView.ValueRow(indicator: link, target: "80 %", target_local: local, cells: [cell, bareCell]))
        assertSame(IndicatorsView.ValueRow(indicator: link, target: "", target_local: nil, cells: []))
        assertSame(IndicatorsView.ValueNote(number: "1", quarter: "T2 2026", indicator: text, text: text))
        assertSame(IndicatorsView.ValueNote(number: "2", quarter: "", indicator: nil, text: nil))
        assertSame(IndicatorsView.Report(anchor: "report-x", title: "Informe", submitted: "1 de juliol", file: "r.yaml",
                                         narrative: ParagraphsView(paragraphs: ["Un."], fallback: false, lang: "ca"),
                                         milestones: rows))
        assertSame(IndicatorsView.Report(anchor: "report-y", title: "", submitted: nil, file: "", narrative: nil, milestones: nil))
    }

    /// Every view of every handbook of the example, in every language,
    /// writes the value its encoding writes, field for field (`TemplateValue.comparingEncodable`):
    /// a field left out where the example has it false or empty renders the same bytes, and
    /// only its value shows it (as the site's views are checked, `SiteViewValuesTests`).
    func testEveryViewValueOfTheExampleHandbooksIsItsEncoding() throws {
        let root = try HandbookTestSupport.exampleTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = HandbookTestSupport.input(root)
        let (renderer, problems) = HandbookRenderer.load(input)
        XCTAssertEqual(problems, [])
        TemplateValue.comparingEncodable = true
        defer { TemplateValue.comparingEncodable = false }
        _ = TemplateValue.mismatchedTypes()
        for view in input.resolved {
            for language in input.languages {
                // The Typst templates read the same views: the HTML makes every value once.
                XCTAssertFalse(renderer.render(view, language: language).isEmpty)
            }
        }
        XCTAssertEqual(TemplateValue.mismatchedTypes(), [])
    }
}
