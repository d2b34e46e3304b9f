import Foundation
@testable import Handbook
import Rendering
import XCTest

/// The HTML of every handbook of the real example tree (no PDF): ids are unique, every
/// in-document link has its target, chapters follow the outline.
final class ExampleTreeTests: XCTestCase {
    func testEveryHandbookHasUniqueIdsAndWorkingLinks() throws {
        let root = try HandbookTestSupport.exampleTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = HandbookTestSupport.input(root)
        let (renderer, problems) = HandbookRenderer.load(input)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(input.resolved.count, 4)
        let titles = input.network.modelDocuments(.handbookOutline).first?.root?["chapters"]?.sequence ?? []
        for view in input.resolved {
            for language in input.languages {
                let label = "\(view.slug)/\(language)"
                let page = renderer.render(view, language: language)
                XCTAssertEqual(page, renderer.render(view, language: language), "\(label) is not deterministic")
                let ids = matches(" id=\"([^\"]+)\"", page)
                XCTAssertEqual(ids.count, Set(ids).count, "\(label) repeats ids: \(Dictionary(grouping: ids, by: { $0 }).filter { $1.count > 1 }.keys.sorted())")
                let targets = Set(ids)
                let missing = Set(matches("href=\"#([^\"]+)\"", page)).subtracting(targets)
                XCTAssertEqual(missing, [], "\(label) links to anchors it does not have")
                XCTAssertTrue(matches("href=\"([^\"#][^\"]*)\"", page).allSatisfy {
                    $0.hasPrefix("https://") || $0.hasPrefix("mailto:") || $0.hasPrefix("tel:")
                }, "\(label) has a link that is neither in the document nor to a web page, mail or phone")
                let localizer = input.localizer(language)
                for (i, chapter) in titles.enumerated() {
                    let title = HTML.escape(localizer.string(chapter["title"]))
                    XCTAssertTrue(page.contains("<span class=\"number\">\(i + 1)</span> \(title)</h2>"), "\(label): chapter \(title)")
                }
            }
        }
    }

    func matches(_ pattern: String, _ text: String) -> [String] {
        guard let re = try? NSRegularExpression(pattern: pattern) else { return [] }
        let ns = text as NSString
        return re.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) }
    }
}

/// The compiled templates give the same bytes as swift-mustache, the reference, for every
/// handbook of the example network, HTML and Typst, in every language.
final class TemplateEngineTests: XCTestCase {
    func testEveryHandbookRendersAsWithSwiftMustache() throws {
        let root = try HandbookTestSupport.exampleTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = HandbookTestSupport.input(root)
        let (renderer, problems) = HandbookRenderer.load(input)
        XCTAssertEqual(problems, [])
        var html = renderer.templates, typst = renderer.typstTemplates
        html.reference = true
        typst.reference = true
        let reference = HandbookRenderer(input: input, templates: html, typstTemplates: typst, css: renderer.css)
        for view in input.resolved {
            for language in input.languages {
                XCTAssertEqual(renderer.render(view, language: language), reference.render(view, language: language),
                               "\(view.slug)/\(language) HTML")
                XCTAssertEqual(renderer.renderTypst(view, language: language), reference.renderTypst(view, language: language),
                               "\(view.slug)/\(language) Typst")
            }
        }
    }
}
