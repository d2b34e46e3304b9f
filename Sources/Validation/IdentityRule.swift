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

    /// The ids of each document a translation may translate (the documents that are not
    /// translations), by path: made when a translation first asks, so that a save that
    /// changed no translation does not index the tree.
    final class OriginalIds: @unchecked Sendable {
        /// What a translation may carry: the id the original writes (its `id` field, else
        /// its file name's), and its file name's. They differ when the original's id is
        /// wrong (its own `id-mismatch`); a translation that keeps the file name's id is
        /// then right, and is not told to copy the typo.
        struct Ids { var written: String; var fileName: String }

        private let documents: [Document]
        private let lock = NSLock()
        private var ids: [String: Ids]?

        init(_ documents: [Document]) { self.documents = documents }

        /// The ids of the document at `path`; nil when there is none, or when it did not
        /// load (its YAML or Markdown error is the one problem, and its file name's id is
        /// no more its id than any other).
        func ids(at path: String) -> Ids? {
            lock.withLock {
                if ids == nil {
                    var made: [String: Ids] = [:]
                    for i in documents.indices {
                        guard let root = documents[i].root else { continue }
                        made[documents[i].path] = Ids(written: root.string(at: "id") ?? documents[i].id, fileName: documents[i].id)
                    }
                    ids = made
                }
                return ids![path]
            }
        }
    }

    static var checksTranslations: Bool { true }

    func prepare(_ c: ValidationContext) -> OriginalIds { OriginalIds(c.documents) }

    /// A document's `id-mismatch`: it reads the document, and for a translation the id of
    /// the document it translates. The id field is the kind table's `id-field` (`year` for
    /// a budget, whose value is a number).
    func check(_ doc: Document, _ originals: OriginalIds, _ c: ValidationContext) -> [Diagnostic] {
        let declaration = c.network.kinds.declaration(doc.kind)
        // An office's id is checked with the whole (`checkRest`): its help reads other offices.
        if doc.language == nil, declaration?.identity == .municipality { return [] }
        return IdentityRule.mismatch(doc, declaration, originals, c)
    }

    /// The `id-mismatch` of one document (`originals` serves translations only).
    static func mismatch(_ doc: Document, _ declaration: KindDeclaration?, _ originals: OriginalIds?,
                         _ c: ValidationContext) -> [Diagnostic] {
        let field = declaration?.idField ?? "id"
        guard let idNode = doc.root?[field], let id = idNode.string ?? idNode.int.map(String.init) else { return [] }
        // The kind table says which field repeats the id (`id-field`).
        var expected: String? = declaration?.idField != nil ? doc.id : nil
        if let language = doc.language {
            // A translation carries the id of the document it translates.
            let original = originals?.ids(at: String(doc.path.dropLast(".\(language).md".count)) + ".md")
            if id == original?.fileName { return [] }
            expected = original?.written
        }
        guard let expected, id != expected else { return [] }
        let value = idNode.string != nil ? "\(field) '\(id)'" : "\(field) \(id)"
        return [.error("id-mismatch",
                       doc.language != nil ? "\(value) differs from the id '\(expected)' of the document it translates"
                                           : "\(value) differs from the \(declaration?.identity == .municipality ? "folder" : "file") name '\(expected)'",
                       at: idNode.span,
                       help: IdentityRule.help(doc, declaration, field: field, id: id, expected: expected, c))]
    }

    /// What to do about an `id-mismatch`: what can be renamed depends on how the kind's
    /// files are named. A translation follows its original (renaming it alone would leave
    /// it translating nothing); an office is named by its folder (and a folder that copies
    /// another municipality's is a second office, not a rename); a file of fixed name
    /// cannot be renamed; a file named by its id can, unless a file of that name exists.
    static func help(_ doc: Document, _ declaration: KindDeclaration?, field: String, id: String, expected: String,
                     _ c: ValidationContext) -> String {
        let fix = Int(expected) != nil && field != "id" ? "set the \(field) to \(expected)" : "set the \(field) to '\(expected)'"
        // A budget is named after its year, other documents after their id.
        let why = field == "id" ? "ids are stable" : "the file is named after its \(field)"
        if doc.language != nil {
            return "a translation carries the id of the document it translates: \(fix) (to rename the document, rename it and its translations together)"
        }
        switch declaration?.identity {
        case .municipality?:
            let folder = "seeds/\(expected)/"
            let code = { (files: MunicipalityFiles?) in files?.office?.root?["municipality"]?.string(at: "ine_code") }
            guard let other = c.network.municipalities[id] else {
                // The folder or the id is the name of the office's municipality: the other is wrong.
                if let mine = code(c.network.municipalities[expected]), let entry = c.network.register?.entry(code: mine) {
                    let named = MunicipalityRegister.slug(entry.name)
                    if named == id {
                        return "an office's id is its folder's name: rename the folder \(folder) to seeds/\(id)/, after \(entry.name), its municipality"
                    }
                    if named == expected {
                        return "an office's id is its folder's name, \(folder), after \(entry.name): \(fix)"
                    }
                }
                return "an office's id is its folder's name: \(fix), or rename the folder \(folder) to seeds/\(id)/"
            }
            if let mine = code(c.network.municipalities[expected]), mine == code(other) {
                return "\(folder) has the INE code of seeds/\(id)/ (\(mine)): a municipality has one folder, so remove this copy; for another municipality, give its office that municipality's name, INE code and id '\(expected)'"
            }
            return "an office's id is its folder's name, and seeds/\(id)/ is another municipality's: \(fix)"
        case .fixed?:
            return "the file's name is fixed (\(doc.path)): \(fix)"
        default:
            let name = doc.path.split(ascii: "/").last.map(String.init) ?? doc.path
            let renamed = id + name.dropFirst(expected.count)
            let taken = doc.municipality.map { m in c.network.municipalities[m]?.documents(doc.kind).contains { $0.id == id } ?? false }
                ?? (c.network.modelDocument(doc.kind, id) != nil)
            if taken {
                return "\(why): \(fix) (a file named '\(renamed)' exists already)"
            }
            return "\(why): rename the file to '\(renamed)', or \(fix)"
        }
    }

    /// Unchanged documents keep their diagnostics while the ids translations are checked
    /// against are the same (`Delta.sameIds`).
    func keepsOtherDocuments(_ delta: ValidationContext.Delta) -> Bool { delta.sameIds }

    /// The offices' `id-mismatch` (their help reads the INE codes of other offices and the
    /// register, so they are checked again on every run: one lookup per office), then
    /// `id-duplicate`, after every document's `id-mismatch`.
    func checkRest(_ c: ValidationContext) -> [Diagnostic] {
        var out = networkDuplicates(c)
        let named = c.network.kinds.declarations.filter { $0.isMunicipal && $0.identity == .municipality && $0.idField != nil }
        for slug in c.network.municipalitySlugs {
            guard let files = c.network.municipalities[slug] else { continue }
            for declaration in named {
                for doc in files.documents(declaration.kind) { out += IdentityRule.mismatch(doc, declaration, nil, c) }
            }
        }
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
    /// the agreements) that share an id: each but the first, at its id, with the first as
    /// the related place. The first is the copy in the folder of the municipality its id
    /// names most of (`adhesion-molins-de-rei` in `seeds/molins-de-rei/`), else the first
    /// in folder order: a writer who copies a neighbour's agreement to start from is told of the copy
    /// (the trial of session 42: Badalona's copy of Molins de Rei's adhesion sorted first,
    /// and the error asked to rename Molins de Rei's signed one).
    func networkDuplicates(_ c: ValidationContext) -> [Diagnostic] {
        let kinds = Set(c.network.kinds.declarations.filter(\.networkUniqueIds).map(\.kind))
        guard !kinds.isEmpty else { return [] }
        var first: [String: Int] = [:]
        var out: [Diagnostic] = []
        let documents = c.documents
        let candidates = documents.indices.filter { kinds.contains(documents[$0].kind) && documents[$0].language == nil }
        // In folder order (`seeds/agreements/` before any municipality's, `molins-de-rei/`
        // before `molins-de-rei-2/`) after the copy in the folder its id names.
        let order = { (i: Int) in documents[i].path.split(ascii: "/") }
        // How much of its folder's municipality the id names: the most words of the slug,
        // from its first, found in a row in the id (`adhesion-sant-feliu` in
        // `seeds/sant-feliu-de-llobregat/`: 2); 0 outside a municipality's folder.
        let named = { (i: Int) -> Int in
            let parts = order(i)
            guard parts.count > 2, parts[0] == "seeds", parts[1] != "agreements" else { return 0 }
            let slug = parts[1].split(separator: "-"), id = documents[i].id.split(separator: "-")
            return id.indices.map { start in zip(slug, id[start...]).prefix { $0 == $1 }.count }.max() ?? 0
        }
        let ranked = Dictionary(uniqueKeysWithValues: candidates.map { ($0, named($0)) })
        for i in candidates.sorted(by: { a, b in
            ranked[a] != ranked[b] ? ranked[a]! > ranked[b]! : order(a).lexicographicallyPrecedes(order(b))
        }) {
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
