import Diagnostics
import Foundation
@testable import Loading

/// Everything a YAML load gives, spans included, as one text to compare.
enum LoadOutcome {
    /// The outcome of loading `text`, with `SubsetScanner` for the texts it reads or with
    /// libyaml alone.
    static func of(_ text: String, subset: Bool) -> String {
        var loader = YAMLLoader()
        loader.scansSubset = subset
        let (node, problems, written) = loader.loadKeepingForms(text: text, file: "t.yaml", lineOffset: 2)
        return describe(node, problems, written)
    }

    static func describe(_ node: Node?, _ problems: [Diagnostic], _ written: WrittenForms) -> String {
        LoadOutline.text(node, problems, written)
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The YAML texts of the example tree under `folders`: every YAML file, and every
    /// Markdown file's front matter (with the line break after it), with their paths.
    static func exampleTexts(_ folders: [String]) -> [(path: String, text: String)] {
        var out: [(path: String, text: String)] = []
        for folder in folders {
            let walker = FileManager.default.enumerator(at: packageRoot.appendingPathComponent(folder), includingPropertiesForKeys: nil)
            while let url = walker?.nextObject() as? URL {
                guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
                if url.pathExtension == "yaml" {
                    out.append((url.path, text))
                } else if url.pathExtension == "md", let yaml = frontMatter(text) {
                    out.append((url.path, yaml))
                }
            }
        }
        return out
    }

    /// The YAML files of the example's seeds/, sorted: the texts the mutation tests start from.
    static func exampleSeedFiles() -> [String] {
        exampleTexts(["seeds"]).filter { $0.path.hasSuffix(".yaml") }.map(\.text).sorted()
    }

    /// The YAML of the fuzz findings (Tests/Fixtures/fuzz/), by name: a YAML finding's
    /// text, a Markdown finding's front matter. (The tests that compared the findings
    /// skipped the Markdown ones, and every finding is one: they compared nothing.)
    static func fuzzFindingTexts() throws -> [(name: String, text: String)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: FuzzFindingsTests.folder.path).sorted()
        return try names.compactMap { name in
            let bytes = Array(try Data(contentsOf: FuzzFindingsTests.folder.appendingPathComponent(name)))
            guard let text = TextChecks.decode(bytes, file: name).0 else { return nil }
            guard name.hasSuffix(".md") else { return (name, text) }
            return frontMatter(text).map { (name, $0) }
        }
    }

    /// A Markdown text's front matter, with the line break after it.
    static func frontMatter(_ text: String) -> String? {
        guard text.hasPrefix("---\n"),
              let end = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex) else { return nil }
        return String(text[text.index(text.startIndex, offsetBy: 4)..<end.lowerBound]) + "\n"
    }
}
