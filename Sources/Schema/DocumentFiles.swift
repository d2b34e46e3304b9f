import Diagnostics
import Foundation
import Loading

/// Reads YAML, JSON and Markdown (front matter) files into positioned nodes, for schemas
/// and for the documents `oae schema check` validates.
public enum DocumentFiles {
    /// The rule for a file that cannot be read (defined with the loaders' rules).
    static let unreadable = "file-unreadable"

    /// Loads `path` (absolute, or relative to the current folder); messages name it
    /// `displayName`. JSON when the name ends in `.json`, the front matter of a Markdown
    /// file when it ends in `.md`, YAML otherwise.
    public static func load(path: String, displayName: String? = nil) -> (Node?, [Diagnostic]) {
        let (node, problems, _) = loadKeepingForms(path: path, displayName: displayName)
        return (node, problems)
    }

    /// `load(path:displayName:)`, with the written forms of the scalars YAML typed as
    /// numbers or booleans (`WrittenForms`), for the validator's messages.
    public static func loadKeepingForms(path: String, displayName: String? = nil) -> (Node?, [Diagnostic], WrittenForms) {
        let name = displayName ?? path
        let fm = FileManager.default
        if let attributes = try? fm.attributesOfItem(atPath: path),
           let size = attributes[.size] as? NSNumber, size.intValue > TextChecks.maxFileBytes {
            return (nil, [TextChecks.tooLarge(file: name, size: size.intValue)], [:])
        }
        guard let data = fm.contents(atPath: path) else {
            return (nil, [.error(unreadable, "cannot read \(name)", at: .wholeFile(name))], [:])
        }
        return parseKeepingForms(bytes: [UInt8](data), file: name)
    }

    /// Parses file contents by the file name's extension.
    public static func parse(bytes: [UInt8], file: String) -> (Node?, [Diagnostic]) {
        let (node, problems, _) = parseKeepingForms(bytes: bytes, file: file)
        return (node, problems)
    }

    /// `parse(bytes:file:)`, with the written forms (`WrittenForms`; JSON has none: its
    /// values' types are what they look like).
    static func parseKeepingForms(bytes: [UInt8], file: String) -> (Node?, [Diagnostic], WrittenForms) {
        let lower = file.lowercased()
        if lower.hasSuffix(".json") {
            let (text, problems) = TextChecks.decode(bytes, file: file)
            guard let text else { return (nil, problems, [:]) }
            let (node, diagnostics) = JSONNodeParser().parse(text, file: file)
            return (node, problems + diagnostics, [:])
        }
        if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") {
            let (document, diagnostics) = MarkdownLoader().load(bytes: bytes, file: file)
            guard let document else { return (nil, diagnostics, [:]) }
            return (document.frontMatter ?? Node(.null, span: .wholeFile(file)), diagnostics, document.writtenForms)
        }
        return YAMLLoader().loadKeepingForms(bytes: bytes, file: file)
    }

    /// Whether a file name is a schema file (`*.schema.yaml`, `*.schema.yml`, `*.schema.json`).
    public static func isSchemaFile(_ name: String) -> Bool {
        [".schema.yaml", ".schema.yml", ".schema.json"].contains { name.hasSuffix($0) }
    }
}

/// Loading of schema files into a `SchemaSet`.
public enum SchemaFiles {
    /// The result of loading: the set, the problems of the files asked for, and the
    /// problems of sibling files (worth showing only when a `$ref` into them fails).
    public struct Loaded: Sendable {
        /// The schema documents loaded.
        public var set: SchemaSet
        /// Problems of the files asked for.
        public var diagnostics: [Diagnostic]
        /// Problems of the sibling files.
        public var siblingDiagnostics: [Diagnostic]
        /// The name of the schema asked for, to pass to `SchemaCompiler`.
        public var entry: String = ""
    }

    /// Loads the schema at `path` and the other schema files of its folder, so that
    /// `$ref`s between them resolve. Messages name the schema `displayName` (by default
    /// `path`) and its siblings alike, in the same folder.
    public static func loadWithSiblings(_ path: String, displayName: String? = nil) -> Loaded {
        let shown = displayName ?? path
        var loaded = Loaded(set: SchemaSet(), diagnostics: [], siblingDiagnostics: [], entry: shown)
        let (node, problems) = DocumentFiles.load(path: path, displayName: shown)
        loaded.diagnostics += problems
        if let node { loaded.diagnostics += loaded.set.add(node, file: shown, uri: SchemaSet.fileURI(path)) }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let own = url.standardizedFileURL.path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let prefix = (shown as NSString).deletingLastPathComponent
        for name in names.sorted() where DocumentFiles.isSchemaFile(name) && !name.hasPrefix(".") {
            let sibling = folder.appendingPathComponent(name)
            if sibling.standardizedFileURL.path == own { continue }
            let display = prefix.isEmpty ? name : (prefix as NSString).appendingPathComponent(name)
            let (node, problems) = DocumentFiles.load(path: sibling.path, displayName: display)
            loaded.siblingDiagnostics += problems
            if let node { loaded.siblingDiagnostics += loaded.set.add(node, file: display, uri: SchemaSet.fileURI(sibling.path)) }
        }
        return loaded
    }

    /// Loads every `*.schema.yaml` (and `.yml`, `.json`) file of `folder` under `root`;
    /// files are named relative to `root` (`model/schema/service.schema.yaml`).
    public static func loadFolder(root: URL, folder: String = "model/schema") -> Loaded {
        var loaded = Loaded(set: SchemaSet(), diagnostics: [], siblingDiagnostics: [])
        let base = root.appendingPathComponent(folder)
        let paths = FileTree.files(root: root, folders: [folder]).filter {
            !$0.dropFirst(folder.count + 1).contains("/") && DocumentFiles.isSchemaFile($0)
        }
        for display in paths {
            let url = base.appendingPathComponent(String(display.dropFirst(folder.count + 1)))
            let (node, problems): (Node?, [Diagnostic])
            switch FileTree.read(root: root, path: display) {
            case let .success(bytes): (node, problems) = DocumentFiles.parse(bytes: bytes, file: display)
            case let .failure(.tooLarge(size)): (node, problems) = (nil, [TextChecks.tooLarge(file: display, size: size)])
            case .failure: (node, problems) = (nil, [.error(DocumentFiles.unreadable, "cannot read \(display)", at: .wholeFile(display))])
            }
            loaded.diagnostics += problems
            if let node { loaded.diagnostics += loaded.set.add(node, file: display, uri: SchemaSet.fileURI(url.path)) }
        }
        return loaded
    }
}
