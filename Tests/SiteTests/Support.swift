import Diagnostics
import Foundation
import Model
import OAECommands
import Rendering
import Resolution
@testable import Site
import XCTest

/// A tree to build in a temporary folder: the fixture network (Tests/Fixtures/network)
/// or the example network (model/, seeds/), with the real schemas and site templates.
struct SiteTree {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// 2026-11-25, the day the example network is checked as of.
    static let epoch = 1_795_564_800

    let root: URL

    init(example: Bool = false) throws {
        let fm = FileManager.default
        root = fm.temporaryDirectory.appendingPathComponent("oae-site-\(UUID().uuidString)")
        let package = SiteTree.packageRoot
        if example {
            try fm.createDirectory(at: root, withIntermediateDirectories: true)
            for folder in ["model", "seeds"] {
                try fm.copyItem(at: package.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
            }
        } else {
            try fm.copyItem(at: package.appendingPathComponent("Tests/Fixtures/network"), to: root)
            try fm.copyItem(at: package.appendingPathComponent("model/schema"), to: root.appendingPathComponent("model/schema"))
        }
        try fm.copyItem(at: package.appendingPathComponent("templates"), to: root.appendingPathComponent("templates"))
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Replaces `old` (which must occur exactly once) by `new` in a file.
    func replace(_ path: String, _ old: String, _ new: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let parts = try read(path).components(separatedBy: old)
        XCTAssertEqual(parts.count, 2, "'\(old)' must occur once in \(path)", file: file, line: line)
        try write(path, parts.joined(separator: new))
    }

    /// The checked and resolved tree, as the build commands make it (no error allowed).
    func input(file: StaticString = #filePath, line: UInt = #line) throws -> BuildInput {
        let (tree, diagnostics) = CheckRun.diagnose(root: root, asOf: Day("2026-11-25"))
        let errors = diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(errors.map { "\($0.rule) \($0.span): \($0.message)" }, [], file: file, line: line)
        let network = Network(tree: tree)
        let resolved = network.municipalitySlugs.compactMap { Resolver.resolve(network, municipality: $0) }
        return BuildInput(root: root, network: network, resolved: resolved, sourceRevision: "0123456789abcdef",
                          sourceEpoch: SiteTree.epoch, toolVersion: "test")
    }
}

extension BuildInput {
    /// The same input, built as `oae build --as-of DAY` builds it.
    func asOf(_ day: Day) -> BuildInput {
        BuildInput(root: root, network: network, resolved: resolved, sourceRevision: sourceRevision,
                   sourceEpoch: sourceEpoch, toolVersion: toolVersion, sourceModified: sourceModified, stamps: stamps, asOf: day)
    }
}

/// Every file under a folder, relative to it, with its bytes.
func filesUnder(_ folder: URL) -> [String: Data] {
    var out: [String: Data] = [:]
    let fm = FileManager.default
    guard let e = fm.enumerator(atPath: folder.path) else { return out }
    for case let path as String in e {
        var isDir: ObjCBool = false
        let url = folder.appendingPathComponent(path)
        if fm.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue {
            out[path] = fm.contents(atPath: url.path)
        }
    }
    return out
}

/// Runs `oae ARGS…` in-process; the error it throws, if any.
@discardableResult
func runOAE(_ arguments: [String]) -> Error? {
    do {
        var command = try OAE.parseAsRoot(arguments)
        try command.run()
        return nil
    } catch {
        return error
    }
}

/// The Pagefind of the project's .venv, else nil (search is then left out of the build).
func projectPagefind() -> String? {
    let path = SiteTree.packageRoot.appendingPathComponent(".venv/bin/pagefind").path
    return FileManager.default.isExecutableFile(atPath: path) ? path : nil
}

extension String {
    /// A page's markup without the line breaks between tags and the search index's
    /// `data-pagefind-ignore` marks that the layout adds (`ScrollRegions`, `Wayfinding`), for
    /// tests that look for a fragment of a page's content.
    var flat: String {
        replacingOccurrences(of: ">\n<", with: "><").replacingOccurrences(of: " data-pagefind-ignore", with: "")
    }
}

/// Every page of a site built from a build input with no search, handbooks, data files
/// or structured data, by path (`ca/agreements/x.html`).
func sitePages(_ input: BuildInput) throws -> [String: String] {
    let build = try SiteBuild(input: input, options: SiteOptions(
        baseURL: "https://example.org/oae/", search: false, handbooks: nil, dataFiles: [], structuredData: .none))
    return Dictionary(uniqueKeysWithValues: build.pages().map { ($0.path, $0.html) })
}
