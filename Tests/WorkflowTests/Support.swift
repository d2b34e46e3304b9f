import Diagnostics
import Foundation
import Model
import OAECommands
import XCTest

/// A copy of a tree in a temporary folder, for tests that change it.
struct TempTree {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let asOf = Day("2026-11-25")!

    let root: URL

    /// The real example tree: model/, seeds/ and templates/ of the package.
    static func example() throws -> TempTree {
        let tree = try TempTree(empty: ())
        for folder in ["model", "seeds", "templates"] {
            // Resolved, so that a linked folder is copied, never linked into the copy.
            let source = packageRoot.appendingPathComponent(folder).resolvingSymlinksInPath()
            if FileManager.default.fileExists(atPath: source.path) {
                try FileManager.default.copyItem(at: source, to: tree.root.appendingPathComponent(folder))
            }
        }
        return tree
    }

    /// The conforming fixture network (Tests/Fixtures/network) with the real schemas.
    static func fixture() throws -> TempTree {
        let tree = try TempTree(empty: ())
        try FileManager.default.removeItem(at: tree.root)
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Tests/Fixtures/network").resolvingSymlinksInPath(),
                                         to: tree.root)
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("model/schema").resolvingSymlinksInPath(),
                                         to: tree.root.appendingPathComponent("model/schema"))
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("templates"),
                                         to: tree.root.appendingPathComponent("templates"))
        return tree
    }

    private init(empty: Void) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("oae-workflow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
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
        let text = try read(path)
        let parts = text.components(separatedBy: old)
        XCTAssertEqual(parts.count, 2, "'\(old)' must occur once in \(path)", file: file, line: line)
        try write(path, parts.joined(separator: new))
    }

    /// Every diagnostic as `severity rule file:line:col: message`.
    func diagnostics() -> [String] {
        CheckRun.diagnose(root: root, asOf: TempTree.asOf).1.map { "\($0.severity) \($0.rule) \($0.span): \($0.message)" }
    }

    /// Runs git in the tree, failing the test when git fails.
    @discardableResult
    func git(_ args: String..., file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", root.path, "-c", "user.name=oae tests", "-c", "user.email=tests@oae.example",
                             "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"] + args
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_AUTHOR_DATE"] = "2026-11-20T10:00:00Z"
        environment["GIT_COMMITTER_DATE"] = "2026-11-20T10:00:00Z"
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "git \(args.joined(separator: " ")) failed", file: file, line: line)
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
