import Foundation
@testable import Model
import XCTest

/// Each output's revision and date come from the last commit that changed its own
/// inputs, read from one `git log` and one `git status`.
final class SourceStampsTests: XCTestCase {
    let municipalities: Set<String> = ["molins-de-rei", "sant-feliu"]
    let head = SourceStamps.Stamp(revision: "c3", epoch: 3000)

    /// Newest first: c3 changed Molins de Rei's office, c2 the site's templates, c1 the
    /// model and Sant Feliu's folder, c0 everything.
    let log = """
        \u{1}c3 3000

        seeds/molins-de-rei/office.yaml
        \u{1}c2 2000

        templates/site/layout.mustache
        \u{1}c1 1000

        model/services/company-creation.md
        seeds/sant-feliu/office.yaml
        \u{1}c0 500

        model/model.yaml
        seeds/molins-de-rei/office.yaml
        templates/site/layout.mustache

        """

    func testEachHandbookCarriesTheLastCommitOfItsOwnInputs() {
        let stamps = SourceStamps.parse(log: log, status: "", municipalities: municipalities, head: head, forcedEpoch: nil)
        XCTAssertEqual(stamps.tree, .init(revision: "c3", epoch: 3000))
        XCTAssertEqual(stamps.shared, .init(revision: "c1", epoch: 1000))
        XCTAssertEqual(stamps.siteTemplates, .init(revision: "c2", epoch: 2000))
        XCTAssertEqual(stamps.handbook("molins-de-rei"), .init(revision: "c3", epoch: 3000))
        // Sant Feliu's folder changed in the same commit as the model.
        XCTAssertEqual(stamps.handbook("sant-feliu"), .init(revision: "c1", epoch: 1000))
        XCTAssertEqual(stamps.handbook("a-new-one"), .init(revision: "c1", epoch: 1000))
        // An office's page also reads the site's templates, changed after the model.
        XCTAssertEqual(stamps.officePage("sant-feliu"), .init(revision: "c2", epoch: 2000))
        XCTAssertEqual(stamps.officePage("molins-de-rei"), .init(revision: "c3", epoch: 3000))
    }

    func testAChangeToTheModelAfterAMunicipalityGivesEveryHandbookTheModelsCommit() {
        let log = "\u{1}c4 4000\n\nmodel/roles/officer.md\n" + self.log
        let stamps = SourceStamps.parse(log: log, status: "", municipalities: municipalities, head: head, forcedEpoch: nil)
        XCTAssertEqual(stamps.handbook("molins-de-rei"), .init(revision: "c4", epoch: 4000))
        XCTAssertEqual(stamps.handbook("sant-feliu"), .init(revision: "c4", epoch: 4000))
        XCTAssertEqual(stamps.municipalities, [:])
    }

    func testSourceDateEpochIsEveryStampsDate() {
        let stamps = SourceStamps.parse(log: log, status: "", municipalities: municipalities, head: head, forcedEpoch: 42)
        XCTAssertEqual(stamps.handbook("molins-de-rei"), .init(revision: "c3", epoch: 42))
        XCTAssertEqual(stamps.handbook("sant-feliu"), .init(revision: "c1", epoch: 42))
    }

    /// Uncommitted changes mark the stamps of the outputs that read them: HEAD's revision
    /// and date, modified.
    func testUncommittedChangesMarkOnlyTheOutputsThatReadThem() {
        let modified = SourceStamps.Stamp(revision: "c3", epoch: 3000, modified: true)
        let one = SourceStamps.parse(log: log, status: " M seeds/sant-feliu/staffing.yaml\0", municipalities: municipalities,
                                     head: head, forcedEpoch: nil)
        XCTAssertEqual(one.handbook("sant-feliu"), modified)
        XCTAssertEqual(one.handbook("molins-de-rei"), .init(revision: "c3", epoch: 3000))
        XCTAssertEqual(one.tree, modified)
        // A rename's entry is followed by its source path, which changed too.
        let moved = SourceStamps.parse(log: log, status: "R  seeds/sant-feliu/x.yaml\0seeds/molins-de-rei/x.yaml\0",
                                       municipalities: municipalities, head: head, forcedEpoch: nil)
        XCTAssertEqual(moved.handbook("sant-feliu"), modified)
        XCTAssertEqual(moved.handbook("molins-de-rei"), modified)
        XCTAssertEqual(moved.shared, .init(revision: "c1", epoch: 1000))
        // An untracked file of the handbook templates changes every handbook, not the site's templates.
        let model = SourceStamps.parse(log: log, status: "?? templates/handbook/x.css\0",
                                       municipalities: municipalities, head: head, forcedEpoch: nil)
        XCTAssertEqual(model.handbook("sant-feliu"), modified)
        XCTAssertEqual(model.handbook("molins-de-rei"), modified)
        XCTAssertEqual(model.siteTemplates, .init(revision: "c2", epoch: 2000))
    }

    /// The stamps of a real repository, from git.
    func testTheStampsOfARepository() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("oae-stamps-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: root) }
        func write(_ path: String, _ text: String) throws {
            let url = root.appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        func git(_ args: String...) throws -> String {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["git", "-C", root.path, "-c", "user.name=Test", "-c", "user.email=test@example.org",
                           "-c", "commit.gpgsign=false"] + args
            var env = ProcessInfo.processInfo.environment
            env["GIT_COMMITTER_DATE"] = "@\(1_700_000_000 + args.count) +0000"
            p.environment = env
            let out = Pipe()
            p.standardOutput = out
            try p.run()
            p.waitUntilExit()
            return String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        try write("model/model.yaml", "id: m\n")
        try write("seeds/a/office.yaml", "name: A\n")
        try write("seeds/b/office.yaml", "name: B\n")
        _ = try git("init", "-q")
        _ = try git("add", ".")
        _ = try git("commit", "-qm", "first")
        let first = try git("rev-parse", "HEAD")
        try write("seeds/b/office.yaml", "name: B2\n")
        _ = try git("commit", "-qam", "b")
        let second = try git("rev-parse", "HEAD")
        try write("README.md", "not content\n")
        _ = try git("add", "README.md")
        _ = try git("commit", "-qm", "readme")
        let base = SourceInfo.read(root: root, environment: [:])
        let stamps = SourceStamps.read(root: root, municipalities: ["a", "b"], base: base, environment: [:])
        XCTAssertEqual(stamps.handbook("a").revision, first)
        XCTAssertEqual(stamps.handbook("b").revision, second)
        XCTAssertEqual(stamps.tree.revision, second, "a commit outside the content folders changes no stamp")
        try write("seeds/a/office.yaml", "name: A2\n")
        let dirty = SourceStamps.read(root: root, municipalities: ["a", "b"], base: base, environment: [:])
        XCTAssertEqual(dirty.handbook("a"), .init(revision: base.revision, epoch: base.epoch, modified: true))
        XCTAssertEqual(dirty.handbook("b").revision, second)
    }

    /// Each input file's group, read from the bytes of an ASCII path and by characters
    /// otherwise, as the record groups them.
    func testTheGroupOfAPath() {
        let slugs: Set<String> = ["abrera", "el-prat-de-llobregat"]
        let cases: [(String, SourceStamps.Group)] = [
            ("seeds/abrera/office.yaml", .municipality("abrera")), ("seeds/abrera/services/x.ca.md", .municipality("abrera")),
            ("seeds/unknown/office.yaml", .shared), ("seeds/abrera", .shared), ("seeds/README.md", .shared),
            ("model/services/x.md", .shared), ("templates/site/layout.mustache", .siteTemplates),
            ("templates/handbook/chapter.mustache", .shared), ("templates/sitex/a", .shared),
            ("seeds/abrera/notes/què.md", .municipality("abrera")), ("seeds/àbrera/office.yaml", .shared),
            ("templates/site/\u{301}a.mustache", .shared),
        ]
        for (path, group) in cases {
            XCTAssertEqual(SourceStamps.group(path[...], municipalities: slugs), group, path)
        }
    }
}
