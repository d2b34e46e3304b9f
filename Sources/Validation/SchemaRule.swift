import Diagnostics
import Loading
import Model
import Resolution
import Schema

/// Every document matches its kind's schema in `model/schema/`, and so does each
/// municipality's resolved view of the documents it overrides: an override may not
/// leave a service, procedure or indicator invalid. The `schema-*` rules themselves are
/// listed by the Schema module.
struct SchemaRule: MunicipalRule {
    static let rules = SchemaValidator.rules + [
        RuleInfo("schema-missing", "A kind of document has no schema in model/schema/."),
        RuleInfo("override-item-unknown", "An override's list item has an id close to one of the model's, and adds an incomplete new item instead of changing that one."),
        RuleInfo("document-other-kind", "A document fails the schema of its folder's kind, and fits the schema of another kind: it was saved in the wrong folder."),
    ]

    /// How many schema errors a document has before it is tried against the schemas of the
    /// other kinds of its format (`document-other-kind`).
    static let otherKindFrom = 3

    /// The documents' own problems (their schema results, kept by the context for the
    /// documents that did not change) and the kinds without a schema.
    func checkShared(_ c: ValidationContext) -> [Diagnostic] {
        var out = c.network.annotations.diagnostics
        var missing = Set<Kind>()
        let documents = c.documents
        // By index: binding each document would copy it.
        for i in documents.indices {
            if let result = c.schemaResults[documents[i].path] {
                if result.diagnostics.count(where: { $0.severity == .error }) >= Self.otherKindFrom,
                   let other = otherKind(documents[i], c) {
                    out.append(other)
                    continue
                }
                out += result.diagnostics
            } else if documents[i].root != nil, c.network.annotations.validator(for: documents[i].kind) == nil {
                missing.insert(documents[i].kind)
            }
        }
        for kind in missing.sorted() {
            out.append(.error("schema-missing", "no schema for the kind '\(kind.rawValue)'",
                              at: .wholeFile(kind.schemaPath),
                              help: "add \(kind.schemaPath); every kind of document is checked against its schema"))
        }
        return out
    }

    /// `document-other-kind`: a document that fails its kind's schema, but fits the schema
    /// of another kind of its format, in whose folder it would be read: one error, where
    /// the schema gave one for each field (session 38's trial saved a service among the
    /// procedures and got 20 errors, none saying so).
    func otherKind(_ doc: Document, _ c: ValidationContext) -> Diagnostic? {
        guard let root = doc.root, let markdown = c.network.tree.kinds.declaration(doc.kind)?.isMarkdown else { return nil }
        let annotations = c.network.annotations
        for declaration in c.network.tree.kinds.declarations where declaration.kind != doc.kind && declaration.isMarkdown == markdown {
            // The place first: a kind with no place for this file (a fixed file name) is not
            // worth a validation (the review).
            guard let target = TreeLayout.paths(of: declaration.kind, for: doc.path, kinds: c.network.tree.kinds).first,
                  let validator = annotations.validator(for: declaration.kind),
                  !validator.validate(root).diagnostics.contains(where: { $0.severity == .error })
            else { continue }
            let kind = declaration.kind.rawValue, own = doc.kind.rawValue
            // A document there already is not to be moved over (the review).
            let there = c.network.tree.documents.contains { $0.path == target }
            return .error("document-other-kind",
                          "\(doc.path) is written as \(TreeLayout.article(kind)) \(kind), not \(TreeLayout.article(own)) \(own): its fields fit the \(kind) schema, not the \(own) one",
                          at: .wholeFile(doc.path),
                          help: there ? "\(target) exists already: move what this one says into it if it belongs there, and delete this one"
                                      : "move it to \(target) (git mv), where it is read as \(TreeLayout.article(kind)) \(kind)")
        }
        return nil
    }

    /// Whether `doc` is `document-other-kind`'s (so its other errors are that one's).
    static func isOtherKind(_ doc: Document, _ c: ValidationContext) -> Bool {
        guard let result = c.schemaResults[doc.path],
              result.diagnostics.count(where: { $0.severity == .error }) >= otherKindFrom else { return false }
        return SchemaRule().otherKind(doc, c) != nil
    }

    /// The municipality's view after its overrides, against the schemas.
    func check(_ m: ResolvedMunicipality, _ c: ValidationContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let local = "seeds/\(m.slug)/"
        // Not the view of a model document that did not load: the overrides alone are no
        // document (its file's error is the one).
        let net = c.network
        let merged: [(Kind, String, Node, [FieldOverride])] = m.services.filter { !$0.overrides.isEmpty && !net.modelDocumentUnread(.service, $0.id) }.map { (.service, $0.id, $0.fields, $0.overrides) }
            + m.procedures.filter { !$0.overrides.isEmpty && !net.modelDocumentUnread(.procedure, $0.id) }.map { (.procedure, $0.id, $0.fields, $0.overrides) }
            + m.indicators.filter { !$0.overrides.isEmpty && !net.modelDocumentUnread(.indicator, $0.id) }.map { (.indicator, $0.id, $0.fields, $0.overrides) }
        let localForms = merged.isEmpty ? [:] : net.localWrittenForms(m.slug)
        for (kind, id, fields, overrides) in merged {
            guard let validator = c.network.annotations.validator(for: kind) else { continue }
            let misnamed = misnamedItems(overrides, c.network.annotations)
            var reported = Set<Int>()
            // The model's list an override removes items from keeps the model's span in the
            // view: a problem of the list itself (fewer items than `minItems`) is the
            // removals', told at the last of them (session 38's trial removed every step of a
            // procedure, and the check passed).
            let removals = overrides.filter { $0.removes }
            for var d in validator.validate(fields, written: net.writtenForms(kind, id, local: localForms)).diagnostics {
                if !d.span.file.hasPrefix(local) {
                    guard let removal = removals.last(where: { $0.parent?.span == d.span }) else { continue }
                    d.related.append(RelatedLocation(d.span, "the model's list"))
                    d.span = removal.localValue.span
                    d.help = "keep enough of the model's items: remove fewer of them, or add items of the office's own"
                }
                // A new item whose id is close to a model item's, and which its schema
                // finds incomplete: a typo in the id of a change, one error at the id.
                if let i = misnamed.firstIndex(where: { $0.item.span.file == d.span.file
                    && $0.item.span.start <= d.span.start && d.span.start < $0.item.span.end }) {
                    if reported.insert(i).inserted { out.append(misnamed[i].diagnostic) }
                    continue
                }
                d.notes.append("in the view of \(m.slug) after its overrides")
                out.append(d)
            }
        }
        return out
    }

    /// The items an override adds to a keyed list (`x-key`) whose id is close to the id
    /// of one of the model's items, each with the diagnostic that says so at its id.
    func misnamedItems(_ overrides: [FieldOverride], _ annotations: SchemaAnnotations) -> [(item: Node, diagnostic: Diagnostic)] {
        overrides.compactMap { o in
            guard o.modelValue == nil, !o.removes, o.localValue.pairs != nil,
                  let list = o.parent?.sequence, case .index(_)? = o.schemaPath.last,
                  let key = annotations.annotations(o.kind, at: Array(o.schemaPath.dropLast())).key,
                  let idNode = o.localValue[key] else { return nil }
            let id = idNode.keyText
            let known = list.compactMap { $0[key]?.keyText }
            guard !known.contains(id), let suggestion = Suggestions.didYouMean(id, in: known) else { return nil }
            let field = Array(o.path.dropLast()).fieldName
            return (o.localValue, .error("override-item-unknown",
                                         "\(o.kind.rawValue) '\(o.target)' has no \(key) '\(id)' in '\(field)', so this adds a new item, which is incomplete",
                                         at: idNode.span,
                                         help: "\(suggestion) An override changes a model item named by its \(key); a new item needs every required field"))
        }
    }
}
