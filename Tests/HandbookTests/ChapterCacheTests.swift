@testable import Handbook
import Model
import Resolution
import Rendering
import XCTest

/// A chapter whose view model equals one already rendered is not rendered again (issue
/// 13): its bytes are reused, and every handbook is the same as when each chapter is
/// rendered.
final class ChapterCacheTests: XCTestCase {
    final class Count: @unchecked Sendable { var calls = 0 }

    func glossary(_ terms: [String]) -> GlossaryView {
        GlossaryView(terms: terms.map {
            GlossaryView.Term(anchor: "term-\($0)", term: TextView(text: $0, lang: "ca"), expansion: nil, definition: nil, see_also: nil)
        })
    }

    /// Equal view models share one rendering per source, language and format; the words
    /// (`ui`) are not part of the key; a different model, language or format is rendered.
    func testAChapterIsRenderedOncePerViewModel() {
        let cache = ChapterCache()
        let count = Count()
        func html(_ model: GlossaryView, language: String = "ca", format: MarkupFormat = .html) -> String {
            cache.html(source: "glossary", language: language, format: format, model: model) {
                count.calls += 1
                return model.terms.map(\.term.text).joined(separator: ",")
            }
        }
        var worded = glossary(["a", "b"])
        worded.ui = ["title": "Glossari"]
        XCTAssertEqual(html(glossary(["a", "b"])), "a,b")
        XCTAssertEqual(html(worded), "a,b")
        XCTAssertEqual(html(glossary(["a", "b", "c"])), "a,b,c")
        XCTAssertEqual(html(glossary(["a", "b"]), language: "es"), "a,b")
        XCTAssertEqual(html(glossary(["a", "b"]), format: .typst), "a,b")
        XCTAssertEqual(html(glossary(["a", "b", "c"])), "a,b,c")
        XCTAssertEqual(count.calls, 4)
        XCTAssertEqual(cache.hits, 2)
    }

    /// A full cache keeps its entries; a chapter that never repeats stops being looked up
    /// after `giveUp` misses, and is still rendered right.
    func testACacheThatNeverHitsStopsLooking() {
        let cache = ChapterCache(capacity: 1, giveUp: 3)
        let count = Count()
        func html(_ model: GlossaryView) -> String {
            cache.html(source: "glossary", language: "ca", format: .html, model: model) {
                count.calls += 1
                return model.terms.map(\.term.text).joined(separator: ",")
            }
        }
        for terms in [["a"], ["b"], ["c"], ["a"], ["d"]] { XCTAssertEqual(html(glossary(terms)), terms[0]) }
        // `a` was kept (the capacity is one) but was no longer looked up after three misses.
        XCTAssertEqual(count.calls, 5)
        XCTAssertEqual(cache.hits, 0)

        let keeps = ChapterCache(capacity: 1, giveUp: 3)
        for terms in [["a"], ["b"], ["a"], ["c"], ["d"], ["a"]] {
            XCTAssertEqual(keeps.html(source: "glossary", language: "ca", format: .html, model: glossary(terms)) {
                terms[0]
            }, terms[0])
        }
        // A source that hits keeps being looked up.
        XCTAssertEqual(keeps.hits, 2)
    }

    /// Every handbook of the example, HTML and Typst, is the same with the shared chapter
    /// cache as with every chapter rendered; the chapters reused are exactly those whose
    /// view model repeats one of an earlier handbook in the same language and format.
    func testTheExampleHandbooksShareTheirChapters() throws {
        let root = try HandbookTestSupport.exampleTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = HandbookTestSupport.input(root)
        let (shared, problems) = HandbookRenderer.load(input)
        XCTAssertEqual(problems, [])
        let (alone, _) = HandbookRenderer.load(input, chapterCache: nil)
        var seen: [String: Set<AnyHashable>] = [:]
        var repeats = 0, chapters = 0
        var repeated: Set<String> = []
        func note<M: ChapterView>(_ model: M, _ slot: String, _ source: String) {
            var bare = model
            bare.ui = [:]
            chapters += 1
            if !seen[slot, default: []].insert(AnyHashable(bare)).inserted {
                repeats += 1
                repeated.insert(source)
            }
        }
        for format in [MarkupFormat.html, .typst] {
            for view in input.resolved {
                for language in input.languages {
                    let (page, models) = alone.document(view, language: language, format: format)
                    for (i, model) in models.enumerated() { note(model, "\(format)/\(language)/\(page.chapters[i].source)", page.chapters[i].source) }
                }
            }
        }
        for view in input.resolved {
            for language in input.languages {
                XCTAssertEqual(shared.render(view, language: language), alone.render(view, language: language),
                               "\(view.slug)/\(language) HTML")
            }
        }
        for view in input.resolved {
            for language in input.languages {
                XCTAssertEqual(shared.renderTypst(view, language: language), alone.renderTypst(view, language: language),
                               "\(view.slug)/\(language) Typst")
            }
        }
        XCTAssertEqual(alone.chapterCache?.hits, nil)
        XCTAssertEqual(chapters, 2 * 12 * input.resolved.count * input.languages.count)
        XCTAssertEqual(shared.chapterCache?.hits, repeats)
        // The example's four offices differ in everything they adapt; the glossary and the
        // governance chapter show nothing of the office, so each is rendered once per
        // language and format and reused three times: 2 chapters × 3 languages × 2 formats × 3.
        XCTAssertEqual(input.resolved.count, 4)
        XCTAssertEqual(repeated, ["glossary", "governance"])
        XCTAssertEqual(repeats, 36)
    }

    /// The sheet of a service or a procedure the municipality did not adapt is built once
    /// per language, format and set of link answers, and reused: a handbook rendered again
    /// reuses every such sheet; every handbook of the example is the same with the shared
    /// parts as with every part built.
    func testUnadaptedSheetsAreBuiltOnce() throws {
        let root = try HandbookTestSupport.exampleTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = HandbookTestSupport.input(root)
        let (shared, _) = HandbookRenderer.load(input, chapterCache: nil)
        let (alone, _) = HandbookRenderer.load(input, chapterCache: nil, partCache: nil)
        let first = try XCTUnwrap(input.resolved.first { $0.slug == "sant-feliu-de-llobregat" })
        let services = first.services.filter { $0.adoption != .local && $0.overrides.isEmpty }.count
        let procedures = first.procedures.filter { $0.model != nil && $0.variant == nil && $0.overrides.isEmpty && $0.localOwner == nil }.count
        XCTAssertGreaterThan(services, 0)
        XCTAssertLessThan(services, first.services.count)
        XCTAssertGreaterThan(procedures, 0)
        XCTAssertLessThan(procedures, first.procedures.count)
        let unadapted = services + procedures
        let memo = shared.templates.memo
        let rendered = memo.hits
        let page = shared.render(first, language: "ca")
        XCTAssertEqual(shared.partCache?.hits, 0)
        XCTAssertEqual(memo.hits, rendered)
        XCTAssertEqual(shared.render(first, language: "ca"), page)
        // And the list of the model's training modules, built once per language and format.
        XCTAssertEqual(shared.partCache?.hits, unadapted + 1)
        // The shared sheets' sections are not rendered again: their bytes are reused.
        XCTAssertEqual(memo.hits - rendered, unadapted)
        XCTAssertEqual(page, alone.render(first, language: "ca"))

        let (fresh, _) = HandbookRenderer.load(input, chapterCache: nil)
        let before = fresh.templates.memo.hits + fresh.typstTemplates.memo.hits
        for view in input.resolved {
            for language in input.languages {
                XCTAssertEqual(fresh.render(view, language: language), alone.render(view, language: language),
                               "\(view.slug)/\(language) HTML")
                XCTAssertEqual(fresh.renderTypst(view, language: language), alone.renderTypst(view, language: language),
                               "\(view.slug)/\(language) Typst")
            }
        }
        // Across the example's four offices, a model sheet repeats where the offices offer
        // the same services and their links lead to the same places (122 times); the list of
        // training modules is built for the first handbook of each language and format and
        // reused by the other three (18 times).
        XCTAssertEqual(fresh.partCache?.hits, 122 + 18)
        // Every sheet reused is a section whose bytes are reused (its outer words are the
        // language's), in the HTML and in the Typst source.
        XCTAssertEqual(fresh.templates.memo.hits + fresh.typstTemplates.memo.hits - before, 122)
    }
}
