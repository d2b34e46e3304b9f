import Foundation
import Loading
import Model
import Resolution

/// The attention model and procedures: a summary, then each procedure with its
/// purpose, trigger, owner, steps (role, action, output, time limit), escalation and
/// notes. Local variants, local owners and changed steps are marked as local.
struct ProceduresChapter: ChapterBuilder {
    func build(_ c: HandbookContext, number: Int) -> ChapterContent {
        var sections = SectionNumbers(chapter: number)
        let m = c.markup
        let procedures = ProceduresChapter.ordered(c)
        let summary = procedures.map { p -> [String: Any] in
            var row: [String: Any] = [
                "link": c.procedureLink(p.id),
                "type": m.escape(c.words["procedure.type.\(p.fields["type"]?.string ?? "procedure")"]),
                "owner": owner(p, c, detail: false),
                "steps": String(p.fields["steps"]?.sequence?.count ?? 0),
            ]
            if p.variant != nil { row["variant"] = m.badge("local-variant", c.words["badge.local_variant"]) }
            return row
        }
        let sheets = procedures.map { p -> [String: Any] in
            var sheet = sections.next(m.text(p.fields["title"]), anchor: Anchors.procedure(p.id))
            sheet["type"] = m.escape(c.words["procedure.type.\(p.fields["type"]?.string ?? "procedure")"])
            if let variant = p.variant {
                sheet["variant"] = m.badge("local-variant", c.words["badge.local_variant"])
                if let model = p.model {
                    sheet["variant_note"] = m.escape(c.words("procedure.variant_note", [
                        "municipality": c.municipalityName, "model": m.plain(model.root?["title"]), "file": variant.path,
                    ]))
                } else {
                    sheet["variant_note"] = m.escape(c.words("procedure.local_note", ["municipality": c.municipalityName, "file": variant.path]))
                }
            }
            sheet["purpose"] = m.text(p.fields["purpose"])
            sheet["trigger"] = m.text(p.fields["trigger"])
            sheet["owner"] = owner(p, c)
            sheet["services"] = ValueText(c).describe(p.fields["services"], key: "services")
            sheet["has_services"] = !(p.fields["services"]?.sequence ?? []).isEmpty
            sheet["steps"] = steps(p, c)
            sheet["escalation"] = m.text(p.fields["escalation"])
            if let legal = p.fields["legal_basis"], !(legal.sequence ?? []).isEmpty {
                sheet["legal"] = ValueText(c).describe(legal, key: "legal_basis")
            }
            if let indicators = p.fields["indicators"], !(indicators.sequence ?? []).isEmpty {
                sheet["indicators"] = ValueText(c).describe(indicators, key: "indicators")
            }
            if let doc = p.variant ?? p.model {
                sheet["body"] = c.bodies.render(doc, anchor: Anchors.procedure(p.id), headingShift: 2).html
                sheet["meta"] = m.escape(c.words("catalogue.version", [
                    "version": p.fields["version"]?.string ?? "",
                    "date": p.fields["last_reviewed"]?.string.map(c.format.date) ?? "",
                ]) + " · " + doc.path)
            }
            return sheet
        }
        return ChapterContent(data: ["intro": m.escape(c.words("procedure.intro", ["count": String(procedures.count)])),
                                     "summary": summary, "sheets": sheets],
                              sections: sections.sections)
    }

    /// Procedures before methodologies, then by title in the language.
    static func ordered(_ c: HandbookContext) -> [ResolvedProcedure] {
        c.view.procedures.map { p in (p, p.fields["type"]?.string == "methodology" ? 1 : 0, c.markup.plain(p.fields["title"])) }
            .sorted { a, b in
                if a.1 != b.1 { return a.1 < b.1 }
                let order = a.2.compare(b.2, options: [.caseInsensitive, .diacriticInsensitive])
                return order == .orderedSame ? a.0.id < b.0.id : order == .orderedAscending
            }
            .map(\.0)
    }

    /// The owner role; the municipality's local owner, when it named one, marked local.
    func owner(_ p: ResolvedProcedure, _ c: HandbookContext, detail: Bool = true) -> String {
        let modelOwner = ProceduresChapter.modelOwner(p)
        guard let local = p.localOwner else { return modelOwner.map(c.roleLink) ?? "" }
        var html = c.roleLink(local.role) + " " + c.markup.badge("local", c.words["badge.local"])
        guard detail else { return html }
        if let modelOwner, modelOwner != local.role {
            html += " <span class=\"model-value\">" + c.words("badge.model_value", ["value": c.roleLink(modelOwner)]) + "</span>"
        }
        html += " <span class=\"source\">" + c.markup.escape(c.place(local.span)) + "</span>"
        return html
    }

    /// The owner the model gives the procedure (the variant's own when it has no model).
    static func modelOwner(_ p: ResolvedProcedure) -> String? {
        (p.model?.root ?? p.fields)["owner_role"]?.string
    }

    /// The steps, each with what the municipality changed: an override of a model step,
    /// or a step of a local variant that differs from the model's step of the same id.
    func steps(_ p: ResolvedProcedure, _ c: HandbookContext) -> [[String: Any]] {
        let values = ValueText(c)
        let modelSteps = p.model?.root?["steps"]?.sequence ?? []
        return (p.fields["steps"]?.sequence ?? []).enumerated().map { i, step -> [String: Any] in
            let id = step["id"]?.string ?? ""
            let modelStep = modelSteps.first { $0["id"]?.string == id }
            var row: [String: Any] = [
                "number": String(i + 1), "id": c.markup.escape(id),
                "role": step["role"]?.string.map(c.roleLink) ?? "",
                "action": c.markup.text(step["action"]),
                "output": c.markup.text(step["output"]),
                "time_limit": step["time_limit"]?.string.map { c.markup.escape(c.format.duration($0)) } ?? "—",
            ]
            var changed: [String] = []
            for key in ["role", "time_limit"] {
                let overridden = p.overrides.contains { $0.path.count > 2 && $0.path[1] == .key("[\(id)]") && $0.path[2] == .key(key) }
                let differs = p.variant != nil && modelStep != nil && modelStep?[key]?.string != step[key]?.string
                if overridden || differs {
                    row["\(key)_local"] = c.markup.local(modelValue: values.describe(modelStep?[key], key: key))
                    changed.append(key)
                }
            }
            if p.model != nil, modelStep == nil {
                row["new_step"] = c.markup.badge("local", c.words["procedure.new_step"])
            } else if p.overrides.contains(where: { $0.path.count > 1 && $0.path[1] == .key("[\(id)]") && !changed.contains($0.path.count > 2 ? $0.path[2].description : "") }) {
                row["new_step"] = c.markup.local(modelValue: nil)
            }
            return row
        }
    }
}
