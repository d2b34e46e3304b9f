import Diagnostics
import Loading
@testable import Schema
import XCTest

/// `propertyNames` through the evaluator's memo (`Evaluator.validNames`, issue 13): a
/// name found valid is not walked again, and every name is told as the walk tells it.
final class PropertyNameMemoTests: XCTestCase {
    let schema = """
        type: object
        properties:
          title: {$ref: "#/$defs/text"}
          purpose: {$ref: "#/$defs/text"}
          owners:
            type: object
            propertyNames: {x-ref: role}
        $defs:
          text:
            oneOf:
              - type: string
              - type: object
                propertyNames: {pattern: "^[a-z]{2}$"}
                additionalProperties: {type: string}
        """

    func compiled() throws -> SchemaValidator {
        let (compiled, problems) = validator([("s.schema.yaml", schema)])
        XCTAssertEqual(problems.map(\.message), [])
        return try XCTUnwrap(compiled)
    }

    func summary(_ r: SchemaValidation) -> [String] {
        r.diagnostics.map { "\($0.rule) \($0.span.start) \($0.message)" }
    }

    /// A bad code after good ones, and the same bad code twice: each told where it is.
    func testAnInvalidNameIsToldEachTimeAfterValidOnes() throws {
        let v = try compiled()
        let r = v.validate(yaml("title: {ca: Hola, es: Hola}\npurpose: {ca: Fer, EN: Do, EN2: Do}\n"))
        let alone = v.validate(yaml("purpose: {ca: Fer, EN: Do, EN2: Do}\n"))
        XCTAssertEqual(r.diagnostics.count, alone.diagnostics.count)
        XCTAssertFalse(r.diagnostics.isEmpty)
        XCTAssertEqual(summary(r).map { $0.replacingOccurrences(of: " 2:", with: " 1:") }, summary(alone))
        XCTAssertTrue(v.validate(yaml("title: {ca: Hola, es: Hola}\npurpose: {ca: Fer, es: Hacer}\n")).diagnostics.isEmpty)
    }

    /// A name schema that records an annotation (`x-ref`) is walked for every name: each
    /// name is a reference, told at its own place.
    func testNamesWithAnnotationsAreRecordedEachTime() throws {
        let v = try compiled()
        let r = v.validate(yaml("owners:\n  advisor: 1\n  manager: 2\n  advisor2: 3\n"))
        XCTAssertEqual(r.diagnostics.map(\.message), [])
        let keys = r.annotated.filter(\.isKey).map { "\($0.node.string ?? "") \($0.node.span.start)" }
        XCTAssertEqual(keys, ["advisor 2:3", "manager 3:3", "advisor2 4:3"])
    }

    /// The memo against the walk: two evaluators, one made fresh for each name.
    func testTheMemoAnswersAsTheWalk() throws {
        let v = try compiled()
        let names = ["ca", "es", "ca", "EN", "ca", "e", "es", "EN", "fr"]
        var shared = Evaluator(graph: v.graph)
        let text = v.graph.nodes[v.root].keywords.properties["title"]!
        let object = v.graph.nodes[v.graph.nodes[text].keywords.ref ?? text].keywords.oneOf[1]
        let names_ = try XCTUnwrap(v.graph.nodes[object].keywords.propertyNames)
        for name in names {
            var fresh = Evaluator(graph: v.graph)
            let key = Node(.string(name), span: SourceSpan(file: "doc.yaml", line: 1, column: 1))
            XCTAssertEqual(shared.evaluatePropertyName(names_, key), fresh.evaluatePropertyName(names_, key), name)
        }
        XCTAssertEqual(shared.validNames.first?.names.keys, ["ca", "es", "fr"])
        XCTAssertEqual(shared.failures.count, 3)
    }
}
