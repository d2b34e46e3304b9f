import Diagnostics
import Loading
import Model
import Resolution
import XCTest

/// The merge of a municipality's override into a model document, by the rules of
/// model/schema/README.md: mappings merge, keyed lists merge item by item (`$remove`
/// removes one), other lists and scalars replace; every value keeps where it was written.
final class MergeTests: XCTestCase {
    static let schema = """
        $schema: https://json-schema.org/draft/2020-12/schema
        $id: https://schema.oae.example/service.schema.yaml
        type: object
        properties:
          name: {type: string}
          channels: {type: array, items: {type: string}}
          commitments:
            type: array
            x-key: id
            items:
              type: object
              properties:
                id: {type: string}
                target: {type: number}
                note: {type: string}
        """

    func node(_ text: String, _ file: String) -> Node {
        let (node, problems) = YAMLLoader().load(text: text, file: file, lineOffset: 0)
        XCTAssertEqual(problems.map(\.message), [])
        return node!
    }

    func merge(_ local: String) -> (Node, [FieldOverride]) {
        let (merged, overrides, _) = mergeAll(local)
        return (merged, overrides)
    }

    /// The merge, its overrides and the redundant ones (the model's own value).
    func mergeAll(_ local: String) -> (Node, [FieldOverride], [FieldOverride]) {
        let annotations = SchemaAnnotations(schemas: ["service": ("model/schema/service.schema.yaml",
                                                                  node(MergeTests.schema, "model/schema/service.schema.yaml"))])
        XCTAssertEqual(annotations.diagnostics.map(\.message), [])
        let model = node("""
            name: Creació d'empreses
            channels: [in-person, phone]
            commitments:
              - id: first-appointment
                target: 5
                note: dies laborables
              - id: answer-email
                target: 2
            """, "model/services/company-creation.md")
        var merger = Merger(annotations: annotations, kind: .service, target: "company-creation")
        let merged = merger.merge(model, node(local, "seeds/x/adaptation.yaml"))
        return (merged, merger.overrides, merger.redundant)
    }

    /// A value equal to the model's (by JSON's equality: 5 is 5.0) changes nothing: it is
    /// not an override the outputs list (the office page and `diff` called it a change,
    /// "target: 5 → 5"), but a redundant one, which `override-redundant` reports.
    func testTheModelsOwnValueIsNotAChange() {
        let (merged, overrides, redundant) = mergeAll("""
            name: Creació d'empreses
            commitments:
              - id: first-appointment
                target: 5.0
              - id: answer-email
                target: 1
            """)
        XCTAssertEqual(overrides.map(\.fieldName), ["commitments[answer-email].target"])
        XCTAssertEqual(redundant.map(\.fieldName), ["name", "commitments[first-appointment].target"])
        XCTAssertEqual("\(merged["name"]!.span)", "seeds/x/adaptation.yaml:1:7", "the value is the local one, where it was written")
    }

    /// A key written twice is merged once, its first value, as the rest of oae reads it
    /// (the review: the second was merged over the first, which was then called the model's).
    func testAKeyWrittenTwiceIsMergedOnceItsFirstValue() throws {
        let annotations = SchemaAnnotations(schemas: ["service": ("model/schema/service.schema.yaml",
                                                                  node(MergeTests.schema, "model/schema/service.schema.yaml"))])
        let model = node("channels: [in-person, phone]\ncommitments:\n  - id: first-appointment\n    target: 5\n", "model/services/x.md")
        let (local, problems) = YAMLLoader().load(text: """
            commitments:
              - id: first-appointment
                target: 3
            commitments:
              - id: first-appointment
                target: 9
            """, file: "seeds/x/adaptation.yaml", lineOffset: 0)
        XCTAssertEqual(problems.map(\.rule), ["yaml-duplicate-key"])
        var merger = Merger(annotations: annotations, kind: .service, target: "x")
        let merged = merger.merge(model, try XCTUnwrap(local))
        XCTAssertEqual(merged["commitments"]?.sequence?.first?["target"]?.number, 3)
        XCTAssertEqual(merger.overrides.map { "\($0.fieldName) \($0.modelValue?.number ?? -1) → \($0.localValue.number ?? -1)" },
                       ["commitments[first-appointment].target 5.0 → 3.0"])
    }

    func testKeyedItemsMergeByIdAndTheKeyIsNotAChange() {
        let (merged, overrides) = merge("""
            commitments:
              - id: first-appointment
                target: 3
              - id: callback
                target: 1
            """)
        let items = merged["commitments"]?.sequence ?? []
        XCTAssertEqual(items.compactMap { $0["id"]?.string }, ["first-appointment", "answer-email", "callback"])
        XCTAssertEqual(items[0]["target"]?.int, 3)
        XCTAssertEqual(items[0]["note"]?.string, "dies laborables", "fields the municipality did not name stay the model's")
        XCTAssertEqual(overrides.map(\.fieldName), ["commitments[first-appointment].target", "commitments[callback]"])
        // Provenance: the model's value and the local one, each where it was written.
        XCTAssertEqual("\(overrides[0].modelValue!.span)", "model/services/company-creation.md:5:13")
        XCTAssertEqual("\(overrides[0].localValue.span)", "seeds/x/adaptation.yaml:3:13")
        XCTAssertEqual("\(items[0]["target"]!.span)", "seeds/x/adaptation.yaml:3:13")
        XCTAssertEqual("\(items[0]["note"]!.span)", "model/services/company-creation.md:6:11")
    }

    func testRemoveTakesOutOneKeyedItem() {
        let (merged, overrides) = merge("""
            commitments:
              - id: answer-email
                $remove: true
              - id: not-in-the-model
                $remove: true
            """)
        XCTAssertEqual(merged["commitments"]?.sequence?.compactMap { $0["id"]?.string }, ["first-appointment"])
        XCTAssertEqual(overrides.map(\.fieldName), ["commitments[answer-email]"])
        XCTAssertEqual(overrides.map(\.removes), [true])
    }

    func testScalarsAndUnkeyedListsReplace() {
        let (merged, overrides) = merge("""
            name: Creació i primers passos
            channels: [online]
            """)
        XCTAssertEqual(merged["name"]?.string, "Creació i primers passos")
        XCTAssertEqual(merged["channels"]?.sequence?.compactMap(\.string), ["online"])
        XCTAssertEqual(overrides.map(\.fieldName), ["name", "channels"])
        XCTAssertEqual(overrides.map { $0.modelValue?.string ?? "[…]" }, ["Creació d'empreses", "[…]"])
    }

    /// `Merger.same`: durations of one kind of unit, exact in both, by length.
    func testTheSameDurationInOtherUnits() throws {
        let pairs: [(String, String, Bool)] = [
            ("PT90M", "PT1H30M", true), ("P7D", "P1W", true), ("PT3600S", "PT1H", true), ("P1D", "PT24H", false),
            ("P1M", "P30D", false), ("P1Y", "P1Y", true), ("PT1H", "PT2H", false), ("PT1H", "text", false),
        ]
        for (a, b, same) in pairs {
            let (root, _) = YAMLLoader().load(bytes: Array("a: \(a)\nb: \(b)\n".utf8), file: "t.yaml")
            let x = try XCTUnwrap(root?["a"]), y = try XCTUnwrap(root?["b"])
            XCTAssertEqual(Merger.same(x, y), same, "\(a) \(b)")
        }
    }
}
