import Diagnostics
import Loading
import Model

/// Links and images in Markdown bodies point to files of the tree and to anchors that
/// exist; none leaves the tree.
struct LinkRule: Rule {
    static let rules = [
        RuleInfo("link-broken", "A link or image points to a file that does not exist."),
        RuleInfo("link-anchor-missing", "A link points to an anchor that no heading makes."),
        RuleInfo("link-outside-tree", "A link or image path leaves the tree, or uses an unsafe scheme."),
    ]

    static let safeSchemes = ["http", "https", "mailto", "tel"]

    static var readsMarkdownBodies: Bool { true }

    /// The rule reads the links and headings of Markdown documents and the tree's list of
    /// files: it keeps its diagnostics while no Markdown file changed and no file came or went.
    func keeps(_ delta: ValidationContext.Delta) -> Bool {
        delta.samePaths && !delta.changed.contains { $0.hasSuffix(".md") }
    }

    func check(_ c: ValidationContext) -> [Diagnostic] {
        let files = Set(c.network.tree.paths)
        var anchors: [String: Set<String>] = [:]
        for doc in c.network.tree.documents {
            if let md = doc.markdown { anchors[doc.path] = Set(md.headings.map(\.anchor)) }
        }
        var out: [Diagnostic] = []
        for doc in c.network.tree.documents {
            guard let md = doc.markdown else { continue }
            let folder = doc.path.split(separator: "/").dropLast().map(String.init)
            for link in md.links {
                let destination = link.destination
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
                          let top = resolved.split(separator: "/").first,
                          ["model", "seeds"].contains(String(top)) else {
                        out.append(.error("link-outside-tree", "link '\(destination)' leaves the tree", at: link.span,
                                          help: "links may point only to files under model/ and seeds/"))
                        continue
                    }
                    guard files.contains(resolved) else {
                        let siblings = c.network.tree.paths.filter {
                            $0.split(separator: "/").dropLast() == resolved.split(separator: "/").dropLast()
                        }.map { String($0.split(separator: "/").last!) }
                        let name = String(resolved.split(separator: "/").last ?? "")
                        out.append(.error("link-broken", "'\(destination)' points to \(resolved), which does not exist",
                                          at: link.span, help: Suggestions.didYouMean(name, in: siblings)))
                        continue
                    }
                    target = resolved
                }
                if let anchor, !anchor.isEmpty, let known = anchors[target], !known.contains(anchor) {
                    out.append(.error("link-anchor-missing", "no heading of \(target) makes the anchor '#\(anchor)'",
                                      at: link.span, help: Suggestions.didYouMean(anchor, in: known.sorted())))
                }
            }
        }
        return out
    }


}
