import Diagnostics
import Loading
import Model

/// The agency's follow-up of each office (`seeds/<m>/follow-up.yaml`): an issue still
/// open after its due date is a warning, as of the check's date. An issue due before it
/// was opened has a wrong date instead (`date-period-inverted`), not this warning. An
/// issue's status and its `closed` date agree: a closed issue says when, an open one has
/// no such date.
struct FollowUpRule: Rule {
    static let rules = [
        RuleInfo("follow-up-issue-overdue", "An open issue of an office's follow-up is past its due date."),
        RuleInfo("follow-up-issue-status", "An issue is closed without a closed date, or open with one."),
    ]

    func check(_ c: ValidationContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for slug in c.network.municipalitySlugs {
            guard let doc = c.network.municipalities[slug]?.single(.followUp) else { continue }
            for issue in doc.root?.sequence(at: "issues") ?? [] {
                guard let statusNode = issue["status"] else { continue }
                let id = issue.string(at: "id") ?? "?"
                if statusNode.string == "closed", issue["closed"] == nil {
                    out.append(.error("follow-up-issue-status", "issue '\(id)' is closed, but has no 'closed' date",
                                      at: statusNode.span,
                                      help: "add 'closed:' with the day it was solved (the follow-up page shows it)"))
                } else if statusNode.string == "open", let closed = issue["closed"] {
                    out.append(.error("follow-up-issue-status", "issue '\(id)' is open, but has a 'closed' date, \(closed.display)",
                                      at: closed.span, related: [RelatedLocation(statusNode.span, "the issue's status")],
                                      help: "set 'status: closed' if it was solved that day; otherwise remove the 'closed' date"))
                }
            }
            for issue in doc.root?.sequence(at: "issues") ?? [] where issue.string(at: "status") == "open" && issue["closed"] == nil {
                guard let dueNode = issue["due"], let due = dueNode.string.flatMap(Day.init), due < c.asOf else { continue }
                if let opened = issue.string(at: "opened").flatMap(Day.init), due < opened { continue }
                let id = issue.string(at: "id") ?? "?"
                out.append(.warning("follow-up-issue-overdue",
                                    "issue '\(id)' is still open \(c.asOf.ordinal - due.ordinal) days after its due date, \(due)",
                                    at: dueNode.span,
                                    help: "close it ('status: closed' with the 'closed' date), or agree a new due date"))
            }
        }
        return out
    }
}
