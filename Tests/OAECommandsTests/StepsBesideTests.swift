import Diagnostics
import Foundation
import Model
@testable import OAECommands
import Outputs
import Publishing
import Rendering
import XCTest

/// A step that runs beside an earlier one (`OutputStep.runsBeside`: the open data beside
/// the handbooks, the site beside the open data) starts while that step writes, reads its
/// folder only once it is written (`OutputTree.written`), and a build in which the earlier
/// step fails reports that step's own error and leaves the output as it was.
final class StepsBesideTests: XCTestCase {
    var root: URL!
    var out: URL { root.appendingPathComponent("output") }

    override func setUpWithError() throws { root = try TestPaths.networkCopy("oae-steps-beside") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    /// Whether the later step has started, for the earlier one to wait on.
    final class Meeting: @unchecked Sendable {
        let laterStarted = DispatchSemaphore(value: 0)
    }

    /// Writes `first/made`, after waiting (at most 20 s) for the later step to start; says
    /// whether it did. `fails`: throws instead of writing.
    struct Earlier: OutputStep {
        let name = "first"
        let summary = "the earlier step"
        let templateFolder: String? = nil
        let meeting: Meeting
        var fails = false

        func check(_ network: Network) -> [Diagnostic] { [] }

        func write(_ input: BuildInput, into tree: OutputTree, settings: BuildSettings) throws -> [String] {
            let folder = try tree.folder(name)
            let met = meeting.laterStarted.wait(timeout: .now() + 20) == .success
            if fails { throw OutputError.step(name: name, message: "it broke") }
            try Data("written".utf8).write(to: folder.appendingPathComponent("made"))
            return ["first: the later step had \(met ? "started" : "not started")"]
        }
    }

    /// Runs beside `first`: starts, then reads `first/made` once `first` is written.
    struct Later: OutputStep {
        let name = "second"
        let summary = "the later step"
        let templateFolder: String? = nil
        let meeting: Meeting
        var runsBeside: Set<String> { ["first"] }

        func check(_ network: Network) -> [Diagnostic] { [] }

        func write(_ input: BuildInput, into tree: OutputTree, settings: BuildSettings) throws -> [String] {
            _ = try tree.folder(name)
            meeting.laterStarted.signal()
            try tree.written("first")
            let made = try String(contentsOf: tree.staging.appendingPathComponent("first/made"), encoding: .utf8)
            return ["second: read \(made)"]
        }
    }

    func input() throws -> BuildInput {
        let (_, diagnostics, input) = BuildOptions.load(root: root, asOf: nil, announce: false)
        return try XCTUnwrap(input, "\(diagnostics.filter { $0.severity == .error })")
    }

    func testALaterStepRunsBesideAndReadsTheEarlierOneOnceWritten() throws {
        let meeting = Meeting()
        let report = try BuildPipeline.run(try input(), out: out, steps: [Earlier(meeting: meeting), Later(meeting: meeting)])
        XCTAssertEqual(report.lines, ["first: the later step had started", "second: read written"])
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("first/made"), encoding: .utf8), "written")
    }

    func testAnEarlierStepThatFailsIsTheErrorAndTheOutputStaysAsItWas() throws {
        let meeting = Meeting()
        let built = try input()
        _ = try BuildPipeline.run(built, out: out, steps: [Earlier(meeting: meeting), Later(meeting: meeting)])
        XCTAssertThrowsError(try BuildPipeline.run(built, out: out, steps: [Earlier(meeting: meeting, fails: true), Later(meeting: meeting)])) {
            XCTAssertEqual("\($0)", "first: it broke")
        }
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("first/made"), encoding: .utf8), "written")
        let left = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.contains(".output.staging-") }
        XCTAssertEqual(left, [], "the staging folder is removed")
    }
}
