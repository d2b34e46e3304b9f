import Foundation
import Rendering
@testable import Site
import XCTest

/// The compiled templates (`CompiledTemplate`) give the same bytes as swift-mustache, the
/// reference, for every page of the example network's site in every language.
final class TemplateEngineTests: XCTestCase {
    func testEveryPageOfTheExampleRendersAsWithSwiftMustache() throws {
        let tree = try SiteTree(example: true)
        defer { tree.remove() }
        let input = try tree.input()
        let compiled = try sitePages(input)
        setenv(Templates.engineVariable, "swift-mustache", 1)
        defer { unsetenv(Templates.engineVariable) }
        let reference = try sitePages(input)
        XCTAssertGreaterThan(compiled.count, 100)
        XCTAssertEqual(compiled.keys.sorted(), reference.keys.sorted())
        for (path, html) in reference.sorted(by: { $0.key < $1.key }) {
            XCTAssertEqual(compiled[path], html, path)
        }
    }

    /// What the engine refuses, with the line of the tag: swift-mustache's extensions
    /// that oae's templates do not use.
    func testExtensionsOfSwiftMustacheAreRefusedWithTheirLine() {
        for (text, message, line) in [
            ("a\n{{lowercased(name)}}", "transforms such as 'lowercased(name)' are not supported", 2),
            ("{{<base}}{{/base}}", "template inheritance is not supported", 1),
            ("x\ny\n{{>*name}}", "dynamic partials are not supported", 3),
        ] {
            XCTAssertThrowsError(try CompiledTemplate(text), text) { error in
                let unsupported = error as? CompiledTemplate.ParseError
                XCTAssertEqual(unsupported?.description, message)
                XCTAssertEqual(unsupported?.line, line)
            }
        }
    }

    /// Whitespace as the Mustache specification and swift-mustache have it: standalone
    /// tags take their line with them, an indented standalone partial indents every line
    /// of the partial, values are escaped for HTML (or Typst after the pragma).
    func testStandaloneLinesIndentedPartialsAndEscaping() throws {
        struct Item: ViewModel { var name: String }
        struct View: ViewModel { var title: String; var items: [Item]; var empty: [Item]; var flag: Bool }
        let templates = try Templates.compiling([
            "page": "<ul>\n  {{#items}}\n  <li>{{name}}</li>\n  {{/items}}\n{{^empty}}\n  none\n{{/empty}}\n</ul>\n  {{> part}}\n{{#flag}}[{{title}}]{{/flag}} {{{title}}}\n",
            "part": "<p>\n{{title}}\n</p>\n",
            "typst": "{{% CONTENT_TYPE: TYPST}}\n= {{title}}\n",
        ])
        let view = View(title: "A <b> & 'c' #x", items: [Item(name: "u"), Item(name: "v\"")], empty: [], flag: true)
        let expected = """
            <ul>
              <li>u</li>
              <li>v&quot;</li>
              none
            </ul>
              <p>
              A &lt;b&gt; &amp; &#39;c&#39; #x
              </p>
            [A &lt;b&gt; &amp; &#39;c&#39; #x] A <b> & 'c' #x

            """
        XCTAssertEqual(templates.render("page", view), expected)
        XCTAssertEqual(templates.renderWithMustache("page", view), expected)
        XCTAssertEqual(templates.render("typst", view), templates.renderWithMustache("typst", view))
        XCTAssertEqual(templates.render("typst", view), "= \(Typst.escape(view.title))\n")
    }
}
