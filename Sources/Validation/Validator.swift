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
        validateByRule(context, previous: nil).results.flatMap { $0 }
    }

    /// Every rule's diagnostics, in the order of `all`. With `previous` (the results on
    /// the context `context` reused, `ValidationContext.delta`), a rule that `keeps` its
    /// diagnostics across the delta is not run again; `run` counts the rules that ran.
    public static func validateByRule(_ context: ValidationContext, previous: [[Diagnostic]]?) -> (results: [[Diagnostic]], run: Int) {
        let rules = all
        let delta = context.delta
        let results = parallelMap(Array(rules.indices)) { i -> ([Diagnostic], Bool) in
            if let previous, previous.count == rules.count, let delta, rules[i].keeps(delta) { return (previous[i], false) }
            return (rules[i].check(context), true)
        }
        return (results.map(\.0), results.filter(\.1).count)
    }

    /// The day rules about time use: SOURCE_DATE_EPOCH when set, else the date of the
    /// tree's last commit, else today; so that a revision always checks the same way.
    public static func defaultAsOf(root: URL, environment: [String: String] = ProcessInfo.processInfo.environment) -> Day {
        Day(unixSeconds: SourceInfo.read(root: root, environment: environment).epoch)
    }
}
