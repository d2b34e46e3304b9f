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

    /// A partial that is no template of the folder would render as nothing (every office
    /// page's title was empty): an error at the tag, with the partial it likely means.
    func testAMisspeltPartialIsReportedAtItsPlace() throws {
        let tree = try SiteTree()
        defer { tree.remove() }
        try tree.replace("templates/site/office.mustache", "<h1>{{#name}}{{>text}}{{/name}}</h1>", "<h1>{{#name}}{{>txt}}{{/name}}</h1>")
        let found = CheckRun.diagnose(root: tree.root, asOf: Day("2026-11-25")).1.filter { $0.rule == "template-unknown-partial" }
        XCTAssertEqual(found.map { "\($0.span.file):\($0.span.start.line):\($0.span.start.column): \($0.message) | \($0.help ?? "")" },
                       ["templates/site/office.mustache:1:17: partial 'txt' is no template of templates/site/ | did you mean 'text'?"])
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
