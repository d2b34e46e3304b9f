import Diagnostics

/// The text a plain scalar was written with, by the scalar's span, for each scalar that
/// YAML typed as a number or a boolean and whose text is not its value's own
/// (`Node.keyText`): `postal_code: 08750` is the integer 8750, written `08750`. A message
/// can then quote what the writer typed (put `"08750"` in quotes, not `"8750"`). Most
/// files have none.
public typealias WrittenForms = [SourceSpan: String]

extension Dictionary where Key == SourceSpan, Value == String {
    /// The text a scalar was written with: its written form (`WrittenForms`) when that is
    /// not the value's own text, else the value's own (`1.234`, `12`, kept by no form: a
    /// count written `1.234` was not told of thousands, session 37's trial). Nil for a
    /// text, a null, a list and a mapping.
    public func text(of node: Node) -> String? {
        if let written = self[node.span] { return written }
        switch node.value {
        case let .int(i): return String(i)
        case let .double(d): return String(d)
        case let .bool(b): return b ? "true" : "false"
        case .null, .string, .sequence, .mapping: return nil
        }
    }
}

/// A YAML node with the place it was written. Scalars are typed by the YAML 1.2 core
/// schema: only `true`/`false` (any case of the word) are booleans; `no`, `off`, `NO`
/// stay strings; quoted scalars are always strings.
public struct Node: Sendable {
    public enum Value: Sendable {
        case null
        case bool(Bool)
        case int(Int)
        case double(Double)
        case string(String)
        case sequence([Node])
        case mapping([Pair])
    }

    public struct Pair: Sendable {
        public var key: Node
        public var value: Node

        public init(key: Node, value: Node) {
            self.key = key
            self.value = value
        }
    }

    public var value: Value
    public var span: SourceSpan

    public init(_ value: Value, span: SourceSpan) {
        self.value = value
        self.span = span
    }
}

extension Node {
    @inlinable
    public var string: String? {
        if case let .string(s) = value { return s }
        return nil
    }

    @inlinable
    public var bool: Bool? {
        if case let .bool(b) = value { return b }
        return nil
    }

    // Not inlined: inlining these getters crashes the Swift 6.3.1 optimizer
    // (CopyPropagation) in release builds of the Site and OpenData modules.
    @inline(never)
    public var int: Int? {
        switch value {
        case let .int(i): return i
        case let .double(d) where d == d.rounded() && abs(d) < 9e15: return Int(d)
        default: return nil
        }
    }

    @inline(never)
    public var number: Double? {
        switch value {
        case let .int(i): return Double(i)
        case let .double(d): return d
        default: return nil
        }
    }

    @inlinable
    public var isNull: Bool {
        if case .null = value { return true }
        return false
    }

    @inlinable
    public var sequence: [Node]? {
        if case let .sequence(items) = value { return items }
        return nil
    }

    @inlinable
    public var pairs: [Pair]? {
        if case let .mapping(pairs) = value { return pairs }
        return nil
    }

    /// The key as text: mapping keys are scalars, compared by their text.
    /// Inlined, a string key (nearly every key) is read where it is: called, the getter
    /// copied the whole node first (a retain and a release of its text, 154,000 times in a
    /// site build at 36 municipalities, most from the schema's `properties`).
    @inlinable @inline(__always)
    public var keyText: String {
        if case let .string(s) = value { return s }
        return otherKeyText
    }

    /// `keyText` of a key that is not a string.
    @usableFromInline
    var otherKeyText: String {
        switch value {
        case .null: return "null"
        case let .bool(b): return b ? "true" : "false"
        case let .int(i): return String(i)
        case let .double(d): return String(d)
        case let .string(s): return s
        case .sequence, .mapping: return ""
        }
    }

    /// Whether the node, as a mapping key, is `key` (`keyText == key`, without making
    /// the text of a string key).
    @inlinable @inline(__always)
    public func isKey(_ key: String) -> Bool {
        if case let .string(s) = value { return s == key }
        return keyText == key
    }

    /// The value of `key` in a mapping, or nil. Inlinable, so that a caller that reads
    /// one scalar of the value found (`node["name"]?.string`) copies only that scalar.
    @inlinable
    public subscript(key: String) -> Node? {
        guard case let .mapping(pairs) = value else { return nil }
        return pairs.withUnsafeBufferPointer { pairs in
            guard let i = Node.index(of: key, in: pairs) else { return nil }
            return pairs[i].value
        }
    }

    /// The string value of `key` in a mapping, or nil: `node.string(at: "name")` is
    /// `node["name"]?.string` without copying the value's node on the way (a retain and a
    /// release of what it holds), only the string. The pages, the open data and the rules
    /// read hundreds of thousands of fields at 947 municipalities (issue 13).
    @inlinable
    public func string(at key: String) -> String? {
        guard case let .mapping(pairs) = value else { return nil }
        return pairs.withUnsafeBufferPointer { pairs in
            guard let i = Node.index(of: key, in: pairs), case let .string(s) = pairs[i].value.value else { return nil }
            return s
        }
    }

    /// The items of the sequence at `key` in a mapping, or nil: `node["items"]?.sequence`
    /// without copying the value's node on the way, as `string(at:)`.
    @inlinable
    public func sequence(at key: String) -> [Node]? {
        guard case let .mapping(pairs) = value else { return nil }
        return pairs.withUnsafeBufferPointer { pairs in
            guard let i = Node.index(of: key, in: pairs), case let .sequence(items) = pairs[i].value.value else { return nil }
            return items
        }
    }

    /// The index of the first pair whose key reads `key`. Through the buffer: `first(where:)`
    /// copied (retained and released) every pair it passed, a tenth of the handbooks' CPU
    /// (issue 13).
    @inlinable @inline(__always)
    static func index(of key: String, in pairs: UnsafeBufferPointer<Pair>) -> Int? {
        for i in 0..<pairs.count where pairs[i].key.isKey(key) { return i }
        return nil
    }

    /// The pair (key and value nodes) of `key` in a mapping, or nil.
    @inlinable
    public func pair(_ key: String) -> Pair? {
        guard case let .mapping(pairs) = value else { return nil }
        return pairs.withUnsafeBufferPointer { pairs in Node.index(of: key, in: pairs).map { pairs[$0] } }
    }

    /// A short name of the node's type for messages ("a mapping", "the string \"x\"").
    public var typeName: String {
        switch value {
        case .null: return "null"
        case .bool: return "boolean"
        case .int: return "integer"
        case .double: return "number"
        case .string: return "string"
        case .sequence: return "list"
        case .mapping: return "mapping"
        }
    }

    /// Counts this node and everything below it.
    public var nodeCount: Int {
        switch value {
        case let .sequence(items): return 1 + items.reduce(0) { $0 + $1.nodeCount }
        case let .mapping(pairs): return 1 + pairs.reduce(0) { $0 + $1.key.nodeCount + $1.value.nodeCount }
        default: return 1
        }
    }
}

extension Node {
    /// Whether `other` has the same value, written at the same place, node for node
    /// (a mapping's pairs in the same order). Two loads of unchanged text are identical.
    public func isIdentical(to other: Node) -> Bool {
        guard span == other.span else { return false }
        switch (value, other.value) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.double(a), .double(b)): return a == b || (a.isNaN && b.isNaN)
        case let (.string(a), .string(b)): return a == b
        case let (.sequence(a), .sequence(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.isIdentical(to: $1) }
        case let (.mapping(a), .mapping(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key.isIdentical(to: $1.key) && $0.value.isIdentical(to: $1.value) }
        default: return false
        }
    }
}
