import Diagnostics
import Loading

/// One way a value fails its schema, kept as data until it is reported, so that the
/// branches of `anyOf` and `oneOf` that are tried and dropped cost no message text.
struct Failure: Sendable {
    enum Kind: Sendable {
        /// `hint`, when set, replaces the advice to quote a number or a boolean: quoted,
        /// the value would still not have the form the schema wants. `written`: the text
        /// the value was written with when it is not the value's own (`WrittenForms`:
        /// `08750`, read as 8750), for the advice to quote what the writer typed.
        case type(TypeSet, hint: String? = nil, written: String? = nil)
        case enumValue([Node])
        case const(Node)
        /// The missing field, and what its schema asks for (`form`: "a date
        /// (YYYY-MM-DD)"; `what`: its title, or a short description), for the help.
        case required(String, form: String? = nil, what: String? = nil)
        case unexpectedField(String, declared: [String])
        /// The missing field, the field that asks for it, and what the missing one's
        /// schema asks for (as `required`).
        case dependentRequired(String, trigger: String, form: String? = nil, what: String? = nil)
        /// The fields found (their keys, in order), and the object schema's description,
        /// which says what the mapping holds.
        case minProperties(Int, found: [String], description: String?)
        case maxProperties(Int, found: [String], description: String?)
        case minItems(Int, found: Int)
        case maxItems(Int, found: Int)
        case unexpectedItem(allowed: Int)
        case duplicateItem(first: SourceSpan)
        case contains(min: Int, max: Int?, found: Int)
        case minLength(Int, found: Int)
        case maxLength(Int, found: Int)
        /// The regular expression, with the `title` and `description` of the schema that
        /// holds it, which say the form in words.
        case pattern(String, title: String?, description: String?)
        case format(Format)
        case minimum(Double, exclusive: Bool)
        case maximum(Double, exclusive: Bool)
        /// `written`: the text the value was written with, when it is not the value's own.
        case multipleOf(Double, written: String? = nil)
        /// The value is a multiple of the step, but it was written with a dot between groups
        /// of three digits and more decimals than the step has (`1.800` for a step of 0.01:
        /// 1,800 with a thousands separator, which YAML reads as 1.8).
        case multipleOfWritten(Double, written: String)
        /// A whole number written with a dot between groups of three digits (`58.000`, as
        /// Catalan and Spanish write 58,000), which YAML reads as the number before the dot;
        /// `grouped` is the number the writer meant (58000).
        case thousandsWritten(written: String, grouped: Double)
        case oneOfMany([Int])
        case noBranch
        case not
        case falseSchema
        case loop
    }

    var kind: Kind
    /// The keyword that failed, for the rule id (`schema-<keyword>`).
    var keyword: String
    /// The value that failed (for an unexpected field, its key).
    var instance: Node
    /// The path of the value from the document's root.
    var path: [PathStep]
    /// Where the keyword is written in the schema.
    var schemaSpan: SourceSpan?
    /// Put before the message, for failures of a field name (`propertyNames`).
    var prefix: String?
    var notes: [String] = []

    /// The rule id: `schema-` and the keyword in kebab case (`schema-additional-properties`).
    var rule: String { Failure.rule(for: keyword) }

    static func rule(for keyword: String) -> String {
        var out = "schema-"
        for c in keyword.unicodeScalars {
            if c.properties.isUppercase {
                out += "-" + String(c).lowercased()
            } else {
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// The failure as a diagnostic for people.
    var diagnostic: Diagnostic {
        let text = FailureText.render(self)
        var related: [RelatedLocation] = []
        if case let .duplicateItem(first) = kind { related.append(RelatedLocation(first, "first given")) }
        if let schemaSpan { related.append(RelatedLocation(schemaSpan, "schema rule")) }
        return .error(rule, (prefix ?? "") + text.message, at: instance.span, related: related,
                      notes: notes + text.notes, help: text.help)
    }
}
