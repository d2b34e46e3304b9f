import ArgumentParser
import Diagnostics
import Foundation
import Publishing
import Schema

/// `oae schema`: JSON Schema tools.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Validates files against a JSON Schema, and exports the model's schemas as JSON Schema.",
        subcommands: [SchemaCheckCommand.self, SchemaExportCommand.self])

    /// The rules of the schema module, for `Rules.catalog`.
    static let rules = SchemaValidator.rules

    func run() throws { throw missingSubcommand(SchemaCommand.self) }
}

/// `oae schema check --schema FILE [--format json] INSTANCE...`
struct SchemaCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validates YAML, JSON or Markdown (front matter) files against a JSON Schema 2020-12.",
        discussion: """
        The schema may be YAML or JSON; the other schema files of its folder are loaded too, so that \
        $refs between them resolve. Exit status: 0 when every file is valid, 1 otherwise, 2 on a usage error.
        """)

    @Option(name: .long, help: "The schema file (YAML or JSON).")
    var schema: String

    @Option(name: .long, help: "Output format: text or json.")
    var format: SchemaCheckFormat = .text

    @Argument(help: "The files to validate.")
    var instances: [String]

    func validate() throws {
        guard !instances.isEmpty else { throw ValidationError("give at least one file to validate") }
        for path in [schema] + instances where !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("no such file: \(path)")
        }
    }

    func run() throws {
        let format: SchemaCheck.Format = self.format == .json ? .json : .text
        let result = SchemaCheck.run(schema: schema, instances: instances, format: format, color: useColor())
        if format == .json, !result.schemaProblems.isEmpty {
            let renderer = TextRenderer(color: false) { path in
                FileManager.default.contents(atPath: path).map { SourceText(String(decoding: $0, as: UTF8.self)) }
            }
            let text = result.schemaProblems.sortedForReport().map(renderer.render).joined(separator: "\n")
            FileHandle.standardError.write(Data(text.utf8))
        }
        writeStdout(result.output)
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }
}

enum SchemaCheckFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `oae schema export [--root DIR] [--out DIR]`
struct SchemaExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Writes each schema of model/schema/ as a JSON Schema file <kind>.schema.json.",
        discussion: "References between the files are rewritten from .schema.yaml to .schema.json. When a schema has an error nothing is written. Exit status: 0 when every schema was written, 1 otherwise.")

    @OptionGroup var tree: TreeOptions

    @Option(name: .long, help: "The folder to write to (default: output/schema under the root).")
    var out: String?

    func validate() throws {
        try refuseEmpty(out, option: "--out", default: "output/schema under the root")
    }

    func run() throws {
        let root = tree.rootURL
        let outURL = out.map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? root.appendingPathComponent("output/schema", isDirectory: true)
        if let reason = OutputPlace.refusal(outURL, root: root) { throw commandFailure(reason) }
        let report: SchemaExport.Report
        do {
            report = try SchemaExport.run(root: root, out: outURL) { try OutputPlace.create($0, shown: outURL.path) }
        } catch {
            // A failure to write is the output's: the line `oae build` gives (OutputError).
            let line = (error as? OutputError)?.description ?? OutputError.writing(outputFolder(outURL, error), error)
            writeStderr("error: \(out == nil ? line : OutputError.forOutGiven(line))\n")
            throw ExitCode(1)
        }
        let renderer = treeRenderer(root: root)
        var text = report.diagnostics.sortedForReport().map(renderer.render).joined(separator: "\n")
        if report.written.isEmpty, report.diagnostics.errorCount > 0 {
            text += "\nschemas not written: fix the errors above; \(outURL.path) is unchanged\n"
        } else {
            text += "wrote \(report.written.count) schema\(report.written.count == 1 ? "" : "s") to \(outURL.path)\n"
        }
        writeStdout(text)
        if report.diagnostics.errorCount > 0 { throw ExitCode(1) }
    }
}
