import Foundation

/// The Mustache templates of one output, compiled to token lists and rendered from
/// `TemplateValue`s into a byte buffer: no dynamic cast, no `Mirror`, no string split per
/// lookup (swift-mustache did all three for every tag, a third of the handbooks' CPU,
/// issue 13).
///
/// The parser follows swift-mustache 2 (the library `Templates` also parses with, for its
/// syntax errors) token for token, so that the same template gives the same bytes:
/// standalone lines, the whitespace before a tag, the indentation of a standalone partial
/// (put before a token that starts a line of the partial's own output), `{{% CONTENT_TYPE:
/// …}}` (`HTML`, `TEXT`, `TYPST`; a partial starts in HTML again), sections over lists,
/// booleans and values, inverted sections, dotted names looked up through the context
/// stack, `{{.}}`, `{{{ }}}`, `{{& }}`, comments and set delimiters. A template with
/// anything else (transforms, inheritance, dynamic partials, an unknown content type) is
/// not compiled: `compile` returns nil and the library renders the output as before.
///
/// One difference by design: `{{ }}` escapes `<`, `>`, `&`, `"` and `'` byte by byte, where
/// the library compared whole characters and so left a `<` followed by a combining mark
/// unescaped.
public struct CompiledTemplates: Sendable {
    let templates: [String: [Token]]

    /// Compiles every template (name → Mustache source); nil when one of them uses
    /// what the compiler does not handle.
    public static func compile(_ sources: [String: String]) -> CompiledTemplates? {
        var templates: [String: [Token]] = [:]
        for (name, text) in sources {
            var parser = TemplateParser(Array(text))
            guard let tokens = try? parser.parse(state: .init()) else { return nil }
            templates[name] = tokens
        }
        return CompiledTemplates(templates: templates)
    }

    /// Renders the template `name` with `value` as its context; "" when there is no such template.
    public func render(_ name: String, _ value: TemplateValue) -> String {
        guard let tokens = templates[name] else { return "" }
        var state = RenderState(templates: templates, stack: [value])
        state.out.reserveCapacity(4096)
        state.render(tokens, escaper: .html, indentation: "")
        return String(decoding: state.out, as: UTF8.self)
    }
}

/// How `{{ }}` escapes a value.
enum Escaper: Sendable {
    case html, text, typst
}

/// A name in a tag: `.` (the current value), `.name` (from the current value only) or
/// `a.b` (the first part looked up through the stack).
struct TagName: Sendable {
    var parts: [String]
    var fromTop: Bool

    init(_ text: String) {
        fromTop = text.first == "."
        parts = text.split(separator: ".").map(String.init)
    }
}

indirect enum Token: Sendable {
    case text([UInt8])
    case variable(TagName, escaped: Bool)
    case section(TagName, [Token])
    case inverted(TagName, [Token])
    case partial(String, indentation: String?)
    case contentType(Escaper)
}

/// The parser, a port of swift-mustache's for the tags above.
struct TemplateParser {
    enum Failure: Error { case unsupported, malformed }

    struct State {
        var sectionName: String?
        var newLine = true
        var start: [Character] = ["{", "{"]
        var end: [Character] = ["}", "}"]

        func withSection(_ name: String, newLine: Bool) -> State {
            var s = self
            s.sectionName = name
            if !newLine { s.newLine = false }
            return s
        }
    }

    let chars: [Character]
    var i = 0

    init(_ chars: [Character]) { self.chars = chars }

    var atEnd: Bool { i >= chars.count }
    var current: Character { atEnd ? "\0" : chars[i] }

    static let nameChars = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    static let partialChars = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    mutating func read(while test: (Character) -> Bool) -> String {
        let from = i
        while !atEnd, test(chars[i]) { i += 1 }
        return String(chars[from..<i])
    }

    mutating func read(_ s: [Character]) -> Bool {
        guard i + s.count <= chars.count, Array(chars[i..<(i + s.count)]) == s else { return false }
        i += s.count
        return true
    }

    mutating func parse(state: State) throws -> [Token] {
        var tokens: [Token] = []
        var state = state
        var whiteSpaceBefore = ""
        func text(_ s: String) -> Token { .text(Array(s.utf8)) }
        while !atEnd {
            if state.newLine {
                whiteSpaceBefore = read { $0 == " " || $0 == "\t" }
            }
            let body = readUntilDelimiterOrNewline(state)
            if current.isNewline {
                tokens.append(text(whiteSpaceBefore + body + String(current)))
                state.newLine = true
                i += 1
                continue
            }
            if !body.isEmpty {
                tokens.append(text(whiteSpaceBefore + body))
                whiteSpaceBefore = ""
                state.newLine = false
            }
            if atEnd { break }
            var setNewLine = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                i += 1
                let name = try parseName(state)
                if isStandalone(state) {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    tokens.append(text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                let inner = try parse(state: state.withSection(name, newLine: setNewLine))
                tokens.append(inverted ? .inverted(TagName(name), inner) : .section(TagName(name), inner))
            case "/":
                i += 1
                let name = try parseName(state)
                guard name == state.sectionName else { throw Failure.malformed }
                if isStandalone(state) {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    tokens.append(text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                return tokens
            case "!":
                i += 1
                try skipComment(state)
                setNewLine = isStandalone(state)
            case "{", "&":
                let triple = current == "{"
                if !whiteSpaceBefore.isEmpty {
                    tokens.append(text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                i += 1
                let name = try parseName(state)
                if triple { guard current == "}" else { throw Failure.malformed }; i += 1 }
                tokens.append(.variable(TagName(name), escaped: false))
            case ">":
                i += 1
                _ = read { $0.isWhitespace }
                if current == "*" { throw Failure.unsupported }
                _ = read { $0.isWhitespace }
                let name = read { Self.partialChars.contains($0) }
                _ = read { $0.isWhitespace }
                guard read(state.end) else { throw Failure.malformed }
                if !whiteSpaceBefore.isEmpty { tokens.append(text(whiteSpaceBefore)) }
                if isStandalone(state) {
                    setNewLine = true
                    tokens.append(.partial(name, indentation: whiteSpaceBefore))
                } else {
                    tokens.append(.partial(name, indentation: nil))
                }
                whiteSpaceBefore = ""
            case "=":
                i += 1
                _ = read { $0.isWhitespace }
                let start = read { !$0.isWhitespace }
                _ = read { $0.isWhitespace }
                let end = read { $0 != "=" && !$0.isWhitespace }
                _ = read { $0.isWhitespace }
                guard current == "=" else { throw Failure.malformed }
                i += 1
                guard read(state.end), !start.isEmpty, !end.isEmpty else { throw Failure.malformed }
                state.start = Array(start)
                state.end = Array(end)
                setNewLine = isStandalone(state)
            case "%":
                i += 1
                _ = read { $0.isWhitespace }
                let variable = read { Self.nameChars.contains($0) }
                _ = read { $0.isWhitespace }
                guard current == ":" else { throw Failure.malformed }
                i += 1
                _ = read { $0.isWhitespace }
                let value = read { Self.nameChars.contains($0) }
                _ = read { $0.isWhitespace }
                guard read(state.end), variable == "CONTENT_TYPE" else { throw Failure.unsupported }
                switch value {
                case "HTML": tokens.append(.contentType(.html))
                case "TEXT": tokens.append(.contentType(.text))
                case Typst.contentType: tokens.append(.contentType(.typst))
                default: throw Failure.unsupported
                }
                setNewLine = isStandalone(state)
            case "<", "$":
                throw Failure.unsupported
            default:
                if !whiteSpaceBefore.isEmpty {
                    tokens.append(text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                tokens.append(.variable(TagName(try parseName(state)), escaped: true))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw Failure.malformed }
        return tokens
    }

    /// Text up to the next tag (its opening delimiter read) or line break (not read).
    mutating func readUntilDelimiterOrNewline(_ state: State) -> String {
        var total = ""
        let first = state.start[0]
        while !atEnd {
            total += read { $0 != "\n" && $0 != "\r\n" && $0 != first }
            if current.isNewline { break }
            if current == first {
                if read(state.start) { break }
                total.append(first)
                i += 1
            }
        }
        return total
    }

    /// A tag's name up to the closing delimiter; a transform (`f(x)`) is not handled.
    mutating func parseName(_ state: State) throws -> String {
        _ = read { $0.isWhitespace }
        let name = read { Self.nameChars.contains($0) }
        if current == "(" || current == ")" { throw Failure.unsupported }
        _ = read { $0.isWhitespace }
        guard read(state.end) else { throw Failure.malformed }
        return name
    }

    mutating func skipComment(_ state: State) throws {
        while !atEnd {
            if read(state.end) { return }
            i += 1
        }
        throw Failure.malformed
    }

    /// At the start of a line, whether the rest of the line is blank (then read, with its line break).
    mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var j = i
        while j < chars.count, chars[j] == " " || chars[j] == "\t" { j += 1 }
        if j < chars.count, chars[j].isNewline {
            i = j + 1
            return true
        }
        return false
    }
}

/// One rendering: the output bytes and the context stack.
struct RenderState {
    let templates: [String: [Token]]
    var stack: [TemplateValue]
    var out: [UInt8] = []

    /// Renders `tokens` as swift-mustache renders one template: `indentation` goes before
    /// every non-empty token that starts a line of this call's output.
    mutating func render(_ tokens: [Token], escaper: Escaper, indentation: String) {
        var escaper = escaper
        let start = out.count
        for token in tokens {
            let at = out.count
            renderToken(token, escaper: &escaper, indentation: indentation)
            if !indentation.isEmpty, out.count > at, at > start, out[at - 1] == UInt8(ascii: "\n") {
                out.insert(contentsOf: indentation.utf8, at: at)
            }
        }
    }

    mutating func renderToken(_ token: Token, escaper: inout Escaper, indentation: String) {
        switch token {
        case let .text(bytes):
            out.append(contentsOf: bytes)
        case let .variable(name, escaped):
            guard let value = lookup(name) else { return }
            let text: String
            switch value {
            case let .string(s): text = s
            case let .bool(b): text = b ? "true" : "false"
            case let .int(n): text = String(n)
            case let .double(d): text = String(describing: d)
            case .list, .object, .words: return
            }
            guard escaped else { out.append(contentsOf: text.utf8); return }
            switch escaper {
            case .html: appendHTMLEscaped(text)
            case .text: out.append(contentsOf: text.utf8)
            case .typst: out.append(contentsOf: Typst.escape(text).utf8)
            }
        case let .section(name, inner):
            switch lookup(name) {
            case nil, .bool(false)?:
                return
            case .bool(true)?:
                render(inner, escaper: escaper, indentation: indentation)
            case let .list(items)?:
                for item in items {
                    stack.append(item)
                    render(inner, escaper: escaper, indentation: indentation)
                    stack.removeLast()
                }
            case let value?:
                stack.append(value)
                render(inner, escaper: escaper, indentation: indentation)
                stack.removeLast()
            }
        case let .inverted(name, inner):
            switch lookup(name) {
            case nil, .bool(false)?:
                render(inner, escaper: escaper, indentation: indentation)
            case let .list(items)? where items.isEmpty:
                stack.append(.list(items))
                render(inner, escaper: escaper, indentation: indentation)
                stack.removeLast()
            default:
                return
            }
        case let .partial(name, indented):
            guard let tokens = templates[name] else { return }
            render(tokens, escaper: .html, indentation: indentation + (indented ?? ""))
        case let .contentType(e):
            escaper = e
        }
    }

    /// The value a tag names, as swift-mustache finds it.
    func lookup(_ name: TagName) -> TemplateValue? {
        guard let first = name.parts.first else { return stack.last }
        var value: TemplateValue?
        if name.fromTop {
            value = stack.last?.member(first)
        } else {
            var k = stack.count - 1
            while k >= 0 {
                if let found = stack[k].member(first) { value = found; break }
                k -= 1
            }
        }
        var k = 1
        while k < name.parts.count, let v = value {
            value = v.member(name.parts[k])
            k += 1
        }
        return value
    }

    /// Appends `text` with `<`, `>`, `&`, `"` and `'` as HTML entities, the runs between
    /// them copied whole.
    mutating func appendHTMLEscaped(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var run = 0
            for (i, byte) in bytes.enumerated() {
                let entity: StaticString
                switch byte {
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "'"): entity = "&#39;"
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                run = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
    }
}
