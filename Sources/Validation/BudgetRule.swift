import Diagnostics
import Loading
import Model

/// An office's budget for a year (`seeds/<m>/budgets/<year>.yaml`, read as `OfficeBudget`):
/// its funding must cover its total (the posts × FTE × yearly cost, the premises, the
/// communication plan's actions of the year and the other lines), and each post it costs
/// must be a post of the office's staffing plan.
struct BudgetRule: FolderRule {
    static let rules = [
        RuleInfo("budget-funding-short", "The funding of an office's budget does not cover its total."),
        RuleInfo("budget-post-unknown", "A budget costs a post that is not in the office's staffing plan."),
        RuleInfo("budget-funding-over", "The funding of an office's budget exceeds its total by more than a tenth."),
        RuleInfo("budget-funding-above-agreement", "A budget counts more from a party than the office's agreements in force that year commit."),
        RuleInfo("budget-before-programme", "An office's budget is for a year before the programme started."),
    ]

    /// The share of the total by which funding may exceed it before it looks like a typo
    /// (an extra digit): a margin of a few percent is a plan, 10 % more is not.
    static let overFunding = 0.10

    /// The programme's start (`start_date` of seeds/programme.md) and its node.
    func prepare(_ c: ValidationContext) -> (day: Day, node: Node)? {
        let programme = c.network.model[.programme]?.values.first?.root
        guard let node = programme?["start_date"], let day = node.string.flatMap(Day.init) else { return nil }
        return (day, node)
    }

    /// A budget reads its municipality's folder (`OfficeBudget`), the schema's verdict on
    /// it (`summable`) and the programme's start: a folder that no save touched keeps its
    /// diagnostics while no schema and no file directly in seeds/ (`programme.md`) changed.
    func keepsOtherFolders(_ delta: ValidationContext.Delta) -> Bool {
        !delta.changed.contains { path in
            path.hasPrefix(TreeLayout.schemaFolder + "/") || (path.hasPrefix("seeds/") && !path.utf8.dropFirst(6).contains(UInt8(ascii: "/")))
        }
    }

    func check(_ slug: String, _ files: MunicipalityFiles, _ started: (day: Day, node: Node)?, _ c: ValidationContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for budget in c.network.budgets(slug) {
            // A budget for a year before the programme's is a typo, most often of the year
            // (session 26's trial: a budget for 2016 went through).
            if let started, budget.year < started.day.year, let node = budget.document.root?["year"], !c.refused(node, in: budget.document.path) {
                out.append(.warning("budget-before-programme",
                                    "the budget is for \(budget.year), before the programme started on \(started.day)",
                                    at: node.span, related: [RelatedLocation(started.node.span, "the programme's start")],
                                    help: "correct the year (and the file's name): an office's budgets are for the programme's years"))
            }
            let staffing = files.staffing?.root?["staff"]
            // Without a staffing plan, its absence is the error (municipality-file-missing);
            // with one that did not load, its own error is.
            // A post of the plan whose fte the schema refused is in the plan: the schema's
            // error at its fte is the one.
            for line in budget.posts where !line.inPlan && files.staffing != nil && !files.staffing.unread && !c.refused(line.node, in: budget.document.path) {
                out.append(.error("budget-post-unknown",
                                  "post '\(line.post)' is not in the staffing plan of \(slug)",
                                  at: line.node.span,
                                  related: staffing.map { [RelatedLocation($0.span, "the staffing plan")] } ?? [],
                                  help: BudgetRule.postHelp(line.post, budget: budget, staff: staffing)))
            }
            // Sums of values the writer did not mean are not told: a refused amount (-15000,
            // 1.800), a misspelt field whose amount is left out, a post costed twice. Their
            // own errors are the problem (session 26's trial: `premises: -15000` was also
            // "funding over the total").
            guard BudgetRule.summable(budget, files, c) else { continue }
            if !budget.covered, let root = budget.document.root {
                let at = root.pair("funding")?.key.span ?? root.span
                out.append(.error("budget-funding-short",
                                  "the funding of \(budget.year) adds up to \(BudgetRule.euros(budget.funded)), short of the total of \(BudgetRule.euros(budget.total)) by \(BudgetRule.euros(BudgetRule.cents(budget.total) - BudgetRule.cents(budget.funded)))",
                                  at: at,
                                  help: "add a source of funding or raise an amount, or cut a cost line"))
            }
            // A post the plan does not have costs nothing in the total: budget-post-unknown
            // is then the one error, not the surplus it makes.
            if let root = budget.document.root, !budget.posts.contains(where: { $0.fte == nil }),
               BudgetRule.cents(budget.funded) > BudgetRule.cents(budget.total * (1 + BudgetRule.overFunding)) {
                out.append(.warning("budget-funding-over",
                                    "the funding of \(budget.year) adds up to \(BudgetRule.euros(budget.funded)), over the total of \(BudgetRule.euros(budget.total)) by \(BudgetRule.euros(BudgetRule.cents(budget.funded) - BudgetRule.cents(budget.total)))",
                                    at: root.pair("funding")?.key.span ?? root.span,
                                    help: "check the amounts (an extra digit, often): a budget's funding covers its total"))
            }
            // A year the schema refused (2207) is no year to find the agreements in force
            // in (session 35's trial: two warnings computed for 2207).
            if !c.refused(budget.document.root?["year"], in: budget.document.path) {
                out += aboveAgreements(budget, files, c)
            }
        }
        return out
    }

    /// The funding lines of a source that is a party with money in the office's agreements
    /// in force during the budget's year (`money: - party: agency`), added up, against what
    /// those agreements commit: a warning at the last line's amount when the budget counts more.
    func aboveAgreements(_ budget: OfficeBudget, _ files: MunicipalityFiles, _ c: ValidationContext) -> [Diagnostic] {
        let first = Day(year: budget.year, month: 1, day: 1), last = Day(year: budget.year, month: 12, day: 31)
        var committed: [String: (amount: Double, agreements: [String])] = [:]
        // The parties with money in an agreement of the office in another year, with the
        // agreements' spans of time.
        var otherYears: [String: [String]] = [:]
        for doc in files.documents(.agreement) {
            guard let root = doc.root else { continue }
            // In force until its first term's end at most when extended late (`inForceUntil`).
            let signed = doc.signedOn, until = doc.inForceUntil(on: last)
            // Dates the wrong way round (`agreement-dates-inverted`, the one error): when it
            // is in force is unknown, so what the agreements commit is (session 35's trial:
            // warnings quoted "from 2026-06-15 until 2025-06-14").
            if let signed, let end = doc.root?["valid_until"]?.string.flatMap(Day.init), end < signed { return [] }
            // A date the schema refused reads as none (in force forever, or from always).
            if c.refused(root["signed_on"], in: doc.path) || c.refused(root["valid_until"], in: doc.path) { return [] }
            if (signed.map { $0 > last } ?? false) || (until.map { $0 < first } ?? false) {
                let when = [signed.map { "from \($0)" }, until.map { "until \($0)" }].compactMap { $0 }.joined(separator: " ")
                for party in Set((root.sequence(at: "money") ?? []).compactMap { $0.string(at: "party") }) {
                    otherYears[party, default: []].append("'\(doc.id)' \(when)")
                }
                continue
            }
            for line in root.sequence(at: "money") ?? [] {
                // An amount the schema refused (`45.000`, YAML's 45) is not what the agreement
                // commits; nor is a line without its amount (`schema-required` at the line).
                if c.refused(line["amount"], in: doc.path) || (line.pairs != nil && line["amount"] == nil) { return [] }
                guard let party = line.string(at: "party"), let amount = line["amount"]?.number else { continue }
                committed[party, default: (0, [])].amount += amount
                committed[party, default: (0, [])].agreements.append(doc.id)
            }
        }
        var counted: [String: (amount: Double, node: Node)] = [:]
        for line in budget.document.root?.sequence(at: "funding") ?? [] {
            guard let source = line.string(at: "source"), let node = line["amount"], let amount = node.number else { continue }
            counted[source] = ((counted[source]?.amount ?? 0) + amount, node)
        }
        return counted.keys.sorted().compactMap { source in
            guard let b = counted[source] else { return nil }
            guard let c = committed[source] else {
                // A party whose money the office's agreements commit only in other years
                // (session 27's trial: a budget for 2030 counted the agency's money after the
                // adhesion's end, unseen).
                guard let others = otherYears[source], b.amount > 0 else { return nil }
                return .warning("budget-funding-above-agreement",
                                "the budget of \(budget.year) counts \(BudgetRule.euros(b.amount)) from '\(source)', but no agreement of the office in force in \(budget.year) commits money from it (\(others.sorted().joined(separator: "; ")))",
                                at: b.node.span,
                                help: "record the agreement that commits the money in \(budget.year) (a renewal, or an extension: extended_on and valid_until), or correct the budget's funding")
            }
            guard BudgetRule.cents(b.amount) > BudgetRule.cents(c.amount) else { return nil }
            let names = Array(Set(c.agreements)).sorted().map { "'\($0)'" }.joined(separator: ", ")
            return .warning("budget-funding-above-agreement",
                            "the budget of \(budget.year) counts \(BudgetRule.euros(b.amount)) from '\(source)', more than the \(BudgetRule.euros(c.amount)) its agreements in force commit (\(names))",
                            at: b.node.span,
                            help: "check the amount against the agreement's 'money', or record the new commitment in an agreement")
        }
    }

    /// The help of `budget-post-unknown`: the posts of the staffing plan the budget does not
    /// cost yet, the one meant first (a post it costs already would be costed twice:
    /// session 27's trial, `adv-2` beside `adv-1` was offered `adv-1`).
    static func postHelp(_ post: String, budget: OfficeBudget, staff: Node?) -> String {
        let costed = Set(budget.posts.map(\.post))
        let ids = (staff?.sequence ?? []).compactMap { $0.string(at: "id") }
        let free = ids.filter { !costed.contains($0) }
        // A post of the plan given another's id (its own renamed, or copied): the plan's
        // duplicate is likely the cause, not this line (session 37's trial was told the
        // budget costs every post already); before a near id, which may be another post's.
        var seen: Set<String> = []
        if let twice = ids.first(where: { !seen.insert($0).inserted }) {
            return "the staffing plan gives the id '\(twice)' to more than one post: if one of them is '\(post)', give it back its id in staffing.yaml"
        }
        if let meant = Suggestions.didYouMean(post, in: free) { return meant }
        if free.isEmpty { return "the budget costs every post of the staffing plan already: add the post to staff in staffing.yaml, or remove this line" }
        return "use the id of a post under 'staff' in staffing.yaml that the budget does not cost yet (\(free.joined(separator: ", "))), or add the post there"
    }

    /// Whether the budget's sums read what the writer meant: no value they add up was
    /// refused by the schema (an amount, a yearly cost or the premises of the budget; the
    /// FTE of a post it costs, in the staffing plan; the budget of a communication action of
    /// its year), no field under `lines` or a funding line was refused (a misspelt
    /// `premisses`, whose amount the sums leave out), no line lacks the value they add up (a
    /// funding line or another line without its `amount`, a post without its `yearly_cost`:
    /// session 35's trial was told the funding fell short by the amount it had left out),
    /// and no post is costed twice (`key-duplicate`, whose error is at the second). Other
    /// schema errors of the file (a label, a source) leave the sums as they are.
    static func summable(_ budget: OfficeBudget, _ files: MunicipalityFiles, _ c: ValidationContext) -> Bool {
        guard let root = budget.document.root else { return false }
        let path = budget.document.path
        let lines = root["lines"]
        let funding = root.sequence(at: "funding") ?? []
        var summed: [Node?] = [lines?["premises"]]
        summed += (lines?.sequence(at: "posts") ?? []).map { $0["yearly_cost"] }
        summed += (lines?.sequence(at: "other") ?? []).map { $0["amount"] }
        summed += funding.map { $0["amount"] }
        if summed.contains(where: { c.refused($0, in: path) }) { return false }
        // A line without the value the sums add up (its `schema-required`): a funding line's
        // or another line's amount, a post's yearly cost. Not another missing field (a label).
        if funding.contains(where: { $0.pairs != nil && $0["amount"] == nil })
            || (lines?.sequence(at: "other") ?? []).contains(where: { $0.pairs != nil && $0["amount"] == nil })
            || (lines?.sequence(at: "posts") ?? []).contains(where: { $0.pairs != nil && $0["yearly_cost"] == nil }) { return false }
        if let diagnostics = c.schemaResults[path]?.diagnostics, diagnostics.contains(where: { d in
            Validator.refusingField.contains(d.rule) && ([lines] + funding.map { Optional($0) }).contains { node in
                node.map { $0.span.start <= d.span.start && d.span.end <= $0.span.end } ?? false
            }
        }) { return false }
        let costed = Set(budget.posts.map(\.post))
        if let staffing = files.staffing, staffing.root != nil,
           (staffing.root?.sequence(at: "staff") ?? []).contains(where: { post in
               post.string(at: "id").map(costed.contains) == true && c.refused(post["fte"], in: staffing.path)
           }) { return false }
        if let plan = files.communicationPlan,
           (plan.root?.sequence(at: "actions") ?? []).contains(where: { action in
               action.string(at: "date")?.hasPrefix("\(budget.year)-") == true && c.refused(action["budget"], in: plan.path)
           }) { return false }
        var posts = Set<String>()
        return budget.posts.allSatisfy { posts.insert($0.post).inserted }
    }

    /// An amount rounded to the cent, as the message shows it: the shortfall is the
    /// difference of the rounded amounts, so that the three figures agree (211850.56 €
    /// against 211850 € is short by 0.56 €, not by the 0.555 € of the amounts as written).
    static func cents(_ amount: Double) -> Double { (amount * 100).rounded() / 100 }

    static func euros(_ amount: Double) -> String { MessageValues.euros(amount) }
}
