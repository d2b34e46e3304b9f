import Diagnostics
import Foundation
@testable import Rendering
import XCTest

/// Templates are rendered from typed view models, and a tag that names nothing of the
/// view model is an error at the template's file:line:col.
final class ViewModelTests: XCTestCase {
    struct Row: ViewModel {
        var label: String
        var value: String
    }

    struct Chapter: ViewModel {
        var title: String
        var intro: String
        var rows: [Row]
        var note: String?
        var empty: Bool
        var ui: [String: String]
    }

    func testTheShapeListsEveryNameAndItsNesting() {
        XCTAssertEqual(ViewShape.of(Chapter.self), .object([
            "title": .scalar, "intro": .scalar, "note": .scalar, "empty": .scalar, "ui": .map,
            "rows": .list(.object(["label": .scalar, "value": .scalar])),
        ]))
    }

    /// Columns count scalars, as the quoted line under a diagnostic places its caret (`é`
    /// written as `e` and a combining accent is two), a CRLF ends a line as an LF does (it
    /// did not: the tags after it were told on the line before, past its end), and the
    /// blanks around a name (a tab, a no-break space) are not part of it.
    func testATagIsPlacedByCharactersInTextThatIsNotASCII() {
        let template = "«{{\u{00A0}titel\t}}»\r\n{{ bogus }}\ne\u{0301}{{#rows}}{{labl}}{{/rows}}"
        let check = TemplateVariables(sources: ["chapter": ("templates/x/chapter.mustache", template)], uiKeys: [])
        let found = check.check("chapter", shape: .of(Chapter.self)).map { "\($0.span): \($0.message)" }
        XCTAssertEqual(found, [
            "templates/x/chapter.mustache:1:4: 'titel' names nothing this template is given",
            "templates/x/chapter.mustache:2:4: 'bogus' names nothing this template is given",
            "templates/x/chapter.mustache:3:14: 'labl' names nothing this template is given",
        ])
        // The same template in ASCII, read byte by byte, places its tags the same way.
        let ascii = "<{{\ttitel }}>\n{{ bogus }}\ne{{#rows}}{{labl}}{{/rows}}"
        let asciiCheck = TemplateVariables(sources: ["chapter": ("templates/x/chapter.mustache", ascii)], uiKeys: [])
        XCTAssertEqual(asciiCheck.check("chapter", shape: .of(Chapter.self)).map { "\($0.span)" }, [
            "templates/x/chapter.mustache:1:4", "templates/x/chapter.mustache:2:4", "templates/x/chapter.mustache:3:13",
        ])
    }

    /// A template whose every scalar is its own character is read by byte, with the tags
    /// (names, lines, columns) read by character: every scalar `isAlone` takes, between
    /// braces, sigils, blanks and line ends. One that joins (a combining mark after a
    /// brace: no tag for swift-mustache) is read by character.
    func testTemplatesReadByByteGiveTheTagsReadByCharacter() {
        var checked = 0
        for value in UInt32(0x80)...0x2FFF {
            guard let s = Unicode.Scalar(value), TemplateVariables.isAlone(s) else { continue }
            let text = "\(s){{#a\(s)}}\(s)\r\n{{\u{00A0}b\(s) }}\(s){{\(s)}}{{/a\(s)}}\n\(s){{> p}}"
            XCTAssertEqual(Array(text).count, text.unicodeScalars.count - 1, "U+\(String(value, radix: 16)) joins a neighbour")
            let bytes = Array(text.utf8)
            XCTAssertEqual(TemplateVariables.tags(bytes).map { "\($0)" }, TemplateVariables.tags(bytes, byCharacter: true).map { "\($0)" },
                           "U+\(String(value, radix: 16))")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 1_000)
        let joined = Array("{\u{301}{x}}{{y}}".utf8)
        XCTAssertEqual(TemplateVariables.tags(joined).map(\.name), ["y"])
    }

    struct Office: ViewModel {
        var status_label: String
        var opening_date: String
    }

    struct Page: ViewModel {
        var office: Office
        var title: String
        var a1: String, a2: String, a3: String, a4: String, a5: String, a6: String, a7: String, a8: String, a9: String, b1: String, b2: String, b3: String
    }

    /// A dotted name whose start is known is looked for where it stops (session 43's trial
    /// was asked "did you mean 'office'?" of `office.status_lable`), and a list of names cut
    /// short says how many there are.
    func testADottedNameIsLookedForWhereItStops() {
        let template = "{{office.status_lable}} {{office.bogus}} {{bogus}}"
        let check = TemplateVariables(sources: ["page": ("templates/x/page.mustache", template)], uiKeys: [])
        let found = check.check("page", shape: .of(Page.self)).map { "\($0.span): \($0.message) | \($0.help ?? "")" }
        XCTAssertEqual(found, [
            "templates/x/page.mustache:1:3: 'office.status_lable' names nothing this template is given: 'office' has no 'status_lable' | did you mean 'office.status_label'?",
            "templates/x/page.mustache:1:27: 'office.bogus' names nothing this template is given: 'office' has no 'bogus' | the names of 'office' are: opening_date, status_label",
            "templates/x/page.mustache:1:44: 'bogus' names nothing this template is given | the names here are: a1, a2, a3, a4, a5, a6, a7, a8, a9, b1, b2, b3, … (14 in all)",
        ])
        // The whole name is underlined, not its first character alone.
        XCTAssertEqual(check.check("page", shape: .of(Page.self)).map { "\($0.span.start.column)-\($0.span.end.column)" }, ["3-22", "27-39", "44-49"])
    }

    func testAMisspeltTagIsReportedWhereItIsWritten() {
        let template = """
            <h2>{{title}}</h2>
            {{{intro_typo}}}
            {{#rows}}<tr><th>{{label}}</th><td>{{{valeu}}}</td><td>{{title}}</td></tr>{{/rows}}
            {{#note}}<p>{{.}}</p>{{/note}}{{^empty}}{{ui.more}} {{ui.mroe}}{{/empty}}
            {{! a comment {{nothing}} }}
            """
        let check = TemplateVariables(sources: ["chapter": ("templates/x/chapter.mustache", template)], uiKeys: ["more"])
        let found = check.check("chapter", shape: .of(Chapter.self)).map { "\($0.rule) \($0.span): \($0.message) | \($0.help ?? "")" }
        XCTAssertEqual(found, [
            "template-unknown-variable templates/x/chapter.mustache:2:4: 'intro_typo' names nothing this template is given | the names here are: empty, intro, note, rows, title, ui",
            "template-unknown-variable templates/x/chapter.mustache:3:39: 'valeu' names nothing this template is given | did you mean 'value'?",
            "template-unknown-variable templates/x/chapter.mustache:4:55: 'ui.mroe' names no UI string | did you mean 'ui.more'?",
        ])
    }

    /// A UI string with a placeholder shows its braces from a template, which fills in
    /// none (session 43's trial: "Amb el suport de {agency}" on every page).
    func testAUIStringWithAPlaceholderIsReportedWhereATemplateShowsIt() {
        let template = "{{ui.more}}\n<p>{{ui.supported_by}} {{ui.count_of}}</p>"
        let check = TemplateVariables(sources: ["chapter": ("templates/x/chapter.mustache", template)],
                                      uiKeys: ["more", "supported_by", "count_of"],
                                      uiPlaceholders: ["supported_by": ["agency"], "count_of": ["n", "total"]])
        let found = check.check("chapter", shape: .of(Chapter.self)).map { "\($0.rule) \($0.span): \($0.message) | \($0.help ?? "")" }
        XCTAssertEqual(found, [
            "ui-string-placeholder templates/x/chapter.mustache:2:6: 'ui.supported_by' is shown as it is written, with {agency}: a template fills in no placeholder | if oae's code fills this key in, show the view model's field that holds it filled instead (the example's templates name it); else write the words themselves in the text of 'supported_by' in templates/strings/, in every language",
            "ui-string-placeholder templates/x/chapter.mustache:2:26: 'ui.count_of' is shown as it is written, with {n}, {total}: a template fills in no placeholder | if oae's code fills this key in, show the view model's field that holds it filled instead (the example's templates name it); else write the words themselves in the text of 'count_of' in templates/strings/, in every language",
        ])
    }

    /// A variable shows text: one that names a list or a group of fields shows nothing
    /// (and swift-mustache, Swift's description), so it is reported at the tag.
    func testAVariableThatNamesAListOrFieldsIsReported() {
        let template = """
            {{title}} {{rows}}
            {{#rows}}{{label}}{{/rows}} {{{ui}}} {{ui.more}} {{&rows}}
            """
        let check = TemplateVariables(sources: ["chapter": ("templates/x/chapter.mustache", template)], uiKeys: ["more"])
        let found = check.check("chapter", shape: .of(Chapter.self)).map { "\($0.rule) \($0.span): \($0.message) | \($0.help ?? "")" }
        XCTAssertEqual(found, [
            "template-variable-not-text templates/x/chapter.mustache:1:13: 'rows' is a list: a variable shows text, and shows nothing of it | show each of its items or fields inside a section: {{#rows}}…{{/rows}}",
            "template-variable-not-text templates/x/chapter.mustache:2:32: 'ui' is a group of fields: a variable shows text, and shows nothing of it | show each of its items or fields inside a section: {{#ui}}…{{/ui}}",
            "template-variable-not-text templates/x/chapter.mustache:2:53: 'rows' is a list: a variable shows text, and shows nothing of it | show each of its items or fields inside a section: {{#rows}}…{{/rows}}",
        ])
    }

    /// What loading `text` as the only template of a folder reports.
    static func problems(_ text: String) -> [Diagnostic] {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("oae-tpl-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try? FileManager.default.createDirectory(at: root.appendingPathComponent("templates/x"), withIntermediateDirectories: true)
        try? Data(text.utf8).write(to: root.appendingPathComponent("templates/x/page.mustache"))
        return Templates.load(root: root, folder: "templates/x").1
    }

    /// A section never closed is reported where it opens, in words (the parser stopped at
    /// the end of the file and said `expectedSectionEnd`); one closed with another name at
    /// the closing tag.
    func testASectionNeverClosedIsReportedWhereItOpens() throws {
        func error(_ text: String) -> String { Self.problems(text).map { "\($0.span): \($0.message)" }.joined() }
        XCTAssertEqual(error("<ul>\n{{#rows}}<li>{{#note}}{{.}}{{/note}}</li>\n</ul>\n"),
                       "templates/x/page.mustache:2:4: section 'rows' is never closed")
        XCTAssertEqual(error("{{#rows}}\n{{/row}}\n"), "templates/x/page.mustache:2:4: '{{/row}}' closes section 'rows', opened at line 1")
    }

    /// The templates the compiled parser accepted and swift-mustache refused (second review
    /// of session 14, F1) are refused, where the parse stops, in words.
    func testTemplatesSwiftMustacheRefusesAreReported() throws {
        func error(_ text: String) -> String { Self.problems(text).map { "\($0.rule) \($0.span): \($0.message)" }.joined() }
        XCTAssertEqual(error("<p>\n{{#has_search}}x{{/has_search.}}\n"),
                       "template-syntax templates/x/page.mustache:2:20: '{{/has_search.}}' closes section 'has_search', opened at line 2")
        // A combining mark after }} makes a character that is not }.
        XCTAssertEqual(error("<p>\n{{! the end }}\u{301}"), "template-syntax templates/x/page.mustache:2:1: a comment is not closed with '}}'")
        XCTAssertEqual(error("<p>\n{{#a}}x{{/a}}\u{FE0F}\n"), "template-syntax templates/x/page.mustache:2:12: a tag is not closed with '}}'")
        XCTAssertEqual(error("<p>\n {{a)}}\n"), "template-syntax templates/x/page.mustache:2:4: 'a)' is not a name: its brackets do not pair")
        XCTAssertEqual(error("<p>{"), "template-syntax templates/x/page.mustache:1:4: the template ends with '{', the start of a tag")
        XCTAssertEqual(error("{{=<% %>=}}\n<%! c %%>"), "template-syntax templates/x/page.mustache:2:1: a comment is not closed with '%>'")
        // What swift-mustache accepts and oae does not render, in the compiled parser's words.
        XCTAssertEqual(error("<p>\n  {{lowercased(a)}}"),
                       "template-syntax templates/x/page.mustache:2:5: template cannot be rendered: transforms such as 'lowercased(a)' are not supported")
    }

    func testAViewModelRendersThroughMustache() throws {
        let library = try Templates.compiling(["t": "{{title}}:{{#rows}} {{label}}={{value}}{{/rows}}{{#note}} ({{.}}){{/note}}{{^empty}} !{{/empty}} {{ui.more}}"])
        let model = Chapter(title: "A & B", intro: "", rows: [Row(label: "x", value: "1"), Row(label: "y", value: "2")],
                            note: nil, empty: false, ui: ["more": "més"])
        XCTAssertEqual(library.render("t", model), "A &amp; B: x=1 y=2 ! més")
        XCTAssertEqual(library.renderWithMustache("t", model), "A &amp; B: x=1 y=2 ! més")
    }
}
