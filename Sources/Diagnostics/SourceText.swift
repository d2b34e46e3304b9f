import Foundation

/// The lines of a source file, for quoting a line under a diagnostic and for turning the
/// byte columns some libraries report into character columns.
public struct SourceText: Sendable {
    public let lines: [Substring]

    public init(_ written: String) {
        // A leading byte-order mark is not text: the loaders drop it (`TextChecks.decode`),
        // so positions count from after it, and a quoted first line does not show it as
        // `\u{FEFF}` with the caret shifted under it (session 44's trial).
        let text = written.utf8.starts(with: [0xEF, 0xBB, 0xBF]) ? String(written.unicodeScalars.dropFirst()) : written
        // Split on LF bytes (a String sees CR LF as one character) and drop a CR before
        // the LF, so that CRLF files show the same lines as LF files.
        if let lines = text.utf8.withContiguousStorageIfAvailable({ SourceText.lines(of: text, bytes: $0) }) {
            self.lines = lines
            return
        }
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var i = utf8.startIndex
        while i != utf8.endIndex {
            if utf8[i] == UInt8(ascii: "\n") {
                var end = i
                if end > start, utf8[utf8.index(before: end)] == UInt8(ascii: "\r") { end = utf8.index(before: end) }
                lines.append(text[start..<end])
                start = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        lines.append(text[start...])
        self.lines = lines
    }

    /// `init`'s lines of a text whose UTF-8 is contiguous (`bytes`): each LF found with
    /// `memchr`. Reading the bytes one by one through `String.UTF8View` was most of the
    /// cost of a Markdown file's lines (1.5% of `oae check` at 947 municipalities,
    /// issue 13). The same lines as the byte loop: an LF always ends a character, and the
    /// CR dropped before it starts one.
    static func lines(of text: String, bytes: UnsafeBufferPointer<UInt8>) -> [Substring] {
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        var lines: [Substring] = []
        var start = 0
        if let base = bytes.baseAddress {
            while start < bytes.count, let found = memchr(base + start, 0x0A, bytes.count - start) {
                let newline = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                let end = newline > start && bytes[newline - 1] == 0x0D ? newline - 1 : newline
                lines.append(text[index(start)..<index(end)])
                start = newline + 1
            }
        }
        lines.append(text[index(start)...])
        return lines
    }

    /// The text of a 1-based line, or nil past the end.
    public func line(_ number: Int) -> Substring? {
        guard number >= 1, number <= lines.count else { return nil }
        return lines[number - 1]
    }

    /// Converts a 1-based byte column on a 1-based line into a 1-based character column.
    public func characterColumn(line: Int, byteColumn: Int) -> Int {
        guard let text = self.line(line), byteColumn > 1 else { return max(byteColumn, 1) }
        let utf8 = text.utf8
        let limit = min(byteColumn - 1, utf8.count)
        // Count Unicode scalars that start before the byte offset (an offset inside a
        // scalar rounds down to its start): the bytes before it that are not UTF-8
        // continuation bytes (10xxxxxx). Counting the scalar view's elements was ~2,000
        // instructions per heading and link of every Markdown file (issue 13).
        let scalars = utf8.withContiguousStorageIfAvailable { bytes -> Int in
            let inside = limit < bytes.count && bytes[limit] & 0xC0 == 0x80
            return bytes[..<limit].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } - (inside ? 1 : 0)
        } ?? text.unicodeScalars[text.startIndex..<utf8.index(utf8.startIndex, offsetBy: limit)].count
        return scalars + 1 + max(0, byteColumn - 1 - limit)
    }
}
