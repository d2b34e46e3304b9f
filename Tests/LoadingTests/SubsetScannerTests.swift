import Diagnostics
import Foundation
@testable import Loading
import XCTest

/// `SubsetScanner` reads the texts written in its subset of YAML, libyaml the others. A
/// text loaded both ways (the loader with the scanner, and libyaml alone) gives the same
/// nodes, positions, written forms and messages: texts of every construct the subset has
/// and of its edges, the example network's files, the fuzz findings, seeded mutations of
/// the example's files and random texts made of the subset's lines.
final class SubsetScannerTests: XCTestCase {
    /// Whether the scanner reads `text` (rather than leaving it to libyaml).
    func scanned(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer { buffer in
            var scanner = SubsetScanner(buffer)
            return scanner.events() != nil
        }
    }

    /// Asserts that both ways give the same; returns whether the scanner read the text.
    @discardableResult
    func assertSame(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) -> Bool {
        XCTAssertEqual(LoadOutcome.of(text, subset: true), LoadOutcome.of(text, subset: false), name, file: file, line: line)
        var bytes = YAMLLoader()
        bytes.scansSubset = false
        let viaLibyaml = bytes.loadKeepingForms(bytes: Array(text.utf8), file: "t.yaml")
        let viaScanner = YAMLLoader().loadKeepingForms(bytes: Array(text.utf8), file: "t.yaml")
        XCTAssertEqual(LoadOutcome.describe(viaScanner.0, viaScanner.1, viaScanner.2),
                       LoadOutcome.describe(viaLibyaml.0, viaLibyaml.1, viaLibyaml.2), "bytes: " + name, file: file, line: line)
        return scanned(text)
    }

    /// Each construct of the subset, and texts just outside it, with whether the scanner
    /// reads them.
    func testTextsOfEveryConstruct() {
        let texts: [(String, Bool)] = [
            ("a: 1\n", true), ("a: 1", true), ("a:\n", true), ("a:", true), ("a:   \n", true), ("a: b  \n", true),
            ("a: 1\nb: x y z\nc: 2026-03-01\nd: true\ne: ~\nf: null\ng: -5\nh: 1.5\n", true),
            ("a:\nb: 1\n", true), ("a:\n  b: 1\n  c:\nd:\n", true), ("a:\n- 1\n- 2\nb: 3\n", true),
            ("a:\n  - 1\n  - 2\nb: 3\n", true), ("- a\n- b\n", true), ("- a: 1\n  b: 2\n- c: 3\n", true),
            ("-   a: 1\n    b:\n    - x\n-  y\n", true), ("- a:\n  - x\n  - y: 1\n    z: 2\n- b\n", true),
            ("a:\n  b:\n    c:\n      d: 1\ne: 2\n", true), ("a:\n  b:\n  - x\nc: 1\n", true),
            ("# top\na: 1 # not a comment?\n", false), ("# top\na: 1\n  # deeper\n# at 0\nb:\n  # before\n  c: 2\n", true),
            ("\n\n  \na: 1\n\n\n", true), ("a: 1\n\n   \n", true),
            ("a: \"x\"\nb: \"\"\nc: \"  spaced  \"\nd: \"1\"\ne: \"é: # x\"\n", true), ("a: \"x\\ty\"\n", false),
            ("a: \"x\" y\n", false), ("a: \"x\n  y\"\n", false), ("a: 'x'\n", false),
            ("a: [x, y, z]\nb: []\nc: [ 1 ,2 ]\nd: [a b, c-d]\n", true), ("a: [x, ]\n", false), ("a: [x: 1]\n", false),
            ("a: [x, [y]]\n", false), ("a: {b: 1}\n", false), ("a: [x,\n  y]\n", false), ("a: [x] # c\n", false),
            ("a: >-\n  folded\n  text\nb: 1\n", true), ("a: >\n  folded\n  text\n", true), ("a: >+\n  kept\n\n\nb: 1\n", true),
            ("a: |\n  line 1\n  line 2\n\n  line 4\nb: |-\n  x\n", true), ("a: |+\n  x\n\n", true), ("a: >\n  x\n\n\n  y\n\n", true),
            ("a: >-\n  x", true), ("a: |\n  x  \n  # not a comment\n  : y\n", true), ("a:\n  b: >-\n    x\n    y\n  c: 1\n", true),
            ("- a: >-\n    x\n    y\n  b: 1\n", true), ("a: >-\n  x\n # a comment\nb: 1\n", true),
            ("a: >-\n  x\n    deeper\n", false), ("a: >-\n\n  x\n", false), ("a: >-\n  x\n  \n  y\n", false), ("a: >2\n  x\n", false),
            ("a: > # c\n  x\n", false), ("a: >\nb: 1\n", false), ("a: >-", false), ("- >\n  x\n", false),
            ("a: b\n  c\n", false), ("a:\n  b\n", false), ("a: b: c\n", false), ("a: b:\n", false), ("a: - b\n", false),
            ("a: 1\na: 2\n", true), ("a: 1\n b: 2\n", false), ("a:\n    b: 1\n  c: 2\n", false), ("a: 1\n- b\n", false),
            ("- a\nb: 1\n", false), ("-\n  a: 1\n", false), ("- - a\n", false), ("  a: 1\n", false), ("a", false), ("", false),
            ("# only\n", false), ("---\na: 1\n", false), ("a: 1\n...\n", false), ("a: 1\n---\nb: 2\n", false),
            ("a: &x 1\nb: *x\n", false), ("a: !!str 1\n", false), ("? a\n: 1\n", false), ("\"a\": 1\n", false),
            ("a b: 1\n", false), ("a :1\n", false), ("a:b\n", false), ("a.b-c_d: 1\n_x: 2\n9: 3\n", true),
            ("a: x\tb\n", false), ("a: 1\r\n", false), ("a: x\u{85}y\n", false), ("a: x\u{2028}y\n", false),
            ("a: \u{FEFF}x\n", false), ("a: x\u{A0}y\n", true), ("a: @x\n", false), ("a: `x`\n", false), ("a: %x\n", false),
            ("a: -x\n", false), ("a: .5\nb: /x\nc: +1\nd: ~/x\ne: $x\nf: (x)\ng: _x\n", true), ("a: x#y\nb: x:y\nc: http://x\n", true),
            ("nom: Oficina d’Atenció Empresarial\nlloc: L’Hospitalet\nè: 1\n", false), ("a: 😀😀 é\nb: [😀, ñ]\n", true),
            ("a: 1e400\nb: 0x1F\nc: .inf\nd: 99999999999999999999\n", true), ("a:\n  - \"x\"\n  - [y]\n", true),
            ("a: >-\n  é x\n  ò\nb: \"ü\"\n", true), (String(repeating: "a:\n ", count: 1) + "b: 1\n", true),
            ((0..<200).map { String(repeating: " ", count: $0) + "k:\n" }.joined(), true),
            ((0..<3000).map { "k\($0): v\($0) · ň\n" }.joined(), true),
            // An indentless sequence as the level past the budget: the error's span ends after
            // its '-', as libyaml's event does (a helper's review).
            ((0...64).map { String(repeating: " ", count: 2 * $0) + "- k:\n" }.joined(), true),
            ((0..<128).map { String(repeating: " ", count: $0) + "k:\n" }.joined() + String(repeating: " ", count: 127) + "- x\n", true),
            ((0..<128).map { String(repeating: " ", count: $0) + "k:\n" }.joined() + String(repeating: " ", count: 128) + "- x\n", true),
            // One long line of many values with accents (their places counted on along the line).
            ("a: [" + String(repeating: "é, ", count: 20_000) + "ò]\nb: " + String(repeating: "ü", count: 50_000) + "\n", true),
        ]
        for (i, (text, reads)) in texts.enumerated() {
            let read = assertSame(text, "text \(i): \(text.prefix(60).debugDescription)")
            XCTAssertEqual(read, reads, "text \(i): \(text.prefix(60).debugDescription)")
        }
    }

    /// The word tests say what the byte-by-byte tests say: every byte value at every place
    /// of a word, among fillers at the edges of each test (space, '~', 'A', '9', ':').
    func testTheWordTestsAsByteByByte() {
        func bytes(_ w: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: w >> (8 * $0)) } }
        for filler in [UInt8(0x20), 0x7E, 0x41, 0x39, 0x3A, 0x23] {
            for place in 0..<8 {
                for value in 0...255 {
                    var word = [UInt8](repeating: filler, count: 8)
                    word[place] = UInt8(value)
                    let w = word.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    XCTAssertEqual(bytes(UInt64(littleEndian: w)), word)
                    XCTAssertEqual(SWAR.hasOtherThanPrintableASCII(w), word.contains { $0 < 0x20 || $0 >= 0x7F },
                                   "\(word)")
                    XCTAssertEqual(SWAR.hasColonOrHash(w), word.contains { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "#") },
                                   "\(word)")
                }
            }
        }
    }

    /// Every YAML file of the example network and every Markdown file's front matter; the
    /// scanner reads nearly all of them.
    func testTheExampleNetwork() throws {
        let texts = LoadOutcome.exampleTexts(["model", "seeds", "templates/strings"])
        var read = 0
        for (path, text) in texts where assertSame(text, path) { read += 1 }
        XCTAssertGreaterThan(texts.count, 150)
        // Not read: the kind table and the interface strings (flow mappings, single quotes),
        // two schemas (escapes in quotes) and a proposal (single quotes); libyaml reads them.
        XCTAssertGreaterThan(Double(read), 0.95 * Double(texts.count), "the scanner read \(read) of \(texts.count) texts")
    }

    func testTheFuzzFindings() throws {
        let findings = try LoadOutcome.fuzzFindingTexts()
        XCTAssertFalse(findings.isEmpty)
        for (name, text) in findings { assertSame(text, name) }
    }

    /// Knuth's MMIX linear congruential generator: the same sequence on every machine.
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// Seeded mutations of the example's YAML files: pieces of YAML's syntax and of the
    /// subset's edges put in, taken out, or the text cut.
    func testMutationsOfTheExamplesFiles() throws {
        let texts = LoadOutcome.exampleSeedFiles()
        XCTAssertFalse(texts.isEmpty)
        let pieces = ["\n", "\n\n", ":", ": ", "- ", "-", "[", "]", "\"", "#", " #", "|", ">", ">-", "|+", " ", "  ", "    ",
                      "é", "😀", "x", "\n  ", "\n- ", "a:", "\na: ", ",", "~", "0", "-1"]
        var random = Random(state: 20_261_205)
        var read = 0
        let rounds = 3000
        for round in 0..<rounds {
            var scalars = Array(texts[random.next(texts.count)].unicodeScalars)
            for _ in 0...random.next(4) {
                let at = scalars.isEmpty ? 0 : random.next(scalars.count)
                switch random.next(4) {
                case 0, 1: scalars.insert(contentsOf: pieces[random.next(pieces.count)].unicodeScalars, at: at)
                case 2: if at < scalars.count { scalars.removeSubrange(at..<min(scalars.count, at + 1 + random.next(8))) }
                default: scalars = Array(scalars[..<at])
                }
            }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            if assertSame(text, "mutation \(round)") { read += 1 }
        }
        // Both ways were compared on many texts the scanner read, not only on its refusals.
        XCTAssertGreaterThan(read, rounds / 5, "the scanner read \(read) of \(rounds) mutations")
    }

    /// Random documents of the subset, nested mappings and sequences with values of every
    /// kind, at random (but consistent) indentation, with empty lines and comments; a third
    /// of them with one line moved, doubled, cut or indented anew.
    func testRandomDocumentsOfTheSubset() {
        var random = Random(state: 20_261_205)
        let keys = ["a", "id", "b_2", "x.y", "k-1", "9", "$ref", "ca", "es", "en"]
        let scalars = ["1", "x", "x y", "true", "~", "2026-12-05", "-3", "é ü", "\"q\"", "\"\"", "\" s \"", "[a, b]", "[]",
                       "[ 1 ,2 ]", "a:b", "1.50", "😀 x", "x  ", "http://x/y#z", "null", "0x1F", "1e400", "(x)", ".5"]
        let words = ["text", "more text  ", "é ò", "# hash", ": colon", "- dash", "😀", "a: b", "\"q\""]
        func blank(_ lines: inout [String], _ indent: Int) {
            switch random.next(12) {
            case 0: lines.append("")
            case 1: lines.append(String(repeating: " ", count: random.next(indent + 3)) + "# note")
            default: break
            }
        }
        func blockScalar(_ lines: inout [String], _ indent: Int) -> String {
            let header = [">", ">-", ">+", "|", "|-", "|+"][random.next(6)]
            let pad = String(repeating: " ", count: indent)
            for i in 0..<(1 + random.next(4)) {
                if i > 0, random.next(4) == 0 { lines.append(contentsOf: Array(repeating: "", count: 1 + random.next(2))) }
                lines.append(pad + words[random.next(words.count)])
            }
            if random.next(4) == 0 { lines.append("") }
            return header
        }
        func mapping(_ lines: inout [String], _ indent: Int, depth: Int, first: String? = nil) {
            let pad = String(repeating: " ", count: indent)
            for i in 0..<(1 + random.next(4)) {
                let lead = i == 0 ? (first ?? pad) : pad
                let key = keys[random.next(keys.count)]
                blank(&lines, indent)
                switch depth > 3 ? random.next(3) : random.next(7) {
                case 0, 1:
                    lines.append(lead + key + ": " + scalars[random.next(scalars.count)])
                case 2:
                    lines.append(lead + key + ":" + (random.next(3) == 0 ? "  " : ""))
                case 3:
                    lines.append(lead + key + ":")
                    mapping(&lines, indent + 1 + random.next(4), depth: depth + 1)
                case 4:
                    lines.append(lead + key + ":")
                    sequence(&lines, random.next(2) == 0 ? indent : indent + 2, depth: depth + 1)
                default:
                    var body: [String] = []
                    let header = blockScalar(&body, indent + 1 + random.next(3))
                    lines.append(lead + key + ": " + header)
                    lines.append(contentsOf: body)
                }
            }
        }
        func sequence(_ lines: inout [String], _ indent: Int, depth: Int) {
            let pad = String(repeating: " ", count: indent)
            for _ in 0..<(1 + random.next(4)) {
                blank(&lines, indent)
                let gap = 1 + random.next(2)
                if depth < 4, random.next(2) == 0 {
                    mapping(&lines, indent + 1 + gap, depth: depth + 1, first: pad + "-" + String(repeating: " ", count: gap))
                } else {
                    lines.append(pad + "- " + scalars[random.next(scalars.count)])
                }
            }
        }
        var read = 0
        let rounds = 20_000
        for round in 0..<rounds {
            var lines: [String] = []
            if random.next(5) == 0 { sequence(&lines, 0, depth: 0) } else { mapping(&lines, 0, depth: 0) }
            if random.next(3) == 0, !lines.isEmpty {
                let at = random.next(lines.count)
                switch random.next(4) {
                case 0: lines.insert(lines[at], at: random.next(lines.count))
                case 1: lines.remove(at: at)
                case 2: lines[at] = String(lines[at].prefix(random.next(lines[at].count + 1)))
                default: lines[at] = String(repeating: " ", count: random.next(6)) + lines[at].drop { $0 == " " }
                }
            }
            let text = lines.joined(separator: "\n") + (random.next(5) == 0 ? "" : "\n")
            if assertSame(text, "document \(round): \(text.debugDescription)") { read += 1 }
        }
        XCTAssertGreaterThan(read, rounds / 2, "the scanner read \(read) of \(rounds) documents")
    }

    /// Random texts made of the subset's lines at random indentation: keys, items, values
    /// of every kind, block scalars, empty lines and comments, in orders YAML allows and
    /// in orders it does not.
    func testRandomTextsOfTheSubsetsLines() {
        let keys = ["a", "id", "b_2", "x.y", "k-1", "9"]
        let scalars = ["1", "x", "x y", "true", "~", "", "2026-12-05", "-3", "é ü", "\"q\"", "\"\"", "[a, b]", "[]", "a:b",
                       "1.50", "😀", "x  ", ">-", ">", "|", "|+", "a #b", "'s'"]
        let texts = ["text", "more text", "", "  deeper", "# hash", "é"]
        var random = Random(state: 947)
        var read = 0
        let rounds = 20_000
        for round in 0..<rounds {
            var lines: [String] = []
            var indent = 0
            for _ in 0..<(1 + random.next(12)) {
                switch random.next(10) {
                case 0: indent = max(0, indent - 2 * random.next(3))
                case 1: indent += 2
                default: break
                }
                let pad = String(repeating: " ", count: indent + (random.next(15) == 0 ? 1 : 0))
                switch random.next(9) {
                case 0, 1, 2: lines.append(pad + keys[random.next(keys.count)] + ": " + scalars[random.next(scalars.count)])
                case 3: lines.append(pad + keys[random.next(keys.count)] + ":")
                case 4: lines.append(pad + "- " + scalars[random.next(scalars.count)])
                case 5: lines.append(pad + "- " + keys[random.next(keys.count)] + ": " + scalars[random.next(scalars.count)])
                case 6: lines.append(pad + "  " + texts[random.next(texts.count)])
                case 7: lines.append(random.next(2) == 0 ? "" : pad + "# note")
                default: lines.append(pad + "    " + texts[random.next(texts.count)])
                }
            }
            let text = lines.joined(separator: "\n") + (random.next(4) == 0 ? "" : "\n")
            if assertSame(text, "random \(round): \(text.debugDescription)") { read += 1 }
        }
        XCTAssertGreaterThan(read, rounds / 20, "the scanner read \(read) of \(rounds) texts")
    }
}
