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
        CommitmentReferenceRule(),
        IndicatorTargetRule(),
        CycleRule(),
        MunicipalityRule(),
        MunicipalityDuplicateRule(),
        MunicipalityFolderRule(),
        RegisterRule(),
        UnexpectedFolderRule(),
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
        ReportValueRule(),
        OutlineRule(),
        LocalProcedureRule(),
        ExpansionRule(),
        FollowUpRule(),
        ValueReferenceRule(),
        DateRule(),
        CheckDayRule(),
        TextNoFontRule(),
        ApostropheRule(),
        PlaceholderRule(),
        TranslationRule(),
        LinkRule(),
    ]

    public static var rules: [RuleInfo] { all.flatMap { type(of: $0).rules } }

    public static func validate(_ context: ValidationContext) -> [Diagnostic] {
        report(validateByRule(context, previous: nil).results, context)
    }

    /// The schema's rules that refuse the value they stand on (its type, its text, its
    /// number), not what the value lacks (`schema-required`, `schema-min-items`): another
    /// rule that reads such a value reads what the schema has already said is wrong.
    static let refusingValue: Set<String> = [
        "schema-type", "schema-enum", "schema-const", "schema-min-length", "schema-max-length", "schema-pattern",
        "schema-format", "schema-minimum", "schema-maximum", "schema-exclusive-minimum", "schema-exclusive-maximum",
        "schema-multiple-of", "schema-false",
        // At the repeated item: a list's second `oae` is not also `ref-self` (the regression hunt of session 14, no. 6).
        "schema-unique-items",
    ]
    /// The schema's rules that refuse a field by its key (a misspelt field): the key and
    /// its value are refused.
    static let refusingField: Set<String> = ["schema-additional-properties", "schema-unevaluated-properties",
                                             "schema-property-names"]

    /// The diagnostics of every rule (`results`, in the order of `all`) as a check reports
    /// them: one wrong token, one diagnostic. A diagnostic of any rule but the schema's
    /// that lies within a value the schema refused (`refusingValue`), or within a field it
    /// refused, key and value (`refusingField`), is left out: the schema's error at the
    /// token says what is wrong, and the other rule read a value that is not what the model
    /// means (a latitude of 141.4 is not also "outside Catalonia"; a misspelt override field
    /// is not also "not adaptable"). Made from the results on each run, so that a rule's
    /// kept results (`oae serve`) are its own.
    public static func report(_ results: [RuleResult], _ context: ValidationContext) -> [Diagnostic] {
        let all = results.flatMap(\.all)
        var refused: [String: [(SourcePosition, SourcePosition)]] = [:]
        var documents: [String: Document]?
        for d in all where d.severity == .error {
            if refusingValue.contains(d.rule) {
                refused[d.span.file, default: []].append((d.span.start, d.span.end))
            } else if refusingField.contains(d.rule) {
                if documents == nil {
                    var byPath: [String: Document] = [:]
                    for doc in context.network.tree.documents { byPath[doc.path] = doc }
                    documents = byPath
                }
                let end = documents?[d.span.file]?.root.flatMap { Validator.valueEnd(ofKeyAt: d.span, in: $0) } ?? d.span.end
                refused[d.span.file, default: []].append((d.span.start, end))
            }
        }
        guard !refused.isEmpty else { return all }
        return all.filter { d in
            guard !d.rule.hasPrefix("schema-"), let regions = refused[d.span.file] else { return true }
            return !regions.contains { $0.0 <= d.span.start && d.span.end <= $0.1 }
        }
    }

    /// The end of the value of the mapping key whose span is `key`, anywhere in `node`.
    static func valueEnd(ofKeyAt key: SourceSpan, in node: Node) -> SourcePosition? {
        switch node.value {
        case let .mapping(pairs):
            for pair in pairs {
                if pair.key.span.start == key.start { return pair.value.span.end }
                if pair.value.span.start <= key.start, key.start < pair.value.span.end,
                   let end = valueEnd(ofKeyAt: key, in: pair.value) { return end }
            }
        case let .sequence(items):
            for item in items where item.span.start <= key.start && key.start < item.span.end {
                if let end = valueEnd(ofKeyAt: key, in: item) { return end }
            }
        default:
            break
        }
        return nil
    }

    /// Every rule's diagnostics, in the order of `all`. With `previous` (the results on
    /// the context `context` reused, `ValidationContext.delta`), a rule that `keeps` its
    /// diagnostics across the delta is not run again, a `MunicipalRule` runs again only
    /// for the municipalities the delta touched, and a `DocumentRule` only for the
    /// documents it changed; `run` counts the rules that ran. Either way the diagnostics
    /// are those of a run without `previous`.
    public static func validateByRule(_ context: ValidationContext, previous: [RuleResult]?) -> (results: [RuleResult], run: Int) {
        let rules = all
        let delta = context.delta
        let ran = parallelMap(startOrder) { i -> (RuleResult, Bool) in
            let before = previous.flatMap { $0.count == rules.count ? $0[i] : nil }
            if var before, let delta, rules[i].keeps(delta) {
                before.checked = 0
                return (before, false)
            }
            return (rules[i].run(context, before: before), true)
        }
        // Back in the order of `all`.
        var results = [(RuleResult, Bool)?](repeating: nil, count: rules.count)
        for (k, i) in startOrder.enumerated() { results[i] = ran[k] }
        return (results.map { $0!.0 }, results.filter { $0!.1 }.count)
    }

    /// The rules that take the longest, started first (by CPU at 947 municipalities:
    /// schema 15%, links 14%, references 8%, translations 7%, overrides 7% of the rules'
    /// time). The rules run on every core, each on one (a rule's own `parallelMap` over
    /// documents or municipalities runs on the core it started on while the rules share
    /// the cores); started last, the link rule ran alone at the end of the check (issue 13).
    static let heavyRules: [any Rule.Type] = [LinkRule.self, SchemaRule.self, ReferenceRule.self, TranslationRule.self,
                                              OverrideRule.self]

    /// The indexes of `all` in the order the rules start: `heavyRules`, then the others
    /// in the order of `all`. Each index once.
    static let startOrder: [Int] = {
        let heavy = heavyRules.map { ObjectIdentifier($0) }
        let first = heavy.compactMap { h in all.firstIndex { ObjectIdentifier(type(of: $0)) == h } }
        return first + all.indices.filter { !first.contains($0) }
    }()

    /// A `DocumentRule`'s run: each document again when the rule cannot keep the others'
    /// diagnostics across the context's delta, else only the documents the delta
    /// changed (the others' diagnostics taken from `before`).
    static func byDocument<R: DocumentRule>(_ rule: R, _ c: ValidationContext, before: RuleResult?) -> RuleResult {
        let docs = rule.documents(c)
        let prepared = rule.prepare(c)
        var perDocument: [[Diagnostic]]
        var checked = 0
        if let delta = c.delta, let kept = before?.byPath, rule.keepsOtherDocuments(delta) {
            perDocument = []
            perDocument.reserveCapacity(docs.count)
            for i in docs.indices {
                if delta.changed.contains(docs[i].path) {
                    perDocument.append(rule.check(docs[i], prepared, c))
                    checked += 1
                } else {
                    perDocument.append(kept[docs[i].path] ?? [])
                }
            }
        } else {
            perDocument = parallelMap(Array(docs.indices)) { rule.check(docs[$0], prepared, c) }
            checked = docs.count
        }
        // Only the documents with diagnostics are kept by path: most have none.
        var byPath: [String: [Diagnostic]] = [:]
        var all: [Diagnostic] = []
        for i in docs.indices where !perDocument[i].isEmpty {
            byPath[docs[i].path] = perDocument[i]
            all += perDocument[i]
        }
        var result = RuleResult(all: all + rule.checkRest(c))
        result.byPath = byPath
        result.checked = checked
        return result
    }

    /// A `MunicipalRule`'s run: each municipality again when something shared changed,
    /// else only the municipalities the context's delta touched (the others' diagnostics
    /// taken from `before`).
    static func byMunicipality<R: MunicipalRule>(_ rule: R, _ context: ValidationContext, before: RuleResult?) -> RuleResult {
        let kept = before?.bySlug ?? [:]
        let delta = context.delta
        let reuse = delta.map { !$0.shared } ?? false
        var bySlug: [String: [Diagnostic]] = [:]
        var all = rule.checkShared(context)
        var checked = 0
        // The municipalities on every core: one rule's loop over 947 of them ran on
        // one core while the other had finished the short rules (issue 13).
        let resolved = context.resolved
        let perMunicipality = parallelMap(Array(resolved.indices)) { j -> (diagnostics: [Diagnostic], checked: Bool) in
            if reuse, let delta, !delta.municipalities.contains(resolved[j].slug), let k = kept[resolved[j].slug] {
                return (k, false)
            }
            return (rule.check(resolved[j], context), true)
        }
        for (m, result) in zip(resolved, perMunicipality) {
            if result.checked { checked += 1 }
            bySlug[m.slug] = result.diagnostics
            all += result.diagnostics
        }
        var result = RuleResult(all: all, bySlug: bySlug)
        result.checked = checked
        return result
    }

    /// A `FolderRule`'s run: every folder again when the rule cannot keep the others'
    /// diagnostics across the context's delta, else only the folders the delta touched
    /// (the others' diagnostics taken from `before`).
    static func byFolder<R: FolderRule>(_ rule: R, _ c: ValidationContext, before: RuleResult?) -> RuleResult {
        let slugs = c.network.municipalitySlugs
        let kept = before?.bySlug ?? [:]
        let keep = c.delta.map { rule.keepsOtherFolders($0) } ?? false
        let touched = c.delta?.municipalities ?? []
        var bySlug: [String: [Diagnostic]] = [:]
        var all: [Diagnostic] = []
        var prepared: R.Prepared?
        var checked = 0
        for slug in slugs {
            guard let files = c.network.municipalities[slug] else { continue }
            let d: [Diagnostic]
            if keep, !touched.contains(slug), let k = kept[slug] {
                d = k
            } else {
                if prepared == nil { prepared = rule.prepare(c) }
                d = rule.check(slug, files, prepared!, c)
                checked += 1
            }
            bySlug[slug] = d
            all += d
        }
        var result = RuleResult(all: all, bySlug: bySlug)
        result.checked = checked
        return result
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
    /// A `DocumentRule`'s diagnostics by document path (only documents that have some).
    var byPath: [String: [Diagnostic]]?
    /// How many municipalities (a `MunicipalRule`) or documents (a `DocumentRule`) this
    /// run checked; the others kept their diagnostics.
    public internal(set) var checked = 0

    init(all: [Diagnostic], bySlug: [String: [Diagnostic]]? = nil) {
        self.all = all
        self.bySlug = bySlug
    }
}
