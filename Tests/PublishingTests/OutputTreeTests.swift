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
        // A previous build's output: its lock is there.
        try Data().write(to: out.appendingPathComponent(OutputTree.lockName))
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

    /// `.cache` that is a file (not what oae writes) is not carried over: the build makes the
    /// folder anew (it failed every build, naming the staging folder; regression hunt of session 15).
    func testACacheThatIsAFileIsNotCarriedOver() throws {
        try Data("x".utf8).write(to: out.appendingPathComponent(".cache"))
        let tree = try OutputTree.begin(out, rebuilding: ["site"])
        try Data("{}".utf8).write(to: try tree.folder(".cache").appendingPathComponent("build.json"))
        try tree.commit()
        XCTAssertEqual(read(".cache/build.json"), "{}")
        XCTAssertEqual(read("handbooks/a/handbook.html"), "old handbook")
    }

    /// Runs `body` as a user who cannot read what `chmod 000` closed: as root (who reads
    /// everything), with the effective user `nobody`, given the folders it must write.
    private func withoutRoot(_ body: () throws -> Void) throws {
        guard geteuid() == 0 else { return try body() }
        for path in [base.path, out.path, out.appendingPathComponent(OutputTree.lockName).path] { chmod(path, 0o777) }
        XCTAssertEqual(seteuid(65534), 0)
        defer { XCTAssertEqual(seteuid(0), 0) }
        try body()
    }

    /// `.cache` that oae cannot read (`chmod 000`) is left out, not carried over: the build
    /// makes it anew (every build failed, naming the staging folder; regression hunt of
    /// session 15).
    func testACacheOaeCannotReadIsLeftOut() throws {
        let cache = out.appendingPathComponent(".cache")
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: cache.appendingPathComponent("build.json"))
        chmod(cache.path, 0)
        defer { chmod(cache.path, 0o755) }
        try withoutRoot {
            let tree = try OutputTree.begin(out, rebuilding: ["site"])
            try Data("{}".utf8).write(to: try tree.folder(".cache").appendingPathComponent("build.json"))
            try tree.commit()
        }
        XCTAssertEqual(read(".cache/build.json"), "{}")
        XCTAssertEqual(read("handbooks/a/handbook.html"), "old handbook")
    }

    /// An output of the last build that this build keeps and cannot carry over is named, in
    /// the output folder, not the staging folder; the output stays as it was.
    func testAKeptOutputThatCannotBeCarriedOverIsNamed() throws {
        let handbooks = out.appendingPathComponent("handbooks")
        chmod(handbooks.path, 0)
        defer { chmod(handbooks.path, 0o755) }
        try withoutRoot {
            XCTAssertThrowsError(try OutputTree.begin(out, rebuilding: ["site"])) { error in
                XCTAssertEqual("\(error)", "cannot write \(out.path): its handbooks from the last build, which this build keeps, "
                               + "cannot be carried over: permission denied (check the folder's permissions or use --out)")
            }
        }
        chmod(handbooks.path, 0o755)
        XCTAssertEqual(read("handbooks/a/handbook.html"), "old handbook")
        XCTAssertEqual(read("site/index.html"), "old site")
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

    /// A folder with files but no lock is not an output oae wrote: replacing it whole would
    /// remove them, so it is refused and left as it was; a file in its place too.
    func testAFolderOfOtherFilesOrAFileIsNotTakenAsTheOutput() throws {
        let mine = base.appendingPathComponent("my-notes")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try Data("precious".utf8).write(to: mine.appendingPathComponent("notes.txt"))
        XCTAssertThrowsError(try OutputTree.begin(mine, rebuilding: ["site"])) { error in
            XCTAssertEqual("\(error)", "\(mine.path) holds files oae did not write: oae replaces its output folder whole, so it writes only "
                           + "to a new or empty folder or to one it wrote before (which holds its .lock); choose another folder with --out")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: mine.path), ["notes.txt"], "nothing is added, not even a lock")
        let file = base.appendingPathComponent("a-file")
        try Data("precious".utf8).write(to: file)
        XCTAssertThrowsError(try OutputTree.begin(file, rebuilding: ["site"])) { error in
            XCTAssertEqual("\(error)", "cannot write \(file.path): it is a file, not a folder")
        }
        XCTAssertEqual(FileManager.default.contents(atPath: file.path), Data("precious".utf8))
        // What oae itself may have put there before any build: the preview, the exported schemas.
        let early = base.appendingPathComponent("early")
        for name in [".preview", "schema"] {
            try FileManager.default.createDirectory(at: early.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        try OutputTree.begin(early, rebuilding: ["site"]).abandon()
        // An empty folder.
        let empty = base.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try OutputTree.begin(empty, rebuilding: ["site"]).abandon()
    }

    /// The output folder may not be the tree, hold it, or lie inside what oae reads or in .git.
    func testTheOutputFolderIsNeverTheTreeOrInsideWhatOaeReads() throws {
        let root = base.appendingPathComponent("tree")
        for folder in ["model", "seeds/vic", "templates", ".git"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let link = base.appendingPathComponent("link-to-tree")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: root)
        let allowed = ["output", "build/site", "../elsewhere"].map { root.appendingPathComponent($0) }
        for out in allowed { XCTAssertNil(OutputPlace.refusal(out, root: root), out.path) }
        XCTAssertNil(OutputPlace.refusal(link.appendingPathComponent("output"), root: root))
        let outside = "choose a folder outside the tree's folders (the default is output/ under the root)"
        XCTAssertEqual(OutputPlace.refusal(root, root: root),
                       "\(root.path) is the tree's root or a folder that holds it: oae replaces its output folder whole, so it would replace the tree; " + outside)
        XCTAssertEqual(OutputPlace.refusal(base, root: root),
                       "\(base.path) is the tree's root or a folder that holds it: oae replaces its output folder whole, so it would replace the tree; " + outside)
        XCTAssertEqual(OutputPlace.refusal(link, root: root),
                       "\(link.path) is the tree's root or a folder that holds it: oae replaces its output folder whole, so it would replace the tree; " + outside)
        let within = ": choose a folder outside model/, seeds/, templates/ and .git/ (the default is output/ under the root)"
        XCTAssertEqual(OutputPlace.refusal(root.appendingPathComponent("seeds/vic"), root: root),
                       "\(root.path)/seeds/vic is inside the tree's seeds/, which oae reads" + within)
        XCTAssertEqual(OutputPlace.refusal(link.appendingPathComponent("model/new/out"), root: root),
                       "\(link.path)/model/new/out is inside the tree's model/, which oae reads" + within)
        XCTAssertEqual(OutputPlace.refusal(root.appendingPathComponent("templates"), root: root),
                       "\(root.path)/templates is inside the tree's templates/, which oae reads" + within)
        XCTAssertEqual(OutputPlace.refusal(root.appendingPathComponent(".git/out"), root: root),
                       "\(root.path)/.git/out is inside the tree's .git/, which git keeps" + within)
    }

    /// The project's own default output folder, as a fresh clone has it, is one `oae build`
    /// writes into: git keeps nothing under `output/` (a committed file there has no `.lock`,
    /// so the README's `make build` would be refused on every new machine).
    func testAFreshCloneOfTheProjectHasNoFilesInItsOutputFolder() throws {
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "-C", package.path, "ls-files", "--", "output"]
        let pipe = Pipe()
        git.standardOutput = pipe
        try git.run()
        let listed = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        git.waitUntilExit()
        try XCTSkipIf(git.terminationStatus != 0, "\(package.path) is not a git checkout: nothing to look at")
        XCTAssertEqual(listed, "", "files committed under output/")
        // And a clone's output/ (absent, or made empty) is taken as the output.
        let clone = base.appendingPathComponent("clone-output")
        try FileManager.default.createDirectory(at: clone, withIntermediateDirectories: true)
        try OutputTree.begin(clone, rebuilding: ["site"]).abandon()
    }
}
