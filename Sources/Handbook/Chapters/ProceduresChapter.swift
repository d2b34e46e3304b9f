import Presentation
import Foundation
import Loading
import Model
import Rendering
import Resolution

/// The view model of `chapters/procedures`: the attention model and procedures, a
/// summary, then each procedure with its purpose, trigger, owner, steps, escalation and
/// notes. Local variants, local owners and changed steps are marked as local.
public struct ProceduresView: ChapterView {
    /// A procedure's owner role (a link, HTML); a local owner carries the local mark,
    /// and on the sheet the model's owner and where the local one was named.
    public struct Owner: ViewModel, Hashable {
        /// The owner role, linked.
        public var role: LinkView?
        public var is_local: Bool
        /// `Model: <link>` (HTML), when the model's owner differs.
        public var model_role: String?
        public var source: String?
    }

    /// A row of the summary table.
    public struct Summary: ViewModel, Hashable {
        /// The procedure, linked to its sheet.
        public var link: LinkView
        public var type: String
        public var owner: Owner
        public var steps: String
        public var variant: Bool
    }

    /// A step of a procedure.
    public struct Step: ViewModel, Hashable {
        public var number: String
        public var id: String
        /// The role that takes the step, linked.
        public var role: LinkView?
        public var role_local: LocalView?
        public var action: TextView?
        public var output: TextView?
        /// `3 dies`, or `—`.
        public var time_limit: String
        public var time_limit_local: LocalView?
        /// The badge of a step the municipality added or changed (`Pas local`, `Local`).
        public var new_step: String?
    }

    /// The sheet of a procedure.
    public struct Sheet: ViewModel, Hashable {
        public var number: String
        /// The name, in the handbook's language.
        public var title: TextView
        /// The `id` that cross-references link to.
        public var anchor: String
        public var type: String
        public var variant: Bool
        public var variant_note: String?
        /// The file of the local variant (`seeds/x/procedures/y.md`), for the writers.
        public var variant_source: String?
        /// The field of the same name, in the handbook's language.
        public var purpose: TextView?
        /// The field of the same name, in the handbook's language.
        public var trigger: TextView?
        public var owner: Owner
        /// The services it serves, linked.
        public var services: LinksView?
        public var steps: [Step]
        /// The field of the same name, in the handbook's language.
        public var escalation: TextView?
        /// The legal basis (an HTML list of references and links to official sources).
        public var legal: String?
        /// Its indicators, linked.
        public var indicators: LinksView?
        /// The Markdown body, rendered, with its document.
        public var body: BodyView?
        /// `Versió 1.2, revisada el 3 de març de 2026`.
        public var meta: String?
        /// The file of the procedure (`model/procedures/x.md`), for the writers.
        public var source: String?
        /// Where its template value is kept when the sheet is shown in many handbooks
        /// (`ViewPartCache`); not a member of the template's view.
        var slot = TemplateValueSlot.none

        enum CodingKeys: String, CodingKey {
            case number, title, anchor, type, variant, variant_note, variant_source, purpose, trigger, owner, services, steps,
                 escalation, legal, indicators, body, meta, source
        }
    }

    /// The UI strings of the language (`{{ui.key}}`), set by the renderer.
    public var ui: WordTable = [:]
    public var intro: String
    public var summary: [Summary]
    public var sheets: [Sheet]
    /// Labels of the sheet's fields.
    public var owner_label: String
    public var legal_label: String
    public var indicators_label: String
}

/// Builds the procedures chapter.
struct ProceduresChapter: ChapterBuilder {
    func build(_ c: HandbookContext, number: Int) -> ChapterContent {
        var sections = SectionNumbers(chapter: number)
        let m = c.markup
        let values = ValueText(c)
        let procedures = ProceduresChapter.ordered(c)
        func type(_ p: ResolvedProcedure) -> String { c.words["procedure.type.\(p.fields.string(at: "type") ?? "procedure")"] }
        let summary = procedures.map { p in
            ProceduresView.Summary(link: c.procedureLinkView(p.id), type: type(p), owner: owner(p, c, detail: false),
                                   steps: String(p.fields.sequence(at: "steps")?.count ?? 0), variant: p.variant != nil)
        }
        let sheets = procedures.map { p -> ProceduresView.Sheet in
            let heading = sections.next(m.view(p.fields["title"]) ?? m.plainView(p.id), anchor: Anchors.procedure(p.id))
            let doc = p.variant ?? p.model
            let body = doc.map { c.bodies.render($0, anchor: Anchors.procedure(p.id), headingShift: 2)
                .view(id: $0.id, defaultLanguage: c.network.settings.defaultLanguage) }
            let services = ids(p.fields["services"]).map(c.serviceLinkView)
            let make = { () -> ProceduresView.Sheet in
                let variantNote = p.variant.map { _ in
                    p.model.map { model in
                        c.words("procedure.variant_note", ["municipality": c.municipalityName, "model": m.plain(model.root?["title"])])
                    } ?? c.words("procedure.local_note", ["municipality": c.municipalityName])
                }
                let legal = p.fields["legal_basis"].flatMap { ($0.sequence ?? []).isEmpty ? nil : values.describe($0, key: "legal_basis") }
                return ProceduresView.Sheet(
                    number: heading.number, title: heading.title, anchor: heading.anchor, type: type(p),
                    variant: p.variant != nil, variant_note: variantNote, variant_source: p.variant?.path,
                    purpose: m.view(p.fields["purpose"]), trigger: m.view(p.fields["trigger"]), owner: owner(p, c),
                    services: c.links(services), steps: steps(p, c),
                    escalation: m.view(p.fields["escalation"]), legal: legal,
                    indicators: c.links(ids(p.fields["indicators"]).map(c.indicatorLinkView)),
                    body: body,
                    meta: doc.map { _ in c.words("catalogue.version", ["version": p.fields.string(at: "version") ?? "",
                                                                  "date": p.fields.string(at: "last_reviewed").map(c.format.date) ?? ""]) },
                    source: doc?.path)
            }
            // A model procedure the municipality did not adapt (no override, no variant, no
            // owner of its own) is the model's in the language and format, with its number,
            // body and links to the municipality's services: built once for all of those.
            guard let parts = c.parts, let model = p.model, p.variant == nil, p.overrides.isEmpty, p.localOwner == nil
            else { return make() }
            let key = SheetKey(fixed: [c.language, c.markup.format.rawValue, p.id, model.path, heading.number],
                               services: services, body: body)
            return parts.part(key) {
                var sheet = make()
                sheet.slot = TemplateValueSlot()
                return sheet
            }
        }
        let view = ProceduresView(intro: c.format.count("procedure.intro", procedures.count), summary: summary, sheets: sheets,
                                  owner_label: c.format.label(c.words["field.owner_role"]),
                                  legal_label: c.words["field.legal_basis"], indicators_label: c.words["field.indicators"])
        return ChapterContent(model: view, sections: sections.sections)
    }

    /// What the sheet of a model procedure the municipality did not adapt is built from:
    /// the language, format, procedure, document and number (`fixed`), the links to the
    /// municipality's services, and the body. The hash leaves out the body (long; equal
    /// keys compare its bytes).
    struct SheetKey: Hashable, Sendable {
        let fixed: [String]
        let services: [LinkView]
        let body: BodyView?
        /// Of the bytes of `fixed` and `services`, made once, before the cache's lock is taken.
        let hash: Int

        init(fixed: [String], services: [LinkView], body: BodyView?) {
            self.fixed = fixed
            self.services = services
            self.body = body
            var hasher = Hasher()
            ByteKeys.combine(fixed, into: &hasher)
            hasher.combine(services.count)
            for link in services { ByteKeys.combine(link, into: &hasher) }
            hash = hasher.finalize()
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }

        static func == (a: SheetKey, b: SheetKey) -> Bool {
            a.hash == b.hash && ByteKeys.equal(a.fixed, b.fixed) && a.services.count == b.services.count
                && zip(a.services, b.services).allSatisfy { ByteKeys.equal($0, $1) } && ByteKeys.equal(a.body, b.body)
        }
    }

    /// The ids of a list field (or of a single id).
    func ids(_ node: Node?) -> [String] {
        node?.sequence?.compactMap(\.string) ?? node?.string.map { [$0] } ?? []
    }

    /// Procedures before methodologies, then by title in the language.
    static func ordered(_ c: HandbookContext) -> [ResolvedProcedure] {
        let items = c.view.procedures.map { p in (p, p.fields.string(at: "type") == "methodology" ? 1 : 0, c.markup.plain(p.fields["title"])) }
        let sort = {
            items.indices.sorted { i, j in
                let a = items[i], b = items[j]
                if a.1 != b.1 { return a.1 < b.1 }
                let order = a.2.compare(b.2, options: [.caseInsensitive, .diacriticInsensitive])
                return order == .orderedSame ? a.0.id < b.0.id : order == .orderedAscending
            }
        }
        let order = c.parts?.order(["procedures"] + items.map { "\($0.1)\u{0}\($0.0.id)\u{0}\($0.2)" }, sort: sort) ?? sort()
        return order.map { items[$0].0 }
    }

    /// The owner role; the municipality's local owner, when it named one, marked local.
    func owner(_ p: ResolvedProcedure, _ c: HandbookContext, detail: Bool = true) -> ProceduresView.Owner {
        let modelOwner = ProceduresChapter.modelOwner(p)
        guard let local = p.localOwner else {
            return .init(role: modelOwner.map(c.roleLinkView), is_local: false)
        }
        // "Local" only where the municipality's owner differs from the model's.
        let differs = modelOwner != local.role
        guard detail else { return .init(role: c.roleLinkView(local.role), is_local: differs) }
        let model = modelOwner.flatMap { $0 == local.role ? nil : c.markup.sentence("badge.model_value", ["value": c.roleLink($0)]) }
        return .init(role: c.roleLinkView(local.role), is_local: differs, model_role: model, source: c.place(local.span))
    }

    /// The owner the model gives the procedure (the variant's own when it has no model).
    static func modelOwner(_ p: ResolvedProcedure) -> String? {
        (p.model?.root ?? p.fields).string(at: "owner_role")
    }

    /// The steps, each with what the municipality changed: an override of a model step,
    /// or a step of a local variant that differs from the model's step of the same id.
    func steps(_ p: ResolvedProcedure, _ c: HandbookContext) -> [ProceduresView.Step] {
        let values = ValueText(c)
        let modelSteps = p.model?.root?.sequence(at: "steps") ?? []
        // What each override names below the steps: the step (`[id]`) and the field, if any;
        // read once, not once per step and field.
        let overridden = p.overrides.compactMap { o -> (step: PathComponent, field: PathComponent?)? in
            o.path.count > 1 ? (o.path[1], o.path.count > 2 ? o.path[2] : nil) : nil
        }
        return (p.fields.sequence(at: "steps") ?? []).enumerated().map { i, step in
            let id = step.string(at: "id") ?? ""
            let stepKey = PathComponent.key("[\(id)]")
            let modelStep = modelSteps.first { $0.string(at: "id") == id }
            var row = ProceduresView.Step(
                number: String(i + 1), id: id, role: step.string(at: "role").map(c.roleLinkView),
                action: c.markup.view(step["action"]), output: c.markup.view(step["output"]),
                time_limit: step.string(at: "time_limit").map(c.format.duration) ?? "—")
            var changed: [String] = []
            let here = overridden.filter { $0.step == stepKey }.map(\.field)
            for key in ["role", "time_limit"] {
                let overridden = here.contains { $0 == .key(key) }
                let differs = p.variant != nil && modelStep != nil && modelStep?.string(at: key) != step.string(at: key)
                if overridden || differs {
                    let mark = c.local(modelValue: values.describe(modelStep?[key], key: key))
                    if key == "role" { row.role_local = mark } else { row.time_limit_local = mark }
                    changed.append(key)
                }
            }
            if p.model != nil, modelStep == nil {
                row.new_step = c.words["procedure.new_step"]
            } else if here.contains(where: { !changed.contains($0?.description ?? "") }) {
                row.new_step = c.words["badge_local"]
            }
            return row
        }
    }
}
