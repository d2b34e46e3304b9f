import Presentation
import Loading
import Model
import Rendering
import Resolution

/// The rows of a table of a chapter, or nil when there are none (the template then
/// says so).
public struct Rows<Row: ViewModel & Hashable>: ViewModel, Hashable {
    public var rows: [Row]

    static func of(_ rows: [Row]) -> Rows? { rows.isEmpty ? nil : Rows(rows: rows) }
}

/// The view model of `chapters/differences`, the annex of differences from the model:
/// everything the municipality decided, each with where it is written. Links to the
/// handbook's sheets and rendered values are HTML that oae made; `source` is the
/// file:line of the decision.
public struct DifferencesView: ChapterView {
    /// A fact of the approach: the model version adapted.
    public struct Fact: ViewModel, Hashable {
        public var label: String
        public var value: String
        /// Where the municipality wrote it (`file:line`).
        public var source: String
    }

    /// A service adopted, or a local service (with its summary).
    public struct Service: ViewModel, Hashable {
        /// The service, linked to its sheet.
        public var service: LinkView
        /// The field of the same name, in the handbook's language.
        public var summary: TextView?
        /// Where the municipality wrote it (`file:line`).
        public var source: String
    }

    /// A recommended service the municipality omitted, with its reason.
    public struct Omission: ViewModel, Hashable {
        public var service: TextView
        /// `Recomanat`.
        public var status: String
        public var reason: TextView?
        /// Where the municipality wrote it (`file:line`).
        public var source: String
    }

    /// A value the municipality changed: the model's value and the local one (HTML).
    public struct Override: ViewModel, Hashable {
        /// The service, procedure or indicator, linked.
        public var document: LinkView
        /// `Compromisos › first-appointment › Objectiu`.
        public var field: String
        public var model: String
        public var local: String
        /// Where the municipality wrote it (`file:line`).
        public var source: String
    }

    /// A local procedure variant and the model procedure it replaces.
    public struct Variant: ViewModel, Hashable {
        public var procedure: LinkView
        public var replaces: TextView
        /// Where the municipality wrote it (`file:line`).
        public var source: String
    }

    /// A procedure with a local owner.
    public struct Owner: ViewModel, Hashable {
        public var procedure: LinkView
        public var owner: LinkView
        public var model_owner: LinkView?
        /// Where the municipality wrote it (`file:line`).
        public var source: String
    }

    /// A target the agency set for the office as an exception, with its reason.
    public struct AgencyTarget: ViewModel, Hashable {
        public var indicator: LinkView
        /// The model's target and the agency's (`com a mínim 20 al trimestre`).
        public var model: String
        public var agency: String
        public var reason: TextView?
        /// Where it is written (`file:line`).
        public var source: String
    }

    /// The UI strings of the language (`{{ui.key}}`), set by the renderer.
    public var ui: WordTable = [:]
    /// The heading of the section.
    public var approach: HeadingView
    public var facts: [Fact]
    public var notes: ParagraphsView?
    public var notes_source: String?
    /// Said instead when there is nothing to list.
    public var no_adaptation: String?
    /// The heading of the section.
    public var adopted: HeadingView
    /// The table's rows; nil when there are none (the template says so).
    public var adopted_table: Rows<Service>?
    /// Said instead when there is nothing to list.
    public var no_adopted: String
    /// The heading of the section.
    public var omitted: HeadingView
    /// The table's rows; nil when there are none (the template says so).
    public var omitted_table: Rows<Omission>?
    /// Said instead when there is nothing to list.
    public var no_omitted: String
    /// The heading of the section.
    public var overrides: HeadingView
    /// The table's rows; nil when there are none (the template says so).
    public var override_table: Rows<Override>?
    /// Said instead when there is nothing to list.
    public var no_overrides: String
    /// The heading of the section.
    public var local_services: HeadingView
    /// The table's rows; nil when there are none (the template says so).
    public var local_service_table: Rows<Service>?
    /// Said instead when there is nothing to list.
    public var no_local_services: String
    /// The heading of the section.
    public var variants: HeadingView
    /// The table's rows; nil when there are none (the template says so).
    public var variant_table: Rows<Variant>?
    /// Said instead when there is nothing to list.
    public var no_variants: String
    /// The heading of the section.
    public var owners: HeadingView
    /// The table's rows; nil when there are none (the template says so).
    public var owner_table: Rows<Owner>?
    /// Said instead when there is nothing to list.
    public var no_owners: String
    /// The heading of the agency's targets, only when the agency set any.
    public var agency_targets: HeadingView?
    public var agency_target_table: Rows<AgencyTarget>?
}

/// Builds the annex of differences from the model: optional services adopted,
/// recommended services omitted (with the reason), every overridden value (model value
/// → local value), local services, local procedure variants and local procedure owners.
struct DifferencesChapter: ChapterBuilder {
    func build(_ c: HandbookContext, number: Int) -> ChapterContent {
        var sections = SectionNumbers(chapter: number)
        let m = c.markup
        let values = ValueText(c)
        let adaptation = c.view.files.adaptation
        func heading(_ key: String, _ anchor: String) -> HeadingView { sections.next(m.plainView(c.words[key]), anchor: anchor) }

        let approach = heading("differences.approach", "differences-approach")
        let facts = adaptation?.root?["base_model_version"].map { base in
            [DifferencesView.Fact(label: c.words["control.model_version"],
                                  value: c.words("differences.base_version_value", ["base": base.string ?? "", "current": c.network.settings.version]),
                                  source: c.place(base.span))]
        } ?? []
        let notes = adaptation?.root?["notes"]

        let adopted = heading("differences.adopted", "differences-adopted")
        let adoptedRows = c.view.services.filter { $0.adoption == .adopted }.map {
            DifferencesView.Service(service: c.serviceLinkView($0.id), source: $0.adoptedAt.map(c.place) ?? "")
        }

        let omitted = heading("differences.omitted", "differences-omitted")
        let omittedRows = c.view.omitted.map { o in
            let doc = c.network.modelDocument(.service, o.service)
            return DifferencesView.Omission(service: doc.flatMap { m.view($0.root?["name"]) } ?? m.plainView(o.service),
                                            status: c.words["badge.\(doc?.root?.string(at: "status") ?? "recommended")"],
                                            reason: o.reason.map(m.view(localized:)), source: c.place(o.span))
        }

        let overrides = heading("differences.overrides", "differences-overrides")
        var rows: [DifferencesView.Override] = []
        for s in c.view.services { rows += overrideRows(s.overrides, link: c.serviceLinkView(s.id), values: values, c) }
        for p in c.view.procedures { rows += overrideRows(p.overrides, link: c.procedureLinkView(p.id), values: values, c) }
        for i in c.view.indicators {
            rows += overrideRows(i.overrides, link: c.indicatorLinkView(i.id), values: values, unit: i.fields.string(at: "unit"), c)
        }

        let localServices = heading("differences.local_services", "differences-local-services")
        let localRows = c.view.services.filter { $0.adoption == .local }.map {
            DifferencesView.Service(service: c.serviceLinkView($0.id), summary: m.view($0.fields["summary"]), source: $0.document.path)
        }

        let variants = heading("differences.variants", "differences-variants")
        let variantRows = c.view.procedures.compactMap { p -> DifferencesView.Variant? in
            guard let variant = p.variant else { return nil }
            return .init(procedure: c.procedureLinkView(p.id),
                         replaces: p.model.flatMap { m.view($0.root?["title"]) } ?? m.plainView(c.words["differences.new_procedure"]),
                         source: variant.path)
        }

        let owners = heading("differences.owners", "differences-owners")
        let ownerRows = c.view.procedures.compactMap { p -> DifferencesView.Owner? in
            // Only an owner that differs from the model's is a difference.
            guard let owner = p.localOwner, owner.role != ProceduresChapter.modelOwner(p) else { return nil }
            return .init(procedure: c.procedureLinkView(p.id), owner: c.roleLinkView(owner.role),
                         model_owner: ProceduresChapter.modelOwner(p).map(c.roleLinkView), source: c.place(owner.span))
        }

        // Targets the agency set for this office (`agency_targets`), with their reasons.
        var agencyRows: [DifferencesView.AgencyTarget] = []
        for item in adaptation?.root?.sequence(at: "agency_targets") ?? [] {
            guard let id = item.string(at: "indicator"), let ind = c.view.indicators.first(where: { $0.id == id }),
                  let target = IndicatorResults.target(ind, in: c.view, network: c.network) else { continue }
            let unit = ind.fields.string(at: "unit")
            let model = ind.fields["target"].flatMap { t -> String? in
                guard let v = t["value"]?.number, let d = t.string(at: "direction") else { return nil }
                let period = t.string(at: "period") ?? TargetPeriod(frequency: ind.fields.string(at: "frequency"))?.rawValue ?? "quarter"
                return c.format.target(v, direction: d, period: period, unit: unit, additive: target.additive)
            } ?? "—"
            agencyRows.append(.init(indicator: c.indicatorLinkView(id), model: m.escape(model),
                                    agency: m.escape(c.format.target(target.value, direction: target.direction.rawValue,
                                                                     period: target.period.rawValue, unit: unit, additive: target.additive)),
                                    reason: m.view(item["reason"]), source: c.place(item.span)))
        }
        let agencyHeading = agencyRows.isEmpty ? nil : heading("differences.agency_targets", "differences-agency-targets")

        let view = DifferencesView(
            approach: approach, facts: facts, notes: m.paragraphsView(notes), notes_source: notes.map { c.place($0.span) },
            no_adaptation: adaptation == nil ? c.words["differences.no_adaptation"] : nil,
            adopted: adopted, adopted_table: .of(adoptedRows), no_adopted: c.words["differences.none_adopted"],
            omitted: omitted, omitted_table: .of(omittedRows), no_omitted: c.words["differences.none_omitted"],
            overrides: overrides, override_table: .of(rows), no_overrides: c.words["differences.none_overrides"],
            local_services: localServices, local_service_table: .of(localRows),
            no_local_services: c.words["differences.none_local_services"],
            variants: variants, variant_table: .of(variantRows), no_variants: c.words["differences.none_variants"],
            owners: owners, owner_table: .of(ownerRows),
            // Owners named, each the model's own: they are named, and none differs (session
            // 35's trial read "has not named local owners" beside six named).
            no_owners: c.words[c.view.procedures.contains { $0.localOwner != nil } ? "differences.same_owners" : "differences.none_owners"],
            agency_targets: agencyHeading, agency_target_table: .of(agencyRows))
        return ChapterContent(model: view, sections: sections.sections)
    }

    func overrideRows(_ overrides: [FieldOverride], link: LinkView, values: ValueText, unit: String? = nil,
                      _ c: HandbookContext) -> [DifferencesView.Override] {
        overrides.map { o in
            let key = DifferencesChapter.valueKey(o)
            let model = o.modelValue.map { values.describe($0, key: key, parent: o.parent, unit: unit) }
                ?? c.markup.escape(c.words["value.none"])
            let local = o.removes ? c.markup.escape(c.words["differences.removed"])
                : values.describe(o.localValue, key: key, parent: o.parent, unit: unit)
            return .init(document: link, field: fieldLabel(o, c), model: model, local: local, source: c.place(o.localValue.span))
        }
    }

    /// The key a value is described by: the last named key of its path.
    static func valueKey(_ o: FieldOverride) -> String {
        for step in o.path.reversed() {
            if case let .key(k) = step, !k.hasPrefix("[") { return k }
        }
        return ""
    }

    /// `Compromisos › Dies fins a la primera cita › Objectiu`: the field's words, a list
    /// item named by its own name (its metric, title or name), never by its id.
    func fieldLabel(_ o: FieldOverride, _ c: HandbookContext) -> String {
        o.path.map { step -> String in
            switch step {
            case let .key(k) where k.hasPrefix("["):
                let id = String(k.dropFirst().dropLast())
                let item = [o.parent, o.localValue, o.modelValue].compactMap { $0 }.first { $0.string(at: "id") == id }
                let name = ["metric", "name", "title", "label", "action"].lazy.compactMap { item?[$0] }
                    .map { c.markup.plain($0) }.first { !$0.isEmpty }
                return name ?? id
            case let .key(k): return c.words.has("field.\(k)") ? c.words["field.\(k)"] : k
            case let .index(i): return String(i + 1)
            }
        }.joined(separator: " › ")
    }
}
