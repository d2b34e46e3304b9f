import Diagnostics
import Loading
import Model
import Resolution

/// A post's recruitment plan runs in order: rules approved, call published, selection,
/// then the post's start date, which falls before the office opens. (That the post
/// starts before its first training is `training-before-start`.)
struct RecruitmentRule: Rule {
    static let rules = [
        RuleInfo("recruitment-milestones-order", "A recruitment milestone is not before the next one, or the post's start."),
        RuleInfo("recruitment-start-after-opening", "A recruited post starts after the office opens."),
    ]

    /// The milestones in the order they happen; the post's `start_date` follows them.
    static let milestones = ["rules_approved", "call_published", "selection"]

    func check(_ c: ValidationContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for m in c.resolved {
            for post in m.files.staffing?.root?.sequence(at: "staff") ?? [] {
                guard let plan = post["recruitment"] else { continue }
                let id = post.string(at: "id") ?? "?"
                var steps: [(name: String, node: Node, day: Day)] = RecruitmentRule.milestones.compactMap { name in
                    guard let node = plan["milestones"]?[name], let day = node.string.flatMap(Day.init) else { return nil }
                    return (name, node, day)
                }
                if let node = post["start_date"], let day = node.string.flatMap(Day.init) { steps.append(("start_date", node, day)) }
                for (a, b) in zip(steps, steps.dropFirst()) where b.day <= a.day {
                    out.append(.error("recruitment-milestones-order",
                                      "post '\(id)': \(b.name) (\(b.day)) is not after \(a.name) (\(a.day))",
                                      at: b.node.span, related: [RelatedLocation(a.node.span, a.name)],
                                      help: "the milestones go rules_approved, call_published, selection, then the post's start_date"))
                }
                if let start = post["start_date"], let day = start.string.flatMap(Day.init), let opening = m.openingDate, day > opening {
                    let at = m.files.office?.root?["opening_date"]?.span
                    out.append(.error("recruitment-start-after-opening",
                                      "post '\(id)' is recruited to start on \(day), after the office opens on \(opening)",
                                      at: start.span, related: at.map { [RelatedLocation($0, "the opening date")] } ?? [],
                                      help: "bring the selection forward, or move the opening"))
                }
            }
        }
        return out
    }
}
