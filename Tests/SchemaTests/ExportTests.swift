import Foundation
@testable import Schema
import XCTest

/// `oae schema export` writes plain JSON Schema that other tools accept.
final class ExportTests: XCTestCase {
    func testReferencesAreRewrittenToJSONFiles() {
        XCTAssertEqual(SchemaExport.rewrite("common.schema.yaml#/$defs/slug"), "common.schema.json#/$defs/slug")
        XCTAssertEqual(SchemaExport.rewrite("https://schema.oae.example/service.schema.yaml"),
                       "https://schema.oae.example/service.schema.json")
        XCTAssertEqual(SchemaExport.rewrite("#/$defs/slug"), "#/$defs/slug")
        // Only $id and $ref at schema positions are rewritten; data stays as written.
        let schema = yaml("""
            $id: https://x.example/a.schema.yaml
            description: see common.schema.yaml
            properties:
              b: {$ref: b.schema.yaml, examples: [{$ref: c.schema.yaml}]}
            """)
        XCTAssertEqual(SchemaExport.json(schema).serialized(pretty: false),
                       #"{"$id":"https://x.example/a.schema.json","description":"see common.schema.yaml","properties":{"b":{"$ref":"b.schema.json","examples":[{"$ref":"c.schema.yaml"}]}}}"#)
    }

    /// A schema with an error (here a `$ref` to a file that does not exist) writes nothing:
    /// the folder keeps the last good export (a fresh user got 27 files and an error).
    func testASchemaWithAnErrorWritesNothing() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("oae-schema-export-bad-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: root) }
        try fm.createDirectory(at: root.appendingPathComponent("model/schema"), withIntermediateDirectories: true)
        try Data("type: object\nproperties:\n  a: {type: string}\n".utf8)
            .write(to: root.appendingPathComponent("model/schema/good.schema.yaml"))
        try Data("type: object\nproperties:\n  b: {$ref: missing.schema.yaml}\n".utf8)
            .write(to: root.appendingPathComponent("model/schema/bad.schema.yaml"))
        let out = root.appendingPathComponent("out")
        let report = try SchemaExport.run(root: root, out: out)
        XCTAssertEqual(report.written, [])
        XCTAssertFalse(report.diagnostics.filter { $0.severity == .error }.isEmpty)
        XCTAssertFalse(fm.fileExists(atPath: out.appendingPathComponent("good.schema.json").path))
    }

    /// The exported model schemas are valid 2020-12 schemas for Python's `jsonschema`
    /// (`Draft202012Validator.check_schema`), and the export is deterministic.
    func testExportIsAcceptedByPythonJSONSchema() throws {
        let schemaFolder = Paths.packageRoot.appendingPathComponent("model/schema")
        try XCTSkipUnless(FileManager.default.fileExists(atPath: schemaFolder.path), "model/schema/ does not exist yet")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("oae-schema-export-\(UUID().uuidString)")
        let again = out.appendingPathComponent("again")
        defer { try? FileManager.default.removeItem(at: out) }
        let report = try SchemaExport.run(root: Paths.packageRoot, out: out)
        XCTAssertEqual(report.diagnostics.filter { $0.severity == .error }.map(\.description), [])
        XCTAssertFalse(report.written.isEmpty)
        let second = try SchemaExport.run(root: Paths.packageRoot, out: again)
        XCTAssertEqual(second.written, report.written)
        for name in report.written {
            XCTAssertEqual(FileManager.default.contents(atPath: out.appendingPathComponent(name).path),
                           FileManager.default.contents(atPath: again.appendingPathComponent(name).path), "\(name) differs between two exports")
        }

        let python = Self.python()
        let script = """
            import json, sys
            try:
                import jsonschema
            except ImportError:
                print("the Python package jsonschema is not installed for " + sys.executable)
                sys.exit(3)
            failed = 0
            for path in sys.argv[1:]:
                with open(path, encoding="utf-8") as f:
                    schema = json.load(f)
                try:
                    jsonschema.Draft202012Validator.check_schema(schema)
                except jsonschema.exceptions.SchemaError as e:
                    failed += 1
                    print(path + ": " + e.message)
            sys.exit(1 if failed else 0)
            """
        let files = report.written.map { out.appendingPathComponent($0).path }
        let (status, output) = try Self.run(python, ["-c", script] + files)
        if status == 127 || status == 3 {
            XCTFail("""
                cannot check the export with Python's jsonschema: \(output.isEmpty ? "\(python) not found" : output)
                (CI installs them: set OAE_PYTHON, or create .venv with scripts/setup.sh)
                """)
            return
        }
        XCTAssertEqual(status, 0, "jsonschema rejects exported schemas:\n\(output)")
    }

    /// `OAE_PYTHON`, else `.venv/bin/python` under the package root, else `python3`.
    static func python() -> String {
        if let python = ProcessInfo.processInfo.environment["OAE_PYTHON"], !python.isEmpty { return python }
        let venv = Paths.packageRoot.appendingPathComponent(".venv/bin/python").path
        if FileManager.default.isExecutableFile(atPath: venv) { return venv }
        return "python3"
    }

    /// Runs a program (looked up on PATH), returning its status and its output.
    static func run(_ program: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
