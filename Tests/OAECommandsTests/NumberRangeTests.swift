import Foundation
import XCTest

/// A number the tree cannot hold (beyond ±(2^53 − 1), infinite) is one error on its
/// token, and neither `oae check` nor a build stops on it otherwise (a fresh user's
/// 1e400 and 99999999999999999999 crashed the check's budget rule and the build).
final class NumberRangeTests: XCTestCase {
    func testHugeNumbersAreOneErrorEachAndNothingCrashes() throws {
        let root = try TestPaths.networkCopy("oae-numbers")
        defer { try? FileManager.default.removeItem(at: root) }
        // One warning: a translation without its original.
        try "---\nname: Orphan\n---\n\nText.\n".write(to: root.appendingPathComponent("model/services/no-such-service.en.md"),
                                                       atomically: true, encoding: .utf8)
        let office = root.appendingPathComponent("seeds/sant-feliu-de-llobregat")
        try replace("      yearly_cost: 52000", with: "      yearly_cost: 1e400", in: office.appendingPathComponent("budgets/2026.yaml"))
        try replace("    value: 110", with: "    value: 99999999999999999999", in: office.appendingPathComponent("reports/2026-q2.yaml"))
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        let check = try runProcess(TestPaths.oaeBinary.path, ["check", "--root", root.path, "--format", "github", "--as-of", "2026-11-25"],
                                   environment: env)
        XCTAssertEqual(check.status, 1, check.stderr)
        let lines = check.stdout.split(separator: "\n").filter {
            $0.contains("budgets/2026.yaml,line=6,") || $0.contains("reports/2026-q2.yaml,line=8,")
        }
        let help = "%0Ahelp: write a number within ±9007199254740991, or quote the value if it is a code, not an amount"
        XCTAssertEqual(lines, [
            "::error file=seeds/sant-feliu-de-llobregat/budgets/2026.yaml,line=6,col=20,endLine=6,endColumn=25,title=yaml-number-range::'1e400' is too large: numbers in a tree stay within ±9007199254740991 (2^53 − 1, the range JSON readers keep exactly)" + help,
            "::error file=seeds/sant-feliu-de-llobregat/reports/2026-q2.yaml,line=8,col=12,endLine=8,endColumn=32,title=yaml-number-range::'99999999999999999999' is too large: numbers in a tree stay within ±9007199254740991 (2^53 − 1, the range JSON readers keep exactly)" + help,
        ])
        let out = root.appendingPathComponent("output")
        let build = try runProcess(TestPaths.oaeBinary.path, ["build", "site", "--root", root.path, "--out", out.path, "--as-of", "2026-11-25"],
                                   environment: env)
        XCTAssertEqual(build.status, 1, build.stderr)
        // The refused build counts what the check counts, the warnings it does not show included.
        let text = try runProcess(TestPaths.oaeBinary.path, ["check", "--root", root.path, "--as-of", "2026-11-25"], environment: env)
        let summary = try XCTUnwrap(text.stdout.split(separator: "\n").last)
        XCTAssertTrue(summary.hasPrefix("2 errors, "), summary.description)
        XCTAssertTrue(build.stderr.hasSuffix("""
            \(summary) (the warnings are not shown here: `oae check` lists them)
            build stopped: fix the errors above; output/ is unchanged

            """), build.stderr)
    }

    /// An amount of money is at most a thousand million euros (`common.schema.yaml#/$defs/amount`),
    /// so that every sum of the outputs stays exact to the cent; the bound itself is allowed.
    func testAnAmountPastAThousandMillionEurosIsAnErrorOnItsToken() throws {
        let root = try TestPaths.networkCopy("oae-amounts")
        defer { try? FileManager.default.removeItem(at: root) }
        let budget = root.appendingPathComponent("seeds/sant-feliu-de-llobregat/budgets/2026.yaml")
        try replace("      yearly_cost: 52000", with: "      yearly_cost: 1000000000.01", in: budget)
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        let check = try runProcess(TestPaths.oaeBinary.path, ["check", "--root", root.path, "--format", "github", "--as-of", "2026-11-25"],
                                   environment: env)
        XCTAssertEqual(check.status, 1, check.stderr)
        let lines = check.stdout.split(separator: "\n").filter { $0.hasPrefix("::error ") }
        XCTAssertEqual(lines.count, 1, check.stdout)
        XCTAssertTrue(lines.first?.hasPrefix("::error file=seeds/sant-feliu-de-llobregat/budgets/2026.yaml,line=6,col=20,endLine=6,endColumn=33,") == true,
                      check.stdout)
        XCTAssertTrue(lines.first?.contains("1000000000") == true, check.stdout)
        try replace("      yearly_cost: 1000000000.01", with: "      yearly_cost: 1000000000", in: budget)
        let atTheBound = try runProcess(TestPaths.oaeBinary.path, ["check", "--root", root.path, "--format", "github", "--as-of", "2026-11-25"],
                                        environment: env)
        XCTAssertFalse(atTheBound.stdout.contains("::error file=seeds/sant-feliu-de-llobregat/budgets/2026.yaml,line=6,"), atTheBound.stdout)
    }

    func replace(_ old: String, with new: String, in file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(text.contains(old), "\(file.lastPathComponent) has no '\(old)'")
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }
}
