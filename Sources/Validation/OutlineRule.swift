import Diagnostics
import Loading
import Model

/// The handbook outline (`model/handbook/outline.yaml`) gives each chapter its own
/// `source`: two chapters with one source print that content twice (its headings' ids
/// twice in the handbook's HTML) while the other's content is in no chapter, under a
/// title that still names it. Reported at the second occurrence, pointing at the first,
/// as `key-duplicate` does for ids.
///
/// A chapter whose source is a prose document of the model (`governance`: the
/// handbook-chapter `model/handbook/governance.md`) that the model does not have prints
/// only a sentence saying the model has none: the writers hear it from the check
/// (`outline-source-missing`, a warning), not the municipal teams from their handbook.
struct OutlineRule: Rule {
    static let rules = [
        RuleInfo("outline-source-duplicate", "Two chapters of the handbook outline take their content from the same source."),
        RuleInfo("outline-source-missing", "A chapter of the handbook outline takes its content from a document the model does not have."),
    ]

    /// The sources that are a document of the model, by the kind and id of that document
    /// (`GovernanceChapter` renders it).
    static let documentSources: [String: (kind: Kind, id: String)] = ["governance": (.handbookChapter, "governance")]

    func check(_ c: ValidationContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for doc in c.network.modelDocuments(.handbookOutline) {
            let chapters = doc.root?.sequence(at: "chapters") ?? []
            let used = Set(chapters.compactMap { $0.string(at: "source") })
            // The sources the schema allows, to name those no chapter takes.
            let schema = c.network.tree.schemas[Kind.handbookOutline.rawValue]?.node
            let allowed = (schema?["properties"]?["chapters"]?["items"]?["properties"]?["source"]?.sequence(at: "enum") ?? [])
                .compactMap(\.string)
            let unused = allowed.filter { !used.contains($0) }
            var first: [String: (node: Node, chapter: String)] = [:]
            for chapter in chapters {
                guard let node = chapter["source"], let source = node.string else { continue }
                let id = chapter.string(at: "id") ?? "?"
                if let document = OutlineRule.documentSources[source], c.network.modelDocument(document.kind, document.id) == nil {
                    let path = c.network.kinds.declaration(document.kind)?.places.first?.joined(separator: "/")
                        .replacingOccurrences(of: "{id}", with: document.id) ?? "the model's \(document.kind.rawValue) '\(document.id)'"
                    out.append(.warning("outline-source-missing",
                                        "chapter '\(id)' takes its content from \(path), which the model does not have: "
                                            + "each handbook prints only that the model has no such chapter",
                                        at: node.span,
                                        help: "write \(path), or remove the chapter from the outline"))
                }
                guard let earlier = first[source] else {
                    first[source] = (node, id)
                    continue
                }
                out.append(.error("outline-source-duplicate",
                                  "chapter '\(id)' takes its content from '\(source)', as chapter '\(earlier.chapter)' does",
                                  at: node.span,
                                  related: [RelatedLocation(earlier.node.span, "first used")],
                                  help: unused.isEmpty
                                      ? "give each chapter its own source, or remove the repeated chapter"
                                      : "give each chapter its own source; no chapter takes \(unused.map { "'\($0)'" }.joined(separator: ", "))"))
            }
        }
        return out
    }
}
