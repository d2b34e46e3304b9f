import Diagnostics
import Foundation
import Loading

/// How one kind of document is declared in the kind table (`model/schema/kinds.yaml`).
public struct KindDeclaration: Sendable {
    /// YAML files, or Markdown files whose front matter is the document.
    public enum Format: String, Sendable { case yaml, markdown }

    /// How a document's id is formed.
    public enum Identity: Sendable, Equatable {
        /// From the file name (`{id}` in `files`).
        case fileName
        /// The municipality's folder name.
        case municipality
        /// The same for the one document of the kind (`outline`).
        case fixed(String)
    }

    public var kind: Kind
    public var format: Format
    /// Where its files stand (`model/services/{id}.md`), each split into segments.
    public var places: [[String]]
    public var identity: Identity
    /// The field that must repeat the id (`id`), or nil.
    public var idField: String?
    /// A stricter form for ids than a slug, with the words that explain it.
    public var idPattern: NSRegularExpression?
    public var idHint: String?
    /// The field that names a document (`name`).
    public var titleField: String?
    /// The site page of a document under a language's folder (`model/services/{id}.html`).
    public var route: String?
    /// The handbook anchor of a document (`service-{id}`).
    public var anchor: String?
    /// The kind's name for readers, by language.
    public var label: LocalizedText?
    /// True when ids are unique across the whole tree, not only in their folder
    /// (`unique: network`): references name such a document by its id alone, from any
    /// municipality (an office relies on an agreement by its id), and its page is at the
    /// kind's one route.
    public var networkUniqueIds = false
    /// Where the kind is declared.
    public var span: SourceSpan

    public var isMarkdown: Bool { format == .markdown }

    /// True when documents of the kind stand in a municipality's folder.
    public var isMunicipal: Bool { places.contains { $0.contains(KindTable.municipalityPlaceholder) } }

    /// True when documents of the kind may stand outside a municipality's folder.
    public var isModelLevel: Bool { places.contains { !$0.contains(KindTable.municipalityPlaceholder) } }

    /// The route of a document, or nil when the kind has no page.
    public func route(id: String) -> String? { route?.replacingOccurrences(of: "{id}", with: id) }

    /// The handbook anchor of a document, or nil when the kind has none.
    public func anchor(id: String) -> String? { anchor?.replacingOccurrences(of: "{id}", with: id) }
}

/// Lists inside a document whose items references may name (`x-ref: audience` names an
/// item of the communication strategy's `audiences`).
public struct ItemDeclaration: Sendable {
    public var kind: String
    /// The kind of the document that holds the list.
    public var document: Kind
    /// The list's field.
    public var list: String
    public var span: SourceSpan
}

/// The kinds of document a tree has, read from `model/schema/kinds.yaml`: the one place
/// that says where each kind's files stand, how their ids are formed and checked, and
/// where they show in the site and the handbooks. The tree layout, the network's index,
/// the identity and reference rules and the routes read it.
public struct KindTable: Sendable {
    public static let folder = "model/schema"
    public static let path = "model/schema/kinds.yaml"
    /// The segment of a place that stands for a municipality's folder (`seeds/{municipality}/office.yaml`).
    public static let municipalityPlaceholder = "{municipality}"
    static let idPlaceholder = "{id}"

    public static let rules = [
        RuleInfo("kind-table-missing", "The tree has no kind table, model/schema/kinds.yaml."),
        RuleInfo("kind-table-invalid", "An entry of the kind table is wrong."),
        RuleInfo("kind-unknown", "A schema's x-ref names a kind the kind table does not declare."),
    ]

    public private(set) var declarations: [KindDeclaration] = []
    public private(set) var items: [ItemDeclaration] = []
    private var index: [Kind: Int] = [:]
    /// Problems of the table itself.
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    /// Reads the table from its YAML node.
    public init(_ node: Node, defaultLanguage: String = "ca") {
        for entry in node.sequence(at: "kinds") ?? [] { add(entry, defaultLanguage: defaultLanguage) }
        if node.sequence(at: "kinds") == nil {
            diagnostics.append(.error("kind-table-invalid", "the kind table has no 'kinds' list",
                                      at: node["kinds"]?.span ?? node.span,
                                      help: "list each kind under 'kinds:' (model/schema/README.md)"))
        }
        for entry in node.sequence(at: "items") ?? [] {
            guard let kind = entry.string(at: "kind"), let document = entry.string(at: "in"), let list = entry.string(at: "list") else {
                diagnostics.append(.error("kind-table-invalid", "an item entry needs 'kind', 'in' and 'list'", at: entry.span))
                continue
            }
            if index[Kind(document)] == nil {
                diagnostics.append(invalid("item '\(kind)' is in an unknown kind '\(document)'", entry["in"]!.span,
                                           help: Suggestions.didYouMean(document, in: kinds.map(\.rawValue))))
            }
            items.append(ItemDeclaration(kind: kind, document: Kind(document), list: list, span: entry.span))
        }
    }

    private func invalid(_ message: String, _ span: SourceSpan, help: String? = nil) -> Diagnostic {
        .error("kind-table-invalid", message, at: span, help: help)
    }

    private mutating func add(_ entry: Node, defaultLanguage: String) {
        guard let nameNode = entry["kind"], let name = nameNode.string else {
            diagnostics.append(invalid("a kind entry has no 'kind'", entry.span)); return
        }
        guard TreeLayout.isSlug(name) else {
            diagnostics.append(invalid("kind '\(name)' is not a slug", nameNode.span)); return
        }
        if let first = index[Kind(name)] {
            diagnostics.append(.error("kind-table-invalid", "kind '\(name)' is declared twice", at: nameNode.span,
                                      related: [RelatedLocation(declarations[first].span, "first declared here")]))
            return
        }
        let format: KindDeclaration.Format
        switch entry.string(at: "format") {
        case "yaml"?: format = .yaml
        case "markdown"?: format = .markdown
        default:
            diagnostics.append(invalid("kind '\(name)' needs a format: yaml or markdown", entry["format"]?.span ?? nameNode.span))
            return
        }
        var places: [[String]] = []
        for file in entry.sequence(at: "files") ?? [] {
            guard let text = file.string else { continue }
            let parts = text.split(ascii: "/").map(String.init)
            let ext = format == .markdown ? ".md" : ".yaml"
            guard let last = parts.last, last.hasSuffix(ext), ["model", "seeds"].contains(parts.first ?? "") else {
                diagnostics.append(invalid("'\(text)' is not a place for a \(format.rawValue) kind: it must be under model/ or seeds/ and end in \(ext)", file.span))
                continue
            }
            places.append(parts)
        }
        if places.isEmpty {
            diagnostics.append(invalid("kind '\(name)' has no 'files'", entry["files"]?.span ?? nameNode.span,
                                       help: "say where its files stand, like 'model/services/{id}.md'"))
            return
        }
        let identity: KindDeclaration.Identity
        switch entry.string(at: "id") {
        case nil: identity = .fileName
        case "municipality"?: identity = .municipality
        case let fixed?: identity = .fixed(fixed)
        }
        if identity == .fileName, places.contains(where: { !($0.last ?? "").hasPrefix(KindTable.idPlaceholder) }) {
            diagnostics.append(invalid("kind '\(name)' takes its id from the file name, but a place has no '{id}'",
                                       entry["files"]!.span, help: "write '{id}' in the file name, or set 'id'"))
        }
        var idPattern: NSRegularExpression?
        if let p = entry["id-pattern"] {
            idPattern = p.string.flatMap { try? NSRegularExpression(pattern: $0) }
            if idPattern == nil { diagnostics.append(invalid("'id-pattern' is not a regular expression", p.span)) }
        }
        let declaration = KindDeclaration(
            kind: Kind(name), format: format, places: places, identity: identity,
            idField: entry.string(at: "id-field"), idPattern: idPattern, idHint: entry.string(at: "id-hint"),
            titleField: entry.string(at: "title"), route: entry.string(at: "route"), anchor: entry.string(at: "anchor"),
            label: LocalizedText(entry["label"], defaultLanguage: defaultLanguage), span: nameNode.span)
        var declared = declaration
        if let unique = entry["unique"] {
            switch unique.string {
            case "network"?: declared.networkUniqueIds = true
            case "folder"?: break
            default: diagnostics.append(invalid("'unique' is 'network' or 'folder'", unique.span))
            }
        }
        index[declared.kind] = declarations.count
        declarations.append(declared)
    }

    /// The declared kinds, in the table's order.
    public var kinds: [Kind] { declarations.map(\.kind) }

    /// The declaration of a kind, or nil when the table does not declare it.
    public func declaration(_ kind: Kind) -> KindDeclaration? { index[kind].map { declarations[$0] } }

    public func contains(_ kind: Kind) -> Bool { index[kind] != nil }

    /// Kinds and item kinds that an `x-ref` may name.
    public var referenceKinds: Set<String> { Set(kinds.map(\.rawValue) + items.map(\.kind)) }

    /// The one document kinds of the model, sorted for readers.
    public var modelKinds: [Kind] { declarations.filter(\.isModelLevel).map(\.kind) }

    /// The kinds of a municipality's folder.
    public var municipalKinds: [Kind] { declarations.filter(\.isMunicipal).map(\.kind) }

    /// Loads the table of a tree. A tree without one gets a diagnostic and an empty table.
    public static func load(root: URL) -> (KindTable, [Diagnostic]) {
        load(FileTree.read(root: root, path: path))
    }

    /// The kind table of the bytes read from `path` (or the problem that kept them from
    /// being read): a caller that keeps the bytes (the load's cache) places the files
    /// with the table of those same bytes.
    public static func load(_ read: Result<[UInt8], FileTree.FileProblem>) -> (KindTable, [Diagnostic]) {
        switch read {
        case let .success(bytes):
            let (node, problems) = YAMLLoader().load(bytes: bytes, file: path)
            guard let node else { return (KindTable(), problems) }
            let table = KindTable(node)
            return (table, problems + table.diagnostics)
        case .failure:
            return (KindTable(), [.error("kind-table-missing",
                                         "the tree has no kind table, so oae cannot tell what its files are",
                                         at: .wholeFile(path),
                                         help: "add \(path) (the example tree's one lists every kind oae knows)")])
        }
    }

    /// Diagnostics for `x-ref` values of the schemas that name no declared kind or item.
    public func checkReferences(_ schemas: [String: (path: String, node: Node)]) -> [Diagnostic] {
        let known = referenceKinds
        var out: [Diagnostic] = []
        func visit(_ node: Node) {
            switch node.value {
            case let .mapping(pairs):
                for p in pairs {
                    if p.key.keyText == "x-ref", let target = p.value.string, !known.contains(target) {
                        out.append(.error("kind-unknown", "x-ref names '\(target)', which is not a kind of the tree",
                                          at: p.value.span,
                                          help: Suggestions.didYouMean(target, in: known.sorted())
                                              ?? "declare the kind in \(KindTable.path)"))
                    }
                    visit(p.value)
                }
            case let .sequence(items): items.forEach(visit)
            default: break
            }
        }
        for (_, entry) in schemas.sorted(by: { $0.key < $1.key }) { visit(entry.node) }
        return out
    }
}
