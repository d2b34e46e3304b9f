import Foundation
import Handbook
import Loading
import Model
import Tools
import Rendering
import Resolution

/// Which municipalities' handbooks change, and in which chapters, between a git
/// revision and the working tree. Both trees are loaded, resolved and their handbooks
/// rendered; a chapter changes when its rendered HTML or Typst (its PDF's source) does. So a model change to a
/// service a municipality does not offer leaves its handbook alone, and a change that a
/// chapter shows indirectly (a role's title in the office chapter) is never missed.
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
        /// The languages whose handbook shows the change, in the model's order (every
        /// language for a new municipality or a change of what they share; one for a
        /// change of one language's words).
        public var languages: [String] = []

        public static func == (a: Chapter, b: Chapter) -> Bool {
            a.id == b.id && a.title?.values == b.title?.values && a.languages == b.languages
        }
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
    /// The model's languages, in order.
    public var languages: [String] = []
    /// The files of the tree at the revision that could not be read as they were (a YAML
    /// syntax error): what they held counts as missing there, so every chapter that uses
    /// them shows as changed.
    public var unreadAtRevision: [String] = []

    public static let folders = ["model", "seeds", "templates"]

    /// Runs the analysis for the tree at `root`, which must be inside a git work tree.
    public static func run(root: URL, since: String) throws -> ImpactAnalysis {
        guard let inside = Git.run(["rev-parse", "--is-inside-work-tree"], in: root) else {
            throw WorkflowError("could not run git")
        }
        guard inside.text == "true" else {
            throw WorkflowError("\(root.path) is not inside a git work tree: oae impact compares git revisions", usage: true)
        }
        let commit = Git.run(["rev-parse", "--verify", "--quiet", "\(since)^{commit}"], in: root)
        guard let commit, commit.status == 0, !commit.text.isEmpty else {
            // In a shallow clone (CI checkouts often are), the revision may exist but not have been fetched.
            if Git.run(["rev-parse", "--is-shallow-repository"], in: root)?.text == "true" {
                throw WorkflowError("'\(since)' is not in this clone: the repository at \(root.path) is a shallow clone, so older history was not fetched (run 'git fetch --unshallow', or 'git fetch --deepen=<n>' or 'git fetch origin \(since)', then run oae impact again; in GitHub Actions set 'fetch-depth: 0' on actions/checkout)", usage: true)
            }
            throw WorkflowError("'\(since)' is not a commit of the git repository at \(root.path)", usage: true)
        }
        let sha = commit.text
        let prefix = try Git.check(["rev-parse", "--show-prefix"], in: root, what: "git rev-parse").text
        let changed = try Git.check(["diff", "--name-only", "--no-renames", "-z", "--relative", sha, "--"] + folders, in: root, what: "git diff")
        let untracked = try Git.check(["ls-files", "--others", "--exclude-standard", "-z", "--"] + folders, in: root,
                                      what: "git ls-files")
        let files = Array(Set(Git.paths(changed.stdout) + Git.paths(untracked.stdout))).sorted()

        let now = Network(tree: TreeLoader.load(root: root))
        guard !files.isEmpty else {
            return ImpactAnalysis(since: since, commit: sha, files: [],
                                  municipalities: now.municipalitySlugs.map { Municipality(slug: $0, status: .unchanged, chapters: []) },
                                  defaultLanguage: now.settings.defaultLanguage, languages: now.settings.languages)
        }
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("oae-impact-\(ProcessInfo.processInfo.processIdentifier)-\(sha.prefix(12))")
        try? FileManager.default.removeItem(at: scratch)
        defer { try? FileManager.default.removeItem(at: scratch) }
        try export(commit: sha, prefix: prefix, root: root, into: scratch)
        let thenTree = TreeLoader.load(root: scratch)
        let unread = Set(thenTree.diagnostics.filter { $0.severity == .error }.map(\.span.file)).sorted()
        let then = Network(tree: thenTree)
        return ImpactAnalysis(since: since, commit: sha, files: files,
                              municipalities: compare(then: then, thenRoot: scratch, now: now, nowRoot: root),
                              defaultLanguage: now.settings.defaultLanguage, languages: now.settings.languages,
                              unreadAtRevision: unread)
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

    /// Compares every municipality's chapters between two trees by rendering them: each
    /// handbook (every language) is rendered from both trees with the same revision and
    /// date, cut into its chapters, and a chapter changes in each language whose HTML or
    /// Typst of it differs. So whatever a chapter shows, a change to it is seen, and
    /// nothing else.
    public static func compare(then: Network, thenRoot: URL, now: Network, nowRoot: URL) -> [Municipality] {
        let before = renderedChapters(then, root: thenRoot)
        let after = renderedChapters(now, root: nowRoot)
        let slugs = Set(before.keys).union(after.keys).sorted()
        let outline = OutlineChapter.all(now)
        let oldOutline = OutlineChapter.all(then)
        let languages = now.settings.languages
        return slugs.map { slug in
            switch (before[slug], after[slug]) {
            case (nil, _?):
                return Municipality(slug: slug, status: .added,
                                    chapters: outline.map { Chapter(id: $0.id, title: $0.title, languages: languages) })
            case (_?, nil), (nil, nil):
                return Municipality(slug: slug, status: .removed, chapters: [])
            case let (b?, a?):
                // In each language: a change of the page's head (the stylesheet) or of the
                // PDF's frame changes how every chapter looks.
                func changed(_ id: String) -> [String] {
                    languages.filter { a[HandbookChapters.head]?[$0] != b[HandbookChapters.head]?[$0] || a[id]?[$0] != b[id]?[$0] }
                }
                var chapters = outline.map { Chapter(id: $0.id, title: $0.title, languages: changed($0.id)) }.filter { !$0.languages.isEmpty }
                // Chapters that left the outline change too (they disappear).
                chapters += oldOutline.filter { a[$0.id] == nil && b[$0.id] != nil }
                    .map { gone in Chapter(id: gone.id, title: gone.title, languages: languages.filter { b[gone.id]?[$0] != nil }) }
                return Municipality(slug: slug, status: chapters.isEmpty ? .unchanged : .changed, chapters: chapters)
            }
        }
    }

    /// Municipality → chapter id → language → a hash of the chapter's HTML and Typst (the
    /// PDF's source); under `HandbookChapters.head`, the HTML page's head and the
    /// Typst document's frame (`HandbookRenderer.comparableParts`: its cover, contents and
    /// page furniture), which every chapter's pages show. A change of a PDF's template alone
    /// changes its PDF, not its HTML: it was not seen (session 34's trial).
    static func renderedChapters(_ network: Network, root: URL) -> [String: [String: [String: String]]] {
        let resolved = network.municipalitySlugs.compactMap { Resolver.resolve(network, municipality: $0) }
        let input = BuildInput(root: root, network: network, resolved: resolved, sourceRevision: "impact",
                               sourceEpoch: 0, toolVersion: "impact")
        let (renderer, _) = HandbookRenderer.load(input)
        let languages = network.settings.languages
        // The PDF's document template as written: its table of contents is left out of the
        // frame rendered (`comparableParts`), not its own words.
        let frameTemplate = (try? String(contentsOf: root.appendingPathComponent("templates/handbook-typst/handbook.mustache"),
                                         encoding: .utf8)) ?? ""
        let rows = parallelMap(resolved) { view -> (String, [String: [String: String]]) in
            var out: [String: [String: String]] = [:]
            for language in languages {
                var hashes: [String: ContentHash] = [:]
                for (id, html) in HandbookChapters.split(renderer.render(view, language: language)) {
                    hashes[id, default: ContentHash()].update(html)
                }
                let typst = renderer.comparableParts(view, language: language, format: .typst)
                hashes[HandbookChapters.head, default: ContentHash()].update("typst\u{0}" + typst.frame + frameTemplate)
                for (id, markup) in typst.chapters {
                    hashes[id, default: ContentHash()].update("typst\u{0}" + markup)
                }
                for (id, hash) in hashes { out[id, default: [:]][language] = hash.hexDigest() }
            }
            return (view.slug, out)
        }
        return Dictionary(uniqueKeysWithValues: rows)
    }

}

/// A chapter of the handbook outline (`model/handbook/outline.yaml`).
public struct OutlineChapter: Sendable {
    public var id: String
    public var source: String
    public var title: LocalizedText?
    var node: Node

    /// The chapters of a network's outline, in order.
    static func all(_ network: Network) -> [OutlineChapter] {
        (network.modelDocument(.handbookOutline, "outline")?.root?.sequence(at: "chapters") ?? []).compactMap { item in
            guard let id = item.string(at: "id") else { return nil }
            return OutlineChapter(id: id, source: item.string(at: "source") ?? id, title: network.text(item["title"]), node: item)
        }
    }
}

/// Cuts a rendered handbook into its chapters: each `<section class="chapter …"
/// id="chapter-<id>">` up to the next chapter (or the end of the page), and its head
/// (`<head>…</head>`, with the stylesheet) under the id `head`.
public enum HandbookChapters {
    /// The id of the page's head.
    public static let head = "(head)"

    public static func split(_ html: String) -> [(id: String, html: String)] {
        let marker = "<section class=\"chapter "
        var out: [(String, String)] = []
        if let start = html.range(of: "<head"), let end = html.range(of: "</head>", range: start.upperBound..<html.endIndex) {
            out.append((head, String(html[start.lowerBound..<end.upperBound])))
        }
        let parts = html.components(separatedBy: marker).dropFirst()
        for part in parts {
            guard let idRange = part.range(of: "id=\"chapter-"),
                  let end = part[idRange.upperBound...].firstIndex(of: "\"") else { continue }
            out.append((String(part[idRange.upperBound..<end]), part))
        }
        return out
    }
}
