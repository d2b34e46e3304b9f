import Loading
import Model
@testable import Validation
import XCTest

/// `TranslationRule.missing` (no dictionary per text) says what `LocalizedText.missing`
/// says, for every shape a translatable value takes.
final class TranslationMissingTests: XCTestCase {
    func testMissingAsLocalizedText() throws {
        let languages = ["ca", "es", "en"]
        let texts = [
            "a: text", "a: {ca: x, es: y, en: z}", "a: {ca: x}", "a: {ca: x, es: 3, en: ~}", "a: {}",
            "a: [x]", "a: 4", "a: {ca: x, ca: y}", "a: {es: y, fr: z}", "a:", "a: {1: x, true: y}",
        ]
        for text in texts {
            let (root, _) = YAMLLoader().load(bytes: Array(text.utf8), file: "t.yaml")
            let node = try XCTUnwrap(root?["a"], text)
            XCTAssertEqual(TranslationRule.missing(node, languages, defaultLanguage: "ca"),
                           LocalizedText(node, defaultLanguage: "ca")?.missing(languages), text)
        }
    }
}
