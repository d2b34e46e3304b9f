import Diagnostics
import Loading
@testable import Schema
import XCTest

/// `CompiledNode.property(_:cursor:)` (issue 13): the member's subschema is found by
/// comparing the declared property after the last one found before hashing; whatever the
/// order of the members, it is the subschema `properties` gives.
final class PropertyLookupTests: XCTestCase {
    let schema = """
        type: object
        properties:
          id: {type: string, pattern: "^[a-z]+$"}
          title: {type: string, x-i18n: true}
          cost: {type: integer, minimum: 0}
          owner_role: {type: string, x-ref: role}
        patternProperties:
          "^x-": {type: boolean}
        additionalProperties: false
        """

    func compiled() throws -> SchemaValidator {
        let (compiled, problems) = validator([("s.schema.yaml", schema)])
        XCTAssertEqual(problems.map(\.message), [])
        return try XCTUnwrap(compiled)
    }

    /// Every order of the four declared names, with unknown names between them: the
    /// cursor gives what the dictionary gives, name by name.
    func testEveryOrderFindsTheDeclaredSubschema() throws {
        let v = try compiled()
        let node = v.graph.nodes[v.root]
        let names = ["id", "title", "cost", "owner_role"]
        func orders(_ rest: [String]) -> [[String]] {
            rest.count <= 1 ? [rest] : rest.indices.flatMap { i in
                orders(Array(rest[..<i] + rest[(i + 1)...])).map { [rest[i]] + $0 }
            }
        }
        for order in orders(names) {
            for unknown in [[], ["x-a"], ["nope", "ID", ""]] {
                var cursor = 0
                for name in order + unknown + order.reversed() {
                    XCTAssertEqual(node.property(name, cursor: &cursor), node.keywords.properties[name], "\(order) \(name)")
                }
            }
        }
    }

    /// Members in the declared order, in reverse and mixed with others are checked
    /// against their own subschemas: the same diagnostics and annotated values.
    func testMembersInAnyOrderAreCheckedAgainstTheirOwnSubschemas() throws {
        let v = try compiled()
        let inOrder = v.validate(yaml("id: A\ntitle: Hola\ncost: -1\nowner_role: advisor\nx-draft: true\nx-n: 3\nextra: 1\n"))
        let reversed = v.validate(yaml("extra: 1\nx-n: 3\nx-draft: true\nowner_role: advisor\ncost: -1\ntitle: Hola\nid: A\n"))
        func summary(_ r: SchemaValidation) -> [String] {
            r.diagnostics.map { "\($0.rule) \($0.span.start) \($0.message)" }
        }
        XCTAssertEqual(summary(inOrder), [
            "schema-pattern 1:5 \"A\" does not match the pattern ^[a-z]+$",
            "schema-minimum 3:7 expected a value of at least 0; found -1",
            "schema-type 6:6 expected true or false; found integer 3",
            "schema-additional-properties 7:1 unexpected field \"extra\"",
        ])
        XCTAssertEqual(summary(reversed), [
            "schema-additional-properties 1:1 unexpected field \"extra\"",
            "schema-type 2:6 expected true or false; found integer 3",
            "schema-minimum 5:7 expected a value of at least 0; found -1",
            "schema-pattern 7:5 \"A\" does not match the pattern ^[a-z]+$",
        ])
        XCTAssertEqual(inOrder.annotated.map { "\($0.path.pointer) \($0.annotations.ref ?? "-")" }, ["/title -", "/owner_role role"])
        XCTAssertEqual(reversed.annotated.map { "\($0.path.pointer) \($0.annotations.ref ?? "-")" }, ["/owner_role role", "/title -"])
    }
}
