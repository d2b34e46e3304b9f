import Loading
import Model
import Presentation
import Rendering
import Resolution

extension Pages {
    func progress(_ language: SiteLanguage, _ path: String) -> PageContent {
        let formatter = language.formatter
        let offices = site.municipalities.map { r in
            let p = site.progress(r.slug)!
            let latest = p.reports.last
            let checklist = ["done": formatter.number(Double(p.checklistDone)), "total": formatter.number(Double(p.checklistTotal))]
            let training = ["done": formatter.number(Double(p.trainingCompleted)), "total": formatter.number(Double(p.trainingPlanned))]
            return ProgressView.Office(
                office: officeSummary(r.slug, language, path),
                checklist: countOf(p.checklistDone, p.checklistTotal, language),
                checklist_done: String(p.checklistDone), checklist_total: String(max(p.checklistTotal, 1)),
                checklist_label: language.format("checklist_progress_label", checklist),
                training: countOf(p.trainingCompleted, p.trainingPlanned, language),
                training_done: String(p.trainingCompleted), training_total: String(max(p.trainingPlanned, 1)),
                training_label: language.format("training_progress_label", training),
                staff: formatter.number(Double(p.staffCount)), fte: formatter.number(p.fte),
                reports: formatter.number(Double(p.reports.count)),
                has_latest: latest != nil,
                latest: latest.map { formatter.quarter($0.quarter, short: true) } ?? "",
                latest_href: latest.map { href(.office(r.slug), language, from: path, fragment: "report-\($0.quarter.id)") } ?? "",
                milestones: texts(latest?.document.root?["milestones"], language),
                follow_up: followUpSummary(r.slug, language))
        }
        let charts = network.modelDocuments(.indicator).compactMap { doc -> ProgressView.Chart? in
            let chart = indicatorChart(doc.id, language)
            guard chart.has_chart else { return nil }
            return .init(id: "chart-\(doc.id)", link: modelLink(.indicator, doc.id, .indicator(doc.id), language, from: path),
                         chart: chart)
        }
        let records = programmeRecords(language, from: path)
        let view = ProgressView(offices: offices, charts: charts, has_charts: !charts.isEmpty,
                                records: records, has_records: !records.isEmpty)
        return PageContent(title: language["progress_heading"], description: language["progress_intro"],
                           html: render("progress", view, language), section: .progress)
    }

    /// An indicator's values per quarter and office, as a bar chart and a table: made once
    /// per language, for the progress page and the indicator's own page.
    func indicatorChart(_ id: String, _ language: SiteLanguage) -> ChartView {
        site.charts.value(id + "\n" + language.code) { makeIndicatorChart(id, language) }
    }

    private func makeIndicatorChart(_ id: String, _ language: SiteLanguage) -> ChartView {
        let none = ChartView(has_chart: false, chart_svg: "", chart_rows: [], chart_caption: "")
        guard let root = network.modelDocument(.indicator, id)?.root else { return none }
        let unit = root["unit"]?.string ?? "count"
        let offices = site.municipalities.map { ($0, site.progress($0.slug)!) }
            .filter { $0.1.reports.contains { $0.values[id] != nil } }
        guard !offices.isEmpty else { return none }
        let quarters = Array(Set(offices.flatMap { $0.1.reports.filter { $0.values[id] != nil }.map(\.quarter) })).sorted()
        let name = language.string(root["name"]).nonEmpty ?? id
        let formatter = language.formatter
        let series = offices.map { r, p in
            BarChart.Series(name: site.municipalityName(r.slug), values: quarters.map { q in
                p.reports.first { $0.quarter == q }?.values[id]
            })
        }
        let short = { (q: Quarter) in formatter.quarter(q, short: true) }
        let description = language.format("chart_description", [
            "indicator": name, "unit": language.word("unit", unit),
            "offices": formatter.list(series.map(\.name)),
            "first": quarters.first.map { formatter.quarter($0) } ?? "", "last": quarters.last.map { formatter.quarter($0) } ?? "",
        ])
        let targets = offices.map { r, _ in site.results(r.slug)?.targets[id] }
        let quarterTargets = targets.map { $0?.quarterValue }
        let targetWords = formatter.list(Array(Set(zip(offices, targets).compactMap { pair -> String? in
            guard let t = pair.1 else { return nil }
            return formatter.quarterTarget(t.quarterValue, direction: t.direction.rawValue, unit: unit)
        })).sorted())
        var chart = BarChart(title: name, description: targetWords.isEmpty ? description
                                 : description + " " + language.format("chart_target_description", ["target": targetWords]),
                             categories: quarters.map(short), series: series,
                             format: { formatter.measure($0, unit: unit) })
        chart.targets = quarterTargets
        chart.targetLabel = language["target_line"]
        var rows: [ChartView.Row] = []
        for (r, p) in offices {
            let results = site.results(r.slug)
            for rep in p.reports {
                guard let v = rep.values[id] else { continue }
                let result = results?.result(id, rep.quarter)
                rows.append(.init(office: site.municipalityName(r.slug), quarter: short(rep.quarter),
                                  value: formatter.measure(v, unit: unit),
                                  target: result?.target.map { HTML.escape(formatter.quarterTarget($0.quarterValue, direction: $0.direction.rawValue, unit: unit)) } ?? "–",
                                  status: result.map { statusHTML($0.status, language) } ?? ""))
            }
        }
        return ChartView(has_chart: true, chart_svg: chart.svg(id: "chart-svg-\(id)"), chart_rows: rows,
                         chart_caption: language.format("chart_caption", ["indicator": name]))
    }
}

/// The view model of `chart.mustache`: an indicator's bar chart and its data table.
struct ChartView: ViewModel {
    struct Row: ViewModel { var office: String; var quarter: String; var value: String; var target: String; var status: String }

    var has_chart: Bool
    var chart_svg: String
    var chart_rows: [Row]
    var chart_caption: String
}

/// The view model of `progress.mustache`: every office's progress and the indicators' charts.
struct ProgressView: ViewModel {
    struct Office: ViewModel {
        var office: OfficeSummary
        var checklist: String
        var checklist_done: String
        var checklist_total: String
        var checklist_label: String
        var training: String
        var training_done: String
        var training_total: String
        var training_label: String
        var staff: String
        var fte: String
        var reports: String
        var has_latest: Bool
        var latest: String
        var latest_href: String
        var milestones: [TextView]
        /// Open issues of the agency's follow-up (and how many are overdue).
        var follow_up: String
    }
    struct Chart: ViewModel { var id: String; var link: TextLink; var chart: ChartView }

    var offices: [Office]
    var charts: [Chart]
    var has_charts: Bool
    /// The programme's record pages (the assessments, the expansion, the agreements, the budgets).
    var records: [TextLink]
    var has_records: Bool
}
