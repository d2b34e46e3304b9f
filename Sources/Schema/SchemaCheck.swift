import Diagnostics
import Foundation
import JSON
import Loading

/// `oae schema check`: validates any YAML, JSON or Markdown files against any schema.
public enum SchemaCheck {
    /// The output formats of `oae schema check`.
    public enum Format: String, Sendable, CaseIterable {
        case text, json
    }

    /// The result of one document.
    public struct Result: Sendable {
        /// The document as named on the command line.
        public var file: String
        /// Its problems: loading, then validation.
        public var diagnostics: [Diagnostic]
        /// Whether it has no error.
        public var valid: Bool { !diagnostics.contains { $0.severity == .error } }
    }

    /// Validates `instances` against the schema at `schema` (sibling schema files are
    /// loaded so that `$ref`s between files resolve). Relative paths are relative to
    /// `root` (by default the current folder) and messages name files as given. Returns
    /// the output to print on standard output, problems of the schema itself (for
    /// standard error in JSON format), and the exit code: 0 when every document is
    /// valid, 1 otherwise.
    public static func run(schema: String, instances: [String], format: Format, color: Bool = false, root: URL? = nil)
        -> (output: String, schemaProblems: [Diagnostic], exitCode: Int32) {
        let locate: @Sendable (String) -> String = { path in
            guard let root, !path.hasPrefix("/") else { return path }
            return root.appendingPathComponent(path).path
        }
        let loaded = SchemaFiles.loadWithSiblings(locate(schema), displayName: schema)
        var schemaProblems = loaded.diagnostics
        var validator: SchemaValidator?
        if schemaProblems.errorCount == 0 {
            let (compiled, problems) = SchemaCompiler.compile(loaded.set, entry: loaded.entry)
            validator = compiled
            schemaProblems += problems
            if problems.contains(where: { $0.rule == "schema-ref-unresolved" }) {
                schemaProblems += loaded.siblingDiagnostics
            }
        }
        // Documents are independent: validate them on every core, keeping their order.
        let compiled = validator
        let results = parallelMap(instances) { path -> Result in
            guard compiled != nil else {
                return Result(file: path, diagnostics: [.error("schema-invalid", "not validated: the schema \(schema) cannot be used",
                                                               at: .wholeFile(path))])
            }
            return check(locate(path), displayName: path, with: compiled)
        }
        let failed = schemaProblems.errorCount > 0 || results.contains { !$0.valid }
        let output: String
        switch format {
        case .text:
            let renderer = TextRenderer(color: color) { path in
                guard let data = FileManager.default.contents(atPath: locate(path)) else { return nil }
                return SourceText(String(decoding: data, as: UTF8.self))
            }
            output = renderer.render(schemaProblems + results.flatMap(\.diagnostics), filesChecked: instances.count)
        case .json:
            output = json(results).serialized() + "\n"
        }
        return (output, schemaProblems, failed ? 1 : 0)
    }

    /// Loads and validates one document; messages name it `displayName` (by default `path`).
    public static func check(_ path: String, displayName: String? = nil, with validator: SchemaValidator?) -> Result {
        let name = displayName ?? path
        let (node, problems, written) = DocumentFiles.loadKeepingForms(path: path, displayName: name)
        guard let node, problems.errorCount == 0, let validator else {
            return Result(file: name, diagnostics: problems)
        }
        return Result(file: name, diagnostics: problems + validator.validate(node, written: written).diagnostics)
    }

    /// `[{"file": …, "valid": …, "errors": [{"line": …, "column": …, "message": …}]}]`,
    /// in the order of the documents.
    public static func json(_ results: [Result]) -> JSONValue {
        .array(results.map { result in
            let errors = result.diagnostics.filter { $0.severity == .error }.sortedForReport()
            return .object([
                ("file", .string(result.file)),
                ("valid", .bool(result.valid)),
                ("errors", .array(errors.map { d in
                    .object([
                        ("line", .int(d.span.start.line)),
                        ("column", .int(d.span.start.column)),
                        ("message", .string(d.message)),
                    ])
                })),
            ])
        })
    }
}
