import Diagnostics
import Foundation
import Loading

/// The schema documents oae knows, indexed by URI: each document by its `$id` (or the
/// address it was loaded from), every embedded resource by its own `$id`, and every
/// `$anchor`. `$ref`s are resolved against this set; nothing is fetched from a network.
public struct SchemaSet: Sendable {
    /// A position in one of the documents: its index and a JSON pointer.
    struct Location: Hashable, Sendable {
        var document: Int
        var pointer: String

        func appending(_ tokens: [String]) -> Location {
            Location(document: document, pointer: pointer + JSONPointer.pointer(tokens))
        }
    }

    struct Document: Sendable {
        var file: String
        var root: Node
    }

    private(set) var documents: [Document] = []
    /// Absolute URI without fragment → the resource's root.
    private(set) var resources: [String: Location] = [:]
    /// `uri#name` → the schema carrying `$anchor: name` (or `$dynamicAnchor`).
    private(set) var anchors: [String: Location] = [:]
    /// The base URI in force at every schema position.
    private(set) var bases: [Location: URIReference] = [:]
    private var documentByFile: [String: Int] = [:]
    private var documentByURI: [String: Int] = [:]

    public init() {}

    /// The files of the documents, in the order they were added.
    public var files: [String] { documents.map(\.file) }

    /// Adds a schema document. `file` is how messages name it; `uri` is the address it
    /// was loaded from (by default a `file:` URI of `file`). Its `$id`, when present,
    /// names it too. Returns problems such as an `$id` given twice.
    @discardableResult
    public mutating func add(_ root: Node, file: String, uri: String? = nil) -> [Diagnostic] {
        let index = documents.count
        documents.append(Document(file: file, root: root))
        documentByFile[file] = index
        let retrieval = URIReference(uri ?? SchemaSet.fileURI(file)).withoutFragment
        let location = Location(document: index, pointer: "")
        resources[retrieval.text] = location
        documentByURI[retrieval.text] = index
        var problems: [Diagnostic] = []
        indexSchema(root, at: location, base: retrieval, problems: &problems)
        return problems
    }

    /// A `file:` URI for a path, absolute or relative to the current folder.
    public static func fileURI(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.absoluteString
    }

    /// The index of the document added for `file` or with that URI.
    func document(named name: String) -> Int? {
        if let i = documentByFile[name] { return i }
        if let i = documentByURI[URIReference(name).withoutFragment.text] { return i }
        return resources[URIReference(name).withoutFragment.text].flatMap { $0.pointer.isEmpty ? $0.document : nil }
    }

    /// The node at a location.
    func node(at location: Location) -> Node? {
        guard location.document < documents.count, let tokens = JSONPointer.tokens(location.pointer) else { return nil }
        return JSONPointer.resolve(tokens, in: documents[location.document].root)
    }

    func file(of location: Location) -> String { documents[location.document].file }

    /// The base URI in force at a location: the nearest enclosing `$id`.
    func base(at location: Location) -> URIReference {
        var pointer = location.pointer
        while true {
            if let base = bases[Location(document: location.document, pointer: pointer)] { return base }
            guard let slash = pointer.lastIndex(ofASCII: "/") else { break }
            pointer = String(pointer[..<slash])
        }
        return URIReference(SchemaSet.fileURI(documents[location.document].file))
    }

    /// Resolves an absolute URI (with an optional fragment: a JSON pointer or an anchor).
    func resolve(_ uri: URIReference) -> Location? {
        let resourceKey = uri.withoutFragment.text
        guard let fragment = uri.fragment, !fragment.isEmpty else { return resources[resourceKey] }
        if fragment.hasPrefix("/") {
            guard let root = resources[resourceKey],
                  let decoded = PercentDecoding.decode(fragment),
                  let tokens = JSONPointer.tokens(decoded) else { return nil }
            let location = root.appending(tokens)
            return node(at: location) == nil ? nil : location
        }
        let name = PercentDecoding.decode(fragment) ?? fragment
        return anchors[resourceKey + "#" + name]
    }

    /// Records the base URI, `$id`s and anchors of a schema and of its subschemas.
    private mutating func indexSchema(_ node: Node, at location: Location, base: URIReference,
                                      problems: inout [Diagnostic]) {
        var base = base
        guard let pairs = node.pairs else {
            bases[location] = base
            return
        }
        if let id = node.string(at: "$id") {
            let resolved = URIReference(id).resolved(against: base).withoutFragment
            base = resolved
            if let existing = resources[resolved.text], existing != location {
                problems.append(.error("schema-duplicate-id", "the $id \"\(id)\" is already used by another schema",
                                       at: node.pair("$id")?.value.span ?? node.span,
                                       related: [RelatedLocation(span(of: existing), "first used")]))
            } else {
                resources[resolved.text] = location
            }
        }
        bases[location] = base
        for keyword in ["$anchor", "$dynamicAnchor"] {
            if let anchor = node.string(at: keyword) {
                let key = base.text + "#" + anchor
                if anchors[key] == nil || keyword == "$anchor" { anchors[key] = location }
            }
        }
        SchemaKeywords.forEachSubschema(of: pairs) { tokens, child in
            indexSchema(child, at: location.appending(tokens), base: base, problems: &problems)
        }
    }

    func span(of location: Location) -> SourceSpan {
        node(at: location)?.span ?? .wholeFile(documents[location.document].file)
    }
}
