import Diagnostics
import Loading

/// Parses JSON text (RFC 8259) into a positioned `Node`, so that JSON instances and JSON
/// schemas are validated and reported exactly like YAML ones. Integers that fit in an
/// `Int` become `.int`, every other number `.double`; strings are always strings.
public struct JSONNodeParser: Sendable {
    /// The rules this parser reports.
    public static let rules = [
        RuleInfo("json-syntax", "The JSON is not well formed."),
        RuleInfo("json-duplicate-key", "A JSON object has the same key twice."),
    ]

    /// The deepest nesting accepted, as for YAML.
    public var maxDepth: Int

    /// A parser that refuses nesting deeper than `maxDepth`.
    public init(maxDepth: Int = 128) {
        self.maxDepth = maxDepth
    }

    /// Parses `text`; a syntax error gives no node and one diagnostic.
    public func parse(_ text: String, file: String) -> (Node?, [Diagnostic]) {
        var state = State(scalars: Array(text.unicodeScalars), file: file, maxDepth: maxDepth)
        do {
            state.skipWhitespace()
            let node = try state.value(depth: 0)
            state.skipWhitespace()
            if state.index < state.scalars.count {
                throw state.error("unexpected text after the JSON value")
            }
            return (node, state.warnings)
        } catch let problem as JSONSyntaxError {
            return (nil, state.warnings + [problem.diagnostic])
        } catch {
            return (nil, [.error("json-syntax", "malformed JSON", at: .wholeFile(file))])
        }
    }
}

struct JSONSyntaxError: Error {
    var diagnostic: Diagnostic
}

private struct State {
    let scalars: [Unicode.Scalar]
    let file: String
    let source: SourceFile
    let maxDepth: Int
    var index = 0
    var line = 1
    var column = 1
    var warnings: [Diagnostic] = []

    init(scalars: [Unicode.Scalar], file: String, maxDepth: Int) {
        self.scalars = scalars
        self.file = file
        self.source = SourceFile(file)
        self.maxDepth = maxDepth
    }

    var position: SourcePosition { SourcePosition(line: line, column: column) }

    func error(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(diagnostic: .error("json-syntax", message, at: SourceSpan(file: file, line: line, column: column)))
    }

    var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    mutating func advance() {
        if scalars[index] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    mutating func skipWhitespace() {
        while let c = current, c == " " || c == "\t" || c == "\n" || c == "\r" { advance() }
    }

    mutating func expect(_ c: Unicode.Scalar) throws {
        guard current == c else { throw error("expected '\(c)'") }
        advance()
    }

    mutating func value(depth: Int) throws -> Node {
        guard depth <= maxDepth else { throw error("nesting is deeper than \(maxDepth) levels") }
        let start = position
        guard let c = current else { throw error("unexpected end of the JSON text") }
        let value: Node.Value
        switch c {
        case "{": value = try object(depth: depth)
        case "[": value = try array(depth: depth)
        case "\"": value = .string(try string())
        case "t": try literal("true"); value = .bool(true)
        case "f": try literal("false"); value = .bool(false)
        case "n": try literal("null"); value = .null
        case "-", "0"..."9": value = try number()
        default: throw error("unexpected character '\(c)'")
        }
        return Node(value, span: SourceSpan(source: source, start: start, end: position))
    }

    mutating func literal(_ word: String) throws {
        for expected in word.unicodeScalars {
            guard current == expected else { throw error("expected '\(word)'") }
            advance()
        }
    }

    mutating func object(depth: Int) throws -> Node.Value {
        advance()
        var pairs: [Node.Pair] = []
        var seen: [String: SourceSpan] = [:]
        skipWhitespace()
        if current == "}" { advance(); return .mapping(pairs) }
        while true {
            skipWhitespace()
            guard current == "\"" else { throw error("expected a key in double quotes") }
            let keyStart = position
            let key = try string()
            let keyNode = Node(.string(key), span: SourceSpan(source: source, start: keyStart, end: position))
            if let first = seen[key] {
                warnings.append(.error("json-duplicate-key", "duplicate key \"\(key)\"", at: keyNode.span,
                                       related: [RelatedLocation(first, "first defined")]))
            } else {
                seen[key] = keyNode.span
            }
            skipWhitespace()
            try expect(":")
            skipWhitespace()
            let value = try value(depth: depth + 1)
            pairs.append(Node.Pair(key: keyNode, value: value))
            skipWhitespace()
            if current == "," { advance(); continue }
            if current == "}" { advance(); return .mapping(pairs) }
            throw error("expected ',' or '}'")
        }
    }

    mutating func array(depth: Int) throws -> Node.Value {
        advance()
        var items: [Node] = []
        skipWhitespace()
        if current == "]" { advance(); return .sequence(items) }
        while true {
            skipWhitespace()
            items.append(try value(depth: depth + 1))
            skipWhitespace()
            if current == "," { advance(); continue }
            if current == "]" { advance(); return .sequence(items) }
            throw error("expected ',' or ']'")
        }
    }

    mutating func string() throws -> String {
        advance()
        var out = String.UnicodeScalarView()
        while true {
            guard let c = current else { throw error("unterminated string") }
            switch c {
            case "\"":
                advance()
                return String(out)
            case "\\":
                advance()
                guard let e = current else { throw error("unterminated string") }
                advance()
                switch e {
                case "\"": out.append("\"")
                case "\\": out.append("\\")
                case "/": out.append("/")
                case "b": out.append("\u{08}")
                case "f": out.append("\u{0C}")
                case "n": out.append("\n")
                case "r": out.append("\r")
                case "t": out.append("\t")
                case "u": out.append(try unicodeEscape())
                default: throw error("invalid escape '\\\(e)'")
                }
            default:
                guard c.value >= 0x20 else { throw error("control character in a string") }
                out.append(c)
                advance()
            }
        }
    }

    mutating func hex4() throws -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard let c = current, c.isASCII, let d = PercentDecoding.hexValue(UInt8(c.value)) else {
                throw error("expected four hexadecimal digits")
            }
            v = v << 4 | UInt32(d)
            advance()
        }
        return v
    }

    mutating func unicodeEscape() throws -> Unicode.Scalar {
        let high = try hex4()
        if (0xD800...0xDBFF).contains(high) {
            guard current == "\\" else { return "\u{FFFD}" }
            advance()
            guard current == "u" else { throw error("expected a low surrogate escape") }
            advance()
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else { return "\u{FFFD}" }
            let combined = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            return Unicode.Scalar(combined) ?? "\u{FFFD}"
        }
        return Unicode.Scalar(high) ?? "\u{FFFD}"
    }

    mutating func number() throws -> Node.Value {
        var text = ""
        var isInteger = true
        if current == "-" { text.append("-"); advance() }
        guard let first = current, first.isASCIIDigit else { throw error("expected a digit") }
        if first == "0" {
            text.append("0"); advance()
        } else {
            while let c = current, c.isASCIIDigit { text.unicodeScalars.append(c); advance() }
        }
        if current == "." {
            isInteger = false
            text.append("."); advance()
            guard let c = current, c.isASCIIDigit else { throw error("expected a digit after '.'") }
            while let c = current, c.isASCIIDigit { text.unicodeScalars.append(c); advance() }
        }
        if current == "e" || current == "E" {
            isInteger = false
            text.append("e"); advance()
            if let sign = current, sign == "+" || sign == "-" { text.unicodeScalars.append(sign); advance() }
            guard let c = current, c.isASCIIDigit else { throw error("expected a digit in the exponent") }
            while let c = current, c.isASCIIDigit { text.unicodeScalars.append(c); advance() }
        }
        if isInteger, let i = Int(text) { return .int(i) }
        guard let d = Double(text) else { throw error("number out of range") }
        return .double(d)
    }
}
