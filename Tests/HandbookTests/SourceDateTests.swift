import Foundation
import Model
import Tools
import XCTest

/// Where the dates of the outputs come from: SOURCE_DATE_EPOCH, else the last commit,
/// else today, never 1 January 1970; and a line on stderr when it is not the commit.
final class SourceDateTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = try HandbookTestSupport.fixtureTree()
    }

    override func tearDown() { try? FileManager.default.removeItem(at: root) }

    func testATreeOutsideGitBuildsWithTodaysDate() throws {
        var env = ProcessInfo.processInfo.environment
        env["SOURCE_DATE_EPOCH"] = nil
        env["NO_COLOR"] = "1"
        env["OAE_PAGEFIND"] = "off"
        env["OAE_PYTHON"] = "/nonexistent/python"
        let out = root.appendingPathComponent("output")
        let today = Day(unixSeconds: Int(Date().timeIntervalSince1970))
        let build = try HandbookTestSupport.run(HandbookTestSupport.oaeBinary.path, ["build", "--root", root.path, "--out", out.path],
                                                environment: env)
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertTrue(build.stderr.hasPrefix("oae: dates are today's (\(today)): the tree has no commit (set SOURCE_DATE_EPOCH to choose)\n"),
                      build.stderr)
        let sitemap = try String(contentsOf: out.appendingPathComponent("site/sitemap.xml"), encoding: .utf8)
        XCTAssertTrue(sitemap.contains("<lastmod>\(today)</lastmod>"), sitemap)
        XCTAssertFalse(sitemap.contains("1970"))
        let handbook = try String(contentsOf: out.appendingPathComponent("handbooks/sant-feliu-de-llobregat/ca/handbook.html"), encoding: .utf8)
        XCTAssertFalse(handbook.contains("1970"))
        XCTAssertTrue(handbook.contains("<meta name=\"dcterms.created\" content=\"\(today)T00:00:00Z\">"))
        let page = try String(contentsOf: out.appendingPathComponent("site/ca/index.html"), encoding: .utf8)
        XCTAssertFalse(page.contains("1970"))
    }

    func testSourceDateEpochThenTheCommitThenToday() throws {
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        let outside = SourceInfo.read(root: root, environment: [:], now: now)
        XCTAssertEqual(outside, SourceInfo(revision: "unversioned", epoch: 1_789_948_800, dateOrigin: .today))
        XCTAssertEqual(outside.dateNote, "dates are today's (2026-09-21): the tree has no commit (set SOURCE_DATE_EPOCH to choose)")

        let fixed = SourceInfo.read(root: root, environment: ["SOURCE_DATE_EPOCH": "1764000000"], now: now)
        XCTAssertEqual(fixed.epoch, 1_764_000_000)
        XCTAssertEqual(fixed.dateNote, "dates are those of SOURCE_DATE_EPOCH (2025-11-24)")

        // A repository without a commit yet is like no repository.
        XCTAssertEqual(Git.run(["init", "-q"], in: root)?.status, 0)
        XCTAssertEqual(SourceInfo.read(root: root, environment: [:], now: now).dateOrigin, .today)
        XCTAssertEqual(Git.run(["add", "-A"], in: root)?.status, 0)
        let commit = Git.run(["-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "x"],
                           in: root)
        XCTAssertEqual(commit?.status, 0, commit?.stderr ?? "")
        let committed = SourceInfo.read(root: root, environment: [:], now: now)
        XCTAssertEqual(committed.dateOrigin, .commit)
        XCTAssertNil(committed.dateNote)
    }
}
