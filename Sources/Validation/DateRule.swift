import Diagnostics
import Loading
import Model
import Resolution

/// Dates agree with each other: a period starts before it ends, actions fall inside
/// their plan's period, and a report's period is the quarter of its file name.
struct DateRule: MunicipalRule {
    static let rules = [
        RuleInfo("date-period-inverted", "A period ends before it starts."),
        RuleInfo("date-outside-period", "An action's date falls outside its plan's period."),
        RuleInfo("report-period-mismatch", "A report's period differs from the quarter of its file name."),
    ]

    func check(_ m: ResolvedMunicipality, _ c: ValidationContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        if let plan = m.files.communicationPlan?.root, let period = plan["period"],
           let start = period["start"]?.string.flatMap(Day.init), let end = period["end"]?.string.flatMap(Day.init) {
            if end < start {
                out.append(.error("date-period-inverted", "the plan's period ends on \(end), before it starts on \(start)",
                                  at: period["end"]!.span))
            } else {
                for action in plan["actions"]?.sequence ?? [] {
                    guard let node = action["date"], let day = node.string.flatMap(Day.init),
                          day < start || day > end else { continue }
                    out.append(.error("date-outside-period",
                                      "action '\(action["id"]?.string ?? "?")' is dated \(day), outside the plan's period \(start) to \(end)",
                                      at: node.span, related: [RelatedLocation(period.span, "the plan's period")],
                                      help: "move the action into the period, or widen the period"))
                }
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
                out.append(.error("report-period-mismatch",
                                  "the report's period is \(q), but its file is named for \(report.id)",
                                  at: at, help: "rename the file to \(q.id).yaml, or correct the period"))
            }
        }
        return out
    }
}
