import Diagnostics
import Foundation
import Loading
@testable import Schema

/// Paths of the package and of this target's fixtures.
enum Paths {
    /// The package root (the folder holding Package.swift).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/SchemaTests/Fixtures`.
    static let fixtures = packageRoot.appendingPathComponent("Tests/SchemaTests/Fixtures")

    /// The JSON Schema Test Suite: `OAE_JSON_SCHEMA_SUITE`, or the shared copy beside
    /// the package.
    static var suite: URL {
        if let path = ProcessInfo.processInfo.environment["OAE_JSON_SCHEMA_SUITE"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return packageRoot.appendingPathComponent("../shared/conformance/json-schema-test-suite").standardizedFileURL
    }
}

/// Builds a validator from schema documents given as YAML text.
func validator(_ documents: [(file: String, yaml: String)], entry: String? = nil) -> (SchemaValidator?, [Diagnostic]) {
    var set = SchemaSet()
    var problems: [Diagnostic] = []
    for (file, yaml) in documents {
        let (node, diagnostics) = YAMLLoader().load(text: yaml, file: file, lineOffset: 0)
        problems += diagnostics
        if let node { problems += set.add(node, file: file, uri: "https://schema.test/" + file) }
    }
    let (compiled, diagnostics) = SchemaCompiler.compile(set, entry: entry ?? documents[0].file)
    return (compiled, problems + diagnostics)
}

/// Loads YAML text as an instance.
func yaml(_ text: String, file: String = "doc.yaml") -> Node {
    YAMLLoader().load(text: text, file: file, lineOffset: 0).0 ?? Node(.null, span: .wholeFile(file))
}

