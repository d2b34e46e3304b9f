import Diagnostics
import Foundation
import Loading
import Model
@testable import OAECommands
import Outputs
@testable import Publishing
import Rendering
import XCTest

/// `oae check` keeps what it loaded of each file under `output/.cache/load/` (`LoadStore`)
/// and reads the next time only the files written since: the results it reads back must
/// be, byte for byte and place for place, what parsing the files gives, and the check the
/// same as one without the store.
final class LoadStoreTests: XCTestCase {
    var root: URL!
    var out: URL { root.appendingPathComponent("output", isDirectory: true) }
    var storeFolder: URL { out.appendingPathComponent(LoadStore.path, isDirectory: true) }

    /// A copy of the example tree (model/, seeds/, templates/).
    override func setUpWithError() throws {
        let fm = FileManager.default
        root = fm.temporaryDirectory.appendingPathComponent("oae-load-store-\(UUID().uuidString)")
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["model", "seeds", "templates"] {
            try fm.copyItem(at: TestPaths.packageRoot.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    /// The store of `out`, opened, with files changed up to now storable.
    func open() -> LoadStore.Opened {
        var opened = LoadStore.open(out: out, root: root)
        opened.racyMargin = 0
        return opened
    }

    /// A check through the store (saved before it returns), and its report.
    func check(_ opened: LoadStore.Opened) -> String {
        JSONReport.compact(CheckRun.checked(root: root, asOf: Day(year: 2026, month: 11, day: 25), store: opened).diagnostics)
    }

    func checkWithoutStore() -> String {
        JSONReport.compact(CheckRun.checked(root: root, asOf: Day(year: 2026, month: 11, day: 25)).diagnostics)
    }

    func testTheSecondCheckParsesNothingAndReportsTheSame() throws {
        let without = checkWithoutStore()
        let first = open()
        XCTAssertEqual(check(first), without)
        let files = first.cache.parsed
        XCTAssertGreaterThan(files, 150, "the first check parses every file")
        let groups = try FileManager.default.contentsOfDirectory(atPath: storeFolder.path).filter { $0.hasSuffix(".bin") }
        XCTAssertTrue(groups.contains("gseeds%2Fcerdanyola-del-valles.bin"), "\(groups)")
        XCTAssertTrue(groups.contains("gmodel%2Fservices.bin"), "\(groups)")

        let second = open()
        XCTAssertEqual(check(second), without)
        XCTAssertEqual(second.cache.parsed, 0, "every file's result is read from the store")
        // Nothing changed: no group is written again.
        XCTAssertEqual(LoadStore.save(second, root: root), 0)

        // One file written: it alone is parsed, its group alone written, and its new error reported.
        let office = root.appendingPathComponent("seeds/cerdanyola-del-valles/office.yaml")
        let text = try String(contentsOf: office, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "id: cerdanyola-del-valles\n", with: "id: 12\n").utf8).write(to: office)
        let third = open()
        let report = check(third)
        XCTAssertEqual(third.cache.parsed, 1)
        XCTAssertEqual(report, checkWithoutStore())
        XCTAssertTrue(report.contains("\"schema-type\""), report)
        let after = open()
        _ = check(after)
        XCTAssertEqual(after.cache.parsed, 0, "the check kept the written file's result")

        // A file gone: its result is no longer stored.
        try FileManager.default.removeItem(at: office)
        let fourth = open()
        XCTAssertEqual(check(fourth), checkWithoutStore())
        XCTAssertEqual(fourth.cache.parsed, 0)
        XCTAssertNil(open().groups["seeds/cerdanyola-del-valles"]?["seeds/cerdanyola-del-valles/office.yaml"])
    }

    /// Every file's result read from the store is the parsed one: each value, text (by its
    /// bytes), place and written form.
    func testStoredResultsAreTheParsedOnes() throws {
        let parsed = TreeLoader.load(root: root)
        let first = open()
        _ = TreeLoader.load(root: root, cache: first.cache)
        XCTAssertNotNil(LoadStore.save(first, root: root))
        let second = open()
        let restored = TreeLoader.load(root: root, cache: second.cache)
        XCTAssertEqual(second.cache.parsed, 0)
        XCTAssertEqual(restored.paths, parsed.paths)
        XCTAssertEqual(restored.documents.count, parsed.documents.count)
        for (a, b) in zip(parsed.documents, restored.documents) {
            XCTAssertEqual([a.kind.rawValue, a.id, a.path, a.municipality ?? "-", a.language ?? "-"],
                           [b.kind.rawValue, b.id, b.path, b.municipality ?? "-", b.language ?? "-"])
            XCTAssertTrue(same(a.root, b.root), a.path)
            XCTAssertEqual(a.mayHoldPlaceholder, b.mayHoldPlaceholder, a.path)
            XCTAssertEqual(a.mayHoldDeferral, b.mayHoldDeferral, a.path)
            XCTAssertEqual(a.unshowable, b.unshowable, a.path)
            XCTAssertEqual(a.invisible, b.invisible, a.path)
            XCTAssertEqual(a.writtenForms, b.writtenForms, a.path)
            XCTAssertEqual(a.markdown == nil, b.markdown == nil, a.path)
            if let x = a.markdown, let y = b.markdown {
                XCTAssertTrue(x.body.utf8.elementsEqual(y.body.utf8), a.path)
                XCTAssertEqual(x.bodyLineOffset, y.bodyLineOffset, a.path)
                XCTAssertEqual(x.headings, y.headings, a.path)
                XCTAssertEqual(x.links, y.links, a.path)
                XCTAssertEqual(x.writtenForms, y.writtenForms, a.path)
                XCTAssertTrue(same(x.frontMatter, y.frontMatter), a.path)
            }
        }
        XCTAssertEqual(restored.schemas.keys.sorted(), parsed.schemas.keys.sorted())
        for (kind, schema) in parsed.schemas { XCTAssertTrue(same(schema.node, restored.schemas[kind]?.node), kind) }
        XCTAssertEqual(restored.uiStrings.keys.sorted(), parsed.uiStrings.keys.sorted())
        for (key, strings) in parsed.uiStrings { XCTAssertTrue(same(strings.node, restored.uiStrings[key]?.node), key) }
        XCTAssertEqual(restored.templates, parsed.templates)
        XCTAssertEqual(restored.references.mapValues(\.text), parsed.references.mapValues(\.text))
        XCTAssertGreaterThan(parsed.documents.filter { !$0.writtenForms.isEmpty }.count, 0, "the example has written forms to compare")
        XCTAssertGreaterThan(parsed.documents.filter { $0.markdown?.links.isEmpty == false }.count, 0)
    }

    /// Nodes the same value for value, texts by their bytes, spans by their places.
    func same(_ a: Node?, _ b: Node?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        guard a.span == b.span else { return false }
        switch (a.value, b.value) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.int(x), .int(y)): return x == y
        case let (.double(x), .double(y)): return x.bitPattern == y.bitPattern
        case let (.string(x), .string(y)): return x.utf8.elementsEqual(y.utf8)
        case let (.sequence(x), .sequence(y)): return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case let (.mapping(x), .mapping(y)):
            return x.count == y.count && zip(x, y).allSatisfy { same($0.key, $1.key) && same($0.value, $1.value) }
        default: return false
        }
    }

    /// Another kind table places the files otherwise: nothing stored is read.
    func testAnotherKindTableReadsNothingStored() throws {
        _ = check(open())
        XCTAssertFalse(open().groups.isEmpty)
        try appendToKindTable()
        let opened = open()
        XCTAssertTrue(opened.groups.isEmpty, "every group file is of the other key")
        XCTAssertEqual(check(opened), checkWithoutStore())
        XCTAssertGreaterThan(opened.cache.parsed, 150)
        // The store now holds the new key's results only.
        let again = open()
        XCTAssertFalse(again.groups.isEmpty)
        _ = check(again)
        XCTAssertEqual(again.cache.parsed, 0)
    }

    func appendToKindTable() throws {
        let kinds = root.appendingPathComponent(KindTable.path)
        try Data((try String(contentsOf: kinds, encoding: .utf8) + "\n# changed\n").utf8).write(to: kinds)
    }

    /// The kind table changed between the store's opening and the load: what is stored is
    /// under the key of the kind table the load placed the files with.
    func testAKindTableChangedDuringTheCheckKeysTheStoreAnew() throws {
        _ = check(open())
        let opened = open()
        XCTAssertFalse(opened.groups.isEmpty)
        try appendToKindTable()
        XCTAssertEqual(check(opened), checkWithoutStore())
        XCTAssertGreaterThan(opened.cache.parsed, 150, "the load placed every file with the new table")
        let after = open()
        XCTAssertEqual(after.groups.count, opened.groups.count, "every group written under the new key")
        _ = check(after)
        // Only the kind table, written after the store was opened (within the margin).
        XCTAssertEqual(after.cache.parsed, 1)
    }

    /// A damaged group file (cut short, or one byte changed anywhere) is read as nothing:
    /// its files are parsed again, the check says what it said, and the file is written anew.
    func testDamagedFilesOfTheStoreAreParsedAgain() throws {
        let without = checkWithoutStore()
        _ = check(open())
        let group = storeFolder.appendingPathComponent("gseeds%2Fcerdanyola-del-valles.bin")
        let bytes = try Data(contentsOf: group)
        try bytes.prefix(bytes.count / 2).write(to: group)
        let cut = open()
        XCTAssertNil(cut.groups["seeds/cerdanyola-del-valles"])
        XCTAssertEqual(check(cut), without)
        XCTAssertGreaterThan(cut.cache.parsed, 5)
        XCTAssertNotNil(open().groups["seeds/cerdanyola-del-valles"], "the check wrote the group again")

        // One byte of a text changed: the file still decodes, but its seal is not its bytes'.
        var changed = [UInt8](try Data(contentsOf: group))
        let at = changed.indices.last { changed[$0] == UInt8(ascii: "e") }!
        changed[at] = UInt8(ascii: "f")
        try Data(changed).write(to: group)
        let damaged = open()
        XCTAssertNil(damaged.groups["seeds/cerdanyola-del-valles"])
        XCTAssertEqual(check(damaged), without)
    }

    /// A file changed within the margin before the store was opened is not stored: a
    /// write in the same tick of the file system's clock could keep its stamp.
    func testRecentlyWrittenFilesAreNotStored() throws {
        var opened = LoadStore.open(out: out, root: root)
        opened.racyMargin = 3600 * 1_000_000_000
        _ = check(opened)
        let stored = try FileManager.default.contentsOfDirectory(atPath: storeFolder.path)
        XCTAssertEqual(stored, [], "every file of the copy was written within the hour")
        _ = check(open())
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: storeFolder.path).isEmpty)
    }

    /// A build walks the tree before it opens the store: the margin counts from the walk
    /// (`walked`), so a file written between the two is not stored.
    func testTheMarginCountsFromTheWalk() throws {
        let walked = LoadStore.now()
        // Past the kernel's clock tick (file times come from a coarse clock; the margin,
        // 0 here, covers it in use).
        Thread.sleep(forTimeInterval: 0.05)
        let office = root.appendingPathComponent("seeds/cerdanyola-del-valles/office.yaml")
        try Data((try String(contentsOf: office, encoding: .utf8) + "# edited\n").utf8).write(to: office)
        var opened = LoadStore.open(out: out, root: root, walked: walked)
        opened.racyMargin = 0
        _ = check(opened)
        let stored = open().groups["seeds/cerdanyola-del-valles"]
        XCTAssertNotNil(stored?["seeds/cerdanyola-del-valles/staffing.yaml"])
        XCTAssertNil(stored?["seeds/cerdanyola-del-valles/office.yaml"], "written after the walk")
    }

    /// A file of `.cache` gone between the listing of its folder and its link (the check
    /// replaced a file of its store while a build cloned the output) is left out; any
    /// other entry gone is an error, as before.
    func testACloneLeavesOutAStoreFileThatVanished() throws {
        let fm = FileManager.default
        let source = root.appendingPathComponent("clone-source"), target = root.appendingPathComponent("clone-target")
        try fm.createDirectory(at: source, withIntermediateDirectories: true)
        try fm.createDirectory(at: target, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: source.appendingPathComponent("present.bin"))
        try HardLinks.cloneEntries(["gone.bin", "present.bin"], of: source, to: target, skippingVanished: true)
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: target.path), ["present.bin"])
        try fm.removeItem(at: target.appendingPathComponent("present.bin"))
        XCTAssertThrowsError(try HardLinks.cloneEntries(["gone.bin"], of: source, to: target, skippingVanished: false))
    }

    /// A file written again with the same size and its modification time set back is
    /// parsed again: its change time (and its inode, after an editor's rename) is not the same.
    func testARewriteWithTheSameSizeAndTimeIsParsedAgain() throws {
        _ = check(open())
        let office = root.appendingPathComponent("seeds/cerdanyola-del-valles/office.yaml")
        let modified = try FileManager.default.attributesOfItem(atPath: office.path)[.modificationDate] as! Date
        let text = try String(contentsOf: office, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "id: cerdanyola-del-valles\n", with: "id: cerdanyola-del-vallez\n")
        XCTAssertEqual(edited.utf8.count, text.utf8.count)
        try Data(edited.utf8).write(to: office)
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: office.path)
        let opened = open()
        let report = check(opened)
        XCTAssertEqual(opened.cache.parsed, 1)
        XCTAssertEqual(report, checkWithoutStore())
        XCTAssertTrue(report.contains("cerdanyola-del-vallez"), report)
    }

    /// A file with a problem of its own (here YAML that does not parse) is not stored: its
    /// diagnostics are made again by each check.
    func testAFileWithAProblemIsNotStored() throws {
        let staffing = root.appendingPathComponent("seeds/cerdanyola-del-valles/staffing.yaml")
        try Data("posts: [unclosed\n".utf8).write(to: staffing)
        let first = open()
        let report = check(first)
        XCTAssertEqual(report, checkWithoutStore())
        let stored = open()
        XCTAssertNotNil(stored.groups["seeds/cerdanyola-del-valles"])
        XCTAssertNil(stored.groups["seeds/cerdanyola-del-valles"]?["seeds/cerdanyola-del-valles/staffing.yaml"])
        XCTAssertEqual(check(stored), report)
        XCTAssertEqual(stored.cache.parsed, 1)
    }

    /// The store is never read or written through a link: `output/.cache` pointing
    /// elsewhere leaves the check as it is without the store, and a group file that is a
    /// link is not read.
    func testTheStoreIsNotReadOrWrittenThroughALink() throws {
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("oae-load-store-elsewhere-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        _ = check(open())
        let group = storeFolder.appendingPathComponent("gseeds%2Fcerdanyola-del-valles.bin")
        let outside = elsewhere.appendingPathComponent("group.bin")
        try FileManager.default.moveItem(at: group, to: outside)
        try FileManager.default.createSymbolicLink(at: group, withDestinationURL: outside)
        let linked = open()
        XCTAssertNil(linked.groups["seeds/cerdanyola-del-valles"], "a link is not read")
        XCTAssertEqual(check(linked), checkWithoutStore())
        XCTAssertNotNil(open().groups["seeds/cerdanyola-del-valles"], "the link is replaced by the group's file")

        try FileManager.default.removeItem(at: out.appendingPathComponent(".cache"))
        try FileManager.default.createSymbolicLink(at: out.appendingPathComponent(".cache"), withDestinationURL: elsewhere)
        let opened = open()
        XCTAssertTrue(opened.groups.isEmpty)
        XCTAssertEqual(check(opened), checkWithoutStore())
        XCTAssertNil(LoadStore.save(opened, root: root))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path), ["group.bin"])
    }

    /// An output folder of other files (no oae lock) is not written into: a build refuses it too.
    func testAFolderOfOtherFilesIsNotWritten() throws {
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("mine\n".utf8).write(to: out.appendingPathComponent("notes.txt"))
        let opened = open()
        XCTAssertEqual(check(opened), checkWithoutStore())
        XCTAssertNil(LoadStore.save(opened, root: root))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path), ["notes.txt"])
    }

    /// The settings of the tests' builds: no PDF engine, no search index, a fixed date.
    var buildSettings: BuildSettings {
        var settings = BuildSettings()
        settings.environment = ["PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": "1764000000", "OAE_PAGEFIND": "off",
                                "OAE_PYTHON": root.appendingPathComponent("no-python").path]
        return settings
    }

    /// Every step but the handbooks (their PDFs need Typst).
    let buildSteps = OutputSteps.all.filter { $0.name != "handbooks" }

    func build(into folder: URL, loadStore: Bool = true) throws -> BuildRun.Outcome {
        try BuildRun.run(root: root, out: folder, asOf: nil, steps: buildSteps, settings: buildSettings, tool: "oae test binary",
                         loadStore: loadStore)
    }

    /// The names and stamps of the store's files.
    func storeFiles(_ folder: URL) throws -> [String: FileTree.FileStamp] {
        let listing = FileTree.list(root: folder, folders: [LoadStore.path])
        return Dictionary(uniqueKeysWithValues: zip(listing.files, listing.stamps))
    }

    /// A build into the tree's output folder loads through the store there and keeps it,
    /// cold (no build's record yet) or not; a file written within the margin of the build
    /// is parsed and not stored.
    func testABuildIntoTheTreesOutputLoadsThroughItsStore() throws {
        // Every file of the copy changed more than the store's margin before the builds.
        Thread.sleep(forTimeInterval: Double(LoadStore.racyMargin) / 1e9 + 0.1)
        let cold = try build(into: out)
        XCTAssertTrue(cold.checked)
        XCTAssertGreaterThan(cold.parsed ?? 0, 150, "no store yet: every file parsed")
        XCTAssertGreaterThan(try storeFiles(out).count, 10, "the cold build keeps the store")
        let office = "seeds/cerdanyola-del-valles/office.yaml"
        let url = root.appendingPathComponent(office)
        try Data((try String(contentsOf: url, encoding: .utf8) + "# edited\n").utf8).write(to: url)
        let warm = try build(into: out)
        XCTAssertTrue(warm.checked)
        XCTAssertEqual(warm.parsed, 1, "only the file written since")
        let stored = LoadStore.open(out: out, root: root)
        let paths = stored.groups.values.flatMap(\.keys)
        XCTAssertGreaterThan(paths.count, 150)
        XCTAssertFalse(paths.contains(office), "written within the margin of the build")
        XCTAssertTrue(paths.contains("seeds/cerdanyola-del-valles/staffing.yaml"))
    }

    /// A build into another folder after a check reads the tree's store (output/ under the
    /// root) and parses only the file written since, writes nothing there (a store it
    /// kept would hold that group without the file written within the margin) nor a store
    /// of its own, and records the same input hashes and units as a build that parses
    /// every file (`--no-cache`).
    func testABuildElsewhereReadsTheTreesStoreAndWritesNone() throws {
        Thread.sleep(forTimeInterval: Double(LoadStore.racyMargin) / 1e9 + 0.1)
        _ = check(LoadStore.open(out: out, root: root))
        let kept = try storeFiles(out)
        XCTAssertGreaterThan(kept.count, 10)
        let office = root.appendingPathComponent("seeds/cerdanyola-del-valles/office.yaml")
        try Data((try String(contentsOf: office, encoding: .utf8) + "# edited\n").utf8).write(to: office)
        let elsewhere = root.appendingPathComponent("elsewhere", isDirectory: true)
        let parsing = root.appendingPathComponent("parsing", isDirectory: true)
        let through = try build(into: elsewhere)
        XCTAssertEqual(through.parsed, 1, "every other file from the check's store")
        XCTAssertEqual(try storeFiles(out), kept, "the tree's store is read only")
        XCTAssertFalse(FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent(LoadStore.path).path))
        let without = try build(into: parsing, loadStore: false)
        XCTAssertNil(without.parsed)
        let (a, b) = (BuildRecord.read(out: elsewhere), BuildRecord.read(out: parsing))
        XCTAssertGreaterThan(a.files.count, 150)
        XCTAssertEqual(a.files, b.files, "the same input hashes")
        XCTAssertEqual(a.units, b.units, "the same units, keys and reads")
        let page = "site/ca/index.html"
        XCTAssertEqual(try Data(contentsOf: elsewhere.appendingPathComponent(page)),
                       try Data(contentsOf: parsing.appendingPathComponent(page)))
    }

    /// A build of a tree with errors keeps no store: into a tree never built, it makes no
    /// output folder (its message says the output is unchanged).
    func testABuildStoppedByErrorsKeepsNoStore() throws {
        let office = root.appendingPathComponent("seeds/cerdanyola-del-valles/office.yaml")
        try Data("municipality: [\n".utf8).write(to: office)
        XCTAssertThrowsError(try build(into: out)) { XCTAssertTrue($0 is BuildRun.CheckFailed, "\($0)") }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "no output folder made")
    }

    /// A step that fails while it writes, once the build's staged folder is made.
    struct FailingStep: OutputStep {
        let name = "failing"
        let summary = "a step that fails"
        let templateFolder: String? = nil

        func check(_ network: Network) -> [Diagnostic] { [] }

        func write(_ input: BuildInput, into tree: OutputTree, settings: BuildSettings) throws -> [String] {
            _ = try tree.folder(name)
            throw OutputError.step(name: name, message: "it broke")
        }
    }

    /// What tells a store file rewritten from one left as it was: its inode (a group is
    /// written anew by a rename), size and modification time (not its change time, which a
    /// build's clone of the output by hard links changes).
    func storeContents(_ folder: URL) throws -> [String: [Int]] {
        try storeFiles(folder).mapValues { [Int($0.inode), $0.size, $0.modified] }
    }

    /// A build that fails after its check leaves the store as it was: the build keeps it
    /// with its output, in the staged folder, gone with the failed build; the next build
    /// that goes through parses the file written since and keeps its group.
    func testABuildThatFailsAfterTheCheckLeavesTheStoreAsItWas() throws {
        Thread.sleep(forTimeInterval: Double(LoadStore.racyMargin) / 1e9 + 0.1)
        XCTAssertTrue(try build(into: out).checked)
        let kept = try storeContents(out)
        XCTAssertGreaterThan(kept.count, 10)
        let office = root.appendingPathComponent("seeds/cerdanyola-del-valles/office.yaml")
        try Data((try String(contentsOf: office, encoding: .utf8) + "# edited\n").utf8).write(to: office)
        Thread.sleep(forTimeInterval: Double(LoadStore.racyMargin) / 1e9 + 0.1)
        XCTAssertThrowsError(try BuildRun.run(root: root, out: out, asOf: nil, steps: buildSteps + [FailingStep()],
                                              settings: buildSettings, tool: "oae test binary"))
        XCTAssertEqual(try storeContents(out), kept, "the failed build's store went with its staged folder")
        XCTAssertEqual(try build(into: out).parsed, 1)
        let group = LoadStore.path + "/" + LoadStore.fileName(of: "seeds/cerdanyola-del-valles")
        XCTAssertNotEqual(try storeContents(out)[group], kept[group], "kept with the build that went through")
    }

    func testGroups() {
        XCTAssertEqual(LoadStore.group(of: "seeds/abrera/reports/2026-q2.yaml"), "seeds/abrera")
        XCTAssertEqual(LoadStore.group(of: "seeds/abrera/office.yaml"), "seeds/abrera")
        XCTAssertEqual(LoadStore.group(of: "model/model.yaml"), "model")
        XCTAssertEqual(LoadStore.group(of: "x.yaml"), "")
        XCTAssertEqual(LoadStore.fileName(of: "seeds/a%b"), "gseeds%2Fa%25b.bin")
        XCTAssertEqual(LoadStore.fileName(of: ""), "g.bin")
    }
}
