import Diagnostics
@testable import Loading
import XCTest

/// The loader builds collections on one stack of items and one of pairs, each moved into an
/// array of its exact size when the collection ends, and makes its spans from the file
/// interned once (issue 13): nested collections keep their members in order, every node
/// its file, line and column, and duplicate keys are still found past the sixteen pairs
/// searched one by one.
final class NodeStackTests: XCTestCase {
    /// Every node as "path value @file:line:column-line:column", in document order.
    func describe(_ node: Node, _ path: String = "") -> [String] {
        let at = place(of: node)
        switch node.value {
        case let .sequence(items):
            return ["\(path) [\(items.count)] \(at)"] + items.enumerated().flatMap { describe($1, "\(path)/\($0)") }
        case let .mapping(pairs):
            return ["\(path) {\(pairs.count)} \(at)"] + pairs.flatMap {
                ["\(path)/\($0.key.keyText)= key \(place(of: $0.key))"] + describe($0.value, "\(path)/\($0.key.keyText)")
            }
        default:
            return ["\(path) \(node.keyText) \(at)"]
        }
    }

    func place(of node: Node) -> String { "@\(node.span.file):\(node.span.start)-\(node.span.end)" }

    func testNestedCollectionsKeepOrderAndPlaces() throws {
        let text = """
        id: oficina
        steps:
          - name: Acollida
            tags: [a, b]
          - - x
            - y
          - {}
        è: 2
        """
        let (node, problems) = YAMLLoader().load(bytes: Array(text.utf8), file: "seeds/vic/office.yaml")
        XCTAssertEqual(problems, [])
        XCTAssertEqual(describe(try XCTUnwrap(node)), [
            " {3} @seeds/vic/office.yaml:1:1-8:5",
            "/id= key @seeds/vic/office.yaml:1:1-1:3",
            "/id oficina @seeds/vic/office.yaml:1:5-1:12",
            "/steps= key @seeds/vic/office.yaml:2:1-2:6",
            "/steps [3] @seeds/vic/office.yaml:3:3-8:1",
            "/steps/0 {2} @seeds/vic/office.yaml:3:5-5:3",
            "/steps/0/name= key @seeds/vic/office.yaml:3:5-3:9",
            "/steps/0/name Acollida @seeds/vic/office.yaml:3:11-3:19",
            "/steps/0/tags= key @seeds/vic/office.yaml:4:5-4:9",
            "/steps/0/tags [2] @seeds/vic/office.yaml:4:11-4:17",
            "/steps/0/tags/0 a @seeds/vic/office.yaml:4:12-4:13",
            "/steps/0/tags/1 b @seeds/vic/office.yaml:4:15-4:16",
            "/steps/1 [2] @seeds/vic/office.yaml:5:5-7:3",
            "/steps/1/0 x @seeds/vic/office.yaml:5:7-5:8",
            "/steps/1/1 y @seeds/vic/office.yaml:6:7-6:8",
            "/steps/2 {0} @seeds/vic/office.yaml:7:5-7:7",
            "/è= key @seeds/vic/office.yaml:8:1-8:2",
            "/è 2 @seeds/vic/office.yaml:8:4-8:5",
        ])
    }

    func testDuplicateKeysPastTheLinearSearch() {
        // 20 keys, then the 3rd and the 18th again: found by the table made at the 17th pair.
        let keys = (1...20).map { "k\($0): \($0)" } + ["k3: again", "k18: again"]
        let (_, problems) = YAMLLoader().load(bytes: Array(keys.joined(separator: "\n").utf8), file: "d.yaml")
        XCTAssertEqual(problems.map { "\($0.span) \($0.message) first \($0.related.map(\.span.description))" },
                       ["d.yaml:21:1 duplicate key 'k3' first [\"d.yaml:3:1\"]",
                        "d.yaml:22:1 duplicate key 'k18' first [\"d.yaml:18:1\"]"])
        // Inside a nested mapping, only its own pairs count.
        let nested = "a:\n  x: 1\n  y: 2\nb:\n  x: 3\n  x: 4\n"
        let (_, inner) = YAMLLoader().load(bytes: Array(nested.utf8), file: "n.yaml")
        XCTAssertEqual(inner.map { "\($0.span) \($0.message) first \($0.related.map(\.span.description))" },
                       ["n.yaml:6:3 duplicate key 'x' first [\"n.yaml:5:3\"]"])
    }

    func testAnErrorMidwayLeavesNothingBehind() {
        // The stacks hold the open collections when libyaml stops: they are freed, and the
        // next load starts from empty ones.
        let (node, problems) = YAMLLoader().load(bytes: Array("a:\n  - b: [1, 2\n".utf8), file: "e.yaml")
        XCTAssertNil(node)
        XCTAssertEqual(problems.map(\.rule), ["yaml-syntax"])
        let (again, none) = YAMLLoader().load(bytes: Array("a: [1]\n".utf8), file: "e.yaml")
        XCTAssertEqual(none, [])
        XCTAssertEqual(again.map { describe($0) }, [" {1} @e.yaml:1:1-2:1", "/a= key @e.yaml:1:1-1:2",
                                                   "/a [1] @e.yaml:1:4-1:7", "/a/0 1 @e.yaml:1:5-1:6"])
    }

    func testTheStackMovesValuesOutInOrder() {
        let stack = NodeStack<String>(capacity: 2)
        for i in 0..<10 { stack.push("v\(i)") }
        XCTAssertEqual(stack.pop(from: 7), ["v7", "v8", "v9"])
        XCTAssertEqual(stack.count, 7)
        XCTAssertEqual(stack.withElements(from: 5) { Array($0) }, ["v5", "v6"])
        XCTAssertEqual(stack.pop(from: 7), [])
        XCTAssertEqual(stack.pop(from: 0), ["v0", "v1", "v2", "v3", "v4", "v5", "v6"])
        XCTAssertEqual(stack.count, 0)
    }
}
