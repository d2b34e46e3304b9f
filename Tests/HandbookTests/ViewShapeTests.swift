import Handbook
import Rendering
import TestSupport
import XCTest

/// The shapes a build checks the handbook's templates with (`HandbookRenderer.views`,
/// read from `RecordedViewShapes.swift`) are those of the view models' types.
final class HandbookViewShapeTests: XCTestCase {
    func testTheRecordedShapesAreThoseOfTheViewModels() throws {
        let shapes = HandbookRenderer.viewModelShapes()
        try assertGolden(ViewShape.recordedSource(extending: "HandbookRenderer", shapes, testedBy: "HandbookViewShapeTests"),
                         packageRoot().appendingPathComponent("Sources/Handbook/RecordedViewShapes.swift"))
        if ProcessInfo.processInfo.environment["OAE_UPDATE_GOLDENS"] != "1" {
            XCTAssertEqual(HandbookRenderer.views, shapes)
        }
    }
}
