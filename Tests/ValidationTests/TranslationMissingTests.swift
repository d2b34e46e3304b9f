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
            "a: {ca: x, es: '   ', en: \"\\t\"}",
        ]
        for text in texts {
            let (root, _) = YAMLLoader().load(bytes: Array(text.utf8), file: "t.yaml")
            let node = try XCTUnwrap(root?["a"], text)
            XCTAssertEqual(TranslationRule.missing(node, languages, defaultLanguage: "ca"),
                           LocalizedText(node, defaultLanguage: "ca")?.missing(languages), text)
        }
    }

    /// A translation file whose body has no text is a warning at it: the outputs show the
    /// original's text in its place.
    func testATranslationWithoutTextIsAWarningAtIt() throws {
        let path = "model/services/company-creation.es.md"
        let tree = try FixtureTree()
        defer { tree.remove() }
        let text = try tree.read(path)
        let end = try XCTUnwrap(text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex))
        try tree.write(path, String(text[..<end.upperBound]) + "\n")
        let lines = String(text[..<end.upperBound]).split(separator: "\n", omittingEmptySubsequences: false).count
        XCTAssertEqual(tree.diagnostics().filter { $0.contains(path) }, [
            "translation-missing \(path):\(lines):1: this Spanish (es) translation has no text, so the Catalan (ca) text is shown in its place, marked as not translated",
        ])
    }

    /// A translation file in the default language is not read: said as such (it was "not a
    /// translation language of the model (ca, es, en)", which lists ca).
    func testATranslationInTheDefaultLanguageSaysSo() throws {
        let tree = try FixtureTree()
        defer { tree.remove() }
        try tree.write("model/services/company-creation.ca.md", try tree.read("model/services/company-creation.es.md"))
        XCTAssertEqual(tree.diagnostics().filter { $0.hasPrefix("translation-orphan") }, [
            "translation-orphan model/services/company-creation.ca.md:1:1: Catalan (ca) is the default language, so model/services/company-creation.md's own text is read as Catalan (ca) and this file is not read",
        ])
    }
}
