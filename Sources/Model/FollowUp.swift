import Loading

/// The state of an issue of an office's follow-up (`seeds/<m>/follow-up.yaml`) on a day,
/// as the check, the site and the handbooks tell it: one definition for all three (the
/// handbook said "open" of an issue the site and the check called overdue: session 29's
/// trial).
public enum FollowUpIssueState: String, Sendable {
    /// Open, and not past its due date (or without one).
    case open
    /// Open (no `closed` date) after its due date. An issue due before it was opened has
    /// a wrong date (`date-period-inverted`), and is not overdue.
    case overdue
    /// Closed, any status other than `open`, or open with a `closed` date (which
    /// `follow-up-issue-status` refuses).
    case closed

    /// The state of `issue` (an item of `issues`) on `day`.
    public init(_ issue: Node, on day: Day) {
        guard issue.string(at: "status") == "open", issue["closed"] == nil else { self = .closed; return }
        self = FollowUpIssueState.overdueFrom(issue).map { $0 <= day } == true ? .overdue : .open
    }

    /// The first day an open issue is overdue: the day after its due date; nil without a
    /// due date, or with one before its opening.
    public static func overdueFrom(_ issue: Node) -> Day? {
        guard let due = issue.string(at: "due").flatMap(Day.init) else { return nil }
        if let opened = issue.string(at: "opened").flatMap(Day.init), due < opened { return nil }
        return Day(ordinal: due.ordinal + 1)
    }

    /// The days on which the state of an issue of `followUp` (the file's root) may change:
    /// for each open issue, the day it becomes overdue. A handbook is rendered again on each.
    public static func changes(_ followUp: Node?) -> [Day] {
        (followUp?.sequence(at: "issues") ?? []).compactMap { issue in
            issue.string(at: "status") == "open" && issue["closed"] == nil ? overdueFrom(issue) : nil
        }
    }
}
