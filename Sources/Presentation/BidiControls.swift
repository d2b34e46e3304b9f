/// The explicit directional formatting characters of Unicode's bidirectional algorithm
/// (UAX #9, rules X1–X8) in a text taken from the tree, kept inside that text where an
/// output inserts it.
///
/// An embedding or override (LRE U+202A, RLE U+202B, LRO U+202D, RLO U+202E) or an
/// isolate (LRI U+2066, RLI U+2067, FSI U+2068) lasts until its closer (PDF U+202C, PDI
/// U+2069) or the end of the paragraph: in a page or a PDF, the paragraph the text is
/// inserted into, not the text's end. An RLO in an office's name written into a sentence
/// showed the rest of the sentence, template words included, reversed (session 31's trial;
/// the check warns of it, `text-invisible-character`, and the outputs are still built
/// with it).
///
/// Each inserted text is therefore closed where it ends: the closers its openers lack are
/// appended, in order (`closers`), and a closer with no opener in the same text is left out
/// (`keeps`), since it could only close something of the page around the text (an
/// element's isolate, which browsers make of these same characters). Closing alone still
/// lets an embedding reach past the text's end: the digits and signs right after it take
/// its direction (UAX #9 X10 and W1–W7: ", 5 d’octubre" after a closed RLO name was shown
/// "d’octubre 5 ,"; a PDF's footer "6 / 63" after a title with one, "63 / 6"). A text with
/// an embedding or override outside every isolate of its own is therefore put in an isolate
/// as a whole (`prefix` LRI … `suffix` PDI), which the text around it sees as one neutral
/// character (X5a, BD8), so that what follows the text keeps its order. The isolate is
/// left-to-right, as every language of the outputs is (ca, es, en): the text inside it is
/// laid out as it was without it (an FSI would take the direction of its first strong
/// letter, P2–P3, and show a text that begins with Hebrew or Arabic letters the other way
/// round; session 34's review). A text whose controls are all isolates is only closed, and
/// one without controls is left as it is; a text already put in an isolate is not put in
/// another (its embeddings are inside one). Right-to-left letters and marks themselves
/// (U+200F, U+061C) are not looked for: `oae check` warns of the marks
/// (`text-invisible-character`), and no text of the three languages has the letters.
///
/// Applied where a text from the tree becomes a reader's text, `Typography.prose` (so that
/// a text joined into a title, a list or a sentence of the interface words is kept apart
/// from what follows it), and again by the escapes of both outputs (`HTML.escape`,
/// `Typst.escape`), which every value a template or the code inserts goes through, typeset
/// or not (a locality read as it is); a Typst string literal is data and keeps its bytes
/// (a link's address), and a code span is balanced where it is made. Where a value is
/// filled into a reader's sentence, it is balanced after its contraction (`Strings.fill`:
/// "del Prat"). An HTML element around each text (`<bdi>`) would isolate it too, but only
/// in HTML, and only where a template remembered it.
public struct BidiControls {
    /// The open embeddings and isolates, innermost last: `true` for an isolate.
    private var open: [Bool] = []

    /// Whether the text opened an embedding or override outside every isolate it opened,
    /// and is put in an isolate of its own (`prefix`, `suffix`).
    public private(set) var needsIsolate = false

    /// LRI (U+2066), which `prefix` is, and PDI (U+2069), which ends `suffix`.
    static let leftToRightIsolate = "\u{2066}", popIsolate = "\u{2069}"

    public init() {}

    /// The kind of `scalar`'s value, if it is one of the nine.
    enum Kind {
        case embedding, isolate, popEmbedding, popIsolate
    }

    static func kind(_ value: UInt32) -> Kind? {
        switch value {
        case 0x202A, 0x202B, 0x202D, 0x202E: return .embedding
        case 0x202C: return .popEmbedding
        case 0x2066, 0x2067, 0x2068: return .isolate
        case 0x2069: return .popIsolate
        default: return nil
        }
    }

    /// The scalar of the three UTF-8 bytes `0xE2 b1 b2`, when it is one of the nine (each
    /// is three bytes starting with 0xE2: U+202A–U+202E are `E2 80 AA`–`E2 80 AE`,
    /// U+2066–U+2069 `E2 81 A6`–`E2 81 A9`).
    @inline(__always)
    public static func scalar(_ b1: UInt8, _ b2: UInt8) -> UInt32? {
        if b1 == 0x80, b2 >= 0xAA, b2 <= 0xAE { return 0x2000 + UInt32(b2 - 0x80) }
        if b1 == 0x81, b2 >= 0xA6, b2 <= 0xA9 { return 0x2040 + UInt32(b2 - 0x80) }
        return nil
    }

    /// Takes one of the nine in the order of the text; returns whether it is kept. An
    /// opener is kept and opens; PDF is kept when it closes the innermost entry, an
    /// embedding (X7: it does not close across an isolate); PDI is kept when an isolate is
    /// open, and closes it with the embeddings opened inside it (X6a).
    public mutating func keeps(_ value: UInt32) -> Bool {
        switch BidiControls.kind(value) {
        case .embedding?:
            if !needsIsolate, !open.contains(true) { needsIsolate = true }
            open.append(false)
            return true
        case .isolate?: open.append(true); return true
        case .popEmbedding?:
            guard open.last == false else { return false }
            open.removeLast()
            return true
        case .popIsolate?:
            guard let last = open.lastIndex(of: true) else { return false }
            open.removeSubrange(last...)
            return true
        case nil: return true
        }
    }

    /// Whether the text needs nothing before or after it: nothing it opened is left
    /// open, and it needs no isolate of its own.
    public var addsNothing: Bool { open.isEmpty && !needsIsolate }

    /// What goes before the text: LRI when it needs an isolate of its own, else nothing.
    public var prefix: String { needsIsolate ? BidiControls.leftToRightIsolate : "" }

    /// What goes after the text: its `closers`, then the PDI of its own isolate if it
    /// needs one.
    public var suffix: String { needsIsolate ? closers + BidiControls.popIsolate : closers }

    /// The closers of what is still open, innermost first: PDF for an embedding, PDI for
    /// an isolate; empty for a balanced text.
    public var closers: String {
        var out = ""
        for isolate in open.reversed() { out.unicodeScalars.append(isolate ? "\u{2069}" : "\u{202C}") }
        return out
    }

    /// Whether `text` holds one of the nine or a line or paragraph separator (`isSeparator`):
    /// its bytes are read in place, and only the two after each 0xE2 (the first byte of
    /// each, and of `’`, `–` and `€`) are looked at.
    public static func holdsControlOrSeparator(_ text: String) -> Bool {
        if let found = text.utf8.withContiguousStorageIfAvailable(holdsControlOrSeparator(utf8:)) { return found }
        return text.unicodeScalars.contains { kind($0.value) != nil || $0 == "\u{2028}" || $0 == "\u{2029}" }
    }

    static func holdsControlOrSeparator(utf8 b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i + 2 < b.count {
            if b[i] == 0xE2, scalar(b[i + 1], b[i + 2]) != nil || isSeparator(b[i + 1], b[i + 2]) { return true }
            i += 1
        }
        return false
    }

    /// Whether `0xE2 b1 b2` is U+2028 LINE SEPARATOR or U+2029 PARAGRAPH SEPARATOR. A
    /// paragraph separator ends every embedding and isolate where it stands (UAX #9 X8), so
    /// the outputs put a space in the place of each: a text's isolate is not cut short, and
    /// a line of a page or a PDF is not broken by a character the writer cannot see (the
    /// check warns of both, `text-invisible-character`).
    @inline(__always)
    public static func isSeparator(_ b1: UInt8, _ b2: UInt8) -> Bool { b1 == 0x80 && (b2 == 0xA8 || b2 == 0xA9) }

    /// `text` with its unmatched closers left out, its open controls closed at its end, put
    /// in an isolate when it needs one (`prefix`, `suffix`), and a space in the place of a
    /// line or paragraph separator. `text` itself when it has none of these (the usual
    /// case, one pass over its bytes).
    public static func balanced(_ text: String) -> String {
        guard holdsControlOrSeparator(text) else { return text }
        var state = BidiControls()
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 4)
        for scalar in text.unicodeScalars where state.keeps(scalar.value) {
            out.unicodeScalars.append(scalar == "\u{2028}" || scalar == "\u{2029}" ? " " : scalar)
        }
        return state.prefix + out + state.suffix
    }
}
