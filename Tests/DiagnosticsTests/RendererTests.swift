@testable import Diagnostics
import JSON
import XCTest

final class RendererTests: XCTestCase {
    let d = Diagnostic.error("core-service-omitted", "core service 'company-creation' cannot be omitted",
                             at: SourceSpan(file: "seeds/x/adaptation.yaml",
                                            start: SourcePosition(line: 2, column: 5),
                                            end: SourcePosition(line: 2, column: 21)),
                             related: [RelatedLocation(SourceSpan(file: "model/services/company-creation.md", line: 12, column: 1),
                                                       "marked core")],
                             help: "remove this line, or propose a model change")

    static func source(_ file: String) -> SourceText? {
        file == "seeds/x/adaptation.yaml" ? SourceText("omitted:\n  - company-creation\n") : nil
    }

    func testTextWithoutColour() {
        let out = TextRenderer(color: false, source: RendererTests.source).render([d], filesChecked: 3)
        XCTAssertEqual(out, """
            seeds/x/adaptation.yaml:2:5: error[core-service-omitted]: core service 'company-creation' cannot be omitted
              |
            2 |   - company-creation
              |     ^^^^^^^^^^^^^^^^
              = note: marked core at model/services/company-creation.md:12:1
              = help: remove this line, or propose a model change

            1 error, 0 warnings in 3 files

            """)
    }

    /// Many diagnostics are rendered on every core (`renderAll`): the report is the one
    /// rendered one by one, in report order, each quoting its own file's line.
    func testManyDiagnosticsRenderedInOrder() {
        let count = TextRenderer.parallelFrom * 3 + 1
        let files = (0..<count).map { "seeds/m\($0 % 7)/office.yaml" }
        var diagnostics: [Diagnostic] = []
        for i in (0..<count).reversed() {
            diagnostics.append(.error("rule-\(i % 5)", "problem \(i)",
                                      at: SourceSpan(file: files[i], line: i % 3 + 1, column: 2), help: "fix \(i)"))
        }
        let renderer = TextRenderer(color: false) { file in
            SourceText("line one of \(file)\nline two\nline three\n")
        }
        let sorted = diagnostics.sortedForReport()
        XCTAssertEqual(renderer.renderAll(sorted), sorted.map(renderer.render))
        let out = renderer.render(diagnostics, filesChecked: 9)
        XCTAssertEqual(out, sorted.map { renderer.render($0) + "\n" }.joined() + "\(count) errors, 0 warnings in 9 files\n")
        XCTAssertTrue(out.hasPrefix("seeds/m0/office.yaml:1:2: error[rule-0]: problem 0\n  |\n1 | line one of seeds/m0/office.yaml\n  |  ^\n  = help: fix 0\n"))
    }

    func testTextWithColourUsesANSIEscapes() {
        let out = TextRenderer(color: true, source: { _ in nil }).render(d)
        XCTAssertTrue(out.contains("\u{1B}[1;31merror[core-service-omitted]\u{1B}[0m"))
    }

    func testGitHubEscapesDataAndProperties() {
        var w = d
        w.severity = .warning
        w.message = "50% done, line 1\nline 2"
        w.span.file = "a,b:c.yaml"
        let out = GitHubReport.render([w])
        XCTAssertEqual(out, "::warning file=a%2Cb%3Ac.yaml,line=2,col=5,endLine=2,endColumn=21,title=core-service-omitted::"
                       + "50%25 done, line 1%0Aline 2%0Anote: marked core at model/services/company-creation.md:12:1"
                       + "%0Ahelp: remove this line, or propose a model change\n")
    }

    /// Control characters from the tree are printed escaped in the excerpt, the message
    /// and the file name, and the caret stays under the character the column names (the
    /// ESC at column 9, shown as the 6 characters of `\u{1B}`).
    /// A file saved with a byte-order mark (as Notepad saves): positions count from after
    /// it, as the loaders read the file, so the quoted line leaves it out and the caret is
    /// under the key (session 44's trial read `\u{FEFF}municipalty` with the caret under
    /// the escape).
    func testALeadingByteOrderMarkIsNotQuoted() {
        let d = Diagnostic.error("schema-additional-properties", "unexpected field \"municipalty\"",
                                 at: SourceSpan(file: "seeds/x/adaptation.yaml", start: SourcePosition(line: 1, column: 1),
                                                end: SourcePosition(line: 1, column: 12)))
        let out = TextRenderer(color: false) { _ in SourceText("\u{FEFF}municipalty: x\nbase_model_version: 1.0.0\n") }.render(d)
        XCTAssertEqual(out, """
            seeds/x/adaptation.yaml:1:1: error[schema-additional-properties]: unexpected field "municipalty"
              |
            1 | municipalty: x
              | ^^^^^^^^^^^

            """)
        // A byte-order mark after the start is shown, escaped.
        XCTAssertEqual(SourceText("a\n\u{FEFF}b").line(2), "\u{FEFF}b")
    }

    func testControlCharactersAreEscapedAndTheCaretStaysAligned() {
        let line = "name: \"a\u{1B}[2Jb\u{07}\u{202E}c\"\n"
        let d = Diagnostic.error("yaml-control-character", "control character U+001B is not allowed in YAML",
                                 at: SourceSpan(file: "seeds/x/office.yaml", line: 1, column: 9),
                                 notes: ["near 'a\u{1B}[2Jb'"], help: "delete it\u{07}")
        let out = TextRenderer(color: false) { _ in SourceText(line) }.render(d)
        XCTAssertEqual(out, #"""
            seeds/x/office.yaml:1:9: error[yaml-control-character]: control character U+001B is not allowed in YAML
              |
            1 | name: "a\u{1B}[2Jb\u{7}\u{202E}c"
              |         ^^^^^^
              = note: near 'a\u{1B}[2Jb'
              = help: delete it\u{7}

            """#)
        // A span over several characters underlines all of their escapes.
        var wide = d
        wide.span = SourceSpan(file: "seeds/x/office.yaml", start: SourcePosition(line: 1, column: 13),
                               end: SourcePosition(line: 1, column: 17))
        let lines = TextRenderer(color: false) { _ in SourceText(line) }.render(wide).split(separator: "\n")
        XCTAssertEqual(String(lines[3]), "  | " + String(repeating: " ", count: 17) + String(repeating: "^", count: 15))
        // A message naming a file whose name holds ESC.
        let named = Diagnostic.warning("tree-unexpected-file", "unexpected file 'a\u{1B}]0;T\u{07}.md'",
                                       at: .wholeFile("model/a\u{1B}]0;T\u{07}.md"))
        XCTAssertEqual(TextRenderer(color: false) { _ in nil }.render(named),
                       #"model/a\u{1B}]0;T\u{7}.md:1:1: warning[tree-unexpected-file]: unexpected file 'a\u{1B}]0;T\u{7}.md'"# + "\n")
    }

    /// A code point as Unicode writes it, at least four hex digits.
    func testCodePointsAsUnicodeWritesThem() {
        XCTAssertEqual(VisibleText.codePoint("\u{A0}"), "U+00A0")
        XCTAssertEqual(VisibleText.codePoint("\u{1B}"), "U+001B")
        XCTAssertEqual(VisibleText.codePoint("\u{2028}"), "U+2028")
        XCTAssertEqual(VisibleText.codePoint("\u{1F600}"), "U+1F600")
    }

    /// A binary file (a NUL byte in its first 8000 bytes, git's rule) is not quoted.
    func testBinaryFileIsNotQuoted() {
        let d = Diagnostic.warning("tree-unexpected-file", "unexpected file 'minutes.docx' in seeds/x/",
                                   at: .wholeFile("seeds/x/minutes.docx"))
        let binary = TextRenderer(color: false) { _ in SourceText("PK\u{03}\u{04}\u{14}\u{00}\u{00}binary\u{1B}[31mRED") }
        XCTAssertEqual(binary.render(d), "seeds/x/minutes.docx:1:1: warning[tree-unexpected-file]: unexpected file 'minutes.docx' in seeds/x/\n")
        XCTAssertTrue(SourceText(String(repeating: "a", count: 8000) + "\u{00}").isBinary == false, "past the first 8000 bytes")
        XCTAssertTrue(SourceText("x\n\u{00}").isBinary)
    }

    /// A problem of a whole folder (a municipality's folder without its office.yaml) names
    /// the folder without a line and column in every format: it was `seeds/x/:1:1`.
    func testAFolderIsNamedWithoutAPosition() throws {
        let d = Diagnostic.error("municipality-file-missing", "municipality 'x' has no office.yaml", at: .wholeFile("seeds/x/"),
                                 help: "every municipality folder holds office.yaml")
        XCTAssertFalse(d.span.hasPosition)
        XCTAssertEqual(d.span.description, "seeds/x/")
        XCTAssertEqual(TextRenderer(color: false) { _ in SourceText("id: x\n") }.render(d), """
            seeds/x/: error[municipality-file-missing]: municipality 'x' has no office.yaml
              = help: every municipality folder holds office.yaml

            """)
        XCTAssertEqual(GitHubReport.render([d]),
                       "::error file=seeds/x/,title=municipality-file-missing::municipality 'x' has no office.yaml%0Ahelp: every municipality folder holds office.yaml\n")
        let sarif = SARIFReport.render([d], catalog: RuleCatalog([]), toolVersion: "0")
        XCTAssertTrue(sarif.contains("\"artifactLocation\": {\n                  \"uri\": \"seeds/x/\"\n                }\n              }"), sarif)
        XCTAssertFalse(sarif.contains("region"), sarif)
        XCTAssertTrue(JSONReport.compact([d]).contains(#""file":"seeds/x/","line":0,"column":0,"endLine":0,"endColumn":0"#), JSONReport.compact([d]))
        // A file keeps its position, and a folder sorts before the files in it.
        let file = Diagnostic.error("r", "m", at: .wholeFile("seeds/x/office.yaml"))
        XCTAssertEqual(file.span.description, "seeds/x/office.yaml:1:1")
        XCTAssertEqual([file, d].sortedForReport().map(\.span.file), ["seeds/x/", "seeds/x/office.yaml"])
    }

    /// A line longer than `VisibleText.excerptWidth` (160) is cut around the caret, each
    /// cut marked with `…`; the caret stays under its character.
    func testLongLineIsCutAroundTheCaret() {
        let line = String(repeating: "[", count: 300) + "x" + String(repeating: "]", count: 300)
        let d = Diagnostic.error("yaml-too-deep", "nesting is deeper than 128 levels",
                                 at: SourceSpan(file: "deep.yaml", line: 1, column: 301))
        let out = TextRenderer(color: false) { _ in SourceText(line) }.render(d)
        XCTAssertEqual(out, """
            deep.yaml:1:301: error[yaml-too-deep]: nesting is deeper than 128 levels
              |
            1 | …\(String(repeating: "[", count: 60))x\(String(repeating: "]", count: 99))…
              | \(String(repeating: " ", count: 61))^

            """)
        // Near the start: cut at the end only; near the end: at the start only.
        let start = Diagnostic.error("r", "m", at: SourceSpan(file: "deep.yaml", line: 1, column: 3))
        let first = TextRenderer(color: false) { _ in SourceText(line) }.render(start).split(separator: "\n")
        XCTAssertEqual(String(first[2]), "1 | " + String(repeating: "[", count: 160) + "…")
        XCTAssertEqual(String(first[3]), "  |   ^")
        let end = Diagnostic.error("r", "m", at: SourceSpan(file: "deep.yaml", line: 1, column: 602))
        let last = TextRenderer(color: false) { _ in SourceText(line) }.render(end).split(separator: "\n")
        XCTAssertEqual(String(last[2]), "1 | …" + String(repeating: "]", count: 160))
        XCTAssertEqual(String(last[3]), "  | " + String(repeating: " ", count: 161) + "^")
    }

    /// The carets stand under the span in a terminal's columns: a wide character before
    /// it (CJK, an emoji, a family of emoji joined by joiners, a flag) takes two, a
    /// combining mark none (session 29's trial: the carets stood a few cells off). The
    /// column in the position stays a count of scalars.
    func testTheCaretStandsUnderTheSpanAfterWideCharacters() {
        func caretLine(_ line: String, column: Int, width: Int) -> String {
            let d = Diagnostic.error("r", "m", at: SourceSpan(file: "x.yaml", start: SourcePosition(line: 1, column: column),
                                                                 end: SourcePosition(line: 1, column: column + width)))
            return String(TextRenderer(color: false) { _ in SourceText(line) }.render(d).split(separator: "\n")[3])
        }
        // "title: {ca: \"😀😀👩‍👩‍👧 CRM\", fr: x}": `fr` is scalar 28; before it, 13 + 7
        // characters of one column, two emoji (2 columns each) and a family of five
        // scalars shown as one (2 columns).
        let emoji = "title: {ca: \"😀😀👩\u{200D}👩\u{200D}👧 CRM\", fr: x}"
        XCTAssertEqual(Array(emoji.unicodeScalars)[27], "f")
        XCTAssertEqual(caretLine(emoji, column: 28, width: 2), "  | " + String(repeating: " ", count: 13 + 2 + 2 + 2 + 7) + "^^")
        XCTAssertEqual(caretLine("nom: 東京都 x", column: 10, width: 1), "  | " + String(repeating: " ", count: 5 + 6 + 1) + "^")
        // A combining accent takes no column; a flag (two regional indicators) two; a
        // heart made an emoji by a variation selector two.
        XCTAssertEqual(caretLine("a: Sant Feliu\u{0301} x", column: 16, width: 1), "  | " + String(repeating: " ", count: 14) + "^")
        XCTAssertEqual(caretLine("a: 🇨🇦 x", column: 7, width: 1), "  | " + String(repeating: " ", count: 6) + "^")
        XCTAssertEqual(caretLine("a: \u{2764}\u{FE0F} x", column: 7, width: 1), "  | " + String(repeating: " ", count: 6) + "^")
        // The span itself wide: two carets a character.
        XCTAssertEqual(caretLine("a: 東京 x", column: 4, width: 2), "  |    ^^^^")
    }

    /// A line of wide characters is cut at 160 terminal columns, not 160 characters (the
    /// review of session 29), the carets still under the span.
    func testALineOfWideCharactersIsCutAtTheExcerptsColumns() {
        let line = "t: " + String(repeating: "東", count: 100) + "x" + String(repeating: "京", count: 100)
        let d = Diagnostic.error("r", "m", at: SourceSpan(file: "x.yaml", line: 1, column: 104))
        let out = TextRenderer(color: false) { _ in SourceText(line) }.render(d).split(separator: "\n")
        // 60 columns before the caret: 30 wide characters; then x and 49 more (99 columns
        // of the 100 left, whole characters).
        XCTAssertEqual(String(out[2]), "1 | …" + String(repeating: "東", count: 30) + "x" + String(repeating: "京", count: 49) + "…")
        XCTAssertEqual(String(out[3]), "  | " + String(repeating: " ", count: 61) + "^")
        // 80 wide characters (160 columns) are not cut.
        let fits = String(repeating: "東", count: 80)
        XCTAssertEqual(VisibleText.excerpt(Substring(fits), column: 1, width: 1).shown, fits)
    }

    /// A span over several lines underlines its first line to the end, long or escaped
    /// lines too (the width to the end of a long line overflowed, and `oae check` crashed
    /// on a tree whose schema enum and texts disagreed over a long line).
    func testASpanOverSeveralLinesOnALongLineUnderlinesToTheEnd() {
        let line = String(repeating: "a", count: 170) + "\u{200B}b"
        let d = Diagnostic.error("r", "m", at: SourceSpan(file: "x.yaml", start: SourcePosition(line: 1, column: 165),
                                                             end: SourcePosition(line: 3, column: 2)))
        let out = TextRenderer(color: false) { _ in SourceText(line + "\nsecond\nthird") }.render(d).split(separator: "\n")
        XCTAssertEqual(String(out[3]).filter { $0 == "^" }.count, 6 + 8 + 1, "to the end of the line: 6 letters, the escape, the last letter")
        XCTAssertEqual(VisibleText.excerpt(Substring(line), column: 165, width: Int.max).caretWidth, 6 + 8 + 1)
        XCTAssertEqual(VisibleText.excerpt("short", column: 2, width: Int.max).caretWidth, 4)
    }

    func testGitHubEscapesControlCharacters() {
        let d = Diagnostic.error("link-broken", "'nowhere\u{1B}[2J.md' points to nothing",
                                 at: SourceSpan(file: "model/services/a.md", line: 3, column: 4))
        XCTAssertEqual(GitHubReport.render([d]),
                       #"::error file=model/services/a.md,line=3,col=4,endLine=3,endColumn=5,title=link-broken::'nowhere\u{1B}[2J.md' points to nothing"# + "\n")
    }

    func testJSONEscaping() {
        let v = JSONValue.object([("a", .string("quote \" slash \\ tab \t nl \n è \u{01}")), ("n", .double(1.5)),
                                  ("i", .double(3)), ("z", .array([]))])
        XCTAssertEqual(v.serialized(pretty: false),
                       #"{"a":"quote \" slash \\ tab \t nl \n è \u0001","n":1.5,"i":3,"z":[]}"#)
    }

    /// A JSON-LD document: members indented, the nodes of `@graph` one per line; an empty
    /// graph and a document without one are written as `bytes(pretty:)` writes them.
    func testLinkedDataLayout() {
        let doc = JSONValue.object([
            ("@context", .object([("dct", .string("http://purl.org/dc/terms/"))])),
            ("@graph", .array([.object([("@id", .string("a")), ("dct:title", .array([.string("é \"q\"")]))]),
                               .object([("@id", .string("b")), ("n", .int(2))])])),
        ])
        XCTAssertEqual(String(decoding: doc.linkedDataBytes(), as: UTF8.self), """
            {
              "@context": {
                "dct": "http://purl.org/dc/terms/"
              },
              "@graph": [
                {"@id":"a","dct:title":["é \\"q\\""]},
                {"@id":"b","n":2}
              ]
            }

            """)
        // A node stays on its line: line breaks and U+2028 in its texts are escaped.
        let lines = JSONValue.object([("@graph", .array([.object([("t", .string("a\nb\u{2028}c\r"))])]))]).linkedDataBytes()
        XCTAssertEqual(String(decoding: lines, as: UTF8.self), "{\n  \"@graph\": [\n    {\"t\":\"a\\nb\\u2028c\\r\"}\n  ]\n}\n")
        for other in [JSONValue.object([("@context", .string("https://schema.org")), ("@graph", .array([]))]),
                      .object([("a", .array([.int(1)]))]), .object([]), .array([.int(1)])] {
            XCTAssertEqual(other.linkedDataBytes(), other.bytes(pretty: true) + [0x0A])
        }
    }

    /// The escaper reads eight bytes at a time: every character that needs an escape is
    /// found at every offset in and across those words, between ASCII and non-ASCII text,
    /// as a plain scalar-by-scalar escaper finds it; U+2028 and U+2029 are escaped, other
    /// characters starting with the byte 0xE2 (`…`, `€`) are not.
    func testJSONEscapingAtEveryOffset() {
        func reference(_ s: String) -> String {
            var out = "\""
            for u in s.unicodeScalars {
                switch u {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "\u{08}": out += "\\b"
                case "\u{0C}": out += "\\f"
                case "\u{2028}": out += "\\u2028"
                case "\u{2029}": out += "\\u2029"
                default:
                    if u.value < 0x20 { out += "\\u00" + (u.value < 0x10 ? "0" : "") + String(u.value, radix: 16) } else { out.unicodeScalars.append(u) }
                }
            }
            return out + "\""
        }
        let specials = ["\"", "\\", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{01}", "\u{1F}", "\u{2028}", "\u{2029}", "…", "€", "è", "\u{7F}"]
        for pad in ["a", "é", "€"] {
            for before in 0..<19 {
                for after in [0, 1, 7, 8, 9] {
                    for special in specials {
                        let s = String(repeating: pad, count: before) + special + String(repeating: "x", count: after)
                        XCTAssertEqual(JSONValue.quoted(s), reference(s), s.debugDescription)
                    }
                }
            }
        }
        XCTAssertEqual(JSONValue.quoted(""), "\"\"")
        // Deeper than the prepared indentation (32 levels).
        var deep = JSONValue.string("x")
        for _ in 0..<40 { deep = .array([deep]) }
        let lines = deep.serialized().split(separator: "\n")
        XCTAssertEqual(lines[40], Substring(String(repeating: " ", count: 80) + "\"x\""))
        XCTAssertEqual(lines.last, "]")
    }

    func testReportOrder() {
        let a = Diagnostic.warning("r", "m", at: SourceSpan(file: "b.yaml", line: 1, column: 1))
        let b = Diagnostic.error("r", "m", at: SourceSpan(file: "a.yaml", line: 9, column: 1))
        let c = Diagnostic.error("r", "m", at: SourceSpan(file: "a.yaml", line: 2, column: 7))
        XCTAssertEqual([a, b, c].sortedForReport().map(\.span.description), ["a.yaml:2:7", "a.yaml:9:1", "b.yaml:1:1"])
    }

    func testSuggestions() {
        XCTAssertEqual(Suggestions.didYouMean("gratis", in: ["free", "fee"]), nil)
        XCTAssertEqual(Suggestions.didYouMean("servces", in: ["services", "roles"]), "did you mean 'services'?")
        XCTAssertEqual(Suggestions.didYouMean("fre", in: ["free", "fee"]), "did you mean 'fee' or 'free'?")
        XCTAssertEqual(Suggestions.distance(Array("ab"), Array("ba")), 1)
        // An id cut short: the ids holding its words, when at most three do (session 26's trial).
        let folders = ["santa-coloma-de-gramenet", "sant-feliu-de-llobregat", "molins-de-rei", "sant-just-desvern", "sant-joan-despi", "sant-boi-de-llobregat"]
        XCTAssertEqual(Suggestions.didYouMean("santa-coloma", in: folders), "did you mean 'santa-coloma-de-gramenet'?")
        XCTAssertEqual(Suggestions.didYouMean("coloma", in: folders), "did you mean 'santa-coloma-de-gramenet'?")
        XCTAssertEqual(Suggestions.didYouMean("llobregat", in: folders), "did you mean 'sant-boi-de-llobregat' or 'sant-feliu-de-llobregat'?")
        XCTAssertEqual(Suggestions.didYouMean("sant", in: folders), nil)
        XCTAssertEqual(Suggestions.didYouMean("de", in: folders), nil)
    }

    func testCharacterColumnFromByteColumn() {
        let t = SourceText("àè x\r\nsecond")
        XCTAssertEqual(t.characterColumn(line: 1, byteColumn: 6), 4)
        XCTAssertEqual(t.line(1), "àè x")
        XCTAssertEqual(t.line(2), "second")
    }
}
