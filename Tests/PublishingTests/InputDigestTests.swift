import Foundation
import Loading
import Model
@testable import Publishing
import XCTest

/// The content hashes of a tree's input files (`InputDigest`), read folder by folder with
/// the walk's sizes and times (issue 13): the SHA-256 of each file's bytes, and of each
/// group's paths and hashes.
final class InputDigestTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("oae-digest-\(UUID().uuidString)")
        let files = ["model/a.yaml": "name: a\n", "seeds/abrera/office.yaml": "",
                     "seeds/abrera/services/x.md": "---\nid: x\n---\nText.\n", "templates/site/page.mustache": "{{a}}\n",
                     "model/.hidden.yaml": "hidden: true\n", "README.md": "not an input\n"]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        // A link is never followed, so never hashed.
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("model/link.yaml").path,
                                                   withDestinationPath: "a.yaml")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    /// Size, modification and change times (ns) as `stat` gives them.
    func stamp(_ path: String) -> (Int, Int, Int) {
        var st = stat()
        XCTAssertEqual(stat(root.appendingPathComponent(path).path, &st), 0)
        return (Int(st.st_size), Int(st.st_mtim.tv_sec) * 1_000_000_000 + Int(st.st_mtim.tv_nsec),
                Int(st.st_ctim.tv_sec) * 1_000_000_000 + Int(st.st_ctim.tv_nsec))
    }

    func testEveryInputFileIsHashedWithItsSizeAndTime() {
        let digest = InputDigest.compute(root: root, municipalities: ["abrera", "agullana"])
        XCTAssertEqual(digest.files.keys.sorted(), ["model/a.yaml", "seeds/abrera/office.yaml", "seeds/abrera/services/x.md",
                                                    "templates/site/page.mustache"])
        let hashes = ["model/a.yaml": "1e7e5f3c45fc71cc0d92ffd6a4136ce35256118f2cb9a940b09a9e336022a571",
                      "seeds/abrera/office.yaml": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                      "seeds/abrera/services/x.md": "08d3573ac9e1e97a1185e37ee62804d05fd4113b5e8ba90a40f1d4b37b1ac650",
                      "templates/site/page.mustache": "3d74fb27eca6c36989795523949d8c742a6abaad0997b34435d4f7e65f605f39"]
        for (path, hash) in hashes {
            let (size, modified, changed) = stamp(path)
            XCTAssertEqual(digest.files[path], InputDigest.File(hash: hash, size: size, modified: modified, changed: changed), path)
        }
        XCTAssertEqual(digest.groups, [
            "shared": "dfaa54cc305e56475005db20369e65895d55bd82cec05110215339168f0b3a76",
            "municipality/abrera": "49c4de45d69c2569591fbe9d5c984b5cef295a81775171254826634e06b8cfce",
            // A municipality without files has the hash of nothing.
            "municipality/agullana": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "all": "fbbfb8cc8e81c5c554d3b74e0e5cd5e42552fdc9ddd22bc29446f084ba5e0836",
        ])
    }

    /// A file whose size and times are those recorded keeps its recorded hash unread; one
    /// whose modification or change time differs is read again.
    func testARecordedFileWithTheSameStampIsNotReadAgain() {
        let (size, modified, changed) = stamp("model/a.yaml")
        let kept = InputDigest.compute(root: root, municipalities: ["abrera"],
                                       previous: ["model/a.yaml": .init(hash: "recorded", size: size, modified: modified, changed: changed)])
        XCTAssertEqual(kept.files["model/a.yaml"]?.hash, "recorded")
        XCTAssertEqual(kept.groups["shared"], "a9c41193f87ec5da475c720340b96b3a9f6f402cfbe25aa785c6ccd1a54acbdc")
        let real = "1e7e5f3c45fc71cc0d92ffd6a4136ce35256118f2cb9a940b09a9e336022a571"
        let read = InputDigest.compute(root: root, municipalities: ["abrera"],
                                       previous: ["model/a.yaml": .init(hash: "recorded", size: size, modified: modified + 1, changed: changed)])
        XCTAssertEqual(read.files["model/a.yaml"]?.hash, real)
        let changedSince = InputDigest.compute(root: root, municipalities: ["abrera"],
                                               previous: ["model/a.yaml": .init(hash: "recorded", size: size, modified: modified, changed: changed - 1)])
        XCTAssertEqual(changedSince.files["model/a.yaml"]?.hash, real)
    }

    /// An edit that keeps the size and sets the modification time back (`cp -p`, `touch -r`)
    /// still changes the change time: the file is hashed again (regression hunt of session 15).
    func testAnEditThatKeepsSizeAndModificationTimeIsHashedAgain() throws {
        let path = root.appendingPathComponent("model/a.yaml")
        let first = InputDigest.compute(root: root, municipalities: ["abrera"])
        var st = stat()
        XCTAssertEqual(stat(path.path, &st), 0)
        let times = [st.st_atim, st.st_mtim]
        try Data("name: b\n".utf8).write(to: path)  // the same size as "name: a\n"
        XCTAssertEqual(times.withUnsafeBufferPointer { utimensat(AT_FDCWD, path.path, $0.baseAddress, 0) }, 0)
        let (size, modified, _) = stamp("model/a.yaml")
        XCTAssertEqual(size, first.files["model/a.yaml"]?.size)
        XCTAssertEqual(modified, first.files["model/a.yaml"]?.modified)
        let again = InputDigest.compute(root: root, municipalities: ["abrera"], previous: first.files)
        XCTAssertEqual(again.files["model/a.yaml"]?.hash, "9aa29ea4012f59d336d24b7c12ddf5dea51a5c4ba44ae92dea070ce4e893708c")
    }

    /// A file written after the walk the build loaded from is left unhashed (the build
    /// loaded it as the walk saw it, from the load store or read before): its group's hash
    /// then differs from the next build's, which renders what read it again, where the
    /// hash of the new bytes under the walk's stamp would have matched the next build's and
    /// kept outputs made from the old bytes (session 41's review).
    func testAFileWrittenSinceTheWalkIsLeftUnhashed() throws {
        let listing = FileTree.list(root: root, folders: TreeLayout.contentFolders)
        try Data("name: changed\n".utf8).write(to: root.appendingPathComponent("seeds/abrera/office.yaml"))
        let (paths, files) = InputDigest.hash(root: root, listing: listing)
        let hashed = Dictionary(uniqueKeysWithValues: zip(paths, files))
        XCTAssertEqual(paths.count, 4)
        XCTAssertNil(hashed["seeds/abrera/office.yaml"] ?? nil, "written since the walk")
        XCTAssertNotNil(hashed["seeds/abrera/services/x.md"] ?? nil)
        let next = InputDigest.compute(root: root, municipalities: ["abrera"])
        XCTAssertNotEqual(InputDigest.grouped((paths, files), municipalities: ["abrera"]).groups["municipality/abrera"],
                          next.groups["municipality/abrera"])
    }

    /// Hashes begun early, on a thread of their own, give the digest `compute` gives, and
    /// keep the hashes of the output's record for files whose stamps are unchanged.
    func testHashesBegunEarlyGiveTheSameDigest() throws {
        let out = root.appendingPathComponent("output")
        let early = EarlyInputHashes(root: root, out: out)
        let digest = InputDigest.grouped(early.hashes(), municipalities: ["abrera"])
        let computed = InputDigest.compute(root: root, municipalities: ["abrera"])
        XCTAssertEqual(digest.files, computed.files)
        XCTAssertEqual(digest.groups, computed.groups)
        XCTAssertEqual(digest.groups["municipality/abrera"], "49c4de45d69c2569591fbe9d5c984b5cef295a81775171254826634e06b8cfce")
        let (size, modified, changed) = stamp("model/a.yaml")
        let record = BuildRecord(files: ["model/a.yaml": .init(hash: "recorded", size: size, modified: modified, changed: changed)])
        try FileManager.default.createDirectory(at: out.appendingPathComponent(".cache"), withIntermediateDirectories: true)
        try Data(record.text.utf8).write(to: out.appendingPathComponent(BuildRecord.path))
        let kept = InputDigest.grouped(EarlyInputHashes(root: root, out: out).hashes(), municipalities: ["abrera"])
        XCTAssertEqual(kept.files["model/a.yaml"]?.hash, "recorded")
        XCTAssertEqual(kept.groups["shared"], "a9c41193f87ec5da475c720340b96b3a9f6f402cfbe25aa785c6ccd1a54acbdc")
        // The output folder is not an input.
        XCTAssertEqual(kept.files.count, 4)
    }

    /// Without a record in the output folder (a cold build) the hashes are made from the
    /// bytes the load gives (`observer`), not read again: a file given with other bytes
    /// has those bytes' hash. The files the load did not give are read when the hashes
    /// are taken. With a record there is no observer (the hashes are made on a thread).
    func testAColdBuildHashesTheBytesTheLoadRead() throws {
        let out = root.appendingPathComponent("output")
        let early = EarlyInputHashes(root: root, out: out)
        let observe = try XCTUnwrap(early.observer)
        let listing = FileTree.list(root: root, folders: TreeLayout.contentFolders)
        let i = try XCTUnwrap(listing.files.firstIndex(of: "model/a.yaml"))
        observe("model/a.yaml", listing.stamps[i], Array("name: b\n".utf8))
        let digest = InputDigest.grouped(early.hashes(), municipalities: ["abrera"])
        let (size, modified, changed) = stamp("model/a.yaml")
        // SHA-256 of "name: b\n" (the file holds "name: a\n").
        XCTAssertEqual(digest.files["model/a.yaml"],
                       InputDigest.File(hash: "9aa29ea4012f59d336d24b7c12ddf5dea51a5c4ba44ae92dea070ce4e893708c", size: size,
                                        modified: modified, changed: changed))
        let computed = InputDigest.compute(root: root, municipalities: ["abrera"])
        XCTAssertEqual(digest.files.count, 4)
        for path in ["seeds/abrera/office.yaml", "seeds/abrera/services/x.md", "templates/site/page.mustache"] {
            XCTAssertEqual(digest.files[path], computed.files[path], path)
        }
        try FileManager.default.createDirectory(at: out.appendingPathComponent(".cache"), withIntermediateDirectories: true)
        try Data(BuildRecord().text.utf8).write(to: out.appendingPathComponent(BuildRecord.path))
        XCTAssertNil(EarlyInputHashes(root: root, out: out).observer)
    }

    /// A tree loaded with a cold build's observer gives the digest `compute` gives, and the
    /// load gave it every file it read (the example tree's documents and schemas).
    func testHashesFromTheLoadGiveTheSameDigest() throws {
        // The package's root holds the example tree.
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let early = EarlyInputHashes(root: fixture, out: root.appendingPathComponent("output"))
        let observe = try XCTUnwrap(early.observer)
        let given = GivenPaths()
        let tree = TreeLoader.load(root: fixture, observe: { path, stamp, bytes in
            given.add(path)
            observe(path, stamp, bytes)
        })
        let municipalities = Set(tree.documents.compactMap(\.municipality))
        let digest = InputDigest.grouped(early.hashes(), municipalities: municipalities)
        let computed = InputDigest.compute(root: fixture, municipalities: municipalities)
        XCTAssertEqual(digest.files, computed.files)
        XCTAssertEqual(digest.groups, computed.groups)
        let read = Set(tree.documents.map(\.path)).union(tree.schemas.values.map(\.path))
        XCTAssertFalse(read.isEmpty)
        XCTAssertTrue(read.isSubset(of: given.paths), "not given: \(read.subtracting(given.paths).sorted())")
    }
}

/// The paths an observer was given, from several threads.
private final class GivenPaths: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: Set<String> = []
    func add(_ path: String) { lock.withLock { _ = seen.insert(path) } }
    var paths: Set<String> { lock.withLock { seen } }
}

/// `handbooks/index.json` lists the regular files found, sizes from `lstat`.
final class HandbookManifestScanTests: XCTestCase {
    func testTheManifestListsEveryHandbookWithItsSizes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("oae-manifest-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        func write(_ path: String, _ bytes: Int) throws {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(repeating: 0x61, count: bytes).write(to: url)
        }
        try write("abrera/ca/handbook.html", 5)
        try write("abrera/ca/handbook.pdf", 7)
        try write("abrera/es/handbook.html", 11)
        try write("agullana/ca/notes.txt", 3)  // no handbook: left out
        try write(".staging/ca/handbook.html", 2)  // hidden: left out
        // A link where the HTML should be is not a handbook.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("alella/ca"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("alella/ca/handbook.html").path,
                                                   withDestinationPath: "../../abrera/ca/handbook.html")
        let manifest = HandbookManifest.scan(folder) { m, lang in "\(m) (\(lang))" }
        XCTAssertEqual(manifest.entries, [
            .init(municipality: "abrera", name: "abrera (ca)", language: "ca", html: "abrera/ca/handbook.html", htmlBytes: 5,
                  pdf: "abrera/ca/handbook.pdf", pdfBytes: 7),
            .init(municipality: "abrera", name: "abrera (es)", language: "es", html: "abrera/es/handbook.html", htmlBytes: 11,
                  pdf: nil, pdfBytes: nil),
        ])
    }

    /// One municipality's handbooks, found among the sorted entries (first, middle, last,
    /// absent, and a name that is a prefix of another's).
    func testOneMunicipalitysEntries() {
        func entry(_ m: String, _ lang: String) -> HandbookManifest.Entry {
            .init(municipality: m, name: m, language: lang, htmlBytes: 1, pdfBytes: nil)
        }
        let manifest = HandbookManifest(entries: [entry("vic", "es"), entry("abrera", "ca"), entry("vic", "ca"),
                                                  entry("sant-feliu", "ca"), entry("sant-feliu-de-llobregat", "en"),
                                                  entry("sant-feliu-de-llobregat", "ca"), entry("alella", "ca")])
        let keys = { (m: String) in manifest.entries(of: m).map { "\($0.municipality)/\($0.language)" } }
        XCTAssertEqual(keys("abrera"), ["abrera/ca"])
        XCTAssertEqual(keys("sant-feliu"), ["sant-feliu/ca"])
        XCTAssertEqual(keys("sant-feliu-de-llobregat"), ["sant-feliu-de-llobregat/ca", "sant-feliu-de-llobregat/en"])
        XCTAssertEqual(keys("vic"), ["vic/ca", "vic/es"])
        XCTAssertEqual(keys("molins-de-rei"), [])
        XCTAssertEqual(keys("zz"), [])
        XCTAssertEqual(HandbookManifest(entries: []).entries(of: "vic").count, 0)
    }
}
