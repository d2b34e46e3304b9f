import Diagnostics
#if canImport(Glibc)
import Glibc
#endif

/// The fonts of the handbook PDFs, as far as a check needs them: which characters they
/// show. The PDFs are typeset by Typst with the faces of Debian's `fonts-liberation2` and
/// `fonts-dejavu-core` (`TypstEngine.fontFolders`), falling back character by character
/// to any face that has a glyph; PDF/UA-1 (ISO 14289-1, 7.21.7) needs every character in
/// an embedded font, so a character none of them has stops the PDF's build
/// (`UnshowableText`). `coverage` is generated from those fonts by
/// `scripts/pdf-font-coverage.py`.
public enum PDFFonts {
    /// The font families, for messages.
    public static let families = "Liberation Sans and DejaVu Sans"

    /// A character of a file that no face of the PDFs' fonts shows, and where it is (line
    /// and column from 1; columns in Unicode scalars, as the YAML loader counts them).
    public struct Unshowable: Sendable, Equatable {
        public var scalar: Unicode.Scalar
        public var position: SourcePosition
        /// Written as a YAML escape (`\u200B`, `\U0001F680`, `\xA0`), at its backslash: a
        /// character in a double-quoted value, but plain text in a Markdown body.
        public var escaped: Bool

        public init(scalar: Unicode.Scalar, position: SourcePosition, escaped: Bool = false) {
            self.scalar = scalar
            self.position = position
            self.escaped = escaped
        }
    }

    /// Whether some face has a glyph for `scalar`. Control characters (below U+0020) are
    /// not text the PDFs show; they count as shown here (other checks report them).
    public static func shows(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x7F || (v >= 0xA0 && v <= 0x377) { return true }
        var lo = 0, hi = coverage.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if coverage[mid].upperBound < v { lo = mid + 1 } else { hi = mid }
        }
        return lo < coverage.count && coverage[lo].contains(v)
    }

    /// Whether `scalar` is an invisible control of the text's direction or breaks: the
    /// bidirectional embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069,
    /// the direction marks U+200E, U+200F and U+061C, the zero-width space U+200B, and the
    /// line and paragraph separators U+2028, U+2029 and U+0085 (NEL). Each face shows them
    /// (as nothing), but they reorder or split the text around them unseen: "Trojan source"
    /// text reads one way in the tree and another in the outputs (a paragraph separator ends
    /// every embedding and isolate, UAX #9 X8; the outputs make U+2028 and U+2029 a space).
    /// Catalan, Spanish and English text never needs them.
    public static func isInvisibleControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200B, 0x200E, 0x200F, 0x061C, 0x2028, 0x2029, 0x0085: return true
        default: return false
        }
    }

    /// What `isInvisibleControl`'s `scalar` is, for a message: "a zero-width space".
    public static func invisibleKind(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x200B: return "a zero-width space"
        case 0x200E, 0x200F, 0x061C: return "an invisible direction mark"
        case 0x2028, 0x2029, 0x0085: return "a line or paragraph separator"
        default: return "an invisible bidirectional control"
        }
    }

    /// The characters of a file's bytes (valid UTF-8) that no face shows, in order.
    public static func unshowable(in bytes: [UInt8]) -> [Unshowable] {
        characters(in: bytes) { !shows($0) }
    }

    /// The characters of a file's bytes that no face shows (`unshowable`) and the
    /// invisible controls (`isInvisibleControl`), each in order, in one pass. An invisible
    /// control is in the second list only, whether a face shows it or not (the isolates
    /// U+2066–U+2069 no face has): one character, one diagnostic, `text-invisible-character`.
    public static func unshowableAndInvisible(in bytes: [UInt8]) -> (unshowable: [Unshowable], invisible: [Unshowable]) {
        let found = characters(in: bytes) { !shows($0) || isInvisibleControl($0) }
        guard !found.isEmpty else { return ([], []) }
        return (found.filter { !isInvisibleControl($0.scalar) }, found.filter { isInvisibleControl($0.scalar) })
    }

    /// The characters of a file's bytes (valid UTF-8) above U+007F that `match`, in order.
    /// Most text is ASCII or Latin: eight bytes at a time are skipped while none has its
    /// high bit set, and a character found is placed by counting lines only then. A
    /// byte-order mark at the start is not counted in the first line's columns, as the
    /// loaders do not.
    static func characters(in bytes: [UInt8], where match: (Unicode.Scalar) -> Bool) -> [Unshowable] {
        bytes.withUnsafeBufferPointer { buffer -> [Unshowable] in
            guard let base = buffer.baseAddress else { return [] }
            let n = buffer.count
            let start = n >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0
            var found: [(offset: Int, scalar: Unicode.Scalar, escaped: Bool)] = []
            var i = start
            while i < n {
                if i + 8 <= n, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
                let b = buffer[i]
                if b < 0x80 { i += 1; continue }
                let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
                guard length > 1, i + length <= n else { i += 1; continue }
                var value = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for k in 1..<length { value = value << 6 | UInt32(buffer[i + k] & 0x3F) }
                if let scalar = Unicode.Scalar(value), match(scalar) { found.append((i, scalar, false)) }
                i += length
            }
            // Escapes of a double-quoted YAML value (`\u200B`): the character they write.
            var k = start
            while k < n, let hit = memchr(base + k, 0x5C, n - k) {
                let slash = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base
                k = slash + 1
                guard k < n else { break }
                // `\\` is a backslash: what follows it is text.
                if buffer[k] == UInt8(ascii: "\\") { k += 1; continue }
                // YAML's named escapes of characters above U+007F: `\N` (NEL), `\_` (no-break
                // space), `\L` and `\P` (the line and paragraph separators).
                let named: UInt32? = switch buffer[k] {
                case UInt8(ascii: "N"): 0x85
                case UInt8(ascii: "_"): 0xA0
                case UInt8(ascii: "L"): 0x2028
                case UInt8(ascii: "P"): 0x2029
                default: nil
                }
                if let named, let scalar = Unicode.Scalar(named) {
                    if match(scalar) { found.append((slash, scalar, true)) }
                    k += 1
                    continue
                }
                let digits = buffer[k] == UInt8(ascii: "u") ? 4 : buffer[k] == UInt8(ascii: "U") ? 8 : buffer[k] == UInt8(ascii: "x") ? 2 : 0
                guard digits > 0, k + digits < n else { continue }
                var value: UInt32 = 0, valid = true
                for d in buffer[(k + 1)...(k + digits)] {
                    let v: UInt8 = d >= 0x30 && d <= 0x39 ? d - 0x30 : d | 0x20 >= 0x61 && d | 0x20 <= 0x66 ? (d | 0x20) - 0x61 + 10 : 0xFF
                    if v == 0xFF { valid = false; break }
                    value = value << 4 | UInt32(v)
                }
                if valid, value >= 0x80, let scalar = Unicode.Scalar(value), match(scalar) {
                    found.append((slash, scalar, true))
                    k += digits + 1
                }
            }
            guard !found.isEmpty else { return [] }
            found.sort { $0.offset < $1.offset }
            // Lines and columns of the finds, in one pass up to the last.
            var out: [Unshowable] = []
            var line = 1, column = 1, next = 0
            var j = start
            while next < found.count {
                if j == found[next].offset {
                    out.append(Unshowable(scalar: found[next].scalar, position: SourcePosition(line: line, column: column),
                                          escaped: found[next].escaped))
                    next += 1
                }
                let b = buffer[j]
                if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80, !(b == 0x0D && j + 1 < n && buffer[j + 1] == 0x0A) { column += 1 }
                j += 1
            }
            return out
        }
    }
}
