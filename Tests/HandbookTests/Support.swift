import Foundation
import Handbook
import Tools
import Model
import OAECommands
import Rendering
import Resolution
import XCTest

/// Trees, build inputs and tools shared by the handbook tests.
enum HandbookTestSupport {
    /// The package root (this file is Tests/HandbookTests/Support.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The source date every test builds with (2025-11-24 16:00:00 UTC), set through the
    /// API rather than the environment.
    static let epoch = 1_764_000_000
    static let revision = "0123456789abcdef0123456789abcdef01234567"
    static let asOf = Day("2026-11-25")!

    /// A fresh folder under the temporary directory, removed when the test process exits
    /// (a test that removes it first loses nothing): tests that passed a copy of the example
    /// straight to a build left one folder each behind, at every run.
    static func temporaryFolder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("oae-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        Made.shared.add(url)
        return url
    }

    /// The folders `temporaryFolder` made, removed at exit.
    final class Made: @unchecked Sendable {
        static let shared = Made()
        private let lock = NSLock()
        private var folders: [URL] = []

        private init() {
            atexit { HandbookTestSupport.Made.shared.removeAll() }
        }

        func add(_ url: URL) { lock.withLock { folders.append(url) } }

        func removeAll() {
            let all = lock.withLock { () -> [URL] in defer { folders = [] }; return folders }
            for url in all { try? FileManager.default.removeItem(at: url) }
        }
    }

    /// A copy of the real example tree (model/, seeds/, templates/).
    static func exampleTree() throws -> URL {
        let root = try temporaryFolder("example")
        for folder in ["model", "seeds", "templates"] {
            try FileManager.default.copyItem(at: packageRoot.appendingPathComponent(folder),
                                             to: root.appendingPathComponent(folder))
        }
        return root
    }

    /// A copy of the fixture network with the real schemas and the real templates.
    static func fixtureTree() throws -> URL {
        let root = try temporaryFolder("fixture")
        try FileManager.default.removeItem(at: root)
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Tests/Fixtures/network"), to: root)
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("model/schema"),
                                         to: root.appendingPathComponent("model/schema"))
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("templates"),
                                         to: root.appendingPathComponent("templates"))
        return root
    }

    /// Loads and checks a tree and returns what the build steps get, with a fixed
    /// revision and source date. Fails the test when the tree has errors.
    /// The build input of the tree checked as of `asOf`, which must have no errors but
    /// those of the rules `allowing` names (a test of what a check without `--as-of` lets
    /// through: `date-after-check-day`).
    static func input(_ root: URL, allowing: Set<String> = [], file: StaticString = #filePath, line: UInt = #line) -> BuildInput {
        let (tree, diagnostics) = CheckRun.diagnose(root: root, asOf: asOf)
        let errors = diagnostics.filter { $0.severity == .error && !allowing.contains($0.rule) }
        XCTAssertTrue(errors.isEmpty, "the tree has errors:\n" + errors.map { "\($0.span): \($0.message)" }.joined(separator: "\n"),
                      file: file, line: line)
        let network = Network(tree: tree)
        let resolved = network.municipalitySlugs.compactMap { Resolver.resolve(network, municipality: $0) }
        return BuildInput(root: root, network: network, resolved: resolved, sourceRevision: revision,
                          sourceEpoch: epoch, toolVersion: OAE.version)
    }

    /// One handbook's HTML.
    static func render(_ input: BuildInput, _ municipality: String, _ language: String) throws -> String {
        let (renderer, problems) = HandbookRenderer.load(input)
        XCTAssertEqual(problems, [])
        let view = try XCTUnwrap(input.resolved.first { $0.slug == municipality })
        return renderer.render(view, language: language)
    }

    /// The project's Typst (the `typst` package of `.venv/bin/python`); the PDF tests
    /// fail without it.
    static func typst(file: StaticString = #filePath, line: UInt = #line) throws -> TypstEngine {
        let path = packageRoot.appendingPathComponent(".venv/bin/python")
        guard let t = TypstEngine.at(path) else {
            XCTFail("Typst is missing from \(path.path): run scripts/setup.sh (it installs the Python tools into .venv/)",
                    file: file, line: line)
            throw Missing.typst
        }
        return t
    }

    /// The `oae` executable built next to the test bundle.
    static var oaeBinary: URL {
        let bundle = Bundle(for: BundleMarker.self).bundleURL
        let candidates = [bundle.appendingPathComponent("oae"), bundle.deletingLastPathComponent().appendingPathComponent("oae")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    /// The text of a PDF page by page (`pdftotext -layout`; pages split at form feeds).
    static func pdfPages(_ pdf: URL) throws -> [String] {
        let result = try run("/usr/bin/pdftotext", ["-layout", pdf.path, "-"])
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout.components(separatedBy: "\u{0C}")
    }

    /// The section of one chapter in a handbook's HTML.
    static func chapter(_ source: String, in html: String) -> String {
        guard let start = html.range(of: "<section class=\"chapter chapter-\(source)\"") else { return "" }
        guard let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex) else { return "" }
        return String(html[start.lowerBound..<end.upperBound])
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs a program to its end and collects its output.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Compares `actual` with a golden file; with OAE_UPDATE_GOLDENS=1 rewrites it.
    static func assertGolden(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let golden = packageRoot.appendingPathComponent("Tests/HandbookTests/Golden").appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["OAE_UPDATE_GOLDENS"] == "1" {
            try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: golden)
            return
        }
        guard let data = FileManager.default.contents(atPath: golden.path) else {
            XCTFail("missing golden file \(golden.path); run the tests with OAE_UPDATE_GOLDENS=1 and review it", file: file, line: line)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != actual else { return }
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
        XCTFail("""
            output differs from \(name) at line \(first + 1):
              expected: \(first < e.count ? String(e[first]) : "<end>")
              actual:   \(first < a.count ? String(a[first]) : "<end>")
            """, file: file, line: line)
    }
}

private final class BundleMarker {}

enum Missing: Error { case typst }

/// A test case with a fresh copy of the fixture network (real schemas and templates) in
/// `root`, removed afterwards.
class FixtureTreeTestCase: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = try HandbookTestSupport.fixtureTree()
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: root)
    }
}
