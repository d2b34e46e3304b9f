@testable import Presentation
import XCTest

/// The strings' check reads a text's placeholders as `Strings.fill` fills them: from a `{`
/// byte to the next `}`, whatever follows the brace.
final class StringsCheckNamesTests: XCTestCase {
    func testThePlaceholdersAreThoseFillFills() {
        XCTAssertEqual(StringsCheck.names("de {municipality}, {n} de {total}"), ["municipality", "n", "total"])
        XCTAssertEqual(StringsCheck.names("obert { sense tancar {n}"), [" sense tancar {n"])
        XCTAssertEqual(StringsCheck.names("sense claus"), [])
        // A brace with a combining mark after it is one `Character`, but a brace to `fill`.
        let text = "{\u{301}n} i {m}"
        XCTAssertEqual(StringsCheck.names(text), ["\u{301}n", "m"])
        XCTAssertEqual(Strings.fill(text, ["\u{301}n": "1", "m": "2"]), "1 i 2")
    }
}
