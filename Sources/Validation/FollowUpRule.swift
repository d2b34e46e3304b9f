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
        RuleInfo("follow-up-action-status", "A support action is done without an end date."),
        RuleInfo("follow-up-action-late", "A support action is still planned after its start date, or in progress after its end date."),
        RuleInfo("follow-up-before-programme", "A visit, an action or an issue of the follow-up is dated before the programme started."),
    ]

    /// The dates of the follow-up that record what happened, by list: a visit's `date`, an
    /// action's `start`, an issue's `opened` (none of them before the programme began).
    static let recordDates: [(list: String, field: String, what: String)] = [
        ("visits", "date", "visit"), ("actions", "start", "action"), ("issues", "opened", "issue"),
    ]

    func check(_ c: ValidationContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        // The programme's start (`start_date` of seeds/programme.md): the agency follows its
        // offices from then on; a date before it is a typo, most often of the year (session
        // 26's trial: a visit dated 2016 went through).
        let programme = c.network.model[.programme]?.values.first?.root
        let started = programme?.string(at: "start_date").flatMap(Day.init)
        for slug in c.network.municipalitySlugs {
            guard let doc = c.network.municipalities[slug]?.single(.followUp) else { continue }
            if let started, let startNode = programme?["start_date"] {
                for (list, field, what) in FollowUpRule.recordDates {
                    for item in doc.root?.sequence(at: list) ?? [] {
                        guard let node = item[field], let day = node.string.flatMap(Day.init), day < started,
                              !c.refused(node, in: doc.path) else { continue }
                        out.append(.warning("follow-up-before-programme",
                                            "\(what) '\(item.string(at: "id") ?? "?")' is dated \(day), before the programme started on \(started)",
                                            at: node.span, related: [RelatedLocation(startNode.span, "the programme's start")],
                                            help: "correct the date (often the year): the agency follows its offices from the programme's start"))
                    }
                }
            }
            for action in doc.root?.sequence(at: "actions") ?? [] where action.string(at: "status") == "done" && action["end"] == nil {
                out.append(.error("follow-up-action-status", "action '\(action.string(at: "id") ?? "?")' is done, but has no 'end' date",
                                  at: action["status"]!.span,
                                  help: "add 'end:' with the day it ended (the follow-up page shows it), or set the status it has"))
            }
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
            // Late or overrun as the site and the handbooks tell it (`FollowUpActionState`;
            // session 38's trial: an action planned for two days before read "planned").
            for action in doc.root?.sequence(at: "actions") ?? [] {
                let id = action.string(at: "id") ?? "?"
                switch FollowUpActionState(action, on: c.asOf) {
                case .late?:
                    guard let node = action["start"] else { continue }
                    out.append(.warning("follow-up-action-late",
                                        "action '\(id)' was to start on \(node.display) and is still planned, as of \(c.asOf)",
                                        at: node.span,
                                        help: "set its status ('in-progress', or 'done' with its 'end'), or a new start date"))
                case .overrun?:
                    guard let node = action["end"] else { continue }
                    out.append(.warning("follow-up-action-late",
                                        "action '\(id)' was to end on \(node.display) and is still in progress, as of \(c.asOf)",
                                        at: node.span,
                                        help: "set 'status: done' if it ended, or a new end date"))
                default: continue
                }
            }
            // Overdue as the site and the handbooks tell it (`FollowUpIssueState`).
            for issue in doc.root?.sequence(at: "issues") ?? [] where FollowUpIssueState(issue, on: c.asOf) == .overdue {
                guard let dueNode = issue["due"], let due = dueNode.string.flatMap(Day.init) else { continue }
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
