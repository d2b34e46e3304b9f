import Diagnostics
import Foundation
import JSON
import Loading

/// `oae schema export`: writes each schema of `model/schema/` as a plain JSON Schema
/// file, for editors (the YAML language server) and other tools. Keys keep their source
/// order, so the same schemas always give the same bytes.
public enum SchemaExport {
    /// What an export wrote and found.
    public struct Report: Sendable {
        /// The files written, relative to the output folder, sorted.
        public var written: [String]
        /// Problems of the schemas (loading and compiling them).
        public var diagnostics: [Diagnostic]
    }

    /// Exports every `*.schema.yaml` of `root/model/schema` to `out` as `<kind>.schema.json`;
    /// nothing when a schema has an error (the report's diagnostics). `prepare` makes the
    /// folder `out` before the first file is written (default: creates it and its parents).
    /// Throws the error of `prepare`, or of writing a file (a Foundation error naming the
    /// file): a failure to write is the output's, not the schemas', and the command says it
    /// as such; the files written before it stay.
    public static func run(root: URL, out: URL, folder: String = "model/schema",
                           prepare: (URL) throws -> Void = { try FileManager.default.createDirectory(at: $0, withIntermediateDirectories: true) }) throws -> Report {
        let loaded = SchemaFiles.loadFolder(root: root, folder: folder)
        var report = Report(written: [], diagnostics: loaded.diagnostics)
        let files = loaded.set.files
        let (_, problems) = SchemaCompiler.compile(loaded.set, entries: files)
        report.diagnostics += problems
        // Schemas with errors (an unresolved `$ref`, a file that does not parse) are not
        // written: `out` keeps what the last good export wrote.
        if report.diagnostics.contains(where: { $0.severity == .error }) { return report }
        try prepare(out)
        for (index, file) in files.enumerated() {
            let target = jsonName((file as NSString).lastPathComponent)
            let text = json(loaded.set.documents[index].root).serialized() + "\n"
            try Data(text.utf8).write(to: out.appendingPathComponent(target), options: .atomic)
            report.written.append(target)
        }
        report.written.sort()
        return report
    }

    /// `service.schema.yaml` → `service.schema.json`.
    static func jsonName(_ name: String) -> String {
        for suffix in [".schema.yaml", ".schema.yml"] where name.hasSuffix(suffix) {
            return String(name.dropLast(suffix.count)) + ".schema.json"
        }
        return name.hasSuffix(".json") ? name : name + ".json"
    }

    /// A schema as JSON, with `$id` and `$ref` values that name `.schema.yaml` files
    /// rewritten to `.schema.json`.
    public static func json(_ schema: Node) -> JSONValue {
        convert(schema, isSchema: true)
    }

    static func convert(_ node: Node, isSchema: Bool) -> JSONValue {
        switch node.value {
        case .null: return .null
        case let .bool(b): return .bool(b)
        case let .int(i): return .int(i)
        case let .double(d): return .double(d)
        case let .string(s): return .string(s)
        case let .sequence(items): return .array(items.map { convert($0, isSchema: false) })
        case let .mapping(pairs):
            guard isSchema else { return .object(pairs.map { ($0.key.keyText, convert($0.value, isSchema: false)) }) }
            return .object(pairs.map { pair in
                let key = pair.key.keyText
                if ["$ref", "$id", "$dynamicRef"].contains(key), let text = pair.value.string {
                    return (key, .string(rewrite(text)))
                }
                if SchemaKeywords.single.contains(key) { return (key, convert(pair.value, isSchema: true)) }
                if SchemaKeywords.list.contains(key), let items = pair.value.sequence {
                    return (key, .array(items.map { convert($0, isSchema: true) }))
                }
                if SchemaKeywords.map.contains(key), let members = pair.value.pairs {
                    return (key, .object(members.map { ($0.key.keyText, convert($0.value, isSchema: true)) }))
                }
                return (key, convert(pair.value, isSchema: false))
            })
        }
    }

    /// Rewrites the file part of a URI reference from `.schema.yaml` to `.schema.json`.
    static func rewrite(_ reference: String) -> String {
        var uri = URIReference(reference)
        for suffix in [".schema.yaml", ".schema.yml"] where uri.path.hasSuffix(suffix) {
            uri.path = String(uri.path.dropLast(suffix.count)) + ".schema.json"
            return uri.text
        }
        return reference
    }
}
