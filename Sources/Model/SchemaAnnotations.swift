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

/// Reads the `x-` keywords of the schemas in `model/schema/`, following `properties`,
/// `items`, `additionalProperties`, `$ref` and the combinators. It only reads
/// annotations; validation is the Schema module's job.
public struct SchemaAnnotations: Sendable {
    /// Schema roots by file name (`service.schema.yaml`).
    let files: [String: Node]

    public init(schemas: [String: (path: String, node: Node)]) {
        var files: [String: Node] = [:]
        for (kind, entry) in schemas { files["\(kind).schema.yaml"] = entry.node }
        self.files = files
    }

    /// The schema of a kind, or nil when `model/schema/` has none.
    public func root(of kind: Kind) -> Node? { files["\(kind.rawValue).schema.yaml"] }

    /// The annotations that apply at `path` inside a document of `kind`.
    public func annotations(_ kind: Kind, at path: [PathComponent]) -> FieldAnnotations {
        guard let root = root(of: kind) else { return FieldAnnotations() }
        var current = expand([(root, "\(kind.rawValue).schema.yaml")])
        for step in path {
            current = expand(current.flatMap { child(of: $0.0, file: $0.1, step) })
            if current.isEmpty { break }
        }
        var a = FieldAnnotations()
        for (schema, _) in current { a.absorb(schema) }
        return a
    }

    /// Calls `visit` for every node of `instance` whose schema carries annotations,
    /// with its path.
    public func walk(_ kind: Kind, _ instance: Node,
                     _ visit: (Node, [PathComponent], FieldAnnotations) -> Void) {
        guard let root = root(of: kind) else { return }
        walk(instance, expand([(root, "\(kind.rawValue).schema.yaml")]), [], visit)
    }

    private func walk(_ node: Node, _ schemas: [(Node, String)], _ path: [PathComponent],
                      _ visit: (Node, [PathComponent], FieldAnnotations) -> Void) {
        guard !schemas.isEmpty else { return }
        var a = FieldAnnotations()
        for (s, _) in schemas { a.absorb(s) }
        if a != FieldAnnotations() { visit(node, path, a) }
        if a.i18n { return }
        switch node.value {
        case let .mapping(pairs):
            for p in pairs {
                let step = PathComponent.key(p.key.keyText)
                walk(p.value, expand(schemas.flatMap { child(of: $0.0, file: $0.1, step) }), path + [step], visit)
            }
        case let .sequence(items):
            for (i, item) in items.enumerated() {
                let step = PathComponent.index(i)
                walk(item, expand(schemas.flatMap { child(of: $0.0, file: $0.1, step) }), path + [step], visit)
            }
        default:
            break
        }
    }

    /// The subschemas that apply to one step below `schema`.
    private func child(of schema: Node, file: String, _ step: PathComponent) -> [(Node, String)] {
        switch step {
        case let .key(k):
            if let p = schema["properties"]?[k] { return [(p, file)] }
            if let additional = schema["additionalProperties"], additional.pairs != nil { return [(additional, file)] }
            return []
        case let .index(i):
            if let prefix = schema["prefixItems"]?.sequence, i < prefix.count { return [(prefix[i], file)] }
            if let items = schema["items"], items.pairs != nil { return [(items, file)] }
            return []
        }
    }

    /// Follows `$ref` and the combinators, so that annotations on any applicable
    /// subschema count. Bounded, so that a schema that loops cannot hang oae.
    private func expand(_ schemas: [(Node, String)]) -> [(Node, String)] {
        var out: [(Node, String)] = []
        var queue = schemas
        var steps = 0
        while let (schema, file) = queue.popLast(), steps < 256 {
            steps += 1
            guard schema.pairs != nil else { continue }
            out.append((schema, file))
            if let ref = schema["$ref"]?.string, let target = resolve(ref, from: file) {
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

    private func resolve(_ ref: String, from file: String) -> (Node, String)? {
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
