import Diagnostics
import Loading
import Model

/// Ids match file names, and a local document never takes a model document's id.
struct IdentityRule: Rule {
    static let rules = [
        RuleInfo("id-mismatch", "A document's id differs from its file name."),
        RuleInfo("id-duplicate", "A local document has the id of a model document."),
    ]

    /// Kinds whose id is their file name.
    static let namedByFile: Set<Kind> = [.service, .procedure, .role, .trainingModule, .indicator, .handbookChapter]

    func check(_ c: ValidationContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var originalIds: [String: String] = [:]
        for doc in c.documents { originalIds[doc.path] = doc.root?["id"]?.string ?? doc.id }
        for doc in c.network.tree.documents {
            guard let idNode = doc.root?["id"], let id = idNode.string else { continue }
            var expected: String?
            if IdentityRule.namedByFile.contains(doc.kind) { expected = doc.id }
            if let language = doc.language {
                // A translation carries the id of the document it translates.
                expected = originalIds[String(doc.path.dropLast(".\(language).md".count)) + ".md"]
            }
            if doc.kind == .office { expected = doc.municipality }
            if let expected, id != expected {
                out.append(.error("id-mismatch",
                                  doc.language != nil ? "id '\(id)' differs from the id '\(expected)' of the document it translates"
                                                      : "id '\(id)' differs from the file name '\(expected)'",
                                  at: idNode.span,
                                  help: "ids are stable: rename the file to '\(id)', or set the id to '\(expected)'"))
            }
        }
        for (slug, files) in c.network.municipalities.sorted(by: { $0.key < $1.key }) {
            for doc in files.services + files.procedures {
                guard let model = c.network.modelDocument(doc.kind, doc.id) else { continue }
                out.append(.error("id-duplicate",
                                  "local \(doc.kind.rawValue) '\(doc.id)' of \(slug) has the id of a model \(doc.kind.rawValue)",
                                  at: doc.root?["id"]?.span ?? .wholeFile(doc.path),
                                  related: [RelatedLocation(.wholeFile(model.path), "the model's \(doc.kind.rawValue)")],
                                  help: doc.kind == .procedure
                                      ? "give the variant an id of its own and name the model procedure in 'variant_of'"
                                      : "give the local service an id of its own; to change the model's service, use 'overrides' in adaptation.yaml"))
            }
        }
        return out
    }
}
