import Diagnostics
import Foundation
@testable import Loading
import XCTest

/// The block-subset reader (`BlockYAML`, issue 13) gives libyaml's nodes, positions and
/// diagnostics: on every YAML file and front matter of the repository's trees, on texts at
/// the edges of the subset, and with exact values for each construct it reads.
final class BlockYAMLTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let fast = YAMLLoader()
    let libyaml = YAMLLoader(readsBlockSubset: false)

    /// What `BlockYAML` alone answers for `text` (nil: the text is left to libyaml).
    func blockRead(_ text: String, lineOffset: Int = 0) -> Node? {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { bytes -> Node? in
            let scan = ByteScan(bytes)
            guard scan.fitsBlockSubset else { return nil }
            return BlockYAML.read(bytes, file: "t.yaml", lineOffset: lineOffset, ascii: scan.ascii)
        } ?? nil
    }

    func same(_ a: Node?, _ b: Node?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (a?, b?): return a.isIdentical(to: b)
        default: return false
        }
    }

    func files(under folder: URL, suffixes: [String]) -> [URL] {
        guard let walk = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        return walk.compactMap { $0 as? URL }.filter { url in suffixes.contains { url.path.hasSuffix($0) } }
            .sorted { $0.path < $1.path }
    }

    /// Every YAML file and every Markdown file's front matter of model/, seeds/ and the test
    /// fixtures (plus a tree named by `OAE_BLOCK_YAML_TREE`, e.g. a generated network) loads
    /// to the same nodes and diagnostics with and without the block-subset reader; the
    /// reader answers for nearly every YAML file of model/ and seeds/.
    func testEveryFileOfTheTreesReadsAsLibyamlReadsIt() throws {
        var roots = ["model", "seeds", "Tests/Fixtures"].map { Self.repository.appendingPathComponent($0) }
        if let extra = ProcessInfo.processInfo.environment["OAE_BLOCK_YAML_TREE"] {
            roots.append(URL(fileURLWithPath: extra))
        }
        var yamlFiles = 0, markdownFiles = 0
        var treeYAML = 0, treeYAMLRead = 0
        for root in roots {
            for url in files(under: root, suffixes: [".yaml", ".yml", ".md"]) {
                let bytes = Array(try Data(contentsOf: url))
                let name = url.path
                if url.pathExtension == "md" {
                    markdownFiles += 1
                    let (a, aProblems) = MarkdownLoader(yaml: fast).load(bytes: bytes, file: name)
                    let (b, bProblems) = MarkdownLoader(yaml: libyaml).load(bytes: bytes, file: name)
                    XCTAssertTrue(same(a?.frontMatter, b?.frontMatter), name)
                    XCTAssertEqual(aProblems, bProblems, name)
                } else {
                    yamlFiles += 1
                    let (a, aProblems) = fast.load(bytes: bytes, file: name)
                    let (b, bProblems) = libyaml.load(bytes: bytes, file: name)
                    XCTAssertTrue(same(a, b), name)
                    XCTAssertEqual(aProblems, bProblems, name)
                    if !name.contains("/Tests/Fixtures/"), root.lastPathComponent != "Fixtures" {
                        treeYAML += 1
                        if let text = String(validating: bytes, as: UTF8.self), blockRead(text) != nil { treeYAMLRead += 1 }
                    }
                }
            }
        }
        XCTAssertGreaterThan(yamlFiles, 140)
        XCTAssertGreaterThan(markdownFiles, 80)
        // Every file of model/ and seeds/ but model/schema/kinds.yaml (quoted words in flow
        // lists) is in the subset today; a new file outside it is read by libyaml, slower.
        XCTAssertGreaterThanOrEqual(Double(treeYAMLRead), 0.95 * Double(treeYAML), "\(treeYAMLRead) of \(treeYAML)")
    }

    /// Texts inside and outside the subset: the reader answers for the first (and then
    /// exactly as libyaml), leaves the others to libyaml, and the loader's diagnostics are
    /// libyaml's either way.
    func testTextsAtTheEdgesOfTheSubset() {
        let inside = [
            "a: >-\n  one\n  two\n\n  three\nb: |\n  x\n  y\n\nc:\nd:\n- p\n- q: 1\n  r: [mo, tu]\ne: 'it''s' # c\n",
            "a: |+\n  keep\n\n\nb: |-\n  strip\n\n# end\n",
            "- a\n- b: 1\n  c:\n  - x\n  - y\n- 3\n",
            "a:\n  b:\n    c: 1\n  # comment\nd: 2",
            "a: 1\n  # deeper comment\nb: 2\n",
            "key: value # comment\nother:   spaced   \n",
            "a: [ ]\nb: []\nc: [x]\nd: [ 1 , 2 ]\n",
            "a: |\n  text\n  ",
            "a: |\n\n  text\n",
            "  a: 1\n  b: 2\n",
            "a: 1\n\n\n",
            "a: 1",
            "a:\n",
            "a: -1\nb: -x\nc: 0o17\nd: 1e3\ne: True\nf: null\ng: ~\n",
            "a: café\nbé: ça\n",
            "a: x #comment\nb: x#y\nc: http://x.y/z\n",
            "a: >-\n  l·l “q” – end\n",
            "a:\n- x\n  y\n- z\n",
            "a: text\n  - item\n",
            "a: >\n\n  x\n\n\n",
            "a: >+\n  x\n\n",
            "a:    \n  b: 1\n",
            "a: |  # c\n  x\n",
            "1: a\n2.5: b\nnull: c\ntrue: d\n",
            "a: [1, 2]\nb: [x y, z]\nc: \"\"\nd: ''\ne: \"x\" # c\n",
            "a: x\n\n  y\n",
            "- x\n  - y\n",
            "a: \"t\\\"a\\\\b\\n\\t\\/\"\n",
        ]
        let outside = [
            "a: >\n  folded\n    more\n  text\n", "a: |\n  lit\n    more\n  text\n", "a: [x, y,]\n",
            "a: [x,\n  y]\n", "'q': 1\n", "a: &x 1\nb: *x\n", "a: !!str 1\n", "---\na: 1\n", "a: 1\n---\nb: 2\n",
            "a: 1\na: 2\n", "a:\n  - x\n  -\n", "a: b: c\n", "- - x\n", "a: \"x\\u00e9\"\n", "a: 'multi\n  line'\n",
            "a: plain\n  with: colon\n", "a: |\n  text\n   \nb: 1\n", "a: |\n    \n  text\n", "a: x\n b: y\n",
            "a: 'x'y\n", "a:\n  b\n", "? a\n: b\n", "a: {b: 1}\n", "a: x\n...\n", "%YAML 1.2\n---\na: 1\n",
            (1...17).map { "k\($0): \($0)\n" }.joined() + "k1: 18\n", (1...40).map { "k\($0): \($0)\n" }.joined() + "k33: 0\n",
            "a: 1\n- b\n", "- a\nb: 1\n",
            "a: |\n  x\n b: 1\n", "a: |2\n  x\n", "a: [1, -1]\n", "a: \"\\e\"\n", "a:\tb\n", "a: b\r\n", "\u{FEFF}a: 1\n",
            "a: b\u{2028}c\n", "a: b\u{85}c\n", "", "# only a comment\n", "just words\n", "a: `x`\n", "a: @x\n",
        ]
        for text in inside {
            let mine = blockRead(text)
            XCTAssertNotNil(mine, text)
            let (reference, problems) = libyaml.load(text: text, file: "t.yaml", lineOffset: 0)
            XCTAssertEqual(problems, [], text)
            XCTAssertTrue(same(mine, reference), text)
        }
        for text in outside {
            XCTAssertNil(blockRead(text), text)
        }
        for text in inside + outside {
            let (a, aProblems) = fast.load(bytes: Array(text.utf8), file: "t.yaml")
            let (b, bProblems) = libyaml.load(bytes: Array(text.utf8), file: "t.yaml")
            XCTAssertTrue(same(a, b), text)
            XCTAssertEqual(aProblems, bProblems, text)
        }
    }

    func at(_ line: Int, _ column: Int, _ endLine: Int, _ endColumn: Int) -> SourceSpan {
        SourceSpan(file: "t.yaml", start: SourcePosition(line: line, column: column),
                   end: SourcePosition(line: endLine, column: endColumn))
    }

    /// Folded and literal scalars with each chomping: values, and spans that end where
    /// libyaml's do (the start of the line after the last line break read).
    func testBlockScalarsExactly() throws {
        let text = "a: >-\n  one\n  two\n\n  three\nb: |\n  x\n  y\n\nc: |+\n  k\n\n# end\nd: >\n  f\n"
        let root = try XCTUnwrap(blockRead(text))
        XCTAssertEqual(root["a"]?.string, "one two\nthree")
        XCTAssertEqual(root["a"]?.span, at(1, 4, 6, 1))
        XCTAssertEqual(root["b"]?.string, "x\ny\n")
        XCTAssertEqual(root["b"]?.span, at(6, 4, 10, 1))
        XCTAssertEqual(root["c"]?.string, "k\n\n")
        XCTAssertEqual(root["c"]?.span, at(10, 4, 13, 1))
        XCTAssertEqual(root["d"]?.string, "f\n")
        XCTAssertEqual(root["d"]?.span, at(14, 4, 16, 1))
        XCTAssertEqual(root.span, at(1, 1, 16, 1))
    }

    /// Plain scalars over several lines fold (a blank line is a line break), end at the
    /// last character written; an empty value is null at the end of its key's ':'.
    func testPlainScalarsAndEmptyValuesExactly() throws {
        let text = "a: plain\n  folded\n\n\n  again   \nb:\nc: -3 # n\né: ça va\n"
        let root = try XCTUnwrap(blockRead(text))
        XCTAssertEqual(root["a"]?.string, "plain folded\n\nagain")
        XCTAssertEqual(root["a"]?.span, at(1, 4, 5, 8))
        XCTAssertEqual(root["b"]?.isNull, true)
        XCTAssertEqual(root["b"]?.span, at(6, 3, 6, 3))
        XCTAssertEqual(root["c"]?.int, -3)
        XCTAssertEqual(root["c"]?.span, at(7, 4, 7, 6))
        // Columns count characters, not bytes.
        XCTAssertEqual(root.pair("é")?.key.span, at(8, 1, 8, 2))
        XCTAssertEqual(root["é"]?.string, "ça va")
        XCTAssertEqual(root["é"]?.span, at(8, 4, 8, 9))
    }

    /// Sequences, under their key's indentation or further in, end where the next token
    /// starts; flow lists of words; quoted scalars with their quotes in the span.
    func testSequencesAndQuotedScalarsExactly() throws {
        let text = "days:\n- r: [mo, tu]\n  s: 'it''s'\n- \"a\\\"b\"\nnext:\n    - 1\n# c\nlast: x\n"
        let root = try XCTUnwrap(blockRead(text, lineOffset: 1))
        let days = try XCTUnwrap(root["days"]?.sequence)
        XCTAssertEqual(root["days"]?.span, at(3, 1, 6, 1))
        XCTAssertEqual(days[0].span, at(3, 3, 5, 1))
        XCTAssertEqual(days[0]["r"]?.sequence?.map(\.string), ["mo", "tu"])
        XCTAssertEqual(days[0]["r"]?.span, at(3, 6, 3, 14))
        XCTAssertEqual(days[0]["r"]?.sequence?[1].span, at(3, 11, 3, 13))
        XCTAssertEqual(days[0]["s"]?.string, "it's")
        XCTAssertEqual(days[0]["s"]?.span, at(4, 6, 4, 13))
        XCTAssertEqual(days[1].string, "a\"b")
        XCTAssertEqual(days[1].span, at(5, 3, 5, 9))
        XCTAssertEqual(root["next"]?.span, at(7, 5, 9, 1))
        XCTAssertEqual(root["next"]?.sequence?.first?.int, 1)
        XCTAssertEqual(root["last"]?.span, at(9, 7, 9, 8))
        XCTAssertEqual(root.span, at(2, 1, 10, 1))
    }

    /// The byte scan sends to libyaml every text with a tab, a CR, a control character, a
    /// line break editors do not count (NEL, U+2028, U+2029) or a byte order mark, and
    /// tells ASCII texts (columns by bytes) from the others.
    func testByteScanFlags() {
        func scan(_ text: String) -> (fits: Bool, ascii: Bool) {
            let s = ByteScan(Array(text.utf8))
            return (s.fitsBlockSubset, s.ascii)
        }
        XCTAssertTrue(scan("a: b\n") == (true, true))
        XCTAssertTrue(scan("a: l·l “x” é\n") == (true, false))
        for text in ["a:\tb\n", "a: b\r\n", "a: b\u{85}\n", "a: b\u{2028}\n", "a: b\u{2029}\n", "\u{FEFF}a: b\n",
                     "a: \u{7F}\n", "a: \u{1}\n", "a: \u{9F}\n", "a: \u{FFFE}\n"] {
            XCTAssertFalse(scan(text).fits, text.debugDescription)
        }
        // Eight bytes at a time (contiguous) and byte by byte (any other collection) agree,
        // on random texts of the bytes that matter (a fixed sequence: a linear congruential
        // generator).
        let alphabet: [UInt8] = [0x20, 0x20, 0x20, 0x0A, 0x09, 0x0D, 0x61, 0x7F, 0x7E, 0x1F, 0xC2, 0x85, 0x9F, 0xA0,
                                 0xE2, 0x80, 0xA8, 0xA9, 0xEF, 0xBB, 0xBF, 0xBE, 0xC3, 0xA9, 0xFF, 0x00, 0x21]
        var seed: UInt64 = 2026
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        var outcomes: Set<String> = []
        for _ in 0..<20000 {
            let bytes = (0..<next(40)).map { _ in alphabet[next(alphabet.count)] }
            let a = ByteScan(bytes), b = ByteScan(bytes.lazy.map { $0 })
            let flags = [a.fitsBlockSubset, a.ascii, a.mayHaveTabIndentation, a.mayHaveControlCharacters]
            XCTAssertEqual(flags, [b.fitsBlockSubset, b.ascii, b.mayHaveTabIndentation, b.mayHaveControlCharacters], "\(bytes)")
            outcomes.insert(flags.description)
        }
        XCTAssertGreaterThan(outcomes.count, 5)
        XCTAssertTrue(scan(String(repeating: "abcdefgh", count: 9) + "  x: \u{2028}") == (false, false))
        XCTAssertTrue(scan(String(repeating: " ", count: 16) + "\tx") == (false, true))
        XCTAssertEqual(ByteScan(Array((String(repeating: " ", count: 16) + "\tx").utf8)).mayHaveTabIndentation, true)
        XCTAssertEqual(ByteScan(Array(("a" + String(repeating: " ", count: 15) + "\tx").utf8)).mayHaveTabIndentation, false)
        // Bytes that only look like the refused ones: U+00A0, U+2027, U+FEFE.
        for text in ["a: \u{A0}\n", "a: \u{2027}\n", "a: \u{FEFE}\n"] {
            XCTAssertTrue(scan(text).fits, text.debugDescription)
        }
    }
}

/// Heading anchors by bytes (`Slugger.latinSlug`, issue 13) equal anchors by characters.
final class SlugFastPathTests: XCTestCase {
    func testLatinSlugEqualsTheCharacterWay() {
        var texts = ["Com funciona", "Què oferim?", "Àrea d'Atenció — FAQ", "Über ß Þorn ×÷ Ÿ", "Tab\tand\r\nlines",
                     "2026: pla_de-treball", "ÀÉÍÒÚ àéíòú ÇÑ çñ", "CAFÉ", ""]
        for v in 0..<0x100 { texts.append("A\(Character(Unicode.Scalar(UInt8(v))))b c") }
        for text in texts {
            if let fast = Slugger.latinSlug(text) {
                XCTAssertEqual(fast, Slugger.slugifyByCharacters(text), text.debugDescription)
            }
        }
        XCTAssertEqual(Slugger.latinSlug("Àrea d'Atenció — FAQ"), nil)
        XCTAssertEqual(Slugger.latinSlug("ÀÉÍÒÚ àéíòú ÇÑ çñ"), "àéíòú-àéíòú-çñ-çñ")
        XCTAssertEqual(Slugger.latinSlug("Què oferim?"), "què-oferim")
        XCTAssertEqual(Slugger.latinSlug("A\u{B5}b"), nil)
        XCTAssertEqual(Slugger.latinSlug("l·l"), "ll")
        XCTAssertEqual(Slugger.slugifyByCharacters("l·l"), "ll")
        // Outside the range: a combining mark, the Catalan middle dot is inside.
        XCTAssertEqual(Slugger.latinSlug("Cafe\u{301}"), nil)
        XCTAssertEqual(Slugger.slugify("Cafe\u{301}"), "café")
    }
}
