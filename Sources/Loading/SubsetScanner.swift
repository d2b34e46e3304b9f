import CYaml

/// One event of a YAML parse as the loader's builder takes it: libyaml's (`yaml_event_t`,
/// read in place) or `SubsetScanner`'s. `start` and `end` are Unicode scalar indexes from
/// the start of the text, as the `index` of libyaml's marks.
struct ParseEvent {
    enum Kind {
        case documentStart, scalar, alias, sequenceStart, mappingStart, sequenceEnd, mappingEnd, other
    }

    var kind: Kind
    var start: Int
    var end: Int
    /// A scalar's value (UTF-8), valid while the event's source is.
    var value = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    /// A scalar written plain (not quoted, not a block scalar): its type comes from its text.
    var plain = false
    /// A collection written in brackets.
    var flow = false
    var tag: UnsafePointer<UInt8>?
    /// A node's anchor, or an alias's.
    var anchor: UnsafePointer<UInt8>?

    init(kind: Kind, start: Int, end: Int) {
        self.kind = kind
        self.start = start
        self.end = end
    }

    /// libyaml's event, its strings read in place (valid until `yaml_event_delete`).
    init(_ e: yaml_event_t) {
        self.init(kind: .other, start: Int(e.start_mark.index), end: Int(e.end_mark.index))
        switch e.type {
        case YAML_DOCUMENT_START_EVENT:
            kind = .documentStart
        case YAML_SCALAR_EVENT:
            kind = .scalar
            let s = e.data.scalar
            value = UnsafeBufferPointer(start: s.value, count: Int(s.length))
            plain = s.style == YAML_PLAIN_SCALAR_STYLE
            tag = s.tag.map { UnsafePointer($0) }
            anchor = s.anchor.map { UnsafePointer($0) }
        case YAML_ALIAS_EVENT:
            kind = .alias
            anchor = e.data.alias.anchor.map { UnsafePointer($0) }
        case YAML_SEQUENCE_START_EVENT:
            kind = .sequenceStart
            let d = e.data.sequence_start
            flow = d.style == YAML_FLOW_SEQUENCE_STYLE
            tag = d.tag.map { UnsafePointer($0) }
            anchor = d.anchor.map { UnsafePointer($0) }
        case YAML_MAPPING_START_EVENT:
            kind = .mappingStart
            let d = e.data.mapping_start
            flow = d.style == YAML_FLOW_MAPPING_STYLE
            tag = d.tag.map { UnsafePointer($0) }
            anchor = d.anchor.map { UnsafePointer($0) }
        case YAML_SEQUENCE_END_EVENT:
            kind = .sequenceEnd
        case YAML_MAPPING_END_EVENT:
            kind = .mappingEnd
        default:
            break
        }
    }
}

/// Reads the subset of YAML the tree's files are written in, a line at a time, into the
/// events libyaml's parser would give for the same text, positions included; any text
/// outside the subset is declined (`events()` is nil) and goes to libyaml whole, which
/// also tells every syntax error. libyaml's scanner spent 43 to 99 instructions a byte
/// of input, a quarter of `oae check` (issue 13).
///
/// The subset, one document whose root is a block mapping or sequence at column 0:
/// - block mappings whose keys are plain words (`[A-Za-z0-9_$][A-Za-z0-9_.-]*`) followed by
///   `:` and a space or the line's end; block sequences (`- `), their items' mappings
///   compact (`- id: x`), a mapping's sequence at its own column (indentless) or deeper;
///   a key with nothing after it is null unless a deeper line or a `- ` line follows;
/// - one-line values: plain scalars (no `: `, no ` #`, no `:` at the end, starting with a
///   letter, a digit, a non-ASCII character, one of `( . / + ~ $ _`, or `-` before a
///   digit), double-quoted scalars without `\`, sequences in brackets of such plain
///   scalars (no `:`, `#`, quotes or brackets in them, no comma before `]`);
/// - block scalars (`>`, `|`, with `-` or `+`; no indentation indicator or comment on
///   their line) whose lines all start at the first one's column, with empty lines
///   between them but none before the first, and no line of spaces alone;
/// - empty lines and lines of comments alone; no tab, carriage return, NEL, line or
///   paragraph separator, byte-order mark or control character anywhere, no `---` or
///   `...` at the start of a line, no anchor, alias, tag, flow mapping or single quote.
///
/// The events' positions follow libyaml 0.2.5's marks (`scanner.c`, `parser.c`): a
/// scalar from its first character (a quote, a block scalar's `>`) to after its last
/// (a plain one's last non-space; a block scalar's end is the start of the line after
/// its last line, empty lines included); a block collection from its first key or `-`
/// to the first character of the next token (the end of the text at its end); a null
/// value at the end of its key's `:`. `SubsetScannerTests` compares both ways of loading
/// (nodes, positions, messages) on texts of every construct and edge of the subset, the
/// example tree, mutations of its files and random texts; the YAML fuzz target on the
/// texts it makes.
struct SubsetScanner {
    private let p: UnsafeBufferPointer<UInt8>
    private let n: Int
    /// The block scalars' values, folded: never longer than the text.
    private let scratch: Scratch
    private var used = 0
    private var out: [ParseEvent] = []
    /// The next line's first byte, and its Unicode scalar index.
    private var pos = 0
    private var posChar = 0
    /// The last byte whose Unicode scalar index `char` counted, and that index.
    private var counted = (byte: -1, char: 0)

    final class Scratch {
        let base: UnsafeMutablePointer<UInt8>
        init(_ count: Int) { base = .allocate(capacity: count) }
        deinit { base.deallocate() }
    }

    /// A line of the text: its bytes `start..<end` (without the line break).
    struct Line {
        var start: Int
        var end: Int
        var startChar: Int
        /// Unicode scalars in the line.
        var chars: Int
        var ascii: Bool
        /// Spaces before the first other character (`end - start` for a line of spaces).
        var indent: Int
        var isBlank: Bool { indent == end - start }
    }

    /// An open block collection.
    struct Open {
        var mapping: Bool
        var column: Int
        /// A sequence at its mapping's column (`key:` then `- item` lines).
        var indentless: Bool
    }

    /// `text`: valid UTF-8 (the loader's; the characters YAML refuses were refused before).
    init(_ text: UnsafeBufferPointer<UInt8>) {
        p = text
        n = text.count
        scratch = Scratch(text.count + 1)
    }

    /// The events of the text, or nil when it is not written in the subset. A block
    /// scalar's value is in the scanner's buffer: the events are valid while the scanner
    /// lives (`withExtendedLifetime`).
    mutating func events() -> [ParseEvent]? {
        out.reserveCapacity(n / 16 + 4)
        out.append(ParseEvent(kind: .documentStart, start: 0, end: 0))
        var stack: [Open] = []
        // A key with nothing after it on its line: the end of its ':' and its mapping's column.
        var pending: (colonEnd: Int, column: Int)?
        var rooted = false
        while pos < n {
            guard let line = nextLine() else { return nil }
            if line.isBlank || p[line.start + line.indent] == UInt8(ascii: "#") { continue }
            let col = line.indent, c = line.start + col
            let mark = line.startChar + col
            if col == 0, line.end - line.start >= 3,
               (p[c] == UInt8(ascii: "-") && p[c + 1] == UInt8(ascii: "-") && p[c + 2] == UInt8(ascii: "-"))
                || (p[c] == UInt8(ascii: ".") && p[c + 1] == UInt8(ascii: ".") && p[c + 2] == UInt8(ascii: ".")) {
                return nil
            }
            let isItem = p[c] == UInt8(ascii: "-") && (c + 1 == line.end || p[c + 1] == UInt8(ascii: " "))
            if let open = pending {
                pending = nil
                if col > open.column || (col == open.column && isItem) {
                    guard self.open(line, at: c, indentless: col == open.column, into: &stack, pending: &pending) else { return nil }
                    continue
                }
                out.append(emptyScalar(at: open.colonEnd))
            }
            while let top = stack.last, top.column > col || (top.indentless && top.column == col && !isItem) {
                out.append(ParseEvent(kind: top.mapping ? .mappingEnd : .sequenceEnd, start: mark, end: mark))
                stack.removeLast()
            }
            guard let top = stack.last else {
                guard !rooted, col == 0 else { return nil }
                rooted = true
                guard self.open(line, at: c, indentless: false, into: &stack, pending: &pending) else { return nil }
                continue
            }
            guard top.column == col, top.mapping != isItem else { return nil }
            if isItem {
                guard item(line, at: c, into: &stack, pending: &pending) else { return nil }
            } else {
                guard key(line, at: c, column: col, pending: &pending) else { return nil }
            }
        }
        guard rooted else { return nil }
        if let open = pending { out.append(emptyScalar(at: open.colonEnd)) }
        while let top = stack.popLast() {
            out.append(ParseEvent(kind: top.mapping ? .mappingEnd : .sequenceEnd, start: posChar, end: posChar))
        }
        return out
    }

    // MARK: Lines

    /// The line at `pos`, which moves past it and its break; nil for a byte outside the subset.
    private mutating func nextLine() -> Line? {
        guard let line = peekLine() else { return nil }
        consume(line)
        return line
    }

    private mutating func consume(_ line: Line) {
        pos = line.end < n ? line.end + 1 : n
        posChar = line.startChar + line.chars + (line.end < n ? 1 : 0)
    }

    /// The line at `pos`, or nil when it holds a byte outside the subset: a control
    /// character (tab and CR included), DEL, a C1 control (NEL included), U+2028, U+2029,
    /// U+FEFF, U+FFFE or U+FFFF.
    private func peekLine() -> Line? {
        var i = pos
        while i < n, p[i] == 0x20 { i += 1 }
        let indent = i - pos
        var continuations = 0
        var ascii = true
        let base = UnsafeRawPointer(p.baseAddress!)
        while i < n {
            // Eight bytes at a time while they are printable ASCII (most of a text).
            while i + 8 <= n, !SWAR.hasOtherThanPrintableASCII(base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                i += 8
            }
            guard i < n else { break }
            let b = p[i]
            if b < 0x80 {
                if b == 0x0A { break }
                if b < 0x20 || b == 0x7F { return nil }
                i += 1
                continue
            }
            ascii = false
            if b & 0xC0 == 0x80 {
                continuations += 1
            } else if b == 0xC2 {
                if i + 1 < n, p[i + 1] < 0xA0 { return nil }
            } else if b == 0xE2 {
                if i + 2 < n, p[i + 1] == 0x80, p[i + 2] == 0xA8 || p[i + 2] == 0xA9 { return nil }
            } else if b == 0xEF {
                if i + 2 < n, (p[i + 1] == 0xBB && p[i + 2] == 0xBF) || (p[i + 1] == 0xBF && p[i + 2] >= 0xBE) { return nil }
            }
            i += 1
        }
        return Line(start: pos, end: i, startChar: posChar, chars: i - pos - continuations, ascii: ascii, indent: indent)
    }

    /// The Unicode scalar index of the byte at `b` of `line` (the start of a character).
    /// In a line with other characters than ASCII, counted on from the last byte asked
    /// for when it is on the line before `b`: a line's places are asked in order, and
    /// counting each from the line's start made a long line of many values quadratic.
    private mutating func char(_ b: Int, _ line: Line) -> Int {
        if line.ascii { return line.startChar + b - line.start }
        var (from, count) = (line.start, line.startChar)
        if counted.byte >= line.start, counted.byte <= b { (from, count) = counted }
        for i in from..<b where p[i] & 0xC0 != 0x80 { count += 1 }
        counted = (b, count)
        return count
    }

    // MARK: Structure

    private func emptyScalar(at index: Int) -> ParseEvent {
        var event = ParseEvent(kind: .scalar, start: index, end: index)
        event.plain = true
        return event
    }

    /// Opens the collection whose first line is `line`, its content at `c`.
    private mutating func open(_ line: Line, at c: Int, indentless: Bool, into stack: inout [Open],
                               pending: inout (colonEnd: Int, column: Int)?) -> Bool {
        let col = c - line.start, mark = line.startChar + col
        if p[c] == UInt8(ascii: "-"), c + 1 == line.end || p[c + 1] == UInt8(ascii: " ") {
            // libyaml starts an indentless sequence at its first '-' token, which ends after
            // the '-' (the end of a `yaml-too-deep` there), and a deeper one at the place of
            // its indentation (an empty token).
            out.append(ParseEvent(kind: .sequenceStart, start: mark, end: indentless ? mark + 1 : mark))
            stack.append(Open(mapping: false, column: col, indentless: indentless))
            return item(line, at: c, into: &stack, pending: &pending)
        }
        guard !indentless, isKey(line, at: c) else { return false }
        out.append(ParseEvent(kind: .mappingStart, start: mark, end: mark))
        stack.append(Open(mapping: true, column: col, indentless: false))
        return key(line, at: c, column: col, pending: &pending)
    }

    /// A sequence's item: `-` at `d`.
    private mutating func item(_ line: Line, at d: Int, into stack: inout [Open],
                               pending: inout (colonEnd: Int, column: Int)?) -> Bool {
        var v = d + 1
        while v < line.end, p[v] == UInt8(ascii: " ") { v += 1 }
        guard v < line.end else { return false }
        if isKey(line, at: v) {
            let col = v - line.start, mark = char(v, line)
            out.append(ParseEvent(kind: .mappingStart, start: mark, end: mark))
            stack.append(Open(mapping: true, column: col, indentless: false))
            return key(line, at: v, column: col, pending: &pending)
        }
        return value(line, at: v, blockIndent: nil)
    }

    private static func isWordByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "_")
    }

    /// A key's first byte: a word's, or `$` (JSON Schema's `$ref`, `$defs`).
    private static func isKeyStart(_ b: UInt8) -> Bool {
        isWordByte(b) || b == UInt8(ascii: "$")
    }

    private static func isKeyByte(_ b: UInt8) -> Bool {
        isKeyStart(b) || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
    }

    /// The end of the key at `k` (the index of its ':'), when a key starts there.
    private func keyEnd(_ line: Line, at k: Int) -> Int? {
        guard Self.isKeyStart(p[k]) else { return nil }
        var i = k + 1
        while i < line.end, Self.isKeyByte(p[i]) { i += 1 }
        guard i < line.end, p[i] == UInt8(ascii: ":"), i + 1 == line.end || p[i + 1] == UInt8(ascii: " "),
              i - k <= 1000 else { return nil }
        return i
    }

    private func isKey(_ line: Line, at k: Int) -> Bool { keyEnd(line, at: k) != nil }

    /// A key at `k` of the mapping at `column`, and its value.
    private mutating func key(_ line: Line, at k: Int, column: Int, pending: inout (colonEnd: Int, column: Int)?) -> Bool {
        guard let colon = keyEnd(line, at: k) else { return false }
        var key = ParseEvent(kind: .scalar, start: char(k, line), end: char(colon, line))
        key.value = UnsafeBufferPointer(rebasing: p[k..<colon])
        key.plain = true
        out.append(key)
        var v = colon + 1
        while v < line.end, p[v] == UInt8(ascii: " ") { v += 1 }
        if v == line.end {
            pending = (char(colon + 1, line), column)
            return true
        }
        return value(line, at: v, blockIndent: column)
    }

    // MARK: Values

    /// A value at `v`, the rest of its line. `blockIndent`: the column of the mapping whose
    /// key it follows (a block scalar's lines are deeper), nil after `- `.
    private mutating func value(_ line: Line, at v: Int, blockIndent: Int?) -> Bool {
        switch p[v] {
        case UInt8(ascii: "\""):
            var q = v + 1
            while q < line.end, p[q] != UInt8(ascii: "\"") {
                if p[q] == UInt8(ascii: "\\") { return false }
                q += 1
            }
            guard q < line.end, restIsSpaces(line, from: q + 1) else { return false }
            var event = ParseEvent(kind: .scalar, start: char(v, line), end: char(q + 1, line))
            event.value = UnsafeBufferPointer(rebasing: p[(v + 1)..<q])
            out.append(event)
            return true
        case UInt8(ascii: "["):
            return flowSequence(line, at: v)
        case UInt8(ascii: ">"), UInt8(ascii: "|"):
            guard let blockIndent else { return false }
            return blockScalar(line, at: v, parentIndent: blockIndent)
        default:
            guard isPlainStart(line, at: v) else { return false }
            // A `: ` or a ` #` ends a plain scalar: the line's rest is read eight bytes at a
            // time while it has neither ':' nor '#'.
            let base = UnsafeRawPointer(p.baseAddress!)
            var i = v + 1
            while i < line.end {
                if i + 8 <= line.end, !SWAR.hasColonOrHash(base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                    i += 8
                    continue
                }
                let b = p[i]
                if b == UInt8(ascii: ":") {
                    if i + 1 == line.end || p[i + 1] == UInt8(ascii: " ") { return false }
                } else if b == UInt8(ascii: "#"), p[i - 1] == UInt8(ascii: " ") {
                    return false
                }
                i += 1
            }
            // The scalar ends at its last character other than a space.
            var last = line.end
            while p[last - 1] == UInt8(ascii: " ") { last -= 1 }
            var event = ParseEvent(kind: .scalar, start: char(v, line), end: char(last, line))
            event.value = UnsafeBufferPointer(rebasing: p[v..<last])
            event.plain = true
            out.append(event)
            return true
        }
    }

    private func restIsSpaces(_ line: Line, from i: Int) -> Bool {
        var i = i
        while i < line.end {
            if p[i] != UInt8(ascii: " ") { return false }
            i += 1
        }
        return true
    }

    /// Whether a plain scalar of the subset may start at `v`.
    private func isPlainStart(_ line: Line, at v: Int) -> Bool {
        let b = p[v]
        if b >= 0x80 || Self.isWordByte(b) { return true }
        switch b {
        case UInt8(ascii: "("), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "+"), UInt8(ascii: "~"), UInt8(ascii: "$"):
            return true
        case UInt8(ascii: "-"):
            return v + 1 < line.end && p[v + 1] >= UInt8(ascii: "0") && p[v + 1] <= UInt8(ascii: "9")
        default:
            return false
        }
    }

    /// `[a, b, c]` at `v`, the rest of its line.
    private mutating func flowSequence(_ line: Line, at v: Int) -> Bool {
        let open = char(v, line)
        out.append({ var e = ParseEvent(kind: .sequenceStart, start: open, end: open + 1); e.flow = true; return e }())
        var i = v + 1
        while i < line.end, p[i] == UInt8(ascii: " ") { i += 1 }
        if i < line.end, p[i] == UInt8(ascii: "]") {
            i += 1
        } else {
            while true {
                guard i < line.end, isPlainStart(line, at: i) else { return false }
                let s = i
                var last = i + 1
                i += 1
                while i < line.end {
                    let b = p[i]
                    if b == UInt8(ascii: ",") || b == UInt8(ascii: "]") { break }
                    switch b {
                    case UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ":"), UInt8(ascii: "#"),
                         UInt8(ascii: "\""), UInt8(ascii: "'"):
                        return false
                    default:
                        break
                    }
                    if b != UInt8(ascii: " ") { last = i + 1 }
                    i += 1
                }
                guard i < line.end else { return false }
                var item = ParseEvent(kind: .scalar, start: char(s, line), end: char(last, line))
                item.value = UnsafeBufferPointer(rebasing: p[s..<last])
                item.plain = true
                out.append(item)
                if p[i] == UInt8(ascii: "]") {
                    i += 1
                    break
                }
                i += 1
                while i < line.end, p[i] == UInt8(ascii: " ") { i += 1 }
                guard i < line.end, p[i] != UInt8(ascii: "]") else { return false }
            }
        }
        guard restIsSpaces(line, from: i) else { return false }
        out.append(ParseEvent(kind: .sequenceEnd, start: char(i - 1, line), end: char(i, line)))
        return true
    }

    /// A block scalar whose indicator is at `v`, its lines below (deeper than `parentIndent`).
    private mutating func blockScalar(_ line: Line, at v: Int, parentIndent: Int) -> Bool {
        let literal = p[v] == UInt8(ascii: "|")
        var i = v + 1
        var chomping = 0
        if i < line.end, p[i] == UInt8(ascii: "-") { chomping = -1; i += 1 } else if i < line.end, p[i] == UInt8(ascii: "+") { chomping = 1; i += 1 }
        guard i == line.end, line.end < n else { return false }
        let start = char(v, line)
        let first = used
        var indent = -1
        var blanks = 0
        var lastBroke = false
        while pos < n {
            guard let next = peekLine() else { return false }
            if next.start == next.end {
                guard indent >= 0 else { return false }
                blanks += 1
                consume(next)
                continue
            }
            guard !next.isBlank else { return false }
            if indent < 0 {
                guard next.indent > parentIndent else { return false }
                indent = next.indent
            } else {
                if next.indent < indent { break }
                if used > first {
                    if literal {
                        append(UInt8(ascii: "\n"), count: 1 + blanks)
                    } else if blanks == 0 {
                        append(UInt8(ascii: " "), count: 1)
                    } else {
                        append(UInt8(ascii: "\n"), count: blanks)
                    }
                }
            }
            guard next.indent == indent else { return false }
            let from = next.start + indent
            (scratch.base + used).initialize(from: p.baseAddress! + from, count: next.end - from)
            used += next.end - from
            lastBroke = next.end < n
            blanks = 0
            consume(next)
        }
        guard indent >= 0 else { return false }
        if chomping != -1, lastBroke { append(UInt8(ascii: "\n"), count: 1) }
        if chomping == 1 { append(UInt8(ascii: "\n"), count: blanks) }
        var event = ParseEvent(kind: .scalar, start: start, end: posChar)
        event.value = UnsafeBufferPointer(start: scratch.base + first, count: used - first)
        out.append(event)
        return true
    }

    private mutating func append(_ byte: UInt8, count: Int) {
        (scratch.base + used).initialize(repeating: byte, count: count)
        used += count
    }
}

/// Tests of eight bytes at once (a little-endian word), each exact for whether any byte
/// is one sought (Sean Eron Anderson's "Bit Twiddling Hacks": `haszero`, `hasless`).
enum SWAR {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether any byte of `w` is 0.
    @inline(__always) static func hasZero(_ w: UInt64) -> Bool {
        (w &- ones) & ~w & highs != 0
    }

    /// Whether any byte of `w` is `byte`.
    @inline(__always) static func has(_ w: UInt64, _ byte: UInt8) -> Bool {
        hasZero(w ^ (ones &* UInt64(byte)))
    }

    /// Whether any byte of `w` is not printable ASCII: 0x80 or more, below 0x20 (a line
    /// break, a tab, a control), or DEL.
    @inline(__always) static func hasOtherThanPrintableASCII(_ w: UInt64) -> Bool {
        let w = UInt64(littleEndian: w)
        return (w | ((w &- ones &* 0x20) & ~w)) & highs != 0 || has(w, 0x7F)
    }

    /// Whether any byte of `w` is ':' or '#'.
    @inline(__always) static func hasColonOrHash(_ w: UInt64) -> Bool {
        has(w, UInt8(ascii: ":")) || has(w, UInt8(ascii: "#"))
    }
}
