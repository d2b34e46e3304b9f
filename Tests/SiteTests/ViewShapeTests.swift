import Rendering
import Site
import TestSupport
import XCTest

/// The shapes a build checks the site's templates with (`SiteBuild.views`, read from
/// `RecordedViewShapes.swift`) are those of the view models' types.
final class SiteViewShapeTests: XCTestCase {
    func testTheRecordedShapesAreThoseOfTheViewModels() throws {
        let shapes = SiteBuild.viewModelShapes()
        try assertGolden(ViewShape.recordedSource(extending: "SiteBuild", shapes, testedBy: "SiteViewShapeTests"),
                         packageRoot().appendingPathComponent("Sources/Site/RecordedViewShapes.swift"))
        if ProcessInfo.processInfo.environment["OAE_UPDATE_GOLDENS"] != "1" {
            XCTAssertEqual(SiteBuild.views, shapes)
        }
    }
}
