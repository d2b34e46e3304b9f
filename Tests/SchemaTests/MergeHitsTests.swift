import Diagnostics
import Loading
@testable import Schema
import XCTest

/// `SchemaValidator.merge` (issue 13): hits already in document order, one per path, come
/// back as they are; any other list is sorted and its hits for one path combined, as before.
final class MergeHitsTests: XCTestCase {
    func hit(_ line: Int, _ column: Int, _ path: [PathStep], key: Bool = false, _ annotations: XAnnotations) -> AnnotatedValue {
        let span = SourceSpan(file: "seeds/x/a.yaml", start: SourcePosition(line: line, column: column),
                              end: SourcePosition(line: line, column: column + 3))
        return AnnotatedValue(path: path, node: Node(.string("v\(line)"), span: span), isKey: key,
                              annotations: annotations, schemaSpan: .wholeFile("model/schema/a.schema.yaml"))
    }

    func describe(_ hits: [AnnotatedValue]) -> [String] {
        hits.map { "\($0.node.span.start) \($0.path.map(\.description).joined(separator: "/")) key=\($0.isKey) ref=\($0.annotations.ref ?? "-") i18n=\($0.annotations.i18n)" }
    }

    func testHitsInOrderComeBackAsTheyAre() {
        let hits = [hit(1, 1, [.key("a")], XAnnotations(ref: "role")),
                    hit(2, 3, [.key("b")], key: true, XAnnotations(ref: "service")),
                    hit(2, 3, [.key("b")], XAnnotations(i18n: true)),
                    hit(2, 6, [.key("b"), .index(0)], XAnnotations(ref: "area"))]
        XCTAssertTrue(SchemaValidator.isMerged(hits))
        XCTAssertEqual(describe(SchemaValidator.merge(hits)), describe(hits))
        XCTAssertTrue(SchemaValidator.isMerged([]))
    }

    func testHitsOutOfOrderOrForOnePathAreSortedAndCombined() {
        let outOfOrder = [hit(3, 1, [.key("c")], XAnnotations(ref: "role")),
                          hit(1, 1, [.key("a")], XAnnotations(i18n: true))]
        XCTAssertFalse(SchemaValidator.isMerged(outOfOrder))
        XCTAssertEqual(describe(SchemaValidator.merge(outOfOrder)),
                       ["1:1 a key=false ref=- i18n=true", "3:1 c key=false ref=role i18n=false"])
        // Two schemas annotating one value: combined, the first one's ref wins.
        let twice = [hit(1, 1, [.key("a")], XAnnotations(ref: "role")),
                     hit(1, 1, [.key("a")], XAnnotations(ref: "service", i18n: true))]
        XCTAssertFalse(SchemaValidator.isMerged(twice))
        XCTAssertEqual(describe(SchemaValidator.merge(twice)), ["1:1 a key=false ref=role i18n=true"])
        // One path at two places (an alias): neighbours are combined too.
        let aliased = [hit(1, 1, [.key("a")], XAnnotations(ref: "role")),
                       hit(4, 1, [.key("a")], XAnnotations(i18n: true))]
        XCTAssertFalse(SchemaValidator.isMerged(aliased))
        XCTAssertEqual(describe(SchemaValidator.merge(aliased)), ["1:1 a key=false ref=role i18n=true"])
    }

    func testAMappingsHitAfterItsMembersComesFirst() {
        // The evaluator records a value's hit once its keywords passed, after its members'.
        let hits = [hit(2, 3, [.key("title"), .key("ca")], XAnnotations(ref: "term")),
                    hit(3, 3, [.key("title"), .key("es")], XAnnotations(ref: "term")),
                    hit(2, 3, [.key("title")], XAnnotations(i18n: true)),
                    hit(2, 3, [.key("title")], XAnnotations(ref: "text", adaptable: true)),
                    hit(5, 1, [.key("owner_role")], XAnnotations(ref: "role"))]
        XCTAssertFalse(SchemaValidator.isMerged(hits))
        XCTAssertEqual(describe(SchemaValidator.merge(hits)),
                       ["2:3 title key=false ref=text i18n=true", "2:3 title/ca key=false ref=term i18n=false",
                        "3:3 title/es key=false ref=term i18n=false", "5:1 owner_role key=false ref=role i18n=false"])
        XCTAssertTrue(SchemaValidator.merge(hits)[0].annotations.adaptable)
    }
}
