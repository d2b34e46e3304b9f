import Foundation
import Presentation

/// A view model as the compiled templates read it (`CompiledTemplate`): strings,
/// numbers, booleans, lists and objects, typed, so that rendering looks names up without
/// dynamic casts. Absent optionals are left out of objects, so `{{#name}}` skips them.
public enum TemplateValue: Sendable {
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
    case words(WordTable)
    /// Text rendered already (a handbook's chapter), as UTF-8 bytes: inserted as it is,
    /// without being decoded into a `String` and validated again (`RenderedText`).
    case utf8([UInt8])
    /// A value shared by the pages of a build (`SharedValue`): read as its value, and a
    /// section over it is rendered once per build (`RenderMemo`).
    case shared(SharedValue)

    /// A named member of an object.
    public struct Member: Sendable {
        public var name: String
        public var value: TemplateValue

        public init(name: String, value: TemplateValue) {
            self.name = name
            self.value = value
        }
    }

    /// The member `name` of an object or a word table; nil for anything else.
    @inline(__always)
    func member(_ name: String) -> TemplateValue? {
        switch self {
        case let .object(members):
            // By length first: most names compared are another member's, and `==` on
            // strings that differ is a call into the standard library. Through the buffer:
            // reading `members[i]` copied (retained and released) each member compared.
            let count = name.utf8.count
            return members.withUnsafeBufferPointer { members -> TemplateValue? in
                var i = members.count - 1
                while i >= 0 {
                    if members[i].name.utf8.count == count, members[i].name == name { return members[i].value }
                    i -= 1
                }
                return nil
            }
        case let .words(words): return words[name].map(TemplateValue.string)
        case let .shared(shared): return shared.value.member(name)
        default: return nil
        }
    }

    /// The value at `path` (at least one name) below this one, read in place; nil when
    /// its first name is not a member here, `.some(nil)` when a later one is missing (a
    /// template then reads nothing, as Mustache does, instead of looking further out).
    ///
    /// Only the value found is copied. `mutating` is for that alone: it never writes, but
    /// a value passed `inout` is passed by its address, where a value read from memory
    /// (a context on the renderer's stack, a member on the way) and passed as `self` to a
    /// non-mutating method was copied first, a retain and a release each, many of values
    /// every page's thread shares, such as the word table `ui` (issue 13: the renderer's
    /// samples at 947 municipalities fell by about a fifth without them). Callers reach
    /// the values through pointers, so shared values are read in place and never written.
    mutating func member(path: UnsafeBufferPointer<String>) -> TemplateValue?? {
        switch self {
        case let .object(members):
            let name = path[0]
            let count = name.utf8.count
            return members.withUnsafeBufferPointer { members -> TemplateValue?? in
                var i = members.count - 1
                while i >= 0 {
                    if members[i].name.utf8.count == count, members[i].name == name {
                        if path.count == 1 { return .some(members[i].value) }
                        let member = UnsafeMutablePointer(mutating: members.baseAddress! + i)
                        return .some(member.pointee.value.member(path: UnsafeBufferPointer(rebasing: path[1...])) ?? nil)
                    }
                    i -= 1
                }
                return nil
            }
        case let .words(words):
            guard let word = words[path[0]] else { return nil }
            return .some(path.count == 1 ? .string(word) : nil)
        case let .shared(shared):
            var value = shared.value
            return value.member(path: path)
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
        case let .words(words): return words.dictionary
        case let .utf8(bytes): return String(decoding: bytes, as: UTF8.self)
        case let .shared(shared): return shared.value.mustacheContext
        }
    }

    /// The value, with a shared value read as what it holds (at the top level).
    public var unshared: TemplateValue {
        if case let .shared(shared) = self { return shared.value }
        return self
    }

    /// The value of an Encodable view model.
    public static func of<T: Encodable>(_ value: T) -> TemplateValue {
        (try? TemplateValueEncoder.encode(value)) ?? .object([])
    }

    /// For tests: when set, every value is made through its `Encodable` conformance, the
    /// values that write their own (`TemplateValueConvertible`) and everything in them
    /// included, so that a test can render a whole site both ways and compare the bytes.
    nonisolated(unsafe) public static var throughEncodable = false

    /// For tests: when set, each value that writes its own (`TemplateValueConvertible`) is
    /// also made through its `Encodable` conformance, and the type of each whose two values
    /// differ is kept (`mismatchedTypes`). Rendered bytes alone do not show a field the own
    /// value leaves out when it is false or empty where the site is built (an agreement's
    /// extension, session 27): its value does.
    nonisolated(unsafe) public static var comparingEncodable = false
    private static let mismatchLock = NSLock()
    nonisolated(unsafe) private static var mismatches: [String: String] = [:]

    /// The types whose own value differed from their encoding while `comparingEncodable`
    /// was set, sorted, each with the first member that differs ("Site.AgreementView:
    /// has_extension"); reading them empties the list.
    public static func mismatchedTypes() -> [String] {
        mismatchLock.withLock {
            defer { mismatches = [:] }
            return mismatches.map { "\($0.key): \($0.value)" }.sorted()
        }
    }

    /// Keeps `T` in `mismatches` when `own` is not what `value`'s encoding gives.
    static func compare<T: Encodable>(_ own: TemplateValue, _ value: T) {
        // A value shared by the pages that show it (`TemplateValueSlot`) is compared as made.
        var own = own
        if case let .shared(shared) = own { own = shared.value }
        let made = encoded(value)
        guard String(describing: own) != String(describing: made) else { return }
        var member = "its value"
        if case let .object(a) = own, case let .object(b) = made {
            let names = a.map(\.name), other = b.map(\.name)
            if names != other {
                member = "members \(names.filter { !other.contains($0) }) written, \(other.filter { !names.contains($0) }) encoded, or their order"
            } else if let i = a.indices.first(where: { String(describing: a[$0].value) != String(describing: b[$0].value) }) {
                member = a[i].name
            }
        }
        mismatchLock.withLock { mismatches[String(reflecting: T.self)] = member }
    }

    /// The value of a view model through its `Encodable` conformance, even when it writes
    /// its own (`TemplateValueConvertible`): for tests that compare the two.
    public static func encoded<T: Encodable>(_ value: T) -> TemplateValue {
        let encoder = TemplateValueEncoder()
        do { try value.encode(to: encoder) } catch { return .object([]) }
        return encoder.value
    }
}

/// Text a template rendered (a chapter of a handbook), kept as the UTF-8 bytes the
/// renderer wrote, to be inserted into another template (`{{{html}}}`) without being
/// decoded into a `String` and validated on the way (2% of the handbooks' CPU, issue 13).
/// It reads as a string: a template sees a scalar, and any other encoder gets the text.
public struct RenderedText: ViewModel, Hashable {
    /// The text, in UTF-8 (valid: rendered from strings and templates that are).
    public var utf8: [UInt8]

    public init(utf8: [UInt8]) { self.utf8 = utf8 }

    /// The text of a string.
    public init(_ text: String) { utf8 = Array(text.utf8) }

    /// The text as a string.
    public var string: String { String(decoding: utf8, as: UTF8.self) }

    public init(from decoder: Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        if let encoder = encoder as? TemplateValueEncoder {
            encoder.single = .utf8(utf8)
            return
        }
        var container = encoder.singleValueContainer()
        try container.encode(string)
    }
}

extension RenderedText: TemplateValueConvertible {
    /// The bytes, inserted as they are (what its encoding gives `TemplateValueEncoder`).
    public var templateValue: TemplateValue { .utf8(utf8) }
}

/// A view model that writes its own `TemplateValue`, the one its synthesized `Encodable`
/// conformance gives through `TemplateValueEncoder` (the same members, an absent optional
/// left out), without the `Encoder`'s containers: for the small values every page has by
/// the hundred (a text, a link), whose encoding was a third of the templates' time
/// (issue 13). `TemplateValueEncoderTests` compares both for each conforming type.
public protocol TemplateValueConvertible {
    /// The value a template reads.
    var templateValue: TemplateValue { get }
}

extension TemplateValueConvertible {
    /// The value of the `Self` at `pointer` (so that the encoder, which knows only a
    /// metatype, reads it without boxing it into an existential).
    static func templateValue(at pointer: UnsafeRawPointer) -> TemplateValue {
        pointer.assumingMemoryBound(to: Self.self).pointee.templateValue
    }
}

extension Array where Element == TemplateValue.Member {
    /// Adds a member when the value is present (as `encodeIfPresent` does).
    public mutating func append(_ name: String, _ value: TemplateValue?) {
        if let value { append(TemplateValue.Member(name: name, value: value)) }
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
        if T.self == WordTable.self { return .words(unsafeBitCast(value, to: WordTable.self)) }
        if T.self == [String: String].self { return .words(WordTable(unsafeBitCast(value, to: [String: String].self))) }
        if !TemplateValue.throughEncodable, let convertible = T.self as? TemplateValueConvertible.Type {
            let own = withUnsafePointer(to: value) { convertible.templateValue(at: UnsafeRawPointer($0)) }
            if TemplateValue.comparingEncodable { TemplateValue.compare(own, value) }
            return own
        }
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
