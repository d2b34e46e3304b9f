import Foundation
import Loading
import Model
import XCTest

/// The examples of docs/integration/ stay true to the tree and to oae.
final class IntegrationExampleTests: XCTestCase {
    let folder = TempTree.packageRoot.appendingPathComponent("docs/integration")

    /// Every schema the editor settings name exists, and each pattern matches files of
    /// that schema's kind; every YAML kind of the tree is mapped.
    func testEditorSettingsMapEachKindToItsSchema() throws {
        let data = try Data(contentsOf: folder.appendingPathComponent("vscode-settings.json"))
        let settings = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let schemas = try XCTUnwrap(settings["yaml.schemas"] as? [String: [String]])
        let (table, problems) = KindTable.load(root: TempTree.packageRoot)
        XCTAssertEqual(problems.map(\.message), [])
        var mapped = Set<Kind>()
        for (schema, patterns) in schemas {
            XCTAssertTrue(schema.hasPrefix(".vscode/oae-schemas/") && schema.hasSuffix(".schema.json"), schema)
            let kindName = String(schema.dropFirst(".vscode/oae-schemas/".count).dropLast(".schema.json".count))
            let kind = Kind(kindName)
            XCTAssertTrue(table.contains(kind), schema)
            XCTAssertTrue(FileManager.default.fileExists(atPath: TempTree.packageRoot.appendingPathComponent(kind.schemaPath).path),
                          "\(kind.schemaPath) exists")
            for pattern in patterns {
                // A file the pattern matches, with each * filled in.
                let sample = pattern.replacingOccurrences(of: "reports/*", with: "reports/2026-q3")
                    .replacingOccurrences(of: "budgets/*", with: "budgets/2026")
                    .replacingOccurrences(of: "*", with: "sant-feliu-de-llobregat")
                guard case let .document(found, _, _, _) = TreeLayout.classify(sample, kinds: table) else {
                    XCTFail("\(pattern) matches no document of the tree"); continue
                }
                XCTAssertEqual(found, kind, pattern)
                mapped.insert(kind)
            }
        }
        let yamlKinds = Set(table.declarations.filter { !$0.isMarkdown }.map(\.kind))
        XCTAssertEqual(mapped, yamlKinds, "every YAML kind has its schema")
    }

    func testCIWorkflowChecksAndUploadsTheSite() throws {
        let text = try String(contentsOf: folder.appendingPathComponent("github-workflow.yml"), encoding: .utf8)
        let (node, problems) = YAMLLoader().load(text: text, file: "github-workflow.yml", lineOffset: 0)
        XCTAssertEqual(problems.map(\.message), [])
        let steps = try XCTUnwrap(node?["jobs"]?["check-and-build"]?["steps"]?.sequence)
        let runs = steps.compactMap { $0["run"]?.string }
        XCTAssertTrue(runs.contains("oae check --format github"))
        XCTAssertTrue(runs.contains { $0.contains("libyaml-dev libcmark-gfm-dev libcmark-gfm-extensions-dev") })
        let upload = try XCTUnwrap(steps.first { $0["uses"]?.string?.hasPrefix("actions/upload-artifact@") == true })
        XCTAssertEqual(upload["with"]?["path"]?.string, "output/site")
    }

    /// The hook, run in a repository: staged problems stop the commit, unstaged ones
    /// and other files' problems are not shown.
    func testPreCommitHookShowsOnlyStagedProblems() throws {
        let products = Bundle(for: IntegrationExampleTests.self).bundleURL
        let oae = [products.appendingPathComponent("oae"), products.deletingLastPathComponent().appendingPathComponent("oae")]
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
        guard let oae else { throw XCTSkip("the oae executable is not built next to the tests") }
        let tree = try TempTree.example()
        defer { tree.remove() }
        try tree.git("init", "--quiet")
        try tree.git("add", ".")
        try tree.git("commit", "--quiet", "-m", "example")
        let hook = folder.appendingPathComponent("pre-commit").path

        func runHook() throws -> (Int32, String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = [hook]
            process.currentDirectoryURL = tree.root
            var environment = ProcessInfo.processInfo.environment
            environment["OAE"] = oae.path
            process.environment = environment
            let err = Pipe()
            process.standardError = err
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let data = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: data, as: UTF8.self))
        }

        XCTAssertEqual(try runHook().0, 0, "nothing staged")
        // An unknown service in a staged file, and another in an unstaged one.
        try tree.replace("seeds/molins-de-rei/adaptation.yaml", "  - business-transfer", "  - business-transferr")
        try tree.git("add", "seeds/molins-de-rei/adaptation.yaml")
        try tree.replace("seeds/sant-feliu-de-llobregat/adaptation.yaml", "  - business-transfer", "  - business-transferr")
        let (status, output) = try runHook()
        XCTAssertEqual(status, 1, output)
        XCTAssertTrue(output.contains("seeds/molins-de-rei/adaptation.yaml:4:5: error[ref-unknown]: unknown service 'business-transferr'"), output)
        XCTAssertFalse(output.contains("seeds/sant-feliu-de-llobregat/"), output)
        XCTAssertTrue(output.contains("oae: commit stopped"), output)
    }
}
