import Foundation

/// Text taken from the tree (a quoted line, a file name, a value inside a message) made
/// safe to print on a terminal or in a CI log: a control character from a file could
/// otherwise clear the writer's screen, set its title or colour the rest of the report
/// (ESC, ECMA-48), and an invisible one leaves a caret under nothing.
///
/// Each character of `VisibleText.isEscaped` is written as Swift writes it in a string,
/// `\u{1B}`: the C0 controls (U+0000–U+001F, but for tab and, in messages, line feed),
/// DEL, the C1 controls (U+0080–U+009F), the bidirectional marks, embeddings, overrides
/// and isolates of Unicode's UAX #9 (U+061C, U+200E, U+200F, U+202A–U+202E,
/// U+2066–U+2069, which reorder what follows them on screen), the line and paragraph
/// separators (U+2028, U+2029) and the zero-width space and byte-order mark (U+200B,
/// U+FEFF), which are invisible.
public enum VisibleText {
    /// Whether the scalar is printed as `\u{…}`.
    public static func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200B, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029, 0xFEFF: return true
        default: return false
        }
    }

    /// `\u{1B}` for U+001B.
    public static func escape(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }

    /// The scalar's code point as Unicode writes it, at least four hex digits: `U+00A0`,
    /// `U+1F600`.
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Whether a UTF-8 byte may start an escaped scalar: every escaped scalar starts with
    /// one of these bytes, so a text without them is printed as it is (the usual case, read
    /// once as bytes).
    @inline(__always)
    static func mayStartEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xD8 || byte == 0xE2 || byte == 0xEF
    }

    /// A message, a note or a file name with its escaped characters written as `\u{…}`;
    /// line feeds (which separate the lines of a message) and tabs are kept.
    public static func message(_ text: String) -> String {
        guard text.utf8.contains(where: { mayStartEscape($0) && $0 != 0x0A && $0 != 0x09 }) else { return text }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if scalar != "\n", scalar != "\t", isEscaped(scalar) { out += escape(scalar) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// The widest excerpt shown, in columns of a terminal (`terminalColumns`: a CJK
    /// character takes two): a longer line is cut around the caret, each cut marked with `…`.
    public static let excerptWidth = 160
    /// How many columns an excerpt that is cut keeps before the caret.
    static let excerptContext = 60

    /// A line quoted under a diagnostic, and where its caret goes: the line with tabs
    /// shown as one space and escaped characters as `\u{…}`, cut around the caret when
    /// longer than `excerptWidth`; `caretPad` spaces then `caretWidth` carets underline the
    /// span from the 1-based `column` (counted in Unicode scalars, as `SourceText` counts
    /// them) over `width` scalars.
    /// `caretPad` and `caretWidth` are columns of a terminal (`terminalColumns`): a wide
    /// character before the span (CJK, an emoji) takes two, a combining mark none, so that
    /// the carets stand under the span (session 29's trial: they stood a few cells off
    /// after "😀😀👩‍👩‍👧").
    public static func excerpt(_ line: Substring, column: Int, width: Int) -> (shown: String, caretPad: Int, caretWidth: Int) {
        let (shown, pad, span) = excerptInScalars(line, column: column, width: width)
        // ASCII (the usual line): one column per scalar.
        guard !shown.utf8.contains(where: { $0 >= 0x80 }) else {
            let widths = terminalColumns(Array(shown.unicodeScalars))
            let before = widths.prefix(pad).reduce(0, +)
            let under = widths.dropFirst(pad).prefix(span).reduce(0, +)
            return (shown, before, max(1, under))
        }
        return (shown, pad, span)
    }

    /// How many columns of a terminal each scalar of a text takes, as terminals show it
    /// (the rules of `wcwidth`, Markus Kuhn's, on Unicode's UAX #11 East Asian Width and
    /// UTS #51 emoji): two for the wide and fullwidth characters (CJK, Hangul, fullwidth
    /// forms) and for emoji presented as emoji; none for combining and enclosing marks,
    /// format characters (the zero-width joiner), an emoji joined to the one before by a
    /// joiner, a skin tone after its emoji and the second regional indicator of a flag; a
    /// variation selector 16 widens a text-style emoji to two; one for anything else.
    static func terminalColumns(_ scalars: [Unicode.Scalar]) -> [Int] {
        var widths: [Int] = []
        widths.reserveCapacity(scalars.count)
        var regionalPending = false
        for (k, s) in scalars.enumerated() {
            let p = s.properties
            let previous = k > 0 ? scalars[k - 1] : nil
            var w: Int
            if (0x1F1E6...0x1F1FF).contains(s.value) {  // a regional indicator
                w = regionalPending ? 0 : 2
                regionalPending.toggle()
                widths.append(w)
                continue
            }
            regionalPending = false
            if let previous, previous == "\u{200D}", p.isEmoji {
                w = 0
            } else if s == "\u{FE0F}" {
                w = previous.map { $0.properties.isEmoji && !$0.properties.isEmojiPresentation && widths[k - 1] == 1 } == true ? 1 : 0
            } else if p.isEmojiModifier, previous?.properties.isEmojiModifierBase == true {
                w = 0
            } else {
                switch p.generalCategory {
                case .nonspacingMark, .enclosingMark, .format: w = 0
                default: w = p.isEmojiPresentation || isWide(s.value) ? 2 : 1
                }
            }
            widths.append(w)
        }
        return widths
    }

    /// The East Asian Wide and Fullwidth ranges (UAX #11) as Markus Kuhn's `wcwidth` takes
    /// them (`mk_wcwidth`, 2007).
    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x303F: return false
        case 0x1100...0x115F, 0x2329, 0x232A, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
             0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// `excerpt` with `caretPad` and `caretWidth` in scalars of `shown`.
    static func excerptInScalars(_ line: Substring, column: Int, width: Int) -> (shown: String, caretPad: Int, caretWidth: Int) {
        let utf8 = line.utf8
        if utf8.count <= excerptWidth, !utf8.contains(where: { mayStartEscape($0) && $0 != 0x09 }) {
            // The usual line: nothing escaped, nothing cut, one column per character.
            let count = line.unicodeScalars.count
            let shownWidth = max(1, min(width, count - column + 1))
            return (String(line.map { $0 == "\t" ? " " : $0 }), max(0, column - 1), shownWidth)
        }
        var pieces: [String] = []
        pieces.reserveCapacity(utf8.count)
        var offsets = [0]
        offsets.reserveCapacity(utf8.count + 1)
        // Where each piece ends in a terminal's columns: the window is cut by those (a line
        // of CJK was cut at 160 characters, 320 columns). An escape and a tab are ASCII.
        var columns = [0]
        columns.reserveCapacity(utf8.count + 1)
        let scalars = Array(line.unicodeScalars)
        let widths = terminalColumns(scalars)
        for (i, scalar) in scalars.enumerated() {
            let plain = scalar != "\t" && !isEscaped(scalar)
            let piece = plain ? String(scalar) : scalar == "\t" ? " " : escape(scalar)
            pieces.append(piece)
            offsets.append(offsets[offsets.count - 1] + piece.count)
            columns.append(columns[columns.count - 1] + (plain ? widths[i] : piece.count))
        }
        let n = pieces.count
        let start = min(max(0, column - 1), n)
        // `width` may be Int.max (a span over several lines: to the line's end).
        let end = start < n ? start + min(n - start, max(1, width)) : start
        let caretStart = offsets[start]
        let caretEnd = start < n ? offsets[end] : caretStart + 1
        let total = columns[n]
        guard total > excerptWidth else {
            return (pieces.joined(), caretStart, caretEnd - caretStart)
        }
        // A window of `excerptWidth` columns from `excerptContext` before the caret
        // (earlier when the line ends first), on whole characters.
        var from = max(0, columns[start] - excerptContext)
        let to = min(total, from + excerptWidth)
        from = max(0, to - excerptWidth)
        let first = columns.firstIndex { $0 >= from } ?? n
        let last = columns.lastIndex { $0 <= to } ?? n
        var shown = first > 0 ? "…" : ""
        shown += pieces[first..<max(first, last)].joined()
        if last < n { shown += "…" }
        let lead = first > 0 ? 1 : 0
        let windowStart = offsets[first], windowEnd = offsets[max(first, last)]
        let pad = max(caretStart, windowStart) - windowStart + lead
        let underlined = min(caretEnd, max(windowEnd, windowStart + 1)) - max(caretStart, windowStart)
        return (shown, pad, max(1, underlined))
    }
}

extension SourceText {
    /// Whether the file is binary, by git's rule (`buffer_is_binary`): a NUL byte in its
    /// first 8000 bytes. A binary file is not quoted under a diagnostic.
    public var isBinary: Bool {
        guard let text = lines.first?.base else { return false }
        let utf8 = text.utf8
        if let found = utf8.withContiguousStorageIfAvailable({ bytes -> Bool in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, 0, min(bytes.count, 8000)) != nil
        }) {
            return found
        }
        return utf8.prefix(8000).contains(0)
    }
}
