@testable import Handbook
import Model
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
