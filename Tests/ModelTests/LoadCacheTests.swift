import Foundation
import Model
import XCTest

/// `oae serve` loads the tree again on every save through a `LoadCache`: only files whose
/// stamps (size, times, inode) changed are parsed again, and the tree is the same as a load without the cache.
final class LoadCacheTests: XCTestCase {
    func testOnlyChangedFilesAreParsedAgainAndTheTreeIsTheSame() throws {
        let fm = FileManager.default
        let package = TreeLayoutTests.packageRoot
        let root = fm.temporaryDirectory.appendingPathComponent("oae-load-cache-\(UUID().uuidString)")
        try fm.copyItem(at: package.appendingPathComponent("Tests/Fixtures/network"), to: root)
        try fm.copyItem(at: package.appendingPathComponent("model/schema"), to: root.appendingPathComponent("model/schema"))
        defer { try? fm.removeItem(at: root) }
        func summary(_ tree: LoadedTree) -> [String] {
            tree.documents.map { "\($0.path) \($0.root?["id"]?.string ?? "") \($0.root?["name"]?["ca"]?.string ?? "")" }.sorted()
                + tree.diagnostics.map { "\($0.rule) \($0.span)" }.sorted()
        }

        let cache = LoadCache()
        let first = TreeLoader.load(root: root, cache: cache)
        XCTAssertGreaterThan(first.paths.count, 20)
        XCTAssertEqual(cache.parsed, first.paths.count, "the first load reads every file")
        _ = TreeLoader.load(root: root, cache: cache)
        XCTAssertEqual(cache.parsed, 0, "nothing changed, nothing parsed")

        let office = root.appendingPathComponent("seeds/sant-feliu-de-llobregat/office.yaml")
        let edited = try String(contentsOf: office, encoding: .utf8)
            .replacingOccurrences(of: "{ca: OAE de Sant Feliu", with: "{ca: OAE Editada de Sant Feliu")
        try Data(edited.utf8).write(to: office)
        let cached = TreeLoader.load(root: root, cache: cache)
        XCTAssertEqual(cache.parsed, 1)
        XCTAssertEqual(summary(cached), summary(TreeLoader.load(root: root)))
        XCTAssertTrue(summary(cached).contains { $0.hasPrefix("seeds/sant-feliu-de-llobregat/office.yaml sant-feliu-de-llobregat OAE Editada") })

        // A change to the kind table forgets everything: every file is placed again.
        let kinds = root.appendingPathComponent("model/schema/kinds.yaml")
        try Data((try String(contentsOf: kinds, encoding: .utf8) + "\n").utf8).write(to: kinds)
        _ = TreeLoader.load(root: root, cache: cache)
        XCTAssertEqual(cache.parsed, first.paths.count)
    }
}
