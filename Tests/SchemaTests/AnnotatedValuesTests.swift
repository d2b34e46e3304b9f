import Diagnostics
import Loading
@testable import Schema
import XCTest

/// The annotated values of a document kept compactly (issue 13, session 50): paths as
/// entries of a table, annotations as indexes of their distinct values. What a validation
/// gives is what values with their own paths gave.
final class AnnotatedValuesTests: XCTestCase {
    func testPathTableStepsDepthAndEquality() {
        var table = PathTable()
        let a = table.add(.key("steps"), parent: PathTable.root)
        let a0 = table.add(.index(0), parent: a)
        let a1 = table.add(.index(1), parent: a)
        // The same path entered again: a second entry, equal to the first.
        let again = table.add(.index(0), parent: table.add(.key("steps"), parent: PathTable.root))
        let b0 = table.add(.index(0), parent: table.add(.key("posts"), parent: PathTable.root))
        XCTAssertEqual(table.steps(a0), [.key("steps"), .index(0)])
        XCTAssertEqual(table.steps(PathTable.root), [])
        XCTAssertEqual([table.depth(PathTable.root), table.depth(a), table.depth(a1)], [0, 1, 2])
        XCTAssertTrue(table.equal(a0, again))
        XCTAssertTrue(table.equal(again, a0))
        XCTAssertTrue(table.equal(PathTable.root, PathTable.root))
        XCTAssertFalse(table.equal(a0, a1))
        XCTAssertFalse(table.equal(a0, b0))
        XCTAssertFalse(table.equal(a, a0))
        XCTAssertFalse(table.equal(a0, a))
        XCTAssertFalse(table.equal(PathTable.root, a))
        XCTAssertTrue(table.equal(again, [.key("steps"), .index(0)]))
        XCTAssertFalse(table.equal(again, [.key("steps")]))
        XCTAssertFalse(table.equal(a, [.key("steps"), .index(0)]))
        XCTAssertFalse(table.equal(a0, [.key("posts"), .index(0)]))
        XCTAssertTrue(table.equal(PathTable.root, []))
    }

    func testValuesComeBackAsGivenWithTheirAnnotationsOnce() {
        let span = SourceSpan(file: "seeds/x/a.yaml", line: 2, column: 3)
        let values = [AnnotatedValue(path: [.key("title")], node: Node(.string("T"), span: span), annotations: XAnnotations(i18n: true)),
                      AnnotatedValue(path: [.key("owner")], node: Node(.string("o"), span: span), isKey: true,
                                     annotations: XAnnotations(ref: "role")),
                      AnnotatedValue(path: [.key("steps"), .index(1), .key("title")], node: Node(.string("S"), span: span),
                                     annotations: XAnnotations(i18n: true)),
                      AnnotatedValue(path: [], node: Node(.string("root"), span: span), annotations: XAnnotations(key: "id"))]
        let compact = AnnotatedValues(values)
        XCTAssertEqual(compact.count, 4)
        XCTAssertEqual(compact.table, [XAnnotations(i18n: true), XAnnotations(ref: "role"), XAnnotations(key: "id")])
        XCTAssertEqual(compact.map(\.path), values.map(\.path))
        XCTAssertEqual(compact.map(\.annotations), values.map(\.annotations))
        XCTAssertEqual(compact.map(\.isKey), [false, true, false, false])
        XCTAssertEqual(compact.indices.map { compact.node(at: $0).string }, ["T", "o", "S", "root"])
        XCTAssertEqual(compact.indices.map { compact.path(at: $0).pointer }, ["/title", "/owner", "/steps/1/title", ""])
        XCTAssertEqual(compact.indices.map { compact.ref(at: $0) }, [nil, "role", nil, nil])
        XCTAssertEqual(compact.indices.map { compact.isTranslatable(at: $0) }, [true, false, true, false])
        XCTAssertEqual(compact.indices.map { compact.key(at: $0) }, [nil, nil, nil, "id"])
        XCTAssertEqual(MemoryLayout<AnnotatedValues.Record>.stride, 56)
    }

    /// A property that two schemas annotate (`properties` and an `allOf` branch's): the
    /// evaluator leaves the property between the two and enters it again, a second entry
    /// of the path table; the value has one hit, the annotations combined, as when each hit
    /// had its own path.
    func testAValueTwoSchemasAnnotateIsOneHit() throws {
        let (compiled, problems) = validator([("a.schema.yaml", """
            properties:
              owner: {x-ref: role}
              steps:
                type: array
                x-key: id
                items: {properties: {title: {x-i18n: true}}}
            allOf:
              - properties:
                  owner: {x-adaptable: true}
                  steps: {items: {properties: {title: {x-adaptable: true}}}}
            """)])
        XCTAssertEqual(problems.map(\.message), [])
        let v = try XCTUnwrap(compiled)
        let result = v.validate(yaml("owner: advisor\nsteps:\n  - {id: a, title: A}\n  - {id: b, title: B}\n"))
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.annotated.map { "\($0.path.pointer) \($0.annotations)" },
                       ["/owner \(XAnnotations(ref: "role", adaptable: true))",
                        "/steps \(XAnnotations(key: "id"))",
                        "/steps/0/title \(XAnnotations(adaptable: true, i18n: true))",
                        "/steps/1/title \(XAnnotations(adaptable: true, i18n: true))"])
    }

    /// The schema's distinct annotations are one table (`SchemaGraph.annotationTable`):
    /// two fields with the same annotations name one entry, a keyed list has its key alone
    /// besides, and a document's values name the schema's entries; only combinations are
    /// its own (`extra`). Its arrays are not kept at twice their size.
    func testTheSchemasAnnotationsAreOneTable() throws {
        let (compiled, problems) = validator([("a.schema.yaml", """
            properties:
              owner: {x-ref: role}
              deputy: {x-ref: role}
              title: {x-i18n: true, $ref: "#/$defs/text"}
              steps: {type: array, x-key: id, x-adaptable: true, items: {properties: {by: {x-ref: role}}}}
            $defs:
              text: {x-adaptable: true}
            """)])
        XCTAssertEqual(problems.map(\.message), [])
        let v = try XCTUnwrap(compiled)
        XCTAssertEqual(Set(v.graph.annotationTable),
                       [XAnnotations(ref: "role"), XAnnotations(i18n: true), XAnnotations(adaptable: true),
                        XAnnotations(adaptable: true, key: "id"), XAnnotations(key: "id")])
        XCTAssertEqual(v.graph.annotationTable.count, 5)
        let steps = (0..<40).map { "  - {id: s\($0), by: advisor}" }.joined(separator: "\n")
        let result = v.validate(yaml("owner: advisor\ndeputy: clerk\ntitle: T\nsteps:\n\(steps)\n"))
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.annotated.count, 44)
        XCTAssertEqual(result.annotated.extra, [XAnnotations(adaptable: true, i18n: true)])
        XCTAssertEqual(result.annotated.annotations(at: 2), XAnnotations(adaptable: true, i18n: true))
        XCTAssertEqual(result.annotated.records[0].annotations, result.annotated.records[1].annotations)
        XCTAssertLessThanOrEqual(result.annotated.records.capacity, 44 + 44 / 8)
        XCTAssertLessThanOrEqual(result.annotated.paths.steps.capacity, result.annotated.paths.steps.count * 9 / 8)
    }
}
