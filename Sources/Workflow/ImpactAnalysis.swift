import Foundation
import Loading
import Model
import Resolution

/// Which municipalities' handbooks change, and in which chapters, between a git
/// revision and the working tree. Both trees are loaded and resolved in full, and each
/// chapter's fingerprint (exactly the data it shows) is compared; so a model change to a
/// service a municipality does not offer leaves its handbook alone.
public struct ImpactAnalysis: Sendable {
    public enum Status: String, Sendable {
        /// Some chapters change.
        case changed
        /// The municipality is new since the revision: its whole handbook is new.
        case added
        /// The municipality's folder is gone: its handbook is no longer built.
        case removed
        case unchanged
    }

    public struct Chapter: Sendable, Equatable {
        public var id: String
        public var title: LocalizedText?

        public static func == (a: Chapter, b: Chapter) -> Bool { a.id == b.id && a.title?.values == b.title?.values }
    }

    public struct Municipality: Sendable {
        public var slug: String
        public var status: Status
        /// The chapters that change, in the order of the (current) outline.
        public var chapters: [Chapter]
    }

    /// The revision as given, and the commit it names.
    public var since: String
    public var commit: String
    /// Files under model/, seeds/ and templates/ that differ from the revision,
    /// untracked ones included.
    public var files: [String]
    public var municipalities: [Municipality]
    /// The model's default language (for titles a language lacks).
    public var defaultLanguage = "ca"

    public static let folders = ["model", "seeds", "templates"]

    /// Runs the analysis for the tree at `root`, which must be inside a git work tree.
    public static func run(root: URL, since: String) throws -> ImpactAnalysis {
        guard let inside = Git.run(["rev-parse", "--is-inside-work-tree"], in: root) else {
            throw WorkflowError("could not run git")
        }
        guard inside.text == "true" else {
            throw WorkflowError("\(root.path) is not inside a git work tree: oae impact compares git revisions")
        }
        let commit = Git.run(["rev-parse", "--verify", "--quiet", "\(since)^{commit}"], in: root)
        guard let commit, commit.status == 0, !commit.text.isEmpty else {
            // In a shallow clone (CI checkouts often are), the revision may exist but not have been fetched.
            if Git.run(["rev-parse", "--is-shallow-repository"], in: root)?.text == "true" {
                throw WorkflowError("'\(since)' is not in this clone: the repository at \(root.path) is a shallow clone, so older history was not fetched (run 'git fetch --unshallow', or 'git fetch --deepen=<n>' or 'git fetch origin \(since)', then run oae impact again; in GitHub Actions set 'fetch-depth: 0' on actions/checkout)")
            }
            throw WorkflowError("'\(since)' is not a commit of the git repository at \(root.path)")
        }
        let sha = commit.text
        let prefix = try Git.check(["rev-parse", "--show-prefix"], in: root, what: "git rev-parse").text
        let changed = try Git.check(["diff", "--name-only", "-z", "--relative", sha, "--"] + folders, in: root, what: "git diff")
        let untracked = try Git.check(["ls-files", "--others", "--exclude-standard", "-z", "--"] + folders, in: root,
                                      what: "git ls-files")
        let files = Array(Set(Git.paths(changed.stdout) + Git.paths(untracked.stdout))).sorted()

        let now = Network(tree: TreeLoader.load(root: root))
        let nowTemplates = ChapterFingerprints.templatesHash(root: root)
        guard !files.isEmpty else {
            return ImpactAnalysis(since: since, commit: sha, files: [],
                                  municipalities: now.municipalitySlugs.map { Municipality(slug: $0, status: .unchanged, chapters: []) },
                                  defaultLanguage: now.settings.defaultLanguage)
        }
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("oae-impact-\(ProcessInfo.processInfo.processIdentifier)-\(sha.prefix(12))")
        try? FileManager.default.removeItem(at: scratch)
        defer { try? FileManager.default.removeItem(at: scratch) }
        try export(commit: sha, prefix: prefix, root: root, into: scratch)
        let then = Network(tree: TreeLoader.load(root: scratch))
        let thenTemplates = ChapterFingerprints.templatesHash(root: scratch)
        return ImpactAnalysis(since: since, commit: sha, files: files,
                              municipalities: compare(then: then, thenTemplates: thenTemplates, now: now, nowTemplates: nowTemplates),
                              defaultLanguage: now.settings.defaultLanguage)
    }

    /// Writes the content folders of the tree as it was at `commit` into `folder`.
    static func export(commit: String, prefix: String, root: URL, into folder: URL) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        let tree = "\(commit):\(prefix)"
        // ls-tree and archive read paths relative to the current folder: run them at the
        // top of the work tree, on the tree of the folder that holds model/ and seeds/.
        let top = URL(fileURLWithPath: try Git.check(["rev-parse", "--show-toplevel"], in: root, what: "git rev-parse").text,
                      isDirectory: true)
        let listing = try Git.check(["ls-tree", "--name-only", "-z", tree], in: top, what: "git ls-tree")
        let present = Git.paths(listing.stdout).filter(folders.contains)
        guard !present.isEmpty else { return }
        let archive = folder.appendingPathComponent("tree.tar")
        _ = try Git.check(["archive", "--format=tar", "-o", archive.path, tree, "--"] + present, in: top, what: "git archive")
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tar.arguments = ["tar", "-xf", archive.path, "-C", folder.path]
        tar.standardError = FileHandle.nullDevice
        try tar.run()
        tar.waitUntilExit()
        guard tar.terminationStatus == 0 else { throw WorkflowError("could not unpack the tree of \(commit)") }
        try fm.removeItem(at: archive)
    }

    /// Compares every municipality's chapters between two trees.
    public static func compare(then: Network, thenTemplates: String, now: Network, nowTemplates: String) -> [Municipality] {
        let slugs = Set(then.municipalitySlugs).union(now.municipalitySlugs).sorted()
        let outline = OutlineChapter.all(now)
        let oldOutline = OutlineChapter.all(then)
        return slugs.map { slug in
            let before = Resolver.resolve(then, municipality: slug)
                .map { ChapterFingerprints.compute(network: then, resolved: $0, templates: thenTemplates) }
            let after = Resolver.resolve(now, municipality: slug)
                .map { ChapterFingerprints.compute(network: now, resolved: $0, templates: nowTemplates) }
            switch (before, after) {
            case (nil, _?):
                return Municipality(slug: slug, status: .added, chapters: outline.map { Chapter(id: $0.id, title: $0.title) })
            case (_?, nil), (nil, nil):
                return Municipality(slug: slug, status: .removed, chapters: [])
            case let (b?, a?):
                var chapters = outline.filter { a[$0.id] != b[$0.id] }.map { Chapter(id: $0.id, title: $0.title) }
                // Chapters that left the outline change too (they disappear).
                chapters += oldOutline.filter { a[$0.id] == nil && b[$0.id] != nil }.map { Chapter(id: $0.id, title: $0.title) }
                return Municipality(slug: slug, status: chapters.isEmpty ? .unchanged : .changed, chapters: chapters)
            }
        }
    }
}
