import Foundation
import XCTest

/// A kind is added to a tree through the kind table and its schema alone: no Swift
/// changes. The new kind's documents are loaded, validated against their schema,
/// checked as references, listed by `oae list` and counted by `oae check --format json`.
final class KindTableTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        let fm = FileManager.default
        root = fm.temporaryDirectory.appendingPathComponent("oae-kinds-\(UUID().uuidString)")
        try fm.copyItem(at: TestPaths.fixture("network"), to: root)
        try fm.copyItem(at: TestPaths.packageRoot.appendingPathComponent("model/schema"),
                        to: root.appendingPathComponent("model/schema"))
        try fm.copyItem(at: TestPaths.packageRoot.appendingPathComponent("templates"), to: root.appendingPathComponent("templates"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func oae(_ arguments: [String]) throws -> ProcessResult {
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        return try runProcess(TestPaths.oaeBinary.path, arguments + ["--root", root.path], environment: env)
    }

    func addInspectionKind() throws {
        let tablePath = "model/schema/kinds.yaml"
        let table = try String(contentsOf: root.appendingPathComponent(tablePath), encoding: .utf8)
        let entry = """
              - kind: inspection
                format: yaml
                files: ["seeds/{municipality}/inspections/{id}.yaml"]
                id-field: id
                label: {ca: inspecció, es: inspección, en: inspection}

            items:
            """
        try write(tablePath, table.replacingOccurrences(of: "\nitems:", with: "\n" + entry))
        try write("model/schema/inspection.schema.yaml", """
            $schema: https://json-schema.org/draft/2020-12/schema
            $id: https://schema.oae.example/inspection.schema.yaml
            type: object
            additionalProperties: false
            required: [id, signed_on]
            properties:
              id: {type: string}
              signed_on: {type: string, format: date}
              contact_role:
                type: string
                x-ref: role
              supersedes:
                type: string
                x-ref: inspection

            """)
    }

    func testANewKindThroughTheTableAndItsSchemaAlone() throws {
        try addInspectionKind()
        let folder = "seeds/sant-feliu-de-llobregat/inspections"
        try write("\(folder)/adhesion-2026.yaml", """
            id: adhesion-2026
            signed_on: 2026-02-10
            contact_role: office-coordinator

            """)
        try write("\(folder)/adhesion-2027.yaml", """
            id: adhesion-2027
            signed_on: 10/02/2027
            contact_role: office-coordinater
            supersedes: adhesion-2025

            """)
        let check = try oae(["check", "--format", "json", "--as-of", "2026-11-25"])
        XCTAssertEqual(check.status, 1, check.stderr)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        let summary = try XCTUnwrap(report["summary"] as? [String: Any])
        let documents = try XCTUnwrap(summary["documents"] as? [String: Int])
        XCTAssertEqual(documents["inspection"], 2)
        let found = (report["diagnostics"] as? [[String: Any]] ?? []).map {
            "\($0["rule"]!) \($0["file"]!):\($0["line"]!):\($0["column"]!): \($0["message"]!)"
        }
        XCTAssertEqual(found, [
            "schema-format \(folder)/adhesion-2027.yaml:2:12: expected a date (YYYY-MM-DD); found \"10/02/2027\"",
            "ref-unknown \(folder)/adhesion-2027.yaml:3:15: unknown role 'office-coordinater'",
            "ref-unknown \(folder)/adhesion-2027.yaml:4:13: unknown inspection 'adhesion-2025'",
        ])

        let list = try oae(["list", "inspection"])
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertEqual(list.stdout, """
            adhesion-2026  sant-feliu-de-llobregat  \(folder)/adhesion-2026.yaml
            adhesion-2027  sant-feliu-de-llobregat  \(folder)/adhesion-2027.yaml

            """)
    }

    func testAnXRefToAKindThatDoesNotExistIsAnErrorAtTheSchema() throws {
        let path = "model/schema/procedure.schema.yaml"
        let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let line = try XCTUnwrap(lines.firstIndex { $0.hasSuffix("x-ref: role") })
        try write(path, text.replacingOccurrences(of: lines[line], with: lines[line].replacingOccurrences(of: "role", with: "rol"),
                                                  options: [], range: text.range(of: lines[line])))
        let check = try oae(["check", "--as-of", "2026-11-25"])
        XCTAssertEqual(check.status, 1)
        let column = lines[line].count - 3
        XCTAssertTrue(check.stdout.hasPrefix(
            "\(path):\(line + 1):\(column): error[kind-unknown]: x-ref names 'rol', which is not a kind of the tree\n"),
                      check.stdout)
        XCTAssertTrue(check.stdout.contains("= help: did you mean 'role'?"), check.stdout)
    }

    func testAnUnknownKindForListIsAUsageError() throws {
        let list = try oae(["list", "servce"])
        XCTAssertEqual(list.status, 2)
        XCTAssertEqual(list.stderr, "error: 'servce' is not a kind of this tree; did you mean 'service'?\n")
        // A kind named by one of its words, in the plural (session 26's trial).
        let releases = try oae(["list", "releases"])
        XCTAssertEqual(releases.status, 2)
        XCTAssertEqual(releases.stderr, "error: 'releases' is not a kind of this tree; did you mean 'release-history'?\n")
    }

    func testABrokenTableEntryIsReportedWhereItIsWritten() throws {
        let tablePath = "model/schema/kinds.yaml"
        let table = try String(contentsOf: root.appendingPathComponent(tablePath), encoding: .utf8)
        try write(tablePath, table.replacingOccurrences(of: "\nitems:", with: """

              - kind: inspection
                format: yml
                files: ["seeds/{municipality}/inspections/{id}.yaml"]

            items:
            """))
        let written = try String(contentsOf: root.appendingPathComponent(tablePath), encoding: .utf8)
        let formatLine = try XCTUnwrap(written.components(separatedBy: "\n").firstIndex(of: "    format: yml")) + 1
        let check = try oae(["check", "--as-of", "2026-11-25"])
        XCTAssertTrue(check.stdout.hasPrefix(
            "\(tablePath):\(formatLine):13: error[kind-table-invalid]: kind 'inspection' needs a format: yaml or markdown\n"),
                      check.stdout)
    }

    /// Without the kind table the one error is the kind table's: the templates, which no
    /// file placement reaches then, are not said to be missing.
    func testAMissingKindTableIsTheOneError() throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent("model/schema/kinds.yaml"))
        let check = try oae(["check", "--as-of", "2026-11-25"])
        XCTAssertEqual(check.status, 1)
        XCTAssertEqual(check.stdout.split(separator: "\n").filter { $0.contains("error[") }.map(String.init), [
            "model/schema/kinds.yaml:1:1: error[kind-table-missing]: the tree has no kind table, so oae cannot tell what its files are",
        ])
    }

    /// A template that does not parse is reported once, as such: not also as missing.
    func testATemplateThatDoesNotParseIsNotAlsoMissing() throws {
        let path = "templates/site/office.mustache"
        let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        try write(path, "{{#unclosed}}" + text)
        let check = try oae(["check", "--as-of", "2026-11-25"])
        XCTAssertEqual(check.status, 1)
        let errors = check.stdout.split(separator: "\n").filter { $0.contains("error[") }.map(String.init)
        XCTAssertEqual(errors.count, 1, check.stdout)
        XCTAssertTrue(errors.first?.hasPrefix("\(path):") ?? false, check.stdout)
        XCTAssertEqual(errors.first, "\(path):1:4: error[template-syntax]: section 'unclosed' is never closed", check.stdout)
    }
}
