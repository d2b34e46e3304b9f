import Diagnostics
import Loading
import Model

/// Every value the schema marks `x-ref: KIND` names an existing document (or item) of
/// that kind: a model document, or one of the municipality's own; and not the document
/// that holds it (a service among its own related services).
struct ReferenceRule: DocumentRule {
    static let rules = [
        RuleInfo("ref-unknown", "A reference names no document of its kind."),
        RuleInfo("ref-self", "A document names itself where it names other documents of its kind."),
    ]

    /// The fields where a document names itself in a loop of its own, reported as one by
    /// `ref-cycle` (`CycleRule.edges`).
    static let cycleFields = Set(CycleRule.edges.map { "\($0.0.rawValue)/\($0.1)" })

    /// A document's references read its own values and the ids of the model and of its
    /// municipality: the others keep their diagnostics while only municipalities' files
    /// changed and the tree has the same documents (`ReferenceIndex` is then the same).
    /// The ids written in documents count too (`ReferenceIndex.misnamed`): `sameIds`.
    func keepsOtherDocuments(_ delta: ValidationContext.Delta) -> Bool { delta.sameDocuments && !delta.shared && delta.sameIds }

    func prepare(_ c: ValidationContext) {}

    func check(_ doc: Document, _: Void, _ c: ValidationContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        guard let annotated = c.schemaResults[doc.path]?.annotated else { return out }
        // By index, the parts each value needs: most values have no `x-ref` (issue 13).
        // The ids of each kind met, looked up once for the document (a document names a
        // few kinds, in turns).
        var seen: [(kind: String, ids: ReferenceIndex.Visible)] = []
        for i in annotated.indices {
            guard let kind = annotated.ref(at: i) else { continue }
            let ids: ReferenceIndex.Visible
            if let known = seen.first(where: { $0.kind == kind }) {
                ids = known.ids
            } else {
                ids = c.references.visible(kind, municipality: doc.municipality)
                seen.append((kind, ids))
            }
            let node = annotated.node(at: i), isKey = annotated.isKey(at: i)
            // Each id of the value: the value itself, or each item of a list (a scalar was
            // put in an array of its own for the loop: an allocation per reference).
            func visit(_ item: Node) {
                let id = isKey ? item.keyText : item.string
                guard let id else { return }
                // The field's name only for a value that names itself (written out for
                // every reference, it was 1.3% of the check's instructions).
                if !isKey, ReferenceRule.namesItself(id, kind, at: item, in: doc, c),
                   case var list = annotated.path(at: i), !ReferenceRule.cycleFields.contains("\(kind)/\(list.fieldName)") {
                    // The list, not its item (`see_also`, whose items are each a reference).
                    if case .index? = list.last { list.removeLast() }
                    out.append(.warning("ref-self", "\(kind) '\(id)' names itself in '\(list.fieldName)'", at: item.span,
                                        help: "remove it: '\(list.fieldName)' lists other \(kind)s"))
                    return
                }
                // A known id, or a kind without an index: nothing to report.
                if !ids.indexed || ids.contains(id) { return }
                check(id, kind, item.span, doc, c, &out)
            }
            if !isKey, let items = node.sequence {
                for item in items { visit(item) }
            } else {
                visit(node)
            }
        }
        return out
    }

    /// Whether the reference `id` to a `kind`, the value `node` of `doc`, names what holds
    /// it: the document itself (a service among its related services), or the item of a
    /// list of referable items (`KindTable.items`) that the value stands in (a glossary
    /// term among its own `see_also`).
    static func namesItself(_ id: String, _ kind: String, at node: Node, in doc: Document, _ c: ValidationContext) -> Bool {
        if kind == doc.kind.rawValue { return id == doc.id }
        guard let list = c.network.kinds.items.first(where: { $0.kind == kind && $0.document == doc.kind })?.list else { return false }
        let holder = doc.root?.sequence(at: list)?.first { $0.span.start <= node.span.start && node.span.end <= $0.span.end }
        return holder?.string(at: "id") == id
    }

    /// Whether `ref-unknown` reports a reference to `id` of `kind` from a document of
    /// `municipality` (nil: the model's): the kind is declared, no document of the tree
    /// that the municipality sees has the id, and none has it under a file of another
    /// name (`id-mismatch` says that one). `OverrideRule` leaves such an override's target
    /// to it, so that the key has one error, with its did-you-mean.
    static func reportsUnknown(_ id: String, _ kind: String, municipality: String?, _ c: ValidationContext) -> Bool {
        c.references.kinds.contains(kind) && !c.references.contains(id, kind, municipality: municipality)
            && c.references.misnamed[kind]?.contains(id) != true
    }

    private func check(_ id: String, _ kind: String, _ span: SourceSpan, _ doc: Document,
                       _ c: ValidationContext, _ out: inout [Diagnostic]) {
        // An x-ref to a kind the table does not declare is reported once, at the schema
        // (kind-unknown), not at every value; the document that says this id stands in a
        // file of another name: its `id-mismatch` is the one problem, not every reference to it.
        guard ReferenceRule.reportsUnknown(id, kind, municipality: doc.municipality, c) else { return }
        // The plan's agreement of a municipality with an office folder is not read: that
        // (`expansion-stage-ignored`) is its one diagnostic, whatever it names.
        if doc.kind == .expansion, ExpansionRule.unreadAgreement(at: span, c) { return }
        // Another municipality's own document: it exists, but not for this one.
        if let here = doc.municipality,
           let (owner, at) = c.references.local.sorted(by: { $0.key < $1.key }).lazy
               .compactMap({ slug, kinds in kinds[kind]?[id].map { (slug, $0) } }).first(where: { $0.0 != here }) {
            // A kind whose shared documents seeds/ holds for the whole network (the
            // programme's agreements, seeds/agreements/) has no model's (session 37's trial).
            let shared = c.network.kinds.declaration(Kind(kind))?.places
                .first { $0.first == "seeds" && !$0.contains(KindTable.municipalityPlaceholder) }
            let others = shared.map { "the programme's (\($0.dropLast().joined(separator: "/"))/)" } ?? "the model's"
            // An agreement its folder's office does not list may have been moved or copied
            // out of this municipality's folder (session 43's review moved an adhesion to a
            // neighbour's): the way back is said first.
            var parts = at.file.split(ascii: "/").map(String.init)
            let ownerLists = !c.network.reliedAgreements(owner).filter { $0.id == id }.isEmpty
            let back = kind == "agreement" && !ownerLists && parts.count > 2 && parts[1] == owner
                ? { parts[1] = here; return parts.joined(separator: "/") }() : nil
            out.append(.error("ref-unknown", "\(kind) '\(id)' is \(owner)'s, not \(here)'s", at: span,
                              related: [RelatedLocation(at, "the \(kind) of \(owner)")],
                              help: (back.map { "if it is \(here)'s, move it to \($0) (git mv); else " } ?? "")
                                  + "a municipality's documents name its own \(kind)s and \(others); name one of \(here)'s"))
            return
        }
        let known = c.references.ids(kind, municipality: doc.municipality).keys.sorted()
        // With none of the kind at all there is no list; when the model has none because
        // its folder is reported missing (tree-folder-missing, a misspelt folder), that is
        // the one error.
        let folder = c.network.tree.kinds.declaration(Kind(kind))?.places.first.map { $0.dropLast().joined(separator: "/") }
        if c.network.modelDocuments(Kind(kind)).isEmpty, let folder,
           UnexpectedFolderRule.missingFolders(c.network.tree).contains(folder) { return }
        let none = "there is no \(kind) in the tree: " + (folder.map { "its documents stand in \($0)/" } ?? "its folder is missing")
        out.append(.error("ref-unknown", "unknown \(kind) '\(id)'", at: span,
                          help: Suggestions.didYouMean(id, in: known)
                              ?? (known.isEmpty ? none : "the \(kind)s are: \(known.prefix(12).joined(separator: ", "))\(known.count > 12 ? ", …" : "")")))
    }
}
