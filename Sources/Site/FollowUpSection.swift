import Loading
import Model
import Rendering

extension Pages {
    /// The agency's follow-up of an office as the office page shows it: visits, support
    /// actions and issues, each with its owner, dates and status; an open issue past its
    /// due date (on the day the build tells states as of, `BuildInput.stateDay`) is marked
    /// overdue in words, an action past its start or end late or overrun
    /// (`FollowUpActionState`).
    func followUp(_ slug: String, _ language: SiteLanguage) -> FollowUpView {
        let root = network.municipalities[slug]?.single(.followUp)?.root
        let today = site.input.stateDay
        let visits = (root?.sequence(at: "visits") ?? []).map { v in
            FollowUpView.Entry(title: language.text(v["summary"]), owner: language.text(v["owner"]),
                               dates: language.date(v.string(at: "date")), status: "", status_label: "")
        }
        let actions = (root?.sequence(at: "actions") ?? []).map { a in
            // As of the page's day: a planned action whose start has passed is late.
            let status = FollowUpActionState(a, on: today)?.rawValue ?? a.string(at: "status") ?? ""
            let dates = language.formatter.dateSpan(start: a.string(at: "start"), end: a.string(at: "end"))
            return FollowUpView.Entry(title: language.text(a["title"]), owner: language.text(a["owner"]), dates: dates,
                                      status: status, status_label: language["follow_up_status.\(status)"])
        }
        let issues = (root?.sequence(at: "issues") ?? []).map { i in
            // The state as the check and the handbooks tell it (an open issue with a closed
            // date is closed, as the handbook leaves it out); a status the schema does not
            // know (refused by the check) is shown as written.
            var status = i.string(at: "status") ?? ""
            if status == "open" { status = FollowUpIssueState(i, on: today).rawValue }
            let dates = language.format("follow_up_issue_dates", ["opened": language.date(i.string(at: "opened")),
                                                                  "due": language.date(i.string(at: "due"))])
            return FollowUpView.Entry(title: language.text(i["title"]), owner: language.text(i["owner"]), dates: dates,
                                      status: status, status_label: language["follow_up_status.\(status)"])
        }
        return FollowUpView(has_follow_up: root != nil, visits: visits, actions: actions, issues: issues,
                            has_visits: !visits.isEmpty, has_actions: !actions.isEmpty, has_issues: !issues.isEmpty,
                            issues_as_of: language.format("follow_up_as_of", ["date": language.formatter.date(today)]))
    }

    /// The open issues of every office's follow-up for the progress page: the overdue ones
    /// first, then by due date (those without one last), then in the offices' order. The
    /// agency's list of what each office waits for and who owes it (session 45's programme
    /// manager gathered them office page by office page for the monthly briefing).
    func openIssues(_ language: SiteLanguage, _ path: String) -> [ProgressView.Issue] {
        let today = site.input.stateDay
        var found: [(overdue: Bool, due: Day?, order: Int, issue: ProgressView.Issue)] = []
        for r in site.municipalities {
            guard let root = network.municipalities[r.slug]?.single(.followUp)?.root else { continue }
            for i in root.sequence(at: "issues") ?? [] {
                let state = FollowUpIssueState(i, on: today)
                guard state != .closed else { continue }
                let due = i.string(at: "due"), dueDay = due.flatMap(Day.init)
                found.append((state == .overdue, dueDay, found.count, ProgressView.Issue(
                    office: site.municipalityName(r.slug),
                    href: href(.office(r.slug), language, from: path, fragment: "follow-up-issues"),
                    title: language.text(i["title"]), owner: language.text(i["owner"]),
                    // A `<time>` only for a date (a text the check refuses is shown as written).
                    due: due.map { language.date($0) } ?? "–", due_day: dueDay == nil ? nil : due,
                    status: state.rawValue, status_label: language["follow_up_status.\(state.rawValue)"])))
            }
        }
        found.sort { a, b in
            if a.overdue != b.overdue { return a.overdue }
            switch (a.due, b.due) {
            case let (x?, y?) where x != y: return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.order < b.order
            }
        }
        return found.map(\.issue)
    }

    /// `2 open issues (1 overdue)`, or `no open issues`, for the progress page.
    func followUpSummary(_ slug: String, _ language: SiteLanguage) -> String {
        let view = followUp(slug, language)
        guard view.has_follow_up else { return "–" }
        let open = view.issues.filter { $0.status == "open" || $0.status == "overdue" }.count
        let overdue = view.issues.filter { $0.status == "overdue" }.count
        let text = language.formatter.count("follow_up_open_issues", open)
        return overdue == 0 ? text : text + " " + language.formatter.count("follow_up_overdue", overdue)
    }
}

/// The follow-up section of `office.mustache`.
struct FollowUpView: ViewModel {
    /// A visit, an action or an issue: what, who, when and its status.
    struct Entry: ViewModel {
        var title: TextView
        var owner: TextView
        var dates: String
        /// `planned`, `late`, `in-progress`, `overrun`, `done`, `open`, `overdue` or `closed`
        /// ("" for visits).
        var status: String
        var status_label: String
    }

    var has_follow_up: Bool
    var visits: [Entry]
    var actions: [Entry]
    var issues: [Entry]
    var has_visits: Bool
    var has_actions: Bool
    var has_issues: Bool
    /// The day the issues' statuses are told as of (`BuildInput.stateDay`: an open issue past
    /// its due date then is overdue), in words: "Statuses as of 15 December 2026."
    var issues_as_of: String
}
