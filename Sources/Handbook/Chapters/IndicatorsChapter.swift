import Presentation
import Loading
import Model
import Rendering
import Resolution

/// The view model of `chapters/indicators`: each indicator with its definition, unit
/// and target (a local target marked as such), the values of the latest progress
/// reports by quarter, and the reports' narratives.
public struct IndicatorsView: ChapterView {
    /// An indicator's definition. Targets are HTML (`com a mínim 86 %`).
    public struct Indicator: ViewModel, Hashable {
        /// The `id` that cross-references link to.
        public var anchor: String
        /// The name, in the handbook's language.
        public var name: TextView?
        /// The field of the same name, in the handbook's language.
        public var definition: TextView?
        public var unit: String
        public var type: String
        public var frequency: String
        public var target: String
        /// The local mark of a target the municipality set, with the model's target.
        public var target_local: LocalView?
        /// Where the local target is written.
        public var target_source: String?
        public var source: TextView?
    }

    /// A quarter's column (`T2 2026`).
    public struct Column: ViewModel, Hashable {
        public var label: String
    }

    /// An indicator's row of reported values.
    public struct ValueRow: ViewModel, Hashable {
        /// The indicator, linked to its definition.
        public var indicator: LinkView
        public var target: String
        public var target_local: LocalView?
        public var cells: [Cell]
    }

    /// A reported value with its status against the target on the same period (`no
    /// assolit`; `status_class` is `met`, `missed` or `no-data`), and the number of its note.
    public struct Cell: ViewModel, Hashable {
        public var value: String
        public var status: String
        public var status_class: String
        public var note: String?
    }

    /// A note on a reported value.
    public struct ValueNote: ViewModel, Hashable {
        public var number: String
        public var quarter: String
        public var indicator: TextView?
        public var text: TextView?
    }

    /// A progress report.
    public struct Report: ViewModel, Hashable {
        /// The `id` that cross-references link to.
        public var anchor: String
        /// `Informe del 2n trimestre de 2026`.
        public var title: String
        public var submitted: String?
        public var file: String
        public var narrative: ParagraphsView?
        public var milestones: Rows<TextView>?
    }

    /// The UI strings of the language (`{{ui.key}}`), set by the renderer.
    public var ui: WordTable = [:]
    /// The heading of the section.
    public var definitions: HeadingView
    public var indicator_list: [Indicator]
    /// The heading of the section.
    public var values: HeadingView
    /// Said instead when there is nothing to list.
    public var no_reports: String?
    public var quarters: [Column] = []
    public var value_rows: [ValueRow] = []
    public var value_notes: [ValueNote] = []
    /// The quarter the office opened during, said under the table (its counts' targets are
    /// those of the days it was open: `EffectiveTarget.share`); empty when none.
    public var partial_notes: [String] = []
    /// The heading of the section.
    public var reports: HeadingView
    public var report_list: [Report]
}

/// Builds the indicators chapter.
struct IndicatorsChapter: ChapterBuilder {
    /// The mark of the note at `index` (from 0): a, b, …, z, then aa, ab, ….
    static func noteMark(_ index: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return index < 26 ? String(letters[index]) : noteMark(index / 26 - 1) + String(letters[index % 26])
    }

    /// How many quarters the table of reported values shows.
    static let quarters = 4

    func build(_ c: HandbookContext, number: Int) -> ChapterContent {
        var sections = SectionNumbers(chapter: number)
        let m = c.markup
        let values = ValueText(c)
        func heading(_ key: String, _ anchor: String) -> HeadingView { sections.next(m.plainView(c.words[key]), anchor: anchor) }

        let definitions = heading("indicators.definitions", "indicators-definitions")
        let results = IndicatorResults(c.view, network: c.network)
        /// The office's target in words (`at least 60 a month`), with where it comes from;
        /// beside the quarters' values, on the quarter first (`targetBesideQuarters`).
        func targetText(_ id: String, unit: String?, besideQuarters: Bool = false) -> String {
            guard let t = results.targets[id] else { return "—" }
            var text = HTML.escape(besideQuarters
                ? c.format.targetBesideQuarters(t.value, quarterValue: t.quarterValue, direction: t.direction.rawValue,
                                                period: t.period.rawValue, unit: unit, additive: t.additive)
                : c.format.target(t.value, direction: t.direction.rawValue, period: t.period.rawValue, unit: unit, additive: t.additive))
            switch t.source {
            case .model, .local: break
            case let .band(upTo, _): text += " (" + HTML.escape(c.words("target_source.band", ["up_to": c.format.number(Double(upTo))])) + ")"
            case let .agency(reason, _):
                text += " (" + HTML.escape(c.words("target_source.agency", ["reason": reason?.text(c.language, fallback: c.network.settings.defaultLanguage).text ?? ""])) + ")"
            }
            return text
        }
        let indicators = c.view.indicators.map { ind -> IndicatorsView.Indicator in
            let f = ind.fields
            let unit = f.string(at: "unit")
            let local = ind.overrides.isEmpty ? nil
                : c.local(modelValue: ind.document.root?["target"].map { values.target($0, unit: unit) } ?? "—")
            return .init(anchor: Anchors.indicator(ind.id), name: m.view(f["name"]), definition: m.view(f["definition"]),
                         unit: c.words["unit.\(unit ?? "")"], type: c.words["indicator_type.\(f.string(at: "type") ?? "")"],
                         frequency: c.words["frequency.\(f.string(at: "frequency") ?? "")"],
                         target: targetText(ind.id, unit: unit), target_local: local,
                         target_source: local.map { _ in ind.overrides.map { c.place($0.localValue.span) }.first ?? "" },
                         source: m.view(f["source"]))
        }

        // Reported values
        let reports = c.view.files.reports.compactMap { doc -> (Quarter, Document)? in
            guard let y = doc.root?["period"]?["year"]?.int, let q = doc.root?["period"]?["quarter"]?.int else { return nil }
            return (Quarter(year: y, quarter: q), doc)
        }.sorted { $0.0 < $1.0 }
        let recent = Array(reports.suffix(IndicatorsChapter.quarters))
        var view = IndicatorsView(definitions: definitions, indicator_list: indicators,
                                  values: heading("indicators.values", "indicators-values"),
                                  reports: HeadingView(number: "", title: m.plainView(""), anchor: ""), report_list: [])
        if recent.isEmpty {
            view.no_reports = c.words["indicators.no_reports"]
        } else {
            view.quarters = recent.map { .init(label: c.format.quarter($0.0, short: true)) }
            var notes: [IndicatorsView.ValueNote] = []
            view.value_rows = c.view.indicators.map { ind in
                let unit = ind.fields.string(at: "unit")
                let cells = recent.map { (quarter, doc) -> IndicatorsView.Cell in
                    guard let v = (doc.root?.sequence(at: "values") ?? []).first(where: { $0.string(at: "indicator") == ind.id }),
                          let n = numeric(v["value"]) else {
                        return .init(value: "—", status: c.format.status(IndicatorStatus.noData.rawValue), status_class: IndicatorStatus.noData.rawValue)
                    }
                    let result = results.result(ind.id, quarter)
                    let status = result?.status ?? .noData
                    var cell = IndicatorsView.Cell(value: c.format.measure(n, unit: unit, against: result?.target?.quarterValue),
                                                   status: c.format.status(status.rawValue), status_class: status.rawValue)
                    // Notes are lettered, as tables of figures letter theirs: a digit after a
                    // figure read as one of its digits ("1183" for 118 and note 3, in the
                    // PDF's text and to a screen reader: session 38's trial).
                    if let note = v["note"] {
                        let mark = IndicatorsChapter.noteMark(notes.count)
                        notes.append(.init(number: mark, quarter: c.format.quarter(quarter, short: true),
                                           indicator: m.view(ind.fields["name"]), text: m.view(note)))
                        cell.note = mark
                    }
                    return cell
                }
                return .init(indicator: c.indicatorLinkView(ind.id), target: targetText(ind.id, unit: unit, besideQuarters: true),
                             target_local: ind.overrides.isEmpty ? nil : c.local(modelValue: nil), cells: cells)
            }
            view.value_notes = notes
            view.partial_notes = recent.compactMap { c.format.partialQuarterNote($0.0, opening: c.view.openingDate) }
        }

        // Reports
        view.reports = heading("indicators.reports", "indicators-reports")
        view.report_list = reports.reversed().map { (quarter, doc) in
            let r = doc.root
            return .init(anchor: "report-\(quarter.id)", title: c.words("indicators.report_title", ["quarter": c.format.quarter(quarter)]),
                         submitted: r?.string(at: "submitted").map { c.words("indicators.submitted", ["date": c.format.date($0)]) },
                         file: doc.path, narrative: m.paragraphsView(r?["narrative"]),
                         milestones: .of((r?.sequence(at: "milestones") ?? []).compactMap(m.view)))
        }
        return ChapterContent(model: view, sections: sections.sections)
    }
}
