import Diagnostics
import Foundation
@testable import Loading
import XCTest

/// The loader's fast paths (session 6, `oae check` at 947 municipalities) give what the
/// slow ways give: duplicate keys found by search and by table, the one-pass byte scan
/// before the tab and control-character checks, UTF-8 checked by the standard library.
final class CheckFastPathTests: XCTestCase {
    func load(_ text: String) -> (Node?, [Diagnostic]) {
        YAMLLoader().load(bytes: Array(text.utf8), file: "t.yaml")
    }

    /// A duplicate key in a small mapping (searched) and in a large one (a table past 16
    /// keys) points at the second key and names the first; a complex key takes no part.
    func testDuplicateKeysSmallAndLarge() throws {
        for count in [3, 15, 16, 17, 40] {
            var text = (0..<count).map { "k\($0): \($0)\n" }.joined()
            text += "k1: again\n"
            let (_, problems) = load(text)
            XCTAssertEqual(problems.map(\.rule), ["yaml-duplicate-key"], "\(count) keys")
            XCTAssertEqual(problems.first?.message, "duplicate key 'k1'")
            XCTAssertEqual(problems.first?.span.start, SourcePosition(line: count + 1, column: 1))
            XCTAssertEqual(problems.first?.related.first?.span.start, SourcePosition(line: 2, column: 1))
        }
        // The same key three times: the third names the first, not the second.
        let (_, three) = load((0..<20).map { "k\($0): 1\n" }.joined() + "k0: 2\nk0: 3\n")
        XCTAssertEqual(three.map { $0.related.first?.span.start.line }, [1, 1])
        // A key "" after a complex key (whose text is "") is not a duplicate of it.
        let (_, complex) = load("? [a, b]\n: 1\n\"\": 2\n")
        XCTAssertEqual(complex.map(\.rule), ["yaml-complex-key"])
    }

    /// Plain scalars that are words stay strings; what the core schema types is typed.
    func testPlainScalarFirstByte() throws {
        let (node, problems) = load("a: hola\nb: Null\nc: -3\nd: +.5e1\ne: ~\nf: tRUE\ng: .5\nh: Zürich\n")
        XCTAssertEqual(problems, [])
        let root = try XCTUnwrap(node)
        XCTAssertEqual(root["a"]?.string, "hola")
        XCTAssertEqual(root["b"]?.isNull, true)
        XCTAssertEqual(root["c"]?.int, -3)
        XCTAssertEqual(root["d"]?.number, 5)
        XCTAssertEqual(root["e"]?.isNull, true)
        XCTAssertEqual(root["f"]?.string, "tRUE")
        XCTAssertEqual(root["g"]?.number, 0.5)
        XCTAssertEqual(root["h"]?.string, "Zürich")
    }

    /// Words that start like a null, a boolean or a number (n, N, t, T, f, F, ~) but are
    /// none stay strings, decided by their first byte; signs, dots and digits still go
    /// through the number checks (issue 13: the bytes are copied only for those).
    func testWordsThatStartLikeCoreValues() throws {
        let (node, problems) = load("a: no\nb: tots\nc: Nadal\nd: fals\ne: Tarragona\nf: ~x\ng: nulls\nh: -x\ni: .x\n"
            + "j: +3\nk: 0x1F\nl: 0o17\nm: 3.5e2\nn: 12ab\no: 9007199254740991\np: -.5\nq: True\n")
        XCTAssertEqual(problems, [])
        let root = try XCTUnwrap(node)
        XCTAssertEqual(["a", "b", "c", "d", "e", "f", "g", "h", "i", "n"].map { root[$0]?.string },
                       ["no", "tots", "Nadal", "fals", "Tarragona", "~x", "nulls", "-x", ".x", "12ab"])
        XCTAssertEqual(root["j"]?.int, 3)
        XCTAssertEqual(root["k"]?.int, 31)
        XCTAssertEqual(root["l"]?.int, 15)
        XCTAssertEqual(root["m"]?.number, 350)
        XCTAssertEqual(root["o"]?.int, 9_007_199_254_740_991)
        XCTAssertEqual(root["p"]?.number, -0.5)
        XCTAssertEqual(root["q"]?.bool, true)
    }

    /// Positions after multi-byte characters count characters (the byte scan's line
    /// starts count scalars).
    func testPositionsAfterMultibyteText() throws {
        let (node, problems) = load("nom: Vallès i Sant Cugat\n€: \"àé\"\nx: [ò, ü]\n")
        XCTAssertEqual(problems, [])
        let root = try XCTUnwrap(node)
        XCTAssertEqual(root.pair("€")?.value.span.start, SourcePosition(line: 2, column: 4))
        XCTAssertEqual(root["x"]?.sequence?[1].span.start, SourcePosition(line: 3, column: 8))
        XCTAssertEqual(root["x"]?.sequence?[1].span.end, SourcePosition(line: 3, column: 9))
    }

    /// A tab inside a value is no indentation; a tab after spaces at a line's start is.
    func testTabsAndControlCharactersAfterTheScan() {
        XCTAssertEqual(load("a: b\tc\n").1, [])
        let (_, tabs) = load("a:\n  \tb: 1\n")
        XCTAssertEqual(tabs.map(\.rule), ["yaml-tab-indentation"])
        XCTAssertEqual(tabs.first?.span.start, SourcePosition(line: 2, column: 3))
        let (_, controls) = load("a: x\u{7}y\nb: \u{85}\nc: \u{9F}\nd: \u{FFFF}\n")
        XCTAssertEqual(controls.map(\.message), ["control character U+0007 is not allowed in YAML",
                                                 "control character U+009F is not allowed in YAML",
                                                 "control character U+FFFF is not allowed in YAML"])
        // Bytes that only look like the start of a refused character: U+00A0, U+FFFD.
        XCTAssertEqual(load("a: \u{A0}b\nc: \u{FFFD}\n").1, [])
    }

    /// UTF-8 through the fast path and the counting one: the same text, the same problems.
    func testDecodeFastAndSlow() {
        XCTAssertEqual(TextChecks.decode(Array("a\r\nb".utf8), file: "f").0, "a\r\nb")
        XCTAssertEqual(TextChecks.decode([0xEF, 0xBB, 0xBF] + Array("a".utf8), file: "f").0, "a")
        XCTAssertEqual(TextChecks.decode(Array("x\ra".utf8), file: "f").1.map(\.rule), ["text-lone-cr"])
        XCTAssertEqual(TextChecks.decode(Array("x\r".utf8), file: "f").1.map(\.rule), ["text-lone-cr"])
        let bom = TextChecks.decode(Array("ab\n".utf8) + [0xEF, 0xBB, 0xBF], file: "f").1
        XCTAssertEqual(bom.map(\.rule), ["encoding-misplaced-bom"])
        XCTAssertEqual(bom.first?.span.start, SourcePosition(line: 2, column: 1))
        // EF followed by other bytes (U+FEFE, U+FFFD) is ordinary text.
        XCTAssertEqual(TextChecks.decode(Array("\u{FEFE}\u{FFFD}".utf8), file: "f").1, [])
        for bad: [UInt8] in [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x61, 0xFF], [0xE2, 0x82]] {
            let (text, problems) = TextChecks.decode(bad, file: "f")
            XCTAssertNil(text)
            XCTAssertEqual(problems.map(\.rule), ["encoding-invalid-utf8"], "\(bad)")
        }
    }

    /// Front matter and body cut from the text give the lines the joined way gives.
    func testMarkdownSlicesEqualJoinedLines() throws {
        for text in ["---\nid: a\n---\n# T\n\nBody\n", "---\n---\nBody", "---\nid: a\nb: 2\n...\n\n# T", "# Only body\n"] {
            let (doc, problems) = MarkdownLoader().load(text: text, file: "m.md")
            let lines = SourceText(text).lines
            let closing = text.hasPrefix("---") ? lines.dropFirst().firstIndex { $0 == "---" || $0 == "..." }! : -1
            XCTAssertEqual(problems, [])
            XCTAssertEqual(doc?.body, lines[(closing + 1)...].joined(separator: "\n"), text)
        }
        let crlf = try XCTUnwrap(MarkdownLoader().load(text: "---\r\nid: a\r\n---\r\nBody\r\n", file: "m.md").0)
        XCTAssertEqual(crlf.body, "Body\n")
        XCTAssertEqual(crlf.frontMatter?["id"]?.string, "a")
    }
}

/// `Node.string(at:)` and `sequence(at:)` read what `node[key]?.string` and
/// `node[key]?.sequence` read: the first pair of the key, nil for another type, a missing
/// key or a node that is no mapping.
final class NodeFieldTests: XCTestCase {
    func testFieldsReadAsTheSubscriptReadsThem() throws {
        let text = "name: Abrera\ncount: 3\nitems: [a, b]\nname: second\nempty: []\n\"quoted\": q\n"
        let (loaded, _) = YAMLLoader().load(bytes: Array(text.utf8), file: "t.yaml")
        let node = try XCTUnwrap(loaded)
        for key in ["name", "count", "items", "empty", "quoted", "missing"] {
            XCTAssertEqual(node.string(at: key), node[key]?.string, key)
            XCTAssertEqual(node.sequence(at: key)?.compactMap(\.string), node[key]?.sequence?.compactMap(\.string), key)
        }
        XCTAssertEqual(node.string(at: "name"), "Abrera")
        XCTAssertEqual(node.sequence(at: "items")?.compactMap(\.string), ["a", "b"])
        XCTAssertNil(node.string(at: "count"))
        XCTAssertNil(node.sequence(at: "name"))
        let list = try XCTUnwrap(node["items"])
        XCTAssertNil(list.string(at: "a"))
        XCTAssertNil(list.sequence(at: "a"))
    }
}
