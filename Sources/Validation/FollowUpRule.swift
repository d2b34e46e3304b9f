import Diagnostics
import Loading
import Model

/// The agency's follow-up of each office (`seeds/<m>/follow-up.yaml`): an issue still
/// open after its due date is a warning, as of the check's date. An issue due before it
/// was opened has a wrong date instead (`date-period-inverted`), not this warning.
struct FollowUpRule: Rule {
    static let rules = [
        RuleInfo("follow-up-issue-overdue", "An open issue of an office's follow-up is past its due date."),
    ]

    func check(_ c: ValidationContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for slug in c.network.municipalitySlugs {
            guard let doc = c.network.municipalities[slug]?.single(.followUp) else { continue }
            for issue in doc.root?["issues"]?.sequence ?? [] where issue["status"]?.string == "open" {
                guard let dueNode = issue["due"], let due = dueNode.string.flatMap(Day.init), due < c.asOf else { continue }
                if let opened = issue["opened"]?.string.flatMap(Day.init), due < opened { continue }
                let id = issue["id"]?.string ?? "?"
                out.append(.warning("follow-up-issue-overdue",
                                    "issue '\(id)' is still open \(c.asOf.ordinal - due.ordinal) days after its due date, \(due)",
                                    at: dueNode.span,
                                    help: "close it ('status: closed' with the 'closed' date), or agree a new due date"))
            }
        }
        return out
    }
}
