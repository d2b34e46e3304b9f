import Diagnostics
import Model
import OAECommands
import XCTest

/// The budget rules on the fixture network, whose Sant Feliu budget for 2026 costs
/// coord-1 (1 FTE × 52,000 €) and adv-1 (1 FTE × 46,000 €), 9,000 € of premises and
/// 1,500 € of licences (108,500 €), funded by 60,000 + 30,000 + 25,000 €.
final class BudgetRuleTests: XCTestCase {
    let budget = "seeds/sant-feliu-de-llobregat/budgets/2026.yaml"

    func testAConformingBudget() throws {
        try assertDiagnostics([]) { _ in }
    }

    func testFundingShortOfTheTotal() throws {
        try assertDiagnostics([
            "budget-funding-short seeds/sant-feliu-de-llobregat/budgets/2026.yaml:13:1: the funding of 2026 adds up to 105,000 €, short of the total of 108,500 € by 3,500 €",
        ]) { try $0.replace(self.budget, "amount: 25000", "amount: 15000") }
    }

    /// Amounts with fractions of a cent are the schema's error at the value (amounts are to
    /// the cent); the budget's figures are still rounded to the cent and the shortfall is
    /// their difference (a fresh user read "short of 211850.56 € by 0.55 €").
    func testAShortfallOfFractionsOfACentAgreesWithTheFiguresShown() throws {
        try assertDiagnostics([
            "schema-multiple-of seeds/sant-feliu-de-llobregat/budgets/2026.yaml:12:15: expected a multiple of 0.01; found 1500.555",
            "budget-funding-short seeds/sant-feliu-de-llobregat/budgets/2026.yaml:13:1: the funding of 2026 adds up to 108,500 €, short of the total of 108,500.56 € by 0.56 €",
        ]) { t in
            try t.replace(self.budget, "amount: 1500\n", "amount: 1500.555\n")
            try t.replace(self.budget, "amount: 25000", "amount: 18500")
        }
    }

    func testAPostNotInTheStaffingPlan() throws {
        try assertDiagnostics([
            "budget-post-unknown seeds/sant-feliu-de-llobregat/budgets/2026.yaml:7:13: post 'adv-9' is not in the staffing plan of sant-feliu-de-llobregat",
        ]) { try $0.replace(self.budget, "post: adv-1", "post: adv-9") }
    }

    func testTheSchemaKnowsTheFundingSources() throws {
        try assertDiagnostics([
            "schema-enum seeds/sant-feliu-de-llobregat/budgets/2026.yaml:14:13: expected one of council, agency, provincial-council, regional-programme, other; found \"ajuntament\"",
        ]) { try $0.replace(self.budget, "source: council", "source: ajuntament") }
    }

    /// The figures oae computes: the total, the funding by source and the cost per
    /// person attended (110 + 125 people in the fixture's 2026 reports).
    func testTheComputedFigures() throws {
        let t = try FixtureTree()
        defer { t.remove() }
        let network = Network(tree: CheckRun.diagnose(root: t.root, asOf: FixtureTree.asOf).0)
        let b = try XCTUnwrap(network.budgets("sant-feliu-de-llobregat").first)
        XCTAssertEqual(b.year, 2026)
        XCTAssertEqual(b.posts.map(\.cost), [52000, 46000])
        XCTAssertEqual(b.total, 108_500)
        XCTAssertEqual(b.funded, 115_000)
        XCTAssertEqual(b.funded(by: .provincialCouncil), 30000)
        XCTAssertTrue(b.covered)
        XCTAssertEqual(b.peopleAttended, 235)
        XCTAssertEqual(try XCTUnwrap(b.costPerPersonAttended), 461.702, accuracy: 0.001)
        XCTAssertEqual(network.budgets("molins-de-rei").count, 0)
    }
}
