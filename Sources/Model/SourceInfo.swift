import Foundation
import Tools

/// The revision and date of a tree, which make checks and builds reproducible: the same
/// revision always checks as of the same day and builds the same bytes.
public struct SourceInfo: Sendable, Equatable {
    /// The git commit (`git rev-parse HEAD`), or "unversioned" outside git.
    public var revision: String
    /// Seconds since 1970: SOURCE_DATE_EPOCH when set, else the last commit's date, else
    /// nil (the caller decides: a check uses today, a build uses 0).
    public var epoch: Int?

    public static func read(root: URL, environment: [String: String] = ProcessInfo.processInfo.environment) -> SourceInfo {
        let revision = git(["rev-parse", "HEAD"], root: root) ?? "unversioned"
        if let e = environment["SOURCE_DATE_EPOCH"].flatMap(Int.init) { return SourceInfo(revision: revision, epoch: e) }
        return SourceInfo(revision: revision, epoch: git(["log", "-1", "--format=%ct"], root: root).flatMap(Int.init))
    }

    static func git(_ args: [String], root: URL) -> String? {
        guard let output = Git.run(args, in: root), output.status == 0, !output.text.isEmpty else { return nil }
        return output.text
    }
}
