import Foundation
import Handbook
import Loading
import Model
import OAECommands
import Rendering
import Resolution
import XCTest

/// Nothing outside the tree's root is ever read: a symbolic link is an error at its own
/// path, the build refuses, and no reader follows it; a folder the walk cannot read is an
/// error too, never a silent omission.
final class TreeSafetyTests: XCTestCase {
    var root: URL!
    var outside: URL!
    let secret = "OAE-SECRET-\(UUID().uuidString)"

    override func setUpWithError() throws {
        root = try HandbookTestSupport.fixtureTree()
        outside = try HandbookTestSupport.temporaryFolder("outside")
        try Data("body { color: red } /* \(secret) */\nid: x\n".utf8).write(to: outside.appendingPathComponent("secret.txt"))
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: root)
        try? FileManager.default.removeItem(at: outside)
    }

    func link(_ path: String, to target: URL) throws {
        let url = root.appendingPathComponent(path)
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createSymbolicLink(at: url, withDestinationURL: target)
    }

    func errors() -> [String] {
        CheckRun.diagnose(root: root, asOf: HandbookTestSupport.asOf).1
            .filter { $0.severity == .error }.map { "\($0.rule) \($0.span): \($0.message)" }
    }

    /// Every file under a folder, as text.
    func contents(of folder: URL) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        return e.compactMap { ($0 as? String).flatMap { FileManager.default.contents(atPath: folder.appendingPathComponent($0).path) } }
            .map { String(decoding: $0, as: UTF8.self) }
    }

    func testLinksToFilesOutsideTheTreeAreErrorsAndNeverRead() throws {
        let target = outside.appendingPathComponent("secret.txt")
        try link("templates/handbook/handbook.css", to: target)
        try link("templates/handbook/chapters/leak.mustache", to: target)
        try link("seeds/sant-feliu-de-llobregat/reports/2026-q4.yaml", to: target)
        XCTAssertEqual(errors(), [
            "tree-symlink seeds/sant-feliu-de-llobregat/reports/2026-q4.yaml: '2026-q4.yaml' is a symbolic link to '\(target.path)'; oae does not follow links",
            "tree-symlink templates/handbook/chapters/leak.mustache: 'leak.mustache' is a symbolic link to '\(target.path)'; oae does not follow links",
            "tree-symlink templates/handbook/handbook.css: 'handbook.css' is a symbolic link to '\(target.path)'; oae does not follow links",
        ])

        // The build refuses, and the target's content is nowhere in what it leaves.
        let out = root.appendingPathComponent("output")
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["OAE_PAGEFIND"] = "off"
        let build = try HandbookTestSupport.run(HandbookTestSupport.oaeBinary.path, ["build", "--root", root.path, "--out", out.path],
                                                environment: env)
        XCTAssertEqual(build.status, 1, build.stderr)
        XCTAssertTrue(build.stderr.contains("templates/handbook/handbook.css: error[tree-symlink]"), build.stderr)
        XCTAssertFalse((contents(of: out) + [build.stdout, build.stderr]).contains { $0.contains(secret) })

        // Each reader refuses the link by itself, whether or not the check ran first.
        XCTAssertEqual(FileTree.read(root: root, path: "templates/handbook/handbook.css").failure, .outsideTree)
        XCTAssertEqual(FileTree.read(root: root, path: "templates/../../etc/passwd").failure, .outsideTree)
        let (tree, _) = CheckRun.diagnose(root: root, asOf: HandbookTestSupport.asOf)
        let network = Network(tree: tree)
        let input = BuildInput(root: root, network: network,
                               resolved: network.municipalitySlugs.compactMap { Resolver.resolve(network, municipality: $0) },
                               sourceRevision: HandbookTestSupport.revision, sourceEpoch: HandbookTestSupport.epoch,
                               toolVersion: OAE.version)
        let (renderer, problems) = HandbookRenderer.load(input)
        XCTAssertEqual(problems, ["templates/handbook/handbook.css: the handbook's stylesheet is missing"])
        XCTAssertFalse(renderer.templates.names.contains("chapters/leak"))
        let view = try XCTUnwrap(input.resolved.first)
        XCTAssertFalse(renderer.render(view, language: "ca").contains(secret))
    }

    func testALinkedFolderOnThePathIsNeverEntered() throws {
        let assets = outside.appendingPathComponent("assets")
        try FileManager.default.createDirectory(at: assets, withIntermediateDirectories: true)
        try Data(secret.utf8).write(to: assets.appendingPathComponent("leak.css"))
        try link("templates/site/assets", to: assets)
        XCTAssertEqual(errors(), [
            "tree-symlink templates/site/assets: 'assets' is a symbolic link to '\(assets.path)'; oae does not follow links",
        ])
        XCTAssertEqual(FileTree.read(root: root, path: "templates/site/assets/leak.css").failure, .outsideTree)
        XCTAssertEqual(FileTree.files(root: root, folders: ["templates/site/assets"]), [])
    }

    /// A municipality folder that is a link, or that cannot be read, is an error in
    /// check, list and show, never a municipality that silently is not there.
    func testALinkedOrUnreadableMunicipalityFolderIsAnError() throws {
        let fm = FileManager.default
        let moved = outside.appendingPathComponent("molins-de-rei")
        try fm.moveItem(at: root.appendingPathComponent("seeds/molins-de-rei"), to: moved)
        try link("seeds/molins-de-rei", to: moved)
        XCTAssertEqual(errors(), [
            "tree-symlink seeds/molins-de-rei: 'molins-de-rei' is a symbolic link to '\(moved.path)'; oae does not follow links",
        ])
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for arguments in [["list", "office"], ["show", "molins-de-rei"], ["diff", "molins-de-rei"], ["check"]] {
            let result = try HandbookTestSupport.run(HandbookTestSupport.oaeBinary.path, arguments + ["--root", root.path], environment: env)
            XCTAssertEqual(result.status, 1, "\(arguments): \(result.stdout)")
            XCTAssertTrue((result.stdout + result.stderr).contains("seeds/molins-de-rei: error[tree-symlink]"), "\(arguments): \(result.stderr)")
        }

        try fm.removeItem(at: root.appendingPathComponent("seeds/molins-de-rei"))
        try fm.moveItem(at: moved, to: root.appendingPathComponent("seeds/molins-de-rei"))
        XCTAssertEqual(errors(), [])
        // Tests run as root, for whom chmod 000 does not stop reading: the walk is told to
        // fail opening the folder, as opendir would for another user.
        let unreadable = FileTree.$simulatedUnreadable.withValue(["seeds/molins-de-rei"]) { errors() }
        XCTAssertEqual(unreadable, ["tree-unreadable seeds/molins-de-rei: the folder 'molins-de-rei' could not be read"])
    }

    /// A link or a FIFO where a document belongs (`office.yaml`) is that document, unread:
    /// its own error is the one problem, not also "the office is missing" and what else the
    /// municipality's rules would say without it.
    func testALinkOrFIFOInPlaceOfADocumentIsTheOneProblem() throws {
        let all = { CheckRun.diagnose(root: self.root, asOf: HandbookTestSupport.asOf).1.map { "\($0.rule) \($0.span)" } }
        let before = all()
        let folder = root.appendingPathComponent("seeds/molins-de-rei")
        let kept = outside.appendingPathComponent("office.yaml")
        try FileManager.default.moveItem(at: folder.appendingPathComponent("office.yaml"), to: kept)
        try link("seeds/molins-de-rei/office.yaml", to: kept)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("staffing.yaml"))
        XCTAssertEqual(mkfifo(folder.appendingPathComponent("staffing.yaml").path, 0o644), 0)
        // A template an output needs, likewise (not also `template-missing`).
        let template = outside.appendingPathComponent("budgets.mustache")
        try FileManager.default.moveItem(at: root.appendingPathComponent("templates/site/budgets.mustache"), to: template)
        try link("templates/site/budgets.mustache", to: template)
        XCTAssertEqual(all().filter { !before.contains($0) }, [
            "tree-symlink seeds/molins-de-rei/office.yaml",
            "tree-special-file seeds/molins-de-rei/staffing.yaml",
            "tree-symlink templates/site/budgets.mustache",
        ])
        XCTAssertEqual(before.filter { !all().contains($0) }, [])
    }

    /// Special files and names that are not UTF-8 are errors at their paths.
    func testSpecialFilesAndNamesThatAreNotUTF8AreErrors() throws {
        let folder = root.appendingPathComponent("seeds/molins-de-rei").path
        XCTAssertEqual(mkfifo(folder + "/pipe.yaml", 0o644), 0)
        let badName: [UInt8] = Array((folder + "/notes-").utf8) + [0xFF] + Array(".yaml".utf8) + [0]
        let fd = badName.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) } }
        XCTAssertGreaterThanOrEqual(fd, 0)
        close(fd)
        XCTAssertEqual(errors(), [
            "tree-name-not-utf8 seeds/molins-de-rei/notes-\u{FFFD}.yaml: the name 'notes-\u{FFFD}.yaml' is not UTF-8 text",
            "tree-special-file seeds/molins-de-rei/pipe.yaml: 'pipe.yaml' is a fifo, not a file or a folder",
        ])
        // The reader refuses the FIFO at once (it does not wait for a writer).
        XCTAssertEqual(FileTree.read(root: root, path: "seeds/molins-de-rei/pipe.yaml").failure, .notRegularFile)
    }
}

extension Result {
    var failure: Failure? {
        if case let .failure(f) = self { return f }
        return nil
    }
}
