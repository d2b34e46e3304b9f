import Loading

/// What each keyword of JSON Schema 2020-12 holds, so that schema positions (where `$id`
/// and `$anchor` count, where `$ref` is a reference) can be told from data positions
/// (inside `enum`, `const`, `examples`, `default`).
enum SchemaKeywords {
    /// Keywords whose value is one subschema.
    static let single: Set<String> = [
        "additionalProperties", "propertyNames", "items", "contains", "not", "if", "then", "else",
        "unevaluatedProperties", "unevaluatedItems", "contentSchema",
    ]

    /// Keywords whose value is a list of subschemas.
    static let list: Set<String> = ["allOf", "anyOf", "oneOf", "prefixItems"]

    /// Keywords whose value is a mapping of names to subschemas.
    static let map: Set<String> = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]

    /// Every keyword oae knows (validated, annotations, or identifiers), for the
    /// did-you-mean on a misspelt keyword.
    static let known: Set<String> = single.union(list).union(map).union([
        "$schema", "$id", "$ref", "$anchor", "$dynamicRef", "$dynamicAnchor", "$vocabulary", "$comment",
        "type", "enum", "const", "required", "dependentRequired", "minProperties", "maxProperties",
        "minItems", "maxItems", "uniqueItems", "minContains", "maxContains", "minLength", "maxLength",
        "pattern", "format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
        "title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly",
        "contentEncoding", "contentMediaType",
    ] + Extensions.keywords)

    /// Calls `visit` with every subschema directly below a schema mapping: its key path
    /// (one or two tokens) and node.
    static func forEachSubschema(of pairs: [Node.Pair], _ visit: ([String], Node) -> Void) {
        for pair in pairs {
            let key = pair.key.keyText
            if single.contains(key) {
                visit([key], pair.value)
            } else if list.contains(key), let items = pair.value.sequence {
                for (i, item) in items.enumerated() { visit([key, String(i)], item) }
            } else if map.contains(key), let members = pair.value.pairs {
                for member in members { visit([key, member.key.keyText], member.value) }
            }
        }
    }
}
