import Diagnostics
import Foundation
import Loading

/// One file of the tree, loaded: a YAML document, or a Markdown document whose front
/// matter is its `root`.
public struct Document: Sendable {
    public var kind: Kind
    public var id: String
    public var path: String
    /// The municipality folder the document stands in, or nil for the model.
    public var municipality: String?
    /// Set for a translation file (`x.es.md`).
    public var language: String?
    /// The YAML document, or the front matter of a Markdown file.
    public var root: Node?
    public var markdown: MarkdownDocument?
}

/// Everything `oae` read from a tree, with the problems found while reading it.
public struct LoadedTree: Sendable {
    public var root: URL
    public var documents: [Document]
    /// The schema files of `model/schema/`, by kind name.
    public var schemas: [String: (path: String, node: Node)]
    /// UI strings by output and language (`handbook/ca`).
    public var uiStrings: [String: (path: String, node: Node)]
    public var templates: [String]
    /// Reference data by file name (`municipalities-catalonia.csv`), as text.
    public var references: [String: (path: String, text: String)]
    /// Every file read, relative to the root.
    public var paths: [String]
    public var filesChecked: Int { paths.count }
    public var diagnostics: [Diagnostic]

    /// Documents read, counted by kind (translations counted apart), in kind order.
    public var documentCounts: [(kind: String, count: Int)] {
        var counts: [String: Int] = [:]
        for d in documents { counts[d.language == nil ? d.kind.rawValue : "translation", default: 0] += 1 }
        if !schemas.isEmpty { counts["schema"] = schemas.count }
        return counts.sorted { $0.key < $1.key }.map { (kind: $0.key, count: $0.value) }
    }
}

public enum TreeLoader {
    public static let rules = TreeLayout.rules + [
        RuleInfo("markdown-front-matter-missing", "A Markdown document has no front matter."),
        RuleInfo("file-empty", "A document's file is empty."),
    ]

    private enum Loaded: Sendable {
        case document(Document)
        case schema(kind: String, path: String, node: Node)
        case uiStrings(key: String, path: String, node: Node)
        case template(String)
        case reference(name: String, path: String, text: String)
        case nothing
    }

    /// Reads every file under the content folders, in parallel, and collects every
    /// problem of every file.
    public static func load(root: URL) -> LoadedTree {
        let paths = FileTree.files(root: root, folders: TreeLayout.contentFolders)
        let results = parallelMap(paths) { path in loadFile(root: root, path: path) }
        var tree = LoadedTree(root: root, documents: [], schemas: [:], uiStrings: [:], templates: [],
                              references: [:], paths: paths, diagnostics: [])
        for (loaded, problems) in results {
            tree.diagnostics += problems
            switch loaded {
            case let .document(d): tree.documents.append(d)
            case let .schema(kind, path, node): tree.schemas[kind] = (path, node)
            case let .uiStrings(key, path, node): tree.uiStrings[key] = (path, node)
            case let .template(path): tree.templates.append(path)
            case let .reference(name, path, text): tree.references[name] = (path, text)
            case .nothing: break
            }
        }
        return tree
    }

    private static func loadFile(root: URL, path: String) -> (Loaded, [Diagnostic]) {
        let placement = TreeLayout.classify(path)
        switch placement {
        case .readme:
            return (.nothing, [])
        case .template:
            return (.template(path), [])
        case let .unexpected(message, help):
            return (.nothing, [.warning("tree-unexpected-file", message, at: .wholeFile(path), help: help)])
        case .schema, .uiStrings, .document, .reference:
            break
        }
        let bytes: [UInt8]
        switch FileTree.read(root: root, path: path) {
        case let .success(b): bytes = b
        case let .failure(.tooLarge(size)): return (.nothing, [TextChecks.tooLarge(file: path, size: size)])
        case .failure(.unreadable):
            return (.nothing, [.error("file-unreadable", "the file could not be read", at: .wholeFile(path))])
        }
        switch placement {
        case let .reference(name):
            let (text, problems) = TextChecks.decode(bytes, file: path)
            return (text.map { .reference(name: name, path: path, text: $0) } ?? .nothing, problems)
        case let .schema(kind):
            let (node, problems) = YAMLLoader().load(bytes: bytes, file: path)
            return (node.map { .schema(kind: kind, path: path, node: $0) } ?? .nothing, problems)
        case let .uiStrings(output, language):
            let (node, problems) = YAMLLoader().load(bytes: bytes, file: path)
            return (node.map { .uiStrings(key: "\(output)/\(language)", path: path, node: $0) } ?? .nothing, problems)
        case let .document(kind, id, municipality, language):
            var doc = Document(kind: kind, id: id, path: path, municipality: municipality, language: language)
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
                return (.nothing, [.error("file-empty", "the file is empty", at: .wholeFile(path),
                                          help: "write the \(kind.rawValue)'s fields in it, or delete the file")])
            }
            if kind.isMarkdown {
                let (md, problems) = MarkdownLoader().load(bytes: bytes, file: path)
                guard let md else { return (.nothing, problems) }
                doc.markdown = md
                doc.root = md.frontMatter
                var all = problems
                // Front matter that is there but broken has its own diagnostics.
                if md.frontMatter == nil, language == nil, !problems.contains(where: { $0.severity == .error }) {
                    all.append(.error("markdown-front-matter-missing",
                                      "this \(kind.rawValue) has no front matter",
                                      at: .wholeFile(path),
                                      help: "start the file with a '---' line, the fields of the \(kind.rawValue), and another '---' line"))
                }
                return (.document(doc), all)
            }
            let (node, problems) = YAMLLoader().load(bytes: bytes, file: path)
            doc.root = node
            return (node == nil ? .nothing : .document(doc), problems)
        default:
            return (.nothing, [])
        }
    }
}
