import Diagnostics
import Foundation
import Loading
@testable import Schema
import XCTest

/// oae's `x-` keywords: parsed into the compiled schema, found by path, and collected on
/// the branches that fit while validating.
final class AnnotationTests: XCTestCase {
    func fixtureValidator() throws -> SchemaValidator {
        let path = Paths.fixtures.appendingPathComponent("messages/service.schema.yaml").path
        let loaded = SchemaFiles.loadWithSiblings(path, displayName: "messages/service.schema.yaml")
        let (compiled, problems) = SchemaCompiler.compile(loaded.set, entry: loaded.entry)
        XCTAssertEqual(problems.map(\.message), [])
        return try XCTUnwrap(compiled)
    }

    func testAnnotationsAtAPath() throws {
        let v = try fixtureValidator()
        XCTAssertEqual(v.annotations(at: [.key("owner_role")]), XAnnotations(ref: "role"))
        XCTAssertEqual(v.annotations(at: [.key("cost")]), XAnnotations(adaptable: true))
        XCTAssertEqual(v.annotations(at: [.key("duration")]), XAnnotations(adaptable: true, bound: .max))
        XCTAssertEqual(v.annotations(at: [.key("related"), .index(3)]), XAnnotations(ref: "service"))
        // Through the $ref to common.schema.yaml#/$defs/i18n-text.
        XCTAssertEqual(v.annotations(at: [.key("title")]), XAnnotations(i18n: true))
        XCTAssertEqual(v.annotations(at: [.key("status")]), XAnnotations())
        XCTAssertNil(v.annotations(at: [.key("no_such_field")]))
        XCTAssertNil(v.annotations(at: [.key("status"), .key("deeper")]))
    }

    /// The memo answers as the walk does, the second time and on other threads, for a
    /// path with annotations, one without, and one the schema has no place for.
    func testRememberedAnnotationsAreTheWalksAnswers() throws {
        let v = try fixtureValidator()
        let paths: [[PathStep]] = [[.key("duration")], [.key("related"), .index(3)], [.key("status")],
                                   [.key("no_such_field")], [.key("status"), .key("deeper")], [.key("title")]]
        let walked = paths.map { v.walkAnnotations(at: $0) }
        XCTAssertEqual(walked[0], XAnnotations(adaptable: true, bound: .max))
        XCTAssertNil(walked[3])
        for _ in 0..<2 { XCTAssertEqual(paths.map { v.annotations(at: $0) }, walked) }
        let copy = v
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            let path = paths[i % paths.count]
            XCTAssertEqual(copy.annotations(at: path), walked[i % paths.count])
        }
    }

    func testValidationCollectsReferencesOnFittingBranchesOnly() throws {
        let v = try fixtureValidator()
        let doc = yaml("""
            id: company-creation
            title: {ca: Creació}
            status: core
            cost: {type: free}
            owner_role: business-advisor
            related: [a, b]
            """)
        let result = v.validate(doc)
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.references.map { "\($0.path.pointer) \($0.kind) \($0.node.string ?? "")" },
                       ["/owner_role role business-advisor", "/related/0 service a", "/related/1 service b"])
        XCTAssertEqual(result.annotated.map(\.path.pointer), ["/title", "/cost", "/owner_role", "/related/0", "/related/1"])
    }

    func testAnInvalidReferenceIsNotCollected() throws {
        let v = try fixtureValidator()
        let result = v.validate(yaml("id: x\ntitle: T\nstatus: core\ncost: {type: free}\nowner_role: Not A Slug\n"))
        XCTAssertEqual(result.diagnostics.map(\.rule), ["schema-pattern"])
        XCTAssertEqual(result.references.count, 0)
    }

    func testPropertyNamesReferences() throws {
        let (compiled, problems) = validator([("procedures.schema.yaml", """
            type: object
            properties:
              owners:
                type: object
                propertyNames: {x-ref: procedure}
                additionalProperties: {type: string, x-ref: role}
            """)])
        XCTAssertEqual(problems.map(\.message), [])
        let v = try XCTUnwrap(compiled)
        XCTAssertEqual(v.annotations(at: [.key("owners")])?.keyRef, "procedure")
        XCTAssertEqual(v.annotations(at: [.key("owners"), .key("anything")])?.ref, "role")
        let result = v.validate(yaml("owners: {first-contact: advisor}"))
        XCTAssertEqual(result.annotated.map { "\($0.path.pointer) key=\($0.isKey) \($0.annotations.ref ?? "")" },
                       ["/owners/first-contact key=true procedure", "/owners/first-contact key=false role"])
    }

    func testADroppedBranchLeavesNoAnnotation() throws {
        let (compiled, problems) = validator([("a.schema.yaml", """
            properties:
              owner:
                x-adaptable: true
                anyOf:
                  - {type: integer, x-ref: indicator}
                  - {type: string, x-ref: role}
            """)])
        XCTAssertEqual(problems.map(\.message), [])
        let v = try XCTUnwrap(compiled)
        let result = v.validate(yaml("owner: advisor"))
        XCTAssertEqual(result.annotated.map(\.annotations), [XAnnotations(ref: "role", adaptable: true)])
    }

    func testMalformedExtensionsAreReported() {
        let (_, problems) = validator([("s.schema.yaml", """
            properties:
              a: {x-bound: lower}
              b: {x-adaptible: true}
              c: {minLenght: 3}
            """)])
        XCTAssertEqual(problems.map { "\($0.rule) \($0.message) \($0.help ?? "")" }, [
            "schema-invalid \"x-bound\" must be one of max, min, direction; found \"lower\" ",
            "schema-unknown-keyword unknown keyword \"x-adaptible\" did you mean 'x-adaptable'?",
            "schema-unknown-keyword unknown keyword \"minLenght\" did you mean 'minLength' or 'maxLength'?",
        ])
    }

    func testRealModelSchemasCompileWithoutProblems() throws {
        let loaded = SchemaFiles.loadFolder(root: Paths.packageRoot)
        try XCTSkipIf(loaded.set.files.isEmpty, "model/schema/ has no schema yet")
        let (validators, problems) = SchemaCompiler.compile(loaded.set, entries: loaded.set.files)
        XCTAssertEqual((loaded.diagnostics + problems).map(\.description), [])
        XCTAssertEqual(validators.count, loaded.set.files.count)
    }
}

extension Diagnostic {
    /// `file:line:col rule message`, for compact assertions.
    var description: String { "\(span) \(rule) \(message)" }
}
