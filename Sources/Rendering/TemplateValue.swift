import Foundation

/// A view model as the compiled templates read it (`CompiledTemplate`): strings,
/// numbers, booleans, lists and objects, typed, so that rendering looks names up without
/// dynamic casts. Absent optionals are left out of objects, so `{{#name}}` skips them.
public indirect enum TemplateValue: Sendable {
    case string(String)
    case bool(Bool)
    case int(Int)
    case double(Double)
    case list([TemplateValue])
    /// Named members in the order they were encoded; a name given twice keeps the last.
    /// A list, not a dictionary: view models have a few dozen names, and a short scan
    /// costs less than hashing each name to build and to read.
    case object([Member])
    /// A word table (`[String: String]`, the interface strings): kept as it is, not copied
    /// into an object, since every page has one with hundreds of words.
    case words([String: String])

    /// A named member of an object.
    public struct Member: Sendable {
        public var name: String
        public var value: TemplateValue
    }

    /// The member `name` of an object or a word table; nil for anything else.
    @inline(__always)
    func member(_ name: String) -> TemplateValue? {
        switch self {
        case let .object(members):
            var i = members.count - 1
            while i >= 0 {
                if members[i].name == name { return members[i].value }
                i -= 1
            }
            return nil
        case let .words(words): return words[name].map(TemplateValue.string)
        default: return nil
        }
    }

    /// The same value as swift-mustache reads it: dictionaries, arrays, strings, numbers
    /// and booleans (for the reference engine, `Templates.renderWithMustache`).
    public var mustacheContext: Any {
        switch self {
        case let .string(s): return s
        case let .bool(b): return b
        case let .int(i): return i
        case let .double(d): return d
        case let .list(items): return items.map(\.mustacheContext)
        case let .object(members):
            var context: [String: Any] = [:]
            for member in members { context[member.name] = member.value.mustacheContext }
            return context
        case let .words(words): return words
        }
    }

    /// The value of an Encodable view model.
    public static func of<T: Encodable>(_ value: T) -> TemplateValue {
        (try? TemplateValueEncoder.encode(value)) ?? .object([])
    }
}

/// Encodes a view model into a `TemplateValue`. One object per encoded value holds
/// what has been encoded so far (every nested value of every page makes one).
final class TemplateValueEncoder: Encoder {
    /// nil, or an object whose members are being added, or a list whose items are being
    /// added, or a single value.
    var members: [TemplateValue.Member]?
    var items: [TemplateValue]?
    var single: TemplateValue?

    var value: TemplateValue {
        if let single { return single }
        if let items { return .list(items) }
        return .object(members ?? [])
    }

    var storage: TemplateValueEncoder { self }
    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if storage.members == nil { storage.members = [] }
        return KeyedEncodingContainer(Keyed<Key>(storage: storage))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        storage.items = []
        return Unkeyed(storage: storage)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { Single(storage: storage) }

    static func encode<T: Encodable>(_ value: T) throws -> TemplateValue {
        // Comparing metatypes is cheaper than a dynamic cast, which this runs for every value.
        if T.self == String.self { return .string(unsafeBitCast(value, to: String.self)) }
        if T.self == Bool.self { return .bool(unsafeBitCast(value, to: Bool.self)) }
        if T.self == Int.self { return .int(unsafeBitCast(value, to: Int.self)) }
        if T.self == Double.self { return .double(unsafeBitCast(value, to: Double.self)) }
        if T.self == [String: String].self { return .words(unsafeBitCast(value, to: [String: String].self)) }
        let encoder = TemplateValueEncoder()
        try value.encode(to: encoder)
        return encoder.value
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let storage: TemplateValueEncoder
        var codingPath: [CodingKey] = []

        mutating func encodeNil(forKey key: Key) throws {}
        mutating func encode(_ value: String, forKey key: Key) throws { storage.members!.append(TemplateValue.Member(name: key.stringValue, value: .string(value))) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { storage.members!.append(TemplateValue.Member(name: key.stringValue, value: .bool(value))) }
        mutating func encode(_ value: Int, forKey key: Key) throws { storage.members!.append(TemplateValue.Member(name: key.stringValue, value: .int(value))) }
        mutating func encode(_ value: Double, forKey key: Key) throws { storage.members!.append(TemplateValue.Member(name: key.stringValue, value: .double(value))) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            storage.members!.append(TemplateValue.Member(name: key.stringValue, value: try TemplateValueEncoder.encode(value)))
        }
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
            if let value { storage.members!.append(TemplateValue.Member(name: key.stringValue, value: .string(value))) }
        }
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
            if let value { storage.members!.append(TemplateValue.Member(name: key.stringValue, value: try TemplateValueEncoder.encode(value))) }
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(Keyed<NestedKey>(storage: TemplateValueEncoder()))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer { Unkeyed(storage: TemplateValueEncoder()) }
        mutating func superEncoder() -> Encoder { TemplateValueEncoder() }
        mutating func superEncoder(forKey key: Key) -> Encoder { TemplateValueEncoder() }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let storage: TemplateValueEncoder
        var codingPath: [CodingKey] = []
        var count: Int { storage.items?.count ?? 0 }

        mutating func encodeNil() throws {}
        mutating func encode<T: Encodable>(_ value: T) throws { storage.items!.append(try TemplateValueEncoder.encode(value)) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(Keyed<NestedKey>(storage: TemplateValueEncoder()))
        }
        mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer { Unkeyed(storage: TemplateValueEncoder()) }
        mutating func superEncoder() -> Encoder { TemplateValueEncoder() }
    }

    struct Single: SingleValueEncodingContainer {
        let storage: TemplateValueEncoder
        var codingPath: [CodingKey] = []
        mutating func encodeNil() throws {}
        mutating func encode<T: Encodable>(_ value: T) throws { storage.single = try TemplateValueEncoder.encode(value) }
    }
}
