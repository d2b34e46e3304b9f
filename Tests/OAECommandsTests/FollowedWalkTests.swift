import Diagnostics
import Foundation
@testable import OAECommands
import Loading
import Model
import XCTest

/// `oae serve` lists again only the paths its watcher names (`LoadCache.follow`) instead
/// of walking the whole tree on every save; the load must see what a whole walk sees, and
/// a change the watcher did not name is found by the walk made after the save
/// (`walkDiffers`), and the next save then walks the whole tree.
final class FollowedWalkTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws { root = try TestPaths.networkCopy("oae-followed-walk") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    /// Checks through the session following `paths`, and from scratch: both must say the
    /// same, and the session's listing must be the whole walk's.
    func check(_ session: CheckSession, following paths: [String], _ what: String,
               file: StaticString = #filePath, line: UInt = #line) {
        session.cache.follow(paths)
        let followed = JSONReport.compact(CheckRun.checked(root: root, session: session).diagnostics)
        XCTAssertEqual(followed, JSONReport.compact(CheckRun.checked(root: root).diagnostics), what, file: file, line: line)
        XCTAssertEqual(session.cache.walkDiffers(root: root), false, "the listing after \(what) is the whole walk's", file: file, line: line)
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func testAFollowedLoadListsWhatAWholeWalkLists() throws {
        let session = CheckSession()
        _ = CheckRun.checked(root: root, session: session)
        XCTAssertEqual(session.cache.walkDiffers(root: root), false)

        let office = "seeds/molins-de-rei/office.yaml"
        let text = try String(contentsOf: root.appendingPathComponent(office), encoding: .utf8)
        try write(office, text.replacingOccurrences(of: "{ca: OAE de Molins de Rei,", with: "{ca: OAE de Molins de Rei i rodalia,"))
        check(session, following: [office], "an office edited")
        XCTAssertEqual(session.cache.parsed, 1)

        // A file added (an unexpected one: an error), then removed.
        try write("seeds/molins-de-rei/notes.txt", "notes\n")
        check(session, following: ["seeds/molins-de-rei/notes.txt"], "a file added")
        try FileManager.default.removeItem(at: root.appendingPathComponent("seeds/molins-de-rei/notes.txt"))
        check(session, following: ["seeds/molins-de-rei/notes.txt"], "a file removed")

        // A folder copied in (a new municipality), named by the watcher with its files, then removed.
        try FileManager.default.copyItem(at: root.appendingPathComponent("seeds/molins-de-rei"),
                                         to: root.appendingPathComponent("seeds/molins-copy"))
        check(session, following: ["seeds/molins-copy", "seeds/molins-copy/office.yaml"], "a folder added")
        try FileManager.default.removeItem(at: root.appendingPathComponent("seeds/molins-copy"))
        check(session, following: ["seeds/molins-copy"], "a folder removed")

        // A link in place of a file: refused, as by the whole walk.
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("seeds/link.yaml").path,
                                                   withDestinationPath: "molins-de-rei/office.yaml")
        check(session, following: ["seeds/link.yaml"], "a link added")
        try FileManager.default.removeItem(at: root.appendingPathComponent("seeds/link.yaml"))
        check(session, following: ["seeds/link.yaml"], "a link removed")

        // A change the watcher did not name is found by the whole walk after the save.
        try write("seeds/molins-de-rei/unnamed.txt", "x\n")
        session.cache.follow([office])
        _ = CheckRun.checked(root: root, session: session)
        XCTAssertEqual(session.cache.walkDiffers(root: root), true)
        // The next save walks the whole tree, whatever the watcher names.
        check(session, following: [office], "the save after the missed change")
    }
}
