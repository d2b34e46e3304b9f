import Diagnostics
import Loading

/// What our own keywords say about a field of a kind's schema: whether a municipality
/// may adapt it, how its bound may move, whether it references another document, is
/// translatable, or is a list keyed by id.
public struct FieldAnnotations: Equatable, Sendable {
    public var adaptable = false
    /// `max`, `min` or `direction`.
    public var bound: String?
    /// The kind named by `x-ref`.
    public var ref: String?
    public var i18n = false
    /// The key of the items of a list that merges by key (`x-key: id`).
    public var key: String?
    /// `x-ref` placed on `propertyNames`: the keys of this mapping are references.
    public var keyRef: String?

    public init() {}

    mutating func absorb(_ schema: Node) {
        if schema["x-adaptable"]?.bool == true { adaptable = true }
        if let b = schema["x-bound"]?.string { bound = b }
        if let r = schema["x-ref"]?.string { ref = r }
        if schema["x-i18n"]?.bool == true { i18n = true }
        if let k = schema["x-key"]?.string { key = k }
        if let r = schema["propertyNames"]?["x-ref"]?.string { keyRef = r }
    }
}

/// A step into an instance: a mapping key or a list index.
public enum PathComponent: Hashable, Sendable, CustomStringConvertible {
    case key(String)
    case index(Int)

    public var description: String {
        switch self {
        case let .key(k): return k
        case let .index(i): return "[\(i)]"
        }
    }
}

/// The annotations of a schema, compiled: each node knows its own `x-` keywords and the
/// nodes of its properties and items, with `$ref` and the combinators already followed.
/// Built once per kind, then walked along every document without further look-ups.
final class AnnotationNode: Sendable {
    let annotations: FieldAnnotations
    let properties: [String: AnnotationNode]
    let additional: AnnotationNode?
    let prefix: [AnnotationNode]
    let items: AnnotationNode?

    init(annotations: FieldAnnotations, properties: [String: AnnotationNode], additional: AnnotationNode?,
         prefix: [AnnotationNode], items: AnnotationNode?) {
        self.annotations = annotations
        self.properties = properties
        self.additional = additional
        self.prefix = prefix
        self.items = items
    }

    func child(_ step: PathComponent) -> AnnotationNode? {
        switch step {
        case let .key(k): return properties[k] ?? additional
        case let .index(i): return i < prefix.count ? prefix[i] : items
        }
    }
}

/// Reads the `x-` keywords of the schemas in `model/schema/`, following `properties`,
/// `items`, `additionalProperties`, `$ref` and the combinators. It only reads
/// annotations; validation is the Schema module's job.
public struct SchemaAnnotations: Sendable {
    /// Schema roots by file name (`service.schema.yaml`).
    let files: [String: Node]
    let compiled: [String: AnnotationNode]

    /// Nesting beyond this depth is not followed (a schema that refers to itself).
    static let maxDepth = 24

    public init(schemas: [String: (path: String, node: Node)]) {
        var files: [String: Node] = [:]
        for (kind, entry) in schemas { files["\(kind).schema.yaml"] = entry.node }
        self.files = files
        var compiled: [String: AnnotationNode] = [:]
        for (name, root) in files {
            compiled[name] = SchemaAnnotations.compile([(root, name)], files: files, depth: 0)
        }
        self.compiled = compiled
    }

    /// The schema of a kind, or nil when `model/schema/` has none.
    public func root(of kind: Kind) -> Node? { files["\(kind.rawValue).schema.yaml"] }

    /// The annotations that apply at `path` inside a document of `kind`.
    public func annotations(_ kind: Kind, at path: [PathComponent]) -> FieldAnnotations {
        var node = compiled["\(kind.rawValue).schema.yaml"]
        for step in path { node = node?.child(step) }
        return node?.annotations ?? FieldAnnotations()
    }

    /// Calls `visit` for every node of `instance` whose schema carries annotations,
    /// with its path.
    public func walk(_ kind: Kind, _ instance: Node,
                     _ visit: (Node, [PathComponent], FieldAnnotations) -> Void) {
        guard let root = compiled["\(kind.rawValue).schema.yaml"] else { return }
        var path: [PathComponent] = []
        walk(instance, root, &path, visit)
    }

    private static let empty = FieldAnnotations()

    private func walk(_ node: Node, _ schema: AnnotationNode, _ path: inout [PathComponent],
                      _ visit: (Node, [PathComponent], FieldAnnotations) -> Void) {
        if schema.annotations != SchemaAnnotations.empty { visit(node, path, schema.annotations) }
        if schema.annotations.i18n { return }
        switch node.value {
        case let .mapping(pairs):
            for p in pairs {
                let step = PathComponent.key(p.key.keyText)
                guard let child = schema.child(step) else { continue }
                path.append(step)
                walk(p.value, child, &path, visit)
                path.removeLast()
            }
        case let .sequence(items):
            for (i, item) in items.enumerated() {
                guard let child = schema.child(.index(i)) else { continue }
                path.append(.index(i))
                walk(item, child, &path, visit)
                path.removeLast()
            }
        default:
            break
        }
    }

    /// Compiles the union of `schemas` into one node.
    private static func compile(_ schemas: [(Node, String)], files: [String: Node], depth: Int) -> AnnotationNode {
        let all = expand(schemas, files: files)
        var annotations = FieldAnnotations()
        var propertySchemas: [String: [(Node, String)]] = [:]
        var propertyOrder: [String] = []
        var additional: [(Node, String)] = []
        var prefix: [[(Node, String)]] = []
        var items: [(Node, String)] = []
        for (schema, file) in all {
            annotations.absorb(schema)
            for p in schema["properties"]?.pairs ?? [] {
                let k = p.key.keyText
                if propertySchemas[k] == nil { propertyOrder.append(k) }
                propertySchemas[k, default: []].append((p.value, file))
            }
            if let a = schema["additionalProperties"], a.pairs != nil { additional.append((a, file)) }
            for (i, p) in (schema["prefixItems"]?.sequence ?? []).enumerated() {
                while prefix.count <= i { prefix.append([]) }
                prefix[i].append((p, file))
            }
            if let it = schema["items"], it.pairs != nil { items.append((it, file)) }
        }
        guard depth < maxDepth else {
            return AnnotationNode(annotations: annotations, properties: [:], additional: nil, prefix: [], items: nil)
        }
        var properties: [String: AnnotationNode] = [:]
        for k in propertyOrder { properties[k] = compile(propertySchemas[k]!, files: files, depth: depth + 1) }
        return AnnotationNode(
            annotations: annotations, properties: properties,
            additional: additional.isEmpty ? nil : compile(additional, files: files, depth: depth + 1),
            prefix: prefix.map { compile($0, files: files, depth: depth + 1) },
            items: items.isEmpty ? nil : compile(items, files: files, depth: depth + 1))
    }

    /// Follows `$ref` and the combinators, so that annotations on any applicable
    /// subschema count. Bounded, so that a schema that loops cannot hang oae.
    private static func expand(_ schemas: [(Node, String)], files: [String: Node]) -> [(Node, String)] {
        var out: [(Node, String)] = []
        var queue = schemas
        var steps = 0
        while let (schema, file) = queue.popLast(), steps < 256 {
            steps += 1
            guard schema.pairs != nil else { continue }
            out.append((schema, file))
            if let ref = schema["$ref"]?.string, let target = resolve(ref, from: file, files: files) {
                queue.append(target)
            }
            for combinator in ["allOf", "anyOf", "oneOf"] {
                for sub in schema[combinator]?.sequence ?? [] { queue.append((sub, file)) }
            }
            for branch in ["then", "else"] {
                if let sub = schema[branch] { queue.append((sub, file)) }
            }
        }
        return out
    }

    private static func resolve(_ ref: String, from file: String, files: [String: Node]) -> (Node, String)? {
        let parts = ref.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let target = parts[0].isEmpty ? file : String(parts[0].split(separator: "/").last ?? "")
        guard var node = files[target] else { return nil }
        if parts.count == 2 {
            for token in parts[1].split(separator: "/") {
                let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
                guard let next = node[key] else { return nil }
                node = next
            }
        }
        return (node, target)
    }
}

extension Substring {
    func replacingOccurrences(of a: String, with b: String) -> String {
        String(self).split(separator: a, omittingEmptySubsequences: false).joined(separator: b)
    }
}
