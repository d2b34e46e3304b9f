import Diagnostics
#if canImport(Glibc)
import Glibc
#endif

/// Checks on a file's bytes that come before any parsing: size, UTF-8, byte-order marks.
public enum TextChecks {
    /// The largest file oae reads (8 MiB): the largest real document is a few hundred KiB.
    public static let maxFileBytes = 8 * 1024 * 1024

    static let rules = [
        RuleInfo("file-too-large", "A file is larger than oae reads."),
        RuleInfo("file-unreadable", "A file could not be read."),
        RuleInfo("encoding-invalid-utf8", "A file is not valid UTF-8."),
        RuleInfo("encoding-misplaced-bom", "A byte-order mark stands after the start of a file."),
        RuleInfo("text-lone-cr", "A carriage return stands without a line feed after it."),
    ]

    public static func tooLarge(file: String, size: Int) -> Diagnostic {
        .error("file-too-large",
               "file is \(formatSize(size, against: maxFileBytes)), over the limit of \(formatSize(maxFileBytes))",
               at: .wholeFile(file),
               help: "split the file, or remove data that does not belong in the tree")
    }

    /// Validates UTF-8 and looks for a byte-order mark after the start. Returns the text
    /// without a leading BOM, or the diagnostics that stop loading.
    public static func decode(_ bytes: [UInt8], file: String, lineOffset: Int = 0) -> (String?, [Diagnostic]) {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        // Fast path: the standard library's validation (the same refusals: overlong forms,
        // surrogates, past U+10FFFF), then a search for the two bytes that need more: a
        // BOM after the start (EF BB BF) and a CR. Any finding goes the slow, counting way.
        if let text = String(validating: bytes[start...], as: UTF8.self),
           !bytes.withUnsafeBufferPointer({ mayHaveBOMOrLoneCR($0, from: start) }) {
            return (text, [])
        }
        if let problems = bytes.withUnsafeBufferPointer({ check($0, file: file, lineOffset: lineOffset) }) {
            return (nil, problems)
        }
        return (String(decoding: bytes[start...], as: UTF8.self), [])
    }

    /// Whether the bytes from `start` hold an EF BB BF or a CR that no LF follows.
    private static func mayHaveBOMOrLoneCR(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let n = bytes.count
        for (byte, found) in [(UInt8(0xEF), { (i: Int) in i + 2 < n && bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF }),
                              (UInt8(0x0D), { (i: Int) in i + 1 == n || bytes[i + 1] != 0x0A })] {
            var from = start
            while from < n, let hit = memchr(base + from, Int32(byte), n - from) {
                let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if found(i) { return true }
                from = i + 1
            }
        }
        return false
    }

    /// The problems `decode` reports, or nil when there are none.
    private static func check(_ bytes: UnsafeBufferPointer<UInt8>, file: String, lineOffset: Int) -> [Diagnostic]? {
        var line = 1, column = 1
        var i = 0
        let n = bytes.count
        if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        var loneCRs: [Diagnostic] = []
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0x0D, i + 1 == n || bytes[i + 1] != 0x0A { loneCRs.append(loneCR(file, line + lineOffset, column)) }
                if b == 0x0A { line += 1; column = 1 } else { column += 1 }
                i += 1
                continue
            }
            let length: Int
            if b & 0xE0 == 0xC0, b >= 0xC2 { length = 2 }
            else if b & 0xF0 == 0xE0 { length = 3 }
            else if b & 0xF8 == 0xF0, b <= 0xF4 { length = 4 }
            else { return [invalid(file, line + lineOffset, column, b)] }
            guard i + length <= n else { return [invalid(file, line + lineOffset, column, b)] }
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 {
                return [invalid(file, line + lineOffset, column, b)]
            }
            // Overlong forms and surrogates.
            if length == 3 {
                let b1 = bytes[i + 1]
                if (b == 0xE0 && b1 < 0xA0) || (b == 0xED && b1 >= 0xA0) {
                    return [invalid(file, line + lineOffset, column, b)]
                }
                if b == 0xEF, b1 == 0xBB, bytes[i + 2] == 0xBF {
                    return [.error("encoding-misplaced-bom",
                                   "byte-order mark (U+FEFF) in the middle of the file",
                                   at: SourceSpan(file: file, line: line + lineOffset, column: column),
                                   help: "delete the invisible character at this place; a BOM may only open a file")]
                }
            } else if length == 4 {
                let b1 = bytes[i + 1]
                if (b == 0xF0 && b1 < 0x90) || (b == 0xF4 && b1 >= 0x90) {
                    return [invalid(file, line + lineOffset, column, b)]
                }
            }
            column += 1
            i += length
        }
        return loneCRs.isEmpty ? nil : loneCRs
    }

    /// A lone CR (old Mac line end). Line breaks are LF or CR LF only, as editors count
    /// them; libyaml and cmark-gfm would count a lone CR as a line break and shift every
    /// position after it, so the file is not parsed until it is fixed.
    static func loneCR(_ file: String, _ line: Int, _ column: Int) -> Diagnostic {
        .error("text-lone-cr", "carriage return (CR) without a line feed: oae counts only LF and CR LF as line breaks",
               at: SourceSpan(file: file, line: line, column: column),
               help: "save the file with LF (or CR LF) line endings; if the CR is not meant as a line break, delete it")
    }

    /// The characters libyaml refuses (C0 controls other than tab, LF and CR; DEL; C1
    /// controls other than NEL; U+FFFE and U+FFFF), each at its position. libyaml reports
    /// them without a position, from wherever its read-ahead buffer is.
    public static func yamlControlCharacters(_ text: String, file: String, lineOffset: Int) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v == 0x0A { line += 1; column = 1; continue }
            let refused = (v < 0x20 && v != 0x09 && v != 0x0D) || v == 0x7F || (v >= 0x80 && v <= 0x9F && v != 0x85)
                || v == 0xFFFE || v == 0xFFFF
            if refused {
                let code = VisibleText.codePoint(scalar)
                out.append(.error("yaml-control-character", "control character \(code) is not allowed in YAML",
                                  at: SourceSpan(file: file, line: line + lineOffset, column: column),
                                  help: "delete the invisible character at this place; a value that needs it writes it as \\u\(code.dropFirst(2)) inside double quotes"))
            }
            column += 1
        }
        return out
    }

    static func invalid(_ file: String, _ line: Int, _ column: Int, _ byte: UInt8) -> Diagnostic {
        let hex = String(byte, radix: 16, uppercase: true)
        return .error("encoding-invalid-utf8", "invalid UTF-8 byte 0x\(hex.count == 1 ? "0" + hex : hex)",
                      at: SourceSpan(file: file, line: line, column: column),
                      help: "save the file as UTF-8 (it may have been saved as Latin-1 or Windows-1252)")
    }

    /// `bytes` as `formatSize` writes it, with a tenth of a MiB when whole MiB would read as
    /// `limit` itself ("8.6 MiB, over the limit of 8 MiB", not "8 MiB, over … 8 MiB").
    static func formatSize(_ bytes: Int, against limit: Int) -> String {
        let shown = formatSize(bytes)
        guard shown == formatSize(limit), bytes >= 1024 * 1024 else { return shown }
        let tenths = (bytes * 10 + 1024 * 1024 - 1) / (1024 * 1024)
        return "\(tenths / 10).\(tenths % 10) MiB"
    }

    static func formatSize(_ bytes: Int) -> String {
        if bytes >= 1024 * 1024 { return "\(bytes / (1024 * 1024)) MiB" }
        if bytes >= 1024 { return "\(bytes / 1024) KiB" }
        return "\(bytes) bytes"
    }
}
