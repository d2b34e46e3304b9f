import Foundation
import Rendering
import XCTest

/// The compiled templates give the bytes swift-mustache gives, without its dynamic casts
/// (issue 13).
final class CompiledTemplatesTests: XCTestCase {
    struct Item: ViewModel {
        var name: String
        var note: String?
        var count: Int
        var share: Double
        var tags: [String]
    }

    struct Page: ViewModel {
        var title: String
        var html: String
        var items: [Item]
        var empty: [Item]
        var flag: Bool
        var off: Bool
        var ui: [String: String]
    }

    static let page = Page(
        title: "Sant Feliu <d'Empresa> & \"co\"", html: "<b>bold</b>",
        items: [Item(name: "a<b", note: "n1", count: 3, share: 0.5, tags: ["x", "y"]),
                Item(name: "c", note: nil, count: 0, share: 2, tags: [])],
        empty: [], flag: true, off: false, ui: ["more": "més", "title": "shadowed"])

    static let templates = [
        "page": """
            <h1>{{title}}</h1>
            {{{html}}} {{&html}}
              {{#items}}
              <li>{{name}} {{count}} {{share}}{{#note}} ({{.}}){{/note}}{{^note}} -{{/note}}
                {{> row}}
              {{#tags}}[{{.}}]{{/tags}}{{^tags}}none{{/tags}}
              </li>
              {{/items}}
            {{^empty}}no items {{title}}{{/empty}}{{#empty}}never{{/empty}}
            {{#flag}}on {{ui.more}}{{/flag}}{{^off}} not off{{/off}}{{#off}}x{{/off}}
            {{! a comment }}
              {{! a standalone comment }}
            {{#ui}}{{more}} {{title}}{{/ui}} {{missing}}{{#missing}}m{{/missing}}{{.title}}
            {{=<% %>=}}
            <% title %> {{not a tag}}
            <%={{ }}=%>
            {{> text}}
            """,
        "row": "row {{name}}\n{{#tags}}\n{{.}}\n{{/tags}}\n",
        "text": "{{% CONTENT_TYPE: TEXT}}raw {{title}}\n",
    ]

    func testTheCompiledTemplatesRenderWhatSwiftMustacheRenders() throws {
        let templates = try Templates.compiling(Self.templates)
        let expected = templates.renderWithMustache("page", Self.page)
        XCTAssertEqual(templates.render("page", Self.page), expected)
        // swift-mustache's own ways, kept: a standalone partial's indentation goes before
        // each token that starts a line (so "y", a line of the same text token, has none),
        // and a partial starts again in HTML.
        XCTAssertEqual(expected, """
            <h1>Sant Feliu &lt;d&#39;Empresa&gt; &amp; &quot;co&quot;</h1>
            <b>bold</b> <b>bold</b>
              <li>a&lt;b 3 0.5 (n1)
                row a&lt;b
                x
            y
              [x][y]
              </li>
              <li>c 0 2.0 -
                row c
              none
              </li>
            no items Sant Feliu &lt;d&#39;Empresa&gt; &amp; &quot;co&quot;
            on més not off
            més shadowed Sant Feliu &lt;d&#39;Empresa&gt; &amp; &quot;co&quot;
            Sant Feliu &lt;d&#39;Empresa&gt; &amp; &quot;co&quot; {{not a tag}}
            raw Sant Feliu <d'Empresa> & "co"

            """)
    }

    /// The capacity a page asks for changes nothing of its bytes, whether smaller or
    /// larger than the page; a chapter rendered already is inserted as it is.
    func testTheStartingCapacityDoesNotChangeTheBytes() throws {
        let templates = try Templates.compiling(["page": "<h1>{{title}}</h1>{{{html}}}{{#items}}<p>{{name}}</p>{{/items}}"])
        let expected = "<h1>Sant Feliu &lt;d&#39;Empresa&gt; &amp; &quot;co&quot;</h1><b>bold</b><p>a&lt;b</p><p>c</p>"
        for capacity in [0, 1, 16_384, 1 << 20] {
            XCTAssertEqual(String(decoding: templates.renderUTF8("page", CompiledTemplatesTests.page, capacity: capacity), as: UTF8.self),
                           expected, "\(capacity)")
        }
        XCTAssertEqual(String(decoding: templates.renderUTF8("page", CompiledTemplatesTests.page), as: UTF8.self), expected)
        struct Chapter: ViewModel { var html: RenderedText }
        let inner = try Templates.compiling(["outer": "<main>{{{html}}}</main>|{{html}}"])
        XCTAssertEqual(inner.renderUTF8("outer", Chapter(html: RenderedText("<p>é & ü</p>")), capacity: 3),
                       Array("<main><p>é & ü</p></main>|&lt;p&gt;é &amp; ü&lt;/p&gt;".utf8))
    }

    /// A library finds each template's partials once, by index (`CompiledTemplate.Library`):
    /// the same bytes as finding them by name, a missing partial renders as nothing, a
    /// partial that includes itself recurses through the library, and a template that is
    /// not in the library finds the library's partials by their names.
    func testALibraryFindsThePartialsByIndexAsByName() throws {
        let sources = ["page": "[{{> a}}|{{> missing}}|{{> b}}|{{> a}}]", "a": "a={{title}}{{#items}}<{{> b}}>{{/items}}",
                       "b": "b{{name}}{{#note}}({{> b-note}}){{/note}}", "b-note": "{{note}}",
                       "tree": "{{name}}{{#children}}({{> tree}}){{/children}}"]
        var compiled: [String: CompiledTemplate] = [:]
        for (name, text) in sources { compiled[name] = try CompiledTemplate(text) }
        let library = CompiledTemplate.Library(compiled)
        let value = TemplateValue.of(CompiledTemplatesTests.page)
        let expected = "[a=Sant Feliu &lt;d&#39;Empresa&gt; &amp; &quot;co&quot;<ba&lt;b(n1)><bc>||b|a=Sant Feliu &lt;d&#39;Empresa&gt; &amp; &quot;co&quot;<ba&lt;b(n1)><bc>]"
        XCTAssertEqual(String(decoding: try XCTUnwrap(library["page"]).renderUTF8(value, library: library), as: UTF8.self), expected)
        XCTAssertEqual(try XCTUnwrap(compiled["page"]).render(value, library: compiled), expected)
        let outside = try CompiledTemplate("{{> b}}/{{> a}}/{{> page}}")
        XCTAssertEqual(String(decoding: outside.renderUTF8(value, library: library), as: UTF8.self), "b/a=Sant Feliu &lt;d&#39;Empresa&gt; &amp; &quot;co&quot;<ba&lt;b(n1)><bc>/" + expected)
        struct Tree: ViewModel { var name: String; var children: [Tree] }
        let tree = Tree(name: "r", children: [Tree(name: "x", children: [Tree(name: "y", children: [])]), Tree(name: "z", children: [])])
        XCTAssertEqual(String(decoding: try XCTUnwrap(library["tree"]).renderUTF8(TemplateValue.of(tree), library: library), as: UTF8.self),
                       "r(x(y))(z)")
    }

    /// Every template of the project compiles.
    func testEveryTemplateOfTheProjectCompiles() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for folder in ["templates/handbook", "templates/handbook-typst", "templates/site"] {
            let base = root.appendingPathComponent(folder)
            let files = FileManager.default.enumerator(atPath: base.path)?.compactMap { $0 as? String } ?? []
            XCTAssertGreaterThan(files.filter { $0.hasSuffix(".mustache") }.count, 5, folder)
            for file in files where file.hasSuffix(".mustache") {
                XCTAssertNoThrow(try CompiledTemplate(String(contentsOf: base.appendingPathComponent(file), encoding: .utf8)), file)
            }
        }
    }
}
