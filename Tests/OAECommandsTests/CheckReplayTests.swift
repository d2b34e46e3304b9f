import Diagnostics
import Model
import Foundation
@testable import OAECommands
import Outputs
import Publishing
import XCTest

/// A warm `oae build` replays the check of the build that wrote the output when nothing
/// it reads changed (`CheckReplay`), and checks again after any change: a file edited,
/// added or removed, another day, another binary, other settings, a file changed too
/// recently for its stamp. Whether the tree was checked is the build's own count.
final class CheckReplayTests: XCTestCase {
    var root: URL!
    var out: URL { root.appendingPathComponent("output") }
    /// Later than every file's last change: the stamps are settled.
    var later: Date { Date().addingTimeInterval(60) }

    override func setUpWithError() throws { root = try TestPaths.networkCopy("oae-check-replay") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    var settings: BuildSettings {
        var settings = BuildSettings()
        settings.environment = ["PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": "1764000000", "OAE_PAGEFIND": "off",
                                "OAE_PYTHON": root.appendingPathComponent("no-python").path]
        return settings
    }

    func build(asOf: Day? = nil, tool: String = "oae test binary", now: Date? = nil, settings: BuildSettings? = nil,
               file: StaticString = #filePath, line: UInt = #line) throws -> BuildRun.Outcome {
        try BuildRun.run(root: root, out: out, asOf: asOf, steps: OutputSteps.all, settings: settings ?? self.settings,
                         tool: tool, now: now ?? later)
    }

    func inode(_ path: String) -> UInt64 {
        var st = stat()
        XCTAssertEqual(stat(out.appendingPathComponent(path).path, &st), 0, path)
        return UInt64(st.st_ino)
    }

    // What the builds of these settings say of a tool that is not there (no Python, search off).
    let typst = "note: Typst was not found, so the handbooks were built as HTML only; to get PDFs, run scripts/setup.sh "
        + "(it installs the typst Python package into .venv/), or `pip install typst`, or set OAE_PYTHON to a Python that has it"
    let python = "note: Python was not found, open-data.ods was not written: run scripts/setup.sh (it installs odfpy into .venv/), "
        + "or `pip install odfpy`, or set OAE_PYTHON to a Python that has it"
    let search = "note: search is off (OAE_PAGEFIND=off); the site is built without search"

    /// A kept output's lines: each step's notes, as its rendering said them, then its line.
    var kept: [String] {
        [typst, "handbooks: 0 rendered, 4 reused", python, "data: 0 rendered, 1 reused", search, "site: 0 rendered, 1 reused"]
    }

    /// A replayed `oae build site` says again what the first said of the handbooks it links
    /// (session 41's trial: a replay dropped the note, the handbooks still not built).
    func testAReplayedSiteBuildRepeatsItsNotes() throws {
        let steps = OutputSteps.named([OpenDataStep.folderName, SiteStep().name])
        let note = "note: 4 of the tree's 4 handbooks are not in the output, so the site does not link them; `oae build` builds them with the site"
        let first = try BuildRun.run(root: root, out: out, asOf: nil, steps: steps, settings: settings, tool: "oae test binary", now: later)
        XCTAssertTrue(first.checked)
        XCTAssertEqual(first.lines, [python, "data: 1 rendered, 0 reused (13 files in data/)",
                                     note, search, "site: 1 rendered, 0 reused (70 pages in site/)"])
        let again = try BuildRun.run(root: root, out: out, asOf: nil, steps: steps, settings: settings, tool: "oae test binary", now: later)
        XCTAssertFalse(again.checked, "replayed")
        XCTAssertEqual(again.lines, [python, "data: 0 rendered, 1 reused", note, search, "site: 0 rendered, 1 reused"])
    }

    /// A site kept in a build that renders another step again says what a rendered site
    /// would (session 41's leftover: its line came alone): a handbook's file removed from
    /// the output is rendered again, its key unchanged, so the site that links it is kept.
    func testASiteKeptBesideAStepRenderedAgainSaysItsNotes() throws {
        XCTAssertTrue(try build().checked)
        try FileManager.default.removeItem(at: out.appendingPathComponent("handbooks/molins-de-rei/ca/handbook.html"))
        let again = try build()
        XCTAssertEqual(again.lines, [typst, "handbooks: 1 rendered, 3 reused", python, "data: 0 rendered, 1 reused",
                                     search, "site: 0 rendered, 1 reused"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("handbooks/molins-de-rei/ca/handbook.html").path))
    }

    func testAWarmBuildReplaysTheCheckUntilAnInputChanges() throws {
        XCTAssertTrue(try build().checked, "a cold build checks")
        let record = BuildRecord.read(out: out)
        XCTAssertEqual(record.check?.lines, kept)
        XCTAssertEqual(record.check?.files.count, 6, "4 handbooks, the data's catalogue, the site's index")
        // The warnings it keeps are the check's (as of the day of its dates, not a day given).
        let diagnostics = CheckRun.checked(root: root, asOf: Day(unixSeconds: 1_764_000_000), asOfGiven: false).diagnostics
        XCTAssertEqual(record.check?.warnings, JSONReport.compact(diagnostics))
        let page = inode("site/ca/index.html")

        // Nothing changed: replayed, nothing written.
        let warm = try build()
        XCTAssertFalse(warm.checked)
        XCTAssertEqual(warm.lines, kept)
        XCTAssertEqual(inode("site/ca/index.html"), page)
        XCTAssertEqual(BuildRecord.read(out: out), record)

        // Another day, another binary, other settings: checked (each keeps every unit).
        XCTAssertTrue(try build(asOf: Day("2026-12-01")).checked)
        XCTAssertTrue(try build(tool: "another oae").checked)
        var other = settings
        other.environment["OAE_TEMPLATE_ENGINE"] = "swift-mustache"
        XCTAssertTrue(try build(settings: other).checked)
        // The last of them recorded its key.
        XCTAssertFalse(try build(settings: other).checked)
        XCTAssertTrue(try build().checked)
        XCTAssertFalse(try build().checked)

        // A file edited: checked, its handbooks rendered again; then replayed.
        let office = root.appendingPathComponent("seeds/molins-de-rei/office.yaml")
        let text = try String(contentsOf: office, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "{ca: OAE de Molins de Rei,", with: "{ca: OAE de Molins de Rei i rodalia,").utf8)
            .write(to: office)
        let edited = try build()
        XCTAssertTrue(edited.checked)
        // (With Typst installed, a line on the PDFs comes first.)
        XCTAssertEqual(edited.lines.first { $0.hasPrefix("handbooks:") }, "handbooks: 2 rendered, 2 reused")
        XCTAssertFalse(try build().checked)

        // The same bytes written again (a new change time, same size): checked, nothing rendered.
        try Data(try Data(contentsOf: office)).write(to: office)
        let rewritten = try build()
        XCTAssertTrue(rewritten.checked)
        XCTAssertEqual(rewritten.lines, kept)
        XCTAssertFalse(try build().checked)

        // A file added, then removed: checked each time.
        let extra = root.appendingPathComponent("templates/site/assets/extra.css")
        try Data("body { margin: 0 }\n".utf8).write(to: extra)
        XCTAssertTrue(try build().checked)
        XCTAssertFalse(try build().checked)
        try FileManager.default.removeItem(at: extra)
        XCTAssertTrue(try build().checked)
        XCTAssertFalse(try build().checked)

        // A unit's file gone from the output: checked, the site written again.
        try FileManager.default.removeItem(at: out.appendingPathComponent("site/index.html"))
        let repaired = try build()
        XCTAssertTrue(repaired.checked)
        XCTAssertEqual(repaired.lines.last?.hasPrefix("site: 1 rendered, 0 reused"), true)
    }

    /// A file changed within `CheckReplay.settle` of the walk may change again without
    /// changing its stamp: such a build records no key, so the next one checks.
    func testABuildRightAfterAChangeRecordsNothingToReplay() throws {
        // Half a second after the tree's last change (not the clock: on a loaded machine the
        // copy of the tree may be older than `settle` by the time the build walks it).
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.contentModificationDateKey])!
        let newest = files.compactMap { ($0 as? URL).flatMap { try? $0.resourceValues(forKeys: [.contentModificationDateKey]) }?
            .contentModificationDate }.max()!
        let rightAfter = newest.addingTimeInterval(0.5)
        XCTAssertTrue(try build(now: rightAfter).checked)
        XCTAssertNil(BuildRecord.read(out: out).check)
        XCTAssertTrue(try build(now: rightAfter).checked)
        XCTAssertNil(BuildRecord.read(out: out).check)
        // Later, the stamps settled: the (unchanged) build records its key, the next replays.
        XCTAssertTrue(try build().checked)
        XCTAssertNotNil(BuildRecord.read(out: out).check)
        XCTAssertFalse(try build().checked)
    }

    /// A tree with errors is always checked (a failed build records nothing).
    func testATreeWithErrorsIsCheckedEveryTime() throws {
        XCTAssertTrue(try build().checked)
        let office = root.appendingPathComponent("seeds/molins-de-rei/office.yaml")
        let text = try String(contentsOf: office, encoding: .utf8)
        try Data((text + "\nno_such_field: 1\n").utf8).write(to: office)
        for _ in 0..<2 {
            XCTAssertThrowsError(try build()) { XCTAssertTrue($0 is BuildRun.CheckFailed, "\($0)") }
        }
    }
}
