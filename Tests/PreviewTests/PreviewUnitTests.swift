import Foundation
@testable import Preview
import XCTest

final class PreviewUnitTests: XCTestCase {
    /// A site's root files are served with their types (the trial of session 30: an icon
    /// and a web app's manifest came as application/octet-stream).
    func testRootFilesAreServedWithTheirTypes() {
        XCTAssertEqual(SafePath.contentType("favicon.ico"), "image/vnd.microsoft.icon")
        XCTAssertEqual(SafePath.contentType("site.webmanifest"), "application/manifest+json")
        XCTAssertEqual(SafePath.contentType("img/logo.JPG"), "image/jpeg")
        XCTAssertEqual(SafePath.contentType("CNAME"), "application/octet-stream")
    }

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
        // `--host [::1]` as a URL writes it: `::1` to the resolver, `[::1]` in a URL (LOW 4).
        XCTAssertEqual(HostCheck.bare("[::1]"), "::1")
        XCTAssertEqual(HostCheck.bare("::1"), "::1")
        XCTAssertEqual(HostCheck.bare("127.0.0.1"), "127.0.0.1")
        XCTAssertEqual(HostCheck.bare("[]"), "[]")
        XCTAssertEqual(HostCheck.bracketed("::1"), "[::1]")
        XCTAssertEqual(HostCheck.bracketed("[::1]"), "[::1]")
        XCTAssertEqual(HostCheck.bracketed("localhost"), "localhost")
        XCTAssertTrue(HostCheck(boundHost: "preview.lan").allows("preview.lan:9000", port: 9000))
        // Bound to every address: reached by this machine's addresses from another one (a
        // colleague's browser), never by a name.
        let every = HostCheck(boundHost: "0.0.0.0")
        XCTAssertTrue(every.allows("192.0.2.2:8000", port: 8000))
        XCTAssertTrue(every.allows("[2001:db8::2]:8000", port: 8000))
        XCTAssertFalse(every.allows("evil.example:8000", port: 8000))
        XCTAssertFalse(every.allows("192.0.2.2.evil.example:8000", port: 8000))
        XCTAssertFalse(every.allows("192.0.2.2:8001", port: 8000))
        XCTAssertFalse(every.allows("999.0.2.2:8000", port: 8000))
        XCTAssertTrue(HostCheck(boundHost: "::").allows("[2001:db8::2]:8000", port: 8000))
        XCTAssertFalse(wide.allows("192.168.1.21:8000", port: 8000), "bound to one address: that one only")
    }

    func testLiveReloadScriptIsAddedBeforeTheEndOfTheBody() {
        XCTAssertEqual(LiveReload.inject("<html><body><p>x</p></body></html>"),
                       "<html><body><p>x</p><script src=\"/__oae/live.js\" defer></script></body></html>")
        XCTAssertEqual(LiveReload.inject("<p>x</p>"), "<p>x</p><script src=\"/__oae/live.js\" defer></script>")
        XCTAssertTrue(LiveReload.script.contains("textContent"))
        XCTAssertFalse(LiveReload.script.contains("innerHTML"))
    }

    /// A page whose own policy refuses scripts (a handbook's) lets the preview's run, in the
    /// preview only (session 44's review: no warnings box, overlay or reload on handbooks).
    func testThePreviewScriptIsAllowedByThePagesPolicy() {
        let handbook = "<head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"></head><body>x</body>"
        XCTAssertEqual(LiveReload.inject(handbook),
                       "<head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'self'; connect-src 'self'\"></head>"
                           + "<body>x<script src=\"/__oae/live.js\" defer></script></body>")
        let site = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'\">"
        XCTAssertEqual(LiveReload.allowingScript(site),
                       "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'\">")
        XCTAssertEqual(LiveReload.allowingScript("<p>no policy</p>"), "<p>no policy</p>")
        // Quotes escaped as the site's templates write them.
        XCTAssertEqual(LiveReload.allowingScript("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;self&#39;; script-src &#39;self&#39;\">"),
                       "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self'; connect-src 'self'\">")
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

    /// A good build's warnings are told to the pages open, and to each page that connects
    /// later (a page reloaded after the save); errors come first while the tree is broken.
    func testLateSubscribersSeeTheWarningsOfTheLastGoodBuild() async {
        let warned = PreviewEvent.warnings(json: "{\"diagnostics\":[{\"rule\":\"x\"}]}")
        XCTAssertEqual(warned.frame, "event: warnings\ndata: {\"diagnostics\":[{\"rule\":\"x\"}]}\n\n")
        let hub = EventHub()
        await hub.publish(warned)
        await hub.publish(.reload(build: 1))
        var late = await hub.subscribe().makeAsyncIterator()
        let first = await late.next()
        XCTAssertEqual(first, warned)
        await hub.publish(.errors(json: "{\"diagnostics\":[]}"))
        var broken = await hub.subscribe().makeAsyncIterator()
        let shown = await broken.next()
        XCTAssertEqual(shown, .errors(json: "{\"diagnostics\":[]}"))
        // Mended without warnings: an empty list, which takes the box away.
        await hub.publish(.warnings(json: "{\"diagnostics\":[]}"))
        await hub.publish(.reload(build: 2))
        var mended = await hub.subscribe().makeAsyncIterator()
        let last = await mended.next()
        XCTAssertEqual(last, .warnings(json: "{\"diagnostics\":[]}"))
    }

    /// `git checkout` removes and makes again whole folders: a watched folder (seeds/)
    /// and a folder below it made again are both watched again, so a later save is seen.
    func testAFolderRemovedAndMadeAgainIsWatchedAgain() async throws {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("oae-watch-\(UUID().uuidString)")
        let seeds = dir.appendingPathComponent("seeds")
        try fm.createDirectory(at: seeds.appendingPathComponent("x/reports"), withIntermediateDirectories: true)
        try fm.createDirectory(at: dir.appendingPathComponent("model"), withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }
        let watcher = try XCTUnwrap(Watcher(folders: [seeds, dir.appendingPathComponent("model")]))
        let changes = CollectedChanges(watcher.changes(quiet: .milliseconds(150)))
        defer { changes.stop() }

        // The top-level folder: removed, then made again with a file already in it.
        try fm.removeItem(at: seeds)
        try fm.createDirectory(at: seeds.appendingPathComponent("x"), withIntermediateDirectories: true)
        try Data("a: 1\n".utf8).write(to: seeds.appendingPathComponent("x/office.yaml"))
        let recreated = await changes.next(containing: "seeds/x/office.yaml")
        XCTAssertNotNil(recreated, "the new seeds/ and its file are seen")
        try await Task.sleep(for: .milliseconds(300))
        changes.drain()
        try Data("a: 2\n".utf8).write(to: seeds.appendingPathComponent("x/office.yaml"))
        let saved = await changes.next(containing: "seeds/x/office.yaml")
        XCTAssertEqual(saved, [seeds.appendingPathComponent("x/office.yaml").path], "a save in the new seeds/ is seen")

        // A folder below it, the same way.
        try fm.removeItem(at: seeds.appendingPathComponent("x"))
        try fm.createDirectory(at: seeds.appendingPathComponent("x/reports"), withIntermediateDirectories: true)
        try await Task.sleep(for: .milliseconds(300))
        try Data("v: 1\n".utf8).write(to: seeds.appendingPathComponent("x/reports/2026-q1.yaml"))
        let report = await changes.next(containing: "seeds/x/reports/2026-q1.yaml")
        XCTAssertNotNil(report, "a save in the new seeds/x/reports/ is seen")
    }

    func testABurstOfSavesIsOneChange() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("oae-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("seeds/x"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let watcher = try XCTUnwrap(Watcher(folders: [dir.appendingPathComponent("seeds")]))
        // Back-to-back saves (as an editor's "save all" makes them), so that a loaded
        // machine cannot stretch them past the quiet period.
        var changes = watcher.changes(quiet: .milliseconds(300)).makeAsyncIterator()
        for i in 0..<5 {
            try Data("n: \(i)\n".utf8).write(to: dir.appendingPathComponent("seeds/x/f\(i).yaml"))
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

/// The changes a watcher reports, collected by a task so that a test can wait for one
/// with a time limit (a change that never comes fails the test instead of hanging it).
final class CollectedChanges: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Set<String>] = []
    private var task: Task<Void, Never>?

    init(_ stream: AsyncStream<Set<String>>) {
        task = Task { [weak self] in
            for await change in stream {
                guard let self else { return }
                self.lock.withLock { self.items.append(change) }
            }
        }
    }

    /// The first change not yet taken that has a path ending with `suffix`, waiting up
    /// to `seconds`; earlier changes are dropped. Nil when none comes.
    func next(containing suffix: String, seconds: Double = 5) async -> Set<String>? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let found = lock.withLock { () -> Set<String>? in
                guard let index = items.firstIndex(where: { $0.contains { $0.hasSuffix(suffix) } }) else { return nil }
                defer { items.removeFirst(index + 1) }
                return items[index]
            }
            if let found { return found }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    /// Drops the changes collected so far.
    func drain() { lock.withLock { items = [] } }

    func stop() { task?.cancel() }
}
