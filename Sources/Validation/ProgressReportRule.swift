import Diagnostics
import Loading
import Model
import Resolution

/// From the status the model names on, an office has a progress report for each
/// quarter that has finished since it opened, once the days the model gives to write it
/// (`progress_reports.due_within_days`) have passed: the day after a quarter ended, its
/// report was not missing yet, and the build of every office stopped on it (session 29's
/// trial). Quarters missing one after the other are
/// one diagnostic, which names the first and the last: a check as of a day years ahead
/// (`--as-of 9999-12-31`) said so once per quarter, 63,784 lines on the example.
struct ProgressReportRule: Rule {
    static let rules = [
        RuleInfo("progress-report-missing", "A quarter since opening has no progress report past its due date."),
    ]

    func check(_ c: ValidationContext) -> [Diagnostic] {
        guard let (from, reqSpan) = c.settings.requirements.reportsFrom else { return [] }
        var out: [Diagnostic] = []
        let misnamed = ProgressReportRule.misnamed(c.network.tree.diagnostics)
        for m in c.resolved where m.reached(from) {
            guard let opening = m.openingDate else { continue }
            let present = Set(m.files.reports.map(\.id)).union(misnamed[m.slug] ?? [])
            let at = m.files.office?.root?["opening_date"]?.span ?? m.statusSpan
            let related = [RelatedLocation(reqSpan, "reports are required from status '\(from.rawValue)'")]
            let grace = c.settings.requirements.reportsDueWithinDays
            func due(_ q: Quarter) -> String { grace == 0 ? "" : ", due by \(Day(ordinal: q.lastDay.ordinal + grace))" }
            for run in ProgressReportRule.runs(Quarter.finished(since: opening, asOf: c.asOf, grace: grace).filter { !present.contains($0.id) }) {
                let (first, last) = (run.first!, run.last!)
                let folder = "seeds/\(m.slug)/reports/"
                out.append(run.count == 1
                    ? .error("progress-report-missing",
                             "no progress report for \(first) (expected \(folder)\(first.id).yaml)",
                             at: at, related: related, help: "write the report of the quarter that ended on \(first.lastDay)\(due(first))")
                    : .error("progress-report-missing",
                             "no progress reports for the \(run.count) quarters from \(first) to \(last) (expected \(folder)\(first.id).yaml to \(last.id).yaml)",
                             at: at, related: related,
                             help: "write the report of each quarter, the first ended on \(first.lastDay)\(due(first)), the last on \(last.lastDay)\(due(last))"))
            }
        }
        return out
    }

    /// The quarters whose report is written but misnamed (`2026-Q3.yaml`, `2026-q3.yml`,
    /// `2026-q3.YAML`, `2026-T3.yaml` as Catalan writes *trimestre*, `Q3-2026.yaml`), by
    /// municipality: the load's error or warning says so at the file, and the quarter is
    /// not also missing (session 35's and 36's trials). Read from the load's diagnostics,
    /// which are few.
    static func misnamed(_ diagnostics: [Diagnostic]) -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        for d in diagnostics where d.rule == "document-name-invalid" || d.rule == "tree-unexpected-file" {
            let parts = d.span.file.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 4, parts[0] == "seeds", parts[2] == "reports", let dot = parts[3].lastIndex(of: ".") else { continue }
            let ext = parts[3][parts[3].index(after: dot)...].lowercased()
            guard ext == "yaml" || ext == "yml", let quarter = quarter(named: String(parts[3][..<dot])) else { continue }
            out[String(parts[1]), default: []].insert(quarter.id)
        }
        return out
    }

    /// The quarter a report's file name means, written as people write it: a year of four
    /// digits and a quarter from 1 to 4 (`3`, `03`), in either order, with `q` or `t` before
    /// the quarter or not, parted by `-`, `_`, a space or nothing. Nil for anything else.
    static func quarter(named stem: String) -> Quarter? {
        let text = stem.lowercased()
        guard text.allSatisfy({ $0.isASCII && ($0.isNumber || "qt-_ ".contains($0)) }) else { return nil }
        let numbers = text.split(whereSeparator: { !$0.isNumber })
        let words = text.split(whereSeparator: { $0.isNumber || "-_ ".contains($0) })
        guard numbers.count == 2, words.count <= 1, words.allSatisfy({ $0 == "q" || $0 == "t" }) else { return nil }
        let year = numbers.first { $0.count == 4 }, other = numbers.first { $0.count <= 2 }
        guard let year, let other, let y = Int(year), let q = Int(other), (1...4).contains(q) else { return nil }
        return Quarter(year: y, quarter: q)
    }

    /// The quarters, in order, cut into runs of quarters that follow one another.
    static func runs(_ quarters: [Quarter]) -> [[Quarter]] {
        var runs: [[Quarter]] = []
        for q in quarters {
            if let last = runs.last?.last, last.next == q { runs[runs.count - 1].append(q) } else { runs.append([q]) }
        }
        return runs
    }
}
