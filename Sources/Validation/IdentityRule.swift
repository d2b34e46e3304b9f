import Diagnostics
import Foundation
import Loading
import Model

/// Ids match file names, and a local document never takes a model document's id.
struct IdentityRule: DocumentRule {
    static let rules = [
        RuleInfo("id-mismatch", "A document's id differs from its file name."),
        RuleInfo("id-duplicate", "A local document has the id of a model document, or two documents the id their kind keeps unique across the network."),
    ]

    /// The id of each document a translation may translate (the documents that are not
    /// translations), by path: made when a translation first asks, so that a save that
    /// changed no translation does not index the tree.
    final class OriginalIds: @unchecked Sendable {
        private let documents: [Document]
        private let lock = NSLock()
        private var ids: [String: String]?

        init(_ documents: [Document]) { self.documents = documents }

        /// The id the document at `path` carries (its `id` field, else its file name's).
        func id(at path: String) -> String? {
            lock.withLock {
                if ids == nil {
                    var made: [String: String] = [:]
                    for i in documents.indices { made[documents[i].path] = documents[i].root?["id"]?.string ?? documents[i].id }
                    ids = made
                }
                return ids![path]
            }
        }
    }

    static var checksTranslations: Bool { true }

    func prepare(_ c: ValidationContext) -> OriginalIds { OriginalIds(c.documents) }

    /// A document's `id-mismatch`: it reads the document, and for a translation the id of
    /// the document it translates.
    func check(_ doc: Document, _ originals: OriginalIds, _ c: ValidationContext) -> [Diagnostic] {
        let declaration = c.network.kinds.declaration(doc.kind)
        guard let idNode = doc.root?[declaration?.idField ?? "id"], let id = idNode.string else { return [] }
        // The kind table says which field repeats the id (`id-field`).
        var expected: String? = declaration?.idField != nil ? doc.id : nil
        if let language = doc.language {
            // A translation carries the id of the document it translates.
            expected = originals.id(at: String(doc.path.dropLast(".\(language).md".count)) + ".md")
        }
        guard let expected, id != expected else { return [] }
        return [.error("id-mismatch",
                       doc.language != nil ? "id '\(id)' differs from the id '\(expected)' of the document it translates"
                                           : "id '\(id)' differs from the file name '\(expected)'",
                       at: idNode.span,
                       help: "ids are stable: rename the file to '\(id)', or set the id to '\(expected)'")]
    }

    /// Unchanged documents keep their diagnostics while the ids translations are checked
    /// against are the same (`Delta.sameIds`).
    func keepsOtherDocuments(_ delta: ValidationContext.Delta) -> Bool { delta.sameIds }

    /// `id-duplicate`, after every document's `id-mismatch`.
    func checkRest(_ c: ValidationContext) -> [Diagnostic] {
        var out = networkDuplicates(c)
        let localKinds = c.network.kinds.declarations
            .filter { $0.isMunicipal && $0.isModelLevel && !$0.networkUniqueIds }.map(\.kind)
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

    /// The documents of a kind whose ids are unique across the network (`unique: network`,
    /// the agreements) that share an id: each but the first, by path, at its id, with the
    /// first as the related place.
    func networkDuplicates(_ c: ValidationContext) -> [Diagnostic] {
        let kinds = Set(c.network.kinds.declarations.filter(\.networkUniqueIds).map(\.kind))
        guard !kinds.isEmpty else { return [] }
        var first: [String: Int] = [:]
        var out: [Diagnostic] = []
        let documents = c.documents
        for i in documents.indices.sorted(by: { documents[$0].path < documents[$1].path })
        where kinds.contains(documents[i].kind) && documents[i].language == nil {
            let doc = documents[i]
            let key = doc.kind.rawValue + "/" + doc.id
            guard let f = first[key] else { first[key] = i; continue }
            let kind = doc.kind.rawValue
            out.append(.error("id-duplicate",
                              "\(kind) '\(doc.id)' has the id of \(documents[f].path): the ids of \(kind)s are unique across the network",
                              at: doc.root?["id"]?.span ?? .wholeFile(doc.path),
                              related: [RelatedLocation(.wholeFile(documents[f].path), "the other \(kind) '\(doc.id)'")],
                              help: "references name \(kind)s by their ids alone: give this one an id of its own, in its file's name and its 'id'"))
        }
        return out
    }
}
