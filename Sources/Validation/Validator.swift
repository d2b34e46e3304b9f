import Diagnostics
import Foundation
import Loading
import Model

/// Runs every conformance rule over the network, the rules in parallel.
public enum Validator {
    /// Every rule, in the order their sections stand in `docs/rules.md`.
    public static let all: [any Rule] = [
        IdentityRule(),
        ReferenceRule(),
        CycleRule(),
        MunicipalityRule(),
        CatalogueRule(),
        OverrideRule(),
        StaffingRule(),
        ProcedureOwnerRule(),
        CommunicationRule(),
        TrainingRule(),
        ChecklistRule(),
        ProgressReportRule(),
        DateRule(),
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
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(Int.init) { return Day(unixSeconds: epoch) }
        if let seconds = gitCommitTime(root: root) { return Day(unixSeconds: seconds) }
        return Day(unixSeconds: Int(Date().timeIntervalSince1970))
    }

    static func gitCommitTime(root: URL) -> Int? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", root.path, "log", "-1", "--format=%ct"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return Int(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
