@testable import Handbook
import Model
@testable import Presentation
import Resolution
import Rendering
import XCTest

/// The model's Markdown bodies are rendered once per language and shared by every
/// handbook of a build (issue 13), with the same bytes as rendering them for each.
final class BodyCacheTests: XCTestCase {
    /// A body is rendered again only when its links answer differently.
    func testABodyIsRenderedOncePerSetOfLinkAnswers() {
        let cache = BodyCache()
        final class Count: @unchecked Sendable { var calls = 0 }
        let count = Count()
        func render(_ resolver: @escaping @Sendable (String) -> String?) -> String {
            count.calls += 1
            return "<p>" + ["a", "b"].map { resolver($0) ?? "-" }.joined(separator: " ") + "</p>"
        }
        let offered: @Sendable (String) -> String? = { "#" + $0 }
        let withoutB: @Sendable (String) -> String? = { $0 == "b" ? nil : "#" + $0 }
        XCTAssertEqual(cache.html(key: "k", resolve: offered, render: render), "<p>#a #b</p>")
        XCTAssertEqual(cache.html(key: "k", resolve: offered, render: render), "<p>#a #b</p>")
        XCTAssertEqual(cache.html(key: "k", resolve: withoutB, render: render), "<p>#a -</p>")
        XCTAssertEqual(cache.html(key: "k", resolve: offered, render: render), "<p>#a #b</p>")
        XCTAssertEqual(cache.html(key: "k", resolve: withoutB, render: render), "<p>#a -</p>")
        XCTAssertEqual(cache.html(key: "other", resolve: offered, render: render), "<p>#a #b</p>")
        XCTAssertEqual(count.calls, 3)
        XCTAssertEqual(cache.renders, 3)
    }

    /// A body's link destinations are located once, by its first rendering: a later
    /// handbook only answers the locations (its own answers choose the rendering), and
    /// gets the places of the body's value references found when it was rendered.
    func testABodysLinksAreLocatedOnceAndItsReferencesFoundOnce() {
        let cache = BodyCache()
        final class Count: @unchecked Sendable { var located: [String] = [] }
        let count = Count()
        let locate: @Sendable (String) -> DocumentPlaces.Location = { destination in
            count.located.append(destination)
            return DocumentPlaces.locate(destination, from: "model/services/x.md")
        }
        func answer(offering offered: Set<String>) -> @Sendable (DocumentPlaces.Location) -> String? {
            { location in
                guard case let .file(path, _) = location else { return nil }
                return offered.contains(path) ? "#" + path : nil
            }
        }
        func render(_ resolver: @escaping @Sendable (String) -> String?) -> String {
            "<p>" + ["../procedures/p.md", "y.md"].map { resolver($0) ?? "-" }.joined(separator: " ")
                + " {{value service/x/duration}}</p>"
        }
        let both = answer(offering: ["model/procedures/p.md", "model/services/y.md"])
        let first = cache.body(key: "k", locate: locate, answer: both, render: render)
        XCTAssertEqual(first.html, "<p>#model/procedures/p.md #model/services/y.md {{value service/x/duration}}</p>")
        XCTAssertEqual(first.references.map { [$0.start, $0.end] }, [[47, 75]])
        XCTAssertEqual(first.references.map(\.reference.text), ["service/x/duration"])
        XCTAssertEqual(count.located, ["../procedures/p.md", "y.md"])
        let again = cache.body(key: "k", locate: locate, answer: both, render: render)
        XCTAssertEqual(again.html, first.html)
        let other = cache.body(key: "k", locate: locate, answer: answer(offering: ["model/services/y.md"]), render: render)
        XCTAssertEqual(other.html, "<p>- #model/services/y.md {{value service/x/duration}}</p>")
        XCTAssertEqual(other.references.map { [$0.start, $0.end] }, [[26, 54]])
        XCTAssertEqual(count.located, ["../procedures/p.md", "y.md", "../procedures/p.md", "y.md"])
        XCTAssertEqual(cache.renders, 2)
        _ = cache.body(key: "k", locate: locate, answer: answer(offering: ["model/services/y.md"]), render: render)
        XCTAssertEqual(count.located.count, 4)
        XCTAssertEqual(cache.renders, 2)
    }

    /// Body keys and link answers are compared by their bytes (`ByteKeys`): a key or an
    /// answer that only reads the same (í precomposed, or i and U+0301) is another body,
    /// rendered with its own bytes.
    func testBodyKeysAndAnswersAreComparedByTheirBytes() {
        let cache = BodyCache()
        let render = { (resolver: @escaping @Sendable (String) -> String?) -> String in "<p>" + (resolver("a") ?? "-") + "</p>" }
        XCTAssertEqual(cache.html(key: "Al\u{ED}", resolve: { _ in "#\u{ED}" }, render: render), "<p>#\u{ED}</p>")
        XCTAssertEqual(cache.html(key: "Al\u{ED}", resolve: { _ in "#\u{ED}" }, render: render), "<p>#\u{ED}</p>")
        XCTAssertEqual(cache.renders, 1)
        XCTAssertEqual(cache.html(key: "Ali\u{301}", resolve: { _ in "#\u{ED}" }, render: render), "<p>#\u{ED}</p>")
        XCTAssertEqual(cache.renders, 2)
        let answer = cache.html(key: "Al\u{ED}", resolve: { _ in "#i\u{301}" }, render: render)
        XCTAssertEqual(Array(answer.utf8), Array("<p>#i\u{301}</p>".utf8))
        XCTAssertEqual(cache.renders, 3)
        // Where a link leads is worked out once per document and destination.
        if case let .file(path, fragment) = cache.location("../procedures/p.md#a", from: "model/services/x.md") {
            XCTAssertEqual(path, "model/procedures/p.md")
            XCTAssertEqual(fragment, "a")
        } else {
            XCTFail("a file")
        }
        if case .url("https://example.cat") = cache.location("https://example.cat", from: "model/services/x.md") {} else {
            XCTFail("a URL")
        }
    }

    /// Every handbook of a language words its durations and dates with the same formatter,
    /// the network's (`ValueFormatter.forReaders`), which keeps what it has worded.
    func testTheHandbooksOfALanguageShareOneFormatter() throws {
        let input = HandbookTestSupport.input(try HandbookTestSupport.exampleTree())
        let (renderer, problems) = HandbookRenderer.load(input)
        XCTAssertEqual(problems, [])
        let network = ValueFormatter.forReaders(network: input.network, language: "ca")
        XCTAssertTrue(try XCTUnwrap(renderer.formatters["ca"]).made === network.made)
        XCTAssertFalse(try XCTUnwrap(renderer.formatters["es"]).made === network.made)
        XCTAssertEqual(network.made.count, 0)
        let first = try XCTUnwrap(input.resolved.first)
        _ = renderer.render(first, language: "ca")
        let kept = network.made.count
        XCTAssertGreaterThan(kept, 0)
        _ = renderer.render(first, language: "ca")
        XCTAssertEqual(network.made.count, kept)
    }

    /// One handbook renders each of its bodies once; the same handbook again renders
    /// none; every handbook of the example is the same with the shared cache as when
    /// rendered alone.
    func testTheExampleHandbooksShareTheirBodies() throws {
        let input = HandbookTestSupport.input(try HandbookTestSupport.exampleTree())
        let (shared, problems) = HandbookRenderer.load(input)
        XCTAssertEqual(problems, [])
        // A body per service and procedure, the governance chapter and the communication strategy.
        func bodies(_ view: ResolvedMunicipality) -> Int {
            view.services.count + view.procedures.filter { ($0.variant ?? $0.model) != nil }.count + 2
        }
        let first = try XCTUnwrap(input.resolved.first { $0.slug == "sant-feliu-de-llobregat" })
        let page = shared.render(first, language: "ca")
        XCTAssertEqual(shared.bodyCache.renders, bodies(first))
        XCTAssertEqual(shared.render(first, language: "ca"), page)
        XCTAssertEqual(shared.bodyCache.renders, bodies(first))

        var alone = 0
        for view in input.resolved {
            for language in input.languages {
                let (fresh, _) = HandbookRenderer.load(input)
                XCTAssertEqual(shared.render(view, language: language), fresh.render(view, language: language),
                               "\(view.slug)/\(language)")
                alone += fresh.bodyCache.renders
            }
        }
        XCTAssertEqual(alone, input.resolved.map(bodies).reduce(0, +) * input.languages.count)
        // Shared, less than half of the bodies are rendered (the example's five offices differ
        // in services, local variants and what their links lead to); a second pass renders none.
        let sharedRenders = shared.bodyCache.renders
        XCTAssertLessThan(sharedRenders, alone / 2)
        for view in input.resolved {
            for language in input.languages { _ = shared.render(view, language: language) }
        }
        XCTAssertEqual(shared.bodyCache.renders, sharedRenders)
    }
}
