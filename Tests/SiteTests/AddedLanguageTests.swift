import Foundation
import Model
import OAECommands
import Outputs
@testable import Site
import XCTest

/// A language added as the README says (its tag in `languages` of model/model.yaml, its
/// strings file): the site's pages in it mark what is not translated with the language it
/// is written in (session 45's trial added Aranese, `oc`).
final class AddedLanguageTests: XCTestCase {
    func tree() throws -> SiteTree {
        let tree = try SiteTree(example: true)
        try tree.replace("model/model.yaml", "  - en\n", "  - en\n  - oc\n")
        let ca = try tree.read("templates/strings/ca.yaml")
        try tree.write("templates/strings/ca.yaml", ca.replacingOccurrences(of: "language.en: \"anglès\"\n", with: "language.en: \"anglès\"\nlanguage.oc: \"occità\"\n"))
        for language in ["es", "en"] {
            let text = try tree.read("templates/strings/\(language).yaml")
            let line = try XCTUnwrap(text.components(separatedBy: "\n").first { $0.hasPrefix("language.en:") })
            try tree.write("templates/strings/\(language).yaml", text.replacingOccurrences(of: line + "\n", with: line + "\nlanguage.oc: \"Occitan\"\n"))
        }
        try tree.write("templates/strings/oc.yaml", try tree.read("templates/strings/ca.yaml").replacingOccurrences(of: "nav_home: \"Inici\"", with: "nav_home: \"Inici (oc)\""))
        return tree
    }

    /// The compliance pages without an Aranese template show the Catalan one, marked and
    /// tagged `lang="ca"` from its heading on (WCAG 3.1.2), and the check says which are
    /// missing; the header's title, not translated, is tagged too.
    func testAPageNotTranslatedIsMarkedAndTagged() throws {
        let tree = try tree()
        defer { tree.remove() }
        let pages = try sitePages(try tree.input())
        let page = try XCTUnwrap(pages["oc/accessibility.html"])
        XCTAssertTrue(page.contains("<html lang=\"oc\""), page)
        XCTAssertTrue(page.contains("<p class=\"note\"><span class=\"fallback-mark\">[sense traduir]</span> Aquest text encara no està traduït i es mostra en la llengua original.</p>\n<div lang=\"ca\" class=\"fallback\">\n<h1>Declaració d’accessibilitat</h1>"), page)
        XCTAssertTrue(page.contains("<p class=\"site-title\"><a href=\"index.html\" lang=\"ca\">"), page)
        // A proposal's decision (who decided, when): its body not translated, marked.
        let proposals = try XCTUnwrap(pages["oc/model/proposals.html"])
        XCTAssertTrue(proposals.contains("<dd><span lang=\"ca\" class=\"fallback\">Comitè tècnic de la xarxa</span> <span class=\"fallback-mark\">[sense traduir]</span>, "), proposals)
        // A language with its own template and title: nothing marked.
        let es = try XCTUnwrap(pages["es/accessibility.html"])
        XCTAssertFalse(es.contains("class=\"fallback\""), es)
        XCTAssertTrue(es.contains("<p class=\"site-title\"><a href=\"index.html\">"), es)
        let (loaded, _) = CheckRun.diagnose(root: tree.root, asOf: Day("2026-11-25"))
        let warned = SiteStep().check(Network(tree: loaded)).filter { $0.rule == "translation-missing" }.map { "\($0.span.file): \($0.message)" }
        XCTAssertEqual(warned, [
            "templates/site/pages/accessibility.ca.mustache: the accessibility page has no Occitan (oc) text, so its oc page shows the Catalan (ca) text, marked",
            "templates/site/pages/legal-notice.ca.mustache: the legal notice page has no Occitan (oc) text, so its oc page shows the Catalan (ca) text, marked",
            "templates/site/pages/contact.ca.mustache: the contact page has no Occitan (oc) text, so its oc page shows the Catalan (ca) text, marked",
        ])
        // A page written for the language but misnamed is told so, with its name (session
        // 45's review: the translator was told only to write the page it had written).
        try tree.write("templates/site/pages/contact.OC.mustache", try tree.read("templates/site/pages/contact.ca.mustache"))
        let (again, _) = CheckRun.diagnose(root: tree.root, asOf: Day("2026-11-25"))
        let misnamed = SiteStep().check(Network(tree: again)).filter { $0.rule == "translation-orphan" }
        XCTAssertEqual(misnamed.map { "\($0.span.file): \($0.message) | \($0.help ?? "")" }, [
            "templates/site/pages/contact.OC.mustache: 'OC' is not a language of the model (ca, es, en, oc), so nothing reads this page | rename it templates/site/pages/contact.oc.mustache",
        ])
    }

    /// A language added without its strings file is listed by its tag in the language
    /// switcher of every page (it was listed as "Català", the default language's name).
    func testALanguageWithoutItsStringsIsListedByItsTag() throws {
        let tree = try SiteTree(example: true)
        defer { tree.remove() }
        try tree.replace("model/model.yaml", "  - en\n", "  - en\n  - fr\n")
        let pages = try sitePages(try tree.input())
        for page in ["ca/index.html", "fr/index.html"] {
            let html = try XCTUnwrap(pages[page])
            XCTAssertTrue(html.contains("lang=\"fr\" hreflang=\"fr\">fr</a>") || html.contains("lang=\"fr\" hreflang=\"fr\" aria-current=\"true\">fr</a>"), page)
            XCTAssertEqual(html.components(separatedBy: ">Català</a>").count, 2, page)
        }
    }
}
