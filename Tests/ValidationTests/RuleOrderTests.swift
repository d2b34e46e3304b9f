import Diagnostics
import Foundation
import Model
@testable import Validation
import XCTest

/// The rules start longest first (issue 13), and their results still come back in the
/// order of `Validator.all`, each rule's the diagnostics it makes on its own.
final class RuleOrderTests: XCTestCase {
    func testTheLongestRulesStartFirst() {
        let names = Validator.startOrder.map { String(describing: type(of: Validator.all[$0])) }
        XCTAssertEqual(Array(names.prefix(7)), ["LinkRule", "SchemaRule", "ReferenceRule", "TranslationRule", "OverrideRule",
                                                "IdentityRule", "KeyRule"])
        XCTAssertEqual(names.last, "PlaceholderRule")
        // Each rule once.
        XCTAssertEqual(Validator.startOrder.sorted(), Array(Validator.all.indices))
    }

    /// On the fixture network broken in six places (six rules report): rule i's result
    /// is rule i's own diagnostics, in the order it makes them.
    func testResultsInTheOrderOfAll() throws {
        let fixture = try FixtureTree()
        defer { fixture.remove() }
        let sf = "seeds/sant-feliu-de-llobregat"
        try fixture.replace("model/roles/business-advisor.yaml", "id: business-advisor", "id: advisor")
        try fixture.replace("\(sf)/adaptation.yaml", "welcome-and-triage: office-coordinator", "welcome-and-triage: office-coordinater")
        try fixture.replace("\(sf)/office.yaml", "ine_code: \"08211\"", "ine_code: \"08123\"")
        try fixture.replace("\(sf)/communication-plan.yaml", "audience: entrepreneurs", "audience: general-public")
        try fixture.replace("\(sf)/reports/2026-q3.yaml", "quarter: 3", "quarter: 2")
        try fixture.replace("\(sf)/services/local-retail-support.md", "status: local", "status: core")
        let tree = TreeLoader.load(root: fixture.root)
        let context = ValidationContext(network: Network(tree: tree), asOf: FixtureTree.asOf)
        let (results, run) = Validator.validateByRule(context, previous: nil)
        XCTAssertEqual(results.count, Validator.all.count)
        XCTAssertEqual(run, Validator.all.count)
        func text(_ d: [Diagnostic]) -> [String] { d.map { "\($0.rule) \($0.span): \($0.message)" } }
        var rulesWithDiagnostics = 0
        for (i, rule) in Validator.all.enumerated() {
            let alone = rule.check(context)
            if !alone.isEmpty { rulesWithDiagnostics += 1 }
            XCTAssertEqual(text(results[i].all), text(alone), String(describing: type(of: rule)))
        }
        XCTAssertGreaterThanOrEqual(rulesWithDiagnostics, 5)
        XCTAssertEqual(text(Validator.validate(context)), text(results.flatMap(\.all)))
    }

    /// The reference index a context makes beside the resolution and the schemas is the
    /// one made alone.
    func testReferenceIndexMadeBeside() throws {
        let tree = try FixtureTree()
        defer { tree.remove() }
        let network = Network(tree: TreeLoader.load(root: tree.root))
        let context = ValidationContext(network: network, asOf: FixtureTree.asOf)
        let alone = ReferenceIndex(network)
        XCTAssertEqual(context.references.model, alone.model)
        XCTAssertEqual(context.references.local, alone.local)
        XCTAssertEqual(context.references.kinds, alone.kinds)
        XCTAssertEqual(context.references.model["service"]?["business-transfer"]?.file, "model/services/business-transfer.md")
    }

    /// The ids of a kind looked up once (`ReferenceIndex.visible`) answer as the index
    /// does id by id: the model's ids, the municipality's own, none of another's; a kind
    /// without an index is not indexed (issue 13, session 50).
    func testVisibleIdsAnswerAsTheIndex() throws {
        let tree = try FixtureTree()
        defer { tree.remove() }
        let index = ReferenceIndex(Network(tree: TreeLoader.load(root: tree.root)))
        let slugs = Array(index.local.keys).sorted()
        XCTAssertFalse(slugs.isEmpty)
        XCTAssertEqual(index.unreadable, [], "every list of the fixture reads: any id of an unreadable kind is known")
        var checked = 0
        for kind in index.kinds.sorted() + ["no-such-kind"] {
            for municipality in [nil] + slugs.map(Optional.some) {
                let visible = index.visible(kind, municipality: municipality)
                XCTAssertEqual(visible.indexed, index.kinds.contains(kind))
                let ids = Set((index.model[kind] ?? [:]).keys).union(index.local.values.flatMap { ($0[kind] ?? [:]).keys })
                for id in ids.sorted() + ["no-such-id"] {
                    let expected = index.model[kind]?[id] != nil || municipality.map { index.local[$0]?[kind]?[id] != nil } == true
                    XCTAssertEqual(visible.contains(id), expected, "\(kind) \(id) from \(municipality ?? "the model")")
                    XCTAssertEqual(index.contains(id, kind, municipality: municipality), expected)
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 100)
    }
}
