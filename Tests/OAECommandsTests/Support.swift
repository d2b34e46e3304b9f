import Foundation
@_exported import TestSupport
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
        try fm.copyItem(at: packageRoot.appendingPathComponent("templates"), to: root.appendingPathComponent("templates"))
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

