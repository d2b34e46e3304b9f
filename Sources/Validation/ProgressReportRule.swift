import Diagnostics
import Loading
import Model
import Resolution

/// From the status the model names on, an office has a progress report for each
/// quarter that has finished since it opened.
struct ProgressReportRule: Rule {
    static let rules = [
        RuleInfo("progress-report-missing", "A finished quarter since opening has no progress report."),
    ]

    func check(_ c: ValidationContext) -> [Diagnostic] {
        guard let (from, reqSpan) = c.settings.requirements.reportsFrom else { return [] }
        var out: [Diagnostic] = []
        for m in c.resolved where m.reached(from) {
            guard let opening = m.openingDate else { continue }
            let present = Set(m.files.reports.map(\.id))
            for q in Quarter.finished(since: opening, asOf: c.asOf) where !present.contains(q.id) {
                out.append(.error("progress-report-missing",
                                  "no progress report for \(q) (expected seeds/\(m.slug)/reports/\(q.id).yaml)",
                                  at: m.files.office?.root?["opening_date"]?.span ?? m.statusSpan,
                                  related: [RelatedLocation(reqSpan, "reports are required from status '\(from.rawValue)'")],
                                  help: "write the report of the quarter that ended on \(q.lastDay)"))
            }
        }
        return out
    }
}
