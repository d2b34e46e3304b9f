import Diagnostics
import Foundation
import Loading
import Model

/// Runs every conformance rule over the network, the rules in parallel.
public enum Validator {
    /// Every rule, in the order their sections stand in `docs/rules.md`.
    public static let all: [any Rule] = [
        SchemaRule(),
        IdentityRule(),
        KeyRule(),
        ReferenceRule(),
        CycleRule(),
        MunicipalityRule(),
        OfficeRule(),
        CatalogueRule(),
        OverrideRule(),
        StaffingRule(),
        ProcedureOwnerRule(),
        CommunicationRule(),
        TrainingRule(),
        ChecklistRule(),
        AgreementRule(),
        ReleaseRule(),
        RecruitmentRule(),
        BudgetRule(),
        ProgressReportRule(),
        ExpansionRule(),
        FollowUpRule(),
        ValueReferenceRule(),
        DateRule(),
        PlaceholderRule(),
        TranslationRule(),
        LinkRule(),
    ]

    public static var rules: [RuleInfo] { all.flatMap { type(of: $0).rules } }

    public static func validate(_ context: ValidationContext) -> [Diagnostic] {
        validateByRule(context, previous: nil).results.flatMap(\.all)
    }

    /// Every rule's diagnostics, in the order of `all`. With `previous` (the results on
    /// the context `context` reused, `ValidationContext.delta`), a rule that `keeps` its
    /// diagnostics across the delta is not run again, and a `MunicipalRule` runs again
    /// only for the municipalities the delta touched; `run` counts the rules that ran.
    public static func validateByRule(_ context: ValidationContext, previous: [RuleResult]?) -> (results: [RuleResult], run: Int) {
        let rules = all
        let delta = context.delta
        let results = parallelMap(Array(rules.indices)) { i -> (RuleResult, Bool) in
            let before = previous.flatMap { $0.count == rules.count ? $0[i] : nil }
            if let before, let delta, rules[i].keeps(delta) { return (before, false) }
            guard let rule = rules[i] as? any MunicipalRule else { return (RuleResult(all: rules[i].check(context)), true) }
            // Per municipality: again only where the delta touched, when nothing shared changed.
            let kept = before?.bySlug ?? [:]
            let reuse = delta.map { !$0.shared } ?? false
            var bySlug: [String: [Diagnostic]] = [:]
            var all: [Diagnostic] = []
            for m in context.resolved {
                let d: [Diagnostic]
                if reuse, let delta, !delta.municipalities.contains(m.slug), let k = kept[m.slug] { d = k } else { d = rule.check(m, context) }
                bySlug[m.slug] = d
                all += d
            }
            return (RuleResult(all: all, bySlug: bySlug), true)
        }
        return (results.map(\.0), results.filter(\.1).count)
    }

    /// The day rules about time use: SOURCE_DATE_EPOCH when set, else the date of the
    /// tree's last commit, else today; so that a revision always checks the same way.
    public static func defaultAsOf(root: URL, environment: [String: String] = ProcessInfo.processInfo.environment) -> Day {
        Day(unixSeconds: SourceInfo.read(root: root, environment: environment).epoch)
    }
}

/// A rule's diagnostics on a context, kept for the next check of `oae serve`.
public struct RuleResult: Sendable {
    /// Every diagnostic, in the rule's order.
    public var all: [Diagnostic]
    /// A `MunicipalRule`'s diagnostics by municipality.
    var bySlug: [String: [Diagnostic]]?

    init(all: [Diagnostic], bySlug: [String: [Diagnostic]]? = nil) {
        self.all = all
        self.bySlug = bySlug
    }
}
