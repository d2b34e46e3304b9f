import Loading
import Foundation
import Tools

/// The revision and date each output carries: those of the last commit that changed the
/// output's *own* inputs, so that an output whose inputs did not change keeps its bytes
/// (and its cached PDF) across commits.
///
/// A handbook reads the model, the programme's records, the templates and strings, and
/// its own municipality's folder (`seeds/<municipality>/`), never another municipality's
/// folder. Its stamp is the newest commit touching any of those; an office's site page
/// also reads the site's templates (`templates/site/`). Other outputs carry the stamp of
/// the newest commit touching the tree's content folders (`TreeLayout.contentFolders`).
///
/// Everything comes from two git calls whatever the network's size: one
/// `git log --first-parent --name-only` over the content folders (each merge counted as
/// the commit that brought its changes into the main line), and one `git status` for
/// uncommitted changes. A stamp whose inputs have uncommitted changes is HEAD's revision
/// and date, marked `modified`. `SOURCE_DATE_EPOCH`, when set, is every stamp's date.
/// Outside git every stamp is the tree's `SourceInfo` (`unversioned`).
public struct SourceStamps: Sendable, Equatable {
    /// A revision and its date.
    public struct Stamp: Sendable, Equatable, Hashable {
        /// A commit id, or `unversioned`.
        public var revision: String
        /// Seconds since 1970 (the commit's committer date, or SOURCE_DATE_EPOCH).
        public var epoch: Int
        /// True when the inputs have uncommitted changes: `revision` is then HEAD's.
        public var modified: Bool

        public init(revision: String, epoch: Int, modified: Bool = false) {
            self.revision = revision
            self.epoch = epoch
            self.modified = modified
        }
    }

    /// The newest change to any content folder.
    public var tree: Stamp
    /// The newest change to what every handbook reads (all but municipalities' folders
    /// and the site's templates).
    public var shared: Stamp
    /// The newest change to the site's templates (`templates/site/`).
    public var siteTemplates: Stamp
    /// Each municipality's newest change to its own folder, when newer than `shared`.
    public var municipalities: [String: Stamp]
    /// The day of the tree's first commit (the open data catalogue's issue date), when
    /// `read` was given git's answers (`GitAnswers.readingLog` asks for it beside the log,
    /// off the build's path); nil otherwise, or outside git.
    public var firstCommitDay: Day?

    public init(tree: Stamp, shared: Stamp, siteTemplates: Stamp, municipalities: [String: Stamp] = [:]) {
        self.tree = tree
        self.shared = shared
        self.siteTemplates = siteTemplates
        self.municipalities = municipalities
    }

    /// Every stamp the same (a tree outside git, or tests).
    public init(uniform stamp: Stamp) {
        self.init(tree: stamp, shared: stamp, siteTemplates: stamp)
    }

    /// The stamp of a municipality's handbooks.
    public func handbook(_ municipality: String) -> Stamp { municipalities[municipality] ?? shared }

    /// The stamp of a municipality's site pages (its office page, local services and
    /// procedures): its handbook's, or the site templates' when newer.
    public func officePage(_ municipality: String) -> Stamp {
        SourceStamps.newer(handbook(municipality), siteTemplates, order: order)
    }

    /// The position of each revision in history, newest first (0 = newest), for
    /// `officePage`; a modified stamp is newer than any commit.
    var order: [String: Int] = [:]

    static func newer(_ a: Stamp, _ b: Stamp, order: [String: Int]) -> Stamp {
        if a.modified != b.modified { return a.modified ? a : b }
        return (order[a.revision] ?? .max) <= (order[b.revision] ?? .max) ? a : b
    }

    /// What a path of the tree belongs to: what every handbook reads (`shared`), the
    /// site's templates, or a municipality's folder.
    public enum Group: Hashable, Sendable {
        case shared
        case siteTemplates
        case municipality(String)
    }

    /// The group of a path relative to the root, given the municipalities' slugs.
    public static func group(_ path: Substring, municipalities: Set<String>) -> Group {
        // An ASCII path's characters are its bytes: compared as bytes (every input file of
        // a build is grouped, 16,000 at 947 municipalities).
        if path.utf8.allSatisfy({ $0 < 0x80 }) {
            let bytes = path.utf8
            if bytes.starts(with: "templates/site/".utf8) { return .siteTemplates }
            guard bytes.starts(with: "seeds/".utf8) else { return .shared }
            let rest = bytes.dropFirst("seeds/".utf8.count)
            if let slash = rest.firstIndex(of: UInt8(ascii: "/")) {
                let slug = String(Substring(rest[..<slash]))
                if municipalities.contains(slug) { return .municipality(slug) }
            }
            return .shared
        }
        if path.hasPrefix("templates/site/") { return .siteTemplates }
        if path.hasPrefix("seeds/") {
            let rest = path.dropFirst("seeds/".count)
            if let slash = rest.firstIndex(ofASCII: "/"), municipalities.contains(String(rest[..<slash])) {
                return .municipality(String(rest[..<slash]))
            }
        }
        return .shared
    }

    /// What `read` asks git about a tree: the status of its content folders and their log.
    /// A build asks the status once, for the check's replay key and for `read`, and reads the
    /// log while the tree loads (`readingLog`).
    public struct GitAnswers: Sendable {
        /// `git status` of the content folders (`statusArguments`) being asked, nil outside git.
        private var asked: Background<Git.Output?>?
        /// The log (`logArguments`) being read, once `readingLog` started it.
        public var log: Background<Git.Output?>?
        /// The dates of the history's first commits (`firstCommitArguments`), read beside the log.
        public var firstCommits: Background<Git.Output?>?

        /// `git status` of the content folders, once git answered; nil when git could not
        /// run or the tree is not in git.
        public var status: Git.Output? { asked.flatMap { (try? $0.wait()) ?? nil } }

        /// Asks the status of the tree at `root` of revision `base` (nothing outside git), on
        /// a thread of its own: git stats every file of the tree, on one core (75 ms at 947
        /// municipalities), while the build walks the tree, and loads it when it has no
        /// record to replay (`status` waits for the answer).
        public static func ask(root: URL, base: SourceInfo) -> GitAnswers {
            GitAnswers(asked: base.revision == SourceInfo.unversioned ? nil : .start { Git.run(statusArguments, in: root) },
                       log: nil, firstCommits: nil)
        }

        /// These answers with the log and the first commits' dates read on threads of their
        /// own (each reads the whole history) while the caller goes on.
        public func readingLog(root: URL, base: SourceInfo) -> GitAnswers {
            guard base.revision != SourceInfo.unversioned else { return self }
            return GitAnswers(asked: asked, log: .start { Git.run(logArguments, in: root) },
                              firstCommits: .start { Git.run(firstCommitArguments, in: root) })
        }
    }

    /// `git status` as the stamps and the check's replay key read it.
    public static let statusArguments = ["status", "--porcelain=v1", "-z", "--no-renames", "--untracked-files=all", "--"]
        + TreeLayout.contentFolders
    /// `git log` of the history's first commits (the roots of HEAD's history), with their dates.
    public static let firstCommitArguments = ["log", "--max-parents=0", "--format=%ct", "HEAD"]

    /// The day of the oldest first commit in the output of `firstCommitArguments`; nil
    /// when git failed (outside git) or gave no date.
    public static func firstCommitDay(_ output: Git.Output?) -> Day? {
        guard let output, output.status == 0,
              let seconds = output.text.split(separator: "\n").compactMap({ Int($0) }).min() else { return nil }
        return Day(unixSeconds: seconds)
    }

    /// `git log` as the stamps read it: each commit of the main line with the files it changed.
    static let logArguments = ["log", "--first-parent", "--diff-merges=first-parent", "--no-renames", "--name-only",
                               "--format=%x01%H %ct", "HEAD", "--"] + TreeLayout.contentFolders

    /// The stamps of the tree at `root`, whose municipalities' folders are
    /// `seeds/<slug>/` for each of `municipalities`. `base` is the tree's `SourceInfo`
    /// (HEAD's revision and the date), used for uncommitted changes and outside git.
    /// `asked`: git's answers when the caller asked already (`GitAnswers.ask`).
    public static func read(root: URL, municipalities: Set<String>, base: SourceInfo,
                            environment: [String: String] = ProcessInfo.processInfo.environment,
                            asked: GitAnswers? = nil) -> SourceStamps {
        let fallback = Stamp(revision: base.revision, epoch: base.epoch)
        guard base.revision != SourceInfo.unversioned else { return SourceStamps(uniform: fallback) }
        let answers = asked ?? GitAnswers.ask(root: root, base: base)
        let read = answers.log.map { (try? $0.wait()) ?? nil } ?? Git.run(logArguments, in: root)
        let firstDay = answers.firstCommits.flatMap { firstCommitDay((try? $0.wait()) ?? nil) }
        guard let log = read, log.status == 0 else {
            var stamps = SourceStamps(uniform: fallback)
            stamps.firstCommitDay = firstDay
            return stamps
        }
        let forcedEpoch = environment["SOURCE_DATE_EPOCH"].flatMap(Int.init)
        var stamps = parse(log: String(decoding: log.stdout, as: UTF8.self),
                           status: answers.status.map { String(decoding: $0.stdout, as: UTF8.self) } ?? "",
                           municipalities: municipalities, head: fallback, forcedEpoch: forcedEpoch)
        stamps.firstCommitDay = firstDay
        return stamps
    }

    /// The stamps from the text of the `git log` and `git status -z` of `read`. `head`
    /// is HEAD's revision and date; `forcedEpoch` is SOURCE_DATE_EPOCH.
    static func parse(log: String, status: String, municipalities: Set<String>, head: Stamp, forcedEpoch: Int?) -> SourceStamps {
        var first: [Group: Stamp] = [:]
        var tree: Stamp?
        var order: [String: Int] = [:]
        // Records are "\u{1}<hash> <epoch>\n\n<path>\n<path>…", newest first.
        for record in log.split(separator: "\u{1}", omittingEmptySubsequences: true) {
            var lines = record.split(separator: "\n", omittingEmptySubsequences: true)
            guard !lines.isEmpty else { continue }
            let header = lines.removeFirst().split(separator: " ")
            guard header.count == 2, let epoch = Int(header[1]) else { continue }
            let stamp = Stamp(revision: String(header[0]), epoch: forcedEpoch ?? epoch)
            order[stamp.revision] = order.count
            if tree == nil { tree = stamp }
            for path in lines {
                let g = group(path, municipalities: municipalities)
                if first[g] == nil { first[g] = stamp }
            }
            // Older commits cannot change a stamp once both shared groups are known:
            // a municipality's folder older than `shared` gives way to `shared`.
            if first[.shared] != nil, first[.siteTemplates] != nil { break }
        }
        let none = Stamp(revision: head.revision, epoch: forcedEpoch ?? head.epoch)
        var stamps = SourceStamps(tree: tree ?? none, shared: first[.shared] ?? none,
                                  siteTemplates: first[.siteTemplates] ?? first[.shared] ?? none)
        stamps.order = order
        let sharedOrder = order[stamps.shared.revision] ?? .max
        for case let (.municipality(slug), stamp) in first where (order[stamp.revision] ?? .max) < sharedOrder {
            stamps.municipalities[slug] = stamp
        }
        // Uncommitted changes: `XY path` entries separated by NUL; a rename's source path
        // follows it, and changed too.
        let modified = Stamp(revision: head.revision, epoch: forcedEpoch ?? head.epoch, modified: true)
        var entries = status.split(separator: "\0", omittingEmptySubsequences: true)[...]
        var paths: [Substring] = []
        while let entry = entries.popFirst() {
            guard entry.count > 3 else { continue }
            paths.append(entry.dropFirst(3))
            let code = entry.prefix(2)
            if code.contains("R") || code.contains("C"), let source = entries.popFirst() { paths.append(source) }
        }
        for path in paths {
            stamps.tree = modified
            switch group(path, municipalities: municipalities) {
            case .shared:
                stamps.shared = modified
            case .siteTemplates: stamps.siteTemplates = modified
            case .municipality(let slug): stamps.municipalities[slug] = modified
            }
        }
        if stamps.shared.modified { stamps.municipalities = [:] }
        return stamps
    }
}
