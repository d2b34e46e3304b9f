import Diagnostics
import Foundation
import Loading

/// The status of an office, in the order an office goes through them: a candidate
/// municipality, one whose council has agreed to join (`agreement`), then planned, pilot
/// and open.
public enum OfficeStatus: String, CaseIterable, Comparable, Sendable {
    case candidate, agreement, planned, pilot, open

    public static func < (a: OfficeStatus, b: OfficeStatus) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// The status of a service in the model, or `local` for a municipality's own service.
public enum ServiceStatus: String, Sendable {
    case core, recommended, optional, local
}

/// The documents of one municipality's folder, by kind (the kinds the kind table places
/// under `seeds/{municipality}/`).
public struct MunicipalityFiles: Sendable {
    public var slug: String
    /// Documents by kind, each list sorted by path.
    public var byKind: [Kind: [Document]] = [:]

    public init(slug: String) { self.slug = slug }

    /// The documents of a kind in the folder.
    public func documents(_ kind: Kind) -> [Document] { byKind[kind] ?? [] }

    /// The one document of a kind whose id is the municipality (`office.yaml`).
    public func single(_ kind: Kind) -> Document? { byKind[kind]?.first }

    public var office: Document? { single(.office) }
    public var adaptation: Document? { single(.adaptation) }
    public var staffing: Document? { single(.staffingPlan) }
    public var communicationPlan: Document? { single(.communicationPlan) }
    public var checklist: Document? { single(.openingChecklist) }
    public var reports: [Document] { documents(.progressReport) }
    public var services: [Document] { documents(.service) }
    public var procedures: [Document] { documents(.procedure) }

    /// The kinds in the kind table's order.
    var order: [Kind] = []

    /// Every document of the folder, in the kind table's order, then by path.
    public var all: [Document] { order.flatMap { byKind[$0] ?? [] } }
}

/// The model's own settings from `model/model.yaml`, with safe defaults when the file
/// is missing or broken (the problem is reported by the schema check).
public struct ModelSettings: Sendable {
    public var id = "model"
    public var version = "0.0.0"
    public var languages = ["ca"]
    /// Whether `languages` was read from model/model.yaml (not the default that stands in
    /// for a file missing or broken): a text in another language is told only then.
    public var languagesRead = false
    public var defaultLanguage = "ca"
    public var title: LocalizedText?
    public var requirements = Requirements()

    init(_ node: Node?) {
        guard let node else { return }
        id = node.string(at: "id") ?? id
        version = node.string(at: "version") ?? version
        defaultLanguage = node.string(at: "default_language") ?? defaultLanguage
        // A tag the schema refuses (`FR`) is its one error, not a language of every text's
        // warnings (session 45's review: 1,160 warnings asked for `FR:` texts and files).
        // Each once (a language listed twice is the schema's `uniqueItems` error).
        var listed: Set<String> = []
        let langs = (node.sequence(at: "languages")?.compactMap(\.string) ?? []).filter { TreeLayout.isLanguageCode($0) && listed.insert($0).inserted }
        if !langs.isEmpty { languages = langs; languagesRead = true }
        // A default language outside the list is `translation-default`'s error; the outputs
        // read the list's first (the default's missing strings made 824 template errors).
        if languagesRead, !languages.contains(defaultLanguage) { defaultLanguage = languages[0] }
        title = LocalizedText(node["title"], defaultLanguage: defaultLanguage)
        requirements = Requirements(node["requirements"])
    }
}

/// What `model.yaml` requires of offices, by status.
public struct Requirements: Sendable {
    public struct Staffing: Sendable {
        public var role: String
        public var minimum: [OfficeStatus: Int]
        public var minimumNodes: [OfficeStatus: Node]
        public var span: SourceSpan
    }

    public struct RequiredProcedure: Sendable {
        public var procedure: String
        public var from: OfficeStatus
        public var span: SourceSpan
    }

    public var staffing: [Staffing] = []
    public var procedures: [RequiredProcedure] = []
    public var communicationFrom: (status: OfficeStatus, span: SourceSpan)?
    public var trainingBeforeOpening: SourceSpan?
    public var checklistFor: (status: OfficeStatus, span: SourceSpan)?
    public var reportsFrom: (status: OfficeStatus, span: SourceSpan)?
    /// Days after the end of a period within which its progress report is due
    /// (`progress_reports.due_within_days`; 0 when not given: the day after it ends).
    public var reportsDueWithinDays = 0

    init() {}

    init(_ node: Node?) {
        guard let node else { return }
        for item in node.sequence(at: "staffing") ?? [] {
            guard let role = item.string(at: "role") else { continue }
            var minimum: [OfficeStatus: Int] = [:]
            var nodes: [OfficeStatus: Node] = [:]
            for status in OfficeStatus.allCases {
                if let n = item["minimum"]?[status.rawValue], let v = n.int {
                    minimum[status] = v
                    nodes[status] = n
                }
            }
            staffing.append(Staffing(role: role, minimum: minimum, minimumNodes: nodes, span: item.span))
        }
        for item in node.sequence(at: "procedures") ?? [] {
            guard let p = item.string(at: "procedure"),
                  let from = item.string(at: "from_status").flatMap(OfficeStatus.init(rawValue:)) else { continue }
            procedures.append(RequiredProcedure(procedure: p, from: from, span: item.span))
        }
        if let c = node["communication"], let s = c.string(at: "from_status").flatMap(OfficeStatus.init(rawValue:)) {
            communicationFrom = (s, c.span)
        }
        if let t = node["training"], t["before_opening"]?.bool == true { trainingBeforeOpening = t.span }
        if let c = node["checklist"], let s = c.string(at: "for_status").flatMap(OfficeStatus.init(rawValue:)) {
            checklistFor = (s, c.span)
        }
        if let r = node["progress_reports"], let s = r.string(at: "from_status").flatMap(OfficeStatus.init(rawValue:)) {
            reportsFrom = (s, r.span)
            // Not below 0 (the schema refuses it): a report is never due before its quarter ends.
            reportsDueWithinDays = max(0, r["due_within_days"]?.int ?? 0)
        }
    }
}

/// The loaded tree, indexed: the model's documents by kind and id, each municipality's
/// folder, and the translations of every Markdown document.
public struct Network: Sendable {
    public let tree: LoadedTree
    public let settings: ModelSettings
    public let annotations: SchemaAnnotations
    /// Model documents (not translations) by kind, then id.
    public let model: [Kind: [String: Document]]
    public let municipalities: [String: MunicipalityFiles]
    /// Translation files by the path of the document they translate, then language.
    /// The outputs read a document's text in a language through `translation(of:in:)`.
    public let translations: [String: [String: Document]]

    /// The translation whose text the outputs show for the document at `path` in
    /// `language`: its translation file, when it was read and its body has text. A file
    /// whose body is empty or blank translates nothing, so the original's text is shown,
    /// marked as a fallback, as when there is no file (`translation-missing` says so).
    public func translation(of path: String, in language: String) -> Document? {
        guard let t = translations[path]?[language], let md = t.markdown, !MarkdownDocument.isBlank(md.body) else { return nil }
        return t
    }

    /// The document whose body the outputs show for `doc` in `language`, and whether it
    /// is shown in place of a translation (the original's text, marked as not
    /// translated): the document itself in the default language, else its translation
    /// (`translation(of:in:)`), else the document as a fallback. The handbooks and the
    /// site pick a body through this, and `translation-missing` asks it which bodies they
    /// mark, so that the check lists exactly those.
    public func body(of doc: Document, in language: String) -> (doc: Document, isFallback: Bool) {
        if language == settings.defaultLanguage { return (doc, false) }
        if let t = translation(of: doc.path, in: language) { return (t, false) }
        return (doc, true)
    }
    /// The kinds the tree declares.
    public var kinds: KindTable { tree.kinds }
    /// Municipality slugs in order.
    public let municipalitySlugs: [String]
    /// What is computed from the network on first use and kept (the network never changes).
    let memo = NetworkMemo()

    /// The value of `key` for this network, made by `make` once and kept: for values that
    /// other modules compute from the network alone and ask for several times (each step
    /// of a build made its languages' interface strings again; issue 13). `key` names
    /// the value and its type; two callers with the same key must make the same value.
    public func memoized<T: Sendable>(_ key: String, _ make: () -> T) -> T {
        memo.value(key, make)
    }

    /// The network of `tree`. `annotations` are the schemas' annotations when the caller
    /// has them for the same schema files (`oae serve`, after a save that changed no file
    /// of `model/schema/`): compiling the schemas is then skipped.
    public init(tree: LoadedTree, annotations: SchemaAnnotations? = nil) {
        self.init(indexing: tree, annotations: annotations)
    }

    /// The network of `tree`, made from `previous` (the network of the tree `tree` was
    /// patched from, `LoadCache.lastLoadPatched`: the same files at the same places,
    /// only the documents at `changed` read again): those documents are put in place of
    /// their last versions, instead of every document being indexed and each
    /// municipality's files sorted again (at 947 municipalities a tenth of a save of `oae
    /// serve`). When `tree` is not such a tree, it is indexed as `init(tree:annotations:)`
    /// does; either way the network is the one that initializer makes.
    public init(tree: LoadedTree, annotations: SchemaAnnotations? = nil, patching previous: Network, changed: Set<String>) {
        guard let patched = Network.patch(previous, tree: tree, changed: changed) else {
            self.init(indexing: tree, annotations: annotations)
            return
        }
        self.init(tree: tree, model: patched.model, municipalities: patched.municipalities, translations: patched.translations,
                  slugs: previous.municipalitySlugs, annotations: annotations)
        carryAgreementViews(from: previous, changed: patched.changed)
    }

    private init(tree: LoadedTree, model: [Kind: [String: Document]], municipalities: [String: MunicipalityFiles],
                 translations: [String: [String: Document]], slugs: [String], annotations: SchemaAnnotations?) {
        self.tree = tree
        self.model = model
        self.municipalities = municipalities
        self.municipalitySlugs = slugs
        self.translations = translations
        self.settings = ModelSettings(model[.model]?.values.first?.root)
        self.annotations = annotations ?? SchemaAnnotations(schemas: tree.schemas)
    }

    /// `previous`'s indexes with the documents of `tree` at `changed` in place of their
    /// last versions; nil when a changed document is not where it was (another document
    /// count, another path at its index, not found in its municipality's files or the
    /// model's under its kind and id).
    private static func patch(_ previous: Network, tree: LoadedTree, changed: Set<String>)
        -> (model: [Kind: [String: Document]], municipalities: [String: MunicipalityFiles], translations: [String: [String: Document]],
            changed: [Document])? {
        let old = previous.tree.documents, new = tree.documents
        guard old.count == new.count, previous.tree.paths == tree.paths else { return nil }
        var model = previous.model, municipalities = previous.municipalities, translations = previous.translations
        var docs: [Document] = []
        // By index: `for doc in new where …` would copy every document.
        for i in new.indices where changed.contains(new[i].path) {
            let doc = new[i]
            docs.append(doc)
            guard old[i].path == doc.path, old[i].kind == doc.kind, old[i].id == doc.id,
                  old[i].municipality == doc.municipality, old[i].language == doc.language else { return nil }
            if let language = doc.language {
                let original = String(doc.path.dropLast(".\(language).md".count)) + ".md"
                guard translations[original]?[language]?.path == doc.path else { return nil }
                translations[original]![language] = doc
            } else if let m = doc.municipality {
                guard let j = municipalities[m]?.byKind[doc.kind]?.firstIndex(where: { $0.path == doc.path }) else { return nil }
                municipalities[m]!.byKind[doc.kind]![j] = doc
            } else {
                guard model[doc.kind]?[doc.id]?.path == doc.path else { return nil }
                model[doc.kind]![doc.id] = doc
            }
        }
        return (model, municipalities, translations, docs)
    }

    private init(indexing tree: LoadedTree, annotations: SchemaAnnotations?) {
        // The schemas are compiled on the other core while the documents are indexed:
        // both ran on one core between the load and the checks (issue 13).
        // `concurrentPerform`, not an async task: the calling thread does its part itself.
        nonisolated(unsafe) var indexes: (model: [Kind: [String: Document]], municipalities: [String: MunicipalityFiles],
                                          translations: [String: [String: Document]])?
        // The schemas compiled while the tree loaded, when the load began it: waited for
        // beside the indexing, not before it.
        nonisolated(unsafe) var compiled = annotations
        let early = annotations == nil ? tree.compiledSchemas : nil
        DispatchQueue.concurrentPerform(iterations: compiled == nil ? 2 : 1) { k in
            if k == 0 {
                indexes = Network.index(tree)
            } else {
                compiled = (try? early?.wait()) ?? SchemaAnnotations(schemas: tree.schemas)
            }
        }
        let (model, municipalities, translations) = indexes!
        self.init(tree: tree, model: model, municipalities: municipalities, translations: translations,
                  slugs: municipalities.keys.sorted(), annotations: compiled)
    }

    /// The documents of `tree` by kind and id (the model's), by municipality and kind (each
    /// list sorted by path), and the translations by original path and language.
    private static func index(_ tree: LoadedTree)
        -> (model: [Kind: [String: Document]], municipalities: [String: MunicipalityFiles], translations: [String: [String: Document]]) {
        var model: [Kind: [String: Document]] = [:]
        var municipalities: [String: MunicipalityFiles] = [:]
        var translations: [String: [String: Document]] = [:]
        for doc in tree.documents {
            if let language = doc.language {
                let original = String(doc.path.dropLast(".\(language).md".count)) + ".md"
                translations[original, default: [:]][language] = doc
                continue
            }
            guard let m = doc.municipality else {
                model[doc.kind, default: [:]][doc.id] = doc
                continue
            }
            municipalities[m, default: MunicipalityFiles(slug: m)].byKind[doc.kind, default: []].append(doc)
        }
        // In place, through the dictionaries' values: assigning `municipalities[m]` while
        // iterating `municipalities` copied the whole dictionary. The documents come in
        // the tree's order, so each list is most often sorted already; `sort` is stable,
        // as `sorted` was. Walked by index, not `for i in values.indices`: the indices
        // hold the dictionary, so the first write would copy it.
        let order = tree.kinds.municipalKinds
        var i = municipalities.values.startIndex
        while i != municipalities.values.endIndex {
            municipalities.values[i].order = order
            var j = municipalities.values[i].byKind.values.startIndex
            while j != municipalities.values[i].byKind.values.endIndex {
                if !Network.isSortedByPath(municipalities.values[i].byKind.values[j]) {
                    municipalities.values[i].byKind.values[j].sort { $0.path < $1.path }
                }
                municipalities.values[i].byKind.values.formIndex(after: &j)
            }
            municipalities.values.formIndex(after: &i)
        }
        return (model, municipalities, translations)
    }

    /// Whether no document of `docs` has a path before its predecessor's (`<`).
    static func isSortedByPath(_ docs: [Document]) -> Bool {
        for i in docs.indices.dropFirst() where docs[i].path < docs[i - 1].path { return false }
        return true
    }


    public func modelDocument(_ kind: Kind, _ id: String) -> Document? { model[kind]?[id] }

    public func modelDocuments(_ kind: Kind) -> [Document] {
        (model[kind] ?? [:]).values.sorted { $0.id < $1.id }
    }

    /// The status of a model service (`core`, `recommended`, `optional`).
    public func serviceStatus(_ id: String) -> ServiceStatus? {
        modelDocument(.service, id)?.root?.string(at: "status").flatMap(ServiceStatus.init(rawValue:))
    }

    /// The text of a translatable field.
    public func text(_ node: Node?) -> LocalizedText? {
        LocalizedText(node, defaultLanguage: settings.defaultLanguage)
    }
}

/// Values of a `Network` computed once, on first use, for every reader (thread-safe).
final class NetworkMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var budgets: [OfficeBudget]?
    private var agreements: [Document]?
    private var relying: [String: [String]]?
    private var register: MunicipalityRegister??

    /// The agreements kept, or `make()`'s, kept.
    func agreements(_ make: () -> [Document]) -> [Document] {
        if let kept = lock.withLock({ agreements }) { return kept }
        let made = make()
        lock.withLock { agreements = made }
        return made
    }

    /// The municipalities relying on each agreement kept, or `make()`'s, kept.
    func relying(_ make: () -> [String: [String]]) -> [String: [String]] {
        if let kept = lock.withLock({ relying }) { return kept }
        let made = make()
        lock.withLock { relying = made }
        return made
    }

    /// What was kept of the agreements and reliances (nil: not computed yet).
    var agreementViews: (agreements: [Document]?, relying: [String: [String]]?) {
        lock.withLock { (agreements, relying) }
    }

    /// Keeps these agreements and reliances, made from a previous network's.
    func keep(agreements: [Document]?, relying: [String: [String]]?) {
        lock.withLock {
            self.agreements = agreements
            self.relying = relying
        }
    }

    /// The register kept (nil inside when the tree has none), or `make()`'s, kept.
    func register(_ make: () -> MunicipalityRegister?) -> MunicipalityRegister? {
        if let kept = lock.withLock({ register }) { return kept }
        let made = make()
        lock.withLock { register = .some(made) }
        return made
    }

    /// Values of other modules, by key (`Network.memoized`).
    private var others: [String: any Sendable] = [:]

    /// The value of `key` kept, or `make()`'s, kept.
    func value<T: Sendable>(_ key: String, _ make: () -> T) -> T {
        if let kept = lock.withLock({ others[key] }) as? T { return kept }
        let made = make()
        lock.withLock { others[key] = made }
        return made
    }

    /// The value kept, or `make()`'s, kept.
    func budgets(_ make: () -> [OfficeBudget]) -> [OfficeBudget] {
        if let kept = lock.withLock({ budgets }) { return kept }
        let made = make()
        lock.withLock { budgets = made }
        return made
    }
}
