import Diagnostics
import Foundation
import Model
import OAECommands
import XCTest

/// A model change that tightens a requirement makes `oae check` report exactly the
/// municipalities that no longer conform, on the example network itself.
final class ModelChangeTests: XCTestCase {
    func copyOfTheExampleNetwork() throws -> URL {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("oae-example-\(UUID().uuidString)")
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["model", "seeds", "templates"] {
            try fm.copyItem(at: FixtureTree.packageRoot.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        return root
    }

    func errors(_ root: URL) -> [Diagnostic] {
        CheckRun.diagnose(root: root, asOf: Day("2026-11-25")!).1.filter { $0.severity == .error }
    }

    func testTheExampleNetworkHasNoErrors() throws {
        let root = try copyOfTheExampleNetwork()
        defer { try? FileManager.default.removeItem(at: root) }
        XCTAssertEqual(errors(root).map { "\($0.rule) \($0.span)" }, [])
    }

    func testRaisingTheMinimumStaffingFlagsExactlyThePilotsBelowIt() throws {
        let root = try copyOfTheExampleNetwork()
        defer { try? FileManager.default.removeItem(at: root) }
        let modelFile = root.appendingPathComponent("model/model.yaml")
        let text = try String(contentsOf: modelFile, encoding: .utf8)
        let before = "    - role: business-advisor\n      minimum:\n        planned: 0\n        pilot: 1\n"
        XCTAssertTrue(text.contains(before))
        try Data(text.replacingOccurrences(of: before, with: before.replacingOccurrences(of: "pilot: 1", with: "pilot: 2")).utf8)
            .write(to: modelFile)
        let flagged = errors(root).map { "\($0.rule) \($0.span.file)" }
        // Sant Feliu's pilot has one business advisor, Cerdanyola's two; planned
        // municipalities are held to the planned minimum only.
        XCTAssertEqual(flagged, ["staffing-below-minimum seeds/sant-feliu-de-llobregat/staffing.yaml"])
    }
}
