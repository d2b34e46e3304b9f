import XCTest

/// A text no font of the handbook PDFs shows is one warning per file, at its first
/// character; comments are not texts.
final class TextNoFontRuleTests: XCTestCase {
    func testATextWithAnEmojiIsOneWarningAndACommentNone() throws {
        let office = "seeds/molins-de-rei/office.yaml"
        try assertDiagnostics([
            "text-no-font \(office):6:33: no font of the handbook PDFs (Liberation Sans and DejaVu Sans) shows '🚀' (U+1F680), in 2 places",
        ]) { t in
            try t.replace(office, "name: {ca: OAE de Molins de Rei, es: OAE de Molins de Rei}",
                          "name: {ca: OAE de Molins de Rei 🚀, es: OAE de Molins de Rei 🚀}  # 🎉 a comment is not shown")
            try t.write(office, "# 欢迎: neither is this one\n" + (try t.read(office)))
        }
    }

    /// The interface strings are texts the handbooks show: a character no font shows is
    /// the same warning there (they were not scanned, and the PDF's build stopped), and an
    /// invisible control too; a comment is not a text.
    func testTheInterfaceStringsAreTextsToo() throws {
        let strings = "templates/strings/ca.yaml"
        try assertDiagnostics([
            "text-no-font \(strings):116:36: no font of the handbook PDFs (Liberation Sans and DejaVu Sans) shows '🚀' (U+1F680)",
            "text-invisible-character \(strings):116:37: the text holds an invisible bidirectional control, '\u{202E}' (U+202E), which the outputs apply unseen",
        ]) { t in
            try t.replace(strings, "badge_local_variant: \"Variant local\"", "badge_local_variant: \"Variant local🚀\u{202E}\"  # 🎉 not shown")
        }
        // Written as an escape, the character is the same one, placed at its value.
        try assertDiagnostics([
            "text-invisible-character \(strings):116:22: the text holds a zero-width space, '\u{200B}' (U+200B), which the outputs apply unseen",
        ]) { t in
            try t.replace(strings, "badge_local_variant: \"Variant local\"", "badge_local_variant: \"Variant\\u200Blocal\"")
        }
    }

    /// A character written as an escape of a double-quoted value is the character: found at
    /// its backslash (s13's regression hunt: `"Carrer\u200BMajor \u202E1"` passed). An
    /// escaped backslash, and the same letters in a Markdown body, are text.
    func testACharacterWrittenAsAnEscapeIsThatCharacter() throws {
        let office = "seeds/molins-de-rei/office.yaml"
        let service = "model/services/company-creation.md"
        try assertDiagnostics([
            "text-invisible-character \(office):5:26: the text holds a zero-width space, '\u{200B}' (U+200B), which the outputs apply unseen",
            "text-invisible-character \(office):5:39: the text holds an invisible bidirectional control, '\u{202E}' (U+202E), which the outputs apply unseen",
        ]) { t in
            try t.replace(office, "name: {ca: OAE de Molins de Rei, es: OAE de Molins de Rei}",
                          "name: {ca: \"OAE de Molins\\u200Bde Rei \\u202E1 \\\\u200B\", es: OAE de Molins de Rei}")
            try t.write(service, (try t.read(service)) + "\nEl text pot dir \\u200B sense ser-ho.\n")
        }
    }

    /// YAML's named escapes of a double-quoted value are their characters too (`\P`, the
    /// paragraph separator, which ends a text's isolate; `\N`, NEL), and so are the direction
    /// marks (U+200F); the same letters after a backslash in a plain value are text
    /// ("C:\Program" writes no U+2029).
    func testNamedEscapesSeparatorsAndMarksAreFound() throws {
        let office = "seeds/molins-de-rei/office.yaml"
        try assertDiagnostics([
            "text-invisible-character \(office):5:26: the text holds a line or paragraph separator, '\u{2029}' (U+2029), which the outputs apply unseen",
            "text-invisible-character \(office):5:35: the text holds a line or paragraph separator, '\u{85}' (U+0085), which the outputs apply unseen",
            "text-invisible-character \(office):5:39: the text holds a line or paragraph separator, '\u{2028}' (U+2028), which the outputs apply unseen",
            "text-invisible-character \(office):5:55: the text holds an invisible direction mark, '\u{200F}' (U+200F), which the outputs apply unseen",
            // The fixture's languages are ca and es.
            "translation-language \(office):5:73: 'en' is not a language of the model (ca, es), so no output shows this text",
        ]) { t in
            try t.replace(office, "name: {ca: OAE de Molins de Rei, es: OAE de Molins de Rei}",
                          "name: {ca: \"OAE de Molins\\Pde Rei \\N1 \\L\", es: \"OAE de\u{200F} Molins de Rei\", en: C:\\Program \\N}")
        }
    }
}
