import Foundation
import JSON
import Loading
import Model
@testable import OAECommands
import XCTest

/// `oae show --provenance` on the fixture network: model and local values side by side.
final class ShowTests: XCTestCase {
    func fixture() throws -> URL { try TestPaths.networkCopy("oae-show") }

    func testProvenanceGolden() throws {
        let root = try fixture()
        defer { try? FileManager.default.removeItem(at: root) }
        let network = Network(tree: TreeLoader.load(root: root))
        let view = ShowRun.view(network, municipality: "sant-feliu-de-llobregat", provenance: true)
        try assertGolden(YAMLWriter.write(view), TestPaths.fixture("show-golden/sant-feliu-provenance.yaml"))
    }

    func testPlainJSONGolden() throws {
        let root = try fixture()
        defer { try? FileManager.default.removeItem(at: root) }
        let network = Network(tree: TreeLoader.load(root: root))
        let view = ShowRun.view(network, municipality: "sant-feliu-de-llobregat", provenance: false)
        try assertGolden(view.serialized() + "\n", TestPaths.fixture("show-golden/sant-feliu.json"))
    }
}
