import Foundation
import Loading
import Model
import Resolution
@testable import Workflow
import XCTest

final class DiffTests: XCTestCase {
    static let goldens = TempTree.packageRoot.appendingPathComponent("Tests/Fixtures/impact-golden")

    func diff(_ tree: TempTree, _ slug: String) throws -> ModelDiff {
        let network = Network(tree: TreeLoader.load(root: tree.root))
        let resolved = try XCTUnwrap(Resolver.resolve(network, municipality: slug))
        return ModelDiff(network: network, resolved: resolved)
    }

    /// The fixture municipality: an omission, an adoption, two overrides, a local
    /// service, a variant with a shorter time limit, a local owner.
    func testGoldenTextAndJSON() throws {
        let tree = try TempTree.fixture()
        defer { tree.remove() }
        let d = try diff(tree, "sant-feliu-de-llobregat")
        try assertGolden(DiffReport.text(d, defaultLanguage: "ca"), "diff-sant-feliu.txt")
        try assertGolden(DiffReport.json(d).serialized() + "\n", "diff-sant-feliu.json")
    }

    func testAMunicipalityThatUsesTheModelAsItIs() throws {
        let tree = try TempTree.fixture()
        defer { tree.remove() }
        XCTAssertEqual(DiffReport.text(try diff(tree, "molins-de-rei"), defaultLanguage: "ca"), """
            molins-de-rei: differences from the model fixture-model 1.0.0
            The adaptation is based on this version of the model.

            No differences: the municipality uses the model as it is.

            """)
    }

    func testRemovalsIndicatorTargetsOwnersAndLocalProcedures() throws {
        let tree = try TempTree.fixture()
        defer { tree.remove() }
        try tree.write("seeds/molins-de-rei/adaptation.yaml", """
            municipality: molins-de-rei
            base_model_version: 0.9.0
            overrides:
              services:
                company-creation:
                  commitments:
                    - id: first-appointment
                      $remove: true
              indicators:
                people-attended:
                  target:
                    value: 900
            procedure_owners:
              welcome-and-triage: business-advisor

            """)
        try tree.write("seeds/molins-de-rei/procedures/market-visits.md", """
            ---
            id: market-visits
            type: methodology
            title: {ca: Visites als mercats, es: Visitas a los mercados}
            purpose: {ca: Conèixer els paradistes., es: Conocer a los paradistas.}
            trigger: {ca: Cada trimestre., es: Cada trimestre.}
            owner_role: business-advisor
            steps:
              - {id: s1, role: business-advisor, action: {ca: Visitar., es: Visitar.}, output: {ca: Notes., es: Notas.}}
              - {id: s2, role: business-advisor, action: {ca: Resumir., es: Resumir.}, output: {ca: Informe., es: Informe.}}
            escalation: {ca: Coordinació., es: Coordinación.}
            ---

            Visites.

            """)
        let text = DiffReport.text(try diff(tree, "molins-de-rei"), defaultLanguage: "ca")
        XCTAssertEqual(text, """
            molins-de-rei: differences from the model fixture-model 1.0.0
            The adaptation is based on model version 0.9.0, not 1.0.0.

            Overridden values (1)
              - item commitments[first-appointment] of service company-creation: removed (seeds/molins-de-rei/adaptation.yaml:7)

            Local procedures (1)
              - market-visits ([ca] Visites als mercats) (seeds/molins-de-rei/procedures/market-visits.md)

            Local owners of procedures (1)
              - welcome-and-triage: business-advisor (model: office-coordinator) (seeds/molins-de-rei/adaptation.yaml:14)

            Local indicator targets (1)
              - indicator people-attended: target.value 100 → 900 (seeds/molins-de-rei/adaptation.yaml:12)

            """)
    }

    func assertGolden(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = DiffTests.goldens.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["OAE_UPDATE_GOLDENS"] == "1" {
            try FileManager.default.createDirectory(at: DiffTests.goldens, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(actual, expected, "differs from \(name); run with OAE_UPDATE_GOLDENS=1 and review the diff", file: file, line: line)
    }
}
