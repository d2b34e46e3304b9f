import Diagnostics
import Loading
@testable import Schema
import XCTest

/// Problems of schemas themselves: unresolved and looping references.
final class SchemaCompilerTests: XCTestCase {
    func testUnresolvedReferenceSuggestsADefinition() {
        let (_, problems) = validator([
            ("a.schema.yaml", "properties:\n  id: {$ref: 'common.schema.yaml#/$defs/slgu'}\n"),
            ("common.schema.yaml", "$defs:\n  slug: {type: string}\n"),
        ])
        XCTAssertEqual(problems.map { "\($0.span) \($0.rule) \($0.message) \($0.help ?? "")" },
                       ["a.schema.yaml:2:14 schema-ref-unresolved cannot resolve $ref \"common.schema.yaml#/$defs/slgu\" did you mean 'slug'?"])
    }

    func testAReferenceLoopIsReportedAndDoesNotHang() throws {
        let (compiled, problems) = validator([("loop.schema.yaml", """
            $defs:
              a: {$ref: '#/$defs/b'}
              b: {allOf: [{$ref: '#/$defs/a'}]}
            $ref: '#/$defs/a'
            """)])
        XCTAssertEqual(problems.map(\.rule), ["schema-ref-loop"])
        let v = try XCTUnwrap(compiled)
        let result = v.validate(yaml("1"))
        XCTAssertEqual(result.diagnostics.map(\.rule).first, "schema-ref-loop")
    }

    func testARecursiveSchemaThatConsumesTheValueIsFine() throws {
        let (compiled, problems) = validator([("tree.schema.yaml", """
            type: object
            properties:
              children: {type: array, items: {$ref: '#'}}
            additionalProperties: false
            """)])
        XCTAssertEqual(problems.map(\.rule), [])
        let v = try XCTUnwrap(compiled)
        XCTAssertTrue(v.validate(yaml("children: [{children: []}, {}]")).isValid)
        XCTAssertEqual(v.validate(yaml("children: [{children: [{x: 1}]}]")).diagnostics.map(\.message), ["unexpected field \"x\""])
    }

    func testMultipleOfWithDecimals() throws {
        let (compiled, _) = validator([("m.schema.yaml", "multipleOf: 0.0001\n")])
        let v = try XCTUnwrap(compiled)
        XCTAssertTrue(v.isValid(yaml("0.0075")))
        XCTAssertFalse(v.isValid(yaml("0.00751")))
        XCTAssertTrue(v.isValid(yaml("12")))
        XCTAssertTrue(DecimalMultiple.isMultiple(4.5, of: 1.5))
        XCTAssertFalse(DecimalMultiple.isMultiple(35, of: 1.5))
        XCTAssertTrue(DecimalMultiple.isMultiple(0.3, of: 0.1))
        XCTAssertFalse(DecimalMultiple.isMultiple(1e308, of: 0.123456789))
    }

    /// A value with a decimal too many is offered the value rounded as written, half away
    /// from zero on its decimal digits (not on the double, which reads 25.555 as 25.55499…).
    func testAWrittenDecimalIsRoundedAsWritten() {
        XCTAssertEqual(["25.555", "0.005", "-1.005", "9.999", "3.125", "7.12"].map { DecimalMultiple.rounded($0, places: 2) },
                       ["25.56", "0.01", "-1.01", "10.00", "3.13", "7.12"])
        XCTAssertEqual(DecimalMultiple.rounded("0.0004", places: 3), "0.000")
        XCTAssertEqual(DecimalMultiple.rounded("2.5", places: 0), "3")
        XCTAssertNil(DecimalMultiple.rounded("1e-07", places: 2))
        XCTAssertNil(DecimalMultiple.rounded("12", places: 2))
    }

    func testPatternsAreECMAScript() throws {
        XCTAssertEqual(Pattern.icu("^\\d+$"), "^[0-9]+\\z")
        XCTAssertFalse(try Pattern("^\\d$").matches("৪"))
        XCTAssertFalse(try Pattern("^[a-z]+$").matches("abc\n"))
        XCTAssertTrue(try Pattern("b").matches("abc"))
        XCTAssertTrue(try Pattern("^\\p{Letter}+$").matches("àéï"))
    }

    func testURIResolution() {
        let base = URIReference("https://schema.oae.example/service.schema.yaml")
        XCTAssertEqual(URIReference("common.schema.yaml#/$defs/slug").resolved(against: base).text,
                       "https://schema.oae.example/common.schema.yaml#/$defs/slug")
        XCTAssertEqual(URIReference("../x/./y.json").resolved(against: URIReference("http://a/b/c/d")).text, "http://a/b/x/y.json")
        XCTAssertEqual(URIReference("#foo").resolved(against: URIReference("urn:uuid:1234")).text, "urn:uuid:1234#foo")
    }

    func testJSONParserKeepsPositions() throws {
        let (node, problems) = JSONNodeParser().parse("{\n  \"a\": [1, 2.5, true, null],\n  \"é\": \"x\"\n}", file: "t.json")
        XCTAssertEqual(problems, [])
        let root = try XCTUnwrap(node)
        XCTAssertEqual(root["a"]?.span.description, "t.json:2:8")
        XCTAssertEqual(root["a"]?.sequence?.map(\.typeName), ["integer", "number", "boolean", "null"])
        XCTAssertEqual(root["é"]?.span.start.column, 8)
        let (bad, errors) = JSONNodeParser().parse("{\"a\": }", file: "bad.json")
        XCTAssertNil(bad)
        XCTAssertEqual(errors.map { "\($0.span) \($0.message)" }, ["bad.json:1:7 unexpected character '}'"])
    }
}
