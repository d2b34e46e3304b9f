import Diagnostics
import Loading
import Model

/// A date that records what has happened (a review, a release, a decision, an issue
/// closed) is not after the day of the check, when that day was given
/// (`ValidationContext.asOfGiven`, as `report-after-check-day` reads it): a build
/// reproduced at an older epoch, or a tree with work newer than its last commit, holds
/// such dates rightly, so without `--as-of` nothing is said.
struct CheckDayRule: DocumentRule {
    static let rules = [
        RuleInfo("date-after-check-day", "A date of something done (a review, a release, a decision) is after the day the check is made as of (--as-of)."),
    ]

    /// A date of the past: the kind that holds it (nil: any kind), the list whose items
    /// hold it (nil: the document), its dotted path, and what it records, after the
    /// subject (`{id}` the item's id or version, `{doc}` the document's id).
    struct PastDate: Sendable {
        let kind: Kind?
        let list: String?
        let field: String
        let what: String
    }

    static let dates: [PastDate] = [
        PastDate(kind: nil, list: nil, field: "last_reviewed", what: "{kind} '{doc}' was last reviewed on"),
        PastDate(kind: .releaseHistory, list: "releases", field: "date", what: "release {id} is dated"),
        PastDate(kind: .proposal, list: nil, field: "submitted_on", what: "proposal '{doc}' was submitted on"),
        PastDate(kind: .proposal, list: nil, field: "decision.date", what: "proposal '{doc}' was decided on"),
        PastDate(kind: .assessment, list: nil, field: "decision.date", what: "assessment '{doc}' was decided on"),
        PastDate(kind: .followUp, list: "issues", field: "closed", what: "issue '{id}' was closed on"),
    ]

    /// A document's dates are its own (the day of the check is the same in a reused context).
    func keepsOtherDocuments(_ delta: ValidationContext.Delta) -> Bool { true }

    func prepare(_ c: ValidationContext) {}

    func check(_ doc: Document, _: Void, _ c: ValidationContext) -> [Diagnostic] {
        guard c.asOfGiven, let root = doc.root else { return [] }
        var out: [Diagnostic] = []
        for date in CheckDayRule.dates where date.kind == nil || date.kind == doc.kind {
            for holder in date.list.map({ root[$0]?.sequence ?? [] }) ?? [root] {
                guard let node = DatedPeriod.node(holder, date.field), let day = node.string.flatMap(Day.init), day > c.asOf else { continue }
                let subject = date.what
                    .replacingOccurrences(of: "{kind}", with: doc.kind.rawValue)
                    .replacingOccurrences(of: "{doc}", with: doc.id)
                    .replacingOccurrences(of: "{id}", with: (holder["id"] ?? holder["version"])?.display ?? "?")
                out.append(.error("date-after-check-day", "\(subject) \(day), after \(c.asOf), the day of the check",
                                  at: node.span,
                                  help: "correct the date (often the year): it records what was done, on or before the day it is committed"))
            }
        }
        return out
    }
}
