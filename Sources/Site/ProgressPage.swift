import Loading
import Model
import Rendering
import Resolution

extension Pages {
    func progress(_ language: SiteLanguage, _ path: String) -> PageContent {
        let offices: [[String: Any]] = site.municipalities.map { r in
            let p = OfficeProgress(r, network: network)
            let latest = p.reports.last
            return [
                "office": officeSummary(r.slug, language, path),
                "checklist": language.format("count_of", ["done": String(p.checklistDone), "total": String(p.checklistTotal)]),
                "checklist_done": String(p.checklistDone), "checklist_total": String(max(p.checklistTotal, 1)),
                "checklist_label": language.format("checklist_progress_label", ["done": String(p.checklistDone), "total": String(p.checklistTotal)]),
                "training": language.format("count_of", ["done": String(p.trainingCompleted), "total": String(p.trainingPlanned)]),
                "training_done": String(p.trainingCompleted), "training_total": String(max(p.trainingPlanned, 1)),
                "training_label": language.format("training_progress_label", ["done": String(p.trainingCompleted), "total": String(p.trainingPlanned)]),
                "staff": String(p.staffCount), "fte": language.formats.number(p.fte),
                "reports": String(p.reports.count),
                "has_latest": latest != nil,
                "latest": latest.map { language.formats.quarter($0.quarter) } ?? "",
                "latest_href": latest.map { href(.office(r.slug), language, from: path, fragment: "report-\($0.quarter.id)") } ?? "",
                "milestones": (latest?.document.root?["milestones"]?.sequence ?? []).map { language.text($0) },
            ]
        }
        let charts: [[String: Any]] = network.modelDocuments(.indicator).compactMap { doc in
            var chart = indicatorChart(doc.id, language, path)
            guard chart["has_chart"] as? Bool == true else { return nil }
            chart["id"] = "chart-\(doc.id)"
            chart["link"] = modelLink(.indicator, doc.id, .indicator(doc.id), language, from: path)
            return chart
        }
        let context: [String: Any] = ["offices": offices, "charts": charts, "has_charts": !charts.isEmpty]
        return PageContent(title: language["progress_heading"], description: language["progress_intro"],
                           html: render("progress", context, language), section: .progress)
    }

    /// An indicator's values per quarter and office, as a bar chart and a table
    /// (template data for `chart.mustache`).
    func indicatorChart(_ id: String, _ language: SiteLanguage, _ path: String) -> [String: Any] {
        guard let root = network.modelDocument(.indicator, id)?.root else { return ["has_chart": false] }
        let unit = root["unit"]?.string ?? "count"
        let values = ValueText(site: site, language: language)
        let offices = site.municipalities.map { ($0, OfficeProgress($0, network: network)) }
            .filter { $0.1.reports.contains { $0.values[id] != nil } }
        guard !offices.isEmpty else { return ["has_chart": false] }
        let quarters = Array(Set(offices.flatMap { $0.1.reports.filter { $0.values[id] != nil }.map(\.quarter) })).sorted()
        let name = language.string(root["name"]).nonEmpty ?? id
        let formats = language.formats
        let series = offices.map { r, p in
            BarChart.Series(name: site.municipalityName(r.slug), values: quarters.map { q in
                p.reports.first { $0.quarter == q }?.values[id]
            })
        }
        let description = language.format("chart_description", [
            "indicator": name, "unit": language.label("unit", unit),
            "offices": series.map(\.name).joined(separator: language["list_separator"]),
            "first": quarters.first.map(formats.quarter) ?? "", "last": quarters.last.map(formats.quarter) ?? "",
        ])
        let chart = BarChart(title: name, description: description, categories: quarters.map(formats.quarter), series: series,
                             format: { formats.measure($0, unit: unit) })
        var rows: [[String: Any]] = []
        for (r, p) in offices {
            let target = r.indicators.first { $0.id == id }?.fields["target"]
            for rep in p.reports {
                guard let v = rep.values[id] else { continue }
                rows.append(["office": site.municipalityName(r.slug), "quarter": formats.quarter(rep.quarter),
                             "value": formats.measure(v, unit: unit),
                             "target": values.html(target, field: "target", unit: unit)])
            }
        }
        return ["has_chart": true, "chart_svg": chart.svg(id: "chart-svg-\(id)"), "chart_rows": rows,
                "chart_caption": language.format("chart_caption", ["indicator": name])]
    }
}
