@testable import Handbook
import XCTest

/// The keys of the build's caches hash and compare texts by their UTF-8 bytes (issue 13:
/// `String`'s NFC hashing of names and bodies was ~3% of the handbooks' CPU).
final class ByteKeysTests: XCTestCase {
    /// "Alí" written with a precomposed í and with i + U+0301: equal as strings, two keys.
    let composed = "Al\u{ED}", decomposed = "Ali\u{301}"

    func testTextsAreEqualWhenTheirBytesAre() {
        XCTAssertEqual(composed, decomposed)
        XCTAssertFalse(ByteKeys.equal(composed, decomposed))
        XCTAssertTrue(ByteKeys.equal(composed, "Al" + "\u{ED}"))
        XCTAssertTrue(ByteKeys.equal("", ""))
        XCTAssertFalse(ByteKeys.equal("a", "ab"))
        XCTAssertTrue(ByteKeys.equal(nil as String?, nil))
        XCTAssertFalse(ByteKeys.equal("a" as String?, nil))
        XCTAssertFalse(ByteKeys.equal(["ab", "c"], ["a", "bc"]))
        XCTAssertTrue(ByteKeys.equal(["ab", "c"], ["ab", "c"]))
    }

    func testListsOfTextsAsKeys() {
        XCTAssertEqual(TextsKey(["ab", "c"]), TextsKey(["ab", "c"]))
        XCTAssertEqual(TextsKey(["ab", "c"]).hashValue, TextsKey(["ab", "c"]).hashValue)
        // The length after each text keeps the boundaries apart.
        XCTAssertNotEqual(TextsKey(["ab", "c"]).hash, TextsKey(["a", "bc"]).hash)
        XCTAssertNotEqual(TextsKey(["ab", "c"]), TextsKey(["a", "bc"]))
        XCTAssertNotEqual(TextsKey([composed]), TextsKey([decomposed]))
        var dictionary: [TextsKey: Int] = [TextsKey([composed]): 1]
        dictionary[TextsKey([decomposed])] = 2
        XCTAssertEqual(dictionary.count, 2)
        XCTAssertEqual(dictionary[TextsKey(["Al\u{ED}"])], 1)
    }

    /// Texts and bodies, which the chapters' cache hashes by the hundred, too.
    func testTextsAndBodiesOfViewsAreComparedByTheirBytes() {
        XCTAssertEqual(TextView(text: composed, lang: "ca"), TextView(text: "Al\u{ED}", lang: "ca"))
        XCTAssertEqual(TextView(text: composed, lang: "ca").hashValue, TextView(text: "Al\u{ED}", lang: "ca").hashValue)
        XCTAssertNotEqual(TextView(text: composed, lang: "ca"), TextView(text: decomposed, lang: "ca"))
        XCTAssertNotEqual(TextView(text: composed, lang: "ca"), TextView(text: composed, fallback: true, lang: "ca"))
        XCTAssertNotEqual(TextView(text: composed, lang: "ca"), TextView(text: composed, lang: "ca", note: "n"))
        XCTAssertNotEqual(TextView(text: composed, lang: "ca"), TextView(text: composed, lang: "es"))
        XCTAssertEqual(body(composed), body("Al\u{ED}"))
        XCTAssertEqual(body(composed).hashValue, body("Al\u{ED}").hashValue)
        XCTAssertNotEqual(body(composed), body(decomposed))
        var other = body(composed)
        other.path = "model/services/x.es.md"
        XCTAssertNotEqual(body(composed), other)
        other = body(composed)
        other.fallback = true
        XCTAssertNotEqual(body(composed), other)
    }

    func body(_ html: String) -> BodyView { BodyView(html: html, id: "x", path: "model/services/x.md", fallback: false, lang: "ca") }

    func testServiceSheetKeysCompareTheirBodiesByBytes() {
        let key = CatalogueChapter.SheetKey(fixed: ["ca", "html", "x", "4.1"], links: ["#procedure-a"], body: body("<p>\(composed)</p>"))
        let same = CatalogueChapter.SheetKey(fixed: ["ca", "html", "x", "4.1"], links: ["#procedure-a"], body: body("<p>\(composed)</p>"))
        let otherBody = CatalogueChapter.SheetKey(fixed: ["ca", "html", "x", "4.1"], links: ["#procedure-a"],
                                                  body: body("<p>\(decomposed)</p>"))
        let otherNumber = CatalogueChapter.SheetKey(fixed: ["ca", "html", "x", "4.2"], links: ["#procedure-a"], body: body("<p>\(composed)</p>"))
        XCTAssertEqual(key, same)
        XCTAssertEqual(key.hashValue, same.hashValue)
        // The body is compared, not hashed.
        XCTAssertEqual(key.hash, otherBody.hash)
        XCTAssertNotEqual(key, otherBody)
        XCTAssertNotEqual(key, otherNumber)
    }

    func testProcedureSheetKeysCompareTheirLinksByBytes() {
        func link(_ text: String, note: String? = nil) -> LinkView {
            LinkView(link_anchor: "service-x", label: TextView(text: text, lang: "ca", note: note))
        }
        let key = ProceduresChapter.SheetKey(fixed: ["ca", "html", "p", "5.1"], services: [link(composed)], body: nil)
        XCTAssertEqual(key, ProceduresChapter.SheetKey(fixed: ["ca", "html", "p", "5.1"], services: [link(composed)], body: nil))
        XCTAssertNotEqual(key, ProceduresChapter.SheetKey(fixed: ["ca", "html", "p", "5.1"], services: [link(decomposed)], body: nil))
        XCTAssertNotEqual(key, ProceduresChapter.SheetKey(fixed: ["ca", "html", "p", "5.1"], services: [link(composed, note: "n")],
                                                          body: nil))
        XCTAssertNotEqual(key, ProceduresChapter.SheetKey(fixed: ["ca", "html", "p", "5.1"], services: [link(composed)],
                                                          body: body("<p>b</p>")))
        XCTAssertNotEqual(key, ProceduresChapter.SheetKey(fixed: ["ca", "html", "p", "5.1"], services: [], body: nil))
    }

    /// A part is reused for a key with the same bytes, and built again for one that only
    /// reads the same.
    func testThePartCacheReusesAPartForTheSameBytes() {
        let parts = ViewPartCache()
        let key = CatalogueChapter.SheetKey(fixed: ["ca", composed], links: [], body: body(""))
        XCTAssertEqual(parts.part(key) { "first" }, "first")
        XCTAssertEqual(parts.part(CatalogueChapter.SheetKey(fixed: ["ca", "Al\u{ED}"], links: [], body: body(""))) { "second" }, "first")
        XCTAssertEqual(parts.hits, 1)
        XCTAssertEqual(parts.part(CatalogueChapter.SheetKey(fixed: ["ca", decomposed], links: [], body: body(""))) { "third" }, "third")
        XCTAssertEqual(parts.hits, 1)
        XCTAssertEqual(parts.order(["services", composed]) { [1, 0] }, [1, 0])
        XCTAssertEqual(parts.order(["services", composed]) { [0, 1] }, [1, 0])
        XCTAssertEqual(parts.order(["services", decomposed]) { [0, 1] }, [0, 1])
    }
}
