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
    ]

    func prepare(_ c: ValidationContext) {}

    /// A budget reads only its municipality's folder (`OfficeBudget`): a folder that no
    /// save touched keeps its diagnostics, whatever else changed.
    func keepsOtherFolders(_ delta: ValidationContext.Delta) -> Bool { true }

    func check(_ slug: String, _ files: MunicipalityFiles, _ prepared: Void, _ c: ValidationContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for budget in c.network.budgets(slug) {
            let staffing = files.staffing?.root?["staff"]
            // Without a staffing plan, its absence is the error (municipality-file-missing).
            for line in budget.posts where line.fte == nil && files.staffing != nil {
                out.append(.error("budget-post-unknown",
                                  "post '\(line.post)' is not in the staffing plan of \(slug)",
                                  at: line.node.span,
                                  related: staffing.map { [RelatedLocation($0.span, "the staffing plan")] } ?? [],
                                  help: "use the id of a post under 'staff' in staffing.yaml, or add the post there"))
            }
            if !budget.covered, let root = budget.document.root {
                let at = root.pair("funding")?.key.span ?? root.span
                out.append(.error("budget-funding-short",
                                  "the funding of \(budget.year) adds up to \(BudgetRule.euros(budget.funded)), short of the total of \(BudgetRule.euros(budget.total)) by \(BudgetRule.euros(BudgetRule.cents(budget.total) - BudgetRule.cents(budget.funded)))",
                                  at: at,
                                  help: "add a source of funding or raise an amount, or cut a cost line"))
            }
        }
        return out
    }

    /// An amount in euros for a message: `195300 €`, or `12.50 €` with cents.
    /// An amount rounded to the cent, as the message shows it: the shortfall is the
    /// difference of the rounded amounts, so that the three figures agree (211850.56 €
    /// against 211850 € is short by 0.56 €, not by the 0.555 € of the amounts as written).
    static func cents(_ amount: Double) -> Double { (amount * 100).rounded() / 100 }

    static func euros(_ amount: Double) -> String {
        let cents = (amount * 100).rounded() / 100
        return cents == cents.rounded() ? "\(Int(cents)) €" : String(format: "%.2f €", cents)
    }
}
