import Presentation
import Foundation

/// A typed value a template is rendered from: a struct whose stored properties are the
/// names its Mustache template may use. Encoding it gives the template's context
/// (`TemplateValue.of`); decoding it with `ShapeDecoder` gives its shape, the names and
/// nesting the template check (`TemplateVariables`) compares every tag with, so that a
/// misspelt `{{{intro_typo}}}` is an error at the template's file:line:col, not an empty
/// paragraph. The same value can feed another renderer (the PDF), which reads the
/// properties directly.
///
/// Properties are `String`, `Bool`, `Int`, `Double`, optionals, arrays, nested view
/// structs, or `[String: String]` (word tables such as `ui`, checked against the UI
/// strings). Synthesized `Codable` conformance is enough.
public protocol ViewModel: Codable, Sendable {}

/// The names a view model offers a template, and their nesting.
public indirect enum ViewShape: Equatable, Sendable {
    /// A string, number or boolean.
    case scalar
    /// A list of items of a shape (a Mustache section iterates it).
    case list(ViewShape)
    /// Named members.
    case object([String: ViewShape])
    /// A word table (`WordTable`, `[String: String]`): any key, each a scalar.
    case map
    /// A type that contains itself: not followed further.
    case recursive

    /// The shape of a view model type.
    public static func of<T: Decodable>(_ type: T.Type) -> ViewShape {
        ShapeRecorder.shape(of: type, visiting: [])
    }

    /// The member `name` of an object shape.
    public func member(_ name: String) -> ViewShape? {
        switch self {
        case let .object(members): return members[name]
        case .map: return .scalar
        case .recursive: return .recursive
        default: return nil
        }
    }
}

extension ViewShape {
    /// The shape as a line of text, the form in which a build reads the shapes of its view
    /// models (`table(_:)`): `s` a scalar, `m` a word table, `r` a type that contains
    /// itself, `[x]` a list of `x`, `{a:x,b:y}` members sorted by name. Names are the
    /// view models' property names (letters, digits and `_`).
    public var text: String {
        switch self {
        case .scalar: return "s"
        case .map: return "m"
        case .recursive: return "r"
        case let .list(item): return "[" + item.text + "]"
        case let .object(members):
            return "{" + members.sorted { $0.key < $1.key }.map { $0.key + ":" + $0.value.text }.joined(separator: ",") + "}"
        }
    }

    /// The shape a `text` writes; nil when the text is not one.
    public init?(text: String) {
        var reader = ShapeTextReader(bytes: Array(text.utf8))
        guard let shape = reader.shape(), reader.at == reader.bytes.count else { return nil }
        self = shape
    }

    /// The shapes of `tableText(_:)`: one line per template, its name, a space, its shape.
    /// A line that is not one is left out (the tests compare the table with the shapes of
    /// the view models).
    public static func table(_ text: String) -> [String: ViewShape] {
        var out: [String: ViewShape] = [:]
        for line in text.split(separator: "\n") {
            guard let space = line.firstIndex(of: " "), let shape = ViewShape(text: String(line[line.index(after: space)...])) else { continue }
            out[String(line[..<space])] = shape
        }
        return out
    }

    /// The text of a table of shapes, by template name, sorted.
    public static func tableText(_ shapes: [String: ViewShape]) -> String {
        shapes.sorted { $0.key < $1.key }.map { $0.key + " " + $0.value.text + "\n" }.joined()
    }

    /// The Swift source that keeps `shapes` for a build: `static let recordedViewShapes`,
    /// the table's text, in an extension of `type`. Recording the shapes from the types
    /// (`ShapeRecorder`) looks up a protocol conformance for every view model, through the
    /// binary's 10,000 conformances: 15 ms of CPU at the start of every build (issue 13).
    /// The tests compare the recorded shapes with the types' and write this file again with
    /// `OAE_UPDATE_GOLDENS=1`.
    public static func recordedSource(extending type: String, _ shapes: [String: ViewShape], testedBy test: String) -> String {
        """
        // The shapes of the view models of each template, as a build reads them (its
        // `views`), recorded from the types by \(test): after changing a view model, run
        // the tests with OAE_UPDATE_GOLDENS=1 and review the difference. Made by the tests; do
        // not edit.
        extension \(type) {
            static let recordedViewShapes = \"\"\"
        \(tableText(shapes).split(separator: "\n").map { "    " + $0 + "\n" }.joined())    \"\"\"
        }

        """
    }
}

/// Reads `ViewShape.text`.
private struct ShapeTextReader {
    let bytes: [UInt8]
    var at = 0

    mutating func shape() -> ViewShape? {
        guard at < bytes.count else { return nil }
        let c = bytes[at]
        at += 1
        switch c {
        case UInt8(ascii: "s"): return .scalar
        case UInt8(ascii: "m"): return .map
        case UInt8(ascii: "r"): return .recursive
        case UInt8(ascii: "["):
            guard let item = shape(), take(UInt8(ascii: "]")) else { return nil }
            return .list(item)
        case UInt8(ascii: "{"):
            var members: [String: ViewShape] = [:]
            if take(UInt8(ascii: "}")) { return .object(members) }
            repeat {
                let start = at
                while at < bytes.count, bytes[at] != UInt8(ascii: ":") { at += 1 }
                let name = String(decoding: bytes[start..<at], as: UTF8.self)
                guard at > start, take(UInt8(ascii: ":")), let member = shape() else { return nil }
                members[name] = member
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "}")) else { return nil }
            return .object(members)
        default:
            return nil
        }
    }

    mutating func take(_ byte: UInt8) -> Bool {
        guard at < bytes.count, bytes[at] == byte else { return false }
        at += 1
        return true
    }
}

/// Builds the shape of a type by decoding it from a recorder that answers every
/// request with a placeholder and notes the keys asked for.
enum ShapeRecorder {
    static func shape<T: Decodable>(of type: T.Type, visiting: Set<ObjectIdentifier>) -> ViewShape {
        decode(type, visiting: visiting).shape
    }

    /// The shape of `type` and a placeholder value of it (nil when it cannot be made:
    /// a type that contains itself).
    static func decode<T: Decodable>(_ type: T.Type, visiting: Set<ObjectIdentifier>) -> (shape: ViewShape, value: T?) {
        if type == String.self { return (.scalar, "" as? T) }
        if type == Bool.self { return (.scalar, false as? T) }
        if type == Int.self { return (.scalar, 0 as? T) }
        if type == Double.self { return (.scalar, 0.0 as? T) }
        if type == [String: String].self { return (.map, [String: String]() as? T) }
        if type == WordTable.self { return (.map, WordTable() as? T) }
        let id = ObjectIdentifier(type)
        if visiting.contains(id) { return (.recursive, (type as? EmptyDecodable.Type)?.empty as? T) }
        let decoder = ShapeDecoder(visiting: visiting.union([id]))
        let value = (try? T(from: decoder)) ?? (type as? EmptyDecodable.Type)?.empty as? T
        return (decoder.box.shape ?? .scalar, value)
    }
}

/// Types with an empty value a recorder can return when it cannot make one.
protocol EmptyDecodable { static var empty: Any { get } }
extension Array: EmptyDecodable { static var empty: Any { [Element]() } }

final class ShapeBox {
    var shape: ViewShape?
    var members: [String: ViewShape] = [:]
}

/// A `Decoder` that records what a type decodes. Scalars get placeholder values;
/// arrays are decoded with one element; optionals are recorded and decoded as absent.
struct ShapeDecoder: Decoder {
    let visiting: Set<ObjectIdentifier>
    let box = ShapeBox()
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    init(visiting: Set<ObjectIdentifier>) { self.visiting = visiting }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        box.shape = .object([:])
        return KeyedDecodingContainer(ShapeKeyed<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer { ShapeUnkeyed(decoder: self) }

    func singleValueContainer() throws -> SingleValueDecodingContainer {
        box.shape = .scalar
        return ShapeSingle()
    }

    func record(_ key: String, _ shape: ViewShape) {
        box.members[key] = shape
        box.shape = .object(box.members)
    }
}

struct ShapeKeyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: ShapeDecoder
    var codingPath: [CodingKey] = []
    var allKeys: [Key] { [] }

    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) throws -> Bool {
        decoder.record(key.stringValue, .scalar)
        return true
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let (shape, value) = ShapeRecorder.decode(type, visiting: decoder.visiting)
        decoder.record(key.stringValue, shape)
        guard let value else {
            throw DecodingError.valueNotFound(type, .init(codingPath: [key], debugDescription: "recursive"))
        }
        return value
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        decoder.record(key.stringValue, ShapeRecorder.shape(of: type, visiting: decoder.visiting))
        return nil
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey> {
        throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "not for view models")
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "not for view models")
    }

    func superDecoder() throws -> Decoder { decoder }
    func superDecoder(forKey key: Key) throws -> Decoder { decoder }
}

struct ShapeUnkeyed: UnkeyedDecodingContainer {
    let decoder: ShapeDecoder
    var codingPath: [CodingKey] = []
    var count: Int? { 0 }
    var isAtEnd: Bool { done }
    var currentIndex = 0
    private var done = false

    init(decoder: ShapeDecoder) {
        self.decoder = decoder
        decoder.box.shape = .list(.scalar)
    }

    mutating func decodeNil() throws -> Bool { true }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (shape, value) = ShapeRecorder.decode(type, visiting: decoder.visiting)
        decoder.box.shape = .list(shape)
        done = true
        guard let value else {
            throw DecodingError.valueNotFound(type, .init(codingPath: [], debugDescription: "recursive"))
        }
        return value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "not for view models"))
    }

    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
        throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "not for view models"))
    }

    mutating func superDecoder() throws -> Decoder { decoder }
}

struct ShapeSingle: SingleValueDecodingContainer {
    var codingPath: [CodingKey] = []
    func decodeNil() -> Bool { false }
    func decode(_ type: Bool.Type) throws -> Bool { false }
    func decode(_ type: String.Type) throws -> String { "" }
    func decode(_ type: Double.Type) throws -> Double { 0 }
    func decode(_ type: Float.Type) throws -> Float { 0 }
    func decode(_ type: Int.Type) throws -> Int { 0 }
    func decode(_ type: Int8.Type) throws -> Int8 { 0 }
    func decode(_ type: Int16.Type) throws -> Int16 { 0 }
    func decode(_ type: Int32.Type) throws -> Int32 { 0 }
    func decode(_ type: Int64.Type) throws -> Int64 { 0 }
    func decode(_ type: UInt.Type) throws -> UInt { 0 }
    func decode(_ type: UInt8.Type) throws -> UInt8 { 0 }
    func decode(_ type: UInt16.Type) throws -> UInt16 { 0 }
    func decode(_ type: UInt32.Type) throws -> UInt32 { 0 }
    func decode(_ type: UInt64.Type) throws -> UInt64 { 0 }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: ShapeDecoder(visiting: [])) }
}
