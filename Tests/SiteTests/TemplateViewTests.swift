import Diagnostics
import Foundation
import Model
import OAECommands
import Rendering
@testable import Site
import XCTest

/// Every site template is rendered from a typed view model, and `oae check` compares each
/// tag with it.
final class TemplateViewTests: XCTestCase {
    func unknownVariables(_ tree: SiteTree) -> [Diagnostic] {
        CheckRun.diagnose(root: tree.root, asOf: Day("2026-11-25")).1.filter { $0.rule == "template-unknown-variable" }
    }

    func testTheSiteTemplatesNameOnlyWhatTheirViewModelsHave() throws {
        let tree = try SiteTree()
        defer { tree.remove() }
        XCTAssertEqual(unknownVariables(tree).map { "\($0.span): \($0.message)" }, [])
    }

    func testAMisspeltTagOfTheOfficePageIsReportedAtItsPlace() throws {
        let tree = try SiteTree()
        defer { tree.remove() }
        try tree.replace("templates/site/office.mustache", "<dd>{{ine_code}}</dd>", "<dd>{{ine_cod}}</dd>")
        let found = unknownVariables(tree)
        XCTAssertEqual(found.count, 1, "\(found.map(\.message))")
        XCTAssertEqual(found.first?.span.file, "templates/site/office.mustache")
        XCTAssertEqual(found.first?.span.start.line, 20)
        XCTAssertEqual(found.first?.span.start.column, 31)
        XCTAssertEqual(found.first?.help, "did you mean 'ine_code'?")
    }

    /// Templates of an older oae meet this one's view models: one note, on the first
    /// unknown tag, says so and how to update them (the regression hunt of session 14,
    /// LOW 7: 16 errors, no word about the version).
    func testUnknownTagsGetOneNoteAboutOlderTemplates() throws {
        let tree = try SiteTree()
        defer { tree.remove() }
        try tree.replace("templates/site/office.mustache", "<dd>{{ine_code}}</dd>", "<dd>{{ine_cod}}</dd><dd>{{has_legal}}</dd>")
        let found = unknownVariables(tree)
        XCTAssertEqual(found.count, 2, "\(found.map(\.message))")
        // On the name close to none (a field an older view model had), not on the typo.
        XCTAssertEqual(found.map(\.notes), [
            [],
            ["the templates may come from an older version of oae, whose view models gave other names; "
                + "this is oae \(OAE.version): compare templates/ with the templates/ of its example tree, and take over what changed"],
        ])
    }

    /// A typo alone is told its did-you-mean, not that the templates may be older (session
    /// 43's trial read that note under a misspelt name of the example's own templates).
    func testATypoAloneGetsNoNoteAboutOlderTemplates() throws {
        let tree = try SiteTree()
        defer { tree.remove() }
        try tree.replace("templates/site/office.mustache", "<dd>{{ine_code}}</dd>", "<dd>{{ine_cod}}</dd>")
        XCTAssertEqual(unknownVariables(tree).map(\.notes), [[]])
    }

    /// A partial that is no template of the folder would render as nothing (every office
    /// page's title was empty): an error at the tag, with the partial it likely means.
    func testAMisspeltPartialIsReportedAtItsPlace() throws {
        let tree = try SiteTree()
        defer { tree.remove() }
        try tree.replace("templates/site/office.mustache", "{{#name}}{{>text}}{{/name}}</h1>", "{{#name}}{{>txt}}{{/name}}</h1>")
        let found = CheckRun.diagnose(root: tree.root, asOf: Day("2026-11-25")).1.filter { $0.rule == "template-unknown-partial" }
        XCTAssertEqual(found.map { "\($0.span.file):\($0.span.start.line):\($0.span.start.column): \($0.message) | \($0.help ?? "")" },
                       ["templates/site/office.mustache:1:43: partial 'txt' is no template of templates/site/ | did you mean 'text'?"])
    }

    /// The site's address is one absolute http(s) address: a space, another scheme or a
    /// second line is an error at it, an empty file a warning (the example address is used).
    func testTheSitesAddressIsOneAbsoluteAddress() throws {
        let tree = try SiteTree()
        defer { tree.remove() }
        func problem(_ text: String) throws -> String {
            try tree.write(SiteSettings.baseURLPath, text)
            return SiteSettings.baseURLProblem(root: tree.root).map { "\($0.severity) \($0.span): \($0.message)" } ?? "none"
        }
        XCTAssertEqual(try problem("https://xarxa.example.cat/oae/\n"), "none")
        XCTAssertEqual(try problem("https://real.example.org/oae/ x\n"),
                       "error templates/site/base-url.txt:1:30: the site's address 'https://real.example.org/oae/ x' holds a space")
        XCTAssertEqual(try problem("ftp://x.org/\n"),
                       "error templates/site/base-url.txt:1:1: the site's address 'ftp://x.org/' is not an absolute http or https address with a host")
        XCTAssertEqual(try problem("https://a.example/\nhttps://b.example/\n"),
                       "error templates/site/base-url.txt:2:1: base-url.txt holds one address; line 2 is another")
        XCTAssertEqual(try problem("\n"),
                       "warning templates/site/base-url.txt:1:1: the site's address is empty, so the example address https://xarxa-oae.example.cat/ is used in the sitemap and the open data's identifiers")
    }

    func testEveryTemplateHasAViewModelAndNoViewNamesAMissingTemplate() {
        XCTAssertEqual(Set(SiteBuild.views.keys), Set(SiteBuild.templateNames))
    }

    func testAPageViewCarriesTheInterfaceWordsBesideTheBody() {
        guard case let .object(members) = ViewShape.of(PageView<NotFoundView>.self) else { return XCTFail("not an object") }
        XCTAssertEqual(Set(members.keys), ["home_href", "model_href", "search_href", "has_search", "ui", "lang"])
        XCTAssertEqual(members["ui"], .map)
    }
}
