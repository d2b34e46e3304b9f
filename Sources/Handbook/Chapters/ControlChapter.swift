import Model
import Rendering

/// The control page: what this handbook is and what it was made from — municipality,
/// office, model and version, source revision and date, language, oae's version — and
/// how to read its markers.
struct ControlChapter: ChapterBuilder {
    func build(_ c: HandbookContext, number: Int) -> ChapterContent {
        let settings = c.network.settings
        let revision = c.input.sourceRevision
        let short = revision.count > 12 && revision.allSatisfy(\.isHexDigit) ? String(revision.prefix(12)) : revision
        let status = c.office?["status"]?.string
        let phases = c.network.modelDocuments(.model).first?.root?["phases"]?.sequence ?? []
        let phase = phases.first { $0["id"]?.string == status }
        var rows: [[String: Any]] = []
        func row(_ key: String, _ html: String, code: Bool = false) {
            rows.append(["label": c.words["control.\(key)"], "value": html, "code": code])
        }
        row("municipality", c.markup.escape(c.municipalityName)
            + (c.office?["municipality"]?["ine_code"]?.string.map { " <span class=\"muted\">(\(c.markup.escape(c.words("control.ine", ["code": $0]))))</span>" } ?? ""))
        row("office", c.markup.text(c.office?["name"]))
        if let phase {
            row("status", c.markup.text(phase["name"]))
        }
        if let opening = c.view.openingDate {
            row("opening", c.markup.escape(c.format.date(opening)))
        }
        row("model", c.markup.text(c.network.modelDocuments(.model).first?.root?["title"])
            + " <span class=\"muted\">(\(c.markup.escape(settings.id)))</span>")
        row("model_version", c.markup.escape(settings.version))
        if let base = c.view.files.adaptation?.root?["base_model_version"]?.string {
            row("base_version", c.markup.escape(base))
        }
        row("revision", "<code>\(HTML.escape(short))</code>")
        row("revision_full", "<code class=\"long\">\(HTML.escape(revision))</code>")
        row("source_date", c.markup.escape(c.format.date(c.input.sourceDay)))
        row("language", c.markup.escape(c.words["language.\(c.language)"]) + " <span class=\"muted\">(\(c.markup.escape(c.language)))</span>")
        row("tool", c.markup.escape("oae \(c.input.toolVersion)"))

        let fallbackExample = c.markup.fallbackMark(settings.defaultLanguage)
        let legend: [[String: Any]] = [
            ["marker": c.markup.local(modelValue: nil), "text": c.markup.escape(c.words["legend.local"])],
            ["marker": c.markup.badge("local-service", c.words["badge.local_service"]), "text": c.markup.escape(c.words["legend.local_service"])],
            ["marker": c.markup.badge("local-variant", c.words["badge.local_variant"]), "text": c.markup.escape(c.words["legend.local_variant"])],
            ["marker": fallbackExample, "text": c.markup.escape(c.words("legend.fallback", ["language": c.words["language.\(settings.defaultLanguage)"]]))],
        ]
        return ChapterContent(data: [
            "rows": rows,
            "legend": legend,
            "purpose": c.markup.escape(c.words("control.purpose", ["municipality": c.municipalityName])),
        ])
    }
}
