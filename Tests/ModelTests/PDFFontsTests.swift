import Diagnostics
import Model
import XCTest

/// The characters no font of the handbook PDFs shows, found in a file's bytes with their
/// lines and columns.
final class PDFFontsTests: XCTestCase {
    func testCatalanSpanishEnglishAndTheirPunctuationAreShown() {
        for text in ["L'Hospitalet · col·laboració «cometes» – 12 € … ’", "Año, señal, ¿qué? ¡sí!", "Business “support” — ©"] {
            XCTAssertEqual(PDFFonts.unshowable(in: Array(text.utf8)), [], text)
        }
        XCTAssertTrue(PDFFonts.shows("أ"), "Arabic is in DejaVu Sans")
        XCTAssertFalse(PDFFonts.shows("欢"))
        XCTAssertFalse(PDFFonts.shows("🚀"))
    }

    /// Lines and columns in Unicode scalars, as the YAML loader counts them: a BOM is not
    /// counted, a CRLF ends one line, a two-, three- or four-byte character is one column.
    func testEachCharacterIsPlacedAtItsLineAndColumn() {
        let text = "\u{FEFF}name: àé 欢\r\n  x: 🚀🚀 ok\nlong line of ascii text only 12345678 迎"
        XCTAssertEqual(PDFFonts.unshowable(in: Array(text.utf8)).map { "\($0.scalar) \($0.position.line):\($0.position.column)" },
                       ["欢 1:10", "🚀 2:6", "🚀 2:7", "迎 3:39"])
    }
}
