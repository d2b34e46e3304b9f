import Foundation
@testable import OAECommands
import XCTest

/// docs/rules.md explains every rule oae reports, and nothing else.
final class RulesDocTests: XCTestCase {
    func testEveryRuleHasItsSectionAndEverySectionARule() throws {
        let doc = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        let headings = Set(doc.split(separator: "\n").filter { $0.hasPrefix("### ") }.map { String($0.dropFirst(4)) })
        let ids = Set(Rules.catalog.rules.map(\.id))
        XCTAssertEqual(ids.subtracting(headings).sorted(), [], "rules without a section in docs/rules.md")
        XCTAssertEqual(headings.subtracting(ids).sorted(), [], "sections of docs/rules.md that name no rule")
    }
}
