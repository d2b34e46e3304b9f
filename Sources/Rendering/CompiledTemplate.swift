/// A Mustache template compiled for rendering from a `TemplateValue` (issue 13: Mustache
/// over `[String: Any]` cost a third of the site's build in dynamic casts and name
/// splitting).
///
/// swift-mustache stays the reference: `Templates.load` parses every template with it
/// first (its errors are the `template-syntax` diagnostics), and only a template it
/// accepts is compiled here. The tokenizer below follows swift-mustache's parser step
/// by step (`MustacheTemplate.parse`: standalone lines, the whitespace before a tag,
/// partial indentation, set delimiters, `CONTENT_TYPE` pragmas) so that both give the same
/// bytes; `TemplateEngineTests` renders every template of the example both ways and
/// compares them. What swift-mustache has beyond the Mustache specification and oae's
/// templates do not use (transforms such as `{{lowercased(x)}}`, template inheritance,
/// dynamic partials, lambdas) is refused at load time with `template-syntax`.
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

    /// Why a template cannot be compiled (swift-mustache accepted it, but it uses
    /// something this engine does not render).
    public struct Unsupported: Error, CustomStringConvertible {
        public var description: String
        /// 1-based line of the tag.
        public var line: Int
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
    struct Parser {
        let bytes: [UInt8]
        var position = 0
        var start: [UInt8] = Array("{{".utf8)
        var end: [UInt8] = Array("}}".utf8)

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var reachedEnd: Bool { position >= bytes.count }
        var current: UInt8 { position < bytes.count ? bytes[position] : 0 }

        /// The length of the newline at `at` (`\n`, `\r\n`), or 0.
        func newline(at: Int) -> Int {
            guard at < bytes.count else { return 0 }
            if bytes[at] == 0x0A { return 1 }
            if bytes[at] == 0x0D, at + 1 < bytes.count, bytes[at + 1] == 0x0A { return 2 }
            return 0
        }

        func unsupported(_ what: String) -> Unsupported {
            Unsupported(description: what, line: bytes[..<min(position, bytes.count)].filter { $0 == 0x0A }.count + 1)
        }

        static func isWhitespace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C }
        static func isNameByte(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                || b == UInt8(ascii: ".") || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: "?")
                || b == UInt8(ascii: "*") || b == UInt8(ascii: "(") || b == UInt8(ascii: ")")
        }

        mutating func skipWhitespace() { while !reachedEnd, Parser.isWhitespace(current) { position += 1 } }

        func matches(_ s: [UInt8], at: Int) -> Bool {
            at + s.count <= bytes.count && bytes[at..<(at + s.count)].elementsEqual(s)
        }

        mutating func readEnd() throws {
            guard matches(end, at: position) else { throw unsupported("a tag is not closed") }
            position += end.count
        }

        /// Text up to a newline or the start delimiter (consumed).
        mutating func readText() -> [UInt8] {
            var text: [UInt8] = []
            while !reachedEnd {
                if newline(at: position) > 0 { break }
                if matches(start, at: position) {
                    position += start.count
                    break
                }
                text.append(bytes[position])
                position += 1
            }
            return text
        }

        mutating func readName() throws -> Name {
            skipWhitespace()
            let from = position
            while !reachedEnd, Parser.isNameByte(current) { position += 1 }
            let name = String(decoding: bytes[from..<position], as: UTF8.self)
            skipWhitespace()
            try readEnd()
            if name.contains("(") { throw unsupported("transforms such as '\(name)' are not supported") }
            if name == "." { return .current }
            let parts = name.split(separator: ".").map(String.init)
            return .path(parts, anchored: name.first == ".")
        }

        mutating func readPartialName() throws -> String {
            skipWhitespace()
            if current == UInt8(ascii: "*") { throw unsupported("dynamic partials are not supported") }
            let from = position
            while !reachedEnd, Parser.isNameByte(current) || current == UInt8(ascii: "/") { position += 1 }
            let name = String(decoding: bytes[from..<position], as: UTF8.self)
            skipWhitespace()
            try readEnd()
            return name
        }

        /// Whether the rest of the line is blank; if so, moves past its newline.
        mutating func lineFinished() -> Bool {
            if reachedEnd { return true }
            var at = position
            while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x09 { at += 1 }
            let n = newline(at: at)
            guard n > 0 else { return false }
            position = at + n
            return true
        }

        /// The tokens up to the end of the section `section` (or of the template).
        mutating func parse(section: String?, newLine initial: Bool) throws -> [Token] {
            var tokens: [Token] = []
            var newLine = initial
            var whiteSpaceBefore: [UInt8] = []
            func standalone(_ newLine: Bool, _ parser: inout Parser) -> Bool { newLine && parser.lineFinished() }
            while !reachedEnd {
                if newLine {
                    let from = position
                    while !reachedEnd, current == 0x20 || current == 0x09 { position += 1 }
                    whiteSpaceBefore = Array(bytes[from..<position])
                }
                let text = readText()
                let n = newline(at: position)
                if n > 0 {
                    tokens.append(.text(whiteSpaceBefore + text + bytes[position..<(position + n)]))
                    newLine = true
                    position += n
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
                    let name = try readName()
                    if standalone(newLine, &self) {
                        setNewLine = true
                    } else if !whiteSpaceBefore.isEmpty {
                        tokens.append(.text(whiteSpaceBefore))
                        whiteSpaceBefore = []
                    }
                    let key = Parser.key(name)
                    let body = try parse(section: key, newLine: setNewLine ? newLine : false)
                    tokens.append(.section(name, body, inverted: kind == UInt8(ascii: "^")))
                case UInt8(ascii: "/"):
                    position += 1
                    let name = try readName()
                    guard let section, Parser.key(name) == section else { throw unsupported("a section closes with another name") }
                    if !standalone(newLine, &self), !whiteSpaceBefore.isEmpty {
                        tokens.append(.text(whiteSpaceBefore))
                    }
                    return tokens
                case UInt8(ascii: "!"):
                    position += 1
                    while !reachedEnd, !matches(end, at: position) { position += 1 }
                    try readEnd()
                    setNewLine = standalone(newLine, &self)
                case UInt8(ascii: "{"), UInt8(ascii: "&"):
                    if !whiteSpaceBefore.isEmpty {
                        tokens.append(.text(whiteSpaceBefore))
                        whiteSpaceBefore = []
                    }
                    position += 1
                    let name = try readName()
                    if kind == UInt8(ascii: "{") {
                        guard current == UInt8(ascii: "}") else { throw unsupported("a {{{ tag is not closed") }
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
                    tokens.append(.variable(try readName(), escaped: true))
                }
                newLine = setNewLine
            }
            if section != nil { throw unsupported("a section is not closed") }
            return tokens
        }

        static func key(_ name: Name) -> String {
            switch name {
            case .current: return "."
            case let .path(parts, anchored): return (anchored ? "." : "") + parts.joined(separator: ".")
            }
        }

        mutating func readDelimiters() throws {
            func word(until stop: (UInt8) -> Bool) -> [UInt8] {
                let from = position
                while !reachedEnd, !stop(current) { position += 1 }
                return Array(bytes[from..<position])
            }
            skipWhitespace()
            let newStart = word { Parser.isWhitespace($0) }
            skipWhitespace()
            let newEnd = word { $0 == UInt8(ascii: "=") || Parser.isWhitespace($0) }
            skipWhitespace()
            guard current == UInt8(ascii: "="), !newStart.isEmpty, !newEnd.isEmpty else { throw unsupported("a set delimiter tag is malformed") }
            position += 1
            try readEnd()
            start = newStart
            end = newEnd
        }

        mutating func readPragma() throws -> Escaping {
            func word() -> String {
                let from = position
                while !reachedEnd, Parser.isNameByte(current), current != UInt8(ascii: "("), current != UInt8(ascii: ")") { position += 1 }
                return String(decoding: bytes[from..<position], as: UTF8.self)
            }
            skipWhitespace()
            let variable = word()
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw unsupported("a pragma is malformed") }
            position += 1
            skipWhitespace()
            let value = word()
            skipWhitespace()
            try readEnd()
            guard variable == "CONTENT_TYPE", let escaping = Escaping(name: value) else {
                throw unsupported("the pragma '\(variable): \(value)' is not supported")
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
    /// Renders from `value`, with the partials of `library`.
    public func render(_ value: TemplateValue, library: [String: CompiledTemplate]) -> String {
        String(decoding: renderUTF8(value, library: library), as: UTF8.self)
    }

    /// Renders from `value` as UTF-8 bytes (for a file: the text is not decoded again),
    /// into a buffer of `capacity` bytes to start with (a page that inserts 300 KB of
    /// chapters says so, instead of the buffer growing and being copied 5 times).
    /// With `memo` (whose renderings were all made with `library`), a section over a
    /// `SharedValue` reuses the bytes it rendered for another page when everything it read
    /// outside the value is the same here (`RenderMemo`).
    public func renderUTF8(_ value: TemplateValue, library: [String: CompiledTemplate], capacity: Int = 16_384,
                           memo: RenderMemo? = nil) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(capacity)
        var renderer = Renderer(library: library, stack: [value.unshared], memo: memo)
        renderer.render(program, 0..<program.ops.count, escaping: .html, indentation: nil, into: &out)
        memo?.count(hits: renderer.hits)
        return out
    }

    struct Renderer {
        let library: [String: CompiledTemplate]
        var stack: [TemplateValue]
        let memo: RenderMemo?
        /// While a shared value's section is rendered for `memo`: the stack's depth below
        /// its value, and the names looked up below it with what they were.
        var floor: Int?
        var outside: [(name: String, value: TemplateValue?)] = []
        /// The sections reused from `memo`.
        var hits = 0

        init(library: [String: CompiledTemplate], stack: [TemplateValue], memo: RenderMemo? = nil) {
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
                case let .list(items)? where items.isEmpty: render(program, body, escaping: escaping, indentation: indentation, into: &out)
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
                guard let partial = library[program.partials[Int(op.a)]] else { return i + 1 }
                var inner = indentation
                if op.b >= 0 {
                    inner = (indentation ?? []) + UnsafeBufferPointer(rebasing: program.bytes[Int(op.b)..<Int(op.b + op.c)])
                }
                // A partial starts with HTML escaping, as in swift-mustache.
                let target = partial.program
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
