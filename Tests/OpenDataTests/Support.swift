import Foundation
import Model
import OAECommands
import OpenData
import Presentation
import Rendering
import Resolution
import XCTest

/// The fixture network (Tests/Fixtures/network) with the real schemas and site strings,
/// checked and resolved, for the exports.
struct DataFixture {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let root: URL

    init() throws {
        let fm = FileManager.default
        root = fm.temporaryDirectory.appendingPathComponent("oae-data-\(UUID().uuidString)")
        try fm.copyItem(at: DataFixture.packageRoot.appendingPathComponent("Tests/Fixtures/network"), to: root)
        try fm.copyItem(at: DataFixture.packageRoot.appendingPathComponent("model/schema"), to: root.appendingPathComponent("model/schema"))
        try fm.copyItem(at: DataFixture.packageRoot.appendingPathComponent("templates"), to: root.appendingPathComponent("templates"))
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    func write(_ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(path))
    }

    func input() -> BuildInput {
        let (tree, diagnostics) = CheckRun.diagnose(root: root, asOf: Day("2026-11-25"))
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }.map(\.message), [])
        let network = Network(tree: tree)
        let resolved = network.municipalitySlugs.compactMap { Resolver.resolve(network, municipality: $0) }
        return BuildInput(root: root, network: network, resolved: resolved, sourceRevision: "0123456789abcdef",
                          sourceEpoch: 1_795_564_800, toolVersion: "test")
    }

    /// The export with the site's words of each language.
    func export() -> OpenDataExport {
        let input = input()
        let labels = Dictionary(uniqueKeysWithValues: input.languages.map {
            ($0, ValueFormatter(network: input.network, language: $0))
        })
        return OpenDataExport(input: input, baseURL: "https://oae.example.org/", labels: labels)
    }

    func file(_ name: String) -> String {
        let data = export().files().first { $0.path == name }?.data ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}

/// The rows of a CSV file as Python's csv module reads them (the Python of `OAE_PYTHON`,
/// else `.venv/bin/python`, else `python3`).
func readCSVWithPython(_ file: URL) throws -> [[String]] {
    let venv = DataFixture.packageRoot.appendingPathComponent(".venv/bin/python").path
    let python = ProcessInfo.processInfo.environment["OAE_PYTHON"].flatMap { $0.isEmpty ? nil : $0 }
        ?? (FileManager.default.isExecutableFile(atPath: venv) ? venv : "/usr/bin/python3")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = ["-c", "import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))))",
                         file.path]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    XCTAssertEqual(process.terminationStatus, 0, "python could not read \(file.path)")
    return try JSONDecoder().decode([[String]].self, from: data)
}
