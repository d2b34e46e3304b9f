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
}
