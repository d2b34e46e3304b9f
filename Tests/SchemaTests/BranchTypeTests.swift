import Diagnostics
import Loading
@testable import Schema
import XCTest

/// `oneOf` and `anyOf` skip the branches whose `type` the value does not have
/// (`Evaluator.excludedByType`, issue 13); what they tell is what trying every branch told.
final class BranchTypeTests: XCTestCase {
    func messages(_ schema: String, _ document: String) throws -> [String] {
        let (compiled, problems) = validator([("s.schema.yaml", schema)])
        XCTAssertEqual(problems.map(\.message), [])
        return try XCTUnwrap(compiled).validate(yaml(document)).diagnostics.map { "\($0.rule) \($0.span.start) \($0.message)" }
    }

    let schema = """
        type: object
        properties:
          v:
            oneOf:
              - {type: string, minLength: 2}
              - {type: object}
              - {not: {type: [object, array]}, maxLength: 1}
              - {type: integer, maximum: 5}
        """

    func testTheValidBranchesAreCountedAcrossSkippedOnes() throws {
        XCTAssertEqual(try messages(schema, "v: ab\n"), [])
        XCTAssertEqual(try messages(schema, "v: {a: 1}\n"), [])
        XCTAssertEqual(try messages(schema, "v: 30\n"), [])
        XCTAssertEqual(try messages(schema, "v: a\n"), [])
        XCTAssertEqual(try messages(schema, "v: 3\n"), [
            "schema-one-of 1:4 the value fits more than one of the allowed forms (the 3rd and the 4th); it must fit exactly one",
        ])
    }

    func testNoBranchTellsTheClosestOneAsBefore() throws {
        let none = try messages(schema, "v: [1]\n")
        XCTAssertFalse(none.isEmpty)
        XCTAssertEqual(none, ["schema-not 1:4 this value is not allowed here"])
    }
}
