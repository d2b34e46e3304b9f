import Diagnostics
import Loading
@testable import Schema
import XCTest

/// `uniqueItems` compares a short list's items pairwise and hashes a longer one's
/// (`Evaluator.uniqueByComparing`, issue 13): the same duplicates either way, each told at
/// its later copy with the place of the first.
final class UniqueItemsTests: XCTestCase {
    func duplicates(_ items: [String]) throws -> [String] {
        let (compiled, problems) = validator([("s.schema.yaml", "type: object\nproperties:\n  list: {type: array, uniqueItems: true}\n")])
        XCTAssertEqual(problems.map(\.message), [])
        let document = "list:\n" + items.map { "  - \($0)\n" }.joined()
        return try XCTUnwrap(compiled).validate(yaml(document)).diagnostics.map { d in
            // The line of the later copy, then those of the first copy and of the schema.
            "\(d.span.start.line) " + d.related.map { "\($0.span.start.line)" }.joined(separator: ",")
        }
    }

    /// Lists below, at and past the length where hashing takes over, with the same
    /// duplicates: a repeated word, a number written two ways (1 and 1.0), a name in two
    /// Unicode forms (é precomposed and e + U+0301), a repeated mapping.
    func testBothWaysFindTheSameDuplicates() throws {
        let base = ["a", "1", "\"caf\u{E9}\"", "{x: 1}", "a", "1.0", "\"cafe\u{301}\"", "{x: 1}", "b", "a"]
        let expected = ["6 2,3", "7 3,3", "8 4,3", "9 5,3", "11 2,3"]
        XCTAssertEqual(try duplicates(base), expected)
        for length in [Evaluator.uniqueByComparing, Evaluator.uniqueByComparing + 1, 40] {
            let padded = base + (base.count..<length).map { "item-\($0)" }
            XCTAssertEqual(try duplicates(padded), expected, "\(length)")
        }
        XCTAssertEqual(try duplicates(["x", "y"]), [])
        XCTAssertEqual(try duplicates((0..<30).map { "i\($0 % 15)" }), (16...30).map { "\($0 + 1) \($0 - 14),3" })
    }
}
