import Rendering
import XCTest

/// `ViewShape.text` and `init(text:)`: every shape read back as written; texts that are
/// no shape refused.
final class ViewShapeTextTests: XCTestCase {
    func testShapesReadBackAsWritten() {
        let shapes: [ViewShape] = [
            .scalar, .map, .recursive, .list(.scalar), .list(.list(.map)), .object([:]),
            .object(["a": .scalar, "b_2": .list(.object(["c": .recursive, "d": .map])), "e": .object([:])]),
        ]
        for shape in shapes {
            XCTAssertEqual(ViewShape(text: shape.text), shape, shape.text)
        }
        XCTAssertEqual(ViewShape.object(["b": .scalar, "a": .list(.map)]).text, "{a:[m],b:s}")
        let table: [String: ViewShape] = ["layout": .object(["ui": .map, "title": .scalar]), "partials/text": .list(.scalar)]
        XCTAssertEqual(ViewShape.tableText(table), "layout {title:s,ui:m}\npartials/text [s]\n")
        XCTAssertEqual(ViewShape.table(ViewShape.tableText(table)), table)
    }

    func testTextsThatAreNoShapeAreRefused() {
        for text in ["", "x", "[s", "{a:s", "{a}", "{:s}", "{a:s,}", "ss", "[s]]", "{a:s}x"] {
            XCTAssertNil(ViewShape(text: text), text)
        }
    }
}
