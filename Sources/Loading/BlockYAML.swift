import Diagnostics

/// A reader for the block-YAML subset the tree's files are written in, giving the same
/// `Node` tree (values and positions) as libyaml's events through `YAMLLoader`'s builder,
/// at a fraction of the cost (libyaml's scanner and our event builder were a third of
/// `oae check` at 947 municipalities, issue 13).
///
/// The subset: block mappings of plain keys, block sequences (also at their key's
/// indentation), plain scalars (over several lines too), single- and double-quoted
/// scalars on one line (double-quoted with the escapes `\\ \" \/ \n \t`), literal and
/// folded block scalars with a chomping indicator, and flow sequences of plain words on
/// one line; comments and blank lines anywhere. Anything else — a tab, a CR, a byte
/// order mark, a line break libyaml counts that editors do not (NEL, U+2028, U+2029),
/// a control character, anchors, aliases, tags, directives, document markers, flow
/// mappings, quoted keys, explicit keys, duplicate keys, a scalar on the line after its
/// key, any text libyaml would refuse — makes `read` answer nil, and the caller reads
/// the text with libyaml, which reports exactly as before. `BlockYAMLTests` checks that
/// the two readers give identical trees, node for node and span for span, on every YAML
/// file and front matter of model/, seeds/ and the test fixtures; the fuzz targets
/// (`scripts/fuzz.sh`) compare them on every input they make.
enum BlockYAML {
    /// The root node of `bytes` (a whole YAML text), or nil when the text is outside the
    /// subset. `lineOffset` moves every position down (front matter); `ascii`: every byte
    /// is ASCII (a column is then a byte count, else a count of scalars); nesting deeper
    /// than `maxDepth` is left to libyaml, which reports it.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, file: String, lineOffset: Int, ascii: Bool,
                     maxDepth: Int = YAMLLoader.Limits().maxDepth) -> Node? {
        var reader = Reader(b: bytes, file: file, lineOffset: lineOffset, ascii: ascii, maxDepth: maxDepth)
        return try? reader.document()
    }

    /// Thrown when the text leaves the subset.
    struct Outside: Error {}

    struct Reader {
        let b: UnsafeBufferPointer<UInt8>
        let n: Int
        let file: String
        let lineOffset: Int
        let ascii: Bool
        /// Deeper nesting is left to libyaml, which reports it (`yaml-too-deep`).
        let maxDepth: Int
        /// The cursor, the 0-based line it is on and where that line starts.
        var p = 0
        var line = 0
        var lineStart = 0
        var depth = 0
        /// The pairs and items of the collections being read, moved into arrays of their
        /// exact size when each collection ends (growing an array pair by pair copied and
        /// page-faulted a 144-byte `Pair` several times over).
        let pairStack = Stack<Node.Pair>()
        let itemStack = Stack<Node>()

        init(b: UnsafeBufferPointer<UInt8>, file: String, lineOffset: Int, ascii: Bool, maxDepth: Int) {
            self.maxDepth = maxDepth
            self.b = b
            self.n = b.count
            self.file = file
            self.lineOffset = lineOffset
            self.ascii = ascii
        }

        // MARK: bytes and positions

        @inline(__always) func at(_ i: Int) -> UInt8 { i < n ? b[i] : 0 }
        /// Space, line break or the end of the text.
        @inline(__always) func isBlankZ(_ i: Int) -> Bool { i >= n || b[i] == 0x20 || b[i] == 0x0A }
        @inline(__always) var column: Int { p - lineStart }
        @inline(__always) var atEnd: Bool { p >= n }

        /// The position of byte `i` of the current line.
        func position(_ i: Int) -> SourcePosition {
            position(i, line: line, lineStart: lineStart)
        }

        func position(_ i: Int, line: Int, lineStart: Int) -> SourcePosition {
            var column = i - lineStart
            if !ascii {
                column = 0
                var j = lineStart
                while j < i { if b[j] & 0xC0 != 0x80 { column += 1 }; j += 1 }
            }
            return SourcePosition(line: line + 1 + lineOffset, column: column + 1)
        }

        func span(_ start: SourcePosition, _ end: SourcePosition) -> SourceSpan {
            SourceSpan(file: file, start: start, end: end)
        }

        /// From the cursor to the end of its line: spaces, then nothing or a comment
        /// (after a space, or at the start of the line); then past the line break.
        mutating func finishLine() throws {
            while p < n, b[p] == 0x20 { p += 1 }
            if p < n, b[p] == 0x23 {
                guard p == lineStart || b[p - 1] == 0x20 else { throw Outside() }
                while p < n, b[p] != 0x0A { p += 1 }
            }
            guard p >= n || b[p] == 0x0A else { throw Outside() }
            if p < n { p += 1; line += 1; lineStart = p }
        }

        /// From the start of a line to the first byte of the next line with content (not
        /// blank, not only a comment), or to the end of the text.
        mutating func skipToContent() throws {
            while p < n {
                var i = p
                while i < n, b[i] == 0x20 { i += 1 }
                if i < n, b[i] != 0x0A, b[i] != 0x23 {
                    p = i
                    // Document markers, directives at the line's start.
                    if i == lineStart, b[i] == 0x2D || b[i] == 0x2E || b[i] == 0x25 {
                        if b[i] == 0x25 { throw Outside() }
                        if at(i + 1) == b[i], at(i + 2) == b[i], isBlankZ(i + 3) { throw Outside() }
                    }
                    return
                }
                p = i
                try finishLine()
            }
        }

        // MARK: structure

        mutating func document() throws -> Node {
            try skipToContent()
            guard !atEnd else { throw Outside() }
            let root: Node
            if b[p] == 0x2D, isBlankZ(p + 1) {
                root = try sequence(indentless: false)
            } else {
                root = try mapping()
            }
            guard atEnd else { throw Outside() }
            return root
        }

        /// A block sequence whose first `-` is at the cursor; ends with the cursor on the
        /// next token (or the end).
        mutating func sequence(indentless: Bool) throws -> Node {
            depth += 1
            defer { depth -= 1 }
            guard depth < 64, depth <= maxDepth else { throw Outside() }
            let indent = column
            let start = position(p)
            let first = itemStack.count
            while true {
                // At "- " in column `indent`.
                p += 1
                while p < n, b[p] == 0x20 { p += 1 }
                guard p < n, b[p] != 0x0A, b[p] != 0x23 else { throw Outside() }
                itemStack.push(try inlineValue(parentIndent: indent, inSequence: true))
                if atEnd || column < indent { break }
                guard column == indent else { throw Outside() }
                guard b[p] == 0x2D, isBlankZ(p + 1) else {
                    if indentless { break }
                    throw Outside()
                }
            }
            return Node(.sequence(itemStack.pop(from: first)), span: span(start, position(p)))
        }

        /// A block mapping whose first key is at the cursor; ends with the cursor on the
        /// next token (or the end).
        mutating func mapping() throws -> Node {
            depth += 1
            defer { depth -= 1 }
            guard depth < 64, depth <= maxDepth else { throw Outside() }
            let indent = column
            let start = position(p)
            let first = pairStack.count
            var seen: Set<String>?
            while true {
                let key = try plainKey()
                // The cursor is just after the ':'.
                let afterColon = position(p)
                while p < n, b[p] == 0x20 { p += 1 }
                let value: Node
                if p >= n || b[p] == 0x0A || b[p] == 0x23 {
                    try finishLine()
                    try skipToContent()
                    if !atEnd, column > indent {
                        if b[p] == 0x2D, isBlankZ(p + 1) {
                            value = try sequence(indentless: false)
                        } else {
                            value = try mapping()
                        }
                    } else if !atEnd, column == indent, b[p] == 0x2D, isBlankZ(p + 1) {
                        value = try sequence(indentless: true)
                    } else {
                        value = Node(ScalarResolver.resolve(plain: ""), span: span(afterColon, afterColon))
                    }
                } else {
                    value = try inlineValue(parentIndent: indent, inSequence: false)
                }
                try checkUnique(key, from: first, seen: &seen)
                pairStack.push(Node.Pair(key: key, value: value))
                if atEnd || column < indent { break }
                guard column == indent, !(b[p] == 0x2D && isBlankZ(p + 1)) else { throw Outside() }
            }
            return Node(.mapping(pairStack.pop(from: first)), span: span(start, position(p)))
        }

        /// Refuses a key met before in the mapping whose pairs start at `first` on the stack
        /// (libyaml's path reports it): searched below 16 pairs, then in a set.
        func checkUnique(_ key: Node, from first: Int, seen: inout Set<String>?) throws {
            let text = key.keyText
            if seen != nil {
                guard seen!.insert(text).inserted else { throw Outside() }
                return
            }
            let found = pairStack.withElements(from: first) { pairs -> Bool in
                for i in 0..<pairs.count where pairs[i].key.isKey(text) { return true }
                return false
            }
            if found { throw Outside() }
            if pairStack.count - first >= 15 {
                var all = Set<String>(minimumCapacity: 32)
                pairStack.withElements(from: first) { pairs in for i in 0..<pairs.count { all.insert(pairs[i].key.keyText) } }
                all.insert(text)
                seen = all
            }
        }

        /// A plain key on one line, up to its `:` (followed by a space or the line's end);
        /// leaves the cursor after the `:`.
        mutating func plainKey() throws -> Node {
            let start = p
            guard startsPlain(p) else { throw Outside() }
            var end = p
            var i = p
            while true {
                guard i < n, b[i] != 0x0A else { throw Outside() }
                let c = b[i]
                if c == 0x3A, isBlankZ(i + 1) { break }
                if c == 0x23, i > start, b[i - 1] == 0x20 { throw Outside() }
                if c != 0x20 { end = i + 1 }
                i += 1
            }
            guard end - start < 1000 else { throw Outside() }
            let startPosition = position(start)
            let endPosition = position(end)
            p = i + 1
            let text = NFC.normalize(UnsafeBufferPointer(rebasing: b[start..<end]))
            return Node(ScalarResolver.resolve(plain: text), span: span(startPosition, endPosition))
        }

        /// Whether a plain scalar may start at `i` (block context), within the subset.
        func startsPlain(_ i: Int) -> Bool {
            guard i < n else { return false }
            switch b[i] {
            case 0x2D: return !isBlankZ(i + 1) // "-5"
            case 0x3F, 0x3A, 0x2C, 0x5B, 0x5D, 0x7B, 0x7D, 0x23, 0x26, 0x2A, 0x21, 0x7C, 0x3E,
                 0x27, 0x22, 0x25, 0x40, 0x60, 0x20, 0x0A:
                return false
            default: return true
            }
        }

        /// The value that starts at the cursor on the line of its key or `- `; ends with
        /// the cursor on the next token (or the end).
        mutating func inlineValue(parentIndent: Int, inSequence: Bool) throws -> Node {
            switch b[p] {
            case 0x27: // '
                let node = try singleQuoted()
                try finishLine(); try skipToContent()
                try checkNoDeeper(parentIndent)
                return node
            case 0x22: // "
                let node = try doubleQuoted()
                try finishLine(); try skipToContent()
                try checkNoDeeper(parentIndent)
                return node
            case 0x7C, 0x3E: // | >
                return try blockScalar(parentIndent: parentIndent)
            case 0x5B: // [
                let node = try flowSequence()
                try finishLine(); try skipToContent()
                try checkNoDeeper(parentIndent)
                return node
            default:
                guard startsPlain(p) else { throw Outside() }
                if inSequence, lineHasKey(from: p) { return try mapping() }
                return try plainScalar(parentIndent: parentIndent)
            }
        }

        /// After a value, the next token may not be more indented than the collection.
        func checkNoDeeper(_ indent: Int) throws {
            if !atEnd, column > indent { throw Outside() }
        }

        /// Whether the rest of the line holds `: ` or ends with `:` before any comment.
        func lineHasKey(from start: Int) -> Bool {
            var i = start
            while i < n, b[i] != 0x0A {
                if b[i] == 0x3A, isBlankZ(i + 1) { return true }
                if b[i] == 0x23, i > start, b[i - 1] == 0x20 { return false }
                i += 1
            }
            return false
        }

        // MARK: scalars

        /// A plain scalar from the cursor, with its continuation lines (more indented than
        /// `parentIndent`), folded as YAML folds them.
        mutating func plainScalar(parentIndent: Int) throws -> Node {
            let start = position(p)
            // The first line's part; the folded text is made only for a scalar of several lines.
            var single = (p, p)
            var joined: [UInt8]?
            var endPosition = start
            var emptyLines = 0
            var first = true
            while true {
                // One line's part of the scalar, from p.
                let segmentStart = p
                var end = p
                var comment = false
                while p < n, b[p] != 0x0A {
                    let c = b[p]
                    if c == 0x3A, isBlankZ(p + 1) { throw Outside() }
                    if c == 0x23, p > segmentStart, b[p - 1] == 0x20 { comment = true; break }
                    if c != 0x20 { end = p + 1 }
                    p += 1
                }
                if first {
                    single = (segmentStart, end)
                    first = false
                } else {
                    if joined == nil { joined = Array(UnsafeBufferPointer(rebasing: b[single.0..<single.1])) }
                    if emptyLines == 0 { joined!.append(0x20) } else { for _ in 0..<emptyLines { joined!.append(0x0A) } }
                    joined!.append(contentsOf: UnsafeBufferPointer(rebasing: b[segmentStart..<end]))
                }
                endPosition = position(end)
                if comment {
                    try finishLine(); try skipToContent()
                    try checkNoDeeper(parentIndent)
                    break
                }
                try finishLine()
                // Continuation: blank lines, then a line more indented than the parent.
                emptyLines = 0
                var next = p, nextLine = line, nextStart = lineStart
                var found = false
                while next < n {
                    var i = next
                    while i < n, b[i] == 0x20 { i += 1 }
                    if i < n, b[i] != 0x0A {
                        found = i - next > parentIndent && b[i] != 0x23
                        break
                    }
                    if i >= n { break }
                    emptyLines += 1
                    next = i + 1; nextLine += 1; nextStart = next
                }
                if !found {
                    try skipToContent()
                    try checkNoDeeper(parentIndent)
                    break
                }
                p = next; line = nextLine; lineStart = nextStart
                while b[p] == 0x20 { p += 1 }
                if p == lineStart, b[p] == 0x2D || b[p] == 0x2E {
                    if at(p + 1) == b[p], at(p + 2) == b[p], isBlankZ(p + 3) { throw Outside() }
                }
            }
            let text = joined.map { $0.withUnsafeBufferPointer { NFC.normalize($0) } }
                ?? NFC.normalize(UnsafeBufferPointer(rebasing: b[single.0..<single.1]))
            return Node(ScalarResolver.resolve(plain: text), span: span(start, endPosition))
        }

        /// A single-quoted scalar on one line; leaves the cursor after the closing quote.
        mutating func singleQuoted() throws -> Node {
            let start = position(p)
            p += 1
            var i = p
            var simple = true
            while true {
                guard i < n, b[i] != 0x0A else { throw Outside() }
                if b[i] == 0x27 {
                    if at(i + 1) == 0x27 { simple = false; i += 2; continue }
                    break
                }
                i += 1
            }
            let text: String
            if simple {
                text = NFC.normalize(UnsafeBufferPointer(rebasing: b[p..<i]))
            } else {
                var bytes: [UInt8] = []
                var j = p
                while j < i {
                    bytes.append(b[j])
                    j += b[j] == 0x27 ? 2 : 1
                }
                text = bytes.withUnsafeBufferPointer { NFC.normalize($0) }
            }
            p = i + 1
            return Node(.string(text), span: span(start, position(p)))
        }

        /// A double-quoted scalar on one line with the escapes `\\ \" \/ \n \t`; leaves
        /// the cursor after the closing quote.
        mutating func doubleQuoted() throws -> Node {
            let start = position(p)
            p += 1
            var bytes: [UInt8] = []
            var i = p
            var simple = true
            while true {
                guard i < n, b[i] != 0x0A else { throw Outside() }
                let c = b[i]
                if c == 0x22 { break }
                if c == 0x5C {
                    let e: UInt8
                    switch at(i + 1) {
                    case 0x5C: e = 0x5C
                    case 0x22: e = 0x22
                    case 0x2F: e = 0x2F
                    case 0x6E: e = 0x0A
                    case 0x74: e = 0x09
                    default: throw Outside()
                    }
                    if simple { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[p..<i])); simple = false }
                    bytes.append(e)
                    i += 2
                    continue
                }
                if !simple { bytes.append(c) }
                i += 1
            }
            let text = simple
                ? NFC.normalize(UnsafeBufferPointer(rebasing: b[p..<i]))
                : bytes.withUnsafeBufferPointer { NFC.normalize($0) }
            p = i + 1
            return Node(.string(text), span: span(start, position(p)))
        }

        /// A flow sequence of plain words on one line (`[mo, tu, we]`); leaves the cursor
        /// after the `]`.
        mutating func flowSequence() throws -> Node {
            let start = position(p)
            p += 1
            let first = itemStack.count
            while p < n, b[p] == 0x20 { p += 1 }
            if at(p) == 0x5D {
                p += 1
                return Node(.sequence([]), span: span(start, position(p)))
            }
            while true {
                while p < n, b[p] == 0x20 { p += 1 }
                let itemStart = p
                guard p < n, startsPlain(p), b[p] != 0x2D else { throw Outside() }
                var end = p
                while p < n {
                    let c = b[p]
                    if c == 0x2C || c == 0x5D { break }
                    switch c {
                    case 0x0A, 0x3A, 0x23, 0x5B, 0x7B, 0x7D, 0x27, 0x22, 0x3F: throw Outside()
                    default: break
                    }
                    if c != 0x20 { end = p + 1 }
                    p += 1
                }
                guard p < n else { throw Outside() }
                let text = NFC.normalize(UnsafeBufferPointer(rebasing: b[itemStart..<end]))
                itemStack.push(Node(ScalarResolver.resolve(plain: text), span: span(position(itemStart), position(end))))
                if b[p] == 0x5D { p += 1; break }
                p += 1 // ,
                while p < n, b[p] == 0x20 { p += 1 }
                guard p < n, b[p] != 0x5D else { throw Outside() } // a trailing comma
            }
            return Node(.sequence(itemStack.pop(from: first)), span: span(start, position(p)))
        }

        /// A literal (`|`) or folded (`>`) block scalar, with an optional chomping
        /// indicator and no indentation indicator; ends with the cursor on the next token.
        mutating func blockScalar(parentIndent: Int) throws -> Node {
            let literal = b[p] == 0x7C
            let start = position(p)
            p += 1
            var chomping = 0 // -1 strip, 0 clip, 1 keep
            if at(p) == 0x2D { chomping = -1; p += 1 } else if at(p) == 0x2B { chomping = 1; p += 1 }
            guard p >= n || b[p] == 0x20 || b[p] == 0x0A else { throw Outside() }
            try finishLine()
            // The lines: leading empty ones, then the first content line sets the indentation.
            var leadingSpaces = 0
            var i = p
            var indent = -1
            while i < n {
                var j = i
                while j < n, b[j] == 0x20 { j += 1 }
                if j < n, b[j] != 0x0A { indent = j - i; break }
                leadingSpaces = max(leadingSpaces, j - i)
                if j >= n { break }
                i = j + 1
            }
            guard indent > parentIndent, indent >= 1, leadingSpaces <= indent else { throw Outside() }
            var out: [UInt8] = []
            var pendingBreaks = 0 // empty lines since the last content line
            var haveContent = false
            var lastLineSpaces = false
            // Lines from p: each either empty, content (indented by `indent` or more), or
            // the end (a less indented line with text, or the end of the text).
            while p < n {
                var j = p
                while j < n, j - p < indent, b[j] == 0x20 { j += 1 }
                if j >= n { lastLineSpaces = true; break } // spaces then the end of the text
                if b[j] == 0x0A {
                    pendingBreaks += 1
                    p = j + 1; line += 1; lineStart = p
                    continue
                }
                if j - p < indent { break } // less indented text: the end
                // A content line.
                var e = j
                while e < n, b[e] != 0x0A { e += 1 }
                guard e < n else { throw Outside() } // no line break after the last line
                if b[j] == 0x20 {
                    // More indented: spaces only are a content line libyaml keeps; folding
                    // treats such lines apart. Left to libyaml.
                    throw Outside()
                }
                if haveContent {
                    if literal || pendingBreaks > 0 {
                        if literal { out.append(0x0A) }
                        for _ in 0..<pendingBreaks { out.append(0x0A) }
                    } else {
                        out.append(0x20)
                    }
                } else {
                    for _ in 0..<pendingBreaks { out.append(0x0A) }
                }
                pendingBreaks = 0
                haveContent = true
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[j..<e]))
                p = e + 1; line += 1; lineStart = p
            }
            guard haveContent else { throw Outside() }
            if chomping >= 0 { out.append(0x0A) }
            if chomping == 1 { for _ in 0..<pendingBreaks { out.append(0x0A) } }
            // libyaml's end mark: the start of the line after the last line break it read.
            let endPosition = position(p)
            if lastLineSpaces { p = n }
            let text = out.withUnsafeBufferPointer { NFC.normalize($0) }
            // The cursor is at the start of a line (or the end): on to the next token.
            let node = Node(.string(text), span: span(start, endPosition))
            try skipToContent()
            try checkNoDeeper(parentIndent)
            return node
        }
    }

    /// A stack of values in one buffer; `pop(from:)` moves the top values into an array of
    /// their exact number. Values left when the reader gives up are freed with the stack.
    final class Stack<Element> {
        private var base: UnsafeMutablePointer<Element>
        private var capacity: Int
        private(set) var count = 0

        init(capacity: Int = 64) {
            self.capacity = capacity
            base = .allocate(capacity: capacity)
        }

        deinit {
            base.deinitialize(count: count)
            base.deallocate()
        }

        func push(_ value: Element) {
            if count == capacity {
                let bigger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
                bigger.moveInitialize(from: base, count: count)
                base.deallocate()
                base = bigger
                capacity *= 2
            }
            (base + count).initialize(to: value)
            count += 1
        }

        /// The values from index `start` to the top, moved out (the stack ends at `start`).
        func pop(from start: Int) -> [Element] {
            let k = count - start
            guard k > 0 else { return [] }
            let values = [Element](unsafeUninitializedCapacity: k) { buffer, initialized in
                buffer.baseAddress!.moveInitialize(from: base + start, count: k)
                initialized = k
            }
            count = start
            return values
        }

        func withElements<R>(from start: Int, _ body: (UnsafeBufferPointer<Element>) -> R) -> R {
            body(UnsafeBufferPointer(start: base + start, count: count - start))
        }
    }
}
