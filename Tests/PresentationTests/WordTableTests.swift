@testable import Presentation
import XCTest

/// The interface words' table: found by the bytes of their key, in the order they were set.
final class WordTableTests: XCTestCase {
    func testWordsAreFoundByTheirKeyAndReplacedAndRemoved() {
        var table: WordTable = ["nav_home": "Inici", "nav_offices": "Oficines"]
        XCTAssertEqual(table["nav_home"], "Inici")
        XCTAssertNil(table["nav_hom"])
        XCTAssertNil(table["nav_home "])
        XCTAssertNil(table[""])
        table["nav_home"] = "Portada"
        XCTAssertEqual(table["nav_home"], "Portada")
        XCTAssertEqual(table.count, 2)
        table["nav_offices"] = nil
        XCTAssertNil(table["nav_offices"])
        XCTAssertEqual(table["nav_home"], "Portada")
        XCTAssertEqual(table.count, 1)
        table["missing"] = nil
        XCTAssertEqual(table.count, 1)
        table[""] = "buit"
        XCTAssertEqual(table[""], "buit")
        XCTAssertTrue(table.contains(""))
        XCTAssertFalse(table.contains("nav_offices"))
    }

    /// Hundreds of keys of every length (the table grows), each found, none confused with
    /// another that shares its first eight bytes.
    func testManyKeysOfEveryLength() {
        var table = WordTable()
        var expected: [String: String] = [:]
        for i in 0..<700 {
            let key = "field." + String(repeating: "x", count: i % 23) + "\(i)"
            table[key] = "word \(i)"
            expected[key] = "word \(i)"
        }
        XCTAssertEqual(table.count, expected.count)
        for (key, word) in expected { XCTAssertEqual(table[key], word, key) }
        XCTAssertNil(table["field."])
        XCTAssertEqual(table.dictionary, expected)
        XCTAssertEqual(WordTable(expected), table)
        XCTAssertEqual(WordTable(expected).hashValue, table.hashValue)
    }

    /// A key is its bytes: a precomposed "é" and "e" + U+0301 are two keys.
    func testAKeyIsItsBytes() {
        let table: WordTable = ["caf\u{E9}": "precomposed"]
        XCTAssertEqual(table["caf\u{E9}"], "precomposed")
        XCTAssertNil(table["cafe\u{301}"])
        XCTAssertNotEqual(table, ["cafe\u{301}": "precomposed"])
        XCTAssertNotEqual(table, ["caf\u{E9}": "cafe\u{301}"] as WordTable)
    }

    /// Iteration follows the order the words were set; equality does not.
    func testOrderAndEquality() {
        let a: WordTable = ["b": "2", "a": "1", "c": "3"]
        XCTAssertEqual(a.map(\.key), ["b", "a", "c"])
        XCTAssertEqual(a.keys, ["b", "a", "c"])
        let b: WordTable = ["a": "1", "c": "3", "b": "2"]
        XCTAssertEqual(a, b)
        XCTAssertEqual(a.hashValue, b.hashValue)
        XCTAssertNotEqual(a, ["a": "1", "c": "3", "b": "x"])
        XCTAssertNotEqual(a, ["a": "1", "c": "3"])
        // A copy is the same storage until one of them changes.
        var copy = a
        XCTAssertTrue(copy.isSameStorage(as: a))
        copy["d"] = "4"
        XCTAssertFalse(copy.isSameStorage(as: a))
        XCTAssertNil(a["d"])
    }

    /// Encoded and decoded as a dictionary of strings.
    func testCodableAsADictionary() throws {
        let table: WordTable = ["x": "1", "y": "dos"]
        let data = try JSONEncoder().encode(table)
        XCTAssertEqual(try JSONDecoder().decode([String: String].self, from: data), ["x": "1", "y": "dos"])
        XCTAssertEqual(try JSONDecoder().decode(WordTable.self, from: data), table)
    }

    /// `Strings` reads its words from the table: a text, else a plural key's `other` form,
    /// else the key itself.
    func testStringsReadTheTable() {
        let s = Strings(language: "ca", texts: ["a": "A"], forms: ["n": ["one": "un", "other": "molts"], "m": ["one": "un"]])
        XCTAssertEqual(s["a"], "A")
        XCTAssertEqual(s["n"], "molts")
        XCTAssertEqual(s["m"], "m")
        XCTAssertEqual(s["zzz"], "zzz")
        XCTAssertTrue(s.has("a") && s.has("n") && s.has("m"))
        XCTAssertFalse(s.has("zzz"))
        XCTAssertEqual(s.all.dictionary, ["a": "A", "n": "molts"])
    }

    /// A set of texts by their bytes: each added once.
    func testTextSetAddsEachTextOnce() {
        var set = TextSet()
        XCTAssertTrue(set.insert("https://xarxa-oae.example.cat/id/model/service/company-creation/channel/phone"))
        XCTAssertFalse(set.insert("https://xarxa-oae.example.cat/id/model/service/company-creation/channel/phone"))
        XCTAssertTrue(set.insert("https://xarxa-oae.example.cat/id/model/service/company-creation/channel/email"))
        XCTAssertTrue(set.insert("caf\u{E9}"))
        XCTAssertTrue(set.insert("cafe\u{301}"))
        XCTAssertEqual(set.count, 4)
        XCTAssertTrue(set.contains("caf\u{E9}"))
        XCTAssertFalse(set.contains("caf"))
        var copy = set
        XCTAssertTrue(copy.insert("x"))
        XCTAssertFalse(set.contains("x"))
        var table: WordTable = ["a": "1"]
        XCTAssertFalse(table.insertIfAbsent("a", "2"))
        XCTAssertEqual(table["a"], "1")
        XCTAssertTrue(table.insertIfAbsent("b", "2"))
        XCTAssertEqual(table.keys, ["a", "b"])
    }
}
