import Foundation
import Loading
import Model
import Presentation
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

    /// The words of the report: the tree's strings in its default language.
    func words(_ tree: TempTree) -> ValueFormatter {
        let network = Network(tree: TreeLoader.load(root: tree.root))
        return ValueFormatter(network: network, language: network.settings.defaultLanguage)
    }

    /// The fixture municipality: an omission, an adoption, two overrides, a local
    /// service, a variant with a shorter time limit, a local owner.
    func testGoldenTextAndJSON() throws {
        let tree = try TempTree.fixture()
        defer { tree.remove() }
        let d = try diff(tree, "sant-feliu-de-llobregat")
        try assertGolden(DiffReport.text(d, words: words(tree)), "diff-sant-feliu.txt")
        try assertGolden(DiffReport.json(d).serialized() + "\n", "diff-sant-feliu.json")
    }

    func testAMunicipalityThatUsesTheModelAsItIs() throws {
        let tree = try TempTree.fixture()
        defer { tree.remove() }
        XCTAssertEqual(DiffReport.text(try diff(tree, "molins-de-rei"), words: words(tree)), """
            molins-de-rei: diferències respecte del model fixture-model 1.0.0
            L'adaptació parteix d'aquesta versió del model.

            Cap diferència: el municipi fa servir el model tal com és.

            """)
    }

    /// A session's duration is worded as the variants' time limits are ("1 hora → 45
    /// minuts", not "PT1H → PT45M": session 38's trial).
    /// A text in several languages is shown in the report's language, not as the model's
    /// mapping (session 44's trial read `{ca: …}` in an English report).
    func testATranslatedTextIsShownInTheReportsLanguage() throws {
        let tree = try TempTree.fixture()
        defer { tree.remove() }
        try tree.write("seeds/molins-de-rei/adaptation.yaml", """
            municipality: molins-de-rei
            base_model_version: 1.0.0
            overrides:
              procedures:
                welcome-and-triage:
                  steps:
                    - id: s1
                      action: Rebre la persona a la recepció.

            """)
        let network = Network(tree: TreeLoader.load(root: tree.root))
        let text = DiffReport.text(try diff(tree, "molins-de-rei"), words: ValueFormatter(network: network, language: "es"))
        XCTAssertTrue(text.contains("steps[s1].action: Recibir a la persona. → Rebre la persona a la recepció. (seeds/molins-de-rei/adaptation.yaml:8)"), text)
        // In a list of texts and in a new item too (the review).
        XCTAssertEqual(DiffReport.shown(node("[{ca: Un projecte., es: Un proyecto.}, Text]"), in: "es"), "[Un proyecto., Text]")
        XCTAssertEqual(DiffReport.shown(node("{id: nou, metric: {ca: Dies, es: Días}, target: 4}"), in: "es"), "{id: nou, metric: Días, target: 4}")
        XCTAssertEqual(DiffReport.shown(node("{ca: Dies}"), in: "es"), "[ca] Dies")
    }

    func node(_ text: String) -> Node {
        YAMLLoader().load(text: text, file: "x.yaml", lineOffset: 0).0!
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
                  duration: PT45M
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
        let text = DiffReport.text(try diff(tree, "molins-de-rei"), words: words(tree))
        XCTAssertEqual(text, """
            molins-de-rei: diferències respecte del model fixture-model 1.0.0
            L'adaptació parteix de la versió 0.9.0 del model, no de la 1.0.0.

            Valors modificats (2)
              - servei company-creation (Creació d'empreses), camp duration: 1 hora → 45 minuts (seeds/molins-de-rei/adaptation.yaml:6)
              - servei company-creation (Creació d'empreses), element commitments[first-appointment]: suprimit (seeds/molins-de-rei/adaptation.yaml:8)

            Procediments propis (1)
              - market-visits (Visites als mercats) (seeds/molins-de-rei/procedures/market-visits.md)

            Responsables locals de procediments (1)
              - welcome-and-triage: business-advisor (model: office-coordinator) (seeds/molins-de-rei/adaptation.yaml:15)

            Objectius locals d'indicadors (1)
              - indicador people-attended (Persones ateses): target.value 100 → 900 (seeds/molins-de-rei/adaptation.yaml:13)

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
