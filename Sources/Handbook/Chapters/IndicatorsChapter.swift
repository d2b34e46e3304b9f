import Loading
import Model
import Rendering
import Resolution

/// Indicators and monitoring: each indicator with its definition, unit and target (a
/// local target marked as such), the values of the latest progress reports by
/// quarter, and the reports' narratives.
struct IndicatorsChapter: ChapterBuilder {
    /// How many quarters the table of reported values shows.
    static let quarters = 4

    func build(_ c: HandbookContext, number: Int) -> ChapterContent {
        var sections = SectionNumbers(chapter: number)
        let m = c.markup
        let values = ValueText(c)
        var data: [String: Any] = [:]

        data["definitions"] = sections.next(m.escape(c.words["indicators.definitions"]), anchor: "indicators-definitions")
        data["indicator_list"] = c.view.indicators.map { ind -> [String: Any] in
            let f = ind.fields
            let unit = f["unit"]?.string
            var row: [String: Any] = [
                "anchor": Anchors.indicator(ind.id), "name": m.text(f["name"]), "definition": m.text(f["definition"]),
                "unit": m.escape(c.words["unit.\(unit ?? "")"]),
                "type": m.escape(c.words["indicator_type.\(f["type"]?.string ?? "")"]),
                "frequency": m.escape(c.words["frequency.\(f["frequency"]?.string ?? "")"]),
                "target": f["target"].map { values.target($0, unit: unit) } ?? "—",
                "source": m.text(f["source"]),
            ]
            if !ind.overrides.isEmpty {
                let model = ind.document.root?["target"]
                row["target_local"] = m.local(modelValue: model.map { values.target($0, unit: unit) } ?? "—")
                    + " <span class=\"source\">" + m.escape(ind.overrides.map { c.place($0.localValue.span) }.first ?? "") + "</span>"
            }
            return row
        }

        // Reported values
        let reports = c.view.files.reports.compactMap { doc -> (Quarter, Document)? in
            guard let y = doc.root?["period"]?["year"]?.int, let q = doc.root?["period"]?["quarter"]?.int else { return nil }
            return (Quarter(year: y, quarter: q), doc)
        }.sorted { $0.0 < $1.0 }
        let recent = Array(reports.suffix(IndicatorsChapter.quarters))
        data["values"] = sections.next(m.escape(c.words["indicators.values"]), anchor: "indicators-values")
        if recent.isEmpty {
            data["no_reports"] = m.escape(c.words["indicators.no_reports"])
        } else {
            data["quarters"] = recent.map { ["label": m.escape(quarterLabel($0.0, c, short: true))] }
            var notes: [[String: Any]] = []
            data["value_rows"] = c.view.indicators.map { ind -> [String: Any] in
                let unit = ind.fields["unit"]?.string
                let cells = recent.map { (quarter, doc) -> [String: Any] in
                    guard let v = (doc.root?["values"]?.sequence ?? []).first(where: { $0["indicator"]?.string == ind.id }),
                          let n = numeric(v["value"]) else { return ["value": "—"] }
                    var cell: [String: Any] = ["value": m.escape(c.format.value(n, unit: unit))]
                    if let note = v["note"] {
                        notes.append(["number": String(notes.count + 1), "quarter": m.escape(quarterLabel(quarter, c, short: true)),
                                      "indicator": m.text(ind.fields["name"]), "text": m.text(note)])
                        cell["note"] = String(notes.count)
                    }
                    return cell
                }
                var row: [String: Any] = ["indicator": c.indicatorLink(ind.id), "cells": cells,
                                          "target": ind.fields["target"].map { values.target($0, unit: unit) } ?? "—"]
                if !ind.overrides.isEmpty { row["target_local"] = m.local(modelValue: nil) }
                return row
            }
            data["value_notes"] = notes
        }

        // Reports
        data["reports"] = sections.next(m.escape(c.words["indicators.reports"]), anchor: "indicators-reports")
        data["report_list"] = reports.reversed().map { (quarter, doc) -> [String: Any] in
            let r = doc.root
            var item: [String: Any] = [
                "anchor": "report-\(quarter.id)", "title": m.escape(c.words("indicators.report_title", ["quarter": quarterLabel(quarter, c)])),
                "narrative": m.paragraphs(r?["narrative"]),
                "milestones": m.list((r?["milestones"]?.sequence ?? []).map(m.text)),
                "file": m.escape(doc.path),
            ]
            if let submitted = r?["submitted"]?.string {
                item["submitted"] = m.escape(c.words("indicators.submitted", ["date": c.format.date(submitted)]))
            }
            return item
        }
        return ChapterContent(data: data, sections: sections.sections)
    }

    /// `2n trimestre de 2026`, or `T2 2026` when `short`.
    func quarterLabel(_ q: Quarter, _ c: HandbookContext, short: Bool = false) -> String {
        c.words(short ? "format.quarter_short" : "format.quarter",
                ["q": String(q.quarter), "quarter": c.words["quarter.\(q.quarter)"], "y": String(q.year)])
    }
}
