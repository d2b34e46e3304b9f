/// A template's context as typed values: what a view model becomes before a compiled
/// template (`CompiledTemplates`) renders it. Strings, numbers and booleans, lists, and
/// objects whose members are the view model's stored properties (absent optionals are
/// left out, so `{{#name}}` skips them), or the entries of a word table (`ui`).
///
/// It replaces the `[String: Any]` tree swift-mustache renders, whose every lookup is a
/// series of dynamic casts to protocols (a third of the handbooks' CPU, issue 13).
public indirect enum TemplateValue: Sendable, Equatable {
    case string(String)
    case bool(Bool)
    case int(Int)
    case double(Double)
    case list([TemplateValue])
    /// Named members, in the order they were encoded (a view model has a handful: a
    /// list is cheaper to make and to search than a dictionary).
    case object([TemplateMember])
    /// A word table (`ui`), kept as it is: shared by every chapter, never copied.
    case words([String: String])

    /// The value of a view model (or of any `Encodable` made of the types `ViewModel` allows).
    public static func of<T: Encodable>(_ value: T) -> TemplateValue {
        (try? TemplateValueEncoder.encode(value)) ?? .object([])
    }

    /// The value as swift-mustache's context (dictionaries, arrays, strings, numbers and
    /// booleans), for templates the compiler leaves to the library.
    public var mustacheContext: Any {
        switch self {
        case let .string(s): return s
        case let .bool(b): return b
        case let .int(i): return i
        case let .double(d): return d
        case let .list(items): return items.map(\.mustacheContext)
        case let .object(members):
            return Dictionary(members.map { ($0.name, $0.value.mustacheContext) }) { _, last in last }
        case let .words(words): return words
        }
    }

    /// The member `name` of an object; nil for anything else.
    @inline(__always)
    func member(_ name: String) -> TemplateValue? {
        switch self {
        case let .object(members):
            for m in members where m.name == name { return m.value }
            return nil
        case let .words(words): return words[name].map { .string($0) }
        default: return nil
        }
    }
}

/// Encodes a view model into a `TemplateValue`. Scalars and word tables take a direct
/// path; structs and arrays go through `Encodable`, each object's members written in
/// place (no copy of the dictionary per member).
final class TemplateValueEncoder: Encoder {
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    private var object: ObjectBox?
    private var list: ListBox?
    private var single: TemplateValue?

    static func encode<T: Encodable>(_ value: T) throws -> TemplateValue {
        // Comparing metatypes is cheaper than a dynamic cast, which this ran for every value.
        if T.self == String.self { return .string(unsafeBitCast(value, to: String.self)) }
        if T.self == Bool.self { return .bool(unsafeBitCast(value, to: Bool.self)) }
        if T.self == Int.self { return .int(unsafeBitCast(value, to: Int.self)) }
        if T.self == Double.self { return .double(unsafeBitCast(value, to: Double.self)) }
        if T.self == [String: String].self { return .words(unsafeBitCast(value, to: [String: String].self)) }
        let encoder = TemplateValueEncoder()
        try value.encode(to: encoder)
        return encoder.result
    }

    /// What was encoded: an object when nothing was (an empty view model).
    var result: TemplateValue {
        if let single { return single }
        if let list { return .list(list.items) }
        return object?.value ?? .object([])
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box = object ?? ObjectBox()
        object = box
        return KeyedEncodingContainer(TemplateKeyed<Key>(box: box))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        let box = list ?? ListBox()
        list = box
        return TemplateUnkeyed(box: box)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { TemplateSingle(encoder: self) }

    fileprivate func set(_ value: TemplateValue) { single = value }
}

/// A member of a `TemplateValue.object`.
public struct TemplateMember: Sendable, Equatable {
    public var name: String
    public var value: TemplateValue
}

final class ObjectBox {
    var members: [TemplateMember] = []
    var nested: [(String, ObjectBox)] = []
    var nestedLists: [(String, ListBox)] = []

    /// Adds a member (synthesized `Encodable` encodes each key once).
    @inline(__always)
    func set(_ name: String, _ value: TemplateValue) {
        members.append(TemplateMember(name: name, value: value))
    }

    /// The members, with those of nested containers (not used by synthesized `Codable`,
    /// kept for completeness).
    var value: TemplateValue {
        .object(members + nested.map { TemplateMember(name: $0.0, value: $0.1.value) }
            + nestedLists.map { TemplateMember(name: $0.0, value: $0.1.value) })
    }
}

final class ListBox {
    var items: [TemplateValue] = []
    var value: TemplateValue { .list(items) }
}

struct TemplateKeyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: ObjectBox
    var codingPath: [CodingKey] = []

    mutating func encodeNil(forKey key: Key) throws {}
    mutating func encode(_ value: String, forKey key: Key) throws { box.set(key.stringValue, .string(value)) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { box.set(key.stringValue, .bool(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { box.set(key.stringValue, .int(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { box.set(key.stringValue, .double(value)) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        box.set(key.stringValue, try TemplateValueEncoder.encode(value))
    }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
        if let value { box.set(key.stringValue, .string(value)) }
    }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
        if let value { box.set(key.stringValue, .bool(value)) }
    }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
        if let value { box.set(key.stringValue, .int(value)) }
    }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { box.set(key.stringValue, try TemplateValueEncoder.encode(value)) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey> {
        let nested = ObjectBox()
        box.nested.append((key.stringValue, nested))
        return KeyedEncodingContainer(TemplateKeyed<NestedKey>(box: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        let nested = ListBox()
        box.nestedLists.append((key.stringValue, nested))
        return TemplateUnkeyed(box: nested)
    }

    mutating func superEncoder() -> Encoder { TemplateValueEncoder() }
    mutating func superEncoder(forKey key: Key) -> Encoder { TemplateValueEncoder() }
}

struct TemplateUnkeyed: UnkeyedEncodingContainer {
    let box: ListBox
    var codingPath: [CodingKey] = []
    var count: Int { box.items.count }

    mutating func encodeNil() throws {}
    mutating func encode(_ value: String) throws { box.items.append(.string(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { box.items.append(try TemplateValueEncoder.encode(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(TemplateKeyed<NestedKey>(box: ObjectBox()))
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer { TemplateUnkeyed(box: ListBox()) }
    mutating func superEncoder() -> Encoder { TemplateValueEncoder() }
}

struct TemplateSingle: SingleValueEncodingContainer {
    let encoder: TemplateValueEncoder
    var codingPath: [CodingKey] = []

    mutating func encodeNil() throws {}
    mutating func encode<T: Encodable>(_ value: T) throws { encoder.set(try TemplateValueEncoder.encode(value)) }
}
