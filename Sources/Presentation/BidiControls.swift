/// The explicit directional formatting characters of Unicode's bidirectional algorithm
/// (UAX #9, rules X1–X8) in a text taken from the tree, kept inside that text where an
/// output inserts it.
///
/// An embedding or override (LRE U+202A, RLE U+202B, LRO U+202D, RLO U+202E) or an
/// isolate (LRI U+2066, RLI U+2067, FSI U+2068) lasts until its closer (PDF U+202C, PDI
/// U+2069) or the end of the paragraph: in a page or a PDF, the paragraph the text is
/// inserted into, not the text's end.
///
/// Closing limits what the controls reorder to the text itself; digits and signs right
/// after it still take the embedding's direction (UAX #9 X10: "…, 5 d’octubre" after an
/// RLO-closed name is reordered up to the next letter). Wrapping such a text in an isolate
/// (LRI/FSI … PDI) would protect them too: not done yet (issue 13, session 33's note). An RLO in an office's name written into a sentence
/// showed the rest of the sentence, template words included, reversed (session 31's trial;
/// the check warns of it, `text-invisible-character`, and the outputs were still built
/// with it). Each inserted text is therefore closed where it ends: the closers its openers
/// lack are appended, in order (`closers`), and a closer with no opener in the same text is
/// left out (`keeps`), since it could only close something of the page around the text
/// (an element's isolate, which browsers make of these same characters).
///
/// Applied where a text from the tree becomes a reader's text, `Typography.prose` (so that
/// a text joined into a title, a list or a sentence of the interface words is closed
/// before what follows it), and again by the escapes of both outputs (`HTML.escape`,
/// `Typst.escape`), which every value a template or the code inserts goes through, typeset
/// or not (a locality read as it is). An HTML element around each text (`<bdi>`) would
/// isolate it too, but only in HTML, and only where a template remembered it.
public struct BidiControls {
    /// The open embeddings and isolates, innermost last: `true` for an isolate.
    private var open: [Bool] = []

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
        case .embedding?: open.append(false); return true
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

    /// Whether nothing taken is left open.
    public var isBalanced: Bool { open.isEmpty }

    /// The closers of what is still open, innermost first: PDF for an embedding, PDI for
    /// an isolate; empty for a balanced text.
    public var closers: String {
        var out = ""
        for isolate in open.reversed() { out.unicodeScalars.append(isolate ? "\u{2069}" : "\u{202C}") }
        return out
    }

    /// `text` with its unmatched closers left out and its open controls closed at its end.
    /// `text` itself when it has none of the nine (the usual case, one pass over its bytes).
    public static func balanced(_ text: String) -> String {
        guard text.utf8.contains(0xE2), text.unicodeScalars.contains(where: { kind($0.value) != nil }) else { return text }
        var state = BidiControls()
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 4)
        for scalar in text.unicodeScalars where state.keeps(scalar.value) { out.unicodeScalars.append(scalar) }
        return out + state.closers
    }
}
