import Diagnostics
import Loading
import Schema

/// A step into a document: a mapping key or a list index.
public typealias PathComponent = PathStep
/// What our own `x-` keywords say about a field.
public typealias FieldAnnotations = XAnnotations

/// The schemas of `model/schema/`, compiled once: one validator per document kind,
/// sharing one graph, and the `x-` annotations of any field of a kind.
public struct SchemaAnnotations: Sendable {
    /// Schema roots by kind name, as written (for listing a kind's fields).
    let roots: [String: Node]
    let validators: [String: SchemaValidator]
    /// Problems of the schemas themselves (a `$ref` that resolves nowhere, a loop).
    public let diagnostics: [Diagnostic]

    public init(schemas: [String: (path: String, node: Node)]) {
        var set = SchemaSet()
        var problems: [Diagnostic] = []
        var roots: [String: Node] = [:]
        var entries: [(kind: String, path: String)] = []
        for (kind, entry) in schemas.sorted(by: { $0.key < $1.key }) {
            problems += set.add(entry.node, file: entry.path)
            roots[kind] = entry.node
            entries.append((kind, entry.path))
        }
        let (compiled, compileProblems) = SchemaCompiler.compile(set, entries: entries.map(\.path))
        var validators: [String: SchemaValidator] = [:]
        for e in entries { validators[e.kind] = compiled[e.path] }
        self.roots = roots
        self.validators = validators
        self.diagnostics = problems + compileProblems
    }

    /// The schema of a kind as written, or nil when `model/schema/` has none.
    public func root(of kind: Kind) -> Node? { roots[kind.rawValue] }

    /// The compiled schema of a kind.
    public func validator(for kind: Kind) -> SchemaValidator? { validators[kind.rawValue] }

    /// The annotations that apply at `path` inside a document of `kind` (none when the
    /// schema has no place for that path).
    public func annotations(_ kind: Kind, at path: [PathComponent]) -> FieldAnnotations {
        validators[kind.rawValue]?.annotations(at: path) ?? FieldAnnotations()
    }

    /// The fields of a kind whose schema lets municipalities adapt them.
    public func adaptableFields(_ kind: Kind) -> [String] {
        (roots[kind.rawValue]?["properties"]?.pairs ?? []).map(\.key.keyText)
            .filter { annotations(kind, at: [.key($0)]).adaptable }
    }
}

extension Array where Element == PathComponent {
    /// `items[0].note`, `commitments[first-appointment].target`: a path as writers read it.
    public var fieldName: String {
        var out = ""
        for step in self {
            switch step {
            case let .key(k) where k.hasPrefix("["): out += k
            case let .key(k): out += out.isEmpty ? k : ".\(k)"
            case let .index(i): out += "[\(i)]"
            }
        }
        return out
    }
}
