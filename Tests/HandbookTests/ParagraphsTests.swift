import Foundation
@testable import Handbook
import XCTest

/// `Markup.paragraphs` cuts a text at its blank lines as Foundation does, without
/// Foundation's search on the usual texts (issue 13).
final class ParagraphsTests: XCTestCase {
    func foundation(_ text: String) -> [String] {
        text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    func testParagraphsAreFoundationsSplit() {
        let texts = [
            "", "\n\n", "Una línia.", "  Primer paràgraf.\nSegona línia.\n\nSegon paràgraf.  \n",
            "a\n\n\nb", "a\n\n\n\nb", "\n\na\n\n", "\u{00A0}Espai dur\u{00A0}\n\n\u{2003}em\u{2028}",
            "Línia\n\nÀrea amb accent", "a\n\u{0301}b\n\nc", "Windows\r\n\r\nline breaks", "a\r\n\nb",
            "Emoji 👩‍💼\n\n👩‍💼 al principi", "\t tab \t\n\n\n\t",
        ]
        for text in texts {
            XCTAssertEqual(Markup.paragraphs(text), foundation(text), text.debugDescription)
        }
        XCTAssertEqual(Markup.paragraphs("  Primer paràgraf.\nSegona línia.\n\nSegon paràgraf.  \n"),
                       ["Primer paràgraf.\nSegona línia.", "Segon paràgraf."])
    }
}
