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
        // As of today, as the pre-commit hook checks (without --as-of, the last commit's date).
        XCTAssertTrue(runs.contains("oae check --format github --as-of \"$(date -u +%Y-%m-%d)\""), "\(runs)")
        let hook = try String(contentsOf: folder.appendingPathComponent("pre-commit"), encoding: .utf8)
        XCTAssertTrue(hook.contains("today=$(date +%Y-%m-%d)"))
        XCTAssertTrue(hook.contains("check --root \"$snapshot\" --as-of \"$today\""))
        let upload = try XCTUnwrap(steps.first { $0["uses"]?.string?.hasPrefix("actions/upload-artifact@") == true })
        XCTAssertEqual(upload["with"]?["path"]?.string, "output/site")
    }

    /// The CI workflow installs oae's dependencies with oae's own `scripts/setup.sh
    /// --build-only` and lists none itself, so the two cannot drift apart; and what that
    /// setup installs is enough: a Debian package of it holds each library a target links
    /// (module maps' `link`, Package.swift's `linkedLibrary`) and each `pkgConfig` file,
    /// and its Python requirements pin the distribution of every module that oae's Python
    /// steps (Sources/Tools) and the setup itself import.
    func testCIWorkflowInstallsWhatSetupInstallsForABuild() throws {
        let root = TempTree.packageRoot
        let text = try String(contentsOf: folder.appendingPathComponent("github-workflow.yml"), encoding: .utf8)
        let (node, _) = YAMLLoader().load(text: text, file: "github-workflow.yml", lineOffset: 0)
        let runs = try XCTUnwrap(node?["jobs"]?["check-and-build"]?["steps"]?.sequence).compactMap { $0["run"]?.string }
        XCTAssertEqual(runs.filter { $0.contains("apt-get") || $0.contains("pip ") || $0.contains("pip\"") }, [],
                       "the workflow installs nothing itself")
        let setupLines = runs.flatMap { $0.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) } }
            .filter { $0.contains("setup.sh") }
        XCTAssertEqual(setupLines, [".oae/scripts/setup.sh --build-only"])

        let listing = try Self.run(root.appendingPathComponent("scripts/setup.sh").path, ["--build-only", "--list"])
        var aptPackages: [String] = []
        var requirementFiles: [String] = []
        for line in listing.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { XCTFail("setup --list: \(line)"); continue }
            if parts[0] == "apt" { aptPackages.append(parts[1]) } else if parts[0] == "pip" { requirementFiles.append(parts[1]) }
        }
        XCTAssertEqual(requirementFiles, ["scripts/requirements-build.txt"])

        // What the targets link, and the pkg-config files they are found through.
        var libraries = Set<String>(), pkgConfigs = Set<String>()
        let package = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        for match in package.matches(of: /linkedLibrary\("([^"]+)"/) { libraries.insert(String(match.1)) }
        for match in package.matches(of: /pkgConfig: "([^"]+)"/) { pkgConfigs.insert(String(match.1)) }
        let sources = root.appendingPathComponent("Sources")
        for target in try FileManager.default.contentsOfDirectory(atPath: sources.path) {
            let map = sources.appendingPathComponent(target).appendingPathComponent("module.modulemap")
            guard let text = try? String(contentsOf: map, encoding: .utf8) else { continue }
            for match in text.matches(of: /link "([^"]+)"/) { libraries.insert(String(match.1)) }
        }
        XCTAssertTrue(libraries.isSuperset(of: ["yaml", "cmark-gfm", "cmark-gfm-extensions", "jemalloc"]), "\(libraries)")
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/dpkg-query") else { throw XCTSkip("not a Debian machine") }
        let files = try Self.run("/usr/bin/dpkg-query", ["-L"] + aptPackages).split(separator: "\n").map(String.init)
        for library in libraries.sorted() {
            XCTAssertTrue(files.contains { $0.hasSuffix("/lib\(library).so") }, "no package of setup --build-only has lib\(library).so")
        }
        for pc in pkgConfigs.sorted() {
            XCTAssertTrue(files.contains { $0.hasSuffix("/\(pc).pc") }, "no package of setup --build-only has \(pc).pc")
        }

        // The Python modules oae's build steps import, and the distributions pinned.
        var modules = Set<String>()
        var pythonTexts = [try String(contentsOf: root.appendingPathComponent("scripts/setup.sh"), encoding: .utf8)]
        let tools = sources.appendingPathComponent("Tools")
        for name in try FileManager.default.contentsOfDirectory(atPath: tools.path) where name.hasSuffix(".swift") {
            pythonTexts.append(try String(contentsOf: tools.appendingPathComponent(name), encoding: .utf8))
        }
        for text in pythonTexts {
            for match in text.matches(of: /(?m)(?:^\s*|-c ')import ([a-z_][a-z0-9_., ]*)/) {
                for item in match.1.split(separator: ",") {
                    let name = item.trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init) ?? ""
                    if let top = name.split(separator: ".").first { modules.insert(String(top)) }
                }
            }
            for match in text.matches(of: /(?m)^\s*from ([a-z_][a-z0-9_.]*) import/) {
                if let top = match.1.split(separator: ".").first { modules.insert(String(top)) }
            }
        }
        let environment = ProcessInfo.processInfo.environment
        let python = environment["OAE_PYTHON"].flatMap { $0.isEmpty ? nil : $0 } ?? root.appendingPathComponent(".venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: python) else { throw XCTSkip("no Python with oae's tools (OAE_PYTHON or .venv)") }
        let script = """
        import importlib.metadata as m, re, sys
        names = sys.argv[1:]
        found = m.packages_distributions()
        for name in names:
            if name in sys.stdlib_module_names: continue
            print(name, *sorted(re.sub(r"[-_.]+", "-", d).lower() for d in found.get(name, [])))
        """
        let owners = try Self.run(python, ["-c", script] + modules.sorted()).split(separator: "\n")
        let pinned = Set(try String(contentsOf: root.appendingPathComponent("scripts/requirements-build.txt"), encoding: .utf8)
            .split(separator: "\n").compactMap { line -> String? in
                guard let name = line.split(separator: "=").first, !line.hasPrefix("#") else { return nil }
                return name.replacingOccurrences(of: "_", with: "-").lowercased()
            })
        XCTAssertEqual(Set(owners.compactMap { $0.split(separator: " ").first.map(String.init) }),
                       ["typst", "pikepdf", "odf", "pagefind_bin"], "the modules of oae's Python steps")
        for line in owners {
            let words = line.split(separator: " ").map(String.init)
            XCTAssertTrue(words.dropFirst().contains { pinned.contains($0) },
                          "module \(words[0]) (from \(words.dropFirst())) is not pinned in scripts/requirements-build.txt")
        }
    }

    /// The standard output of a program run to its end; a failure when it exits non-zero.
    static func run(_ program: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "\(program) \(arguments.prefix(2))")
        return String(decoding: data, as: UTF8.self)
    }

    /// The hook, run in a repository: staged problems stop the commit, unstaged ones
    /// and other files' earlier problems are not shown; an error the staged changes cause
    /// in a file not staged (a deleted service that a municipality adopts) stops it too.
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

        // A commit that only deletes a service: the files that name it are not staged.
        try tree.git("reset", "--quiet", "--hard")
        try tree.git("rm", "--quiet", "model/services/business-transfer.md", "model/services/business-transfer.es.md",
                     "model/services/business-transfer.en.md")
        let (deleted, deletedOutput) = try runHook()
        XCTAssertEqual(deleted, 1, deletedOutput)
        XCTAssertTrue(deletedOutput.contains("""
            (in a file you did not stage, caused by the staged changes)
            seeds/molins-de-rei/adaptation.yaml:4:5: error[ref-unknown]: unknown service 'business-transfer'
            """), deletedOutput)
        // A deleted file whose absence is the folder's error (no line: "seeds/x/: error[…]").
        try tree.git("reset", "--quiet", "--hard")
        try tree.git("rm", "--quiet", "seeds/molins-de-rei/adaptation.yaml")
        let (folder, folderOutput) = try runHook()
        XCTAssertEqual(folder, 1, folderOutput)
        XCTAssertTrue(folderOutput.contains("""
            (in a file you did not stage, caused by the staged changes)
            seeds/molins-de-rei/: error[municipality-file-missing]: municipality 'molins-de-rei' has no adaptation.yaml
            """), folderOutput)
        // An error the last commit already had, in a file not staged, is not this commit's.
        try tree.git("reset", "--quiet", "--hard")
        try tree.replace("seeds/sant-feliu-de-llobregat/adaptation.yaml", "  - business-transfer", "  - business-transferr")
        try tree.git("commit", "--quiet", "--no-verify", "-am", "a broken adoption")
        try tree.write("model/services/business-plan-advice.md", try tree.read("model/services/business-plan-advice.md") + "\n")
        try tree.git("add", "model/services/business-plan-advice.md")
        let (clean, cleanOutput) = try runHook()
        XCTAssertEqual(clean, 0, cleanOutput)
        XCTAssertFalse(cleanOutput.contains("sant-feliu"), cleanOutput)
    }
}
