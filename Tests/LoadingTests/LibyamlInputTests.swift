import Diagnostics
import Foundation
@testable import Loading
import XCTest

/// The loader hands libyaml's scanner its input decoded (`LibyamlInput.preload`), skipping
/// libyaml's reader. The same texts loaded both ways give the same nodes, positions, written
/// forms and messages: the example network's YAML and front matter, texts at the edges of
/// the reader's work (line breaks of every kind, multi-byte characters, a BOM, errors at
/// the end of input), the fuzz findings, and seeded mutations of the example's files.
final class LibyamlInputTests: XCTestCase {
    /// Everything a load gives, spans included, as one text to compare.
    func outcome(_ text: String, preloading: Bool) -> String {
        var loader = YAMLLoader()
        loader.preloadsInput = preloading
        // libyaml for every text: the subset's scanner, which reads most texts, is compared
        // with libyaml by `SubsetScannerTests`.
        loader.scansSubset = false
        let (node, problems, written) = loader.loadKeepingForms(text: text, file: "t.yaml", lineOffset: 0)
        return describe(node, problems, written)
    }

    func describe(_ node: Node?, _ problems: [Diagnostic], _ written: WrittenForms) -> String {
        LoadOutcome.describe(node, problems, written)
    }

    func assertSame(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let read = outcome(text, preloading: false)
        let preloaded = outcome(text, preloading: true)
        XCTAssertEqual(preloaded, read, name, file: file, line: line)
        // The file's bytes as the tree hands them (`loadKeepingForms(bytes:)`, parsed as they
        // are when they are plain) give what the text `TextChecks.decode` makes of them gives.
        let bytes = Array(text.utf8)
        let (decoded, refused) = TextChecks.decode(bytes, file: "t.yaml")
        let expected = decoded.map { outcome($0, preloading: true) } ?? describe(nil, refused, [:])
        XCTAssertEqual(outcome(bytes), expected, "bytes: " + name, file: file, line: line)
    }

    /// `outcome` of a file's bytes.
    func outcome(_ bytes: [UInt8]) -> String {
        var loader = YAMLLoader()
        loader.scansSubset = false
        let (node, problems, written) = loader.loadKeepingForms(bytes: bytes, file: "t.yaml")
        return describe(node, problems, written)
    }

    func testTheLinkedLibyamlIsTheVersionWhoseReaderWasRead() {
        // Debian's libyaml-dev, which the README installs; another version loads through
        // its own reader (and this test names the version to read anew).
        XCTAssertEqual(LibyamlInput.version, "0.2.5")
        XCTAssertTrue(LibyamlInput.preloadable)
        XCTAssertTrue(YAMLLoader().preloadsInput)
    }

    func testTextsAtTheEdgesOfTheReadersWork() {
        let texts = [
            "", "a", "a: 1", "a: 1\n", "\n\n\n", "# only a comment", "---", "---\n...", "...\n", "- ",
            "\u{FEFF}a: 1\n", "a: \u{FEFF}b\n",
            "a: 1\r\nb: 2\r\n", "a: |\r\n  x\r\n  y\r\n", "a: \"x\r\n  y\"\n",
            "a: x\u{85}b: y\n", "a: x\u{2028}y\n", "a: x\u{2029}y\n", "a: \"x\u{85}y\"\n",
            "nom: Oficina d’Atenció Empresarial\nlloc: L’Hospitalet de Llobregat\n",
            "è: à\n'ò': \"ü\"\n- x\n", "a: 😀😀\nb: [😀, {c: 𝄞}]\n", "a: \"\\u00e9\\U0001F600\"\n",
            "a: [1, 2", "a: {b: 1", "a: \"open", "a: 'open", "a: \"open\nb: 1\n", "a: b: c\n", "- a\nb: 1\n",
            "a: &x 1\nb: *x\nc: *y\n", "? [a]\n: 1\n", "a: !!str 1\nb: !custom x\n", "a: 0x1F\nb: 1e400\nc: .inf\n",
            "a: >\n  folded\n  text\n\nb: |-\n  kept\n", "a:\n  - b\n  -   c: 1\n      d: 2\n",
            "a: 1\n---\nb: 2\n", "%YAML 1.1\n---\na: 1\n", "%TAG ! tag:x,2000:\n--- !a\nb: 1\n",
            String(repeating: "[", count: 200), String(repeating: "- ", count: 300) + "x\n",
            "a: " + String(repeating: "é", count: 70_000) + "\n",
            (0..<3000).map { "k\($0): v\($0) · ň\n" }.joined(),
        ]
        for (i, text) in texts.enumerated() { assertSame(text, "text \(i): \(text.prefix(40).debugDescription)") }
    }

    /// Every YAML file of the example network and every Markdown file's front matter.
    func testTheExampleNetwork() throws {
        let texts = LoadOutcome.exampleTexts(["model", "seeds"])
        for (path, text) in texts { assertSame(text, path) }
        XCTAssertGreaterThan(texts.count, 150)
    }

    func testTheFuzzFindings() throws {
        let findings = try LoadOutcome.fuzzFindingTexts()
        XCTAssertFalse(findings.isEmpty)
        for (name, text) in findings { assertSame(text, name) }
    }

    /// Seeded mutations of the example's YAML files: pieces that break the syntax or
    /// change line breaks and character widths, put in, taken out or swapped.
    func testMutationsOfTheExamplesFiles() throws {
        let texts = LoadOutcome.exampleSeedFiles()
        XCTAssertFalse(texts.isEmpty)
        let pieces = ["\n", "\r\n", "\u{85}", "\u{2028}", ":", ": ", "- ", "[", "]", "{", "}", "\"", "'", "#", "&a ", "*a",
                      "!", "|", ">", "?", " ", "  ", "é", "😀", "\t", "---\n", "...", ","]
        // Knuth's MMIX linear congruential generator: the same sequence on every machine.
        var state: UInt64 = 20_261_202
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        for round in 0..<600 {
            var scalars = Array(texts[Int(next() % UInt64(texts.count))].unicodeScalars)
            for _ in 0...(next() % 4) {
                let at = scalars.isEmpty ? 0 : Int(next() % UInt64(scalars.count))
                switch next() % 3 {
                case 0: scalars.insert(contentsOf: pieces[Int(next() % UInt64(pieces.count))].unicodeScalars, at: at)
                case 1: if at < scalars.count { scalars.removeSubrange(at..<min(scalars.count, at + 1 + Int(next() % 8))) }
                default: scalars = Array(scalars[..<at])
                }
            }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            assertSame(text, "mutation \(round)")
        }
    }
}
