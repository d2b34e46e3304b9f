import Foundation
import XCTest

/// `oae build` is incremental (`output/.cache/build.json`): in a git repository of the
/// example tree, a build with nothing changed renders nothing and leaves every file in
/// place; a commit to one municipality's office re-renders only that municipality's
/// handbooks and PDFs, which carry that commit while the others keep theirs; a change to
/// the model re-renders them all. The counts are the build's own report.
final class IncrementalBuildTests: XCTestCase {
    var root: URL!
    var out: URL { root.appendingPathComponent("output") }

    override func setUpWithError() throws {
        let fm = FileManager.default
        root = fm.temporaryDirectory.appendingPathComponent("oae-incremental-\(UUID().uuidString)")
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["model", "seeds", "templates"] {
            try fm.copyItem(at: TestPaths.packageRoot.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        try git("init", "-q")
        try git("add", ".")
        try commit("the example tree", day: 1)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    @discardableResult
    func git(_ args: String..., date: String? = nil) throws -> String {
        var env = ProcessInfo.processInfo.environment
        if let date { env["GIT_COMMITTER_DATE"] = date; env["GIT_AUTHOR_DATE"] = date }
        let result = try runProcess("/usr/bin/git", ["-C", root.path, "-c", "user.name=Test", "-c",
                                                     "user.email=test@example.org", "-c", "commit.gpgsign=false"] + args,
                                    environment: env)
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Commits everything on day `day` of December 2025 (after the example's agreements are signed); the new revision.
    @discardableResult
    func commit(_ message: String, day: Int) throws -> String {
        try git("commit", "-qam", message, date: "2025-12-\(String(format: "%02d", day))T10:00:00Z")
        return try git("rev-parse", "HEAD")
    }

    func edit(_ path: String, _ old: String, _ new: String) throws {
        let url = root.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(text.contains(old), "\(path) has no '\(old)'")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
    }

    /// The build's report: its lines but the notes, the progress of the PDFs and the timing.
    func build(pdf: Bool = true, out: URL? = nil, binary: URL? = nil, asOf: String? = nil,
               file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["OAE_PAGEFIND"] = "off"
        env["OAE_PYTHON"] = pdf ? TestPaths.python : root.appendingPathComponent("no-python").path
        env.removeValue(forKey: "SOURCE_DATE_EPOCH")
        let result = try runProcess((binary ?? TestPaths.oaeBinary).path,
                                    ["build", "--root", root.path, "--out", (out ?? self.out).path] + (asOf.map { ["--as-of", $0] } ?? []),
                                    environment: env)
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        return result.stderr.split(separator: "\n").map(String.init)
            .filter { !$0.hasPrefix("note:") && !$0.hasPrefix("built ") && !($0.hasPrefix("PDF ") && $0.contains("/")) }
    }

    /// The inode of every file of the build's folders in `out`, by path.
    func inodes(_ out: URL? = nil) -> [String: UInt64] {
        let out = out ?? self.out
        var found: [String: UInt64] = [:]
        for folder in ["handbooks", "data", "site"] {
            let base = out.appendingPathComponent(folder)
            for path in FileManager.default.subpaths(atPath: base.path) ?? [] {
                var st = stat()
                guard stat(base.appendingPathComponent(path).path, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { continue }
                found["\(folder)/\(path)"] = UInt64(st.st_ino)
            }
        }
        return found
    }

    func controlPage(_ municipality: String) throws -> String {
        try String(contentsOf: out.appendingPathComponent("handbooks/\(municipality)/ca/handbook.html"), encoding: .utf8)
    }

    func testOnlyTheHandbooksWhoseInputsChangedAreRenderedAgain() throws {
        guard TestPaths.python != "/usr/bin/env" else { return XCTFail("the project's Python is missing: run scripts/setup.sh") }
        let first = try git("rev-parse", "HEAD")
        XCTAssertEqual(try build(), ["PDF: 12 rendered, 0 reused", "handbooks: 12 rendered, 0 reused",
                                     "data: 1 rendered, 0 reused (16 files in data/)",
                                     "site: 1 rendered, 0 reused (272 pages in site/)"])
        let cold = inodes()
        XCTAssertEqual(cold.keys.filter { $0.hasPrefix("handbooks/") && $0.hasSuffix("handbook.pdf") }.count, 12)

        // Nothing changed: nothing rendered, nothing written.
        XCTAssertEqual(try build(), ["handbooks: 0 rendered, 12 reused", "data: 0 rendered, 1 reused", "site: 0 rendered, 1 reused"])
        XCTAssertEqual(inodes(), cold)

        // A commit to one office: its three handbooks, and no other, are rendered again.
        try edit("seeds/molins-de-rei/office.yaml", "Oficina en preparació,", "Oficina en preparació des del 2026,")
        let second = try commit("Molins de Rei: the office's description", day: 2)
        XCTAssertEqual(try build(), ["PDF: 3 rendered, 0 reused", "handbooks: 3 rendered, 9 reused",
                                     "data: 1 rendered, 0 reused (16 files in data/)",
                                     "site: 1 rendered, 0 reused (272 pages in site/)"])
        let afterOffice = inodes()
        for (path, inode) in cold where path.hasPrefix("handbooks/") && path != "handbooks/index.json" {
            if path.hasPrefix("handbooks/molins-de-rei/") {
                XCTAssertNotEqual(afterOffice[path], inode, path)
            } else {
                XCTAssertEqual(afterOffice[path], inode, "\(path) was written again")
            }
        }
        // Each handbook carries the last commit of its own inputs, and its date.
        XCTAssertTrue(try controlPage("molins-de-rei").contains("<code>\(second.prefix(12))</code>"))
        XCTAssertTrue(try controlPage("molins-de-rei").contains("2 de desembre de 2025"))
        XCTAssertTrue(try controlPage("sant-feliu-de-llobregat").contains("<code>\(first.prefix(12))</code>"))
        XCTAssertTrue(try controlPage("sant-feliu-de-llobregat").contains("1 de desembre de 2025"))
        let office = try String(contentsOf: out.appendingPathComponent("site/ca/offices/sant-feliu-de-llobregat.html"), encoding: .utf8)
        XCTAssertTrue(office.contains("title=\"\(first)\">\(first.prefix(7))</span>"), "an office page carries its own revision")

        // An uncommitted change says so, on the handbooks that read it only.
        try edit("seeds/molins-de-rei/office.yaml", "des del 2026,", "des de l'any 2026,")
        XCTAssertEqual(try build().prefix(2), ["PDF: 3 rendered, 0 reused", "handbooks: 3 rendered, 9 reused"])
        XCTAssertTrue(try controlPage("molins-de-rei").contains("<code>\(second.prefix(12))</code> <span class=\"muted\">(amb canvis sense confirmar)</span>"))
        XCTAssertFalse(try controlPage("sant-feliu-de-llobregat").contains("amb canvis sense confirmar"))

        // A change to the model: every handbook.
        try edit("model/model.yaml", "version: ", "version:  ")
        try commit("the model, and Molins de Rei", day: 3)
        XCTAssertEqual(try build().prefix(2), ["PDF: 12 rendered, 0 reused", "handbooks: 12 rendered, 0 reused"])

        // Then a build without Typst (a shell without OAE_PYTHON): the PDFs of the last
        // build are not in its output, and it says so as a warning naming them (the trial
        // of session 31: a note said only that the handbooks were HTML). The build's
        // OAE_PYTHON names a file that is not there, and the warning says so (session 35).
        let without = try build(pdf: false)
        XCTAssertEqual(without.count, 4, "\(without)")
        XCTAssertTrue(without[0].hasPrefix("warning: Typst was not found, so the handbooks were built as HTML only: the PDFs of 12 handbooks "
                                           + "the last build made (cerdanyola-del-valles/ca, cerdanyola-del-valles/es, cerdanyola-del-valles/en, …) are not in this output; "
                                           + "OAE_PYTHON names \(root.appendingPathComponent("no-python").path), which does not exist: unset it, "
                                           + "or set it to a Python that has typst (scripts/setup.sh makes .venv/ with it)"), without[0])
        XCTAssertTrue(without[0].hasSuffix("; `oae build --require-pdf` stops instead of leaving them out"), without[0])
        XCTAssertEqual(without[1], "handbooks: 12 rendered, 0 reused")
        XCTAssertEqual(inodes().keys.filter { $0.hasSuffix("handbook.pdf") }, [])
        // The next build without Typst reuses the HTML handbooks, and has no PDF to leave out.
        XCTAssertEqual(try build(pdf: false).first, "handbooks: 0 rendered, 12 reused")
    }

    /// A build by another oae (a new version, or the same one rebuilt) renders every unit
    /// again, though no input changed: what the program changes in its outputs (a layout, a
    /// fix) must reach them. It then reuses its own.
    func testABuildByAnotherBinaryRendersEveryUnitAgain() throws {
        let cold = try build(pdf: false)
        XCTAssertEqual(cold.first, "handbooks: 12 rendered, 0 reused")
        let reused = ["handbooks: 0 rendered, 12 reused", "data: 0 rendered, 1 reused", "site: 0 rendered, 1 reused"]
        XCTAssertEqual(try build(pdf: false), reused)
        let other = root.appendingPathComponent("another-oae")
        try FileManager.default.copyItem(at: TestPaths.oaeBinary, to: other)
        XCTAssertEqual(try build(pdf: false, binary: other), cold)
        XCTAssertEqual(try build(pdf: false, binary: other), reused)
    }

    /// A handbook whose inputs did not change is rendered again when the tree's day passes
    /// a change of state of an agreement its office relies on (`BuildInput.recordStateDay`):
    /// Cerdanyola's referral protocol and Sant Feliu's PAE registration, signed at the end of
    /// March 2026, are in force in a tree committed in April.
    func testAHandbookIsRenderedAgainWhenOneOfItsAgreementsChangesState() throws {
        XCTAssertEqual(try build(pdf: false).first, "handbooks: 12 rendered, 0 reused")
        try edit("seeds/molins-de-rei/office.yaml", "Oficina en preparació,", "Oficina en preparació des del 2026,")
        try git("commit", "-qam", "Molins de Rei: the office's description", date: "2026-04-01T10:00:00Z")
        XCTAssertEqual(try build(pdf: false).first, "handbooks: 9 rendered, 3 reused")
        let cerdanyola = try String(contentsOf: out.appendingPathComponent("handbooks/cerdanyola-del-valles/ca/handbook.html"), encoding: .utf8)
        XCTAssertTrue(cerdanyola.contains("L’estat de cada conveni és el del 30 de març de 2026."), cerdanyola)
        XCTAssertEqual(try build(pdf: false).first, "handbooks: 0 rendered, 12 reused")
    }

    /// A build given another `--as-of` renders every unit again (the outputs tell states as
    /// of it, `BuildInput.stateDay`) and says so; the same day again reuses them.
    func testABuildAsOfAnotherDayRendersEveryUnitAgain() throws {
        let cold = try build(pdf: false)
        let reused = ["handbooks: 0 rendered, 12 reused", "data: 0 rendered, 1 reused", "site: 0 rendered, 1 reused"]
        XCTAssertEqual(try build(pdf: false), reused)
        let asOf = try build(pdf: false, asOf: "2026-11-25")
        XCTAssertEqual(asOf.first, "oae: states are told as of 2026-11-25 (--as-of): agreements, overdue follow-up issues, posts filled and training done; the source's date stays 2025-12-01")
        XCTAssertEqual(Array(asOf.dropFirst()), cold)
        XCTAssertTrue(try String(contentsOf: out.appendingPathComponent("site/ca/agreements/index.html"), encoding: .utf8)
            .contains("a data de 25 de novembre de 2026"))
        XCTAssertEqual(try build(pdf: false, asOf: "2026-11-25").dropFirst().map { $0 }, reused)
        XCTAssertEqual(try build(pdf: false), cold)
    }

    /// `oae build site` links the handbooks already in the output; when they were built
    /// from another state of the tree, by another oae or as of another day, it says how
    /// many (session 28: `oae build handbooks --as-of` then `oae build site` mixed the days
    /// without a word). Those of an office edited since, and no other, are counted.
    func testASiteBuildSaysHowManyOfTheHandbooksItLinksAreOfAnotherTreeOrDay() throws {
        func siteNote(_ arguments: [String] = [], out: URL? = nil) throws -> [String] {
            var env = ProcessInfo.processInfo.environment
            env["NO_COLOR"] = "1"
            env["OAE_PAGEFIND"] = "off"
            env["OAE_PYTHON"] = root.appendingPathComponent("no-python").path
            let result = try runProcess(TestPaths.oaeBinary.path, ["build", "site", "--root", root.path, "--out", (out ?? self.out).path] + arguments,
                                        environment: env)
            XCTAssertEqual(result.status, 0, result.stderr)
            return result.stderr.split(separator: "\n").map(String.init).filter { $0.contains("handbooks") && $0.hasPrefix("note:") }
        }
        // A change to the model committed on 2026-11-25: every handbook is of that day, and
        // tells its records' states as of it.
        try edit("model/model.yaml", "version: ", "version:  ")
        try git("commit", "-qam", "the model", date: "2026-11-25T10:00:00Z")
        XCTAssertEqual(try build(pdf: false).first, "handbooks: 12 rendered, 0 reused")
        XCTAssertEqual(try siteNote(), [])
        // The tree's own day given as --as-of: the same handbooks (they were all "as of
        // another day" in the trial of session 30).
        XCTAssertEqual(try siteNote(["--as-of", "2026-11-25"]), [])
        XCTAssertEqual(try siteNote(["--as-of", "2026-11-26"]), [
            "note: 12 of the 12 handbooks the site links (cerdanyola-del-valles/ca, cerdanyola-del-valles/en, cerdanyola-del-valles/es, …) were built from another state of the tree, by another build of oae or as of another day; `oae build --as-of 2026-11-26` builds them again with the site",
        ])
        try edit("seeds/molins-de-rei/office.yaml", "Oficina en preparació,", "Oficina en preparació des del 2026,")
        XCTAssertEqual(try siteNote(), [
            "note: 3 of the 12 handbooks the site links (molins-de-rei/ca, molins-de-rei/en, molins-de-rei/es) were built from another state of the tree, by another build of oae or as of another day; `oae build` builds them again with the site",
        ])
        XCTAssertEqual(try build(pdf: false).first, "handbooks: 3 rendered, 9 reused")
        XCTAssertEqual(try siteNote(), [])
        // Handbooks missing from the output: one municipality's alone were built there.
        let other = root.appendingPathComponent("other-output")
        var env = ProcessInfo.processInfo.environment
        env["OAE_PYTHON"] = root.appendingPathComponent("no-python").path
        XCTAssertEqual(try runProcess(TestPaths.oaeBinary.path, ["build", "handbooks", "molins-de-rei", "--root", root.path, "--out", other.path],
                                      environment: env).status, 0)
        XCTAssertEqual(try siteNote(out: other), [
            "note: 9 of the tree's 12 handbooks are not in the output, so the site does not link them; `oae build` builds them with the site",
        ])
    }

    /// An incremental build writes the same bytes as a cold one (without PDFs, whose
    /// bytes the PDF tests check).
    func testAnIncrementalBuildWritesWhatAColdBuildWrites() throws {
        let cold = root.appendingPathComponent("cold")
        XCTAssertEqual(try build(pdf: false).last, "site: 1 rendered, 0 reused (272 pages in site/)")
        try edit("seeds/molins-de-rei/office.yaml", "Oficina en preparació,", "Oficina en preparació des del 2026,")
        try commit("Molins de Rei: the office's description", day: 2)
        XCTAssertEqual(try build(pdf: false).first, "handbooks: 3 rendered, 9 reused")
        XCTAssertEqual(try build(pdf: false, out: cold).first, "handbooks: 12 rendered, 0 reused")
        let incremental = try snapshot(out)
        // 12 handbooks and index.json, 15 data files (no spreadsheet without Python), 306 files of the site.
        XCTAssertEqual(incremental.count, 13 + 15 + 306)
        XCTAssertEqual(incremental, try snapshot(cold))
    }

    /// The bytes of every file of the build's folders in `out`, by path.
    func snapshot(_ out: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for (path, _) in inodes(out) {
            files[path] = try Data(contentsOf: out.appendingPathComponent(path))
        }
        return files
    }
}
