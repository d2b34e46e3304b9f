import Foundation
import XCTest

/// `oae build` writes every output folder from one staging tree swapped in whole: a
/// killed or concurrent build leaves output/ wholly the old or wholly the new build, and
/// a missing template stops the check before any build.
final class BuildPipelineTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        let fm = FileManager.default
        root = fm.temporaryDirectory.appendingPathComponent("oae-pipeline-\(UUID().uuidString)")
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["model", "seeds", "templates"] {
            try fm.copyItem(at: TestPaths.packageRoot.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["SOURCE_DATE_EPOCH"] = "1764000000"
        env["OAE_PYTHON"] = root.appendingPathComponent("no-pdf-engine").path
        return env
    }

    func build(_ out: URL) throws -> ProcessResult {
        try runProcess(TestPaths.oaeBinary.path, ["build", "--root", root.path, "--out", out.path], environment: environment)
    }

    /// Every file under the output's build folders with a digest of its bytes.
    func snapshot(_ out: URL) -> [String: Int] {
        var files: [String: Int] = [:]
        for folder in ["handbooks", "data", "site"] {
            let base = out.appendingPathComponent(folder)
            for path in FileManager.default.subpaths(atPath: base.path) ?? [] {
                guard let data = FileManager.default.contents(atPath: base.appendingPathComponent(path).path) else { continue }
                var hasher = Hasher()
                hasher.combine(data)
                files["\(folder)/\(path)"] = hasher.finalize()
            }
        }
        return files
    }

    func changeTheTree() throws {
        let office = root.appendingPathComponent("seeds/molins-de-rei/office.yaml")
        let text = try String(contentsOf: office, encoding: .utf8)
        let changed = text.replacingOccurrences(of: "Oficina en preparació,", with: "Oficina en preparació des del 2026,")
        XCTAssertNotEqual(changed, text)
        try Data(changed.utf8).write(to: office)
    }

    func testKillsAtRandomMomentsLeaveTheOldOrTheNewOutputWhole() throws {
        let out = root.appendingPathComponent("output")
        let first = try build(out)
        XCTAssertEqual(first.status, 0, first.stderr)
        let old = snapshot(out)
        XCTAssertTrue(old.keys.contains("site/ca/index.html") && old.keys.contains("data/services.csv")
                      && old.keys.contains("handbooks/index.json"), "\(old.keys.sorted().prefix(5))")

        try changeTheTree()
        let reference = root.appendingPathComponent("output-new")
        let started = Date()
        XCTAssertEqual(try build(reference).status, 0)
        let duration = Date().timeIntervalSince(started)
        let new = snapshot(reference)
        XCTAssertNotEqual(new, old)

        var generator = SystemRandomNumberGenerator()
        var outcomes: [String] = []
        for _ in 0..<10 {
            let process = Process()
            process.executableURL = TestPaths.oaeBinary
            process.arguments = ["build", "--root", root.path, "--out", out.path]
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Up to the whole build's duration: some kills land in the site step.
            usleep(UInt32(Double.random(in: 0.05...max(0.1, duration), using: &generator) * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = snapshot(out)
            XCTAssertTrue(now == old || now == new, "a kill left a mixed output")
            outcomes.append(now == new ? "new" : "old")
        }
        // The next build finishes, and nothing of the killed ones is left beside output/.
        XCTAssertEqual(try build(out).status, 0)
        XCTAssertEqual(snapshot(out), new)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.contains(".staging-") }
        XCTAssertEqual(leftovers, [], "outcomes: \(outcomes)")
    }

    func testConcurrentBuildsNeverFailWithARawError() throws {
        let out = root.appendingPathComponent("output")
        var processes: [(Process, Pipe)] = []
        for _ in 0..<3 {
            let process = Process()
            process.executableURL = TestPaths.oaeBinary
            process.arguments = ["build", "--root", root.path, "--out", out.path]
            process.environment = environment
            let err = Pipe()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = err
            try process.run()
            processes.append((process, err))
        }
        var succeeded = 0
        for (process, err) in processes {
            let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            if process.terminationStatus == 0 { succeeded += 1; continue }
            XCTAssertEqual(process.terminationStatus, 1)
            XCTAssertTrue(text.contains("error: another build is running in \(out.path)"), text)
            XCTAssertFalse(text.contains("Domain="), text)
        }
        XCTAssertGreaterThanOrEqual(succeeded, 1)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("site/ca/index.html").path))
    }

    func testAMissingSiteTemplateFailsTheCheckAndTheBuildChangesNothing() throws {
        let out = root.appendingPathComponent("output")
        XCTAssertEqual(try build(out).status, 0)
        let before = snapshot(out)
        try FileManager.default.removeItem(at: root.appendingPathComponent("templates/site/progress.mustache"))
        let check = try runProcess(TestPaths.oaeBinary.path, ["check", "--root", root.path], environment: environment)
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stdout.contains(
            "templates/site/progress.mustache:1:1: error[template-missing]: the template 'progress' is missing\n"), check.stdout)
        try changeTheTree()
        let failed = try build(out)
        XCTAssertEqual(failed.status, 1)
        XCTAssertTrue(failed.stderr.contains("build stopped"), failed.stderr)
        XCTAssertEqual(snapshot(out), before, "no folder of output/ was replaced")
    }

    /// The site's stylesheet renamed: every page linked the old name and the site was built
    /// unstyled, without a word (session 43's trial). The check names the file the pages
    /// link, and the build stops.
    func testARenamedSiteStylesheetFailsTheCheck() throws {
        try FileManager.default.moveItem(at: root.appendingPathComponent("templates/site/assets/site.css"),
                                         to: root.appendingPathComponent("templates/site/assets/main.css"))
        let check = try runProcess(TestPaths.oaeBinary.path, ["check", "--root", root.path], environment: environment)
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stdout.contains(
            "templates/site/assets/site.css:1:1: error[template-missing]: templates/site/assets/site.css is missing: the site's pages link it by this name\n"
                + "  = help: restore templates/site/assets/site.css (the pages link it by this name; to change the look, edit it rather than rename it)\n"),
            check.stdout)
        let site = try runProcess(TestPaths.oaeBinary.path, ["build", "site", "--root", root.path, "--out", root.appendingPathComponent("output").path],
                                  environment: environment)
        XCTAssertEqual(site.status, 1, site.stderr)
    }

    /// A build checks the whole tree and the templates of the outputs it writes:
    /// `oae build site` does not render the handbooks, so a handbook template missing
    /// stops `oae check` and `oae build handbooks`, not the site (issue 13: parsing and
    /// checking the handbook's templates was 2% of a site build at 36 municipalities).
    func testABuildChecksTheTemplatesOfTheOutputsItWrites() throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent("templates/handbook/chapters/staffing.mustache"))
        let missing = "templates/handbook/chapters/staffing.mustache:1:1: error[template-missing]: the template 'chapters/staffing' is missing"
        let check = try runProcess(TestPaths.oaeBinary.path, ["check", "--root", root.path], environment: environment)
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stdout.contains(missing), check.stdout)
        let out = root.appendingPathComponent("output")
        let site = try runProcess(TestPaths.oaeBinary.path, ["build", "site", "--root", root.path, "--out", out.path], environment: environment)
        XCTAssertEqual(site.status, 0, site.stderr)
        XCTAssertFalse(site.stdout.contains("template-missing") || site.stderr.contains("template-missing"), site.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("site/ca/index.html").path))
        let handbooks = try runProcess(TestPaths.oaeBinary.path, ["build", "handbooks", "--root", root.path, "--out", out.path],
                                       environment: environment)
        XCTAssertEqual(handbooks.status, 1)
        XCTAssertTrue(handbooks.stderr.contains(missing) || handbooks.stdout.contains(missing), handbooks.stderr)
    }
}
