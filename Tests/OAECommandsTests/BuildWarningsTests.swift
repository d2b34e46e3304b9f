import Foundation
import XCTest

/// A build shows no warnings but says how many the tree has, whether it checked the tree
/// or replayed the last build's check (a fresh user read "0 warnings" where `oae check`
/// found 23).
final class BuildWarningsTests: XCTestCase {
    func testABuildSaysHowManyWarningsTheCheckFoundAlsoWhenReplayed() throws {
        let root = try TestPaths.networkCopy("oae-build-warnings")
        defer { try? FileManager.default.removeItem(at: root) }
        // One warning: a translation without its original.
        try "---\nname: Orphan\n---\n\nText.\n".write(to: root.appendingPathComponent("model/services/no-such-service.en.md"),
                                                       atomically: true, encoding: .utf8)
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["OAE_PAGEFIND"] = "off"
        env["OAE_PYTHON"] = "/nonexistent"
        let check = try runProcess(TestPaths.oaeBinary.path, ["check", "--root", root.path, "--as-of", "2026-11-25"], environment: env)
        XCTAssertEqual(check.status, 0, check.stdout)
        let summary = try XCTUnwrap(check.stdout.split(separator: "\n").last)
        XCTAssertTrue(summary.hasPrefix("0 errors, 1 warning in "), summary.description)
        let out = root.appendingPathComponent("output")
        for round in 0..<2 {
            // Wait past the replay's settling time so that the second build may replay the first's check.
            Thread.sleep(forTimeInterval: 2.1)
            let build = try runProcess(TestPaths.oaeBinary.path, ["build", "site", "--root", root.path, "--out", out.path, "--as-of", "2026-11-25"],
                                       environment: env)
            XCTAssertEqual(build.status, 0, build.stderr)
            XCTAssertTrue(build.stderr.contains("\nnote: the tree has 1 warning; `oae check` lists them\nbuilt "), build.stderr)
            // Search turned off is said as such, not as Pagefind missing (a replayed build repeats neither).
            if round == 0 {
                XCTAssertTrue(build.stderr.contains("note: search is off (OAE_PAGEFIND=off); the site is built without search\n"), build.stderr)
            }
            XCTAssertFalse(build.stderr.contains("Pagefind was not found"), build.stderr)
        }
    }
}
