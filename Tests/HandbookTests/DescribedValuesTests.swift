@testable import Handbook
import Diagnostics
import Loading
import Resolution
import XCTest

/// The model's values `ValueText` describes are kept per language and format for every
/// handbook of a build (`DescribedValues`, issue 13), and read as when written anew.
final class DescribedValuesTests: XCTestCase {
    /// Every field of every service and procedure of every municipality of the example,
    /// in every language and both formats, described through the values kept for the
    /// language and format (shared by the municipalities, as the renderer shares them)
    /// reads as written anew; some values are kept.
    func testKeptValuesReadAsWrittenAnew() throws {
        let input = HandbookTestSupport.input(try HandbookTestSupport.exampleTree())
        let (renderer, problems) = HandbookRenderer.load(input)
        XCTAssertEqual(problems, [])
        var compared = 0
        for language in input.languages {
            for format in [MarkupFormat.html, .typst] {
                let links = try XCTUnwrap(renderer.links["\(language)/\(format.rawValue)"])
                for view in input.resolved {
                    let c = HandbookContext(input: input.handbook(view.slug), view: view, language: language, outline: renderer.outline,
                                            format: format, words: renderer.words[language], formatter: renderer.formatters[language],
                                            bodyCache: nil, links: links)
                    let text = ValueText(c)
                    for fields in view.services.map(\.fields) + view.procedures.map(\.fields) {
                        for pair in fields.pairs ?? [] {
                            let key = pair.key.keyText
                            XCTAssertEqual(text.describe(pair.value, key: key, parent: fields),
                                           text.describeAnew(pair.value, key: key, parent: fields, unit: nil),
                                           "\(view.slug) \(language) \(format) \(pair.value.span)")
                            compared += 1
                        }
                    }
                }
                XCTAssertGreaterThan(try XCTUnwrap(links.described).count, 20, "\(language) \(format)")
            }
        }
        XCTAssertGreaterThan(compared, 1_000)
    }

    /// Every handbook of the example, HTML and Typst, is the same with the values kept for
    /// all of them as with every value described anew (no chapter or sheet reused, so that
    /// every value goes through the kept ones, nested values too).
    func testTheExampleHandbooksAreTheSameWithoutKeptValues() throws {
        let root = try HandbookTestSupport.exampleTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = HandbookTestSupport.input(root)
        let (kept, problems) = HandbookRenderer.load(input, chapterCache: nil, partCache: nil)
        XCTAssertEqual(problems, [])
        let (anew, _) = HandbookRenderer.load(input, chapterCache: nil, partCache: nil, keepsDescribedValues: false)
        XCTAssertNil(anew.links["ca/html"]?.described)
        for view in input.resolved {
            for language in input.languages {
                XCTAssertEqual(kept.render(view, language: language), anew.render(view, language: language), "\(view.slug)/\(language) HTML")
                XCTAssertEqual(kept.renderTypst(view, language: language), anew.renderTypst(view, language: language),
                               "\(view.slug)/\(language) Typst")
            }
        }
        XCTAssertGreaterThan(try XCTUnwrap(kept.links["ca/html"]?.described).count, 20)
        XCTAssertGreaterThan(try XCTUnwrap(kept.links["es/typst"]?.described).count, 20)
    }

    /// A list or mapping of the model is described once; a value whose words may depend on
    /// the municipality (a field of the municipality's links, at any depth, or a target's
    /// unit), a municipality's own value, a list merged from both and a scalar are
    /// described every time.
    func testOnlyTheModelsValuesThatDependOnNothingElseAreKept() {
        let values = DescribedValues()
        final class Made: @unchecked Sendable { var count = 0 }
        func node(_ value: Node.Value, in file: String = "model/services/x.md") -> Node {
            Node(value, span: SourceSpan(file: file, line: 1, column: 1))
        }
        func pair(_ key: String, _ value: Node) -> Node.Pair { Node.Pair(key: node(.string(key)), value: value) }
        func describedThrice(_ node: Node, _ field: String) -> Int {
            let made = Made()
            for _ in 0..<3 {
                XCTAssertEqual(values.text(node, field: field) { made.count += 1; return "text" }, "text")
            }
            return made.count
        }
        let legal = node(.sequence([node(.mapping([pair("ref", node(.string("Llei 39/2015")))]))]))
        XCTAssertEqual(describedThrice(legal, "legal_basis"), 1)
        XCTAssertEqual(describedThrice(legal, "requirements"), 1, "kept by field too")
        let copy = legal
        XCTAssertEqual(describedThrice(copy, "legal_basis"), 0, "a copy shares the storage")
        let nested = node(.mapping([pair("notes", node(.string("n"))),
                                    pair("steps", node(.sequence([node(.mapping([pair("services", node(.sequence([node(.string("s"))])))]))])))]))
        XCTAssertEqual(describedThrice(nested, "details"), 3)
        let merged = node(.sequence([node(.string("a")), node(.string("b"), in: "seeds/x/services/y.md")]))
        XCTAssertEqual(describedThrice(merged, "channels"), 3, "a list merged from the model's and a municipality's items")
        let ids = node(.sequence([node(.string("s"))]))
        for field in ["services", "related_services", "procedures", "target", "value"] {
            XCTAssertEqual(describedThrice(ids, field), 3, field)
        }
        XCTAssertEqual(describedThrice(node(.sequence([node(.string("a"))]), in: "seeds/x/services/y.md"), "channels"), 3)
        XCTAssertEqual(describedThrice(node(.string("a")), "summary"), 3)
        XCTAssertEqual(describedThrice(node(.sequence([])), "channels"), 3)
        XCTAssertEqual(values.count, 2)
    }
}
