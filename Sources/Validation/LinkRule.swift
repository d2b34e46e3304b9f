import Diagnostics
import Foundation
import Loading
import Model

/// Links and images in Markdown bodies point to files of the tree and to anchors that
/// exist; none leaves the tree.
struct LinkRule: DocumentRule {
    static let rules = [
        RuleInfo("link-broken", "A link or image points to a file that does not exist."),
        RuleInfo("link-anchor-missing", "A link points to an anchor that no heading makes."),
        RuleInfo("link-outside-tree", "A link or image path leaves the tree, or uses an unsafe scheme."),
        RuleInfo("markdown-image", "An image in a Markdown body: the site and the handbooks carry no image files."),
    ]

    static let safeSchemes = ["http", "https", "mailto", "tel"]

    static var readsMarkdownBodies: Bool { true }

    /// Translations have links too.
    static var checksTranslations: Bool { true }

    /// The rule reads the links and headings of Markdown documents and the tree's list of
    /// files: it keeps its diagnostics while no Markdown file changed and no file came or went.
    func keeps(_ delta: ValidationContext.Delta) -> Bool {
        delta.samePaths && !delta.changed.contains { $0.hasSuffix(".md") }
    }

    /// A document's links read the tree's files and the anchors of the documents they
    /// point to: the others keep their diagnostics while no file came or went and every
    /// changed document makes the anchors it made.
    func keepsOtherDocuments(_ delta: ValidationContext.Delta) -> Bool {
        delta.samePaths && delta.sameAnchors
    }

    /// The tree's files and its Markdown documents by path, made when a link first needs
    /// them (a save that changed one document checks a few links).
    final class Targets: @unchecked Sendable {
        private let lock = NSLock()
        private let c: ValidationContext
        private var madeFiles: Set<String>?
        private var madeAnchors: [String: Set<String>]?

        init(_ c: ValidationContext) { self.c = c }

        var files: Set<String> {
            lock.withLock {
                if let madeFiles { return madeFiles }
                let made = Set(c.network.tree.paths)
                madeFiles = made
                return made
            }
        }

        /// The anchors of each Markdown document's headings, by path.
        var anchors: [String: Set<String>] {
            lock.withLock {
                if let madeAnchors { return madeAnchors }
                var made: [String: Set<String>] = [:]
                let documents = c.network.tree.documents
                for i in documents.indices {
                    if let md = documents[i].markdown { made[documents[i].path] = Set(md.headings.map(\.anchor)) }
                }
                madeAnchors = made
                return made
            }
        }
    }

    func prepare(_ c: ValidationContext) -> Targets { Targets(c) }

    /// The relative link from the document at `source` to the file at `target`, both
    /// relative to the root (`seeds/x/services/a.md` to `model/services/b.md`:
    /// `../../../model/services/b.md`).
    static func relative(from source: String, to target: String) -> String {
        let from = source.split(ascii: "/").dropLast().map(String.init)
        let to = target.split(ascii: "/").map(String.init)
        var shared = 0
        while shared < from.count, shared < to.count - 1, from[shared] == to[shared] { shared += 1 }
        return (Array(repeating: "..", count: from.count - shared) + to[shared...]).joined(separator: "/")
    }

    func check(_ doc: Document, _ targets: Targets, _ c: ValidationContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        guard let md = doc.markdown else { return [] }
        // A document saved in another kind's folder (`document-other-kind`): its relative
        // links are broken for that one reason, which is the one error.
        if SchemaRule.isOtherKind(doc, c) { return [] }
        let folder = doc.path.split(ascii: "/").dropLast().map(String.init)
        for link in md.links {
            let destination = link.destination
            if link.isImage {
                out.append(.error("markdown-image", "images are not supported in a Markdown body", at: link.span,
                                  help: "say in words what the image shows, or link to it as a page: [what it shows](\(destination)); "
                                      + "the site and the handbooks carry no image files"))
                continue
            }
            if let scheme = TreePath.scheme(of: destination) {
                if !LinkRule.safeSchemes.contains(scheme.lowercased()) {
                    out.append(.error("link-outside-tree", "links may not use the '\(scheme):' scheme", at: link.span,
                                      help: "link to a page (https:) or to a file of the tree"))
                }
                continue
            }
            let linkTarget = TreePath.target(destination)
            let pathPart = linkTarget.path
            let anchor = linkTarget.fragment
            var target = doc.path
            if !pathPart.isEmpty {
                if pathPart.hasPrefix("/") {
                    out.append(.error("link-outside-tree", "link '\(destination)' is an absolute path", at: link.span,
                                      help: "use a path relative to this file"))
                    continue
                }
                guard let resolved = TreePath.resolve(pathPart, from: folder),
                      let top = resolved.split(ascii: "/").first,
                      ["model", "seeds"].contains(String(top)) else {
                    out.append(.error("link-outside-tree", "link '\(destination)' leaves the tree", at: link.span,
                                      help: "links may point only to files under model/ and seeds/"))
                    continue
                }
                guard targets.files.contains(resolved) else {
                    // Into a folder reported missing (tree-folder-missing): that is the one error.
                    if UnexpectedFolderRule.missingFolders(c.network.tree).contains(where: { resolved.hasPrefix($0 + "/") }) { continue }
                    // A folder of the tree (`../`): a link is to a file (the trial of session
                    // 42 read "seeds/badalona, which does not exist").
                    let inFolder = c.network.tree.paths.filter { $0.hasPrefix(resolved + "/") }
                    if !inFolder.isEmpty {
                        let files = inFolder.filter { !$0.dropFirst(resolved.count + 1).contains("/") }
                            .map { String($0.dropFirst(resolved.count + 1)) }.sorted()
                        let named = files.prefix(3).joined(separator: ", ") + (files.count > 3 ? ", …" : "")
                        out.append(.error("link-broken", "'\(destination)' points to the folder \(resolved)/: a link points to a file",
                                          at: link.span,
                                          help: files.isEmpty ? "link to a file of the folder" : "link to one of its files (\(named))"))
                        continue
                    }
                    let siblings = c.network.tree.paths.filter {
                        $0.split(ascii: "/").dropLast() == resolved.split(ascii: "/").dropLast()
                    }.map { String($0.split(ascii: "/").last!) }
                    let name = String(resolved.split(ascii: "/").last ?? "")
                    // No file of that folder is meant: a file of that name elsewhere (a model
                    // service linked as if it were beside a local one; session 44's trial got
                    // no help), the link to it written from here.
                    // The nearest first (most folders shared with this document: its own
                    // municipality's, not the first in the tree; the review), the anchor kept.
                    let here = doc.path.split(ascii: "/")
                    let shared = { (path: String) in zip(here, path.split(ascii: "/")).prefix { $0 == $1 }.count }
                    let elsewhere = Suggestions.didYouMean(name, in: siblings) == nil
                        ? c.network.tree.paths.filter { $0.split(ascii: "/").last.map(String.init) == name }
                            .sorted { shared($0) != shared($1) ? shared($0) > shared($1) : $0 < $1 } : []
                    let fragment = anchor.map { $0.isEmpty ? "" : "#" + $0 } ?? ""
                    let more = elsewhere.count > 1 ? " (\(elsewhere.count) files have that name; this is the nearest)" : ""
                    let help = Suggestions.didYouMean(name, in: siblings)
                        ?? elsewhere.first.map { "\($0) has that name: link to it as '\(LinkRule.relative(from: doc.path, to: $0))\(fragment)'\(more)" }
                    out.append(.error("link-broken", "'\(destination)' points to \(resolved), which does not exist",
                                      at: link.span, help: help))
                    continue
                }
                target = resolved
            }
            if let anchor, !anchor.isEmpty, let known = targets.anchors[target], !known.contains(anchor) {
                out.append(.error("link-anchor-missing", "no heading of \(target) makes the anchor '#\(anchor)'",
                                  at: link.span, help: Suggestions.didYouMean(anchor, in: known.sorted())))
            }
        }
        return out
    }


}
