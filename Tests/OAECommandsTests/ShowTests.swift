import Foundation
import JSON
import Loading
import Model
@testable import OAECommands
import XCTest

/// `oae show --provenance` on the fixture network: model and local values side by side.
final class ShowTests: XCTestCase {
    func fixture() throws -> URL {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("oae-show-\(UUID().uuidString)")
        try fm.copyItem(at: TestPaths.fixture("network"), to: root)
        try fm.copyItem(at: TestPaths.packageRoot.appendingPathComponent("model/schema"),
                        to: root.appendingPathComponent("model/schema"))
        try fm.copyItem(at: TestPaths.packageRoot.appendingPathComponent("templates"), to: root.appendingPathComponent("templates"))
        return root
    }

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
