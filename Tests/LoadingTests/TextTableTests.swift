import Loading
import XCTest

/// A table keyed by texts found by their bytes, in the order set (`WordTable` and
/// `TextSet` are made of it; `WordTableTests` has their cases).
final class TextTableTests: XCTestCase {
    func testValuesBySetRemovedAndReservedInOrder() {
        var table = TextTable<Int>()
        table.reserve(100)
        for i in 0..<100 { table["k\(i)"] = i }
        XCTAssertEqual(table.count, 100)
        XCTAssertEqual(table["k42"], 42)
        table["k42"] = nil
        XCTAssertNil(table["k42"])
        XCTAssertEqual(table.count, 99)
        XCTAssertEqual(table["k43"], 43)
        XCTAssertEqual(table.key(at: 42), "k43")
        XCTAssertEqual(table.value(at: 42), 43)
        XCTAssertFalse(table.insertIfAbsent("k43", 0))
        XCTAssertTrue(table.insertIfAbsent("k42", -42))
        XCTAssertEqual(table.keys.last, "k42")
        let copy = table
        XCTAssertTrue(copy.isSameStorage(as: table))
        table["new"] = 1
        XCTAssertFalse(copy.isSameStorage(as: table))
        XCTAssertNil(copy["new"])
        XCTAssertEqual(TextTable<Int>.hash("abc", seed: 0), TextTable<Int>.hash("abc", seed: 0))
        XCTAssertNotEqual(TextTable<Int>.hash("abc", seed: 0), TextTable<Int>.hash("abd", seed: 0))
    }
}
