import Diagnostics
import Loading
import Model
import OAECommands
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

    /// A text in a language the model does not have is a warning at its key (the schemas
    /// take any language tag, so that a language is added in `languages` alone): `oc`
    /// left out of the languages published nothing without a word (session 45's trial);
    /// `cat` is asked about as Catalan's three-letter code. A translation file in such a
    /// language says where the languages are listed.
    func testATextInALanguageTheModelLacksIsAnErrorAtItsKey() throws {
        let tree = try FixtureTree()
        defer { tree.remove() }
        try tree.replace("model/services/company-creation.md", "name: {ca: Creació d'empreses, es: Creación de empresas}",
                         "name: {ca: Creació d'empreses, es: Creación de empresas, oc: Creacion d'empreses, cat: x}")
        try tree.write("model/services/company-creation.oc.md", "---\nid: company-creation\n---\nTèxte.\n")
        XCTAssertEqual(tree.diagnostics().filter { $0.hasPrefix("translation-language") || $0.hasPrefix("translation-orphan") }, [
            "translation-language model/services/company-creation.md:3:58: 'oc' is not a language of the model (ca, es), so no output shows this text",
            "translation-language model/services/company-creation.md:3:83: 'cat' is not a language of the model (ca, es), so no output shows this text",
            "translation-orphan model/services/company-creation.oc.md:1:1: 'oc' is not a translation language of the model (ca, es)",
        ])
        let helps = CheckRun.diagnose(root: tree.root, asOf: FixtureTree.asOf).1.filter { $0.rule == "translation-language" || $0.rule == "translation-orphan" }.compactMap(\.help)
        XCTAssertEqual(helps, [
            "to publish the model in Occitan (oc), add '- oc' to languages in model/model.yaml (its interface strings then go in templates/strings/oc.yaml)",
            "did you mean 'ca'? The model writes Catalan as 'ca'",
            "to publish the model in Occitan (oc), add '- oc' to languages in model/model.yaml (its interface strings then go in templates/strings/oc.yaml)",
        ])
        // Added to the languages, the texts are read: no error, and the file translates.
        try tree.replace("model/model.yaml", "languages: [ca, es]", "languages: [ca, es, oc]")
        try tree.replace("model/services/company-creation.md", ", cat: x}", "}")
        XCTAssertEqual(tree.diagnostics().filter { $0.hasPrefix("translation-language") || $0.hasPrefix("translation-orphan") }, [])
    }

    /// A language written in capitals in the model's list is its one error (it was every
    /// text's warning: 1,160, each asking for `FR:`), and a default language outside the
    /// list is an error at it (the schema's enum said it; without it, 824 template errors
    /// followed from the default's missing strings): session 45's review.
    func testTheModelsLanguagesAndDefaultAreCheckedOnce() throws {
        let tree = try FixtureTree()
        defer { tree.remove() }
        try tree.replace("model/model.yaml", "languages: [ca, es]", "languages: [ca, es, FR]")
        let found = tree.diagnostics().filter { !$0.hasPrefix("ui-string") }
        XCTAssertEqual(found, ["schema-pattern model/model.yaml:6:21: \"FR\" is not a language tag, written in lower case"])
        try tree.replace("model/model.yaml", "languages: [ca, es, FR]", "languages: [ca, es]")
        try tree.replace("model/model.yaml", "default_language: ca", "default_language: de")
        XCTAssertEqual(tree.diagnostics(), [
            "translation-default model/model.yaml:7:19: the default language 'de' is not one of the model's languages (ca, es)",
        ])
        // A model language's variant: the code alone is that language (`oc` for `oc-aranes`).
        XCTAssertEqual(LanguageNames.meant("oc", in: ["ca", "oc-aranes"]), "oc-aranes")
        XCTAssertEqual(LanguageNames.meant("fr_FR", in: ["ca", "fr"]), "fr")
        XCTAssertEqual(LanguageNames.meant("oc", in: ["ca", "es"]), nil)
    }

    /// A translation file in a model language written otherwise (`x.spa.md`) is an error, as
    /// such a text's key is, and its sections are not compared (session 45's review: a
    /// warning, and "until then spa readers do not see them"); a key with a variant in
    /// capitals is asked for the whole tag (`oc_Aranes` → `oc-aranes`, not `oc`).
    func testAFileInAModelLanguageWrittenOtherwiseIsAnError() throws {
        let tree = try FixtureTree()
        defer { tree.remove() }
        try tree.write("model/services/company-creation.spa.md", "---\nid: company-creation\n---\nText.\n")
        try tree.replace("model/services/company-creation.md", "name: {ca: Creació d'empreses, es: Creación de empresas}",
                         "name: {ca: Creació d'empreses, es: Creación de empresas, oc_Aranes: Creacion}")
        let (_, found) = CheckRun.diagnose(root: tree.root, asOf: FixtureTree.asOf)
        let shown = found.filter { $0.span.file.hasPrefix("model/services/company-creation") }
            .map { "\($0.severity) \($0.rule) \($0.span.file): \($0.help ?? "")" }
        XCTAssertEqual(shown, [
            "error schema-property-names model/services/company-creation.md: did you mean 'oc-aranes'? A text's languages are written as model/model.yaml lists them",
            "error translation-orphan model/services/company-creation.spa.md: did you mean 'es'? The model writes Spanish as 'es'",
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
