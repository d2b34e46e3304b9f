import Diagnostics
import Foundation
import Loading
import Tools

/// One file of the tree, loaded: a YAML document, or a Markdown document whose front
/// matter is its `root`.
///
/// A value with its fields in one shared box, copied when a copy is changed: the rules,
/// the resolution and the pages copy documents in and out of tables, and each copy of ten
/// fields retained and released ten references (one box: `oae check` at 947
/// municipalities 2.54 → 2.46 s of CPU, issue 13).
public struct Document: Sendable {
    private final class Storage: @unchecked Sendable {
        var kind: Kind
        var id: String
        var path: String
        var municipality: String?
        var language: String?
        var root: Node?
        var markdown: MarkdownDocument?
        var mayHoldPlaceholder: Bool
        var mayHoldDeferral: Bool
        var unshowable: [PDFFonts.Unshowable]
        var invisible: [PDFFonts.Unshowable]
        var writtenForms: WrittenForms = [:]
        var mayHoldLookAlike = true

        init(kind: Kind, id: String, path: String, municipality: String?, language: String?, root: Node?, markdown: MarkdownDocument?, mayHoldPlaceholder: Bool, mayHoldDeferral: Bool, unshowable: [PDFFonts.Unshowable], invisible: [PDFFonts.Unshowable]) {
            self.kind = kind
            self.id = id
            self.path = path
            self.municipality = municipality
            self.language = language
            self.root = root
            self.markdown = markdown
            self.mayHoldPlaceholder = mayHoldPlaceholder
            self.mayHoldDeferral = mayHoldDeferral
            self.unshowable = unshowable
            self.invisible = invisible
        }

        func copy() -> Storage {
            let copy = Storage(kind: kind, id: id, path: path, municipality: municipality, language: language, root: root, markdown: markdown, mayHoldPlaceholder: mayHoldPlaceholder, mayHoldDeferral: mayHoldDeferral, unshowable: unshowable, invisible: invisible)
            copy.writtenForms = writtenForms
            copy.mayHoldLookAlike = mayHoldLookAlike
            return copy
        }
    }

    private var storage: Storage

    public init(kind: Kind, id: String, path: String, municipality: String? = nil, language: String? = nil, root: Node? = nil, markdown: MarkdownDocument? = nil, mayHoldPlaceholder: Bool = true, mayHoldDeferral: Bool = true, unshowable: [PDFFonts.Unshowable] = [], invisible: [PDFFonts.Unshowable] = []) {
        storage = Storage(kind: kind, id: id, path: path, municipality: municipality, language: language, root: root, markdown: markdown, mayHoldPlaceholder: mayHoldPlaceholder, mayHoldDeferral: mayHoldDeferral, unshowable: unshowable, invisible: invisible)
    }

    /// The box, made this value's own before a change.
    private mutating func owned() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    public var kind: Kind {
        get { storage.kind }
        _modify { yield &owned().kind }
        set { owned().kind = newValue }
    }

    public var id: String {
        get { storage.id }
        _modify { yield &owned().id }
        set { owned().id = newValue }
    }

    public var path: String {
        get { storage.path }
        _modify { yield &owned().path }
        set { owned().path = newValue }
    }

    /// The municipality folder the document stands in, or nil for the model.
    public var municipality: String? {
        get { storage.municipality }
        _modify { yield &owned().municipality }
        set { owned().municipality = newValue }
    }

    /// Set for a translation file (`x.es.md`).
    public var language: String? {
        get { storage.language }
        _modify { yield &owned().language }
        set { owned().language = newValue }
    }

    /// The YAML document, or the front matter of a Markdown file.
    public var root: Node? {
        get { storage.root }
        _modify { yield &owned().root }
        set { owned().root = newValue }
    }

    public var markdown: MarkdownDocument? {
        get { storage.markdown }
        _modify { yield &owned().markdown }
        set { owned().markdown = newValue }
    }

    /// False when the file's bytes cannot give a string holding the placeholder marker
    /// (`Placeholder.mayBeIn`): the `placeholder-text` rule then skips its nodes.
    public var mayHoldPlaceholder: Bool {
        get { storage.mayHoldPlaceholder }
        _modify { yield &owned().mayHoldPlaceholder }
        set { owned().mayHoldPlaceholder = newValue }
    }

    /// False when the file's bytes hold none of the look-alikes of an apostrophe
    /// (`LookAlikeApostrophe.mayBeIn`): the `text-apostrophe` rule then skips the document.
    public var mayHoldLookAlike: Bool {
        get { storage.mayHoldLookAlike }
        _modify { yield &owned().mayHoldLookAlike }
        set { owned().mayHoldLookAlike = newValue }
    }

    /// False when the file's bytes cannot give a `decide_at` key (`DeferredItem.mayBeIn`):
    /// `Network.deferredItems` then skips its nodes.
    public var mayHoldDeferral: Bool {
        get { storage.mayHoldDeferral }
        _modify { yield &owned().mayHoldDeferral }
        set { owned().mayHoldDeferral = newValue }
    }

    /// The characters of the file no font of the handbook PDFs shows, anywhere in it
    /// (comments too: the `text-no-font` rule keeps those in texts).
    public var unshowable: [PDFFonts.Unshowable] {
        get { storage.unshowable }
        _modify { yield &owned().unshowable }
        set { owned().unshowable = newValue }
    }

    /// The written forms of the YAML scalars (or front matter's) typed as numbers or
    /// booleans whose text is not their value's own (`WrittenForms`): for messages.
    public var writtenForms: WrittenForms {
        get { storage.writtenForms }
        _modify { yield &owned().writtenForms }
        set { owned().writtenForms = newValue }
    }

    /// The invisible controls of the file's text direction and breaks
    /// (`PDFFonts.isInvisibleControl`), anywhere in it: the `text-invisible-character` rule
    /// keeps those in texts.
    public var invisible: [PDFFonts.Unshowable] {
        get { storage.invisible }
        _modify { yield &owned().invisible }
        set { owned().invisible = newValue }
    }
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
    /// The kinds of document the tree declares (`model/schema/kinds.yaml`).
    public var kinds: KindTable
    /// Every file read, relative to the root.
    public var paths: [String]
    public var filesChecked: Int { paths.count }
    public var diagnostics: [Diagnostic]
    /// The schemas compiled while the rest of the tree loaded (`SchemaAnnotations` of
    /// `schemas`), for the network to take; nil when the load did not begin it: a load
    /// with a cache whose trees `LoadCache` patches later (`oae serve`'s) never does; one
    /// with a cache of one load (`LoadCache.compilesSchemas`, the load store's) does.
    /// Whatever changes `schemas` afterwards sets it to nil.
    public var compiledSchemas: Background<SchemaAnnotations>? = nil

    /// Documents read, counted by kind (translations counted apart), in kind order.
    public var documentCounts: [(kind: String, count: Int)] {
        var counts: [String: Int] = [:]
        for d in documents { counts[d.language == nil ? d.kind.rawValue : "translation", default: 0] += 1 }
        if !schemas.isEmpty { counts["schema"] = schemas.count }
        return counts.sorted { $0.key < $1.key }.map { (kind: $0.key, count: $0.value) }
    }
}

public enum TreeLoader {
    public static let rules = TreeLayout.rules + KindTable.rules + [
        RuleInfo("markdown-front-matter-missing", "A Markdown document has no front matter."),
        RuleInfo("tree-symlink", "A symbolic link in the tree; oae never follows one."),
        RuleInfo("tree-unreadable", "A folder of the tree could not be read."),
        RuleInfo("tree-special-file", "A FIFO, socket or device in the tree."),
        RuleInfo("tree-name-not-utf8", "A file or folder name that is not UTF-8."),
        RuleInfo("file-empty", "A document's file is empty."),
    ]

    /// The rules of the entries the walk leaves out (links, unreadable folders, special
    /// files, names that are not UTF-8): every command that reads the tree reports them.
    public static let walkRules: Set<String> = ["tree-symlink", "tree-unreadable", "tree-special-file", "tree-name-not-utf8"]

    /// Called with a file the load read: its path (relative to the root), the walk's
    /// stamp of it, and its bytes. Called on several threads at once.
    public typealias FileObserver = @Sendable (_ path: String, _ stamp: FileTree.FileStamp, _ bytes: [UInt8]) -> Void

    enum Loaded: Sendable {
        case document(Document)
        case schema(kind: String, path: String, node: Node)
        case uiStrings(key: String, path: String, node: Node)
        case template(String)
        case reference(name: String, path: String, text: String)
        case nothing
    }

    /// Reads every file under the content folders, in parallel, and collects every
    /// problem of every file. The files of a folder are read together, each with one
    /// `openat` relative to the folder (`FileTree.Folder`). With a `cache`, a file whose
    /// stamp (size, times, inode) is the walk's same as at the last load is not read again.
    /// `observe`, when given, is called on the loading threads with each file the load
    /// reads whole (documents, schemas, UI strings, reference data): its path, the walk's
    /// stamp of it and its bytes, so that a build hashes its inputs from the bytes read
    /// here rather than reading every file a second time (`EarlyInputHashes`). Files the
    /// load does not read (templates, READMEs, the kind table) are not given.
    public static func load(root: URL, cache: LoadCache? = nil, observe: FileObserver? = nil,
                            listing given: FileTree.Listing? = nil) -> LoadedTree {
        let listing = given ?? cache?.followedListing(root: root) ?? FileTree.list(root: root, folders: TreeLayout.contentFolders)
        cache?.keep(listing)
        let paths = listing.files
        // Read once: the cache keeps the bytes of the table the files are placed with.
        let kindBytes = FileTree.read(root: root, path: KindTable.path)
        let (kinds, kindProblems) = KindTable.load(kindBytes)
        cache?.begin(kinds: kindBytes)
        // The same files as the last load: its tree with the changed files replaced.
        if let cache, let tree = cache.patched(listing, kinds: kinds, kindProblems: kindProblems, load: { path in
            // Read as the load file by file does: in its folder, the name cut by bytes.
            let folder = path.lastIndex(ofASCII: "/").map { String(path[..<$0]) } ?? ""
            return loadFile(path: path, kinds: kinds, read: { path in
                FileTree.Folder(root: root, path: folder)
                    .read(String(decoding: path.utf8.dropFirst(folder.isEmpty ? 0 : folder.utf8.count + 1), as: UTF8.self))
            })
        }) {
            return tree
        }
        // The files by folder: `paths` is sorted, but a folder's files need not be
        // consecutive ("a/b.md" < "a/b/c.md" < "a/c.md").
        var folders: [String: [Int]] = [:]
        var folderOrder: [String] = []
        for (i, path) in paths.enumerated() {
            let folder = path.lastIndex(ofASCII: "/").map { String(path[..<$0]) } ?? ""
            if folders[folder] == nil { folderOrder.append(folder) }
            folders[folder, default: []].append(i)
        }
        // The folders with the most bytes first: the interface strings (templates/strings/,
        // three files of 55 KB, the last folder of the walk) were read on one core at the
        // end of the load while the other had nothing left (issue 13). Where each result
        // goes does not depend on when it is made.
        // The schemas' folder before all: once it is read, its schemas compile on a thread
        // of their own while the other files load (they compiled after the load, on one
        // core, while the other indexed the documents: 10 ms at the start of every build).
        let sizes = folderOrder.map { folder in folders[folder]!.reduce(0) { $0 + ($1 < listing.stamps.count ? listing.stamps[$1].size : 0) } }
        let schemaFolder = TreeLayout.schemaFolder
        let groups = folderOrder.indices.sorted {
            let (a, b) = (folderOrder[$0] == schemaFolder, folderOrder[$1] == schemaFolder)
            if a != b { return a }
            return sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1
        }.map { (folderOrder[$0], folders[folderOrder[$0]]!) }
        nonisolated(unsafe) var compiledSchemas: Background<SchemaAnnotations>?
        // Opened once: each folder below opens from it.
        let rootFolder = FileTree.Folder(root: root, path: "")
        var loadedGroups = parallelMap(groups) { folder, indices -> [(Int, (Loaded, [Diagnostic]))] in
            var handle: FileTree.Folder?
            let reader = { (path: String) -> Result<[UInt8], FileTree.FileProblem> in
                if handle == nil { handle = FileTree.Folder(in: rootFolder, path: folder) }
                // The name after "folder/", cut by bytes (a name may start with a combining mark).
                return handle!.read(String(decoding: path.utf8.dropFirst(folder.isEmpty ? 0 : folder.utf8.count + 1), as: UTF8.self))
            }
            let results = indices.map { i in
                let path = paths[i]
                let stamp = i < listing.stamps.count ? listing.stamps[i] : nil
                let read = { (path: String) -> Result<[UInt8], FileTree.FileProblem> in
                    let result = reader(path)
                    if let observe, let stamp, case let .success(bytes) = result { observe(path, stamp, bytes) }
                    return result
                }
                guard let cache else { return (i, loadFile(path: path, kinds: kinds, read: read)) }
                return (i, cache.result(path: path, stamp: stamp) { loadFile(path: path, kinds: kinds, read: read) })
            }
            if folder == schemaFolder, cache == nil || cache?.compilesSchemas == true {
                // The schemas the tree will hold: every schema file of the tree is here.
                var schemas: [String: (path: String, node: Node)] = [:]
                for (_, (loaded, _)) in results { if case let .schema(kind, path, node) = loaded { schemas[kind] = (path, node) } }
                let found = schemas
                // The stack the compile had on the calling thread: a writer's schema nests as deep as it likes.
                compiledSchemas = Background.start(stackSize: 8 << 20) { SchemaAnnotations(schemas: found) }
            }
            return results
        }
        // Each result moved, not copied, from its group into its place and then into the
        // tree (this loop runs on one core; copying and then freeing every document's
        // nodes here was serial: ~1.7% of the check's CPU at 947 municipalities, issue 13).
        var results = [(Loaded, [Diagnostic])?](repeating: nil, count: paths.count)
        for k in loadedGroups.indices {
            var group: [(Int, (Loaded, [Diagnostic]))] = []
            swap(&group, &loadedGroups[k])
            while let (i, result) = group.popLast() { results[i] = result }
        }
        cache?.end(paths: paths, skipped: listing.skipped)
        var tree = LoadedTree(root: root, documents: [], schemas: [:], uiStrings: [:], templates: [],
                              references: [:], kinds: kinds, paths: paths,
                              diagnostics: kindProblems + listing.skipped.map(diagnostic))
        // With a cache, where each path's result stands in the tree (for `patched`).
        var slots: [LoadCache.Slot] = []
        var problemsByPath: [Int: [Diagnostic]] = [:]
        if cache != nil { slots.reserveCapacity(results.count) }
        tree.documents.reserveCapacity(results.count)
        for i in results.indices {
            guard let (loaded, problems) = results[i].take() else {
                if cache != nil { slots.append(.nothing) }
                continue
            }
            tree.diagnostics += problems
            if cache != nil, !problems.isEmpty { problemsByPath[i] = problems }
            let slot: LoadCache.Slot
            switch loaded {
            case let .document(d):
                slot = .document(tree.documents.count)
                tree.documents.append(d)
            case let .schema(kind, path, node):
                slot = .schema(kind)
                tree.schemas[kind] = (path, node)
            case let .uiStrings(key, path, node):
                slot = .uiStrings(key)
                tree.uiStrings[key] = (path, node)
            case let .template(path):
                slot = .template
                tree.templates.append(path)
            case let .reference(name, path, text):
                slot = .reference(name)
                tree.references[name] = (path, text)
            case .nothing:
                slot = .nothing
            }
            if cache != nil { slots.append(slot) }
        }
        // After the files' documents, so that their places (`slots`) stay theirs.
        tree.documents += unreadDocuments(listing.skipped, kinds: kinds)
        tree.diagnostics += kinds.checkReferences(tree.schemas)
        tree.compiledSchemas = compiledSchemas
        cache?.remember(tree, listing: listing, slots: slots, problems: problemsByPath)
        return tree
    }

    /// Where a path's result stands in a tree, and what it made, for `LoadCache.patched`.
    fileprivate static func place(_ loaded: Loaded, slot: LoadCache.Slot, in tree: inout LoadedTree) -> Bool {
        switch (loaded, slot) {
        case let (.document(d), .document(i)): tree.documents[i] = d
        case let (.schema(kind, path, node), .schema(old)) where kind == old:
            tree.schemas[kind] = (path, node)
            tree.compiledSchemas = nil
        case let (.uiStrings(key, path, node), .uiStrings(old)) where key == old: tree.uiStrings[key] = (path, node)
        case (.template, .template), (.nothing, .nothing): break
        case let (.reference(name, path, text), .reference(old)) where name == old: tree.references[name] = (path, text)
        default: return false
        }
        return true
    }

    /// The entries the walk left out that stand where a document belongs (a symbolic link
    /// or a FIFO named `office.yaml`), each as a document without content, as a file that
    /// cannot be read is: the entry's own diagnostic (`diagnostic`) is the one problem, and
    /// what names the document is not told it does not exist (`office.yaml` missing).
    static func unreadDocuments(_ skipped: [FileTree.Skipped], kinds: KindTable) -> [Document] {
        guard !kinds.declarations.isEmpty else { return [] }
        return skipped.compactMap { entry in
            switch entry.reason {
            case .symbolicLink, .special: break
            // A folder, or a name that is not the one written.
            case .unreadable, .nameNotUTF8: return nil
            }
            guard case let .document(kind, id, municipality, language) = TreeLayout.classify(entry.path, kinds: kinds) else { return nil }
            return Document(kind: kind, id: id, path: entry.path, municipality: municipality, language: language)
        }
    }

    /// The diagnostic for an entry the walk left out, at the entry's own path.
    static func diagnostic(_ skipped: FileTree.Skipped) -> Diagnostic {
        let name = skipped.path.split(ascii: "/").last.map(String.init) ?? skipped.path
        let at = SourceSpan.unreadEntry(skipped.path)
        switch skipped.reason {
        case let .symbolicLink(target):
            return .error("tree-symlink", "'\(name)' is a symbolic link to '\(target)'; oae does not follow links", at: at,
                          help: "put the file or folder itself here, inside the tree")
        case .unreadable:
            return .error("tree-unreadable", "the folder '\(name)' could not be read", at: at,
                          help: "give the folder ordinary permissions (chmod 755)")
        case let .special(kind):
            return .error("tree-special-file", "'\(name)' is a \(kind), not a file or a folder", at: at,
                          help: "remove it from the tree")
        case .nameNotUTF8:
            return .error("tree-name-not-utf8", "the name '\(name)' is not UTF-8 text", at: at,
                          help: "rename it with UTF-8 characters")
        }
    }

    /// `help` with the municipality's folder the file names for `TreeLayout.municipalityStandIn`
    /// (`seeds/staffing.yaml`, one folder too high, that says `municipality: vic`: "move it
    /// to seeds/vic/staffing.yaml"): its `municipality`, or an office's `id`, when that is a
    /// slug. When that folder has the document already, the help says so instead of "move it
    /// there", which would replace it (session 37's leftover). Unchanged when the help has no
    /// stand-in, the file is not YAML (`.yaml`, or `.yml`, which is renamed too) or says none.
    static func namingMunicipality(_ help: String, path: String, kinds: KindTable,
                                   read: (String) -> Result<[UInt8], FileTree.FileProblem>) -> String {
        let standIn = TreeLayout.municipalityStandIn
        guard help.contains(standIn), path.hasSuffix(".yaml") || path.hasSuffix(".yml"),
              case let .success(bytes) = read(path),
              let node = YAMLLoader().load(bytes: bytes, file: path).0,
              let slug = node.string(at: "municipality")
                ?? (path.hasSuffix("/office.yaml") || path.hasSuffix("/office.yml") ? node.string(at: "id") : nil),
              TreeLayout.isSlug(slug)
        else { return help }
        var named = help.replacingOccurrences(of: standIn, with: slug)
        var parts = TreeLayout.components(path)
        if let name = parts.last, name.hasSuffix(".yml") { parts[parts.count - 1] = String(name.dropLast(4)) + ".yaml" }
        let places = TreeLayout.elsewhere(parts, kinds: kinds).filter { $0.literal && $0.path.contains(standIn) }
        if places.count == 1, case let target = places[0].path.replacingOccurrences(of: standIn, with: slug),
           case .success = read(target) {
            named = named.replacingOccurrences(of: TreeLayout.movingHint(to: target, kind: places[0].kind),
                                               with: "\(target) exists already: move what this one says into it if it belongs there, and delete this one")
        }
        return named
    }

    private static func loadFile(path: String, kinds: KindTable,
                                 read: (String) -> Result<[UInt8], FileTree.FileProblem>) -> (Loaded, [Diagnostic]) {
        // Without a kind table nothing can be placed; that one problem is reported.
        if kinds.declarations.isEmpty, path != KindTable.path { return (.nothing, []) }
        let placement = TreeLayout.classify(path, kinds: kinds)
        switch placement {
        case .readme, .kindTable, .misnamedMunicipality, .unexpectedFolder:
            return (.nothing, [])
        case .template:
            return (.template(path), [])
        case let .unexpected(message, help):
            return (.nothing, [.warning("tree-unexpected-file", message, at: .wholeFile(path), help: help)])
        case let .misnamedDocument(message, help):
            return (.nothing, [.error("document-name-invalid", message + ", so oae reads nothing of it and no output holds it",
                                      at: .wholeFile(path), help: help.map { namingMunicipality($0, path: path, kinds: kinds, read: read) })])
        case let .misplacedDocument(message, help):
            return (.nothing, [.error("document-misplaced", message + ", so oae reads nothing of it and no output holds it",
                                      at: .wholeFile(path), help: namingMunicipality(help, path: path, kinds: kinds, read: read))])
        case .schema, .uiStrings, .document, .reference:
            break
        }
        let bytes: [UInt8]
        // A document whose file cannot be read is still in the tree, without content, as
        // an empty one below: what names it is not told it does not exist.
        func unread(_ problem: Diagnostic) -> (Loaded, [Diagnostic]) {
            guard case let .document(kind, id, municipality, language) = placement else { return (.nothing, [problem]) }
            return (.document(Document(kind: kind, id: id, path: path, municipality: municipality, language: language)), [problem])
        }
        switch read(path) {
        case let .success(b): bytes = b
        case let .failure(.tooLarge(size)): return unread(TextChecks.tooLarge(file: path, size: size))
        case .failure(.unreadable), .failure(.outsideTree), .failure(.notRegularFile):
            return unread(.error("file-unreadable", "the file could not be read", at: .wholeFile(path)))
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
            doc.mayHoldPlaceholder = Placeholder.mayBeIn(bytes)
            doc.mayHoldDeferral = DeferredItem.mayBeIn(bytes)
            doc.mayHoldLookAlike = LookAlikeApostrophe.mayBeIn(bytes)
            (doc.unshowable, doc.invisible) = PDFFonts.unshowableAndInvisible(in: bytes)
            // A document that cannot be read (empty, or not well formed) is still in the tree,
            // without content: what names it is not told it does not exist (one error, the cause).
            // Not "delete it" of a file every municipality folder holds (its absence is an error too).
            let required = municipality != nil && language == nil && (kind == .office || kind == .adaptation)
            // A translation holds the text in its language, under a front matter of its
            // id alone (session 38's trial was told to write the service's fields).
            let emptyHelp: String
            if let language {
                emptyHelp = "write the \(LanguageNames.described(language)) text in it, under a front matter of the \(kind.rawValue)'s id ('---', 'id: \(id)', '---'), or delete the file"
            } else if required {
                emptyHelp = "write the \(kind.rawValue)'s fields in it: every municipality folder holds \(path.split(ascii: "/").last.map(String.init) ?? path)"
            } else {
                emptyHelp = "write the \(kind.rawValue)'s fields in it, or delete the file"
            }
            // A byte-order mark is not content (as Notepad saves an empty file; the review).
            let content = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
            if content.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
                return (.document(doc), [.error("file-empty", "the file is empty", at: .wholeFile(path), help: emptyHelp)])
            }
            // Comments alone, or document markers ('---', '...') and directives with nothing
            // under them: no value, as an empty file (session 44's trial read "expected a
            // mapping; found null"), not a second document.
            if kinds.declaration(kind)?.isMarkdown != true, TreeLoader.holdsNoValue(content) {
                return (.document(doc), [.error("file-empty", "the file holds no value, only \(content.contains(UInt8(ascii: "#")) ? "comments" : "document markers")",
                                                at: .wholeFile(path), help: emptyHelp)])
            }
            if kinds.declaration(kind)?.isMarkdown == true {
                let (md, problems) = MarkdownLoader().load(bytes: bytes, file: path)
                guard let md else { return (.document(doc), problems) }
                doc.markdown = md
                doc.root = md.frontMatter
                if !md.writtenForms.isEmpty { doc.writtenForms = md.writtenForms }
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
            let (node, problems, forms) = YAMLLoader().loadKeepingForms(bytes: bytes, file: path)
            doc.root = node
            if !forms.isEmpty { doc.writtenForms = forms }
            return (.document(doc), problems)
        default:
            return (.nothing, [])
        }
    }
}

extension TreeLoader {
    /// True when a YAML file's lines are only blank, comments (`#`), directives (`%YAML`)
    /// and document markers (`---`, `...`): it holds no value, as an empty file.
    static func holdsNoValue(_ bytes: [UInt8]) -> Bool {
        // Line by line, stopping at the first line with a value (most files: their first),
        // without splitting the whole file (that was 2.4% of `oae check`'s instructions).
        var i = 0
        let n = bytes.count
        while i < n {
            var end = i
            while end < n, bytes[end] != 0x0A { end += 1 }
            var a = i, b = end
            while a < b, bytes[a] == 0x20 || bytes[a] == 0x09 { a += 1 }
            while b > a, bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09 || bytes[b - 1] == 0x0D { b -= 1 }
            let blankOrComment = a == b || bytes[a] == UInt8(ascii: "#") || bytes[i] == UInt8(ascii: "%")
            if !blankOrComment {
                // A document marker, alone or before a comment.
                guard b - a >= 3, (bytes[a] == UInt8(ascii: "-") && bytes[a + 1] == UInt8(ascii: "-") && bytes[a + 2] == UInt8(ascii: "-"))
                    || (bytes[a] == UInt8(ascii: ".") && bytes[a + 1] == UInt8(ascii: ".") && bytes[a + 2] == UInt8(ascii: ".")) else { return false }
                var rest = a + 3
                if rest < b, bytes[rest] != 0x20, bytes[rest] != 0x09 { return false }
                while rest < b, bytes[rest] == 0x20 || bytes[rest] == 0x09 { rest += 1 }
                if rest < b, bytes[rest] != UInt8(ascii: "#") { return false }
            }
            i = end + 1
        }
        return true
    }
}

/// What changed in a tree between two loads through the same `LoadCache`.
public struct TreeChanges: Sendable, Equatable {
    /// Files parsed again (new or written since), and files gone, relative to the root.
    public var paths: Set<String>

    public init(paths: Set<String>) { self.paths = paths }

    /// Whether every changed path is under `prefix` (`"seeds/molins-de-rei/"`).
    public func onlyUnder(_ prefixes: [String]) -> Bool {
        paths.allSatisfy { p in prefixes.contains { p.hasPrefix($0) } }
    }
}

/// The files `TreeLoader` has read and what it made of them, kept between loads by
/// `oae serve`: a file whose stamp (`FileTree.FileStamp`: size, modification and change
/// times, inode; from the walk's own `fstatat`, no other system call) is the same as at
/// the last load is neither read nor parsed again, unless it was named by `invalidate`
/// (the watcher's changed paths: a write within the file system's time granularity keeps
/// the stamp). A change of the kind table forgets everything. Safe to share between
/// threads.
public final class LoadCache: @unchecked Sendable {
    let lock = NSLock()
    var kinds: [UInt8]?
    var entries: [String: (stamp: FileTree.FileStamp?, loaded: TreeLoader.Loaded, problems: [Diagnostic])] = [:]
    private var forced: Set<String> = []
    private var parsedPaths: Set<String> = []
    /// The paths of the entries the last load's walk left out (`end`).
    private var skippedBefore: Set<String> = []
    private var forgotten = true
    /// The last load's walk, and the paths the next load lists again (`follow`).
    private var listing: FileTree.Listing?
    private var following: Set<String>?
    private var wholeWalkNext = false
    /// Loads begun (`walkDiffers` ignores a walk during which one began).
    private var loads = 0
    /// How many files the last load parsed (not found unchanged in the cache).
    public var parsed: Int { lock.withLock { parsedPaths.count } }
    /// Whether a load through the cache compiles the tree's schemas while the other files
    /// load, as a load without one does (`LoadedTree.compiledSchemas`): for a cache used by
    /// one load (a run of `oae check` or `oae build` with its `LoadStore`), whose tree is
    /// never patched.
    public let compilesSchemas: Bool

    public init(compilesSchemas: Bool = false) {
        self.compilesSchemas = compilesSchemas
    }
    /// What the last load found changed since the one before; nil when it could use
    /// nothing of it (the first load, or the kind table changed).
    public private(set) var changes: TreeChanges?

    /// Makes the next load read and parse these files (relative to the root) again,
    /// whatever their stamps say.
    public func invalidate(_ paths: some Sequence<String>) {
        lock.withLock { forced.formUnion(paths) }
    }

    /// Makes the next load list again only these paths (relative to the root; a folder
    /// with everything below it) and keep the rest of the last load's walk, instead of
    /// walking the whole tree: for a caller whose watcher names every change (`oae
    /// serve`, which walks the whole tree after each save to make sure, `walkDiffers`).
    /// The paths are also read again (`invalidate`).
    public func follow(_ paths: some Sequence<String>) {
        lock.withLock {
            let paths = Set(paths)
            guard !paths.isEmpty else { return }
            forced.formUnion(paths)
            following = (following ?? []).union(paths)
        }
    }

    /// True when a walk of the whole tree now differs from the last load's (a change the
    /// watcher did not name: a queue overflow, a change of permissions, a file named `x~`);
    /// then the next load walks the whole tree, whatever `follow` says. Safe to call while
    /// another thread loads: when a load began during the walk, the walk says nothing
    /// (nil; the walk and that load's listing may see different moments of the tree),
    /// and the caller walks again after that load (`oae serve` walks again once the saves stop).
    /// `parallel: false` walks on the calling thread only (`FileTree.list`).
    @discardableResult
    public func walkDiffers(root: URL, parallel: Bool = true) -> Bool? {
        let started = lock.withLock { loads }
        let now = FileTree.list(root: root, folders: TreeLayout.contentFolders, parallel: parallel)
        return lock.withLock {
            guard loads == started else { return nil }
            let differs = listing != now
            if differs { wholeWalkNext = true }
            return differs
        }
    }

    /// The last walk with the followed paths listed again; nil without `follow` or a last walk.
    fileprivate func followedListing(root: URL) -> FileTree.Listing? {
        guard let (previous, paths) = lock.withLock({ () -> (FileTree.Listing, Set<String>)? in
            defer { following = nil; wholeWalkNext = false }
            guard let listing, let following, !wholeWalkNext else { return nil }
            return (listing, following)
        }) else { return nil }
        // Everything at or below a followed path is listed again. A save names a path or
        // two: each listed path is compared with them by bytes (no string made per
        // folder above it, 5% of a save at 947 municipalities); a burst of many (a
        // checkout) looks each folder up.
        let few = paths.count <= 8 ? paths.map { Array($0.utf8) } : nil
        func gone(_ path: String) -> Bool {
            if let few {
                return path.utf8.withContiguousStorageIfAvailable { bytes in
                    few.contains { f in
                        !f.isEmpty && bytes.count >= f.count && (bytes.count == f.count || bytes[f.count] == UInt8(ascii: "/"))
                            && memcmp(bytes.baseAddress!, f, f.count) == 0
                    }
                } ?? few.contains { f in path == String(decoding: f, as: UTF8.self) || path.hasPrefix(String(decoding: f, as: UTF8.self) + "/") }
            }
            var end = path.endIndex
            while true {
                if paths.contains(String(path[..<end])) { return true }
                guard let slash = path[..<end].lastIndex(ofASCII: "/") else { return false }
                end = slash
            }
        }
        var files: [(String, FileTree.FileStamp)] = []
        files.reserveCapacity(previous.files.count)
        for (path, stamp) in zip(previous.files, previous.stamps) where !gone(path) { files.append((path, stamp)) }
        var skipped = previous.skipped.filter { !gone($0.path) }
        var added = false
        // A path below another followed one is listed with it.
        for path in paths.sorted() where !(path.lastIndex(ofASCII: "/").map { gone(String(path[..<$0])) } ?? false) {
            let entry = FileTree.listEntry(root: root, path: path)
            for (file, stamp) in zip(entry.files, entry.stamps) { files.append((file, stamp)); added = true }
            skipped += entry.skipped
        }
        if added { files.sort { $0.0 < $1.0 } }
        skipped.sort { $0.path < $1.path }
        return FileTree.Listing(files: files.map(\.0), skipped: skipped, stamps: files.map(\.1))
    }

    /// Where a path's result stands in the last load's tree: a document (its index in
    /// `documents`), a schema, UI strings, a template, reference data, or nothing.
    enum Slot: Sendable, Equatable {
        case document(Int)
        case schema(String)
        case uiStrings(String)
        case template
        case reference(String)
        case nothing
    }

    /// The last load's tree, with what `patched` needs to make the next from it.
    private struct Last {
        var tree: LoadedTree
        var stamps: [FileTree.FileStamp]
        var skipped: [FileTree.Skipped]
        /// By path index (the order of `tree.paths`).
        var slots: [Slot]
        /// The problems of each path that has some, by path index.
        var problems: [Int: [Diagnostic]]
        /// Path indexes by path, made when a patch first needs them.
        var index: [String: Int]?
    }

    private var last: Last?
    /// Whether the last load was made from the one before by replacing the files that
    /// changed (`patched`), not file by file: its tree has the same files as the one
    /// before, each document at the same index, and only the documents at
    /// `changes.paths` can differ from that tree's.
    public var lastLoadPatched: Bool { lock.withLock { patchedLoad } }
    private var patchedLoad = false
    /// How many loads have begun through this cache (the last load's number).
    public var loadsBegun: Int { lock.withLock { loads } }

    fileprivate func remember(_ tree: LoadedTree, listing: FileTree.Listing, slots: [Slot], problems: [Int: [Diagnostic]]) {
        lock.withLock {
            patchedLoad = false
            last = listing.stamps.count == tree.paths.count
                ? Last(tree: tree, stamps: listing.stamps, skipped: listing.skipped, slots: slots, problems: problems)
                : nil
        }
    }

    /// The tree of `listing` made from the last load's, when the listing has the same
    /// files and entries left out, and every file whose stamp changed (or that was
    /// named by `invalidate`/`follow`) makes the same kind of result at the same place
    /// (a document stays a document): those files are read and parsed again (`load`),
    /// and put in place of their last results. nil otherwise: the caller loads file by
    /// file. At 947 municipalities (16,000 files) this spares a save of `oae serve`
    /// copying every file's result three times over (the cache's entries, the folders'
    /// results, the tree) and a dictionary lookup per file: two fifths of its check.
    fileprivate func patched(_ listing: FileTree.Listing, kinds: KindTable, kindProblems: [Diagnostic],
                             load: (String) -> (TreeLoader.Loaded, [Diagnostic])) -> LoadedTree? {
        guard var last = lock.withLock({ () -> Last? in
            // After a change of the kind table every file is placed again.
            guard !forgotten, let last else { return nil }
            return last
        }) else { return nil }
        let paths = listing.files
        guard paths.count == last.tree.paths.count, listing.stamps.count == paths.count, listing.skipped == last.skipped,
              paths == last.tree.paths else { return nil }
        var again: Set<Int> = []
        for i in paths.indices where listing.stamps[i] != last.stamps[i] { again.insert(i) }
        let named = lock.withLock { forced }
        if !named.isEmpty {
            if last.index == nil {
                var index: [String: Int] = [:]
                index.reserveCapacity(paths.count)
                for i in paths.indices { index[paths[i]] = i }
                last.index = index
            }
            for path in named { if let i = last.index![path] { again.insert(i) } }
        }
        var tree = last.tree
        tree.kinds = kinds
        for i in again.sorted() {
            let (loaded, problems) = result(path: paths[i], stamp: listing.stamps[i]) { load(paths[i]) }
            guard TreeLoader.place(loaded, slot: last.slots[i], in: &tree) else { return nil }
            last.problems[i] = problems.isEmpty ? nil : problems
        }
        tree.diagnostics = kindProblems + listing.skipped.map(TreeLoader.diagnostic)
        for i in last.problems.keys.sorted() { tree.diagnostics += last.problems[i]! }
        tree.diagnostics += kinds.checkReferences(tree.schemas)
        last.tree = tree
        last.stamps = listing.stamps
        lock.withLock {
            self.last = last
            patchedLoad = true
            // Nothing is gone: what changed is what was parsed again.
            changes = TreeChanges(paths: parsedPaths)
            forgotten = false
            forced = []
        }
        return tree
    }

    fileprivate func keep(_ walked: FileTree.Listing) {
        lock.withLock {
            listing = walked
            loads += 1
        }
    }

    func begin(kinds bytes: Result<[UInt8], FileTree.FileProblem>) {
        let now = try? bytes.get()
        lock.withLock {
            if now != kinds || kinds == nil {
                entries = [:]
                forgotten = true
            }
            kinds = now
            parsedPaths = []
        }
    }

    /// Forgets the files that are gone and says what changed: the files parsed again, the
    /// files gone, and the entries the walk left out that came or went (a symbolic link
    /// put in place of `office.yaml` is a document without content, `unreadDocuments`).
    func end(paths: [String], skipped: [FileTree.Skipped]) {
        lock.withLock {
            let present = Set(paths)
            var changed = parsedPaths
            for path in entries.keys where !present.contains(path) {
                entries[path] = nil
                changed.insert(path)
            }
            let skippedNow = Set(skipped.map(\.path))
            changed.formUnion(skippedNow.symmetricDifference(skippedBefore))
            skippedBefore = skippedNow
            changes = forgotten ? nil : TreeChanges(paths: changed)
            forgotten = false
            forced = []
        }
    }

    fileprivate func result(path: String, stamp: FileTree.FileStamp?,
                            load: () -> (TreeLoader.Loaded, [Diagnostic])) -> (TreeLoader.Loaded, [Diagnostic]) {
        if let stamp, let entry = lock.withLock({ forced.contains(path) ? nil : entries[path] }), entry.stamp == stamp {
            return (entry.loaded, entry.problems)
        }
        let (loaded, problems) = load()
        lock.withLock {
            entries[path] = (stamp, loaded, problems)
            parsedPaths.insert(path)
        }
        return (loaded, problems)
    }
}
