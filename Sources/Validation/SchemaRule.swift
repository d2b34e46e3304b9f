import Diagnostics
import Loading
import Model
import Resolution
import Schema

/// Every document matches its kind's schema in `model/schema/`, and so does each
/// municipality's resolved view of the documents it overrides: an override may not
/// leave a service, procedure or indicator invalid. The `schema-*` rules themselves are
/// listed by the Schema module.
struct SchemaRule: Rule {
    static let rules = SchemaValidator.rules + [
        RuleInfo("schema-missing", "A kind of document has no schema in model/schema/."),
    ]

    func check(_ c: ValidationContext) -> [Diagnostic] {
        var out = c.network.annotations.diagnostics
        var missing = Set<Kind>()
        for doc in c.documents {
            if let result = c.schemaResults[doc.path] {
                out += result.diagnostics
            } else if doc.root != nil, c.network.annotations.validator(for: doc.kind) == nil {
                missing.insert(doc.kind)
            }
        }
        for kind in missing.sorted() {
            out.append(.error("schema-missing", "no schema for the kind '\(kind.rawValue)'",
                              at: .wholeFile(kind.schemaPath),
                              help: "add \(kind.schemaPath); every kind of document is checked against its schema"))
        }
        for m in c.resolved {
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
        }
        return out
    }
}
