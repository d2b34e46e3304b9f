import Diagnostics
import Loading
import Model

/// A text holds an invisible control of its direction or breaks
/// (`PDFFonts.isInvisibleControl`: U+202A–U+202E, U+2066–U+2069, U+200B). The outputs
/// show the text reordered or split where the tree shows nothing ("Trojan source"), and
/// no text in the model's languages needs them; a text in a right-to-left language could
/// (a bidirectional isolate around a Hebrew name), so this is a warning, at each such
/// character of a text (a string value, or a Markdown body).
struct TextInvisibleRule: DocumentRule {
    static let rules = [
        RuleInfo("text-invisible-character", "A text holds an invisible bidirectional control or zero-width space."),
    ]
    static let checksTranslations = true

    /// A document's diagnostics are its own bytes'.
    func keepsOtherDocuments(_ delta: ValidationContext.Delta) -> Bool { true }

    func prepare(_ c: ValidationContext) {}

    func check(_ doc: Document, _: Void, _ c: ValidationContext) -> [Diagnostic] {
        guard !doc.invisible.isEmpty else { return [] }
        return TextNoFontRule.inTexts(doc.invisible, of: doc).map { u in
            let end = SourcePosition(line: u.position.line, column: u.position.column + 1)
            let what = u.scalar.value == 0x200B ? "a zero-width space" : "an invisible bidirectional control"
            return .warning("text-invisible-character",
                            "the text holds \(what), \(TextNoFontRule.describe(u.scalar)), which the outputs apply unseen",
                            at: SourceSpan(file: doc.path, start: u.position, end: end),
                            help: "delete it (an editor that shows invisible characters helps): texts in Catalan, Spanish and English do not need it")
        }
    }
}
