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
        let rules = all
        return parallelMap(Array(rules.indices)) { rules[$0].check(context) }.flatMap { $0 }
    }

    /// The day rules about time use: SOURCE_DATE_EPOCH when set, else the date of the
    /// tree's last commit, else today; so that a revision always checks the same way.
    public static func defaultAsOf(root: URL, environment: [String: String] = ProcessInfo.processInfo.environment) -> Day {
        Day(unixSeconds: SourceInfo.read(root: root, environment: environment).epoch)
    }
}
