import CCmarkGFM
import CYaml
import Diagnostics
@testable import Loading
import XCTest

/// The binary form of loaded nodes (`BinaryWriter`, `BinaryReader`) for the load store:
/// what is written reads back the same, and bytes that are not a writer's make
/// `Malformed`, never a crash.
final class BinaryCodingTests: XCTestCase {
    let file = SourceFile("seeds/x/office.yaml")

    func span(_ line: Int, _ column: Int, _ endColumn: Int) -> SourceSpan {
        SourceSpan(source: file, start: SourcePosition(line: line, column: column), end: SourcePosition(line: line, column: endColumn))
    }

    var sample: Node {
        let values: [Node.Value] = [.null, .bool(true), .bool(false), .int(0), .int(-1), .int(Int.max), .int(Int.min),
                                    .double(-0.0), .double(1.5e300), .double(.nan), .string(""), .string("Àger · e\u{301} 🚀"),
                                    .string(String(repeating: "x", count: 300))]
        let items = values.enumerated().map { Node($0.element, span: span($0.offset + 2, 3, 9)) }
        return Node(.mapping([
            Node.Pair(key: Node(.string("items"), span: span(1, 1, 6)), value: Node(.sequence(items), span: span(2, 1, 40))),
            Node.Pair(key: Node(.int(8750), span: span(20, 1, 6)), value: Node(.mapping([]), span: span(20, 8, 10))),
        ]), span: span(1, 1, 40))
    }

    func testNodesReadBackTheSame() throws {
        var w = BinaryWriter()
        XCTAssertTrue(w.node(sample, in: file))
        let bytes = w.bytes
        let node = try bytes.withUnsafeBytes { raw in
            var r = BinaryReader(raw)
            let node = try r.node(in: file)
            XCTAssertTrue(r.atEnd)
            return node
        }
        XCTAssertTrue(node.isIdentical(to: sample))
        XCTAssertEqual(node.sequence(at: "items")?[7].number?.bitPattern, (-0.0 as Double).bitPattern)
        XCTAssertTrue(node.sequence(at: "items")?[11].string?.utf8.elementsEqual("Àger · e\u{301} 🚀".utf8) == true)
    }

    func testASpanOfAnotherFileIsNotWritten() {
        var w = BinaryWriter()
        let other = Node(.null, span: SourceSpan(file: "model/model.yaml", start: SourcePosition(line: 1, column: 1),
                                                 end: SourcePosition(line: 1, column: 2)))
        XCTAssertFalse(w.node(Node(.sequence([other]), span: span(1, 1, 2)), in: file))
    }

    func testMarkdownReadsBackTheSame() throws {
        var doc = MarkdownDocument(frontMatter: sample, body: "# Títol\n\nText [enllaç](a.md).\n", bodyLineOffset: 21,
                                   headings: [.init(level: 1, text: "Títol", anchor: "titol", span: span(22, 1, 8))],
                                   links: [.init(destination: "a.md", isImage: false, span: span(24, 6, 18))])
        doc.writtenForms = [span(20, 1, 6): "08750"]
        var w = BinaryWriter()
        XCTAssertTrue(w.markdown(doc, in: file))
        let read = try w.bytes.withUnsafeBytes { raw in
            var r = BinaryReader(raw)
            return try r.markdown(in: file)
        }
        XCTAssertTrue(read.frontMatter?.isIdentical(to: sample) == true)
        XCTAssertEqual(read.body, doc.body)
        XCTAssertEqual(read.bodyLineOffset, 21)
        XCTAssertEqual(read.headings, doc.headings)
        XCTAssertEqual(read.links, doc.links)
        XCTAssertEqual(read.writtenForms, doc.writtenForms)
    }

    /// Every prefix of a node's bytes is cut short: each read throws.
    func testCutBytesThrow() {
        var w = BinaryWriter()
        _ = w.node(sample, in: file)
        let bytes = w.bytes
        for n in 0..<bytes.count {
            let prefix = Array(bytes.prefix(n))
            XCTAssertThrowsError(try prefix.withUnsafeBytes { raw in
                var r = BinaryReader(raw)
                _ = try r.node(in: file)
            }, "cut at \(n)")
        }
    }

    /// Lists nested deeper than the loader makes them (`YAMLLoader.Limits.maxDepth`, 128)
    /// read up to 256 levels: a store's bytes cannot make the reader recurse without end.
    func testNestingPastTheDepthThrows() throws {
        func nested(_ depth: Int) -> [UInt8] {
            var node = Node(.null, span: span(1, 1, 2))
            for _ in 0..<depth { node = Node(.sequence([node]), span: span(1, 1, 2)) }
            var w = BinaryWriter()
            XCTAssertTrue(w.node(node, in: file))
            return w.bytes
        }
        XCTAssertNoThrow(try nested(200).withUnsafeBytes { raw in
            var r = BinaryReader(raw)
            _ = try r.node(in: file)
        })
        XCTAssertThrowsError(try nested(300).withUnsafeBytes { raw in
            var r = BinaryReader(raw)
            _ = try r.node(in: file)
        })
    }

    /// The loader's identity names the parsers' versions and every file of code this
    /// process runs, the parsers' libraries among them, each with its stamp: an upgraded
    /// libyaml or cmark-gfm has another.
    func testTheLoaderIdentityNamesTheParsersLibraries() throws {
        let lines = try XCTUnwrap(LoaderIdentity.text).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], "libyaml \(String(cString: yaml_get_version_string()))")
        XCTAssertEqual(lines[1], "cmark-gfm \(String(cString: cmark_version_string()))")
        let files = lines.dropFirst(2)
        XCTAssertTrue(files.contains { $0.hasPrefix("/") && $0.contains("/libyaml") }, "\(files)")
        XCTAssertTrue(files.contains { $0.hasPrefix("/") && $0.contains("/libcmark-gfm-extensions") }, "\(files)")
        // Each file's line ends with its size, times, device and inode.
        for line in files { XCTAssertEqual(line.split(separator: " ").suffix(5).compactMap { Int($0) }.count, 5, line) }
    }

    func testBytesNoWriterMakesThrow() {
        let cases: [[UInt8]] = [
            [9],                                   // no such tag
            [5, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F],     // a text longer than the bytes
            [3] + Array(repeating: 0xFF, count: 11) + [0x01],  // a varint past 64 bits
            [0, 2, 2, 2, 0],                       // a span that ends before it starts (line 1 column 1 to line 1 column 0)
        ]
        for bytes in cases {
            XCTAssertThrowsError(try bytes.withUnsafeBytes { raw in
                var r = BinaryReader(raw)
                _ = try r.node(in: file)
            }, "\(bytes.prefix(8))")
        }
    }
}
