import Foundation
@testable import Publishing
import Synchronization
import XCTest

/// Files written part by part (the network's catalogue of the open data).
final class FileWritingTests: XCTestCase {
    func testPartsAreWrittenInOrderIntoANewFolder() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("oae-parts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let url = base.appendingPathComponent("data/catalogue.jsonld")
        let count = try writeFile(url) { emit in
            Array("{\n".utf8).withUnsafeBytes(emit)
            [UInt8]().withUnsafeBytes(emit)
            Array("  \"a\": 1\n}\n".utf8).withUnsafeBytes(emit)
        }
        XCTAssertEqual(count, 13)
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "{\n  \"a\": 1\n}\n")
    }

    func testAFileThatCannotBeWrittenIsAnErrorWithItsPath() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("oae-parts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        try Data("a file".utf8).write(to: base.appendingPathComponent("data"))
        // `data` is a file, so `data/catalogue.jsonld` cannot be opened: not a directory.
        XCTAssertThrowsError(try writeFile(base.appendingPathComponent("data/catalogue.jsonld")) { [UInt8(1)].withUnsafeBytes($0) }) { error in
            let failure = error as? FileWriteError
            XCTAssertEqual(failure?.path, base.appendingPathComponent("data/catalogue.jsonld").path)
            XCTAssertEqual(failure?.code, ENOTDIR)
        }
    }

    /// A page written by its path (the site's pages): its folders made, its bytes as given,
    /// a second write replacing the first; a path under a file is an error with that path.
    func testBytesAreWrittenByPathIntoNewFolders() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("oae-path-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let path = base.path + "/ca/offices/l-hospitalet/charter.html"
        try writeFile(path: path, Array("<p>longer first</p>\n".utf8))
        try writeFile(path: path, Array("<p>àé</p>\n".utf8))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), Data("<p>àé</p>\n".utf8))
        XCTAssertThrowsError(try writeFile(path: path + "/x.html", [0x61])) { error in
            XCTAssertEqual((error as? FileWriteError)?.path, path + "/x.html")
            XCTAssertEqual((error as? FileWriteError)?.code, ENOTDIR)
        }
    }

    /// A write that fails partway (a full disk: `/dev/full`) is thrown once the parts are given.
    func testAWriteThatFailsPartwayIsThrownAfterTheParts() throws {
        var given = 0
        XCTAssertThrowsError(try writeFile(URL(fileURLWithPath: "/dev/full")) { emit in
            for _ in 0..<3 { [UInt8](repeating: 0x61, count: 700_000).withUnsafeBytes(emit); given += 1 }
        }) { error in
            XCTAssertEqual((error as? FileWriteError)?.code, ENOSPC)
            XCTAssertEqual((error as? FileWriteError)?.path, "/dev/full")
        }
        XCTAssertEqual(given, 3)
    }
}

/// Once a signal's handler is stopping the build (`Interruption.stop`), a page whose
/// folder is gone (the handler removed the staging folder) is an error, and no folder is
/// made again: the staging folder was made anew by a thread still writing, and left.
final class StoppingTests: XCTestCase {
    func testNoFolderIsMadeOnceTheBuildIsStopping() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("oae-stopping-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let staging = base.appendingPathComponent(".out.staging-1")
        try writeFile(path: staging.path + "/site/ca/index.html", Array("<p>a</p>\n".utf8))
        try FileManager.default.removeItem(at: staging)
        Interruption.stopping.store(true, ordering: .releasing)
        defer { Interruption.stopping.store(false, ordering: .releasing) }
        XCTAssertThrowsError(try writeFile(path: staging.path + "/site/ca/offices/x.html", Array("<p>b</p>\n".utf8))) { error in
            XCTAssertEqual((error as? FileWriteError)?.code, ECANCELED)
        }
        XCTAssertThrowsError(try HardLinks.place(base.appendingPathComponent("none"), at: staging.appendingPathComponent("site/data/x.csv")))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: base.path), [])
    }
}
