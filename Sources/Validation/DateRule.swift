import Diagnostics
import Loading
import Model
import Resolution

/// A period of the documents of one kind: two dates of which the first must not come
/// after the second. `DateRule.periods` lists every period of the tree in one table.
struct DatedPeriod: Sendable {
    /// The kind of document that holds the period.
    let kind: Kind
    /// The list of the document whose items each hold the period (`actions`), or nil for
    /// the document itself.
    let list: String?
    /// The path of each date below the document or item, its keys separated by dots
    /// (`period.start`, `decision.date`).
    let start: String
    let end: String
    /// Who has the period in a message: `{id}` is the item's id, `{doc}` the document's.
    let subject: String
    /// The verb before the end's date (`ends on`), and the words before the start's
    /// (`it starts on`).
    let ends: String
    let starts: String
    /// The related note at the start's date.
    let startNote: String

    /// The node at a dotted path below `node`.
    static func node(_ node: Node, _ path: String) -> Node? {
        // A single key is looked up as it is: split, it cost an array and a string a date
        // (0.3% of `oae check` at 200 municipalities; issue 13).
        if !path.utf8.contains(UInt8(ascii: ".")) { return node[path] }
        var at: Node? = node
        for key in path.split(ascii: ".") { at = at?[String(key)] }
        return at
    }
}

/// Dates agree with each other: a period starts before it ends, actions fall inside
/// their plan's period, and a report's period is the quarter of its file name.
struct DateRule: MunicipalRule {
    static let rules = [
        RuleInfo("date-period-inverted", "A period ends before it starts."),
        RuleInfo("date-outside-period", "An action's date falls outside its plan's period."),
        RuleInfo("report-period-mismatch", "A report's period differs from the quarter of its file name."),
    ]

    /// Every period of the tree, checked by `date-period-inverted`. Agreements
    /// (`agreement-dates-inverted`), releases (`release-order`) and recruitment milestones
    /// (`recruitment-milestones-order`) have rules of their own.
    static let periods: [DatedPeriod] = [
        DatedPeriod(kind: .communicationPlan, list: nil, start: "period.start", end: "period.end",
                    subject: "the plan's period", ends: "ends on", starts: "it starts on", startNote: "the period's start"),
        DatedPeriod(kind: .followUp, list: "actions", start: "start", end: "end",
                    subject: "action '{id}'", ends: "ends on", starts: "it starts on", startNote: "the action's start"),
        DatedPeriod(kind: .followUp, list: "issues", start: "opened", end: "due",
                    subject: "issue '{id}'", ends: "is due on", starts: "it was opened on", startNote: "when the issue was opened"),
        DatedPeriod(kind: .followUp, list: "issues", start: "opened", end: "closed",
                    subject: "issue '{id}'", ends: "was closed on", starts: "it was opened on", startNote: "when the issue was opened"),
        DatedPeriod(kind: .expansion, list: "waves", start: "start", end: "end",
                    subject: "wave '{id}'", ends: "ends on", starts: "it starts on", startNote: "the wave's start"),
        DatedPeriod(kind: .assessment, list: nil, start: "period.start", end: "period.end",
                    subject: "the period of assessment '{doc}'", ends: "ends on", starts: "it starts on", startNote: "the period's start"),
        DatedPeriod(kind: .assessment, list: nil, start: "period.end", end: "decision.date",
                    subject: "assessment '{doc}'", ends: "was decided on", starts: "the period it assesses ends on",
                    startNote: "the end of the assessed period"),
        DatedPeriod(kind: .proposal, list: nil, start: "submitted_on", end: "decision.date",
                    subject: "proposal '{doc}'", ends: "was decided on", starts: "it was submitted on",
                    startNote: "when the proposal was submitted"),
    ]

    /// `date-period-inverted` for the periods of `doc` (of the period's kind).
    static func inverted(_ period: DatedPeriod, in doc: Document) -> [Diagnostic] {
        guard let root = doc.root else { return [] }
        let holders = period.list.map { root[$0]?.sequence ?? [] } ?? [root]
        var out: [Diagnostic] = []
        for holder in holders {
            guard let startNode = DatedPeriod.node(holder, period.start), let start = startNode.string.flatMap(Day.init),
                  let endNode = DatedPeriod.node(holder, period.end), let end = endNode.string.flatMap(Day.init),
                  end < start else { continue }
            let subject = period.subject
                .replacingOccurrences(of: "{id}", with: holder.string(at: "id") ?? "?")
                .replacingOccurrences(of: "{doc}", with: doc.id)
            out.append(.error("date-period-inverted", "\(subject) \(period.ends) \(end), before \(period.starts) \(start)",
                              at: endNode.span, related: [RelatedLocation(startNode.span, period.startNote)],
                              help: "correct the date that is wrong (often the year)"))
        }
        return out
    }

    /// The periods of the documents that are no municipality's (the programme's records,
    /// the model's proposals).
    func checkShared(_ c: ValidationContext) -> [Diagnostic] {
        DateRule.periods.filter { c.network.kinds.declaration($0.kind)?.isMunicipal == false }.flatMap { period in
            c.network.modelDocuments(period.kind).flatMap { DateRule.inverted(period, in: $0) }
        }
    }

    func check(_ m: ResolvedMunicipality, _ c: ValidationContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for period in DateRule.periods where c.network.kinds.declaration(period.kind)?.isMunicipal == true {
            for doc in m.files.documents(period.kind) { out += DateRule.inverted(period, in: doc) }
        }
        if let plan = m.files.communicationPlan?.root, let period = plan["period"],
           let start = period.string(at: "start").flatMap(Day.init), let end = period.string(at: "end").flatMap(Day.init),
           start <= end {
            for action in plan.sequence(at: "actions") ?? [] {
                guard let node = action["date"], let day = node.string.flatMap(Day.init),
                      day < start || day > end else { continue }
                out.append(.error("date-outside-period",
                                  "action '\(action.string(at: "id") ?? "?")' is dated \(day), outside the plan's period \(start) to \(end)",
                                  at: node.span, related: [RelatedLocation(period.span, "the plan's period")],
                                  help: "move the action into the period, or widen the period"))
            }
        }
        for report in m.files.reports {
            guard let period = report.root?["period"], let year = period["year"]?.int,
                  let quarter = period["quarter"]?.int else { continue }
            let q = Quarter(year: year, quarter: quarter)
            if q.id != report.id {
                // Point at the field that differs from the file name, when only one does.
                let named = Quarter(id: report.id)
                let at = named.map { n -> SourceSpan in
                    if n.year == year, n.quarter != quarter { return period["quarter"]!.span }
                    if n.quarter == quarter, n.year != year { return period["year"]!.span }
                    return period.span
                } ?? period.span
                // Not a rename onto the report of that quarter (session 37's trial was sent
                // to 2026-q3.yaml, which stood beside it).
                // Only a report whose own period is its name's: two reports with their
                // periods swapped are each told to correct it, not that the other is
                // already that quarter's (the review of session 37).
                let taken = m.files.reports.contains { other in
                    other.id == q.id && other.root?["period"]?["year"]?.int == year && other.root?["period"]?["quarter"]?.int == quarter
                }
                out.append(.error("report-period-mismatch",
                                  "the report's period is \(q), but its file is named for \(report.id)",
                                  at: at, help: taken ? "correct the period: \(q.id).yaml is the report of \(q) already"
                                                      : "rename the file to \(q.id).yaml, or correct the period"))
            }
        }
        return out
    }
}
