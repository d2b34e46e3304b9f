import CCmarkGFM
import CYaml
import Diagnostics
import Foundation

/// The binary form of what the loader made of a file (`Node`, `MarkdownDocument`, spans),
/// for the load store under `output/.cache/` (`LoadStore`): unsigned integers as LEB128
/// varints, signed ones zigzagged, doubles as their IEEE 754 bits, texts as their UTF-8
/// bytes after their count. Spans are written without their file: every span of a file's
/// result is in that file, and the reader gives them the file it reads the result for.
public struct BinaryWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func unsigned(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    public mutating func int(_ value: Int) {
        unsigned(UInt64(bitPattern: Int64((value << 1) ^ (value >> (Int.bitWidth - 1)))))
    }

    public mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    public mutating func double(_ value: Double) {
        var bits = value.bitPattern
        for _ in 0..<8 {
            bytes.append(UInt8(truncatingIfNeeded: bits))
            bits >>= 8
        }
    }

    public mutating func string(_ value: String) {
        var text = value
        text.withUTF8 { utf8 in
            unsigned(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    public mutating func raw(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    public mutating func optionalString(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    /// Writes the span's positions; false (and nothing written) when it is not in `file`.
    @discardableResult
    public mutating func span(_ span: SourceSpan, in file: SourceFile) -> Bool {
        guard span.source == file else { return false }
        int(span.start.line)
        int(span.start.column)
        int(span.end.line)
        int(span.end.column)
        return true
    }

    public mutating func position(_ position: SourcePosition) {
        int(position.line)
        int(position.column)
    }

    /// Writes a node and everything below it; false when a span is not in `file` (what
    /// was written is then of no use).
    public mutating func node(_ node: Node, in file: SourceFile) -> Bool {
        switch node.value {
        case .null: bytes.append(0)
        case let .bool(b): bytes.append(b ? 2 : 1)
        case let .int(i): bytes.append(3); int(i)
        case let .double(d): bytes.append(4); double(d)
        case let .string(s): bytes.append(5); string(s)
        case let .sequence(items):
            bytes.append(6)
            unsigned(UInt64(items.count))
            for item in items where !self.node(item, in: file) { return false }
        case let .mapping(pairs):
            bytes.append(7)
            unsigned(UInt64(pairs.count))
            for pair in pairs where !self.node(pair.key, in: file) || !self.node(pair.value, in: file) { return false }
        }
        return span(node.span, in: file)
    }

    public mutating func writtenForms(_ forms: WrittenForms, in file: SourceFile) -> Bool {
        unsigned(UInt64(forms.count))
        // In the order of the places, so that the same forms give the same bytes.
        for (span, text) in forms.sorted(by: { ($0.key.start, $0.key.end) < ($1.key.start, $1.key.end) }) {
            guard self.span(span, in: file) else { return false }
            string(text)
        }
        return true
    }

    /// Writes a Markdown document; false when a span is not in `file`.
    public mutating func markdown(_ doc: MarkdownDocument, in file: SourceFile) -> Bool {
        bool(doc.frontMatter != nil)
        if let front = doc.frontMatter, !node(front, in: file) { return false }
        guard writtenForms(doc.writtenForms, in: file) else { return false }
        string(doc.body)
        int(doc.bodyLineOffset)
        unsigned(UInt64(doc.headings.count))
        for h in doc.headings {
            int(h.level)
            string(h.text)
            string(h.anchor)
            guard span(h.span, in: file) else { return false }
        }
        unsigned(UInt64(doc.links.count))
        for l in doc.links {
            string(l.destination)
            bool(l.isImage)
            guard span(l.span, in: file) else { return false }
        }
        return true
    }
}

/// Reads what `BinaryWriter` wrote. Every read checks the bounds: bytes that are not a
/// writer's (a store another version wrote, a damaged file) make `Malformed`, never a
/// crash or a read past the end.
public struct BinaryReader: ~Copyable {
    /// The bytes are not what a writer of this version wrote.
    public struct Malformed: Error { public init() {} }

    private let base: UnsafeRawBufferPointer
    public private(set) var offset: Int

    /// Reads `bytes`, which must outlive the reader.
    public init(_ bytes: UnsafeRawBufferPointer, offset: Int = 0) {
        base = bytes
        self.offset = offset
    }

    public var atEnd: Bool { offset >= base.count }

    /// The bytes not read yet.
    public var remaining: Int { base.count - offset }

    public mutating func byte() throws(Malformed) -> UInt8 {
        guard offset < base.count else { throw Malformed() }
        defer { offset += 1 }
        return base[offset]
    }

    public mutating func unsigned() throws(Malformed) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw Malformed() }
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }

    /// A count of things, each at least one byte long: never more than the bytes left.
    public mutating func count() throws(Malformed) -> Int {
        let n = try unsigned()
        guard n <= UInt64(base.count - offset) else { throw Malformed() }
        return Int(n)
    }

    public mutating func int() throws(Malformed) -> Int {
        let z = try unsigned()
        return Int(Int64(bitPattern: (z >> 1) ^ (0 &- (z & 1))))
    }

    public mutating func bool() throws(Malformed) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw Malformed()
        }
    }

    public mutating func double() throws(Malformed) -> Double {
        guard base.count - offset >= 8 else { throw Malformed() }
        var bits: UInt64 = 0
        for i in 0..<8 { bits |= UInt64(base[offset + i]) << (8 * UInt64(i)) }
        offset += 8
        return Double(bitPattern: bits)
    }

    public mutating func bytes() throws(Malformed) -> UnsafeRawBufferPointer {
        let n = try count()
        defer { offset += n }
        return UnsafeRawBufferPointer(rebasing: base[offset..<offset + n])
    }

    public mutating func string() throws(Malformed) -> String {
        String(decoding: try bytes(), as: UTF8.self)
    }

    public mutating func optionalString() throws(Malformed) -> String? {
        try bool() ? try string() : nil
    }

    public mutating func position() throws(Malformed) -> SourcePosition {
        SourcePosition(line: try int(), column: try int())
    }

    public mutating func span(in file: SourceFile) throws(Malformed) -> SourceSpan {
        let start = try position(), end = try position()
        guard start <= end else { throw Malformed() }
        return SourceSpan(source: file, start: start, end: end)
    }

    /// A node, no deeper than the loader makes them (`YAMLLoader.Limits.maxDepth`, with room).
    public mutating func node(in file: SourceFile, depth: Int = 0) throws(Malformed) -> Node {
        guard depth <= 256 else { throw Malformed() }
        let value: Node.Value
        switch try byte() {
        case 0: value = .null
        case 1: value = .bool(false)
        case 2: value = .bool(true)
        case 3: value = .int(try int())
        case 4: value = .double(try double())
        case 5: value = .string(try string())
        case 6:
            let n = try count()
            var items: [Node] = []
            // A node takes at least 5 bytes (a tag and a span): no more room than the bytes left give.
            items.reserveCapacity(min(n, remaining / 5))
            for _ in 0..<n { items.append(try node(in: file, depth: depth + 1)) }
            value = .sequence(items)
        case 7:
            let n = try count()
            var pairs: [Node.Pair] = []
            pairs.reserveCapacity(min(n, remaining / 10))
            for _ in 0..<n {
                let key = try node(in: file, depth: depth + 1)
                pairs.append(Node.Pair(key: key, value: try node(in: file, depth: depth + 1)))
            }
            value = .mapping(pairs)
        default: throw Malformed()
        }
        return Node(value, span: try span(in: file))
    }

    public mutating func writtenForms(in file: SourceFile) throws(Malformed) -> WrittenForms {
        let n = try count()
        var forms: WrittenForms = [:]
        for _ in 0..<n {
            let span = try span(in: file)
            forms[span] = try string()
        }
        return forms
    }

    public mutating func markdown(in file: SourceFile) throws(Malformed) -> MarkdownDocument {
        let front = try bool() ? try node(in: file) : nil
        let forms = try writtenForms(in: file)
        let body = try string()
        let offset = try int()
        var headings: [MarkdownDocument.Heading] = []
        for _ in 0..<(try count()) {
            headings.append(MarkdownDocument.Heading(level: try int(), text: try string(), anchor: try string(), span: try span(in: file)))
        }
        var links: [MarkdownDocument.Link] = []
        for _ in 0..<(try count()) {
            links.append(MarkdownDocument.Link(destination: try string(), isImage: try bool(), span: try span(in: file)))
        }
        var doc = MarkdownDocument(frontMatter: front, body: body, bodyLineOffset: offset, headings: headings, links: links)
        doc.writtenForms = forms
        return doc
    }
}

/// What decides the loader's results besides a file's bytes, its path and the kind table:
/// the code this process runs: every file mapped executable into it (`/proc/self/maps`:
/// the oae executable, libyaml, cmark-gfm and its extensions, the Swift runtime and
/// Foundation where they are shared libraries, libc), each by its path and stamp
/// (`FileTree.FileStamp`), and the parsers' versions, so that a rebuilt oae or an upgraded
/// library (`apt upgrade`) reads no stored result made by the one before. Nil when the
/// mappings cannot be read: nothing is stored then.
public enum LoaderIdentity {
    public static let text: String? = {
        guard let files = executableFiles() else { return nil }
        var lines = ["libyaml \(String(cString: yaml_get_version_string()))",
                     "cmark-gfm \(String(cString: cmark_version_string()))"]
        for file in files {
            var st = stat()
            guard stat(file, &st) == 0 else { return nil }
            let s = FileTree.FileStamp(st)
            lines.append("\(file) \(s.size) \(s.modified) \(s.changed) \(s.device) \(s.inode)")
        }
        return lines.joined(separator: "\n")
    }()

    /// The files mapped with execute permission ("start-end perms offset device inode
    /// path"), sorted, each once.
    static func executableFiles() -> [String]? {
        // Read to its end: a file of /proc says it has no size.
        guard let data = FileHandle(forReadingAtPath: "/proc/self/maps")?.readDataToEndOfFile() else { return nil }
        var files: Set<String> = []
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
            guard fields.count == 6, fields[1].contains("x") else { continue }
            let path = fields[5].trimmingCharacters(in: .whitespaces)
            if path.hasPrefix("/") { files.insert(path) }
        }
        return files.isEmpty ? nil : files.sorted()
    }
}
