import Loading
import Model
import Rendering

/// Communication: the network's strategy (audiences, messages, channels and its
/// prose), the municipality's plan (period, budget, objectives) and a calendar of the
/// plan's dated actions by month.
struct CommunicationChapter: ChapterBuilder {
    func build(_ c: HandbookContext, number: Int) -> ChapterContent {
        var sections = SectionNumbers(chapter: number)
        let m = c.markup
        var data: [String: Any] = [:]

        // Strategy
        if let strategy = c.network.modelDocuments(.communicationStrategy).first {
            let s = strategy.root
            data["strategy"] = sections.next(m.escape(c.words["communication.strategy"]), anchor: Anchors.strategy)
            data["strategy_title"] = m.text(s?["title"])
            data["strategy_summary"] = m.text(s?["summary"])
            data["strategy_body"] = c.bodies.render(strategy, anchor: Anchors.strategy, headingShift: 2).html
            data["audiences"] = (s?["audiences"]?.sequence ?? []).map { a -> [String: Any] in
                ["anchor": Anchors.audience(a["id"]?.string ?? ""), "name": m.text(a["name"]),
                 "description": m.text(a["description"]),
                 "required": m.escape(c.words[a["required"]?.bool == true ? "value.yes" : "value.no"])]
            }
            data["messages"] = (s?["messages"]?.sequence ?? []).map { msg -> [String: Any] in
                ["audience": audienceLink(msg["audience"]?.string, c), "text": m.text(msg["text"])]
            }
            data["channels"] = (s?["channels"]?.sequence ?? []).map { ch -> [String: Any] in
                ["anchor": Anchors.channel(ch["id"]?.string ?? ""), "name": m.text(ch["name"]),
                 "description": m.text(ch["description"])]
            }
        }

        // Local plan
        let plan = c.view.files.communicationPlan?.root
        data["plan"] = sections.next(m.escape(c.words["communication.plan"]), anchor: "communication-plan")
        guard let plan else {
            data["no_plan"] = m.escape(c.words["communication.no_plan"])
            return ChapterContent(data: data, sections: sections.sections)
        }
        let actions = (plan["actions"]?.sequence ?? []).map { ($0, $0["date"]?.string.flatMap(Day.init)) }
            .sorted { a, b in
                switch (a.1, b.1) {
                case let (x?, y?) where x != y: return x < y
                case (nil, _?): return false
                case (_?, nil): return true
                default: return (a.0["id"]?.string ?? "") < (b.0["id"]?.string ?? "")
                }
            }
        let spent = actions.reduce(0.0) { $0 + (numeric($1.0["budget"]) ?? 0) }
        var facts: [[String: Any]] = []
        if let start = plan["period"]?["start"]?.string, let end = plan["period"]?["end"]?.string {
            facts.append(["label": c.words["communication.period"],
                          "value": m.escape(c.words("communication.period_value", ["start": c.format.date(start), "end": c.format.date(end)]))])
        }
        if let budget = numeric(plan["budget"]) {
            facts.append(["label": c.words["communication.budget"], "value": m.escape(c.format.euros(budget))])
        }
        facts.append(["label": c.words["communication.actions_budget"],
                      "value": m.escape(c.words("communication.actions_budget_value", ["count": String(actions.count), "amount": c.format.euros(spent)]))])
        data["facts"] = facts
        data["objectives"] = m.list((plan["objectives"]?.sequence ?? []).map(m.text))

        // Calendar
        data["calendar"] = sections.next(m.escape(c.words["communication.calendar"]), anchor: "communication-calendar")
        var months: [[String: Any]] = []
        var current: (year: Int, month: Int)?
        var rows: [[String: Any]] = []
        func flush() {
            guard let cur = current else { return }
            months.append(["month": m.escape(c.format.month(year: cur.year, month: cur.month)),
                           "anchor": "communication-\(cur.year)-\(cur.month < 10 ? "0" : "")\(cur.month)", "actions": rows])
            rows = []
        }
        for (action, day) in actions {
            if let day, current.map({ $0.year != day.year || $0.month != day.month }) ?? true {
                flush()
                current = (day.year, day.month)
            }
            var row: [String: Any] = [
                "date": day.map { m.escape(c.format.shortDate($0)) } ?? "—",
                "title": m.text(action["title"]),
                "audience": audienceLink(action["audience"]?.string, c),
                "channel": channelLink(action["channel"]?.string, c),
                "owner": action["owner"]?.string.map(c.roleLink) ?? "",
                "budget": numeric(action["budget"]).map { m.escape(c.format.euros($0)) } ?? "—",
            ]
            if let d = action["description"] { row["description"] = m.text(d) }
            if let id = action["message"]?.string, let msg = c.strategyItem("messages", id) { row["message"] = m.text(msg["text"]) }
            if let ind = action["indicator"]?.string { row["indicator"] = c.indicatorLink(ind) }
            rows.append(row)
        }
        flush()
        data["months"] = months
        data["no_actions"] = actions.isEmpty ? m.escape(c.words["communication.no_actions"]) : nil
        return ChapterContent(data: data, sections: sections.sections)
    }

    func audienceLink(_ id: String?, _ c: HandbookContext) -> String {
        guard let id else { return "" }
        guard let a = c.strategyItem("audiences", id) else { return c.markup.escape(id) }
        return c.link("communication", Anchors.audience(id), c.markup.text(a["name"]), xref: false)
    }

    func channelLink(_ id: String?, _ c: HandbookContext) -> String {
        guard let id else { return "" }
        guard let ch = c.strategyItem("channels", id) else { return c.markup.escape(id) }
        return c.link("communication", Anchors.channel(id), c.markup.text(ch["name"]), xref: false)
    }
}
