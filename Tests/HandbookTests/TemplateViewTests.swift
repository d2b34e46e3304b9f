import Diagnostics
import Foundation
@testable import Handbook
import OAECommands
import Rendering
import XCTest

/// Every tag of the handbook's templates names something of its typed view model;
/// `oae check` reports one that does not at its file:line:col.
final class TemplateViewTests: FixtureTreeTestCase {
    func unknownVariables() -> [Diagnostic] {
        CheckRun.diagnose(root: root, asOf: HandbookTestSupport.asOf).1.filter { $0.rule == "template-unknown-variable" }
    }

    func testTheRealTemplatesNameOnlyWhatTheirViewModelsHave() {
        XCTAssertEqual(unknownVariables().map { "\($0.span): \($0.message)" }, [])
    }

    func testAMisspeltTagIsReportedAtItsPlace() throws {
        let path = "templates/handbook/chapters/office.mustache"
        let url = root.appendingPathComponent(path)
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        lines.insert("<p>{{{description_typo}}}</p>", at: 4)
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        let found = unknownVariables()
        XCTAssertEqual(found.count, 1, found.map { "\($0.span): \($0.message)" }.joined(separator: "\n"))
        let d = try XCTUnwrap(found.first)
        XCTAssertEqual(d.span.file, path)
        XCTAssertEqual(d.span.start.line, 5)
        XCTAssertEqual(d.span.start.column, 7)
        XCTAssertTrue(d.message.contains("description_typo"), d.message)
    }

    /// Each template has the shape of its view model, partials included.
    func testEveryTemplateHasAViewShape() {
        let views = HandbookRenderer.views
        for name in HandbookRenderer.requiredTemplates {
            XCTAssertNotNil(views[name], name)
        }
        XCTAssertNotNil(views["chapters/office"]?.member("contact_rows"))
        XCTAssertNotNil(views["partials/text"]?.member("fallback"))
    }
}
