import Loading

extension Kind {
    /// An office's budget and funding for one year (`seeds/<municipality>/budgets/<year>.yaml`).
    public static let budget: Kind = "budget"
}

/// Where the money of an office's budget comes from (`funding[].source` of
/// `budget.schema.yaml`).
public enum FundingSource: String, CaseIterable, Sendable {
    /// The council's own budget.
    case council
    /// The agency that runs the programme.
    case agency
    /// The provincial council (Diputació de Barcelona's support to local development).
    case provincialCouncil = "provincial-council"
    /// A regional entrepreneurship programme (such as Catalunya Emprèn).
    case regionalProgramme = "regional-programme"
    case other
}

/// One office's budget for one year, with every figure oae computes from it: the cost of
/// each post (FTE from the staffing plan × yearly cost), the communication plan's actions
/// of that year added up, the total, the funding and the cost per person attended. All
/// amounts are in euros. This is the one place these figures are computed; the rules, the
/// site page and the open data read them from here.
public struct OfficeBudget: Sendable {
    /// A post of the staffing plan and what it costs in the year.
    public struct PostLine: Sendable {
        /// The post's id in the staffing plan.
        public var post: String
        /// The node of `post`, for diagnostics.
        public var node: Node
        /// The post's FTE in the staffing plan; nil when the plan has no such post, or its
        /// `fte` is not a number (which the schema refuses).
        public var fte: Double?
        /// Whether the staffing plan has a post of this id.
        public var inPlan: Bool
        /// The cost of one full-time post for the year, in euros (salary and social security).
        public var yearlyCost: Double
        /// FTE × yearly cost (0 for a post the staffing plan does not have).
        public var cost: Double { (fte ?? 0) * yearlyCost }
    }

    /// A line of `other` costs: a translatable label and an amount.
    public struct OtherLine: Sendable {
        public var label: Node?
        public var amount: Double
    }

    /// A source of funding: its kind, a translatable label and an amount.
    public struct Funding: Sendable {
        public var source: FundingSource?
        public var sourceText: String
        public var label: Node?
        public var amount: Double
    }

    public var document: Document
    public var municipality: String
    /// The budget's year (the file's name).
    public var year: Int
    public var posts: [PostLine]
    /// The premises (rent, utilities, cleaning, maintenance), in euros.
    public var premises: Double
    public var other: [OtherLine]
    /// The budgets of the communication plan's actions dated in the year, added up.
    public var communication: Double
    public var funding: [Funding]
    /// The `people-attended` values of the year's progress reports, added up; nil when no
    /// report of the year gives one.
    public var peopleAttended: Double?
    /// How many of the quarters the office is open in (`quartersOpen`) the year's reports
    /// giving `people-attended` cover (0 to 4).
    public var quartersReported: Int
    /// How many quarters of the year the office is open in (0 to 4): all four when it
    /// opened before the year (or has no opening date), those from the quarter of its
    /// opening when it opened in the year, none when it opens later. The quarters before
    /// an opening have no report (session 29's trial: an office's first year read
    /// "provisional: 2 of 4 quarters reported" for good).
    public var quartersOpen: Int
    /// Whether the reports cover fewer quarters than the office is open in: the cost per
    /// person attended then divides the year's budget by part of its people.
    public var provisional: Bool { quartersReported < quartersOpen }

    /// The cost of the posts, in euros.
    public var postsCost: Double { posts.reduce(0) { $0 + $1.cost } }
    /// Every line added up: posts, premises, communication and other, in euros.
    public var total: Double { postsCost + premises + communication + other.reduce(0) { $0 + $1.amount } }
    /// The funding added up, in euros.
    public var funded: Double { funding.reduce(0) { $0 + $1.amount } }
    /// Whether the funding covers the total (to the cent).
    public var covered: Bool { (funded * 100).rounded() >= (total * 100).rounded() }
    /// The funding of one source, added up.
    public func funded(by source: FundingSource) -> Double {
        funding.filter { $0.source == source }.reduce(0) { $0 + $1.amount }
    }
    /// The total divided by the people attended in the year; nil when there is no data. A
    /// year not reported whole (`provisional`) divides the share of the total of the quarters
    /// reported (the total spread evenly over the quarters the office is open in) by their
    /// people: the whole year's budget over part of its people was a figure a third too high
    /// that read as the year's (session 45's trial).
    public var costPerPersonAttended: Double? {
        guard let people = peopleAttended, people > 0 else { return nil }
        let share = provisional && quartersOpen > 0 ? Double(quartersReported) / Double(quartersOpen) : 1
        return total * share / people
    }

    /// Reads a budget with its municipality's staffing plan, communication plan and reports.
    public init(_ document: Document, files: MunicipalityFiles) {
        self.document = document
        municipality = files.slug
        let root = document.root
        year = Int(document.id) ?? root?["year"]?.number.map { Int($0) } ?? 0
        let staff = files.staffing?.root?.sequence(at: "staff") ?? []
        let lines = root?["lines"]
        posts = (lines?.sequence(at: "posts") ?? []).compactMap { line in
            guard let node = line["post"], let id = node.string else { return nil }
            let post = staff.first { $0.string(at: "id") == id }
            return PostLine(post: id, node: node, fte: post?["fte"]?.number, inPlan: post != nil,
                            yearlyCost: line["yearly_cost"]?.number ?? 0)
        }
        premises = lines?["premises"]?.number ?? 0
        other = (lines?.sequence(at: "other") ?? []).map { OtherLine(label: $0["label"], amount: $0["amount"]?.number ?? 0) }
        let year = year
        communication = (files.communicationPlan?.root?.sequence(at: "actions") ?? []).reduce(0) { sum, action in
            guard let date = action.string(at: "date"), date.hasPrefix("\(year)-") else { return sum }
            return sum + (action["budget"]?.number ?? 0)
        }
        funding = (root?.sequence(at: "funding") ?? []).map { f in
            let text = f.string(at: "source") ?? ""
            return Funding(source: FundingSource(rawValue: text), sourceText: text, label: f["label"],
                           amount: f["amount"]?.number ?? 0)
        }
        var values: [Double] = []
        var quarters = Set<Int>()
        for report in files.reports where report.root?["period"]?["year"]?.number.map({ Int($0) }) == year {
            let given = (report.root?.sequence(at: "values") ?? []).filter { $0.string(at: "indicator") == "people-attended" }
                .compactMap { $0["value"]?.number }
            values += given
            if !given.isEmpty, let q = report.root?["period"]?["quarter"]?.number { quarters.insert(Int(q)) }
        }
        peopleAttended = values.isEmpty ? nil : values.reduce(0, +)
        // The first quarter of the year the office is open in (5: none).
        let opening = files.office?.root?.string(at: "opening_date").flatMap(Day.init)
        let firstOpen = opening.map { $0.year < year ? 1 : $0.year == year ? $0.quarter.quarter : 5 } ?? 1
        quartersOpen = 5 - firstOpen
        // Only those quarters: a report of a quarter before the opening (which the check
        // refuses) does not make the year whole.
        quartersReported = quarters.filter { $0 >= firstOpen }.count
    }
}

extension Network {
    /// Every office's budgets, by municipality then year.
    public var budgets: [OfficeBudget] {
        // Read by several pages and tables of every build and preview: made once.
        memo.budgets { municipalitySlugs.flatMap { budgets($0) } }
    }

    /// Whether any office has a budget (`!budgets.isEmpty`, without making them: the site's
    /// routes and links ask on every preview save).
    public var hasBudgets: Bool {
        municipalitySlugs.contains { !(municipalities[$0]?.documents(.budget).isEmpty ?? true) }
    }

    /// A municipality's budgets, by year.
    public func budgets(_ municipality: String) -> [OfficeBudget] {
        guard let files = municipalities[municipality] else { return [] }
        return files.documents(.budget).map { OfficeBudget($0, files: files) }.sorted { $0.year < $1.year }
    }
}
