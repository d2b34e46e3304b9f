import Foundation
@testable import Preview
import XCTest

final class PreviewUnitTests: XCTestCase {
    func testSafePathRefusesEverythingThatCouldLeaveTheFolder() {
        XCTAssertEqual(SafePath.resolve("/"), .file(""))
        XCTAssertEqual(SafePath.resolve("/ca/oficines/sant-feliu.html?x=1"), .file("ca/oficines/sant-feliu.html"))
        XCTAssertEqual(SafePath.resolve("/ca/serveis%20nous/a.html"), .file("ca/serveis nous/a.html"))
        XCTAssertEqual(SafePath.resolve("/../Package.swift"), .refused)
        XCTAssertEqual(SafePath.resolve("/ca/../../etc/passwd"), .refused)
        XCTAssertEqual(SafePath.resolve("/%2e%2e/%2e%2e/etc/passwd"), .refused)
        XCTAssertEqual(SafePath.resolve("/ca/%2E%2E/x"), .refused)
        XCTAssertEqual(SafePath.resolve("/a\\..\\b"), .refused)
        XCTAssertEqual(SafePath.resolve("/a%00.html"), .refused)
        XCTAssertEqual(SafePath.resolve("/a%zz"), .refused)
    }

    func testOnlyThisMachinesNamesAndTheBoundHostWithTheRightPort() {
        let check = HostCheck(boundHost: "127.0.0.1")
        XCTAssertTrue(check.allows("127.0.0.1:8000", port: 8000))
        XCTAssertTrue(check.allows("LocalHost:8000", port: 8000))
        XCTAssertTrue(check.allows("[::1]:8000", port: 8000))
        XCTAssertTrue(check.allows("localhost", port: 80))
        XCTAssertFalse(check.allows("evil.example", port: 8000))
        XCTAssertFalse(check.allows("evil.example:8000", port: 8000))
        XCTAssertFalse(check.allows("localhost:8001", port: 8000))
        XCTAssertFalse(check.allows("localhost", port: 8000))
        XCTAssertFalse(check.allows("localhost.evil.example:8000", port: 8000))
        XCTAssertFalse(check.allows("[::1:8000", port: 8000))
        XCTAssertFalse(check.allows(nil, port: 8000))
        let wide = HostCheck(boundHost: "192.168.1.20")
        XCTAssertTrue(wide.allows("192.168.1.20:8000", port: 8000))
        XCTAssertFalse(wide.allows("10.0.0.1:8000", port: 8000))
        XCTAssertTrue(HostCheck(boundHost: "::1").allows("[::1]:9000", port: 9000))
        XCTAssertTrue(HostCheck(boundHost: "preview.lan").allows("preview.lan:9000", port: 9000))
    }

    func testLiveReloadScriptIsAddedBeforeTheEndOfTheBody() {
        XCTAssertEqual(LiveReload.inject("<html><body><p>x</p></body></html>"),
                       "<html><body><p>x</p><script src=\"/__oae/live.js\" defer></script></body></html>")
        XCTAssertEqual(LiveReload.inject("<p>x</p>"), "<p>x</p><script src=\"/__oae/live.js\" defer></script>")
        XCTAssertTrue(LiveReload.script.contains("textContent"))
        XCTAssertFalse(LiveReload.script.contains("innerHTML"))
    }

    func testEventFramesAndLateSubscribersSeeTheErrors() async {
        XCTAssertEqual(PreviewEvent.reload(build: 3).frame, "event: reload\ndata: {\"build\":3}\n\n")
        let hub = EventHub()
        await hub.publish(.errors(json: "{\"diagnostics\":[]}"))
        var iterator = await hub.subscribe().makeAsyncIterator()
        let first = await iterator.next()
        XCTAssertEqual(first, .errors(json: "{\"diagnostics\":[]}"))
        await hub.publish(.reload(build: 1))
        let second = await iterator.next()
        XCTAssertEqual(second, .reload(build: 1))
    }

    func testABurstOfSavesIsOneChange() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("oae-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("seeds/x"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let watcher = try XCTUnwrap(Watcher(folders: [dir.appendingPathComponent("seeds")]))
        var changes = watcher.changes(quiet: .milliseconds(150)).makeAsyncIterator()
        for i in 0..<5 {
            try Data("n: \(i)\n".utf8).write(to: dir.appendingPathComponent("seeds/x/f\(i).yaml"))
            try await Task.sleep(for: .milliseconds(20))
        }
        let burst = await changes.next()
        XCTAssertEqual(burst.map { Set($0.map { URL(fileURLWithPath: $0).lastPathComponent }) },
                       Set((0..<5).map { "f\($0).yaml" }))
        // A file in a folder made after the watch began is seen too.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("seeds/y"), withIntermediateDirectories: true)
        try await Task.sleep(for: .milliseconds(300))
        _ = await changes.next()
        try Data("n: 1\n".utf8).write(to: dir.appendingPathComponent("seeds/y/new.yaml"))
        let later = await changes.next()
        XCTAssertTrue(later?.contains { $0.hasSuffix("seeds/y/new.yaml") } ?? false, "\(String(describing: later))")
    }
}
