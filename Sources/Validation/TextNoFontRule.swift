import Diagnostics
import Loading
import Model

/// A text holds a character no font of the handbook PDFs shows (`PDFFonts`): a Chinese
/// word, an emoji. The site and the HTML handbooks show it (the reader's browser has fonts
/// for it), but a handbook PDF that holds it cannot be built (PDF/UA-1 needs a font for
/// every character), and the build stops there. One warning per file, at the first such
/// character of a text (a string value, or a Markdown body: comments and keys are not
/// shown), naming the characters and the other places; the interface strings
/// (`templates/strings/<lang>.yaml`) are texts too. A warning, not an error: a text that
/// no handbook shows (an agreement's, a budget's) builds.
///
/// The same scan of the file finds the invisible controls of a text's direction and
/// breaks (`PDFFonts.isInvisibleControl`: U+202A–U+202E, U+2066–U+2069, the marks U+200E,
/// U+200F, U+061C, U+200B, and the separators U+2028, U+2029, U+0085): the
/// outputs show the text reordered or split where the tree shows nothing ("Trojan
/// source"), and no text in the model's languages needs them; a text in a right-to-left
/// language could (an isolate around a Hebrew name), so `text-invisible-character` is a
/// warning, at each such character of a text.
struct TextNoFontRule: DocumentRule {
    static let rules = [
        RuleInfo("text-no-font", "A text holds a character no font of the handbook PDFs shows."),
        RuleInfo("text-invisible-character", "A text holds an invisible bidirectional control or mark, a zero-width space, or a line or paragraph separator."),
    ]
    static let checksTranslations = true

    /// A document's diagnostics are its own bytes'.
    func keepsOtherDocuments(_ delta: ValidationContext.Delta) -> Bool { true }

    func prepare(_ c: ValidationContext) {}

    func check(_ doc: Document, _: Void, _ c: ValidationContext) -> [Diagnostic] {
        guard !doc.unshowable.isEmpty || !doc.invisible.isEmpty else { return [] }
        return TextNoFontRule.noFont(doc.path, TextNoFontRule.inTexts(doc.unshowable, of: doc))
            + TextNoFontRule.invisible(doc.path, TextNoFontRule.inTexts(doc.invisible, of: doc))
    }

    /// The interface strings (`templates/strings/<lang>.yaml`): the handbooks show them too,
    /// so a character no font shows stops a PDF's build as a document's text does (they were
    /// not scanned). Their string values are read as loaded, so a character written as an
    /// escape (`"\u200B"`) is found too; it is placed in its value when the value is written
    /// on one line as it reads (plain, or quoted without escapes), else at the value.
    func checkRest(_ c: ValidationContext) -> [Diagnostic] {
        let tree = c.network.tree
        return tree.uiStrings.keys.sorted().flatMap { key -> [Diagnostic] in
            guard let file = tree.uiStrings[key] else { return [] }
            var unshowable: [PDFFonts.Unshowable] = [], invisible: [PDFFonts.Unshowable] = []
            for (span, text) in TextNoFontRule.strings(file.node) where !text.utf8.allSatisfy({ $0 < 0x80 }) {
                for (offset, scalar) in text.unicodeScalars.enumerated() {
                    let hidden = PDFFonts.isInvisibleControl(scalar)
                    guard hidden || !PDFFonts.shows(scalar) else { continue }
                    let width = span.end.column - span.start.column
                    let n = text.unicodeScalars.count
                    // Plain (width n) or quoted (n + 2) on one line: the column is exact.
                    let column = span.start.line == span.end.line && (width == n || width == n + 2)
                        ? span.start.column + (width == n ? 0 : 1) + offset : span.start.column
                    let found = PDFFonts.Unshowable(scalar: scalar, position: SourcePosition(line: span.start.line, column: column))
                    if hidden { invisible.append(found) } else { unshowable.append(found) }
                }
            }
            return TextNoFontRule.noFont(file.path, unshowable) + TextNoFontRule.invisible(file.path, invisible)
        }
    }

    /// The string values of a YAML tree with their spans.
    static func strings(_ node: Node) -> [(SourceSpan, String)] {
        var out: [(SourceSpan, String)] = []
        func walk(_ n: Node) {
            switch n.value {
            case let .string(s): out.append((n.span, s))
            case let .sequence(items): items.forEach(walk)
            case let .mapping(pairs): pairs.forEach { walk($0.value) }
            default: break
            }
        }
        walk(node)
        return out
    }

    /// `text-invisible-character`, at each invisible control `shown` in a text of the file at `path`.
    static func invisible(_ path: String, _ shown: [PDFFonts.Unshowable]) -> [Diagnostic] {
        shown.map { u in
            let end = SourcePosition(line: u.position.line, column: u.position.column + 1)
            let what = PDFFonts.invisibleKind(u.scalar)
            // One diagnostic per character: one that no face has either (the isolates) is
            // not also `text-no-font`'s, which would ask for the same deletion. Typst lays
            // these out as nothing, font or not: a handbook PDF that holds one is built (the
            // note saying it could not be was untrue; session 34's check of it).
            let d = Diagnostic.warning("text-invisible-character",
                                       "the text holds \(what), \(TextNoFontRule.describe(u.scalar)), which the outputs apply unseen",
                                       at: SourceSpan(file: path, start: u.position, end: end),
                                       help: "delete it (an editor that shows invisible characters helps): texts in Catalan, Spanish and English do not need it")
            return d
        }
    }

    /// `text-no-font`, one for the characters `shown` in the texts of the file at `path`.
    static func noFont(_ path: String, _ shown: [PDFFonts.Unshowable]) -> [Diagnostic] {
        guard let first = shown.first else { return [] }
        var distinct: [Unicode.Scalar] = []
        for u in shown where !distinct.contains(u.scalar) { distinct.append(u.scalar) }
        let named = distinct.prefix(3).map(TextNoFontRule.describe)
        let more = distinct.count - named.count
        var what = more > 0 ? named.joined(separator: ", ") + " and \(more) more character\(more == 1 ? "" : "s")"
            : named.count == 1 ? named[0] : named.dropLast().joined(separator: ", ") + " and " + named.last!
        if shown.count > distinct.count { what += ", in \(shown.count) places" }
        let others = shown.dropFirst().prefix(5).map { "\($0.position.line):\($0.position.column)" }
        var notes: [String] = []
        if !others.isEmpty {
            notes.append("also at " + others.joined(separator: ", ") + (shown.count > 6 ? " and \(shown.count - 6) more" : ""))
        }
        let end = SourcePosition(line: first.position.line, column: first.position.column + 1)
        return [.warning("text-no-font", "no font of the handbook PDFs (\(PDFFonts.families)) shows \(what)",
                         at: SourceSpan(file: path, start: first.position, end: end), notes: notes,
                         help: "a handbook PDF that holds this text cannot be built (PDF/UA needs a font for every character); "
                             + "write it another way (a word instead of an emoji), or keep it to texts no handbook shows")]
    }

    /// The characters of `found` that stand in a text of `doc` (a string value, or its
    /// Markdown body), not in a key or a comment.
    static func inTexts(_ found: [PDFFonts.Unshowable], of doc: Document) -> [PDFFonts.Unshowable] {
        guard !found.isEmpty else { return [] }
        return inTexts(found, texts: doc.root.map(TextNoFontRule.strings) ?? [], bodyAfter: doc.markdown?.bodyLineOffset)
    }

    /// The characters of `found` inside one of `texts`, or after line `bodyAfter` (a body).
    /// An escape counts where the text's value holds its character: in a double-quoted
    /// value, not in a plain one that writes a backslash ("C:\Program" is no U+2029).
    static func inTexts(_ found: [PDFFonts.Unshowable], texts: [(SourceSpan, String)], bodyAfter: Int?) -> [PDFFonts.Unshowable] {
        found.filter { u in
            // A Markdown body writes `\u200B` as text; a YAML value's escape is the character.
            if let bodyAfter, u.position.line > bodyAfter { return !u.escaped }
            return texts.contains { span, value in
                span.start <= u.position && u.position < span.end && (!u.escaped || value.unicodeScalars.contains(u.scalar))
            }
        }
    }

    /// `'欢' (U+6B22)`.
    static func describe(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "'\(scalar)' (U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex))"
    }
}
