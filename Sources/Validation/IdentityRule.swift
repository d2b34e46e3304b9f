import Diagnostics
import Loading
import Model

/// Ids match file names, and a local document never takes a model document's id.
struct IdentityRule: Rule {
    static let rules = [
        RuleInfo("id-mismatch", "A document's id differs from its file name."),
        RuleInfo("id-duplicate", "A local document has the id of a model document."),
    ]

    func check(_ c: ValidationContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var originalIds: [String: String] = [:]
        for doc in c.documents { originalIds[doc.path] = doc.root?["id"]?.string ?? doc.id }
        for doc in c.network.tree.documents {
            let declaration = c.network.kinds.declaration(doc.kind)
            guard let idNode = doc.root?[declaration?.idField ?? "id"], let id = idNode.string else { continue }
            // The kind table says which field repeats the id (`id-field`).
            var expected: String? = declaration?.idField != nil ? doc.id : nil
            if let language = doc.language {
                // A translation carries the id of the document it translates.
                expected = originalIds[String(doc.path.dropLast(".\(language).md".count)) + ".md"]
            }
            if let expected, id != expected {
                out.append(.error("id-mismatch",
                                  doc.language != nil ? "id '\(id)' differs from the id '\(expected)' of the document it translates"
                                                      : "id '\(id)' differs from the file name '\(expected)'",
                                  at: idNode.span,
                                  help: "ids are stable: rename the file to '\(id)', or set the id to '\(expected)'"))
            }
        }
        let localKinds = c.network.kinds.declarations.filter { $0.isMunicipal && $0.isModelLevel }.map(\.kind)
        for (slug, files) in c.network.municipalities.sorted(by: { $0.key < $1.key }) {
            for doc in localKinds.flatMap(files.documents) {
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
