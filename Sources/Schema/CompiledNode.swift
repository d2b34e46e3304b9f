import Diagnostics
import Loading

/// One schema compiled for validation: keyword values parsed, patterns compiled,
/// subschemas and `$ref` targets replaced by indexes into the graph.
struct Keywords: Sendable {
    /// `true` or `false` for a boolean schema.
    var boolean: Bool?
    /// Where the schema is written.
    var span: SourceSpan
    /// Where each keyword is written (the span of its key), for the related location.
    var spans: [String: SourceSpan] = [:]
    var title: String?
    var description: String?

    var ref: Int?
    var dynamicRef: Int?

    var types: TypeSet?
    var enumValues: [Node]?
    var enumSet: Set<HashableInstance>?
    var const: Node?

    var properties: [String: Int] = [:]
    /// The declared property names in source order, for did-you-mean.
    var propertyOrder: [String] = []
    var patternProperties: [(Pattern, Int)] = []
    var additionalProperties: Int?
    var required: [(String, SourceSpan)] = []
    var dependentRequired: [(String, [String])] = []
    var dependentSchemas: [(String, Int)] = []
    var propertyNames: Int?
    var minProperties: Int?
    var maxProperties: Int?
    var unevaluatedProperties: Int?

    var prefixItems: [Int] = []
    var items: Int?
    var contains: Int?
    var minContains: Int?
    var maxContains: Int?
    var minItems: Int?
    var maxItems: Int?
    var uniqueItems = false
    var unevaluatedItems: Int?

    var minLength: Int?
    var maxLength: Int?
    var pattern: Pattern?
    var format: Format?

    var minimum: Double?
    var maximum: Double?
    var exclusiveMinimum: Double?
    var exclusiveMaximum: Double?
    var multipleOf: Double?

    var allOf: [Int] = []
    var anyOf: [Int] = []
    var oneOf: [Int] = []
    var not: Int?
    var ifSchema: Int?
    var thenSchema: Int?
    var elseSchema: Int?

    var annotations = XAnnotations()

    init(span: SourceSpan) {
        self.span = span
    }

    /// Whether some keyword looks at a mapping's members.
    var hasObjectKeywords = false
    /// Whether some keyword looks at a list's items.
    var hasArrayKeywords = false
    /// Whether some keyword looks at a string.
    var hasStringKeywords = false
    /// Whether some keyword looks at a number.
    var hasNumberKeywords = false
    /// Whether `unevaluatedProperties` or `unevaluatedItems` needs to know what the other
    /// keywords evaluated.
    var needsEvaluated: Bool { unevaluatedProperties != nil || unevaluatedItems != nil }

    /// The subschemas that apply to the same value (in place), for loop detection.
    var inPlace: [Int] {
        var out: [Int] = []
        if let ref { out.append(ref) }
        if let dynamicRef { out.append(dynamicRef) }
        out += allOf + anyOf + oneOf
        for s in [not, ifSchema, thenSchema, elseSchema] { if let s { out.append(s) } }
        out += dependentSchemas.map(\.1)
        return out
    }
}

/// A compiled schema, shared by reference so that reading it during validation is cheap:
/// the evaluator reads single keywords through it (`node.minLength`) and never copies
/// the whole `Keywords` value, which would cost a retain per field.
@dynamicMemberLookup
final class CompiledNode: Sendable {
    let keywords: Keywords
    /// The `properties` in source order (`propertyOrder`): name and subschema, and each
    /// name's place in that order. `property(_:cursor:)` reads them.
    let declaredNames: [String]
    let declaredSchemas: [Int]
    let declaredPlaces: [String: Int]

    init(_ keywords: Keywords) {
        self.keywords = keywords
        var names: [String] = [], schemas: [Int] = [], places: [String: Int] = [:]
        for name in keywords.propertyOrder where places[name] == nil {
            guard let schema = keywords.properties[name] else { continue }
            places[name] = names.count
            names.append(name)
            schemas.append(schema)
        }
        declaredNames = names
        declaredSchemas = schemas
        declaredPlaces = places
    }

    /// The subschema `properties` gives member `key`, or nil. Members are mostly written
    /// in the order the schema declares them, so the declared property at `cursor` (the
    /// one after the last member found) is compared first; only when it is not `key` is
    /// the name hashed and looked up. Hashing every member's name was ~1.5% of the
    /// check's CPU at 947 municipalities (issue 13). `cursor` starts at 0 for a mapping.
    @inline(__always)
    func property(_ key: String, cursor: inout Int) -> Int? {
        if cursor < declaredNames.count, declaredNames[cursor] == key {
            cursor += 1
            return declaredSchemas[cursor - 1]
        }
        guard let place = declaredPlaces[key] else { return nil }
        cursor = place + 1
        return declaredSchemas[place]
    }

    subscript<T>(dynamicMember path: KeyPath<Keywords, T>) -> T {
        keywords[keyPath: path]
    }
}

/// Every compiled schema of one compilation, addressed by index.
struct SchemaGraph: Sendable {
    let nodes: [CompiledNode]
    /// `nodes`, each without a reference count of its own (kept alive by `nodes`): the
    /// evaluator reads a schema per value it visits, and each read of `nodes` was a retain
    /// and a release of a node every thread of a check shares (issue 13).
    let unretained: [Unmanaged<CompiledNode>]
    /// For each node, the nodes that apply it to the same value as a part of themselves
    /// (`allOf`, `anyOf`, `oneOf`, `then`, `else`): where a `then` that requires a field
    /// finds the field's schema (`Evaluator.fieldFormAround`). Not `$ref` (a definition is
    /// shared by unrelated schemas), nor `not` or `if`.
    let parts: [Int: [Int]]
    /// The distinct `x-` annotations of the nodes, and for each node with an `x-key`
    /// its key alone: the annotated values of a document name them by index
    /// (`AnnotatedValues`), not each a copy.
    let annotationTable: [XAnnotations]
    /// For each node, the index of its annotations in `annotationTable`, or nil when it
    /// has none.
    let annotationIDs: [UInt16?]
    /// For each node with an `x-key`, the index of `XAnnotations(key:)` alone: what a list
    /// that fails within keeps (`Evaluator.evaluate`).
    let keyOnlyIDs: [UInt16?]

    init(nodes: [CompiledNode]) {
        self.nodes = nodes
        unretained = nodes.map { Unmanaged.passUnretained($0) }
        var parts: [Int: [Int]] = [:]
        var table = AnnotatedValues()
        var ids: [UInt16?] = [], keyOnly: [UInt16?] = []
        for (p, node) in nodes.enumerated() {
            var children = node.allOf + node.anyOf + node.oneOf
            if let then = node.thenSchema { children.append(then) }
            if let otherwise = node.elseSchema { children.append(otherwise) }
            for c in children { parts[c, default: []].append(p) }
            let own = node.annotations
            ids.append(own.isEmpty ? nil : table.intern(own))
            keyOnly.append(own.key.map { table.intern(XAnnotations(key: $0)) })
        }
        self.parts = parts
        annotationTable = table.extra
        annotationIDs = ids
        keyOnlyIDs = keyOnly
    }
}
