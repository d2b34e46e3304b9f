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
    ]

    /// The documents' own problems (their schema results, kept by the context for the
    /// documents that did not change) and the kinds without a schema.
    func checkShared(_ c: ValidationContext) -> [Diagnostic] {
        var out = c.network.annotations.diagnostics
        var missing = Set<Kind>()
        let documents = c.documents
        // By index: binding each document would copy it.
        for i in documents.indices {
            if let result = c.schemaResults[documents[i].path] {
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

    /// The municipality's view after its overrides, against the schemas.
    func check(_ m: ResolvedMunicipality, _ c: ValidationContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let local = "seeds/\(m.slug)/"
        let merged: [(Kind, Node)] = m.services.filter { !$0.overrides.isEmpty }.map { (.service, $0.fields) }
            + m.procedures.filter { !$0.overrides.isEmpty }.map { (.procedure, $0.fields) }
            + m.indicators.filter { !$0.overrides.isEmpty }.map { (.indicator, $0.fields) }
        for (kind, fields) in merged {
            guard let validator = c.network.annotations.validator(for: kind) else { continue }
            for d in validator.validate(fields).diagnostics where d.span.file.hasPrefix(local) {
                var d = d
                d.notes.append("in the view of \(m.slug) after its overrides")
                out.append(d)
            }
        }
        return out
    }
}
