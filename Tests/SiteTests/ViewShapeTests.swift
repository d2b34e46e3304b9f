import Handbook
import Rendering
import Site
import TestSupport
import XCTest

/// The shapes a build checks the templates with (`SiteBuild.views`, `HandbookRenderer.views`,
/// read from the `RecordedViewShapes.swift` of each module) are those of the view models' types.
final class ViewShapeTests: XCTestCase {
    func testTheRecordedShapesAreThoseOfTheViewModels() throws {
        let outputs: [(type: String, module: String, recorded: [String: ViewShape], types: [String: ViewShape])] = [
            ("SiteBuild", "Site", SiteBuild.views, SiteBuild.viewModelShapes()),
            ("HandbookRenderer", "Handbook", HandbookRenderer.views, HandbookRenderer.viewModelShapes()),
        ]
        for output in outputs {
            try assertGolden(ViewShape.recordedSource(extending: output.type, output.types, testedBy: "ViewShapeTests"),
                             packageRoot().appendingPathComponent("Sources/\(output.module)/RecordedViewShapes.swift"))
            if ProcessInfo.processInfo.environment["OAE_UPDATE_GOLDENS"] != "1" {
                XCTAssertEqual(output.recorded, output.types, output.type)
            }
        }
    }
}
