import Foundation
import Publishing
import XCTest

/// The output folder is replaced whole, under a lock, from a staging folder that starts
/// with what the build does not write.
final class OutputTreeTests: XCTestCase {
    var base: URL!
    var out: URL { base.appendingPathComponent("output") }

    override func setUpWithError() throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("oae-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out.appendingPathComponent("site"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: out.appendingPathComponent("handbooks/a"), withIntermediateDirectories: true)
        try Data("old site".utf8).write(to: out.appendingPathComponent("site/index.html"))
        try Data("old handbook".utf8).write(to: out.appendingPathComponent("handbooks/a/handbook.html"))
        try Data("notes".utf8).write(to: out.appendingPathComponent("README.md"))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: base) }

    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: out.appendingPathComponent(path).path).map { String(decoding: $0, as: UTF8.self) }
    }

    func testACommittedBuildReplacesWhatItWroteAndKeepsTheRest() throws {
        let tree = try OutputTree.begin(out, rebuilding: ["site"])
        XCTAssertNil(FileManager.default.contents(atPath: tree.staging.appendingPathComponent("site/index.html").path),
                     "the folders a build writes start empty")
        try Data("new site".utf8).write(to: try tree.folder("site").appendingPathComponent("index.html"))
        XCTAssertEqual(read("site/index.html"), "old site", "nothing changes before the commit")
        try tree.commit()
        XCTAssertEqual(read("site/index.html"), "new site")
        XCTAssertEqual(read("handbooks/a/handbook.html"), "old handbook")
        XCTAssertEqual(read("README.md"), "notes")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: base.path), ["output"], "no staging folder is left")
    }

    func testAnAbandonedBuildLeavesTheOutputAsItWas() throws {
        let tree = try OutputTree.begin(out, rebuilding: ["site", "handbooks"])
        try Data("half".utf8).write(to: try tree.folder("site").appendingPathComponent("index.html"))
        tree.abandon()
        XCTAssertEqual(read("site/index.html"), "old site")
        XCTAssertEqual(read("handbooks/a/handbook.html"), "old handbook")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: base.path), ["output"])
    }

    func testASecondBuildIsToldAnotherIsRunning() throws {
        let first = try OutputTree.begin(out, rebuilding: ["site"])
        XCTAssertThrowsError(try OutputTree.begin(out, rebuilding: ["site"])) { error in
            XCTAssertEqual("\(error)", "another build is running in \(out.path); wait for it to finish (the output stays as it was)")
        }
        try first.commit()
        // The lock is the same file in the new output: the next build takes it.
        let next = try OutputTree.begin(out, rebuilding: ["site"])
        XCTAssertThrowsError(try OutputTree.begin(out, rebuilding: ["data"]))
        next.abandon()
    }

    func testTheStagingFolderOfAKilledBuildIsRemovedByTheNext() throws {
        let stale = base.appendingPathComponent(".output.staging-999999")
        try FileManager.default.createDirectory(at: stale.appendingPathComponent("site"), withIntermediateDirectories: true)
        let tree = try OutputTree.begin(out, rebuilding: ["site"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: stale.path))
        tree.abandon()
    }

    func testAnOutputFolderThatCannotBeCreatedIsOneLine() throws {
        let file = base.appendingPathComponent("a-file")
        try Data().write(to: file)
        XCTAssertThrowsError(try OutputTree.begin(file.appendingPathComponent("output"), rebuilding: ["site"])) { error in
            let text = "\(error)"
            XCTAssertTrue(text.hasPrefix("cannot write \(file.path)/output: "), text)
            XCTAssertFalse(text.contains("Domain="), text)
            XCTAssertFalse(text.contains("\n"), text)
        }
    }
}
