import Diagnostics
import Loading
import Model

/// A date that records what has happened (a review, a release, a decision, an issue
/// closed) is not after the day of the check (`ValidationContext.checkDay`, as
/// `report-after-check-day` reads it): the day `--as-of` gives, else, for `oae check`,
/// today. Not the last commit's date: a tree with work newer than its last commit holds
/// such dates rightly; nor a build's day, which may be an older epoch.
struct CheckDayRule: DocumentRule {
    static let rules = [
        RuleInfo("date-after-check-day", "A date of something done (a review, a release, a decision) is after the day the check is made as of (--as-of, else today)."),
    ]

    /// A date of the past: the kind that holds it (nil: any kind), the lists whose items
    /// hold it, one inside the other (none: the document), its dotted path, the field that
    /// names its item, and what it records, after the subject (`{id}` the item's name,
    /// `{parent}` the name of the item of the list around it, `{doc}` the document's id).
    struct PastDate: Sendable {
        let kind: Kind?
        var lists: [String] = []
        let field: String
        var name = "id"
        let what: String
    }

    /// Every date of every kind that records what was done (the others are plans: a
    /// training's `planned`, an action's `date`, a due date).
    static let dates: [PastDate] = [
        PastDate(kind: nil, field: "last_reviewed", what: "{kind} '{doc}' was last reviewed on"),
        PastDate(kind: .releaseHistory, lists: ["releases"], field: "date", name: "version", what: "release {id} is dated"),
        PastDate(kind: .proposal, field: "submitted_on", what: "proposal '{doc}' was submitted on"),
        PastDate(kind: .proposal, field: "decision.date", what: "proposal '{doc}' was decided on"),
        PastDate(kind: .assessment, field: "decision.date", what: "assessment '{doc}' was decided on"),
        PastDate(kind: .followUp, lists: ["issues"], field: "closed", what: "issue '{id}' was closed on"),
        PastDate(kind: .followUp, lists: ["visits"], field: "date", what: "visit '{id}' was made on"),
        PastDate(kind: .staffingPlan, lists: ["staff", "training"], field: "completed", name: "module",
                 what: "module '{id}' of post '{parent}' was completed on"),
        PastDate(kind: .openingChecklist, lists: ["items"], field: "date", name: "item", what: "checklist item '{id}' was done on"),
        PastDate(kind: .adaptation, lists: ["agency_targets"], field: "date", name: "indicator",
                 what: "the agency's target for '{id}' was decided on"),
        PastDate(kind: .agreement, field: "signed_on", what: "agreement '{doc}' was signed on"),
        PastDate(kind: .agreement, field: "extended_on", what: "agreement '{doc}' was extended on"),
    ]

    /// The items that hold a date of `date` in `root`, each with the item of the list
    /// around it (nil for the outermost list, and for the document itself).
    static func holders(_ root: Node, _ date: PastDate) -> [(holder: Node, parent: Node?)] {
        var level: [(holder: Node, parent: Node?)] = [(root, nil)]
        for (depth, list) in date.lists.enumerated() {
            level = level.flatMap { outer in
                (outer.holder.sequence(at: list) ?? []).map { ($0, depth == 0 ? nil : outer.holder) }
            }
        }
        return level
    }

    /// Whether `day`, a date of something done, is `date-after-check-day`'s: after the day
    /// of the check (`ValidationContext.checkDay`: given, or today for `oae check`). Such a date is wrong whatever else it is compared with, so the
    /// rules that compare it with another date (done after the opening) leave it to this
    /// one: one wrong token, one diagnostic.
    static func reports(_ day: Day, _ c: ValidationContext) -> Bool { c.checkDay.map { day > $0 } ?? false }

    /// "after `day`" as a message says it: "after 2026-11-30, the day of the check" when the
    /// day was given (`--as-of`), "after today (2026-12-03)" otherwise.
    static func after(_ day: Day, _ c: ValidationContext) -> String {
        c.asOfGiven ? "after \(day), the day of the check" : "after today (\(day))"
    }

    /// A document's dates are its own (the day of the check is the same in a reused context).
    func keepsOtherDocuments(_ delta: ValidationContext.Delta) -> Bool { true }

    func prepare(_ c: ValidationContext) {}

    func check(_ doc: Document, _: Void, _ c: ValidationContext) -> [Diagnostic] {
        guard let checkDay = c.checkDay, let root = doc.root else { return [] }
        var out: [Diagnostic] = []
        for date in CheckDayRule.dates where date.kind == nil || date.kind == doc.kind {
            for (holder, parent) in CheckDayRule.holders(root, date) {
                guard let node = DatedPeriod.node(holder, date.field), let day = node.string.flatMap(Day.init),
                      CheckDayRule.reports(day, c) else { continue }
                let subject = date.what
                    .replacingOccurrences(of: "{kind}", with: doc.kind.rawValue)
                    .replacingOccurrences(of: "{doc}", with: doc.id)
                    .replacingOccurrences(of: "{id}", with: holder[date.name]?.display ?? "?")
                    .replacingOccurrences(of: "{parent}", with: parent?["id"]?.display ?? "?")
                out.append(.error("date-after-check-day", "\(subject) \(day), \(CheckDayRule.after(checkDay, c))",
                                  at: node.span,
                                  help: "correct the date (often the year): it records what was done, on or before the day it is committed"))
            }
        }
        return out
    }
}
