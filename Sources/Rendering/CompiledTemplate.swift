import Loading

/// A Mustache template compiled for rendering from a `TemplateValue` (issue 13: Mustache
/// over `[String: Any]` cost a third of the site's build in dynamic casts and name
/// splitting).
///
/// swift-mustache stays the reference engine. The parser below reads a template as
/// swift-mustache's `MustacheTemplate.parse` does, rule by rule and `Character` by
/// `Character` (grapheme clusters, `Characters`): standalone lines, the whitespace before a
/// tag, partial indentation, set delimiters, `CONTENT_TYPE` pragmas, names as written. So
/// a template it compiles, swift-mustache accepts and renders to the same bytes, and a
/// template swift-mustache refuses, it refuses (`CompiledTemplatesDifferentialTests`: a
/// corpus of edge cases and thousands of generated templates; `TemplateEngineTests`
/// renders every page of the example both ways). What swift-mustache has beyond the
/// Mustache specification and oae's templates do not use (transforms such as
/// `{{lowercased(x)}}`, template inheritance, dynamic partials, lambdas, delimiters that
/// are not ASCII) is refused too, as `ParseError`s that swift-mustache may not share.
public struct CompiledTemplate: Sendable {
    /// How a value is escaped where it is inserted with `{{name}}`.
    public enum Escaping: Sendable {
        /// `< > & " '` as HTML entities (swift-mustache's default).
        case html
        /// As it is.
        case text
        /// `Typst.escape`.
        case typst

        init?(name: String) {
            switch name {
            case "HTML": self = .html
            case "TEXT": self = .text
            case Typst.contentType: self = .typst
            default: return nil
            }
        }
    }

    /// A name as a tag writes it: `.`, `a.b` (looked up outwards from the innermost
    /// section), `.a` (in the innermost section only).
    enum Name: Sendable {
        case current
        case path([String], anchored: Bool)
    }

    enum Token: Sendable {
        case text([UInt8])
        case variable(Name, escaped: Bool)
        case section(Name, [Token], inverted: Bool)
        case partial(String, indentation: [UInt8]?)
        case escaping(Escaping)
    }

    /// Why a template cannot be compiled: it does not parse (`swiftMustacheRefuses`: the
    /// parser below reads a template as swift-mustache's does, so swift-mustache refuses
    /// it too), or swift-mustache may accept it but it uses something this engine does
    /// not render. A template this engine compiles, swift-mustache accepts and renders to
    /// the same bytes (`CompiledTemplatesDifferentialTests`).
    public struct ParseError: Error, CustomStringConvertible {
        public var description: String
        /// 1-based line of the tag.
        public var line: Int
        /// 1-based column, in characters (grapheme clusters), of where the parse stopped.
        public var column: Int
        /// Whether swift-mustache refuses the template too (else it may accept it).
        public var swiftMustacheRefuses: Bool
    }

    /// The tokens, laid out for rendering.
    let program: Program

    /// Compiles a template's text.
    public init(_ text: String) throws {
        var parser = Parser(Array(text.utf8))
        program = Program(try parser.parse(section: nil, newLine: true))
    }
}

// MARK: - Parsing (after swift-mustache's Template+Parser.swift, Apache-2.0, the Hummingbird authors)

extension CompiledTemplate {
    /// A template's text as swift-mustache's parser reads it: one code per `Character`
    /// (grapheme cluster), with the byte offset where each starts. swift-mustache compares
    /// `Character`s, so `}` followed by a combining mark (U+0301) or a variation selector
    /// (U+FE0F) is one character that is not `}`, and `K` (U+212A KELVIN SIGN) is one that
    /// is `K` (canonical equivalence).
    ///
    /// Codes: below 0x80, the ASCII character the `Character` equals. Else
    /// `other` with `whitespaceBit` and `newlineBit` set as `Character.isWhitespace` and
    /// `Character.isNewline` have them (both read the first scalar: a space followed by
    /// a combining mark is whitespace for swift-mustache), or `crlf` for `\r\n`.
    struct Characters {
        static let other: UInt8 = 0x80, whitespaceBit: UInt8 = 1, newlineBit: UInt8 = 2
        /// `\r\n`, one `Character`: whitespace and a newline, and in swift-mustache's set
        /// of the characters that end a text.
        static let crlf: UInt8 = 0x87
        /// What the parser reads past the end (swift-mustache's `current()` gives "\0").
        static let end: UInt8 = 0xFF
        /// The scalars that are not ASCII and whose `Character` equals an ASCII one (each
        /// is canonically equivalent to it): `CompiledTemplatesDifferentialTests` checks the
        /// list against every Unicode scalar.
        static let asciiEquivalents: [UInt32: UInt8] = [0x037E: UInt8(ascii: ";"), 0x1FEF: UInt8(ascii: "`"), 0x212A: UInt8(ascii: "K")]

        var codes: [UInt8] = []
        /// The byte offset of each character, and the text's length after the last.
        var offsets: [Int] = []

        init(_ bytes: [UInt8]) {
            codes.reserveCapacity(bytes.count)
            offsets.reserveCapacity(bytes.count + 1)
            let n = bytes.count
            var i = 0
            while i < n {
                // Two ASCII scalars other than \r\n are two characters (Unicode's rules
                // GB3, GB999): the text splits there into runs that are clustered alone.
                var j = i + 1
                while j < n, !(bytes[j - 1] < 0x80 && bytes[j] < 0x80 && !(bytes[j - 1] == 0x0D && bytes[j] == 0x0A)) { j += 1 }
                if j == i + 1, bytes[i] < 0x80 {
                    codes.append(bytes[i])
                    offsets.append(i)
                } else if j == i + 2, bytes[i] == 0x0D, bytes[i + 1] == 0x0A {
                    codes.append(Characters.crlf)
                    offsets.append(i)
                } else {
                    var at = i
                    for character in String(decoding: bytes[i..<j], as: UTF8.self) {
                        codes.append(Characters.code(character))
                        offsets.append(at)
                        at += character.utf8.count
                    }
                }
                i = j
            }
            offsets.append(n)
        }

        static func code(_ character: Character) -> UInt8 {
            if let ascii = character.asciiValue, character.utf8.count == 1 { return ascii }
            if character == "\r\n" { return crlf }
            let scalars = character.unicodeScalars
            if scalars.count == 1, let ascii = asciiEquivalents[scalars.first!.value] { return ascii }
            return other | (character.isWhitespace ? whitespaceBit : 0) | (character.isNewline ? newlineBit : 0)
        }

        /// `Character.isWhitespace` of the character whose code is `c`.
        static func isWhitespace(_ c: UInt8) -> Bool {
            c < 0x80 ? c == 0x20 || (c >= 0x09 && c <= 0x0D) : c != end && c & whitespaceBit != 0
        }

        /// `Character.isNewline` of the character whose code is `c`.
        static func isNewline(_ c: UInt8) -> Bool {
            c < 0x80 ? c >= 0x0A && c <= 0x0D : c != end && c & newlineBit != 0
        }
    }

    struct Parser {
        let bytes: [UInt8]
        let codes: [UInt8]
        let offsets: [Int]
        /// The position, in characters.
        var position = 0
        var start: [UInt8] = Array("{{".utf8)
        var end: [UInt8] = Array("}}".utf8)
        /// The bytes of the start delimiter's first character as the set-delimiter tag
        /// wrote it: swift-mustache adds those to the text where that character is not
        /// followed by the rest of the delimiter.
        var startFirst: [UInt8] = Array("{".utf8)

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            let characters = Characters(bytes)
            codes = characters.codes
            offsets = characters.offsets
        }

        var reachedEnd: Bool { position >= codes.count }
        var current: UInt8 { position < codes.count ? codes[position] : Characters.end }

        /// The bytes of the characters `from..<to`.
        func text(_ from: Int, _ to: Int) -> ArraySlice<UInt8> { bytes[offsets[from]..<offsets[to]] }

        func refusal(_ what: String, swiftMustacheRefuses: Bool) -> ParseError {
            let at = offsets[min(position, codes.count)]
            let lineStart = bytes[..<at].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let column = codes.indices.filter { offsets[$0] >= lineStart && offsets[$0] < at }.count + 1
            return ParseError(description: what, line: bytes[..<at].filter { $0 == 0x0A }.count + 1, column: column,
                              swiftMustacheRefuses: swiftMustacheRefuses)
        }

        /// A template swift-mustache refuses too.
        func syntax(_ what: String) -> ParseError { refusal(what, swiftMustacheRefuses: true) }
        /// A template swift-mustache may accept, that uses what this engine does not render.
        func unsupported(_ what: String) -> ParseError { refusal(what, swiftMustacheRefuses: false) }

        static func isNameCode(_ c: UInt8) -> Bool {
            (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
                || c == UInt8(ascii: ".") || c == UInt8(ascii: "-") || c == UInt8(ascii: "_") || c == UInt8(ascii: "?")
                || c == UInt8(ascii: "*") || c == UInt8(ascii: "(") || c == UInt8(ascii: ")")
        }

        mutating func skipWhitespace() { while !reachedEnd, Characters.isWhitespace(current) { position += 1 } }

        func matches(_ s: [UInt8], at: Int) -> Bool {
            at + s.count <= codes.count && codes[at..<(at + s.count)].elementsEqual(s)
        }

        static func written(_ codes: [UInt8]) -> String { String(decoding: codes, as: UTF8.self) }

        mutating func readEnd() throws {
            guard matches(end, at: position) else { throw syntax("a tag is not closed with '\(Parser.written(end))'") }
            position += end.count
        }

        /// Text up to a newline or the start delimiter (consumed), as swift-mustache's
        /// `readUntilDelimiterOrNewline`: a start delimiter's first character with fewer
        /// characters after it than the delimiter has is refused, as swift-mustache does.
        mutating func readText() throws -> [UInt8] {
            var text: [UInt8] = []
            let first = start[0]
            while !reachedEnd {
                let from = position
                while position < codes.count, codes[position] != 0x0A, codes[position] != Characters.crlf, codes[position] != first {
                    position += 1
                }
                text += self.text(from, position)
                if reachedEnd || codes[position] != first { break }
                guard codes.count - position >= start.count else {
                    throw syntax("the template ends with '\(Parser.written(Array(start[..<(codes.count - position)])))', the start of a tag")
                }
                if matches(start, at: position) {
                    position += start.count
                    break
                }
                text += startFirst
                position += 1
            }
            return text
        }

        /// A tag's name up to the end delimiter (consumed): the name as written, and
        /// as looked up.
        mutating func readName() throws -> (written: String, name: Name) {
            skipWhitespace()
            let from = position
            while !reachedEnd, Parser.isNameCode(current) { position += 1 }
            let written = Array(codes[from..<position])
            skipWhitespace()
            try readEnd()
            if written.contains(UInt8(ascii: "(")) || written.contains(UInt8(ascii: ")")) {
                let name = Parser.written(written)
                position = from
                guard Parser.isTransformCall(written) else { throw syntax("'\(name)' is not a name: its brackets do not pair") }
                throw unsupported("transforms such as '\(name)' are not supported")
            }
            let name = Parser.written(written)
            if name == "." { return (name, .current) }
            return (name, .path(name.split(ascii: ".").map(String.init), anchored: name.first == "."))
        }

        /// Whether a name with brackets is a transform call as swift-mustache's `parseName`
        /// reads one: `f(x)`, `f(g(x))`, with as many `)` at the end as `(`.
        static func isTransformCall(_ name: [UInt8]) -> Bool {
            let open = UInt8(ascii: "("), close = UInt8(ascii: ")")
            var i = 0, transforms = 1
            func word() { while i < name.count, name[i] != open, name[i] != close { i += 1 } }
            word()
            guard i < name.count, name[i] == open else { return i == name.count }
            i += 1
            while true {
                word()
                guard i < name.count else { return false }
                if name[i] == open {
                    i += 1
                    transforms += 1
                    continue
                }
                i += 1
                var closes = 0
                while i < name.count, name[i] == close { i += 1; closes += 1 }
                return closes + 1 == transforms && i == name.count
            }
        }

        mutating func readPartialName() throws -> String {
            skipWhitespace()
            if current == UInt8(ascii: "*") { throw unsupported("dynamic partials are not supported") }
            let from = position
            while !reachedEnd, Parser.isNameCode(current) || current == UInt8(ascii: "/") { position += 1 }
            let name = Parser.written(Array(codes[from..<position]))
            skipWhitespace()
            try readEnd()
            return name
        }

        /// Whether the rest of the line is blank (spaces and tabs, then a character that
        /// `Character.isNewline`, or the end); if so, moves past its newline.
        mutating func lineFinished() -> Bool {
            if reachedEnd { return true }
            var at = position
            while at < codes.count, codes[at] == 0x20 || codes[at] == 0x09 { at += 1 }
            guard at < codes.count, Characters.isNewline(codes[at]) else { return false }
            position = at + 1
            return true
        }

        /// The tokens up to the end of the section written `section` (or of the template).
        mutating func parse(section: String?, newLine initial: Bool) throws -> [Token] {
            var tokens: [Token] = []
            var newLine = initial
            var whiteSpaceBefore: [UInt8] = []
            func standalone(_ newLine: Bool, _ parser: inout Parser) -> Bool { newLine && parser.lineFinished() }
            while !reachedEnd {
                if newLine {
                    let from = position
                    while !reachedEnd, current == 0x20 || current == 0x09 { position += 1 }
                    whiteSpaceBefore = Array(text(from, position))
                }
                let text = try readText()
                if Characters.isNewline(current) {
                    tokens.append(.text(whiteSpaceBefore + text + self.text(position, position + 1)))
                    newLine = true
                    position += 1
                    continue
                }
                if !text.isEmpty {
                    tokens.append(.text(whiteSpaceBefore + text))
                    whiteSpaceBefore = []
                    newLine = false
                }
                if reachedEnd { break }
                var setNewLine = false
                let kind = current
                switch kind {
                case UInt8(ascii: "#"), UInt8(ascii: "^"):
                    position += 1
                    let (written, name) = try readName()
                    if standalone(newLine, &self) {
                        setNewLine = true
                    } else if !whiteSpaceBefore.isEmpty {
                        tokens.append(.text(whiteSpaceBefore))
                        whiteSpaceBefore = []
                    }
                    let body = try parse(section: written, newLine: setNewLine ? newLine : false)
                    tokens.append(.section(name, body, inverted: kind == UInt8(ascii: "^")))
                case UInt8(ascii: "/"):
                    position += 1
                    let from = position
                    let (written, _) = try readName()
                    // swift-mustache compares the names as written: `{{/a.}}` does not close `{{#a}}`.
                    guard let section, written == section else {
                        position = from
                        throw syntax(section.map { "'{{/\(written)}}' closes section '\($0)'" } ?? "'{{/\(written)}}' closes no section")
                    }
                    if !standalone(newLine, &self), !whiteSpaceBefore.isEmpty {
                        tokens.append(.text(whiteSpaceBefore))
                    }
                    return tokens
                case UInt8(ascii: "!"):
                    position += 1
                    try skipComment()
                    setNewLine = standalone(newLine, &self)
                case UInt8(ascii: "{"), UInt8(ascii: "&"):
                    if !whiteSpaceBefore.isEmpty {
                        tokens.append(.text(whiteSpaceBefore))
                        whiteSpaceBefore = []
                    }
                    position += 1
                    let (_, name) = try readName()
                    if kind == UInt8(ascii: "{") {
                        guard current == UInt8(ascii: "}") else { throw syntax("a {{{ tag is not closed with }}}") }
                        position += 1
                    }
                    tokens.append(.variable(name, escaped: false))
                case UInt8(ascii: ">"):
                    position += 1
                    let name = try readPartialName()
                    if !whiteSpaceBefore.isEmpty { tokens.append(.text(whiteSpaceBefore)) }
                    if standalone(newLine, &self) {
                        setNewLine = true
                        tokens.append(.partial(name, indentation: whiteSpaceBefore))
                    } else {
                        tokens.append(.partial(name, indentation: nil))
                    }
                    whiteSpaceBefore = []
                case UInt8(ascii: "<"), UInt8(ascii: "$"):
                    throw unsupported("template inheritance is not supported")
                case UInt8(ascii: "="):
                    position += 1
                    try readDelimiters()
                    setNewLine = standalone(newLine, &self)
                case UInt8(ascii: "%"):
                    position += 1
                    tokens.append(.escaping(try readPragma()))
                    setNewLine = standalone(newLine, &self)
                default:
                    if !whiteSpaceBefore.isEmpty {
                        tokens.append(.text(whiteSpaceBefore))
                        whiteSpaceBefore = []
                    }
                    tokens.append(.variable(try readName().name, escaped: true))
                }
                newLine = setNewLine
            }
            if let section { throw syntax("section '\(section)' is never closed") }
            return tokens
        }

        /// Moves past a comment's end delimiter, found as swift-mustache's
        /// `read(untilString:)` finds it: a character that breaks a partial match is not
        /// tried as the start of a new one (with `%%>` for `%>`, the end is not found there).
        /// Not found, the error stands at the comment's tag.
        mutating func skipComment() throws {
            let tag = position - 1 - start.count
            var matched = 0
            while !reachedEnd {
                if current == end[matched] {
                    matched += 1
                    if matched == end.count {
                        position += 1
                        return
                    }
                } else {
                    matched = 0
                }
                position += 1
            }
            position = tag
            throw syntax("a comment is not closed with '\(Parser.written(end))'")
        }

        mutating func readDelimiters() throws {
            let malformed = "a set-delimiter tag is not '\(Parser.written(start))=<% %>=\(Parser.written(end))'-like"
            skipWhitespace()
            let from = position
            while !reachedEnd, !Characters.isWhitespace(current) { position += 1 }
            guard !reachedEnd else { throw syntax(malformed) }
            let newStart = Array(codes[from..<position])
            skipWhitespace()
            let endFrom = position
            while !reachedEnd, current != UInt8(ascii: "="), !Characters.isWhitespace(current) { position += 1 }
            guard !reachedEnd else { throw syntax(malformed) }
            let newEnd = Array(codes[endFrom..<position])
            skipWhitespace()
            guard current == UInt8(ascii: "=") else { throw syntax(malformed) }
            position += 1
            guard matches(end, at: position) else { throw syntax(malformed) }
            position += end.count
            guard !newStart.isEmpty, !newEnd.isEmpty else { throw syntax(malformed) }
            guard (newStart + newEnd).allSatisfy({ $0 < 0x80 }) else {
                throw unsupported("delimiters of characters other than ASCII are not supported")
            }
            startFirst = Array(text(from, from + 1))
            start = newStart
            end = newEnd
        }

        mutating func readPragma() throws -> Escaping {
            func word() -> String {
                let from = position
                while !reachedEnd, Parser.isNameCode(current), current != UInt8(ascii: "("), current != UInt8(ascii: ")") { position += 1 }
                return Parser.written(Array(codes[from..<position]))
            }
            let malformed = "a pragma is not '{{% CONTENT_TYPE: HTML}}'-like"
            skipWhitespace()
            let variable = word()
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw syntax(malformed) }
            position += 1
            skipWhitespace()
            let value = word()
            skipWhitespace()
            guard matches(end, at: position) else { throw syntax(malformed) }
            position += end.count
            guard !variable.isEmpty, !value.isEmpty else { throw syntax(malformed) }
            guard variable == "CONTENT_TYPE", let escaping = Escaping(name: value) else {
                throw syntax("the pragma '\(variable): \(value)' is not known")
            }
            return escaping
        }
    }
}

// MARK: - The program the renderer runs

extension CompiledTemplate {
    /// A template's tokens laid out flat for rendering: operations made of integers, their
    /// text in one byte pool, their names in one table, all in memory of its own. The
    /// renderer reads them through pointers, so that no token, text or name is retained and
    /// released as it is read: the templates are shared by every page the threads render
    /// at once, and a retain of a shared object is a write to memory that both cores read
    /// (`swift_retain` was 15% of the pages' CPU at 947 municipalities, issue 13).
    /// Immutable once made.
    final class Program: @unchecked Sendable {
        enum Kind: UInt8 { case text, variable, section, inverted, partial, escaping }

        /// One token. `a`: a text's offset in `bytes`; a variable's or section's index in
        /// `names`; a partial's index in `partials`; an escaping's `Escaping` (0 html,
        /// 1 text, 2 typst). `b`: a text's length; a section's end (the index of the first
        /// operation after its body, which starts at the next one); a partial's indentation
        /// offset in `bytes` (-1: not standalone). `c`: a partial's indentation length.
        /// `escaped`: whether a variable is escaped (`{{x}}`, not `{{{x}}}`).
        struct Op {
            var kind: Kind
            var escaped = false
            var a: Int32 = 0
            var b: Int32 = 0
            var c: Int32 = 0
        }

        /// A name: `.` (`current`), else its parts, `parts[start..<(start + count)]`
        /// (`count` ≥ 1), read in place by the renderer (`TemplateValue.member(path:)`).
        struct NameEntry {
            var current: Bool
            var anchored: Bool
            var start: Int
            var count: Int
        }

        let ops: UnsafeMutableBufferPointer<Op>
        let bytes: UnsafeMutableBufferPointer<UInt8>
        let names: UnsafeMutableBufferPointer<NameEntry>
        let parts: UnsafeMutableBufferPointer<String>
        let partials: [String]

        init(_ tokens: [Token]) {
            var ops: [Op] = [], bytes: [UInt8] = [], names: [NameEntry] = [], parts: [String] = [], partials: [String] = []
            func name(_ name: Name) -> Int32 {
                switch name {
                case .current:
                    names.append(NameEntry(current: true, anchored: false, start: 0, count: 0))
                case let .path(p, anchored):
                    names.append(NameEntry(current: false, anchored: anchored, start: parts.count, count: p.count))
                    parts += p
                    // A path without parts reads the current context, as `.` does.
                    if p.isEmpty { names[names.count - 1].current = true }
                }
                return Int32(names.count - 1)
            }
            func lay(_ tokens: [Token]) {
                for token in tokens {
                    switch token {
                    case let .text(text):
                        ops.append(Op(kind: .text, a: Int32(bytes.count), b: Int32(text.count)))
                        bytes += text
                    case let .variable(n, escaped):
                        ops.append(Op(kind: .variable, escaped: escaped, a: name(n)))
                    case let .section(n, body, inverted):
                        let at = ops.count
                        ops.append(Op(kind: inverted ? .inverted : .section, a: name(n)))
                        lay(body)
                        ops[at].b = Int32(ops.count)
                    case let .partial(partial, indentation):
                        partials.append(partial)
                        var op = Op(kind: .partial, a: Int32(partials.count - 1), b: -1)
                        if let indentation {
                            op.b = Int32(bytes.count)
                            op.c = Int32(indentation.count)
                            bytes += indentation
                        }
                        ops.append(op)
                    case let .escaping(escaping):
                        ops.append(Op(kind: .escaping, a: escaping == .html ? 0 : escaping == .text ? 1 : 2))
                    }
                }
            }
            lay(tokens)
            func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
                let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, array.count))
                _ = buffer.initialize(from: array)
                return UnsafeMutableBufferPointer(rebasing: buffer[..<array.count])
            }
            self.ops = copy(ops)
            self.bytes = copy(bytes)
            self.names = copy(names)
            self.parts = copy(parts)
            self.partials = partials
        }

        deinit {
            for buffer in [UnsafeMutableRawPointer(ops.baseAddress), UnsafeMutableRawPointer(bytes.baseAddress)] {
                buffer?.deallocate()
            }
            names.baseAddress?.deinitialize(count: names.count)
            names.baseAddress?.deallocate()
            parts.baseAddress?.deinitialize(count: parts.count)
            parts.baseAddress?.deallocate()
        }
    }
}

// MARK: - Rendering

extension CompiledTemplate {
    /// A folder's compiled templates by name, with the partials of each found once: the
    /// renderer reads the template a `{{> name}}` names by the partial's index, not by
    /// its name (a `String` hashed and compared for every partial of every page: 650,000
    /// lookups, 1.8% of the handbooks' instructions at 200 municipalities, issue 13).
    /// Immutable; safe to share between threads.
    public final class Library: @unchecked Sendable {
        /// The templates by name (`page`, `partials/header`).
        public let templates: [String: CompiledTemplate]
        /// For each program of `templates`, by its identity: the program each of its
        /// partials names, in the order of `Program.partials` (nil: no template by that
        /// name, rendered as nothing).
        let partials: [ObjectIdentifier: [Program?]]

        public init(_ templates: [String: CompiledTemplate]) {
            self.templates = templates
            var partials: [ObjectIdentifier: [Program?]] = [:]
            for template in templates.values {
                partials[ObjectIdentifier(template.program)] = template.program.partials.map { templates[$0]?.program }
            }
            self.partials = partials
        }

        public subscript(name: String) -> CompiledTemplate? { templates[name] }

        /// The program of the partial at `index` in `program.partials`: found once for a
        /// program of the library, by name for one outside it.
        func partial(_ program: Program, _ index: Int) -> Program? {
            if let found = partials[ObjectIdentifier(program)] { return found[index] }
            return templates[program.partials[index]]?.program
        }
    }

    /// Renders from `value`, with the partials of `library` (made into a `Library` for
    /// this call: a caller that renders many times makes its `Library` once).
    public func render(_ value: TemplateValue, library: [String: CompiledTemplate]) -> String {
        String(decoding: renderUTF8(value, library: Library(library)), as: UTF8.self)
    }

    /// Renders from `value` as UTF-8 bytes, with the partials of `library` (made into a
    /// `Library` for this call).
    public func renderUTF8(_ value: TemplateValue, library: [String: CompiledTemplate], capacity: Int = 16_384,
                           memo: RenderMemo? = nil) -> [UInt8] {
        renderUTF8(value, library: Library(library), capacity: capacity, memo: memo)
    }

    /// Renders from `value` as UTF-8 bytes (for a file: the text is not decoded again),
    /// into a buffer of `capacity` bytes to start with (a page that inserts 300 KB of
    /// chapters says so, instead of the buffer growing and being copied 5 times).
    /// With `memo` (whose renderings were all made with `library`), a section over a
    /// `SharedValue` reuses the bytes it rendered for another page when everything it read
    /// outside the value is the same here (`RenderMemo`).
    public func renderUTF8(_ value: TemplateValue, library: Library, capacity: Int = 16_384,
                           memo: RenderMemo? = nil) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(capacity)
        var renderer = Renderer(library: library, stack: [value.unshared], memo: memo)
        renderer.render(program, 0..<program.ops.count, escaping: .html, indentation: nil, into: &out)
        memo?.count(hits: renderer.hits)
        return out
    }

    struct Renderer {
        let library: Library
        var stack: [TemplateValue]
        let memo: RenderMemo?
        /// While a shared value's section is rendered for `memo`: the stack's depth below
        /// its value, and the names looked up below it with what they were.
        var floor: Int?
        var outside: [(name: String, value: TemplateValue?)] = []
        /// The sections reused from `memo`.
        var hits = 0

        init(library: Library, stack: [TemplateValue], memo: RenderMemo? = nil) {
            self.library = library
            self.stack = stack
            self.memo = memo
        }

        /// Renders the operations `range` of `program` as swift-mustache's
        /// `MustacheTemplate.render(context:)` renders tokens: with an indentation (inside
        /// an indented partial), a token's non-empty output that follows a line break of
        /// this same call is indented.
        mutating func render(_ program: Program, _ range: Range<Int>, escaping initial: Escaping, indentation: [UInt8]?,
                             into out: inout [UInt8]) {
            var escaping = initial
            let start = out.count
            let indent = indentation.flatMap { $0.isEmpty ? nil : $0 }
            var i = range.lowerBound
            while i < range.upperBound {
                if let indent, out.count > start, out[out.count - 1] == 0x0A,
                   !(out.count - 2 >= start && out[out.count - 2] == 0x0D) {
                    out.append(contentsOf: indent)
                    let mark = out.count
                    i = renderOp(program, i, escaping: &escaping, indentation: indentation, into: &out)
                    if out.count == mark { out.removeLast(indent.count) }
                } else {
                    i = renderOp(program, i, escaping: &escaping, indentation: indentation, into: &out)
                }
            }
        }

        /// Renders the operation at `i` (with its body, for a section); the index of the next.
        mutating func renderOp(_ program: Program, _ i: Int, escaping: inout Escaping, indentation: [UInt8]?,
                               into out: inout [UInt8]) -> Int {
            let op = program.ops[i]
            switch op.kind {
            case .text:
                out.append(contentsOf: UnsafeBufferPointer(rebasing: program.bytes[Int(op.a)..<Int(op.a + op.b)]))
                return i + 1
            case .variable:
                guard let value = lookup(program, Int(op.a)) else { return i + 1 }
                Renderer.write(value, escaping: op.escaped ? escaping : .text, into: &out)
                return i + 1
            case .inverted:
                let body = (i + 1)..<Int(op.b)
                switch lookup(program, Int(op.a)) {
                case nil, .bool(false)?: render(program, body, escaping: escaping, indentation: indentation, into: &out)
                case let .list(items)? where items.isEmpty:
                    // The empty list is the context inside, as in swift-mustache
                    // (`renderInvertedSection`): `.` and `.name` read it, not the context around.
                    stack.append(.list(items))
                    render(program, body, escaping: escaping, indentation: indentation, into: &out)
                    stack.removeLast()
                default: break
                }
                return body.upperBound
            case .section:
                let body = (i + 1)..<Int(op.b)
                switch lookup(program, Int(op.a)) {
                case nil, .bool(false)?: break
                case .bool(true)?: render(program, body, escaping: escaping, indentation: indentation, into: &out)
                case let .list(items)?:
                    for item in items {
                        if case let .shared(shared) = item {
                            renderShared(shared, program, body, escaping: escaping, indentation: indentation, into: &out)
                            continue
                        }
                        stack.append(item)
                        render(program, body, escaping: escaping, indentation: indentation, into: &out)
                        stack.removeLast()
                    }
                case let .shared(shared)?:
                    renderShared(shared, program, body, escaping: escaping, indentation: indentation, into: &out)
                case let value?:
                    stack.append(value)
                    render(program, body, escaping: escaping, indentation: indentation, into: &out)
                    stack.removeLast()
                }
                return body.upperBound
            case .partial:
                guard let target = library.partial(program, Int(op.a)) else { return i + 1 }
                var inner = indentation
                if op.b >= 0 {
                    inner = (indentation ?? []) + UnsafeBufferPointer(rebasing: program.bytes[Int(op.b)..<Int(op.b + op.c)])
                }
                // A partial starts with HTML escaping, as in swift-mustache.
                render(target, 0..<target.ops.count, escaping: .html, indentation: inner, into: &out)
                return i + 1
            case .escaping:
                escaping = op.a == 0 ? .html : op.a == 1 ? .text : .typst
                return i + 1
            }
        }

        /// Renders the body `body` of `program` over a shared value: the bytes `memo` kept
        /// for it when what the body read outside the value is the same here, else rendered
        /// (and kept).
        mutating func renderShared(_ shared: SharedValue, _ program: Program, _ body: Range<Int>, escaping: Escaping,
                                   indentation: [UInt8]?, into out: inout [UInt8]) {
            // Within another shared value's rendering, this one is part of that one's bytes.
            guard let memo, floor == nil else {
                stack.append(shared.value)
                render(program, body, escaping: escaping, indentation: indentation, into: &out)
                stack.removeLast()
                return
            }
            let key = RenderMemo.Key(value: ObjectIdentifier(shared), program: ObjectIdentifier(program), body: body.lowerBound,
                                     escaping: escaping, indentation: indentation)
            for entry in memo.candidates(key) where entry.outside.allSatisfy({ TemplateValue.same(find($0.name).value, $0.value) }) {
                hits += 1
                out.append(contentsOf: entry.bytes)
                return
            }
            floor = stack.count
            outside = []
            let mark = out.count
            stack.append(shared.value)
            render(program, body, escaping: escaping, indentation: indentation, into: &out)
            stack.removeLast()
            floor = nil
            memo.store(key, RenderMemo.Entry(keep: shared, program: program, outside: outside, bytes: Array(out[mark...])))
            outside = []
        }

        /// The innermost context that has `name`, and its depth in the stack (-1: none).
        func find(_ name: String) -> (value: TemplateValue?, depth: Int) {
            // Through the buffer: reading `stack[i]` copied (retained and released) each
            // context looked into.
            stack.withUnsafeBufferPointer { stack in
                var i = stack.count - 1
                while i >= 0 {
                    if let child = stack[i].member(name) { return (child, i) }
                    i -= 1
                }
                return (nil, -1)
            }
        }

        /// The value of `path` in the innermost context that has its first part (nil when
        /// none has it, or when that context lacks the rest), read in place: only the value
        /// found is copied, not the contexts and members on its way (each copy a retain and
        /// a release, of values the pages' threads share such as the word table `ui`).
        /// `mutating` only to pass the contexts by address (`TemplateValue.member(path:)`).
        mutating func find(path: UnsafeBufferPointer<String>) -> TemplateValue? {
            stack.withUnsafeMutableBufferPointer { stack in
                var i = stack.count - 1
                while i >= 0 {
                    if let found = stack[i].member(path: path) { return found }
                    i -= 1
                }
                return nil
            }
        }

        /// The value of the name at `index` in `program.names`.
        mutating func lookup(_ program: Program, _ index: Int) -> TemplateValue? {
            let entry = program.names[index]
            if entry.current { return stack.last }
            let path = UnsafeBufferPointer(rebasing: program.parts[entry.start..<(entry.start + entry.count)])
            if entry.anchored {
                return stack.withUnsafeMutableBufferPointer { stack in stack.isEmpty ? nil : stack[stack.count - 1].member(path: path) ?? nil }
            }
            guard let floor else { return find(path: path) }
            // Below a shared value's section, what the first part was (found below the
            // section, or nowhere) is noted, once, for `RenderMemo`.
            let (found, depth) = find(path[0])
            if depth < floor, !outside.contains(where: { $0.name == path[0] }) {
                outside.append((path[0], found))
            }
            guard var value = found else { return nil }
            for k in 1..<path.count {
                guard let child = value.member(path[k]) else { return nil }
                value = child
            }
            return value
        }

        static func write(_ value: TemplateValue, escaping: Escaping, into out: inout [UInt8]) {
            let text: String
            switch value {
            case let .string(s): text = s
            case let .bool(b): text = b ? "true" : "false"
            case let .int(i): text = String(i)
            case let .double(d): text = String(describing: d)
            case .list, .object, .words, .shared: return
            case let .utf8(bytes):
                // Rendered text, inserted as it is (`{{{ }}}`), else escaped as a string.
                guard escaping != .text else { return out.append(contentsOf: bytes) }
                text = String(decoding: bytes, as: UTF8.self)
            }
            switch escaping {
            case .text: out.append(contentsOf: text.utf8)
            case .typst: out.append(contentsOf: Typst.escape(text).utf8)
            case .html: HTML.escape(text, into: &out)
            }
        }
    }
}
