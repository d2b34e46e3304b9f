import Foundation
import Tools
import XCTest

/// Where a build finds its tools.
final class ToolLocationTests: XCTestCase {
    /// Pagefind beside the Python `OAE_PYTHON` names is found, before any `.venv` of the
    /// current folder or the `PATH` (two trials of session 38 set `OAE_PYTHON` alone, as the
    /// README says for the Python tools, and their sites had no search); `OAE_PAGEFIND`
    /// still decides first.
    func testPagefindBesideThePythonOAEPythonNames() throws {
        let fm = FileManager.default
        let base = fm.temporaryDirectory.appendingPathComponent("oae-tools-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: base) }
        let bin = base.appendingPathComponent("env/bin")
        let root = base.appendingPathComponent("tree")
        try fm.createDirectory(at: bin, withIntermediateDirectories: true)
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        for name in ["python", "pagefind"] {
            let file = bin.appendingPathComponent(name)
            try Data("#!/bin/sh\n".utf8).write(to: file)
            try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
        }
        let python = bin.appendingPathComponent("python").path
        XCTAssertEqual(Pagefind.locate(root: root, environment: ["OAE_PYTHON": python, "PATH": ""])?.path,
                       bin.appendingPathComponent("pagefind").path)
        XCTAssertNil(Pagefind.locate(root: root, environment: ["OAE_PYTHON": python, "OAE_PAGEFIND": "off", "PATH": ""]))
        // Without it, the folder's own .venv is found, as before.
        try fm.removeItem(at: bin.appendingPathComponent("pagefind"))
        let own = root.appendingPathComponent(".venv/bin")
        try fm.createDirectory(at: own, withIntermediateDirectories: true)
        try Data("#!/bin/sh\n".utf8).write(to: own.appendingPathComponent("pagefind"))
        try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: own.appendingPathComponent("pagefind").path)
        XCTAssertEqual(Pagefind.locate(root: root, environment: ["OAE_PYTHON": python, "PATH": ""])?.path,
                       own.appendingPathComponent("pagefind").path)
    }
}
