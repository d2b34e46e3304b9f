import Diagnostics
import Foundation
import Loading
import Model
import Resolution
import Schema

/// A conformance rule: reads the whole network and returns its diagnostics. Each rule
/// lives in a file of its own and lists the rule ids it reports.
public protocol Rule: Sendable {
    static var rules: [RuleInfo] { get }
    func check(_ context: ValidationContext) -> [Diagnostic]
    /// Whether the rule's diagnostics on the context before `delta` are still its
    /// diagnostics after it, so that `oae serve` need not run it again. The default:
    /// when nothing changed, or when only Markdown bodies changed and the rule reads none
    /// (`readsMarkdownBodies`).
    func keeps(_ delta: ValidationContext.Delta) -> Bool
    /// True for a rule that reads the body of a Markdown document (its text, links or
    /// headings), not only its front matter.
    static var readsMarkdownBodies: Bool { get }
    /// The rule's run on `c` for `Validator.validateByRule`, reusing the diagnostics
    /// `before` (on the context `c` reused) where the context's delta leaves them: by
    /// document, by folder or by municipality for a `DocumentRule`, `FolderRule` or
    /// `MunicipalRule` (each protocol's extension gives its own), the whole `check`
    /// otherwise. Chosen by the protocol the rule conforms to, without a dynamic cast:
    /// the first cast of each rule to each protocol looked through the binary's 10,000
    /// conformances, 3 ms of every check (issue 13).
    func run(_ c: ValidationContext, before: RuleResult?) -> RuleResult
}

/// A rule whose diagnostics are those of each municipality in turn (in the order of
/// `ValidationContext.resolved`), each depending only on that municipality's view and
/// what every municipality shares (the model, the settings, the day): `oae serve` checks
/// again only the municipalities a save touched, unless it changed something shared.
///
/// A rule may also report what is not any municipality's (`checkShared`): those come
/// first, and are made again whenever the rule runs.
public protocol MunicipalRule: Rule {
    func check(_ m: ResolvedMunicipality, _ c: ValidationContext) -> [Diagnostic]
    /// The diagnostics before the municipalities' (none by default).
    func checkShared(_ c: ValidationContext) -> [Diagnostic]
}

extension MunicipalRule {
    public func check(_ c: ValidationContext) -> [Diagnostic] {
        checkShared(c) + c.resolved.flatMap { check($0, c) }
    }

    public func checkShared(_ c: ValidationContext) -> [Diagnostic] { [] }

    public func run(_ c: ValidationContext, before: RuleResult?) -> RuleResult {
        Validator.byMunicipality(self, c, before: before)
    }
}

/// A rule whose diagnostics are those of each municipality's folder in turn (in the
/// order of `Network.municipalitySlugs`, every folder of seeds/ that holds a
/// municipality's documents, resolved or not), each depending only on that folder's
/// files and what `keepsOtherFolders` names: `oae serve` checks again only the folders a
/// save touched while that says the others keep their diagnostics.
public protocol FolderRule: Rule {
    /// What the rule computes once per run, before the folders it checks (not made when
    /// no folder is checked).
    associatedtype Prepared
    func prepare(_ c: ValidationContext) -> Prepared
    func check(_ slug: String, _ files: MunicipalityFiles, _ prepared: Prepared, _ c: ValidationContext) -> [Diagnostic]
    /// Whether across `delta` a folder with no changed file keeps its diagnostics. By
    /// default while nothing outside municipalities' folders (and templates/) changed.
    func keepsOtherFolders(_ delta: ValidationContext.Delta) -> Bool
}

extension FolderRule {
    public func keepsOtherFolders(_ delta: ValidationContext.Delta) -> Bool { !delta.shared }

    public func run(_ c: ValidationContext, before: RuleResult?) -> RuleResult {
        Validator.byFolder(self, c, before: before)
    }

    public func check(_ c: ValidationContext) -> [Diagnostic] {
        let prepared = prepare(c)
        return c.network.municipalitySlugs.flatMap { slug in
            c.network.municipalities[slug].map { check(slug, $0, prepared, c) } ?? []
        }
    }
}

/// A rule whose diagnostics are those of each document in turn (in the order of
/// `ValidationContext.documents`, or of every document of the tree with its
/// translations), then those of the whole (`checkRest`): `oae serve` checks again only
/// the documents a save changed, while `keepsOtherDocuments` says the others keep theirs.
public protocol DocumentRule: Rule {
    /// What the rule computes once per run for its documents (an index of the tree).
    associatedtype Prepared: Sendable
    /// Whether the rule checks translation files too (`network.tree.documents`), not only
    /// `ValidationContext.documents`.
    static var checksTranslations: Bool { get }
    func prepare(_ c: ValidationContext) -> Prepared
    func check(_ doc: Document, _ prepared: Prepared, _ c: ValidationContext) -> [Diagnostic]
    /// The diagnostics after the documents' (none by default), made again on every run.
    func checkRest(_ c: ValidationContext) -> [Diagnostic]
    /// Whether across `delta` a document that did not change keeps its diagnostics.
    func keepsOtherDocuments(_ delta: ValidationContext.Delta) -> Bool
}

extension DocumentRule {
    public static var checksTranslations: Bool { false }

    public func checkRest(_ c: ValidationContext) -> [Diagnostic] { [] }

    public func run(_ c: ValidationContext, before: RuleResult?) -> RuleResult {
        Validator.byDocument(self, c, before: before)
    }

    /// The documents the rule checks, in order.
    func documents(_ c: ValidationContext) -> [Document] {
        Self.checksTranslations ? c.network.tree.documents : c.documents
    }

    public func check(_ c: ValidationContext) -> [Diagnostic] {
        let docs = documents(c)
        let prepared = prepare(c)
        return parallelMap(Array(docs.indices)) { check(docs[$0], prepared, c) }.flatMap { $0 } + checkRest(c)
    }
}

extension Rule {
    public static var readsMarkdownBodies: Bool { false }

    public func keeps(_ delta: ValidationContext.Delta) -> Bool {
        delta.changed.isEmpty || (delta.bodiesOnly && !Self.readsMarkdownBodies)
    }

    public func run(_ c: ValidationContext, before: RuleResult?) -> RuleResult {
        RuleResult(all: check(c))
    }
}

/// Everything a rule may read: the indexed tree, each municipality's resolved view,
/// the ids that references may name, and the day the check is made as of.
public struct ValidationContext: Sendable {
    public let network: Network
    public let resolved: [ResolvedMunicipality]
    public let references: ReferenceIndex
    /// The day "now" means for rules about time (finished quarters, past openings).
    public let asOf: Day
    /// Whether `asOf` was given (`oae check --as-of`, as the pre-commit hook gives today),
    /// not taken from SOURCE_DATE_EPOCH or the last commit. Only a given day, or `today`,
    /// is one that a date of something done may not be later than (`checkDay`): a build
    /// reproduced at an older epoch, or a tree with work newer than its last commit,
    /// holds such dates rightly.
    public var asOfGiven = false
    /// The day `oae check` runs, when no `--as-of` was given (nil otherwise, and in builds
    /// and `oae serve`): whatever the tree records as done happened by then, whatever the
    /// last commit's date. A report for a quarter that has not ended by today passed the
    /// check without `--as-of` (session 35's trial: a report for 2027 Q1 went onto the
    /// office's page).
    public var today: Day?

    /// The day after which no record of something done may be dated (a report's quarter
    /// ended, a review made): `asOf` when it was given, else `today`, else none.
    public var checkDay: Day? { asOfGiven ? asOf : today }
    /// Every document (not translations) validated against its kind's schema, by path:
    /// the problems, and the annotated values the reference and translation rules read.
    public let schemaResults: [String: SchemaValidation]

    public init(network: Network, asOf: Day) {
        self.init(network: network, asOf: asOf, previous: nil, changes: nil)
    }

    /// What changed between the context a context reused and itself.
    public struct Delta: Sendable {
        /// Files parsed again, added or gone, relative to the root.
        public var changed: Set<String>
        /// The municipalities (slugs) with a changed file in their folder of seeds/.
        public var municipalities: Set<String>
        /// Whether a changed file is outside municipalities' folders and templates/.
        public var shared: Bool
        /// Whether the tree has the same files as before (none added or gone).
        public var samePaths: Bool
        /// Whether every changed file is a Markdown document whose front matter is what
        /// it was, value for value and position for position: only its body changed.
        public var bodiesOnly: Bool
        /// Whether the tree has the same documents as before (same paths, each changed
        /// file a document before and after, of the same kind, id, municipality and
        /// language, or a document neither before nor after), and neither a schema nor
        /// the model's settings (`model.yaml`) changed: what a rule reads of the other
        /// documents (their ids, their translations, the languages) is what it was.
        public var sameDocuments: Bool = false
        /// Whether every changed Markdown document makes the same heading anchors as
        /// before (the link rule's targets).
        public var sameAnchors: Bool = false
        /// Whether the tree has the same files as before and every changed file that is a
        /// document (not a translation) before or after is one both times, with the same
        /// id (its `id` field, else its file name's), and, when it has translations, loaded
        /// both times or neither: what a translation's id is checked against is what it was.
        public var sameIds: Bool = false
    }

    /// What changed since `previous` (nil when this context computed everything).
    public let delta: Delta?
    /// How many schema results and resolved views this context computed (the rest it
    /// kept from `previous`).
    public let computed: (schemaResults: Int, resolved: Int)

    /// The context of `network`, reusing what `previous` (the context of the same tree
    /// before `changes`, from the same `LoadCache`) computed and the changes cannot have
    /// changed: the schema results of documents that did not change when no schema did,
    /// and the resolved view of each municipality when the only changes are in other
    /// municipalities' folders (or in `templates/`). Without `previous` or `changes`
    /// everything is computed; either way the context is the one a full check makes.
    public init(network: Network, asOf: Day, previous: ValidationContext?, changes: TreeChanges?) {
        self.network = network
        self.asOf = asOf
        let reuse = previous != nil && changes != nil
        let changed = changes?.paths ?? []
        // A folder of seeds/ that is a municipality's, before or after the change.
        let slugs = Set(network.municipalities.keys).union(previous.map { Set($0.network.municipalities.keys) } ?? [])
        var local: Set<String> = []
        var shared = false
        for path in changed where !path.hasPrefix("templates/") {
            let parts = path.split(ascii: "/", maxSplits: 2)
            if parts.count == 3, parts[0] == "seeds", slugs.contains(String(parts[1])) {
                local.insert(String(parts[1]))
            } else {
                shared = true
            }
        }
        let schemasChanged = changed.contains { $0.hasPrefix("model/schema/") }
        if reuse, let previous {
            let samePaths = previous.network.tree.paths == network.tree.paths
            // By index: `for doc in documents where …` copies every document (at 947
            // municipalities 3% of a save).
            var before: [String: Document] = [:]
            let old = previous.network.tree.documents
            for i in old.indices where changed.contains(old[i].path) { before[old[i].path] = old[i] }
            var after: [String: Document] = [:]
            let new = network.tree.documents
            for i in new.indices where changed.contains(new[i].path) { after[new[i].path] = new[i] }
            let bodiesOnly = samePaths && changed.allSatisfy { path in
                guard let old = before[path], let new = after[path], old.markdown != nil, new.markdown != nil,
                      old.kind == new.kind, old.id == new.id, old.municipality == new.municipality,
                      old.language == new.language else { return false }
                switch (old.root, new.root) {
                case (nil, nil): return true
                case let (a?, b?): return a.isIdentical(to: b)
                default: return false
                }
            }
            let sameDocuments = samePaths && !schemasChanged && changed.allSatisfy { path in
                switch (before[path], after[path]) {
                case (nil, nil): return true
                case let (old?, new?):
                    return old.kind == new.kind && old.id == new.id && old.municipality == new.municipality
                        && old.language == new.language && old.kind != .model
                default: return false
                }
            }
            let sameAnchors = changed.allSatisfy { path in
                let old = before[path]?.markdown, new = after[path]?.markdown
                if old == nil, new == nil { return true }
                return old?.headings.map(\.anchor) == new?.headings.map(\.anchor)
            }
            let sameIds = samePaths && changed.allSatisfy { path in
                let old = before[path].flatMap { $0.language == nil ? $0 : nil }
                let new = after[path].flatMap { $0.language == nil ? $0 : nil }
                switch (old, new) {
                case (nil, nil): return true
                // An original of translations loaded both times or neither: one that did not
                // load is no id to compare them with (`IdentityRule.OriginalIds`).
                case let (old?, new?):
                    return (network.translations[path] == nil || (old.root == nil) == (new.root == nil))
                        && (old.root?.string(at: "id") ?? old.id) == (new.root?.string(at: "id") ?? new.id)
                default: return false
                }
            }
            delta = Delta(changed: changed, municipalities: local, shared: shared, samePaths: samePaths, bodiesOnly: bodiesOnly,
                          sameDocuments: sameDocuments, sameAnchors: sameAnchors, sameIds: sameIds)
        } else {
            delta = nil
        }
        var previousResolved: [String: ResolvedMunicipality] = [:]
        let bodiesOnly = delta?.bodiesOnly == true
        if reuse, !shared || bodiesOnly, let previous { for r in previous.resolved { previousResolved[r.slug] = r } }
        // Only bodies changed: every view is the one before, with the new documents.
        var bodies: [String: Document] = [:]
        if bodiesOnly {
            let all = network.tree.documents
            for i in all.indices where changed.contains(all[i].path) { bodies[all[i].path] = all[i] }
        }
        // The ids references name come from the model's documents and from the paths of
        // the municipalities' own: the last index serves while only municipalities'
        // documents changed and the tree has the same documents. Else the index is made
        // on another thread while the municipalities resolve and the documents are
        // validated (made after them, it ran on one core alone; issue 13).
        let keptReferences: ReferenceIndex?
        nonisolated(unsafe) var madeReferences: ReferenceIndex?
        let indexed = DispatchGroup()
        if reuse, let previous, let delta = self.delta, !delta.shared, delta.sameDocuments {
            keptReferences = previous.references
        } else {
            keptReferences = nil
            DispatchQueue.global().async(group: indexed) { madeReferences = ReferenceIndex(network) }
        }
        // Each municipality resolves on its own: in parallel.
        let kept = previousResolved, touched = bodiesOnly ? [] : local, replaced = bodies
        let resolvedNow = parallelMap(network.municipalitySlugs) { slug -> (ResolvedMunicipality?, Bool) in
            if !touched.contains(slug), let view = kept[slug], let files = network.municipalities[slug] {
                return (replaced.isEmpty ? view : view.replacing(replaced, files: files), false)
            }
            return (Resolver.resolve(network, municipality: slug), true)
        }
        self.resolved = resolvedNow.compactMap(\.0)
        // By index: `filter` copied every document twice (into its closure, then the result).
        let all = network.tree.documents
        var originals: [Document] = []
        originals.reserveCapacity(all.count)
        for i in all.indices where all[i].language == nil { originals.append(all[i]) }
        let documents = originals
        self.documents = documents
        let previousSchema = reuse && !schemasChanged ? previous?.schemaResults : nil
        // With the last results: only the changed documents are validated, the others'
        // results kept as they are (not one dictionary entry made again per document).
        let validate = documents.indices.filter { documents[$0].root != nil && (previousSchema == nil || changed.contains(documents[$0].path)) }
        let results = parallelMap(validate) { i -> SchemaValidation? in
            guard let root = documents[i].root, let validator = network.annotations.validator(for: documents[i].kind) else { return nil }
            return validator.validate(root, written: documents[i].writtenForms)
        }
        var byPath = previousSchema ?? [:]
        if previousSchema != nil { for path in changed { byPath[path] = nil } } else { byPath.reserveCapacity(validate.count) }
        for (i, result) in zip(validate, results) { byPath[documents[i].path] = result }
        self.schemaResults = byPath
        indexed.wait()
        self.references = keptReferences ?? madeReferences!
        computed = (results.filter { $0 != nil }.count, resolvedNow.filter(\.1).count)
    }

    public var settings: ModelSettings { network.settings }

    /// Whether the schema refused `node`, a value of the document at `path`: an error of a
    /// rule that refuses the value it stands on (`Validator.refusingValue`: its type, its
    /// text, its number) at the node or around it. A rule that counts, compares or looks
    /// up values elsewhere skips such a value, or the item that holds it: the schema's
    /// error at the token says what is wrong, and what the rule would conclude from the
    /// value is not what the writer means (a post whose `fte: "1"` is refused is still a
    /// post of the plan; hours that close at "25:00" overlap nothing). `Validator.report`
    /// drops what another rule says *within* a refused value; this is for what it would
    /// say elsewhere.
    public func refused(_ node: Node?, in path: String) -> Bool {
        guard let node, let diagnostics = schemaResults[path]?.diagnostics, !diagnostics.isEmpty else { return false }
        return diagnostics.contains {
            $0.severity == .error && Validator.refusingValue.contains($0.rule)
                && $0.span.start <= node.span.start && node.span.end <= $0.span.end
        }
    }

    /// Every document of the tree that is not a translation.
    public let documents: [Document]
}

/// The ids each kind of reference (`x-ref`) may name.
public struct ReferenceIndex: Sendable {
    /// Ids by reference kind, for the model.
    public var model: [String: [String: SourceSpan]] = [:]
    /// Local ids by municipality, then kind (local services and procedures).
    public var local: [String: [String: [String: SourceSpan]]] = [:]
    /// The reference kinds that have an index (others are not checked).
    public private(set) var kinds: Set<String> = []
    /// By kind, the ids written in the id field of documents whose file names say another
    /// (a model service renamed to `x-2.md` that still says `id: x`): a reference to such
    /// an id is the `id-mismatch` at that document, not an unknown id of its own.
    public private(set) var misnamed: [String: Set<String>] = [:]
    /// The kinds of referable items whose list could not be read: a document that holds
    /// it did not load (its YAML or Markdown error is reported), or its list is not a
    /// list (its schema error). No reference to such a kind is unknown: the holder's error
    /// is the one problem, not every reference to its items (`model.yaml` empty: one error
    /// at it, not one at each service's `area`).
    public private(set) var unreadable: Set<String> = []

    /// Indexes what the kind table declares: every document kind, with its model
    /// documents and each municipality's own (for kinds named by file), and every list
    /// of referable items.
    init(_ network: Network) {
        let table = network.kinds
        for declaration in table.declarations {
            let kind = declaration.kind
            model[kind.rawValue] = [:]
            for doc in network.modelDocuments(kind) {
                model[kind.rawValue]![doc.id] = doc.root?["id"]?.span ?? .wholeFile(doc.path)
                if let field = declaration.idField, let written = doc.root?.string(at: field), written != doc.id {
                    misnamed[kind.rawValue, default: []].insert(written)
                }
            }
        }
        for item in table.items {
            model[item.kind] = model[item.kind] ?? [:]
            for holder in network.modelDocuments(item.document) {
                if holder.root == nil || (holder.root?[item.list].map { $0.sequence == nil && !$0.isNull } ?? false) {
                    unreadable.insert(item.kind)
                }
                for entry in holder.root?.sequence(at: item.list) ?? [] {
                    if let id = entry.string(at: "id") { model[item.kind]![id] = entry["id"]!.span }
                }
            }
        }
        // A kind with one document per municipality (`office`) is named by the municipality's slug.
        for kind in table.declarations.filter({ $0.isMunicipal && $0.identity == .municipality }).map(\.kind) {
            for (slug, files) in network.municipalities {
                if let doc = files.single(kind) { model[kind.rawValue, default: [:]][slug] = .wholeFile(doc.path) }
            }
        }
        let localKinds = table.declarations.filter { $0.isMunicipal && $0.identity == .fileName }.map(\.kind)
        for (slug, files) in network.municipalities {
            for kind in localKinds {
                for doc in files.documents(kind) {
                    local[slug, default: [:]][kind.rawValue, default: [:]][doc.id] = .wholeFile(doc.path)
                }
            }
        }
        kinds = table.referenceKinds
    }

    /// The ids of `kind` visible from a document of `municipality` (nil: the model).
    public func ids(_ kind: String, municipality: String?) -> [String: SourceSpan] {
        var out = model[kind] ?? [:]
        if let m = municipality, let extra = local[m]?[kind] { out.merge(extra) { a, _ in a } }
        return out
    }

    /// Whether `id` names something of `kind` seen from `municipality`; any id does when
    /// the kind's list could not be read (`unreadable`).
    public func contains(_ id: String, _ kind: String, municipality: String?) -> Bool {
        visible(kind, municipality: municipality).contains(id)
    }

    /// The ids of one kind seen from one municipality, looked up once for the many
    /// references of a document: each reference then hashes its id alone (the kind was
    /// hashed three times for each; issue 13).
    public struct Visible: Sendable {
        /// Whether the kind has an index (`kinds`): a reference to another is not checked.
        public let indexed: Bool
        let model: [String: SourceSpan]?
        let local: [String: SourceSpan]?
        /// The kind's list could not be read (`unreadable`): any id is taken.
        let anyID: Bool

        /// Whether `id` names something of the kind (`ReferenceIndex.contains`).
        public func contains(_ id: String) -> Bool {
            anyID || model?[id] != nil || local?[id] != nil
        }
    }

    /// The ids of `kind` seen from a document of `municipality` (nil: the model).
    public func visible(_ kind: String, municipality: String?) -> Visible {
        Visible(indexed: kinds.contains(kind), model: model[kind], local: municipality.flatMap { local[$0]?[kind] },
                anyID: unreadable.contains(kind))
    }
}

extension Network {
    /// Whether the model has a document of `kind` named `id` that did not load (its YAML or
    /// Markdown error, or its emptiness, is reported at it): a rule that would read it says
    /// nothing of what it lacks, so that the file's error is the one problem.
    func modelDocumentUnread(_ kind: Kind, _ id: String) -> Bool {
        modelDocument(kind, id).map { $0.root == nil } ?? false
    }

    /// The written forms (`WrittenForms`) of every document of a municipality's folder: those
    /// of its values a view the resolution merged can hold (with the model document's,
    /// `writtenForms(_:_:local:)`). Most folders have none.
    func localWrittenForms(_ slug: String) -> WrittenForms {
        var forms: WrittenForms = [:]
        for documents in municipalities[slug]?.byKind.values ?? [:].values {
            for d in documents where !d.writtenForms.isEmpty { forms.merge(d.writtenForms) { a, _ in a } }
        }
        return forms
    }

    /// The written forms of the model's document of `kind` named `id` with a municipality's
    /// (`localWrittenForms`): those a view merged from both can hold.
    func writtenForms(_ kind: Kind, _ id: String, local: WrittenForms) -> WrittenForms {
        guard let model = modelDocument(kind, id)?.writtenForms, !model.isEmpty else { return local }
        return local.merging(model) { a, _ in a }
    }
}

extension Optional where Wrapped == Document {
    /// Whether the file is there but did not load (see `Network.modelDocumentUnread`).
    var unread: Bool { self.map { $0.root == nil } ?? false }
}

extension Node {
    /// The node's scalar as text, for messages.
    var display: String {
        switch value {
        case let .string(s): return s
        case .null: return "null"
        case let .bool(b): return b ? "true" : "false"
        case let .int(i): return String(i)
        case let .double(d): return d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
        case .sequence: return "[…]"
        case .mapping: return "{…}"
        }
    }
}
