import Foundation
import Loading
@testable import Publishing
import XCTest

/// `output/.cache/build.json`: what a build writes (`BuildRecord.text`) is what the next
/// one reads (`read`), and the replay reads the check alone with the file's stamp.
final class BuildRecordTests: XCTestCase {
    private func folder(_ record: BuildRecord?) throws -> URL {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("oae-record-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out.appendingPathComponent(".cache"), withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: out) }
        if let record { try Data(record.text.utf8).write(to: out.appendingPathComponent(BuildRecord.path)) }
        return out
    }

    private let full = BuildRecord(
        units: ["handbooks/molins-de-rei/ca": .init(key: "k1", reads: ["shared", "municipality/molins-de-rei"], pdf: "p1"),
                "site": .init(key: "k2", reads: ["all"])],
        files: ["model/model.yaml": .init(hash: "h1", size: 120, modified: 1_764_000_000_123_456_789, changed: 1_764_000_001_000_000_000),
                "seeds/molins-de-rei/office.yaml": .init(hash: "h2", size: 0, modified: 0, changed: 0)],
        groups: ["shared": "g1", "municipality/molins-de-rei": "g2"],
        check: .init(key: "c1", warnings: #"{"diagnostics":[]}"#, lines: ["site: 0 rendered, 1 reused"],
                     files: ["site/index.html"]))

    func testWhatABuildWritesIsWhatTheNextReads() throws {
        let out = try folder(full)
        XCTAssertEqual(BuildRecord.read(out: out), full)
        var noCheck = full
        noCheck.check = nil
        XCTAssertEqual(BuildRecord.read(out: try folder(noCheck)), noCheck)
    }

    func testTheReplayReadsTheCheckWithTheStampOfTheFileItRead() throws {
        let out = try folder(full)
        let read = try XCTUnwrap(BuildRecord.check(out: out))
        XCTAssertEqual(read.check, full.check)
        var st = stat()
        XCTAssertEqual(stat(out.appendingPathComponent(BuildRecord.path).path, &st), 0)
        XCTAssertEqual(read.stamp.inode, UInt(st.st_ino))
        XCTAssertEqual(read.stamp.size, Int(st.st_size))
    }

    func testNoRecordOrAnotherFormatIsAnEmptyRecord() throws {
        let none = try folder(nil)
        XCTAssertEqual(BuildRecord.read(out: none), BuildRecord())
        XCTAssertNil(BuildRecord.check(out: none))
        let other = try folder(nil)
        // Format 1 (before the change times): its files and its check are not this record's.
        try Data(#"{"format":1,"units":{},"groups":{},"files":{"model/a.yaml":["h",1,2]},"check":{"key":"c","warnings":"","lines":[],"files":[]}}"#.utf8)
            .write(to: other.appendingPathComponent(BuildRecord.path))
        XCTAssertEqual(BuildRecord.read(out: other), BuildRecord())
        XCTAssertNil(try XCTUnwrap(BuildRecord.check(out: other)).check)
        // A record cut short (a disk that filled up) is no record: the build is a cold one.
        try Data(full.text.utf8.prefix(40)).write(to: other.appendingPathComponent(BuildRecord.path))
        XCTAssertEqual(BuildRecord.read(out: other), BuildRecord())
    }

    /// A FIFO in the record's place is no record, at once: reading it must not wait for a
    /// writer (it hung every build; regression hunt of session 15).
    func testAFIFOInTheRecordsPlaceIsNoRecord() throws {
        let out = try folder(nil)
        XCTAssertEqual(mkfifo(out.appendingPathComponent(BuildRecord.path).path, 0o644), 0)
        // Read on another thread: a read that waited would fail the test, not hang it.
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var read: (BuildRecord, (check: BuildRecord.Check?, stamp: FileTree.FileStamp)?)?
        Thread {
            read = (BuildRecord.read(out: out), BuildRecord.check(out: out))
            done.signal()
        }.start()
        XCTAssertEqual(done.wait(timeout: .now() + 30), .success, "reading a FIFO as the record waits for a writer")
        XCTAssertEqual(read?.0, BuildRecord())
        XCTAssertNil(read?.1)
    }

    /// Only a folder with nothing at the record's place surely has no record: a build then
    /// loads the tree without waiting for git to make the replay's key.
    func testOnlyNothingAtTheRecordsPlaceIsSurelyNoRecord() throws {
        XCTAssertFalse(BuildRecord.mayExist(out: try folder(nil)))
        XCTAssertFalse(BuildRecord.mayExist(out: URL(fileURLWithPath: "/nonexistent/oae-out")))
        XCTAssertTrue(BuildRecord.mayExist(out: try folder(full)))
        let fifo = try folder(nil)
        XCTAssertEqual(mkfifo(fifo.appendingPathComponent(BuildRecord.path).path, 0o644), 0)
        XCTAssertTrue(BuildRecord.mayExist(out: fifo))
        let dangling = try folder(nil)
        try FileManager.default.createSymbolicLink(atPath: dangling.appendingPathComponent(BuildRecord.path).path,
                                                   withDestinationPath: "/nonexistent/build.json")
        XCTAssertTrue(BuildRecord.mayExist(out: dangling))
    }

    /// A file larger than any record a build writes is no record, and is not read whole.
    func testAFileLargerThanAnyRecordIsNoRecord() throws {
        let out = try folder(full)
        let url = out.appendingPathComponent(BuildRecord.path)
        XCTAssertEqual(BuildRecord.read(out: out), full)
        // Sparse: the size a build's record never reaches, without writing it.
        XCTAssertEqual(truncate(url.path, off_t(BuildRecord.largest + 1)), 0)
        XCTAssertEqual(BuildRecord.read(out: out), BuildRecord())
        XCTAssertNil(BuildRecord.check(out: out))
    }
}
