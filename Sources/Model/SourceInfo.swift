import Foundation
import Tools

/// The revision and date of a tree, which make checks and builds reproducible: the same
/// revision always checks as of the same day and builds the same bytes.
public struct SourceInfo: Sendable, Equatable {
    /// Where the date of a tree comes from.
    public enum DateOrigin: String, Sendable, Equatable {
        /// The `SOURCE_DATE_EPOCH` environment variable.
        case sourceDateEpoch
        /// The date of the tree's last commit.
        case commit
        /// Today (midnight UTC): the tree is outside git or has no commit yet.
        case today
    }

    /// The git commit (`git rev-parse HEAD`), or `unversioned` outside git.
    public var revision: String

    /// The revision of a tree outside git (or in a repository without a commit).
    public static let unversioned = "unversioned"
    /// Seconds since 1970: SOURCE_DATE_EPOCH when set, else the last commit's date, else
    /// the start of today (UTC), so that no output ever shows 1 January 1970.
    public var epoch: Int
    /// Which of the three `epoch` is.
    public var dateOrigin: DateOrigin

    /// A source with the given revision and date.
    public init(revision: String, epoch: Int, dateOrigin: DateOrigin) {
        self.revision = revision
        self.epoch = epoch
        self.dateOrigin = dateOrigin
    }

    /// The revision and date of the tree at `root`; `now` is the day used when neither
    /// `SOURCE_DATE_EPOCH` nor a commit gives one.
    public static func read(root: URL, environment: [String: String] = ProcessInfo.processInfo.environment,
                            now: Date = Date()) -> SourceInfo {
        let revision = git(["rev-parse", "HEAD"], root: root) ?? SourceInfo.unversioned
        if let e = environment["SOURCE_DATE_EPOCH"].flatMap(Int.init) {
            return SourceInfo(revision: revision, epoch: e, dateOrigin: .sourceDateEpoch)
        }
        if let e = git(["log", "-1", "--format=%ct"], root: root).flatMap(Int.init) {
            return SourceInfo(revision: revision, epoch: e, dateOrigin: .commit)
        }
        let seconds = Int(now.timeIntervalSince1970)
        return SourceInfo(revision: revision, epoch: seconds - seconds % 86_400, dateOrigin: .today)
    }

    /// One line saying where the dates come from when it is not the last commit, for
    /// standard error; nil when they are the commit's.
    public var dateNote: String? {
        let day = Day(unixSeconds: epoch)
        switch dateOrigin {
        case .commit: return nil
        case .sourceDateEpoch: return "dates are those of SOURCE_DATE_EPOCH (\(day))"
        case .today: return "dates are today's (\(day)): the tree has no commit (set SOURCE_DATE_EPOCH to choose)"
        }
    }

    static func git(_ args: [String], root: URL) -> String? {
        guard let output = Git.run(args, in: root), output.status == 0, !output.text.isEmpty else { return nil }
        return output.text
    }
}
