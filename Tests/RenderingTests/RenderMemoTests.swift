import Foundation
import Presentation
@testable import Rendering
import XCTest

/// A section over a shared value is rendered once per set of templates and its bytes
/// reused, only where everything it read outside the value is the same (issue 13).
final class RenderMemoTests: XCTestCase {
    static let sources = [
        "page": """
            <h1>{{title}}</h1>
            {{#sheets}}
              <section>{{name}} · {{ui.more}}{{#note}} [{{note}}]{{/note}}{{^note}} ({{label}}){{/note}}
                {{> row}}
              </section>
            {{/sheets}}
            {{#one}}<p>{{name}}{{#ui}}{{more}}{{/ui}}</p>{{/one}}
            """,
        "row": "<i>{{name}}</i>{{#tags}}<b>{{.}}</b>{{/tags}}\n",
    ]

    static func sheet(_ name: String, note: String? = nil, tags: [String] = []) -> TemplateValue {
        var members: [TemplateValue.Member] = [.init(name: "name", value: .string(name))]
        members.append("note", note.map(TemplateValue.string))
        members.append(.init(name: "tags", value: .list(tags.map(TemplateValue.string))))
        return .object(members)
    }

    static func page(title: String, label: String, ui: WordTable, sheets: [TemplateValue], one: TemplateValue) -> TemplateValue {
        .object([.init(name: "title", value: .string(title)), .init(name: "label", value: .string(label)),
                 .init(name: "ui", value: .words(ui)), .init(name: "sheets", value: .list(sheets)),
                 .init(name: "one", value: one)])
    }

    /// The value with every shared value read as what it holds.
    static func plain(_ value: TemplateValue) -> TemplateValue {
        switch value {
        case let .shared(shared): return plain(shared.value)
        case let .list(items): return .list(items.map(plain))
        case let .object(members): return .object(members.map { .init(name: $0.name, value: plain($0.value)) })
        default: return value
        }
    }

    func testASharedSectionIsRenderedOnceAndReusedWhereItReadsTheSame() throws {
        let templates = try Templates.compiling(Self.sources)
        let page = try XCTUnwrap(templates.compiled["page"])
        let a = SharedValue(Self.sheet("Acollida <1>", tags: ["x", "y"]))
        let b = SharedValue(Self.sheet("Finançament", note: "nota"))
        let ui: WordTable = ["more": "més"]
        // Compared as bytes (`String`'s `==` compares by canonical equivalence).
        func render(_ value: TemplateValue) -> (memo: [UInt8], plain: [UInt8]) {
            (page.renderUTF8(value, library: templates.compiled, memo: templates.memo),
             page.renderUTF8(Self.plain(value), library: templates.compiled))
        }
        let expected = """
            <h1>Primer</h1>
              <section>Acollida &lt;1&gt; · més (Etiqueta)
                <i>Acollida &lt;1&gt;</i><b>x</b><b>y</b>
              </section>
              <section>Finançament · més [nota]
                <i>Finançament</i>
              </section>
            <p>Acollida &lt;1&gt;més</p>
            """
        // The first page renders both sheets and the single section over `a`.
        let first = render(Self.page(title: "Primer", label: "Etiqueta", ui: ui, sheets: [.shared(a), .shared(b)], one: .shared(a)))
        XCTAssertEqual(first.memo, Array(expected.utf8))
        XCTAssertEqual(first.plain, Array(expected.utf8))
        XCTAssertEqual(templates.memo.hits, 0)
        // A second page that reads the same outside the sheets reuses all three.
        let second = render(Self.page(title: "Segon", label: "Etiqueta", ui: ui, sheets: [.shared(b), .shared(a)], one: .shared(a)))
        XCTAssertEqual(second.memo, second.plain)
        XCTAssertEqual(templates.memo.hits, 3)
        // Another label: `a`, whose absent note makes Mustache read the page's label, is
        // rendered again; `b`, which has its note, is reused.
        let third = render(Self.page(title: "Tercer", label: "Una altra", ui: ui, sheets: [.shared(a), .shared(b)], one: .shared(b)))
        XCTAssertEqual(third.memo, third.plain)
        XCTAssertTrue(String(decoding: third.memo, as: UTF8.self).contains("(Una altra)"))
        XCTAssertEqual(templates.memo.hits, 4)
        // Other words (with the same text, in another table): the same bytes, so reused;
        // words that differ by their bytes only (é decomposed) are not.
        let fourth = render(Self.page(title: "Quart", label: "Etiqueta", ui: ["more": "més"], sheets: [.shared(a)], one: .shared(a)))
        XCTAssertEqual(fourth.memo, fourth.plain)
        XCTAssertEqual(templates.memo.hits, 6)
        let decomposed = "me\u{301}s"
        let fifth = render(Self.page(title: "Cinquè", label: "Etiqueta", ui: ["more": decomposed], sheets: [.shared(a)], one: .shared(a)))
        XCTAssertEqual(fifth.memo, fifth.plain)
        XCTAssertNotNil(fifth.memo.firstRange(of: Array(decomposed.utf8)))
        XCTAssertEqual(templates.memo.hits, 6)
    }

    /// Without a memo (or for a value that is not shared) nothing is kept.
    func testWithoutAMemoNothingIsReused() throws {
        let templates = try Templates.compiling(Self.sources)
        let page = try XCTUnwrap(templates.compiled["page"])
        let a = SharedValue(Self.sheet("A"))
        let value = Self.page(title: "T", label: "L", ui: [:], sheets: [.shared(a), .shared(a)], one: .shared(a))
        let once = page.renderUTF8(value, library: templates.compiled)
        XCTAssertEqual(once, page.renderUTF8(Self.plain(value), library: templates.compiled))
        XCTAssertEqual(templates.memo.hits, 0)
        // The same value twice in one section's list, with the memo: the second is reused;
        // `one` is another section over it, rendered.
        XCTAssertEqual(page.renderUTF8(value, library: templates.compiled, memo: templates.memo), once)
        XCTAssertEqual(templates.memo.hits, 1)
    }

    /// A memo that is full starts again empty, and still renders the right bytes.
    func testAFullMemoStartsAgain() throws {
        let templates = try Templates.compiling(Self.sources)
        let page = try XCTUnwrap(templates.compiled["page"])
        let memo = RenderMemo(capacity: 10)
        let a = SharedValue(Self.sheet("Un nom llarg"))
        let value = Self.page(title: "T", label: "L", ui: [:], sheets: [.shared(a), .shared(a)], one: .shared(a))
        XCTAssertEqual(page.renderUTF8(value, library: templates.compiled, memo: memo),
                       page.renderUTF8(Self.plain(value), library: templates.compiled))
        XCTAssertEqual(memo.hits, 0)
    }

    func testSameComparesBytes() {
        XCTAssertTrue(TemplateValue.same(.string("més"), .string("més")))
        XCTAssertFalse(TemplateValue.same(.string("més"), .string("me\u{301}s")))
        XCTAssertTrue(TemplateValue.same(nil, nil))
        XCTAssertFalse(TemplateValue.same(.string(""), nil))
        XCTAssertFalse(TemplateValue.same(.bool(true), .string("true")))
        XCTAssertTrue(TemplateValue.same(.words(["a": "b", "c": "d"]), .words(["c": "d", "a": "b"])))
        XCTAssertFalse(TemplateValue.same(.words(["a": "é"]), .words(["a": "e\u{301}"])))
        XCTAssertFalse(TemplateValue.same(.words(["é": "a"]), .words(["e\u{301}": "a"])))
        XCTAssertTrue(TemplateValue.same(.object([.init(name: "a", value: .list([.int(1), .double(0.5)]))]),
                                         .object([.init(name: "a", value: .list([.int(1), .double(0.5)]))])))
        XCTAssertFalse(TemplateValue.same(.object([.init(name: "a", value: .int(1))]), .object([.init(name: "b", value: .int(1))])))
        let shared = SharedValue(.string("x"))
        XCTAssertTrue(TemplateValue.same(.shared(shared), .shared(SharedValue(.string("x")))))
        XCTAssertFalse(TemplateValue.same(.shared(shared), .string("x")))
    }
}
