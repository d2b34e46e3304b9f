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
                              annotations: annotations)
    }

    func describe(_ hits: [AnnotatedValue]) -> [String] {
        hits.map { "\($0.node.span.start) \($0.path.map(\.description).joined(separator: "/")) key=\($0.isKey) ref=\($0.annotations.ref ?? "-") i18n=\($0.annotations.i18n)" }
    }

    func testHitsInOrderComeBackAsTheyAre() {
        let hits = [hit(1, 1, [.key("a")], XAnnotations(ref: "role")),
                    hit(2, 3, [.key("b")], key: true, XAnnotations(ref: "service")),
                    hit(2, 3, [.key("b")], XAnnotations(i18n: true)),
                    hit(2, 6, [.key("b"), .index(0)], XAnnotations(ref: "area"))]
        XCTAssertTrue(SchemaValidator.isMerged(AnnotatedValues(hits)))
        XCTAssertEqual(describe(SchemaValidator.merge(hits)), describe(hits))
        XCTAssertTrue(SchemaValidator.isMerged(AnnotatedValues([])))
    }

    func testHitsOutOfOrderOrForOnePathAreSortedAndCombined() {
        let outOfOrder = [hit(3, 1, [.key("c")], XAnnotations(ref: "role")),
                          hit(1, 1, [.key("a")], XAnnotations(i18n: true))]
        XCTAssertFalse(SchemaValidator.isMerged(AnnotatedValues(outOfOrder)))
        XCTAssertEqual(describe(SchemaValidator.merge(outOfOrder)),
                       ["1:1 a key=false ref=- i18n=true", "3:1 c key=false ref=role i18n=false"])
        // Two schemas annotating one value: combined, the first one's ref wins.
        let twice = [hit(1, 1, [.key("a")], XAnnotations(ref: "role")),
                     hit(1, 1, [.key("a")], XAnnotations(ref: "service", i18n: true))]
        XCTAssertFalse(SchemaValidator.isMerged(AnnotatedValues(twice)))
        XCTAssertEqual(describe(SchemaValidator.merge(twice)), ["1:1 a key=false ref=role i18n=true"])
        // One path at two places (an alias): neighbours are combined too.
        let aliased = [hit(1, 1, [.key("a")], XAnnotations(ref: "role")),
                       hit(4, 1, [.key("a")], XAnnotations(i18n: true))]
        XCTAssertFalse(SchemaValidator.isMerged(AnnotatedValues(aliased)))
        XCTAssertEqual(describe(SchemaValidator.merge(aliased)), ["1:1 a key=false ref=role i18n=true"])
    }

    func testAMappingsHitAfterItsMembersComesFirst() {
        // The evaluator records a value's hit once its keywords passed, after its members'.
        let hits = [hit(2, 3, [.key("title"), .key("ca")], XAnnotations(ref: "term")),
                    hit(3, 3, [.key("title"), .key("es")], XAnnotations(ref: "term")),
                    hit(2, 3, [.key("title")], XAnnotations(i18n: true)),
                    hit(2, 3, [.key("title")], XAnnotations(ref: "text", adaptable: true)),
                    hit(5, 1, [.key("owner_role")], XAnnotations(ref: "role"))]
        XCTAssertFalse(SchemaValidator.isMerged(AnnotatedValues(hits)))
        XCTAssertEqual(describe(SchemaValidator.merge(hits)),
                       ["2:3 title key=false ref=text i18n=true", "2:3 title/ca key=false ref=term i18n=false",
                        "3:3 title/es key=false ref=term i18n=false", "5:1 owner_role key=false ref=role i18n=false"])
        XCTAssertTrue(SchemaValidator.merge(hits)[0].annotations.adaptable)
    }

    /// The merge as it was written before it was done in place: the hits' indexes sorted,
    /// each hit copied into a new array or combined with the one before it.
    func referenceMerge(_ hits: [AnnotatedValue]) -> [AnnotatedValue] {
        let order = hits.indices.sorted { a, b in
            if SchemaValidator.documentOrder(hits[a], hits[b]) { return true }
            if SchemaValidator.documentOrder(hits[b], hits[a]) { return false }
            return a < b
        }
        var out: [AnnotatedValue] = []
        for i in order {
            if let last = out.indices.last, out[last].isKey == hits[i].isKey, out[last].path == hits[i].path {
                out[last].annotations = out[last].annotations.merged(with: hits[i].annotations)
            } else {
                out.append(hits[i])
            }
        }
        return out
    }

    /// Merged in place (issue 13): on 300 lists of hits in random orders, with values at
    /// one place, aliased paths, keys and values for one path, the result equals the merge
    /// into a new array, hit for hit.
    func testMergeInPlaceEqualsTheMergeIntoANewArray() {
        var random = SystemRandomNumberGenerator()
        let refs: [String?] = [nil, "role", "service", "area"]
        for round in 0..<300 {
            let count = round % 40
            var hits: [AnnotatedValue] = []
            for _ in 0..<count {
                let line = Int.random(in: 1...6, using: &random)
                let path: [PathStep] = Int.random(in: 0...3, using: &random) == 0
                    ? [.key("k\(line % 3)"), .index(Int.random(in: 0...1, using: &random))]
                    : [.key("k\(line % 3)")]
                hits.append(hit(line, Int.random(in: 1...2, using: &random), path, key: Int.random(in: 0...4, using: &random) == 0,
                                XAnnotations(ref: refs.randomElement(using: &random)!, adaptable: Bool.random(using: &random),
                                             i18n: Bool.random(using: &random))))
            }
            let expected = referenceMerge(hits)
            var values = AnnotatedValues(hits)
            SchemaValidator.mergeInPlace(&values)
            let merged = Array(values)
            XCTAssertEqual(describe(merged), describe(expected), "round \(round)")
            XCTAssertEqual(merged.map(\.annotations), expected.map(\.annotations), "round \(round)")
            XCTAssertEqual(merged.map(\.path), expected.map(\.path), "round \(round)")
            XCTAssertEqual(describe(SchemaValidator.merge(hits)), describe(expected), "round \(round)")
        }
    }

    /// `permute` puts the value at `order[j]` at `j`, for cycles of every length.
    func testPermuteFollowsTheOrder() {
        for order in [[0], [1, 0], [2, 0, 1], [3, 2, 1, 0], [1, 2, 3, 4, 0], [0, 2, 1, 4, 3, 5]] {
            var values = order.indices.map { "v\($0)" }
            values.withUnsafeMutableBufferPointer { SchemaValidator.permute($0, by: order) }
            XCTAssertEqual(values, order.map { "v\($0)" })
        }
        var values: [String] = []
        values.withUnsafeMutableBufferPointer { SchemaValidator.permute($0, by: []) }
        XCTAssertEqual(values, [])
    }
}
