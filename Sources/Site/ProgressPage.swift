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
            let checklist: Placeholders = ["done": formatter.number(Double(p.checklistDone)), "total": formatter.number(Double(p.checklistTotal))]
            let training: Placeholders = ["done": formatter.number(Double(p.trainingCompleted)), "total": formatter.number(Double(p.trainingPlanned))]
            // Posts filled by the page's day, of the plan's, with their dedication: the plan's
            // count alone read as a team in post before any post was filled (session 38's trial).
            let filled = OfficeProgress.filled(r.files.staffing?.root?.sequence(at: "staff") ?? [], by: site.input.stateDay)
            return ProgressView.Office(
                office: officeSummary(r.slug, language, path),
                checklist: countOf(p.checklistDone, p.checklistTotal, language),
                checklist_done: String(p.checklistDone), checklist_total: String(max(p.checklistTotal, 1)),
                checklist_label: language.format("checklist_progress_label", checklist),
                training: countOf(p.trainingCompleted, p.trainingPlanned, language),
                training_done: String(p.trainingCompleted), training_total: String(max(p.trainingPlanned, 1)),
                training_label: language.format("training_progress_label", training),
                staff: countOf(filled.count, p.staffCount, language),
                fte: formatter.fte(filled.compactMap { $0["fte"]?.number }.reduce(0, +)),
                reports: formatter.number(Double(p.reports.count)),
                has_latest: latest != nil,
                latest: latest.map { formatter.quarter($0.quarter, short: true) } ?? "",
                latest_href: latest.map { href(.office(r.slug), language, from: path, fragment: "report-\($0.quarter.id)") } ?? "",
                milestones: texts(latest?.document.root?["milestones"], language),
                follow_up: followUpSummary(r.slug, language))
        }
        let charts = network.modelDocuments(.indicator).compactMap { doc -> ProgressView.Chart? in
            var chart = indicatorChart(doc.id, language)
            guard chart.has_chart else { return nil }
            if chart.summary { (chart.chart_rows, chart.partial_notes) = ([], []) }  // each office's values: on the indicator's page
            return .init(id: "chart-\(doc.id)", link: modelLink(.indicator, doc.id, .indicator(doc.id), language, from: path),
                         chart: chart)
        }
        let records = programmeRecords(language, from: path)
        let issues = openIssues(language, path)
        let view = ProgressView(offices: offices, charts: charts, has_charts: !charts.isEmpty,
                                records: records, has_records: !records.isEmpty, issues: issues, has_issues: !issues.isEmpty,
                                as_of: language.format("progress_as_of", ["date": language.formatter.date(site.input.stateDay)]))
        return PageContent(title: language["progress_heading"], description: language["progress_intro"],
                           html: render("progress", view, language), section: .progress)
    }

    /// An indicator's values per quarter and office, as a bar chart and a table: made once
    /// per language, for the progress page and the indicator's own page.
    func indicatorChart(_ id: String, _ language: SiteLanguage) -> ChartView {
        site.charts.value(id + "\n" + language.code) { makeIndicatorChart(id, language) }
    }

    /// The chart of indicator `id` in `language`. Up to `summariseAbove` offices (the
    /// number of series a chart tells apart by colour and pattern, `BarChart.palette`),
    /// one bar per office and quarter, with every office's values in the table. With more
    /// offices, one bar per quarter for the lowest value, the median and the highest
    /// (`ChartSummary`), the table giving those figures: a bar per office at the scale of
    /// the network (947 offices) is unreadable and made the progress page 13 MB. The
    /// offices' own values are then on the indicator's page only (`chart_rows`, which
    /// the progress page drops).
    func makeIndicatorChart(_ id: String, _ language: SiteLanguage,
                            summariseAbove: Int = BarChart.palette.count) -> ChartView {
        let none = ChartView(has_chart: false, chart_svg: "", chart_rows: [], chart_caption: "", summary: false, summary_rows: [])
        guard let root = network.modelDocument(.indicator, id)?.root else { return none }
        let unit = root.string(at: "unit") ?? "count"
        // The offices' values and targets, the same in every language: made once per build.
        let series = site.indicatorSeries.value(id) { IndicatorSeries(id, site) }
        let offices = series.offices
        guard !offices.isEmpty else { return none }
        let quarters = series.quarters
        let name = language.string(root["name"]).nonEmpty ?? id
        let formatter = language.formatter
        let values = series.values
        let short = { (q: Quarter) in formatter.quarter(q, short: true) }
        let format = { @Sendable (v: Double) in formatter.measure(v, unit: unit) }
        let targets = series.targets
        // The offices' targets are a handful of distinct ones: each is worded once (worded
        // per office, 947 times per indicator and language, they were a fifth of the
        // progress pages' CPU).
        let distinctTargets = Set(targets.compactMap { $0.map { TargetKey(value: $0.quarterValue, direction: $0.direction.rawValue) } })
        let targetWords = formatter.list(Set(distinctTargets.map {
            formatter.quarterTarget($0.value, direction: $0.direction, unit: unit)
        }).sorted())
        let summarised = offices.count > summariseAbove
        let summary = summarised ? ChartSummary(values: values, categories: quarters.count) : nil
        var words: Placeholders = [
            "indicator": name, "unit": language.word("unit", unit),
            "first": quarters.first.map { formatter.quarter($0) } ?? "", "last": quarters.last.map { formatter.quarter($0) } ?? "",
        ]
        if !summarised { words = words.adding("offices", formatter.list(offices.map { site.municipalityName($0.slug) })) }
        let description = summarised ? formatter.count("chart_summary_description", offices.count, words)
                                     : language.format("chart_description", words)
        var chart: BarChart
        if let summary {
            let labels = [language["chart_minimum"], language["chart_median"], language["chart_maximum"]]
            chart = BarChart(title: name, description: description, categories: quarters.map(short),
                             series: zip(labels, summary.series).map { BarChart.Series(name: $0, values: $1) }, format: format)
            // One line when the offices with a target have the same; different targets are in
            // the description. Not on a quarter an office opened during, whose target there
            // is that of the days it was open (the leftover of session 38's review: the line
            // drew the whole quarter's): marks over the other quarters' bars then.
            let distinct = Set(targets.compactMap { $0?.quarterValue })
            if distinct.count == 1, let t = distinct.first {
                let line = quarters.indices.map { q in
                    series.quarterTargets.allSatisfy { $0[q] == nil || $0[q] == t } ? t : nil
                }
                chart.targets = Array(repeating: line, count: 3)
            } else if distinct.count > 1, Set(targets.compactMap { $0?.direction }).count == 1 {
                // Targets that differ, all "at least" or all "at most": a band per quarter from
                // the lowest to the highest of the offices with a value there (no line was
                // drawn, and the scale could stop below the targets, session 45's trial). None
                // on a quarter an office opened during, as no line: its target there is that of
                // the days it was open. Targets of both directions have no band: a value
                // inside it could miss both.
                let opening = Set(series.partialQuarters.map(\.quarter))
                chart.targetBands = quarters.indices.map { q in
                    let here = series.quarterTargets.compactMap { $0[q] }
                    guard !opening.contains(quarters[q]), let low = here.min(), let high = here.max() else { return nil }
                    return (low, high)
                }
                chart.bandLabel = language["target_band"]
            }
        } else {
            chart = BarChart(title: name, description: description, categories: quarters.map(short),
                             series: zip(offices, values).map { BarChart.Series(name: site.municipalityName($0.slug), values: $1) },
                             format: format)
            // Each bar against its office's target on its quarter: that of the days open on
            // the quarter the office opened during (session 38's review: the line was the
            // whole quarter's, the table's figure the days').
            chart.targets = series.quarterTargets
        }
        var targetNote = ""
        if !targetWords.isEmpty {
            // A summary draws no line when the offices' targets differ: the description says them.
            // One target whose marks differ only on the quarters offices opened during.
            let key = chart.oneTarget != nil ? "chart_target_description"
                : distinctTargets.count == 1 && !series.partialQuarters.isEmpty
                    ? summarised ? "chart_summary_target_partial_description" : "chart_target_marks_description"
                : "chart_targets_description"
            // Targets that differ say whose each is: the offices by name on a chart of each
            // office, how many on a summary (session 42's trial: "different targets: 6 and
            // 8", the description a screen reader gives of the chart).
            let words = key != "chart_targets_description" ? targetWords : formatter.list(whoseTargets(series, summarised: summarised, unit: unit, language))
            targetNote = language.format(key, ["target": words])
            if chart.targetBands.contains(where: { $0 != nil }) {
                targetNote += " " + language["chart_target_band_description"]
                if !series.partialQuarters.isEmpty { targetNote += " " + language["chart_target_band_partial"] }
            }
            chart.description += " " + targetNote
        }
        chart.targetLabel = language["target_line"]
        chart.formatAgainst = { @Sendable v, t in formatter.measure(v, unit: unit, against: t) }
        // A row per office and quarter (thousands at 947 municipalities), whose quarters,
        // targets and statuses are a handful: each is written once.
        var quarterTexts: [Quarter: String] = [:]
        var targetTexts: [TargetKey: String] = [:]
        var statusTexts: [IndicatorStatus: String] = [:]
        func target(_ t: EffectiveTarget) -> String {
            let key = TargetKey(value: t.quarterValue, direction: t.direction.rawValue)
            if let text = targetTexts[key] { return text }
            let text = HTML.escape(formatter.quarterTarget(t.quarterValue, direction: t.direction.rawValue, unit: unit))
            targetTexts[key] = text
            return text
        }
        var rows: [ChartView.Row] = []
        for office in offices {
            let results = site.results(office.slug)
            let officeName = site.municipalityName(office.slug)
            for point in office.reports {
                guard let v = point.value else { continue }
                let result = results?.result(id, point.quarter)
                let quarter = quarterTexts[point.quarter] ?? short(point.quarter)
                quarterTexts[point.quarter] = quarter
                var status = ""
                if let result {
                    status = statusTexts[result.status] ?? statusHTML(result.status, language)
                    statusTexts[result.status] = status
                }
                rows.append(.init(office: officeName, quarter: quarter, value: formatter.measure(v, unit: unit, against: result?.target?.quarterValue),
                                  target: result?.target.map(target) ?? "–", status: status))
            }
        }
        // How many missed their target, per quarter: the summary gave only the lowest, the
        // median and the highest values (session 45's trial could not tell who missed).
        let missedByQuarter = summary == nil ? [:] : Dictionary(grouping: offices.flatMap { office in
            office.reports.compactMap { point -> Quarter? in
                site.results(office.slug)?.result(id, point.quarter)?.status == .missed ? point.quarter : nil
            }
        }, by: { $0 }).mapValues(\.count)
        // The band's range in words, per quarter, for the readers of the table (a screen
        // reader's too: the chart's description gives the targets, not each quarter's range).
        let hasRange = chart.targetBands.contains { $0 != nil }
        let summaryRows = summary.map { s in
            quarters.indices.compactMap { q -> ChartView.SummaryRow? in
                guard s.reporting[q] > 0, let low = s.series[0][q], let median = s.series[1][q], let high = s.series[2][q] else { return nil }
                let band = q < chart.targetBands.count ? chart.targetBands[q] : nil
                return .init(quarter: short(quarters[q]), offices: formatter.number(Double(s.reporting[q])),
                             minimum: format(low), median: format(median), maximum: format(high),
                             missed: formatter.number(Double(missedByQuarter[quarters[q]] ?? 0)),
                             targets: hasRange ? band.map { $0.low == $0.high ? format($0.low) : format($0.low) + "–" + format($0.high) } ?? "–" : nil)
            }
        } ?? []
        // Why a row's target is lower on the quarter an office opened during.
        let notes = series.partialQuarters.map {
            formatter.partialQuarterNote($0.quarter, opening: $0.opening, office: site.municipalityName($0.slug)) ?? ""
        }.filter { !$0.isEmpty }
        return ChartView(has_chart: true, chart_svg: chart.svg(id: "chart-svg-\(id)"), chart_rows: rows,
                         chart_caption: language.format(summarised ? "chart_summary_caption" : "chart_caption", ["indicator": name]),
                         summary: summarised, summary_rows: summaryRows, partial_notes: notes, target_note: targetNote.nonEmpty,
                         has_target_range: hasRange)
    }
}

extension Pages {
    /// Each distinct target of an indicator's offices with whose it is (`chart_target_of`,
    /// the offices' names) or, on a summary, how many offices have it
    /// (`chart_target_count`), sorted as text.
    func whoseTargets(_ series: IndicatorSeries, summarised: Bool, unit: String, _ language: SiteLanguage) -> [String] {
        let formatter = language.formatter
        var byTarget: [TargetKey: [String]] = [:]
        for (office, target) in zip(series.offices, series.targets) {
            guard let target else { continue }
            byTarget[TargetKey(value: target.quarterValue, direction: target.direction.rawValue), default: []].append(office.slug)
        }
        // By value, low to high, beside a band that runs so (the text's order put "100 %"
        // before "95 %", session 47's review); by direction, then text, for equal values.
        return byTarget.map { key, slugs in
            let target = formatter.quarterTarget(key.value, direction: key.direction, unit: unit)
            let text = summarised ? formatter.count("chart_target_count", slugs.count, ["target": target])
                : language.format("chart_target_of", ["target": target, "offices": formatter.list(slugs.map { site.municipalityName($0) })])
            return (key, text)
        }.sorted { ($0.0.value, $0.0.direction, $0.1) < ($1.0.value, $1.0.direction, $1.1) }.map(\.1)
    }
}

/// A target as its words depend on it: the value on a quarter and the direction.
private struct TargetKey: Hashable {
    var value: Double
    var direction: String
}

/// What an indicator's chart shows, in every language: the offices that reported a value
/// of it, each with its reports' values, the quarters with a value, and the offices' targets.
/// Made once per build (`SiteContext.indicatorSeries`): the chart of each language read the
/// reports of every office again, copying each report.
struct IndicatorSeries: Sendable {
    /// An office with a value of the indicator in at least one report.
    struct Office: Sendable {
        var slug: String
        /// Each report of the office, in order (`OfficeProgress.reports`), with its value
        /// of the indicator (nil: the report has none).
        var reports: [(quarter: Quarter, value: Double?)]
        /// The day the office opened, when its office file gives it.
        var opening: Day?
    }

    /// The offices in the site's order (by slug).
    var offices: [Office] = []
    /// The quarters in which any office has a value, in order.
    var quarters: [Quarter] = []
    /// Per office, the value of each of `quarters`: that of its first report of the quarter.
    var values: [[Double?]] = []
    /// Per office, its target for the indicator (`IndicatorResults.targets`).
    var targets: [EffectiveTarget?] = []
    /// Per office, its target on each of `quarters` (`EffectiveTarget.quarterValue` of the
    /// quarter's result: a count's target on the quarter the office opened during is that
    /// of the days it was open).
    var quarterTargets: [[Double?]] = []
    /// The offices with a value on the quarter they opened during whose target is scaled to
    /// the days open (a count's), in the order of `offices`.
    var partialQuarters: [(slug: String, quarter: Quarter, opening: Day)] = []

    init(_ id: String, _ site: SiteContext) {
        for i in site.municipalities.indices {
            let slug = site.municipalities[i].slug
            guard let progress = site.progress(slug) else { continue }
            let reports = progress.reports.map { (quarter: $0.quarter, value: $0.values[id]) }
            if reports.contains(where: { $0.value != nil }) {
                offices.append(Office(slug: slug, reports: reports, opening: site.municipalities[i].openingDate))
            }
        }
        quarters = Array(Set(offices.flatMap { $0.reports.filter { $0.value != nil }.map(\.quarter) })).sorted()
        values = offices.map { office in
            quarters.map { q in office.reports.first { $0.quarter == q }?.value }
        }
        targets = offices.map { site.results($0.slug)?.targets[id] }
        for (o, office) in offices.enumerated() {
            let results = site.results(office.slug)
            // None where the office has no value (no bar): a mark over a quarter before it
            // opened would stand alone (the review of session 39).
            quarterTargets.append(quarters.indices.map { q in
                values[o][q] == nil ? nil : (results?.result(id, quarters[q])?.target ?? targets[o])?.quarterValue
            })
            guard let target = targets[o], target.additive, let opening = office.opening else { continue }
            for q in quarters where q.openDays(from: opening) != nil && office.reports.contains(where: { $0.quarter == q && $0.value != nil }) {
                partialQuarters.append((office.slug, q, opening))
            }
        }
    }
}

/// The lowest value, the median and the highest of the offices' values in each category
/// (quarter), over the offices with a value there. The median of an even count is the
/// mean of the two middle values.
struct ChartSummary: Equatable {
    /// Three series (lowest, median, highest), one value per category; nil where no office has one.
    var series: [[Double?]]
    /// How many offices have a value in each category.
    var reporting: [Int]

    /// `values`: one row per office, `categories` values each (nil: no value).
    init(values: [[Double?]], categories: Int) {
        var low = [Double?](), median = [Double?](), high = [Double?](), reporting = [Int]()
        for c in 0..<categories {
            let column = values.compactMap { c < $0.count ? $0[c] : nil }.sorted()
            reporting.append(column.count)
            guard let first = column.first, let last = column.last else {
                low.append(nil); median.append(nil); high.append(nil)
                continue
            }
            let middle = column.count / 2
            low.append(first)
            median.append(column.count % 2 == 1 ? column[middle] : (column[middle - 1] + column[middle]) / 2)
            high.append(last)
        }
        self.series = [low, median, high]
        self.reporting = reporting
    }
}

/// The view model of `chart.mustache`: an indicator's bar chart and its data table.
struct ChartView: ViewModel {
    struct Row: ViewModel { var office: String; var quarter: String; var value: String; var target: String; var status: String }
    /// A quarter of a summarised chart: how many offices have a value, the lowest, the median, the highest.
    struct SummaryRow: ViewModel {
        var quarter: String; var offices: String; var minimum: String; var median: String; var maximum: String
        /// How many of the offices reporting missed their target on the quarter.
        var missed: String
        /// The quarter's band of targets (`BarChart.targetBands`): "6–8", one value when the
        /// offices share one, "–" for none; nil when the chart draws no band.
        var targets: String?
    }

    var has_chart: Bool
    var chart_svg: String
    /// Every office's value per quarter (the table of a chart per office; under a summarised
    /// chart, shown by the indicator's page only).
    var chart_rows: [Row]
    var chart_caption: String
    /// Whether the chart shows the lowest, median and highest value per quarter (`ChartSummary`).
    var summary: Bool
    var summary_rows: [SummaryRow]
    /// Under the table of every office's values: the quarter each office opened during, whose
    /// count targets are those of the days it was open (`Formatter.partialQuarterNote`).
    var partial_notes: [String] = []
    /// The targets the chart's values are compared with, in words, shown under it: a
    /// summary whose offices' targets differ draws no line, and said so only to a screen
    /// reader (session 45's trial).
    var target_note: String?
    /// Whether the summary's table has a column of each quarter's band of targets
    /// (`SummaryRow.targets`).
    var has_target_range = false
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
    /// An open issue of an office's follow-up, in the network's list (`Pages.openIssues`).
    struct Issue: ViewModel {
        var office: String
        /// The office page's list of issues.
        var href: String
        var title: TextView
        var owner: TextView
        /// The due date in words, or "–" without one.
        var due: String
        /// The due date as written (`YYYY-MM-DD`), for `<time datetime>`; nil without one.
        var due_day: String?
        /// `open` or `overdue`.
        var status: String
        var status_label: String
    }

    /// Every office's open follow-up issues, overdue first, then by due date.
    var issues: [Issue]
    var has_issues: Bool
    /// The day the offices' open follow-up issues are counted as of (`BuildInput.stateDay`;
    /// an open issue past its due date is overdue), in words.
    var as_of: String
}
