import Diagnostics
import Loading
import Model

/// `text-apostrophe`: an apostrophe written with a look-alike between two letters: an
/// acute accent (`l´empresa`, U+00B4, what a Spanish keyboard's accent key gives before a
/// space), a backtick (U+0060), an opening quotation mark (U+2018) or a prime (U+2032).
/// The outputs typeset `'` as the typographic apostrophe (’, `Typography`); a look-alike
/// is printed as it is, and read aloud as what it is. Catalan writes an apostrophe in
/// almost every sentence (l', d', s'), English in many; none of these characters stands
/// between two letters in a text of the model's languages otherwise. One warning per file,
/// at the first, the others as a note. In a Markdown body a backtick is syntax (code), so
/// only the other three are looked for there.
struct ApostropheRule: DocumentRule {
    static let rules = [
        RuleInfo("text-apostrophe", "A text writes an apostrophe with a look-alike (an acute accent, a backtick, an opening quotation mark or a prime)."),
    ]
    static let checksTranslations = true
    static var readsMarkdownBodies: Bool { true }

    /// A document's diagnostics are its own texts'.
    func keepsOtherDocuments(_ delta: ValidationContext.Delta) -> Bool { true }

    func prepare(_ c: ValidationContext) {}

    /// The look-alikes, and those looked for in a Markdown body.
    static let lookAlikes: Set<Unicode.Scalar> = ["\u{00B4}", "\u{0060}", "\u{2018}", "\u{2032}"]
    static let inBodies: Set<Unicode.Scalar> = ["\u{00B4}", "\u{2018}", "\u{2032}"]

    func check(_ doc: Document, _: Void, _ c: ValidationContext) -> [Diagnostic] {
        // Most files hold none of the characters (`LookAlikeApostrophe`, found as they load).
        guard doc.mayHoldLookAlike else { return [] }
        var found: [(position: SourcePosition, scalar: Unicode.Scalar, word: String)] = []
        for (span, text) in doc.root.map(TextNoFontRule.strings) ?? [] {
            for (offset, scalar, word) in ApostropheRule.find(text, ApostropheRule.lookAlikes) {
                let width = span.end.column - span.start.column, n = text.unicodeScalars.count
                // Plain (width n) or quoted (n + 2) on one line: the column is exact.
                let column = span.start.line == span.end.line && (width == n || width == n + 2)
                    ? span.start.column + (width == n ? 0 : 1) + offset : span.start.column
                found.append((SourcePosition(line: span.start.line, column: column), scalar, word))
            }
        }
        if let md = doc.markdown, ApostropheRule.mayHold(md.body, backtick: false) {
            for (i, line) in md.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for (offset, scalar, word) in ApostropheRule.find(String(line), ApostropheRule.inBodies) {
                    found.append((SourcePosition(line: md.bodyLineOffset + i + 1, column: offset + 1), scalar, word))
                }
            }
        }
        guard let first = found.first else { return [] }
        let others = found.dropFirst().prefix(5).map { "\($0.position.line):\($0.position.column)" }
        let fixed = first.word.replacingOccurrences(of: String(first.scalar), with: "'")
        return [.warning("text-apostrophe",
                         "'\(first.word)' writes its apostrophe as \(VisibleText.codePoint(first.scalar)) \(ApostropheRule.name(first.scalar)), which the outputs print as it is"
                             + (found.count > 1 ? " (and \(found.count - 1) more in this file)" : ""),
                         at: SourceSpan(file: doc.path, start: first.position,
                                        end: SourcePosition(line: first.position.line, column: first.position.column + 1)),
                         notes: others.isEmpty ? [] : ["also at " + others.joined(separator: ", ") + (found.count > 6 ? " and \(found.count - 6) more" : "")],
                         help: "write it with a plain apostrophe, \(fixed): the outputs print it as ’")]
    }

    static func name(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\u{00B4}": return "ACUTE ACCENT"
        case "\u{0060}": return "GRAVE ACCENT (a backtick)"
        case "\u{2018}": return "LEFT SINGLE QUOTATION MARK"
        default: return "PRIME"
        }
    }

    static func mayHold(_ text: String, backtick: Bool = true) -> Bool {
        var previous: UInt8 = 0, beforeThat: UInt8 = 0
        for b in text.utf8 {
            if (backtick && b == 0x60) || (previous == 0xC2 && b == 0xB4) || (beforeThat == 0xE2 && previous == 0x80 && (b == 0x98 || b == 0xB2)) {
                return true
            }
            (beforeThat, previous) = (previous, b)
        }
        return false
    }

    /// Each look-alike of `set` between two letters in `text`: its offset in scalars, the
    /// scalar and the word around it (`l´empresa`).
    static func find(_ text: String, _ set: Set<Unicode.Scalar>) -> [(Int, Unicode.Scalar, String)] {
        // Most texts hold none: their bytes are looked at first, for ` (60), ´ (C2 B4),
        // ‘ (E2 80 98) and ′ (E2 80 B2); not for C2 or E2 alone, which start the middle dot
        // of "l·l" and the typographic apostrophe, in most Catalan texts.
        guard ApostropheRule.mayHold(text) else { return [] }
        let scalars = Array(text.unicodeScalars)
        var out: [(Int, Unicode.Scalar, String)] = []
        for i in scalars.indices.dropFirst().dropLast() where set.contains(scalars[i]) {
            guard scalars[i - 1].properties.isAlphabetic, scalars[i + 1].properties.isAlphabetic else { continue }
            var start = i - 1, end = i + 1
            while start > 0, scalars[start - 1].properties.isAlphabetic { start -= 1 }
            while end + 1 < scalars.count, scalars[end + 1].properties.isAlphabetic { end += 1 }
            var word = String.UnicodeScalarView()
            word.append(contentsOf: scalars[start...end])
            out.append((i, scalars[i], String(word)))
        }
        return out
    }
}
