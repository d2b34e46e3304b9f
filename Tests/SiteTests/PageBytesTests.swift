import Foundation
import XCTest
import Loading
import Rendering
@testable import Site

/// The passes a page goes through on its UTF-8 bytes (issue 13) give what the passes on
/// strings gave.
final class PageBytesTests: XCTestCase {
    /// The paragraphs as they were made with `String` and Foundation before they were made
    /// on bytes: the reference the byte version must equal.
    func reference(_ text: String) -> String {
        var out: [String] = []
        var rest = text[...]
        while !rest.isEmpty {
            let blank = rest.utf8Range(of: "\n\n")
            var piece = (blank.map { rest[..<$0.lowerBound] } ?? rest).unicodeScalars[...]
            while let first = piece.first, CharacterSet.whitespacesAndNewlines.contains(first) { piece = piece.dropFirst() }
            while let last = piece.last, CharacterSet.whitespacesAndNewlines.contains(last) { piece = piece.dropLast() }
            if !piece.isEmpty { out.append("<p>" + HTML.escape(String(String.UnicodeScalarView(piece))) + "</p>") }
            guard let blank else { break }
            rest = rest[blank.upperBound...]
        }
        return out.joined(separator: "\n")
    }

    func testParagraphsAreSplitAtBlankLinesTrimmedAndEscaped() {
        XCTAssertEqual(SiteLanguage.paragraphs("  L'oficina obre <b>dilluns</b>.\n\nI dimarts & dijous.  \n"),
                       "<p>L&#39;oficina obre &lt;b&gt;dilluns&lt;/b&gt;.</p>\n<p>I dimarts &amp; dijous.</p>")
        XCTAssertEqual(SiteLanguage.paragraphs("\u{00A0}Primer\u{2003}\n\n\n\n\u{0085}Segon\u{3000}"), "<p>Primer</p>\n<p>Segon</p>")
        XCTAssertEqual(SiteLanguage.paragraphs("\n\n \n\n"), "")
        XCTAssertEqual(SiteLanguage.paragraphs(""), "")
        // `\r\n\r\n` is not a blank line of `\n\n`: one paragraph, its inner CRLFs kept.
        XCTAssertEqual(SiteLanguage.paragraphs("Àmbit\r\n\r\nsegon\r\n"), "<p>Àmbit\r\n\r\nsegon</p>")
    }

    func testParagraphsEqualTheStringVersionOnTrickyTexts() {
        let texts = [
            "a\n\n\nb", "a\n \nb", "\n\na", "a\n\n", "é\u{301}\n\n\u{301}x", "\u{200B}zero width\u{200B}",
            "\u{FEFF}bom", "tab\t\n\n\ttab", "x\u{2028}\n\ny\u{2029}", "\u{1680}ogham\u{202F}", "emoji 👩‍💻\n\n👍🏽 ",
            "\r\n\r\nCRLF\r\n", "l'àrea & <b>\"cometes\"</b>", "\u{00A0}\u{00A0}", "\u{0301}combining first",
        ]
        for text in texts { XCTAssertEqual(SiteLanguage.paragraphs(text), reference(text), text.debugDescription) }
    }

    func testSearchMarksOnBytes() {
        let html = Array("<dl><dt>Cost</dt><dd>Gratuït</dd><dt>Àmbit</dt><dd>Local</dd></dl><ul><li>a</li><li>b</li></ul>".utf8)
        XCTAssertEqual(String(decoding: Layout.searchable(html), as: UTF8.self),
                       "<dl><dt data-pagefind-ignore>Cost</dt>\n<dd>Gratuït</dd>\n<dt data-pagefind-ignore>Àmbit</dt>\n<dd>Local</dd></dl><ul><li>a</li>\n<li>b</li></ul>")
        let plain = Array("<p>res a marcar</p>".utf8)
        XCTAssertEqual(Layout.searchable(plain), plain)
    }

    /// `searchRule` gives, at every `<` of texts made of the rules' pieces, the first rule of
    /// `searchRules` whose `match` begins there; `searchable` inserts what that rule says.
    func testSearchRulesOnBytesFollowTheTable() {
        let pieces = ["<dt>", "<dt class=", "<dt clas", "<thead>", "<thead", "</dd>", "</dt>", "</th>", "</td>", "</li>", "<dd",
                      "<dt", "<td", "<li", "<th", "<t", "</", "<d", "<", "x", " ", ">"]
        var checked = 0, matched = 0
        for a in pieces {
            for b in pieces {
                for c in ["", "<dt", "<li", "<td", "x"] {
                    let bytes = Array((a + b + c).utf8)
                    var expected: [UInt8] = [], copied = 0, i = 0
                    bytes.withUnsafeBufferPointer { buffer in
                        while i < bytes.count {
                            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
                            let rule = Layout.searchRules.firstIndex { buffer.hasPrefix($0.match, at: i) }
                            XCTAssertEqual(Layout.searchRule(buffer, at: i), rule, "\(a + b + c) at \(i)")
                            checked += 1
                            guard let rule else { i += 1; continue }
                            matched += 1
                            let at = Layout.searchRules[rule].at
                            expected += bytes[copied..<(i + at)] + Layout.searchRules[rule].insert
                            copied = i + at
                            i += at
                        }
                    }
                    expected += bytes[copied...]
                    XCTAssertEqual(String(decoding: Layout.searchable(bytes), as: UTF8.self), String(decoding: expected, as: UTF8.self))
                }
            }
        }
        XCTAssertEqual(checked, 5_632)
        XCTAssertEqual(matched, 798)
    }

    func testByteSearch() {
        let hay = Array("<p>a</p><h2 id=\"x\">X</h2><h2 id=\"y\">Y</h2>".utf8)
        XCTAssertEqual(HTMLBytes.find("<h2", in: hay), 8)
        XCTAssertEqual(HTMLBytes.find("<h2", in: hay, from: 9), 25)
        XCTAssertNil(HTMLBytes.find("<h2", in: hay, from: 9, to: 27))
        XCTAssertEqual(HTMLBytes.find("<h2", in: hay, from: 9, to: 28), 25)
        XCTAssertEqual(HTMLBytes.count("<h2 id=\"", in: hay), 2)
        XCTAssertEqual(HTMLBytes.count("<h2 id=\"", in: hay, upTo: 1), 1)
        XCTAssertEqual(HTMLBytes.count("<h2 id=\"", in: hay, upTo: 3), 2)
        XCTAssertEqual(HTMLBytes.findLast("</h2>", in: hay, before: hay.count), 37)
        XCTAssertEqual(HTMLBytes.findLast("</h2>", in: hay, before: 41), 20)
        XCTAssertEqual(HTMLBytes.attribute("id", in: hay, from: 8, to: 19), "x")
        XCTAssertNil(HTMLBytes.attribute("id", in: hay, from: 0, to: 8))
        // ` id="` only: not in another attribute's name, nor without `="`, nor past the tag.
        let tag = Array("<h2 data-id=\"a\" idx=\"b\" id =\"c\" id=\"d\" aria-labelledby=\"e\">".utf8)
        XCTAssertEqual(HTMLBytes.attribute("id", in: tag, from: 3, to: tag.count - 1), "d")
        XCTAssertEqual(HTMLBytes.attribute("aria-labelledby", in: tag, from: 0, to: tag.count), "e")
        XCTAssertNil(HTMLBytes.attribute("id", in: tag, from: 3, to: 36))
        XCTAssertNil(HTMLBytes.attribute("id", in: tag, from: 3, to: 37))
        XCTAssertEqual(HTMLBytes.attribute("id", in: tag, from: 3, to: 38), "d")
        XCTAssertNil(HTMLBytes.attribute("idx", in: tag, from: 18, to: tag.count))
        XCTAssertNil(HTMLBytes.find("<", in: [], from: 0))
        XCTAssertEqual(HTMLBytes.find("a", in: hay), 3)
    }

    /// Needles of one or two bytes are searched by `memchr` on their first byte, longer
    /// ones by `memmem`: both give the first match in the range, as a plain scan does,
    /// including a match that ends on the range's last byte and a first byte alone there.
    func testShortAndLongNeedlesFindWhatAPlainScanFinds() {
        func scan(_ needle: [UInt8], _ hay: [UInt8], _ from: Int, _ to: Int) -> Int? {
            guard to - from >= needle.count else { return nil }
            return (from...(to - needle.count)).first { Array(hay[$0..<($0 + needle.count)]) == needle }
        }
        let hays = ["<p>x</p><h2>a</h2><h", "<<h<h", "h<", "<", "", "<hr><h3 id=\"b\">", "é<h<é<ht<"].map { Array($0.utf8) }
        for hay in hays {
            for from in 0...hay.count {
                for to in from...hay.count {
                    XCTAssertEqual(HTMLBytes.find("<h", in: hay, from: from, to: to), scan(Array("<h".utf8), hay, from, to), "<h in \(hay) \(from)..<\(to)")
                    XCTAssertEqual(HTMLBytes.find("<", in: hay, from: from, to: to), scan(Array("<".utf8), hay, from, to), "< in \(hay) \(from)..<\(to)")
                    XCTAssertEqual(HTMLBytes.find("<h2", in: hay, from: from, to: to), scan(Array("<h2".utf8), hay, from, to), "<h2 in \(hay) \(from)..<\(to)")
                }
            }
        }
    }

    func testPathsOnBytes() {
        XCTAssertEqual(SitePath.encode("~a_b-c.d/E9.html"), "~a_b-c.d/E9.html")
        XCTAssertEqual(SitePath.encode("100% ü+?#"), "100%25%20%C3%BC%2B%3F%23")
        XCTAssertEqual(SitePath.encode(""), "")
        XCTAssertEqual(SitePath.relative(from: "ca/offices/ab.html", to: "ca/offices/abc/x.html"), "abc/x.html")
        XCTAssertEqual(SitePath.relative(from: "ca/offices/abc/x.html", to: "ca/offices/ab.html"), "../ab.html")
        XCTAssertEqual(SitePath.relative(from: "ca/a/b.html", to: "ca/a/", fragment: "x"), "#x")
        XCTAssertEqual(SitePath.relative(from: "index.html", to: "index.html"), "index.html")
        XCTAssertEqual(SitePath.relative(from: "ca/àrea/x.html", to: "ca/àrea/y.html"), "y.html")
    }
}
