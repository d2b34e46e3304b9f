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

/// The state of a support action of an office's follow-up on a day, as the check, the site
/// and the handbooks tell it: its `status`, and whether its dates have passed (session
/// 38's trial: an action "planned" to start two days before still read "planned", where
/// an issue past its due date reads overdue).
public enum FollowUpActionState: String, Sendable {
    /// Planned, its start not passed (or without one).
    case planned
    /// Planned, and its `start` has passed: it has not started.
    case late
    /// In progress, its end not passed (or without one).
    case inProgress = "in-progress"
    /// In progress after its `end`.
    case overrun
    case done

    /// The state of `action` (an item of `actions`) on `day`; nil for a status the schema
    /// does not know (refused by the check; the outputs show it as written).
    public init?(_ action: Node, on day: Day) {
        switch action.string(at: "status") {
        case "planned": self = FollowUpActionState.lateFrom(action).map { $0 <= day } == true ? .late : .planned
        case "in-progress": self = FollowUpActionState.overrunFrom(action).map { $0 <= day } == true ? .overrun : .inProgress
        case "done": self = .done
        default: return nil
        }
    }

    /// The first day a planned action is late: the day after its start.
    public static func lateFrom(_ action: Node) -> Day? {
        action.string(at: "start").flatMap(Day.init).map { Day(ordinal: $0.ordinal + 1) }
    }

    /// The first day an action in progress has overrun: the day after its end (none when
    /// it ends before it starts: `date-period-inverted`).
    public static func overrunFrom(_ action: Node) -> Day? {
        guard let end = action.string(at: "end").flatMap(Day.init) else { return nil }
        if let start = action.string(at: "start").flatMap(Day.init), end < start { return nil }
        return Day(ordinal: end.ordinal + 1)
    }

    /// The days on which the state of an action of `followUp` (the file's root) may change.
    public static func changes(_ followUp: Node?) -> [Day] {
        (followUp?.sequence(at: "actions") ?? []).compactMap { action in
            switch action.string(at: "status") {
            case "planned": return lateFrom(action)
            case "in-progress": return overrunFrom(action)
            default: return nil
            }
        }
    }
}
