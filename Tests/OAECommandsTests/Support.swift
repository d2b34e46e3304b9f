import Foundation
import XCTest

/// Paths and helpers shared by the command tests.
enum TestPaths {
    /// The package root (this file is Tests/OAECommandsTests/Support.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ name: String) -> URL {
        packageRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(name)
    }

    /// A temporary copy of the fixture network with the real schemas of model/schema.
    static func networkCopy(_ prefix: String) throws -> URL {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try fm.copyItem(at: fixture("network"), to: root)
        try fm.copyItem(at: packageRoot.appendingPathComponent("model/schema"), to: root.appendingPathComponent("model/schema"))
        return root
    }

    /// The `oae` executable built next to the test bundle.
    static var oaeBinary: URL {
        // On Linux the bundle URL is the products folder; on macOS it is the .xctest bundle in it.
        let bundle = Bundle(for: BundleMarker.self).bundleURL
        let candidates = [bundle.appendingPathComponent("oae"),
                          bundle.deletingLastPathComponent().appendingPathComponent("oae")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    /// The Python with the project's tools: OAE_PYTHON, else .venv/bin/python, else python3.
    static var python: String {
        if let p = ProcessInfo.processInfo.environment["OAE_PYTHON"], !p.isEmpty { return p }
        let venv = packageRoot.appendingPathComponent(".venv/bin/python").path
        if FileManager.default.isExecutableFile(atPath: venv) { return venv }
        return "/usr/bin/env"
    }
}

private final class BundleMarker {}

struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs a program and collects its output.
func runProcess(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                stdin: String? = nil, currentDirectory: URL? = nil) throws -> ProcessResult {
    let process = Process()
    if let currentDirectory { process.currentDirectoryURL = currentDirectory }
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = executable == "/usr/bin/env" ? ["python3"] + arguments : arguments
    if let environment { process.environment = environment }
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProcessResult(status: process.terminationStatus,
                         stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
}

/// Compares `actual` with a golden file; with OAE_UPDATE_GOLDENS=1 rewrites the file.
func assertGolden(_ actual: String, _ golden: URL, file: StaticString = #filePath, line: UInt = #line) throws {
    if ProcessInfo.processInfo.environment["OAE_UPDATE_GOLDENS"] == "1" {
        try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: golden)
        return
    }
    guard let data = FileManager.default.contents(atPath: golden.path) else {
        XCTFail("missing golden file \(golden.path); run the tests with OAE_UPDATE_GOLDENS=1 and review it",
                file: file, line: line)
        return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if expected != actual {
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let firstDiff = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
        XCTFail("""
            output differs from \(golden.lastPathComponent) at line \(firstDiff + 1):
              expected: \(firstDiff < e.count ? String(e[firstDiff]) : "<end>")
              actual:   \(firstDiff < a.count ? String(a[firstDiff]) : "<end>")
            """, file: file, line: line)
    }
}
