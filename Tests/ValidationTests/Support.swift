import Diagnostics
import Foundation
import Model
import OAECommands
import XCTest

/// The conforming fixture network (Tests/Fixtures/network) with the real schemas of
/// model/schema/, copied to a temporary folder so that a test can change it.
struct FixtureTree {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let asOf = Day("2026-11-25")!

    let root: URL

    init() throws {
        let fm = FileManager.default
        root = fm.temporaryDirectory.appendingPathComponent("oae-fixture-\(UUID().uuidString)")
        try fm.copyItem(at: FixtureTree.packageRoot.appendingPathComponent("Tests/Fixtures/network"), to: root)
        try fm.copyItem(at: FixtureTree.packageRoot.appendingPathComponent("model/schema"),
                        to: root.appendingPathComponent("model/schema"))
        try fm.copyItem(at: FixtureTree.packageRoot.appendingPathComponent("templates"),
                        to: root.appendingPathComponent("templates"))
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

    func delete(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    /// Replaces `old` (which must occur exactly once) by `new` in a file.
    /// The address and the opening hours that end the fixture's pilot office
    /// (`office-unpublished` wants them of an office that serves).
    static let officeDetails = """
        address:
          street: Carrer de Pi i Margall, 30
          postal_code: "08980"
          locality: Sant Feliu de Llobregat
        opening_hours:
          - days: [mo, tu, we, th, fr]
            opens: "09:00"
            closes: "14:00"

        """

    /// Takes the address and the hours out of the fixture's pilot office, for a test that
    /// writes its own.
    func removeOfficeDetails() throws {
        try replace("seeds/sant-feliu-de-llobregat/office.yaml", FixtureTree.officeDetails, "")
    }

    func replace(_ path: String, _ old: String, _ new: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let text = try read(path)
        let parts = text.components(separatedBy: old)
        XCTAssertEqual(parts.count, 2, "'\(old)' must occur once in \(path)", file: file, line: line)
        try write(path, parts.joined(separator: new))
    }

    /// Every diagnostic as `rule file:line:col: message`.
    func diagnostics(asOf: Day = FixtureTree.asOf) -> [String] {
        CheckRun.diagnose(root: root, asOf: asOf).1.map { "\($0.rule) \($0.span): \($0.message)" }
    }
}

/// Runs `change` on a fresh copy of the fixture and asserts the exact diagnostics.
func assertDiagnostics(_ expected: [String], file: StaticString = #filePath, line: UInt = #line,
                       asOf: Day = FixtureTree.asOf, _ change: (FixtureTree) throws -> Void) throws {
    let tree = try FixtureTree()
    defer { tree.remove() }
    try change(tree)
    let actual = tree.diagnostics(asOf: asOf)
    if actual != expected {
        XCTFail("diagnostics differ:\n  expected:\n    " + expected.joined(separator: "\n    ")
                + "\n  actual:\n    " + actual.joined(separator: "\n    "), file: file, line: line)
    }
}
