/// Types a plain scalar by the YAML 1.2 core schema.
enum ScalarResolver {
    static func resolve(plain s: String) -> Node.Value {
        // Fast exit: every null, boolean, infinity, NaN and number of the core schema
        // starts with one of these bytes; most plain scalars of a tree are words.
        if let first = s.utf8.first {
            switch first {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                // No word starts with a digit: a figure, a year or a date is not compared
                // with each of them (half a million comparisons at 200 municipalities).
                return number(s)
            case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
                 UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "-"):
                break
            default:
                return .string(s)
            }
        }
        // A longer scalar (most of those that start with n, t or f) is not compared with
        // each of the words.
        if s.utf8.count <= longestWord {
            if let value = word(s) { return value }
        }
        // Fast exit: core-schema numbers start with a sign, a digit or a dot (looked at
        // before the bytes are copied: words such as "no" or "tots" end here).
        guard let first = s.utf8.first,
              first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
              || isDigit(first) else { return .string(s) }
        return number(s)
    }

    /// Whether `text` is written as `value` is shown in messages: true for a string, a
    /// null, `true`, `12`, `-3`, `0.5`; false for `08750` (the integer 8750), `+3`,
    /// `0x1F`, `1.50`, `2.0` (shown 2), `.5`, `1e3`, `True`. Only numbers and booleans are
    /// compared, by their bytes first: a number's text is made only when it starts with a
    /// sign or a zero (an integer), or when a double's bytes may differ from its shortest
    /// form (this runs for every scalar of the tree).
    static func writtenAsValue(_ text: String, _ value: Node.Value) -> Bool {
        switch value {
        case .null, .string, .sequence, .mapping:
            return true
        case let .bool(b):
            return text == (b ? "true" : "false")
        case let .int(i):
            guard let first = text.utf8.first, first == UInt8(ascii: "0") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") else { return true }
            return text == String(i)
        case let .double(d):
            // An integral double is shown without its ".0" (ValueText.number: 2.0 is 2).
            if d.isFinite, d == d.rounded() { return false }
            let utf8 = text.utf8
            guard let first = utf8.first, let last = utf8.last else { return true }
            let mayDiffer = first == UInt8(ascii: "+") || first == UInt8(ascii: ".") || last == UInt8(ascii: "0")
                || utf8.contains(UInt8(ascii: "e")) || utf8.contains(UInt8(ascii: "E"))
                || (first == UInt8(ascii: "0") && utf8.count > 1 && utf8.dropFirst().first != UInt8(ascii: "."))
                || (first == UInt8(ascii: "-") && utf8.dropFirst().first == UInt8(ascii: "0") && utf8.dropFirst(2).first != UInt8(ascii: "."))
            return !mayDiffer || text == String(d)
        }
    }

    /// The core schema's words, by what they spell (YAML 1.2.2, 10.3.2 Tag Resolution).
    static let words: [(texts: [String], value: Node.Value)] = [
        (["", "~", "null", "Null", "NULL"], .null),
        (["true", "True", "TRUE"], .bool(true)),
        (["false", "False", "FALSE"], .bool(false)),
        ([".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"], .double(.infinity)),
        (["-.inf", "-.Inf", "-.INF"], .double(-.infinity)),
        ([".nan", ".NaN", ".NAN"], .double(.nan)),
    ]

    /// The byte length of the longest word (5: `false`, `+.inf`).
    static let longestWord = words.flatMap(\.texts).map(\.utf8.count).max() ?? 0

    /// The null, boolean, infinity or NaN that `s` spells, or nil.
    static func word(_ s: String) -> Node.Value? {
        for entry in words where entry.texts.contains(s) { return entry.value }
        return nil
    }

    /// `s` (which starts with a sign, a digit or a dot) as a core-schema integer or float,
    /// or as a string when it is neither.
    static func number(_ s: String) -> Node.Value {
        // Read where the string keeps its bytes (on the stack for a short one): a copy into
        // an array allocated for every date and figure of the tree (issue 13).
        var text = s
        return text.withUTF8 { utf8 in number(s, utf8) }
    }

    /// `number(_:)` of `s`, whose bytes are `utf8` (not empty).
    private static func number(_ s: String, _ utf8: UnsafeBufferPointer<UInt8>) -> Node.Value {
        if utf8.count > 2, utf8[0] == UInt8(ascii: "0") {
            if utf8[1] == UInt8(ascii: "o"), utf8.dropFirst(2).allSatisfy({ $0 >= 48 && $0 <= 55 }) {
                if let i = Int(String(s.dropFirst(2)), radix: 8) { return .int(i) }
                return .string(s)
            }
            if utf8[1] == UInt8(ascii: "x"), utf8.dropFirst(2).allSatisfy(isHexDigit) {
                if let i = Int(String(s.dropFirst(2)), radix: 16) { return .int(i) }
                return .string(s)
            }
        }
        if isInteger(utf8) {
            if let i = Int(s) { return .int(i) }
            if let d = Double(s) { return .double(d) }
            return .string(s)
        }
        if isFloat(utf8), let d = Double(s) { return .double(d) }
        return .string(s)
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    static func isHexDigit(_ c: UInt8) -> Bool {
        isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102)
    }

    /// `[-+]?[0-9]+`
    static func isInteger(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        if b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+") { i = 1 }
        guard i < b.count else { return false }
        return b[i...].allSatisfy(isDigit)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
    static func isFloat(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        if b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") { i += 1 }
        var mantissaDigits = 0
        while i < b.count, isDigit(b[i]) { i += 1; mantissaDigits += 1 }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            var fraction = 0
            while i < b.count, isDigit(b[i]) { i += 1; fraction += 1 }
            if mantissaDigits == 0 && fraction == 0 { return false }
        } else if mantissaDigits == 0 {
            return false
        }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") { i += 1 }
            var exponent = 0
            while i < b.count, isDigit(b[i]) { i += 1; exponent += 1 }
            if exponent == 0 { return false }
        }
        return i == b.count
    }
}

/// The numbers a tree may hold: finite, and whole numbers within ±(2^53 − 1).
///
/// That is the range in which every JSON reader keeps an integer exactly (I-JSON,
/// RFC 7493 §2.2), and oae publishes its figures as JSON and CSV; it also keeps every
/// conversion of a figure to a whole number (cents, counts) from overflowing. YAML's
/// `.inf`, `.nan` and a literal too large for it are refused where they are written.
public enum NumberRange {
    /// 2^53 − 1 = 9,007,199,254,740,991.
    public static let largest: Double = 9_007_199_254_740_991

    /// The message of a number written as `text` beyond ±`largest`.
    static func tooLarge(_ text: String) -> String {
        "'\(text)' is too large: numbers in a tree stay within ±9007199254740991 (2^53 − 1, the range JSON readers keep exactly)"
    }

    /// Why `value` (written as `text`) is not a number oae keeps, or nil when it is one (or not a number).
    public static func problem(_ value: Node.Value, text: String) -> String? {
        switch value {
        case let .int(i) where i.magnitude > UInt64(largest):
            return tooLarge(text)
        case let .double(d) where !d.isFinite && !text.lowercased().contains("inf") && !text.lowercased().contains("nan"):
            // A number written in digits beyond a double (`1e400`): too large, as said of
            // the others (session 38's trial got "not a finite number", and a help naming a
            // range the message did not give).
            return tooLarge(text)
        case let .double(d) where !d.isFinite:
            return "'\(text)' is not a finite number: oae keeps no infinity or NaN"
        case let .double(d) where d.magnitude > largest:
            return tooLarge(text)
        default:
            return nil
        }
    }
}
