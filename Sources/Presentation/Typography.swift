/// The typography of writers' prose as the outputs show it (the language review of
/// session 13, no. 15), applied when a text is rendered, never in the writers' files:
///
/// - an apostrophe between two letters, or a letter and a digit, is `’` (U+2019):
///   "l'empresa" → "l’empresa", "d'1 d'octubre" → "d’1 d’octubre", "office's" → "office’s";
///   so is one that ends a text before a link or an emphasis that starts with a letter
///   ("l'[empresa](…)", `Quotation.followedByWord`), or starts one after a link or an
///   emphasis that ends with a letter, before a letter ("[office](…)'s",
///   `Quotation.precededByWord`);
///   so is one after the `s` of a plural before a space, a sign or the end, outside a
///   quotation ("the offices' teams" → "the offices’ teams": the possessive of a plural in
///   English); other `'` (a quotation mark, "'entre cometes'") stay as written, and so does
///   one in an address written in the text (`inAddress`: a web address, an e-mail). A `'`
///   before a letter and after anything but a letter or a digit (a space, the start, a
///   bracket, `«`) opens a quotation; from there to the end of the block no `s'` is curled,
///   since its closing mark looks the same ("He said 'the teams' files'" keeps all three
///   straight: which one closes the quotation is not for a rule to guess). A block is a
///   text, or the texts of one Markdown paragraph, heading or cell (`Quotation`);
/// - the space between a digit and `%` or `€` is a no-break space (U+00A0), so that the
///   number and its sign never part at a line's end: "96 %" and "90.000 €" (Catalan and
///   Spanish write the space; English "96%" has none and is left alone); a `%` that
///   begins a word (`%25`, an address's escape) is no sign.
///
/// - a directional control (an embedding, override or isolate of UAX #9) is kept inside
///   the text (`BidiControls`): what the text leaves open is closed at its end, a closer
///   it did not open is left out, and a text with an embedding or override is put in an
///   isolate of its own, so that the text, once inserted into a sentence, a title or a
///   list, cannot turn what follows it around, its digits and signs included; a line or
///   paragraph separator (U+2028, U+2029), which would end the isolate, is a space.
///
/// The same for every language the outputs have (ca, es, en), and for every text a
/// reader of the site or a handbook (HTML and Typst) sees, once, where the presentation
/// layer gives it: the texts of the tree as `Localizer` picks them, the text nodes of
/// Markdown bodies (`MarkdownHTML`, `MarkdownTypst`), the interface words and the texts
/// filled in from them (`Strings.forReaders()`: dates, numbers, contractions), and the
/// municipalities' names (from office.yaml and the register). Never to code spans, link
/// destinations, ids, file names or attributes that are not reader text. Open data, the
/// command line and the tree's own files keep the writer's characters.
public enum Typography {
    /// `text` with the rules above; the same string when none applies (found without
    /// copying: eight bytes at a time are skipped while none is `'`, `%` or E2, the first
    /// byte of `€` and of the directional controls, as `HTML.escape` skips).
    public static func prose(_ text: String) -> String {
        var quotation = Quotation()
        return prose(text, quotation: &quotation)
    }

    /// `prose(_:)` of a text that goes on from the text before it in the same block (a
    /// Markdown paragraph's text nodes, split by a link or an emphasis): a quotation opened
    /// in one is closed in the next.
    public static func prose(_ text: String, quotation: inout Quotation) -> String {
        if let result = text.utf8.withContiguousStorageIfAvailable({ prose(utf8: $0, quotation: &quotation) }) { return result ?? text }
        var copy = text
        return copy.withUTF8 { prose(utf8: $0, quotation: &quotation) } ?? text
    }

    /// Whether a quotation was opened with `'` in the block so far, from one text of a
    /// block to the next; a new block starts with a new one.
    public struct Quotation: Sendable {
        var opened = false
        /// Whether the text that follows in the block (the next text node, inside a link
        /// or an emphasis that begins there) starts with a letter or a digit: a `'` that
        /// ends this text after a letter is then an apostrophe ("l'" before a link to
        /// "empresa"). Set by the caller for one text, before `prose`.
        public var followedByWord = false
        /// Whether the text before, in the block, ends with a letter or a digit right
        /// before this one (a link or an emphasis that ends there): a `'` that starts this
        /// text before a letter is then an apostrophe ("[office](…)'s"). Set by the caller.
        public var precededByWord = false
        public init() {}
    }

    /// Whether `b` ends with a letter or a digit (`precededByWord`).
    public static func endsWord(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let last = b.last else { return false }
        return isDigit(last) || endsLetter(b, before: b.count)
    }

    /// Whether `b` starts with a letter or a digit (`followedByWord`).
    public static func startsWord(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        !b.isEmpty && startsLetterOrDigit(b, at: 0)
    }

    /// The bytes with the rules applied, or nil when none applies: a first pass finds
    /// how many bytes the changes add, a second writes the new text straight into its
    /// string (one allocation; Catalan has an apostrophe in most texts).
    public static func prose(utf8 b: UnsafeBufferPointer<UInt8>) -> String? {
        var quotation = Quotation()
        return prose(utf8: b, quotation: &quotation)
    }

    /// `prose(utf8:)` of a text that goes on from the text before it in the same block.
    public static func prose(utf8 b: UnsafeBufferPointer<UInt8>, quotation: inout Quotation) -> String? {
        var added = 0, changed = false
        let start = quotation
        var bidi = BidiControls()
        scan(b, &quotation, &bidi) { _, change in
            changed = true
            added += change.bytesAdded
        }
        guard changed || !bidi.addsNothing else { return nil }
        let prefix = bidi.prefix, suffix = bidi.suffix
        var again = start
        var bidiAgain = BidiControls()
        return String(unsafeUninitializedCapacity: prefix.utf8.count + b.count + added + suffix.utf8.count) { out in
            var run = 0, o = 0
            for byte in prefix.utf8 {
                out[o] = byte
                o += 1
            }
            func copy(_ end: Int) {
                if end > run { _ = UnsafeMutableBufferPointer(rebasing: out[o..<(o + end - run)]).initialize(from: b[run..<end]) }
                o += end - run
            }
            scan(b, &again, &bidiAgain) { i, change in
                copy(i)
                switch change {
                case .apostrophe:
                    out[o] = 0xE2; out[o + 1] = 0x80; out[o + 2] = 0x99  // ’
                    o += 3
                    run = i + 1
                case .noBreakSpace:
                    out[o] = 0xC2; out[o + 1] = 0xA0  // no-break space
                    o += 2
                    run = i + 1
                case .dropped:
                    run = i + 3
                case .space:
                    out[o] = 0x20
                    o += 1
                    run = i + 3
                }
            }
            copy(b.count)
            for byte in suffix.utf8 {
                out[o] = byte
                o += 1
            }
            return o
        }
    }

    /// A change `scan` finds.
    enum Change {
        /// The byte is a `'` that becomes `’`.
        case apostrophe
        /// The byte is the space before a sign, which becomes a no-break space.
        case noBreakSpace
        /// The three bytes from there are a directional control the text does not open
        /// (`BidiControls.keeps`), left out.
        case dropped
        /// The three bytes from there are a line or paragraph separator, which becomes a
        /// space (`BidiControls.isSeparator`).
        case space

        /// How many bytes the change adds to the text.
        var bytesAdded: Int {
            switch self {
            case .apostrophe: return 2
            case .noBreakSpace: return 1
            case .dropped: return -3
            case .space: return -2
            }
        }
    }

    /// Calls `change` with the index of each byte to replace, in order, and what it
    /// becomes; `bidi` takes the text's directional controls, and is left with what the
    /// text leaves open. Eight bytes at a time are skipped while none is `'`, `%` or E2
    /// (the first byte of `€` and of each directional control).
    @inline(__always)
    static func scan(_ b: UnsafeBufferPointer<UInt8>, _ quotation: inout Quotation, _ bidi: inout BidiControls,
                     _ change: (Int, Change) -> Void) {
        guard let base = b.baseAddress else { return }
        let n = b.count
        var i = 0
        var quoted = quotation.opened
        let followedByWord = quotation.followedByWord, precededByWord = quotation.precededByWord
        defer { quotation.opened = quoted }
        while i < n {
            while i + 8 <= n, !mayChange(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) { i += 8 }
            let stop = min(n, i + 8)
            while i < stop {
                let c = base[i]
                if c == apostrophe {
                    if i > 0 ? endsLetter(b, before: i) : precededByWord, i + 1 < n ? startsLetterOrDigit(b, at: i + 1) : followedByWord {
                        if !inAddress(b, at: i) { change(i, .apostrophe) }
                    } else if i + 1 < n, startsLetter(b, at: i + 1), i == 0 || !(endsLetter(b, before: i) || isDigit(base[i - 1])) {
                        quoted = true
                    } else if !quoted, i > 0, base[i - 1] | 0x20 == UInt8(ascii: "s"), i + 1 == n || !startsLetterOrDigit(b, at: i + 1),
                              i >= 2 && endsLetter(b, before: i - 1), !inAddress(b, at: i) {
                        change(i, .apostrophe)
                    }
                } else if c == UInt8(ascii: "%") || (c == 0xE2 && i + 2 < n && base[i + 1] == 0x82 && base[i + 2] == 0xAC) {
                    // A sign, not the start of a word (`%25` escapes a byte in an address).
                    let after = c == UInt8(ascii: "%") ? i + 1 : i + 3
                    if i >= 2, base[i - 1] == UInt8(ascii: " "), isDigit(base[i - 2]),
                       after >= n || !(isASCIILetter(base[after]) || isDigit(base[after])) {
                        change(i - 1, .noBreakSpace)
                    }
                } else if c == 0xE2, i + 2 < n, let control = BidiControls.scalar(base[i + 1], base[i + 2]) {
                    if !bidi.keeps(control) { change(i, .dropped) }
                    i += 3
                    continue
                } else if c == 0xE2, i + 2 < n, BidiControls.isSeparator(base[i + 1], base[i + 2]) {
                    change(i, .space)
                    i += 3
                    continue
                }
                i += 1
            }
        }
    }

    static let apostrophe = UInt8(ascii: "'")

    /// Whether byte `i` stands in an address written in the text: a run without spaces
    /// that holds `://` or `@`, or begins with `www.` (`https://example.cat/l'oficina`,
    /// `o'brien@example.cat`), which must stay as written.
    static func inAddress(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        @inline(__always) func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
        var start = i, end = i
        while start > 0, !isSpace(b[start - 1]) { start -= 1 }
        while end < b.count, !isSpace(b[end]) { end += 1 }
        if end - start >= 4, b[start] == UInt8(ascii: "w"), b[start + 1] == UInt8(ascii: "w"), b[start + 2] == UInt8(ascii: "w"),
           b[start + 3] == UInt8(ascii: ".") { return true }
        var k = start
        while k < end {
            if b[k] == UInt8(ascii: "@") { return true }
            if b[k] == UInt8(ascii: ":"), k + 2 < end, b[k + 1] == UInt8(ascii: "/"), b[k + 2] == UInt8(ascii: "/") { return true }
            k += 1
        }
        return false
    }

    /// Whether an 8-byte word holds a `'`, a `%` or an E2 byte (the first of `€` and of
    /// the directional controls).
    @inline(__always)
    static func mayChange(_ word: UInt64) -> Bool {
        @inline(__always) func has(_ byte: UInt64) -> UInt64 {
            let x = word ^ (byte &* 0x0101_0101_0101_0101)
            return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
        }
        return (has(0x27) | has(0x25) | has(0xE2)) != 0
    }

    @inline(__always)
    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    @inline(__always)
    static func isASCIILetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }

    /// A Latin letter of two bytes (U+00C0–U+017F: à, é, ò, ç, ñ, ŀ…) starts with C3,
    /// C4 or C5; U+00D7 × and U+00F7 ÷ are the only signs among them.
    @inline(__always)
    static func isLatinLead(_ c: UInt8) -> Bool { c >= 0xC3 && c <= 0xC5 }

    /// Whether the character before byte `i` is a letter.
    @inline(__always)
    static func endsLetter(_ b: UnsafeBufferPointer<UInt8>, before i: Int) -> Bool {
        if isASCIILetter(b[i - 1]) { return true }
        return i >= 2 && isLatinLead(b[i - 2]) && b[i - 1] >= 0x80 && b[i - 1] <= 0xBF
            && !(b[i - 2] == 0xC3 && (b[i - 1] == 0x97 || b[i - 1] == 0xB7))
    }

    /// Whether the character at byte `i` is a letter.
    @inline(__always)
    static func startsLetter(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        startsLetterOrDigit(b, at: i) && !isDigit(b[i])
    }

    /// Whether the character at byte `i` is a letter or a digit.
    @inline(__always)
    static func startsLetterOrDigit(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let c = b[i]
        if isASCIILetter(c) || isDigit(c) { return true }
        return isLatinLead(c) && i + 1 < b.count && !(c == 0xC3 && (b[i + 1] == 0x97 || b[i + 1] == 0xB7))
    }
}
