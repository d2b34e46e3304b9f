import Loading
import Model
import Presentation
import Rendering
import Resolution

extension Pages {
    /// An assessment's report: the decision, the criteria with their evidence and
    /// findings, the indicator results oae computes from the offices' reports over the
    /// period (never typed by hand), the recommendations with links to what they change,
    /// and every item of the tree left to the assessment (`decide_at: assessment`).
    /// `printable` gives the same report as a document to print (`assessments/<id>-print.html`).
    func assessment(_ id: String, printable: Bool, _ language: SiteLanguage, _ path: String) -> PageContent {
        guard let doc = network.modelDocument(.assessment, id) else { return notFound(language, path) }
        let record = AssessmentRecord(doc)
        let root = doc.root
        let formatter = language.formatter
        let decision = root?["decision"]
        let criteria = (root?.sequence(at: "criteria") ?? []).map { c in
            AssessmentView.Criterion(id: c.string(at: "id") ?? "", name: language["criterion.\(c.string(at: "id") ?? "")"],
                                     question: language.text(c["question"]), evidence: texts(c["evidence"], language),
                                     findings: language.text(c["findings"]))
        }
        // Results: each office's indicators over the quarters of the period.
        var counts: [IndicatorStatus: Int] = [:]
        let offices = record.offices.compactMap { slug -> AssessmentView.OfficeResults? in
            guard let r = site.resolved[slug], let results = site.results(slug) else { return nil }
            let quarters = results.quarters.filter(record.covers)
            let rows = r.indicators.map { ind -> AssessmentView.ResultRow in
                let unit = ind.fields.string(at: "unit") ?? "count"
                let cells = quarters.map { q -> AssessmentView.ResultCell in
                    let result = results.result(ind.id, q)
                    counts[result?.status ?? .noData, default: 0] += 1
                    return .init(value: result?.value.map { formatter.measure($0, unit: unit, against: result?.target?.quarterValue) } ?? "–",
                                 status: statusHTML(result?.status ?? .noData, language))
                }
                return .init(indicator: modelLink(.indicator, ind.id, .indicator(ind.id), language, from: path),
                             target: targetHTML(results.targets[ind.id], unit: unit, language), cells: cells)
            }
            return .init(office: officeSummary(slug, language, path), id: "results-\(slug)",
                         quarters: quarters.map { .init(label: formatter.quarter($0, short: true)) }, rows: rows,
                         partial_notes: quarters.compactMap { formatter.partialQuarterNote($0, opening: r.openingDate) })
        }
        let summary = language.format("assessment_results_summary", [
            "met": formatter.number(Double(counts[.met] ?? 0)), "missed": formatter.number(Double(counts[.missed] ?? 0)),
            "no_data": formatter.number(Double(counts[.noData] ?? 0)),
        ])
        let recommendations = (root?.sequence(at: "recommendations") ?? []).map { rec in
            AssessmentView.Recommendation(
                id: "recommendation-\(rec.string(at: "id") ?? "")", text: language.text(rec["text"]),
                changes: (rec.sequence(at: "changes") ?? []).compactMap { change in
                    guard let pair = change.pairs?.first, let target = pair.value.string else { return nil }
                    return changeLink(pair.key.keyText, target, language, path)
                })
        }
        // The items of the offices assessed and the programme's; those of other offices wait
        // for an assessment of their own, counted (session 45's trial read 70 items of 34
        // offices the pilot's assessment never looked at as its pending decisions).
        let assessed = Set(record.offices)
        let own = site.deferredToAssessment.filter { $0.document.municipality.map(assessed.contains) ?? true }
        let elsewhere = site.deferredToAssessment.count - own.count
        let deferred = own.map { item in
            let text = ["reason", "title", "notes", "text", "summary"].lazy.compactMap { item.item[$0] }.first
            let what = item.item.string(at: "service").map { site.titleString(.service, $0, language) }
            // What is deferred: the service an omission names, else the kind of document.
            let kind = network.kinds.declaration(item.document.kind)?.label?
                .text(language.code, fallback: network.settings.defaultLanguage).text
            let kindText = kind.map { Typography.prose($0) } ?? item.document.kind.rawValue
            // The office's page, not the file and line (a reviewer's page: session 38's trial).
            return AssessmentView.Deferred(
                href: item.document.municipality.map { href(.office($0), language, from: path) },
                municipality: item.document.municipality.map(site.municipalityName) ?? "",
                what: what ?? language.formatter.label(kindText), text: language.text(text))
        }
        let title = language.string(root?["title"]).nonEmpty ?? id
        let view = AssessmentView(
            title: title, printable: printable,
            other_href: printable ? href(.assessment(id), language, from: path) : href(.assessmentPrint(id), language, from: path),
            body: site.bodies.render(doc, in: language, pagePath: path, headingShift: 1),
            offices_assessed: formatter.list(record.offices.map(site.municipalityName)),
            period: language.format("assessment_period", ["start": language.date(root?["period"]?.string(at: "start")),
                                                          "end": language.date(root?["period"]?.string(at: "end"))]),
            outcome: language["assessment_outcome.\(decision?.string(at: "outcome") ?? "")"],
            outcome_class: decision?.string(at: "outcome") ?? "",
            decision_body: language.text(decision?["body"]), decision_date: language.date(decision?.string(at: "date")),
            decision_day: decision?.string(at: "date") ?? "", model_version: decision?.string(at: "model_version") ?? "",
            decision_summary: language.text(decision?["summary"]),
            criteria: criteria, results: offices, results_summary: summary,
            recommendations: recommendations, deferred: deferred, has_deferred: !deferred.isEmpty,
            // Decided: the recommendations answer them; the items stay until their files say so.
            deferred_decided: decision?.string(at: "date").map { language.format("assessment_deferred_decided", ["date": language.date($0)]) },
            deferred_elsewhere: elsewhere == 0 ? nil : formatter.count("assessment_deferred_elsewhere", elsewhere))
        return PageContent(title: title, description: language.string(decision?["summary"]),
                           breadcrumbs: printable ? [(title, .assessment(id))] : [],
                           // The document to print is the report again: search finds the page once
                           // (session 38's trial found it twice).
                           html: render("assessment", view, language), indexed: !printable, section: .progress,
                           styles: printable ? [SiteAsset.reportPrint] : [])
    }

    /// A link to what a recommendation changes: a model document or an office's page.
    func changeLink(_ kind: String, _ id: String, _ language: SiteLanguage, _ path: String) -> AssessmentView.Change {
        let label = language[ "change_kind.\(kind)"]
        switch kind {
        case "office":
            return .init(kind: label, link: TextLink(language.plain(site.municipalityName(id)), href: href(.office(id), language, from: path)))
        case "service": return .init(kind: label, link: modelLink(.service, id, .service(id), language, from: path))
        case "procedure": return .init(kind: label, link: modelLink(.procedure, id, .procedure(id), language, from: path))
        case "indicator": return .init(kind: label, link: modelLink(.indicator, id, .indicator(id), language, from: path))
        case "training-module": return .init(kind: label, link: modelLink(.trainingModule, id, .training(id), language, from: path))
        default:
            // A handbook chapter has no page of its own: its title, linked to the model's index.
            let title = network.modelDocument(Kind(kind), id).map { language.text($0.root?["title"]) } ?? language.plain(id)
            return .init(kind: label, link: TextLink(title, href: href(.modelIndex, language, from: path)))
        }
    }
}

/// The view model of `assessment.mustache` (the report page and its printable document).
struct AssessmentView: ViewModel {
    struct Criterion: ViewModel {
        var id: String
        var name: String
        var question: TextView
        var evidence: [TextView]
        var findings: TextView
    }
    struct Column: ViewModel { var label: String }
    /// A value with its status (HTML: text and colour).
    struct ResultCell: ViewModel { var value: String; var status: String }
    struct ResultRow: ViewModel {
        var indicator: TextLink
        /// The office's target with its period (HTML).
        var target: String
        var cells: [ResultCell]
    }
    struct OfficeResults: ViewModel {
        var office: OfficeSummary
        var id: String
        var quarters: [Column]
        var rows: [ResultRow]
        /// The quarter the office opened during (`Formatter.partialQuarterNote`).
        var partial_notes: [String]
    }
    struct Change: ViewModel { var kind: String; var link: TextLink }
    struct Recommendation: ViewModel {
        var id: String
        var text: TextView
        var changes: [Change]
    }
    /// An item of the tree left to the assessment, with its file and line.
    struct Deferred: ViewModel {
        /// The page of the office whose file defers the decision (nil for the programme's).
        var href: String?
        var municipality: String
        var what: String
        var text: TextView
    }

    var title: String
    var printable: Bool
    /// The printable document from the page, or the page from the document.
    var other_href: String
    /// The assessment's prose (HTML from its Markdown body).
    var body: String
    var offices_assessed: String
    var period: String
    var outcome: String
    var outcome_class: String
    var decision_body: TextView
    var decision_date: String
    var decision_day: String
    var model_version: String
    var decision_summary: TextView
    var criteria: [Criterion]
    var results: [OfficeResults]
    var results_summary: String
    var recommendations: [Recommendation]
    var deferred: [Deferred]
    var has_deferred: Bool
    /// Said when the assessment is decided: its recommendations answer the items left to it.
    var deferred_decided: String?
    /// How many items of offices it did not assess are left to an assessment, when any.
    var deferred_elsewhere: String?
}
