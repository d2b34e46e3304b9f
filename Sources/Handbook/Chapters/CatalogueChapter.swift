import Presentation
import Foundation
import Loading
import Model
import Rendering
import Resolution

/// The view model of `chapters/catalogue`: a summary table, then one sheet per service
/// of the municipality's view, in the order of the model's areas. Every value the
/// municipality changed carries the "Local" mark and the model's value; a local service
/// is marked as a whole.
public struct CatalogueView: ChapterView {
    /// The adoption of a service: `core`, `recommended`, `adopted` or `local-service`
    /// (the badge's class), and its label.
    public struct Adoption: ViewModel, Hashable {
        public var kind: String
        public var label: String
    }

    /// A row of the summary table.
    public struct Summary: ViewModel, Hashable {
        /// The service, linked to its sheet.
        public var link: LinkView
        /// The thematic area's name.
        public var area: TextView?
        public var adoption: Adoption
        /// The owner role, linked to the staffing chapter.
        public var owner: LinkView?
    }

    /// A field of a service's sheet: its label and its value as HTML (links, lists,
    /// amounts), with the local mark when the municipality changed it.
    public struct Field: ViewModel, Hashable {
        public var field: String
        public var label: String
        public var value: String
        public var local: Bool
        /// The mark and the model's value (for a field other than the commitments, which
        /// mark each item).
        public var note: LocalView?
    }

    /// The sheet of a service.
    public struct Sheet: ViewModel, Hashable {
        public var number: String
        /// The name, in the handbook's language.
        public var title: TextView
        /// The `id` that cross-references link to.
        public var anchor: String
        public var adoption: Adoption
        public var local_note: String?
        public var adopted_note: String?
        public var rows: [Field]
        /// The Markdown body, rendered, with its document.
        public var body: BodyView
        /// `Versió 1.2, revisada el 3 de març de 2026`.
        public var meta: String
        /// The file of the service (`model/services/x.md`), for the writers.
        public var source: String
        /// Where its template value is kept when the sheet is shown in many handbooks
        /// (`ViewPartCache`); not a member of the template's view.
        var slot = TemplateValueSlot.none

        enum CodingKeys: String, CodingKey {
            case number, title, anchor, adoption, local_note, adopted_note, rows, body, meta, source
        }
    }

    /// The UI strings of the language (`{{ui.key}}`), set by the renderer.
    public var ui: WordTable = [:]
    /// `L'oficina ofereix 12 serveis: 5 de bàsics, … Dels serveis recomanats, …`
    public var intro: String
    /// The sentence that points to the annex of differences (HTML: it holds a link).
    public var omitted_note: String?
    public var summary: [Summary]
    public var sheets: [Sheet]
}

/// Builds the service catalogue.
struct CatalogueChapter: ChapterBuilder {
    /// The fields of a sheet, in order (the body and the name are shown apart).
    static let fields = ["summary", "area", "audience", "format", "channels", "duration", "cost", "requirements",
                         "evidence", "outputs", "commitments", "owner_role", "operator", "competent_authority",
                         "legal_basis", "procedures", "related_services", "indicators"]

    func build(_ c: HandbookContext, number: Int) -> ChapterContent {
        var sections = SectionNumbers(chapter: number)
        let services = CatalogueChapter.ordered(c)
        let m = c.markup
        let summary = services.map { s in
            CatalogueView.Summary(link: c.serviceLinkView(s.id), area: s.fields.string(at: "area").map(c.area),
                                  adoption: adoption(s, c), owner: s.fields.string(at: "owner_role").map(c.roleLinkView))
        }
        let sheets = services.map { s -> CatalogueView.Sheet in
            let heading = sections.next(m.view(s.fields["name"]) ?? m.plainView(s.id), anchor: Anchors.service(s.id))
            let body = c.bodies.render(s.document, anchor: Anchors.service(s.id), headingShift: 2)
                .view(id: s.id, defaultLanguage: c.network.settings.defaultLanguage)
            let make = { () -> CatalogueView.Sheet in
                let meta = c.words("catalogue.version", ["version": s.fields.string(at: "version") ?? "",
                                                         "date": s.fields.string(at: "last_reviewed").map(c.format.date) ?? ""])
                return .init(number: heading.number, title: heading.title, anchor: heading.anchor, adoption: adoption(s, c),
                             local_note: s.adoption == .local ? c.words("catalogue.local_note", ["municipality": c.municipalityName]) : nil,
                             adopted_note: s.adoption == .adopted ? s.adoptedAt.map { c.words("catalogue.adopted_note", ["place": c.place($0)]) } : nil,
                             rows: rows(s, c), body: body, meta: meta, source: s.document.path)
            }
            guard let parts = c.parts, let key = CatalogueChapter.sheetKey(s, number: heading.number, body: body, c, parts: parts)
            else { return make() }
            return parts.part(key) {
                var sheet = make()
                sheet.slot = TemplateValueSlot()
                return sheet
            }
        }
        let view = CatalogueView(
            intro: intro(services, c),
            omitted_note: c.view.omitted.isEmpty ? nil : c.chapter("differences").map {
                c.words("catalogue.omitted_note", ["link": m.link(Anchors.chapter($0.id), m.text($0.title))])
            },
            summary: summary, sheets: sheets)
        return ChapterContent(model: view, sections: sections.sections)
    }

    /// What the sheet of a service is built from, when the municipality did not adapt
    /// the service (no override, not a service of its own): then the sheet is the model's
    /// service in the handbook's language and format (`fixed`: language, format, service,
    /// document, adoption and where it was adopted, number), with its body, and its links
    /// to the municipality's services and procedures, which depend on what the
    /// municipality offers and on its variants' titles. The hash, of the bytes of `fixed`
    /// and `links`, is made once, before the cache's lock is taken; it leaves out the body
    /// (long; equal keys compare its bytes).
    struct SheetKey: Hashable, Sendable {
        let fixed: [String]
        let links: [String]
        let body: BodyView
        let hash: Int

        init(fixed: [String], links: [String], body: BodyView) {
            self.fixed = fixed
            self.links = links
            self.body = body
            var hasher = Hasher()
            ByteKeys.combine(fixed, into: &hasher)
            ByteKeys.combine(links, into: &hasher)
            hash = hasher.finalize()
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }

        static func == (a: SheetKey, b: SheetKey) -> Bool {
            a.hash == b.hash && ByteKeys.equal(a.fixed, b.fixed) && ByteKeys.equal(a.links, b.links)
                && ByteKeys.equal(a.body, b.body)
        }
    }

    /// The key of the sheet of `s`, or nil for an adapted service (its sheet is built
    /// for its handbook alone). The links are those `ValueText` looks up: the values
    /// under `related_services`, `services` and `procedures` at any depth of the
    /// service's fields (the model's document, read once per build).
    static func sheetKey(_ s: ResolvedService, number: String, body: BodyView, _ c: HandbookContext,
                         parts: ViewPartCache) -> SheetKey? {
        guard s.adoption != .local, s.overrides.isEmpty else { return nil }
        let fixed = [c.language, c.markup.format.rawValue, s.id, s.document.path, "\(s.adoption)",
                     s.adoption == .adopted ? s.adoptedAt.map(c.place) ?? "" : "", number]
        let references = parts.references(s.document.path) {
            var found: [(links: String, id: String)] = []
            func walk(_ node: Node, under field: String?) {
                switch node.value {
                case let .mapping(pairs):
                    for pair in pairs { walk(pair.value, under: pair.key.keyText) }
                case let .sequence(items):
                    for item in items { walk(item, under: field) }
                case let .string(id):
                    switch field {
                    case "related_services", "services": found.append(("s", id))
                    case "procedures": found.append(("p", id))
                    default: break
                    }
                default: break
                }
            }
            walk(s.fields, under: nil)
            return found
        }
        let links = references.map { $0.links == "s" ? c.serviceLink($0.id) : c.procedureLink($0.id) }
        return SheetKey(fixed: fixed, links: links, body: body)
    }

    /// `L'oficina ofereix 12 serveis: 5 de bàsics, 4 de recomanats, 1 servei opcional
    /// adoptat i 2 serveis propis. Dels serveis recomanats, el municipi no n'ha omès cap.`
    func intro(_ services: [ResolvedService], _ c: HandbookContext) -> String {
        let counts = Dictionary(grouping: services, by: \.adoption).mapValues(\.count)
        let parts: [(Resolution.Adoption, String)] = [(.core, "catalogue.core"), (.recommended, "catalogue.recommended"),
                                                  (.adopted, "catalogue.adopted"), (.local, "catalogue.local")]
        let phrases = parts.compactMap { adoption, key in counts[adoption].map { c.format.count(key, $0) } }
        return c.format.count("catalogue.intro", services.count, ["parts": c.format.list(phrases)]) + " "
            + c.format.count("catalogue.omitted", c.view.omitted.count)
    }

    /// The services in the order of the model's areas, then by name in the language.
    static func ordered(_ c: HandbookContext) -> [ResolvedService] {
        let items = c.view.services.map { s in (s, c.areaOrder(s.fields.string(at: "area") ?? ""), c.markup.plain(s.fields["name"])) }
        let sort = {
            items.indices.sorted { i, j in
                let a = items[i], b = items[j]
                if a.1 != b.1 { return a.1 < b.1 }
                let order = a.2.compare(b.2, options: [.caseInsensitive, .diacriticInsensitive])
                return order == .orderedSame ? a.0.id < b.0.id : order == .orderedAscending
            }
        }
        let order = c.parts?.order(["services"] + items.map { "\($0.1)\u{0}\($0.0.id)\u{0}\($0.2)" }, sort: sort) ?? sort()
        return order.map { items[$0].0 }
    }

    func adoption(_ s: ResolvedService, _ c: HandbookContext) -> CatalogueView.Adoption {
        switch s.adoption {
        case .core: return .init(kind: "core", label: c.words["badge.core"])
        case .recommended: return .init(kind: "recommended", label: c.words["badge.recommended"])
        case .adopted: return .init(kind: "adopted", label: c.words["badge.adopted"])
        case .local: return .init(kind: "local-service", label: c.words["badge.local_service"])
        }
    }

    /// The rows of a sheet: label, value, and for a local value its badge and the
    /// model's value.
    func rows(_ s: ResolvedService, _ c: HandbookContext) -> [CatalogueView.Field] {
        let values = ValueText(c)
        let model = s.adoption == .local ? nil : s.document.root
        return CatalogueChapter.fields.compactMap { field in
            guard let node = s.fields[field] else { return nil }
            let overrides = s.overrides.filter { $0.path.first == .key(field) }
            let value = field == "commitments" ? commitments(node, model: model?[field], overrides: overrides, c)
                : field == "summary" ? c.markup.text(node) : values.describe(node, key: field)
            let note = overrides.isEmpty || field == "commitments" ? nil
                : c.local(modelValue: values.describe(model?[field], key: field))
            return .init(field: field, label: c.format.label(c.words["field.\(field)"]), value: value,
                         local: !overrides.isEmpty, note: note)
        }
    }

    /// Commitments item by item, each changed one marked local with the model's value.
    func commitments(_ node: Node, model: Node?, overrides: [FieldOverride], _ c: HandbookContext) -> String {
        let values = ValueText(c)
        let items = (node.sequence ?? []).map { item -> String in
            let id = item.string(at: "id") ?? ""
            let changed = overrides.contains { $0.path.count > 1 && $0.path[1] == .key("[\(id)]") }
            var html = values.commitment(item)
            if changed {
                let original = model?.sequence?.first { $0.string(at: "id") == id }
                html += " " + c.markup.local(modelValue: original.map(values.commitment) ?? c.markup.escape(c.words["value.none"]))
            }
            return html
        }
        let removed = overrides.filter(\.removes).compactMap(\.modelValue).map {
            c.markup.deleted(values.commitment($0)) + " " + c.markup.local(modelValue: nil)
        }
        return c.markup.list(items + removed)
    }
}
