import Presentation
import Loading
import Model
import Rendering

/// The view model of `chapters/communication`: the network's strategy (audiences,
/// messages, channels and its prose), the municipality's plan (period, budget,
/// objectives) and a calendar of the plan's dated actions by month.
public struct CommunicationView: ChapterView {
    /// An audience or a channel of the strategy.
    public struct Item: ViewModel, Hashable {
        /// The `id` that cross-references link to.
        public var anchor: String
        /// The name, in the handbook's language.
        public var name: TextView?
        /// The field of the same name, in the handbook's language.
        public var description: TextView?
        /// `Sí` / `No` (audiences only).
        public var required: String?
    }

    /// A key message of the strategy and its audience.
    public struct Message: ViewModel, Hashable {
        public var audience: LinkView?
        public var text: TextView?
    }

    /// A month of the calendar and its actions.
    public struct Month: ViewModel, Hashable {
        public var month: String
        /// The `id` that cross-references link to.
        public var anchor: String
        public var actions: [Action]
    }

    /// An action of the plan; its audience, channel, owner and indicator are linked.
    public struct Action: ViewModel, Hashable {
        public var date: String
        /// The name, in the handbook's language.
        public var title: TextView?
        /// The field of the same name, in the handbook's language.
        public var description: TextView?
        public var message: TextView?
        public var indicator: LinkView?
        public var audience: LinkView?
        public var channel: LinkView?
        public var owner: LinkView?
        public var budget: String
    }

    /// The UI strings of the language (`{{ui.key}}`), set by the renderer.
    public var ui: WordTable = [:]
    /// The heading of the section.
    public var strategy: HeadingView?
    public var strategy_summary: TextView?
    /// The Markdown body, rendered, with its document.
    public var strategy_body: BodyView?
    public var audiences: [Item] = []
    public var messages: [Message] = []
    public var channels: [Item] = []
    /// The heading of the section.
    public var plan: HeadingView
    /// Said instead when there is nothing to list.
    public var no_plan: String?
    public var facts: [FactView] = []
    public var objectives: Rows<TextView>?
    /// The heading of the section.
    public var calendar: HeadingView?
    /// Said instead when there is nothing to list.
    public var no_actions: String?
    public var months: [Month] = []
}

/// Builds the communication chapter.
struct CommunicationChapter: ChapterBuilder {
    func build(_ c: HandbookContext, number: Int) -> ChapterContent {
        var sections = SectionNumbers(chapter: number)
        let m = c.markup
        func heading(_ key: String, _ anchor: String) -> HeadingView { sections.next(m.plainView(c.words[key]), anchor: anchor) }

        // Strategy
        var strategyHeading: HeadingView?
        var view = CommunicationView(plan: HeadingView(number: "", title: m.plainView(""), anchor: ""))
        if let strategy = c.network.modelDocuments(.communicationStrategy).first {
            let s = strategy.root
            strategyHeading = heading("communication.strategy", Anchors.strategy)
            view.strategy_summary = m.view(s?["summary"])
            view.strategy_body = c.bodies.render(strategy, anchor: Anchors.strategy, headingShift: 2)
                .view(id: strategy.id, defaultLanguage: c.network.settings.defaultLanguage)
            view.audiences = (s?.sequence(at: "audiences") ?? []).map { a in
                .init(anchor: Anchors.audience(a.string(at: "id") ?? ""), name: m.view(a["name"]), description: m.view(a["description"]),
                      required: c.words[a["required"]?.bool == true ? "value.yes" : "value.no"])
            }
            view.messages = (s?.sequence(at: "messages") ?? []).map { msg in
                .init(audience: audienceLink(msg.string(at: "audience"), c), text: m.view(msg["text"]))
            }
            view.channels = (s?.sequence(at: "channels") ?? []).map { ch in
                .init(anchor: Anchors.channel(ch.string(at: "id") ?? ""), name: m.view(ch["name"]), description: m.view(ch["description"]))
            }
        }
        view.strategy = strategyHeading

        // Local plan
        view.plan = heading("communication.plan", "communication-plan")
        guard let plan = c.view.files.communicationPlan?.root else {
            view.no_plan = c.words["communication.no_plan"]
            return ChapterContent(model: view, sections: sections.sections)
        }
        let actions = (plan.sequence(at: "actions") ?? []).map { ($0, $0.string(at: "date").flatMap(Day.init)) }
            .sorted { a, b in
                switch (a.1, b.1) {
                case let (x?, y?) where x != y: return x < y
                case (nil, _?): return false
                case (_?, nil): return true
                default: return (a.0.string(at: "id") ?? "") < (b.0.string(at: "id") ?? "")
                }
            }
        let spent = actions.reduce(0.0) { $0 + (numeric($1.0["budget"]) ?? 0) }
        if let start = plan["period"]?.string(at: "start"), let end = plan["period"]?.string(at: "end") {
            view.facts.append(.init(label: c.words["communication.period"],
                                    value: c.words("communication.period_value", ["start": c.format.date(start), "end": c.format.date(end)])))
        }
        if let budget = numeric(plan["budget"]) {
            view.facts.append(.init(label: c.words["col_budget"], value: c.format.money(budget)))
        }
        view.facts.append(.init(label: c.words["communication.actions_budget"],
                                value: c.format.count("communication.actions_budget_value", actions.count, ["amount": c.format.money(spent)])))
        view.objectives = .of((plan.sequence(at: "objectives") ?? []).compactMap(m.view))

        // Calendar
        view.calendar = heading("communication.calendar", "communication-calendar")
        var current: (year: Int, month: Int)?
        var rows: [CommunicationView.Action] = []
        func flush() {
            guard let cur = current else { return }
            view.months.append(.init(month: c.format.month(year: cur.year, month: cur.month),
                                     anchor: "communication-\(cur.year)-\(cur.month < 10 ? "0" : "")\(cur.month)", actions: rows))
            rows = []
        }
        for (action, day) in actions {
            if let day, current.map({ $0.year != day.year || $0.month != day.month }) ?? true {
                flush()
                current = (day.year, day.month)
            }
            rows.append(.init(date: day.map(c.format.shortDate) ?? "—", title: m.view(action["title"]),
                              description: m.view(action["description"]),
                              message: action.string(at: "message").flatMap { c.strategyItem("messages", $0) }.flatMap { m.view($0["text"]) },
                              indicator: action.string(at: "indicator").map(c.indicatorLinkView),
                              audience: audienceLink(action.string(at: "audience"), c), channel: channelLink(action.string(at: "channel"), c),
                              owner: action.string(at: "owner").map(c.roleLinkView),
                              budget: numeric(action["budget"]).map(c.format.money) ?? "—"))
        }
        flush()
        view.no_actions = actions.isEmpty ? c.words["communication.no_actions"] : nil
        return ChapterContent(model: view, sections: sections.sections)
    }

    /// An audience of the strategy, linked to its row (no page number).
    func audienceLink(_ id: String?, _ c: HandbookContext) -> LinkView? {
        strategyLink("audiences", Anchors.audience, id, c)
    }

    /// A channel of the strategy, linked to its row (no page number).
    func channelLink(_ id: String?, _ c: HandbookContext) -> LinkView? {
        strategyLink("channels", Anchors.channel, id, c)
    }

    func strategyLink(_ list: String, _ anchor: (String) -> String, _ id: String?, _ c: HandbookContext) -> LinkView? {
        guard let id else { return nil }
        var link = c.linkView("communication", anchor(id), c.strategyItem(list, id)?["name"], id)
        link.xref = false
        return link
    }
}
