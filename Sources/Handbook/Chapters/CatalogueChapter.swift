import Foundation
import Loading
import Model
import Resolution

/// The service catalogue: a summary table, then one sheet per service of the
/// municipality's view, in the order of the model's areas. Every value the
/// municipality changed carries the "Local" badge and the model's value; a local
/// service is marked as a whole.
struct CatalogueChapter: ChapterBuilder {
    /// The fields of a sheet, in order (the body and the name are shown apart).
    static let fields = ["summary", "area", "audience", "format", "channels", "duration", "cost", "requirements",
                         "evidence", "outputs", "commitments", "owner_role", "operator", "competent_authority",
                         "legal_basis", "procedures", "related_services", "indicators"]

    func build(_ c: HandbookContext, number: Int) -> ChapterContent {
        var sections = SectionNumbers(chapter: number)
        let services = CatalogueChapter.ordered(c)
        let m = c.markup
        let summary = services.map { s -> [String: Any] in
            ["link": c.serviceLink(s.id),
             "area": s.fields["area"]?.string.map(c.areaName) ?? "",
             "adoption": adoptionBadge(s, c),
             "owner": s.fields["owner_role"]?.string.map(c.roleLink) ?? ""]
        }
        let sheets = services.map { s -> [String: Any] in
            var sheet = sections.next(m.text(s.fields["name"]), anchor: Anchors.service(s.id))
            sheet["adoption"] = adoptionBadge(s, c)
            sheet["rows"] = rows(s, c)
            let body = c.bodies.render(s.document, anchor: Anchors.service(s.id), headingShift: 2)
            sheet["body"] = body.html
            var meta = c.words("catalogue.version", ["version": s.fields["version"]?.string ?? "",
                                                     "date": s.fields["last_reviewed"]?.string.map(c.format.date) ?? ""])
            meta += " · " + s.document.path
            sheet["meta"] = m.escape(meta)
            if s.adoption == .local { sheet["local_note"] = m.escape(c.words("catalogue.local_note", ["municipality": c.municipalityName])) }
            if s.adoption == .adopted, let at = s.adoptedAt {
                sheet["adopted_note"] = m.escape(c.words("catalogue.adopted_note", ["place": c.place(at)]))
            }
            return sheet
        }
        let counts = Dictionary(grouping: services, by: \.adoption).mapValues(\.count)
        let intro = c.words("catalogue.intro", [
            "count": String(services.count), "core": String(counts[.core] ?? 0),
            "recommended": String(counts[.recommended] ?? 0), "adopted": String(counts[.adopted] ?? 0),
            "local": String(counts[.local] ?? 0), "omitted": String(c.view.omitted.count),
        ])
        var data: [String: Any] = ["intro": m.escape(intro), "summary": summary, "sheets": sheets]
        if let annex = c.chapter("differences") {
            data["omitted_note"] = c.view.omitted.isEmpty ? nil
                : c.words("catalogue.omitted_note", ["link": m.link(Anchors.chapter(annex.id), m.text(annex.title))])
        }
        return ChapterContent(data: data, sections: sections.sections)
    }

    /// The services in the order of the model's areas, then by name in the language.
    static func ordered(_ c: HandbookContext) -> [ResolvedService] {
        c.view.services.map { s in (s, c.areaOrder(s.fields["area"]?.string ?? ""), c.markup.plain(s.fields["name"])) }
            .sorted { a, b in
                if a.1 != b.1 { return a.1 < b.1 }
                let order = a.2.compare(b.2, options: [.caseInsensitive, .diacriticInsensitive])
                return order == .orderedSame ? a.0.id < b.0.id : order == .orderedAscending
            }
            .map(\.0)
    }

    func adoptionBadge(_ s: ResolvedService, _ c: HandbookContext) -> String {
        switch s.adoption {
        case .core: return c.markup.badge("core", c.words["badge.core"])
        case .recommended: return c.markup.badge("recommended", c.words["badge.recommended"])
        case .adopted: return c.markup.badge("adopted", c.words["badge.adopted"])
        case .local: return c.markup.badge("local-service", c.words["badge.local_service"])
        }
    }

    /// The rows of a sheet: label, value, and for a local value its badge and the
    /// model's value.
    func rows(_ s: ResolvedService, _ c: HandbookContext) -> [[String: Any]] {
        let values = ValueText(c)
        let model = s.adoption == .local ? nil : s.document.root
        var out: [[String: Any]] = []
        for field in CatalogueChapter.fields {
            guard let node = s.fields[field] else { continue }
            let overrides = s.overrides.filter { $0.path.first == .key(field) }
            var row: [String: Any] = ["label": c.words["field.\(field)"], "field": field]
            if field == "commitments" {
                row["value"] = commitments(node, model: model?[field], overrides: overrides, c)
            } else if field == "summary" {
                row["value"] = c.markup.text(node)
            } else {
                row["value"] = values.describe(node, key: field)
            }
            if !overrides.isEmpty, field != "commitments" {
                row["local"] = true
                row["note"] = c.markup.local(modelValue: values.describe(model?[field], key: field))
            }
            if field == "commitments", !overrides.isEmpty { row["local"] = true }
            out.append(row)
        }
        return out
    }

    /// Commitments item by item, each changed one marked local with the model's value.
    func commitments(_ node: Node, model: Node?, overrides: [FieldOverride], _ c: HandbookContext) -> String {
        let values = ValueText(c)
        let items = (node.sequence ?? []).map { item -> String in
            let id = item["id"]?.string ?? ""
            let changed = overrides.contains { $0.path.count > 1 && $0.path[1] == .key("[\(id)]") }
            var html = values.commitment(item)
            if changed {
                let original = model?.sequence?.first { $0["id"]?.string == id }
                html += " " + c.markup.local(modelValue: original.map(values.commitment) ?? c.markup.escape(c.words["value.none"]))
            }
            return html
        }
        let removed = overrides.filter(\.removes).compactMap(\.modelValue).map {
            "<del>\(values.commitment($0))</del> " + c.markup.local(modelValue: nil)
        }
        return c.markup.list(items + removed)
    }
}
