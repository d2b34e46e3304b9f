import Loading
import Model
import Rendering
import Resolution

/// The annex of differences from the model: everything the municipality decided, each
/// with where it is written — optional services adopted, recommended services omitted
/// (with the reason), every overridden value (model value → local value), local
/// services, local procedure variants and local procedure owners.
struct DifferencesChapter: ChapterBuilder {
    func build(_ c: HandbookContext, number: Int) -> ChapterContent {
        var sections = SectionNumbers(chapter: number)
        let m = c.markup
        let values = ValueText(c)
        let adaptation = c.view.files.adaptation
        var data: [String: Any] = [:]

        data["approach"] = sections.next(m.escape(c.words["differences.approach"]), anchor: "differences-approach")
        var facts: [[String: Any]] = []
        if let base = adaptation?.root?["base_model_version"] {
            facts.append(["label": c.words["differences.base_version"],
                          "value": m.escape(c.words("differences.base_version_value", ["base": base.string ?? "", "current": c.network.settings.version])),
                          "source": m.escape(c.place(base.span))])
        }
        data["facts"] = facts
        if let notes = adaptation?.root?["notes"] {
            data["notes"] = m.paragraphs(notes)
            data["notes_source"] = m.escape(c.place(notes.span))
        }
        if adaptation == nil { data["no_adaptation"] = m.escape(c.words["differences.no_adaptation"]) }

        // Adopted optional services
        data["adopted"] = sections.next(m.escape(c.words["differences.adopted"]), anchor: "differences-adopted")
        data["adopted_table"] = DifferencesChapter.table(c.view.services.filter { $0.adoption == .adopted }.map { s -> [String: Any] in
            ["service": c.serviceLink(s.id), "source": m.escape(s.adoptedAt.map(c.place) ?? "")]
        })
        data["no_adopted"] = m.escape(c.words["differences.none_adopted"])

        // Omitted services
        data["omitted"] = sections.next(m.escape(c.words["differences.omitted"]), anchor: "differences-omitted")
        data["omitted_table"] = DifferencesChapter.table(c.view.omitted.map { o -> [String: Any] in
            let doc = c.network.modelDocument(.service, o.service)
            return ["service": doc.map { m.text($0.root?["name"]) } ?? m.escape(o.service),
                    "status": m.escape(c.words["badge.\(doc?.root?["status"]?.string ?? "recommended")"]),
                    "reason": o.reason.map(m.text(localized:)) ?? "—",
                    "source": m.escape(c.place(o.span))]
        })
        data["no_omitted"] = m.escape(c.words["differences.none_omitted"])

        // Overridden values
        data["overrides"] = sections.next(m.escape(c.words["differences.overrides"]), anchor: "differences-overrides")
        var rows: [[String: Any]] = []
        for s in c.view.services { rows += overrideRows(s.overrides, link: c.serviceLink(s.id), values: values, c) }
        for p in c.view.procedures { rows += overrideRows(p.overrides, link: c.procedureLink(p.id), values: values, c) }
        for i in c.view.indicators {
            rows += overrideRows(i.overrides, link: c.indicatorLink(i.id), values: values, unit: i.fields["unit"]?.string, c)
        }
        data["override_table"] = DifferencesChapter.table(rows)
        data["no_overrides"] = m.escape(c.words["differences.none_overrides"])

        // Local services
        data["local_services"] = sections.next(m.escape(c.words["differences.local_services"]), anchor: "differences-local-services")
        data["local_service_table"] = DifferencesChapter.table(c.view.services.filter { $0.adoption == .local }.map { s -> [String: Any] in
            ["service": c.serviceLink(s.id), "summary": m.text(s.fields["summary"]), "source": m.escape(s.document.path)]
        })
        data["no_local_services"] = m.escape(c.words["differences.none_local_services"])

        // Local procedure variants and local procedures
        data["variants"] = sections.next(m.escape(c.words["differences.variants"]), anchor: "differences-variants")
        data["variant_table"] = DifferencesChapter.table(c.view.procedures.compactMap { p -> [String: Any]? in
            guard let variant = p.variant else { return nil }
            return ["procedure": c.procedureLink(p.id),
                    "replaces": p.model.map { m.text($0.root?["title"]) } ?? m.escape(c.words["differences.new_procedure"]),
                    "source": m.escape(variant.path)]
        })
        data["no_variants"] = m.escape(c.words["differences.none_variants"])

        // Local owners
        data["owners"] = sections.next(m.escape(c.words["differences.owners"]), anchor: "differences-owners")
        data["owner_table"] = DifferencesChapter.table(c.view.procedures.compactMap { p -> [String: Any]? in
            guard let owner = p.localOwner else { return nil }
            return ["procedure": c.procedureLink(p.id), "owner": c.roleLink(owner.role),
                    "model_owner": ProceduresChapter.modelOwner(p).map(c.roleLink) ?? "—",
                    "source": m.escape(c.place(owner.span))]
        })
        data["no_owners"] = m.escape(c.words["differences.none_owners"])
        return ChapterContent(data: data, sections: sections.sections)
    }

    func overrideRows(_ overrides: [FieldOverride], link: String, values: ValueText, unit: String? = nil,
                      _ c: HandbookContext) -> [[String: Any]] {
        overrides.map { o in
            let key = DifferencesChapter.valueKey(o)
            let model = o.modelValue.map { values.describe($0, key: key, parent: o.parent, unit: unit) }
                ?? c.markup.escape(c.words["value.none"])
            let local = o.removes ? c.markup.escape(c.words["differences.removed"])
                : values.describe(o.localValue, key: key, parent: o.parent, unit: unit)
            return ["document": link, "field": c.markup.escape(fieldLabel(o, c)), "model": model, "local": local,
                    "source": c.markup.escape(c.place(o.localValue.span))]
        }
    }

    /// Rows for a template table: `{rows}`, or nil when there are none (the template then
    /// says so).
    static func table(_ rows: [[String: Any]]) -> [String: Any]? {
        rows.isEmpty ? nil : ["rows": rows]
    }

    /// The key a value is described by: the last named key of its path.
    static func valueKey(_ o: FieldOverride) -> String {
        for step in o.path.reversed() {
            if case let .key(k) = step, !k.hasPrefix("[") { return k }
        }
        return ""
    }

    /// `Compromisos › first-appointment › Objectiu`.
    func fieldLabel(_ o: FieldOverride, _ c: HandbookContext) -> String {
        o.path.map { step -> String in
            switch step {
            case let .key(k) where k.hasPrefix("["): return String(k.dropFirst().dropLast())
            case let .key(k): return c.words.ifPresent("field.\(k)") ?? k
            case let .index(i): return String(i + 1)
            }
        }.joined(separator: " › ")
    }
}
