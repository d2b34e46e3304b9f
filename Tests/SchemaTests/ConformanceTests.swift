import Diagnostics
import Foundation
import Loading
@testable import Schema
import XCTest

/// Runs every case of the official JSON Schema Test Suite (draft 2020-12, with the
/// `optional/format` files of the formats oae asserts) through the validator.
final class ConformanceTests: XCTestCase {
    struct CaseID: Hashable, CustomStringConvertible {
        var file: String
        var group: String
        var test: String
        var description: String { "\(file) | \(group) | \(test)" }
    }

    static let maxSkipped = 20

    func testJSONSchemaTestSuite() throws {
        let draft = Paths.suite.appendingPathComponent("draft2020-12")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: draft.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            let message = """
                the JSON Schema Test Suite is missing: looked for \(draft.path); put the project beside \
                shared/ (shared/conformance/json-schema-test-suite) or set OAE_JSON_SCHEMA_SUITE to the folder \
                that holds draft2020-12/
                """
            // Outside CI a missing outside suite is skipped with one line; OAE_REQUIRE_SUITES=1
            // (set by .ci/run) makes it a failure.
            if ProcessInfo.processInfo.environment["OAE_REQUIRE_SUITES"] == "1" { XCTFail(message); return }
            print("skipped: \(message)")
            throw XCTSkip(message)
        }
        let skips = try loadSkipList()
        XCTAssertLessThanOrEqual(skips.count, Self.maxSkipped, "the skip list may hold at most \(Self.maxSkipped) cases")

        var passed = 0, failed = 0, skipped = 0
        var unexpected: [String] = []
        var seenSkips = Set<CaseID>()
        for file in suiteFiles(in: draft) {
            let (p, f, s, problems, skipsHit) = try run(file: file, in: draft, skips: skips)
            passed += p; failed += f; skipped += s
            unexpected += problems
            seenSkips.formUnion(skipsHit)
            print("\(file): \(p) passed, \(f) failed" + (s > 0 ? ", \(s) skipped" : ""))
        }
        print("\(passed) passed, \(failed) failed" + (skipped > 0 ? ", \(skipped) skipped" : ""))
        for problem in unexpected { XCTFail(problem) }
        for stale in skips.keys where !seenSkips.contains(stale) {
            XCTFail("the skip list names a case the suite does not have: \(stale)")
        }
        XCTAssertGreaterThan(passed, 0)
    }

    /// Every `.json` file below `draft2020-12/`, sorted, relative to it.
    func suiteFiles(in draft: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: draft.path)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".json") { files.append(path) }
        }
        return files.sorted()
    }

    /// Runs one file: (passed, failed, skipped, unexpected failures, skip entries met).
    func run(file: String, in draft: URL, skips: [CaseID: String]) throws -> (Int, Int, Int, [String], Set<CaseID>) {
        let data = try XCTUnwrap(FileManager.default.contents(atPath: draft.appendingPathComponent(file).path))
        let (root, diagnostics) = JSONNodeParser().parse(String(decoding: data, as: UTF8.self), file: file)
        let groups = try XCTUnwrap(root?.sequence, "\(file): \(diagnostics.map(\.message))")
        var passed = 0, failed = 0, skipped = 0
        var problems: [String] = []
        var skipsHit = Set<CaseID>()
        for (g, group) in groups.enumerated() {
            let groupName = group["description"]?.string ?? "group \(g)"
            guard let schema = group["schema"], let tests = group["tests"]?.sequence else { continue }
            var set = SchemaSet()
            let schemaFile = "\(file)#\(g)"
            var compileProblems = set.add(schema, file: schemaFile, uri: "https://suite.oae.invalid/\(file)/\(g)")
            let (compiled, more) = SchemaCompiler.compile(set, entry: schemaFile)
            compileProblems += more
            let errors = compileProblems.filter { $0.severity == .error }
            for test in tests {
                let id = CaseID(file: file, group: groupName, test: test["description"]?.string ?? "?")
                let expected = test["valid"]?.bool ?? false
                let instance = test["data"] ?? Node(.null, span: .wholeFile(file))
                var outcome: String?
                if let compiled, errors.isEmpty {
                    let quick = compiled.isValid(instance)
                    let full = compiled.validate(instance)
                    if quick != expected {
                        outcome = "expected \(expected ? "valid" : "invalid"), got \(quick ? "valid" : "invalid")"
                    } else if full.isValid != quick {
                        outcome = "the full validation disagrees with the quick one: \(full.diagnostics.map(\.message))"
                    } else if !expected && full.diagnostics.isEmpty {
                        outcome = "invalid without a message"
                    }
                } else {
                    outcome = "the schema does not compile: \(errors.map(\.message).joined(separator: "; "))"
                }
                if skips[id] != nil {
                    skipsHit.insert(id)
                    skipped += 1
                    if outcome == nil { problems.append("\(id): listed in the skip list but passes; remove it from the list") }
                } else if let outcome {
                    failed += 1
                    problems.append("\(id): \(outcome)")
                } else {
                    passed += 1
                }
            }
        }
        return (passed, failed, skipped, problems, skipsHit)
    }

    /// `Fixtures/skip-list.txt`: `file | group description | test description | reason`.
    func loadSkipList() throws -> [CaseID: String] {
        let url = Paths.fixtures.appendingPathComponent("skip-list.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        var out: [CaseID: String] = [:]
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.components(separatedBy: " | ")
            guard fields.count == 4, !fields[3].isEmpty else {
                XCTFail("skip-list.txt: malformed line (want file | group | test | reason): \(trimmed)")
                continue
            }
            out[CaseID(file: fields[0], group: fields[1], test: fields[2])] = fields[3]
        }
        return out
    }
}
