import Publishing
import Foundation
import Loading
import Model
import OpenData
import Presentation
import Rendering
import Resolution

/// A file the site publishes as it is (open data), by its path under the site's `data/`,
/// with its size in bytes.
public struct SiteFile: Sendable, Equatable {
    public var path: String
    public var bytes: Int

    public init(path: String, bytes: Int) {
        self.path = path
        self.bytes = bytes
    }
}

/// What the site is built with besides the tree.
public struct SiteOptions: Sendable {
    /// The public address of the site, ending with `/` (for `sitemap.xml`).
    public var baseURL: String
    /// Whether a search index will be built (Pagefind found).
    public var search: Bool
    /// The handbooks built, or nil when none has been built yet.
    public var handbooks: HandbookManifest?
    /// The open data files the site links under `data/`: asked when a page first shows
    /// them (`SiteRoute.showsDataFiles`), for the site's other pages are rendered while the
    /// open data is written (`SiteStep`).
    public var dataFiles: [SiteFile] { dataFilesOnce.value(makeDataFiles) }
    private let makeDataFiles: @Sendable () -> [SiteFile]
    private let dataFilesOnce = Once<[SiteFile]>()
    public var structuredData: StructuredData
    /// The datasets of the open data among `dataFiles`, for the data page: made when that
    /// page first asks (listing them builds every table of the open data: `oae serve`
    /// would pay for it on every save, at 947 municipalities a seventh of a save).
    public var datasets: [OpenDataset] { datasetsOnce.value { makeDatasets(dataFiles) } }
    private let makeDatasets: @Sendable (_ dataFiles: [SiteFile]) -> [OpenDataset]
    private let datasetsOnce = Once<[OpenDataset]>()
    /// The licence of the open data.
    public var licence: DataLicence

    /// `dataFiles` and `datasets` (given the data files) are made when first asked.
    public init(baseURL: String, search: Bool, handbooks: HandbookManifest?,
                dataFiles: @autoclosure @escaping @Sendable () -> [SiteFile],
                structuredData: StructuredData,
                datasets: @escaping @Sendable (_ dataFiles: [SiteFile]) -> [OpenDataset] = { _ in [] },
                licence: DataLicence = .named(nil)) {
        self.baseURL = baseURL
        self.search = search
        self.handbooks = handbooks
        makeDataFiles = dataFiles
        self.structuredData = structuredData
        makeDatasets = datasets
        self.licence = licence
    }
}

/// Everything the pages are rendered from, shared (read-only) by the parallel renderers.
/// A class: `Pages`, `Layout` and `ValueText` hold it, and each page made several of them;
/// as a struct of two dozen references each copy retained and released every field.
final class SiteContext: Sendable {
    let input: BuildInput
    let templates: Templates
    let languages: [SiteLanguage]
    let options: SiteOptions
    let bodies: MarkdownBodies
    let resolved: [String: ResolvedMunicipality]
    /// An office's indicator results (met, missed, no data), made once when first asked;
    /// nil for a slug that is no municipality. The municipality is looked up only to make
    /// them (copying it out of `resolved` on every call retained each of its fields).
    func results(_ slug: String) -> IndicatorResults? {
        resultsMemo.value(slug) { resolved[slug].map { IndicatorResults($0, network: network) } }
    }
    private let resultsMemo = Memo<String, IndicatorResults?>()
    /// The municipalities relying on each agreement, by the agreement's path, computed once.
    let relying: [String: [String]]
    /// An office's checklist, training and reports, counted once when first asked;
    /// nil for a slug that is no municipality (as `results`).
    func progress(_ slug: String) -> OfficeProgress? {
        progressMemo.value(slug) { resolved[slug].map { OfficeProgress($0, network: network) } }
    }
    private let progressMemo = Memo<String, OfficeProgress?>()
    /// The municipalities in the order the site lists them (by slug).
    let municipalities: [ResolvedMunicipality]

    /// `body` of each municipality, in the site's order, each read where it is: `map` copied
    /// every municipality it passed (retaining and releasing each of its fields), and the
    /// pages of the model's services, procedures and indicators each pass all of them.
    func eachMunicipality<T>(_ body: (borrowing ResolvedMunicipality) -> T) -> [T] {
        municipalities.withUnsafeBufferPointer { all in
            var out: [T] = []
            out.reserveCapacity(all.count)
            for i in all.indices { out.append(body(all[i])) }
            return out
        }
    }
    /// Every agreement of the tree (`Network.agreements`), gathered and sorted once.
    let agreements: [Document]
    /// The agreements by id (the first of an id in `agreements`).
    let agreementsByID: [String: Document]
    /// Every office's budgets (`Network.budgets`), made once when first asked: the
    /// programme's links on many pages ask whether there are any.
    var budgets: [OfficeBudget] { budgetsOnce.value { network.budgets } }
    private let budgetsOnce = Once<[OfficeBudget]>()
    /// Whether any office has a budget, without making them (`Network.hasBudgets`): the
    /// routes and the programme's links only ask that.
    var hasBudgets: Bool { hasBudgetsOnce.value { network.hasBudgets } }
    private let hasBudgetsOnce = Once<Bool>()
    /// The items of the tree whose decision waits for the assessment (`decide_at:
    /// assessment`), found once when first asked: finding them walks every document.
    var deferredToAssessment: [DeferredItem] { deferredOnce.value { network.deferredItems(to: "assessment") } }
    private let deferredOnce = Once<[DeferredItem]>()

    /// The services × municipalities comparison, made once for every language.
    var comparison: CatalogueComparison { comparisonOnce.value { CatalogueComparison(network: network, resolved: municipalities) } }
    private let comparisonOnce = Once<CatalogueComparison>()
    /// Each office's summary by slug and language, made when first asked (`Pages.officeSummary`).
    let summaries = Memo<SlugInLanguage, OfficeSummary>()
    /// The label of each office status by language, found once (`statusLabel`).
    let statusLabels = Memo<String, String>()
    /// The network's title by language, found once (`siteTitle`): every page shows it.
    let titles = Memo<String, String>()
    /// Each language's name in itself, found once (`languageName`).
    let languageNames = Memo<String, String>()
    /// The sort key of each name sorted (`ReadingOrder.key`), made once.
    let readingKeys = Memo<String, String>()
    /// The language of the site's title by page language, when not its own (`siteTitleLanguage`).
    let titleLanguages = Memo<String, String>()
    /// Each indicator's chart by language (`Pages.indicatorChart`).
    let charts = Memo<String, ChartView>()
    /// Each indicator's values and targets per office, by indicator id (`IndicatorSeries`).
    let indicatorSeries = Memo<String, IndicatorSeries>()
    /// The footer's source dates, by epoch and language, and days by epoch (`Layout`).
    let dates = Memo<String, String>()
    let days = Memo<Int, String>()

    init(input: BuildInput, templates: Templates, options: SiteOptions) {
        self.input = input
        self.templates = templates
        self.options = options
        languages = input.languages.map { code in
            SiteLanguage(strings: Strings.forReaders(network: input.network, language: code), localizer: input.localizer(code))
        }
        bodies = MarkdownBodies(network: input.network)
        var resolved: [String: ResolvedMunicipality] = [:]
        for r in input.resolved { resolved[r.slug] = r }
        self.resolved = resolved
        relying = input.network.municipalitiesRelyingByAgreement()
        municipalities = input.resolved.sorted { $0.slug < $1.slug }
        agreements = input.network.agreements
        agreementsByID = Dictionary(agreements.map { ($0.id, $0) }) { first, _ in first }
        areas = input.network.model[.model]?.values.first?.root?.sequence(at: "areas") ?? []
        areasByID = Dictionary(areas.compactMap { a in a.string(at: "id").map { ($0, a) } }) { first, _ in first }
    }

    var network: Network { input.network }


    /// The office document of a municipality.
    func office(_ slug: String) -> Node? { resolved[slug]?.files.office?.root ?? network.municipalities[slug]?.office?.root }

    /// The name of a municipality (as written in its office file, with the outputs'
    /// `Typography`: "L’Hospitalet de Llobregat"), else its slug.
    func municipalityName(_ slug: String) -> String {
        // Once per municipality: charts and lists ask for every office's name on many pages,
        // and each answer copied the municipality, its office document and nodes.
        names.value(slug) { office(slug)?["municipality"]?.string(at: "name").map(Typography.prose) ?? slug }
    }
    private let names = Memo<String, String>()

    /// The title of a model document in a language (its `name` or `title`).
    func title(_ kind: Kind, _ id: String, _ language: SiteLanguage) -> TextView {
        let root = network.modelDocument(kind, id)?.root
        let node = root?["name"] ?? root?["title"]
        return node == nil ? language.plain(id) : language.text(node)
    }

    func titleString(_ kind: Kind, _ id: String, _ language: SiteLanguage) -> String {
        let root = network.modelDocument(kind, id)?.root
        return language.string(root?["name"] ?? root?["title"]).nonEmpty ?? id
    }

    /// A language's name in itself (`language_name` of its own strings file), for the
    /// language switcher and the handbook links; its tag when its file does not name it: the
    /// default language's name stood in, and a language added without its strings file was
    /// listed as "Català" on every page (session 45's review).
    /// Found once per language: every page's switcher names every language, and the strings
    /// file is a list of some 1,200 keys (2% of a site build's instructions, asked per page).
    func languageName(_ code: String) -> String {
        languageNames.value(code) {
            network.tree.uiStrings["strings/\(code)"]?.node.string(at: "language_name").map(Typography.prose) ?? code
        }
    }

    /// The title of the network (the programme's title), in a language.
    func siteTitle(_ language: SiteLanguage) -> String {
        titles.value(language.code) {
            language.string(network.modelDocument(.programme, "programme")?.root?["title"]).nonEmpty
                ?? language["site_title"]
        }
    }

    /// The language the site's title is written in when it is not `language` (the
    /// programme's title not translated into it), else "": every page's header read a
    /// Catalan title as the page's language (session 45's trial).
    func siteTitleLanguage(_ language: SiteLanguage) -> String {
        titleLanguages.value(language.code) {
            guard let text = language.localizer.text(network.modelDocument(.programme, "programme")?.root?["title"]),
                  text.isFallback, !text.text.isEmpty else { return "" }
            return text.language
        }
    }

    /// The label of an office status, from the phases of `model.yaml`.
    func statusLabel(_ status: String, _ language: SiteLanguage) -> String {
        statusLabels.value(status + "\n" + language.code) { phaseLabel(status, language) }
    }

    private func phaseLabel(_ status: String, _ language: SiteLanguage) -> String {
        let phases = network.modelDocument(.model, network.settings.id)?.root?.sequence(at: "phases")
            ?? network.model[.model]?.values.first?.root?.sequence(at: "phases") ?? []
        let phase = phases.first { $0.string(at: "id") == status }
        return language.string(phase?["name"]).nonEmpty ?? language.label("status", status)
    }

    /// The phases of the model, `(id, name node, description node)`, in order.
    var phases: [(id: String, name: Node?, description: Node?)] {
        let phases = network.model[.model]?.values.first?.root?.sequence(at: "phases") ?? []
        return phases.compactMap { p in p.string(at: "id").map { ($0, p["name"], p["description"]) } }
    }

    /// The thematic area of the model with id `id` (the first of that id).
    func area(_ id: String) -> Node? { areasByID[id] }

    /// The thematic areas of the model, in order.
    let areas: [Node]
    /// The areas by id, found once: every office page asks for each service's area, and
    /// each answer read the model document out of its table and scanned its areas.
    private let areasByID: [String: Node]
}

/// A municipality's slug with a language code, as a key of what is made once per office and
/// language (hashed as two strings: joining them made a new string on every ask).
struct SlugInLanguage: Hashable, Sendable {
    var slug: String
    var language: String
}

/// Values made once when first asked, then shared by the pages rendered in parallel.
/// Readers share a read lock: a service page asks for the summary of every office that
/// offers it, and under one mutex the page workers slept on each other's asks (1,500
/// sleeps in a build at 947 municipalities, issue 13).
final class Memo<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = ReadWriteLock()
    private var values: [Key: Value] = [:]

    /// The value of `key`, made by `make` the first time (made outside the lock: two
    /// threads may both make it; the first stored is kept).
    func value(_ key: Key, _ make: () -> Value) -> Value {
        if let value = lock.reading({ values[key] }) { return value }
        let made = make()
        return lock.writing {
            if let value = values[key] { return value }
            values[key] = made
            return made
        }
    }
}

/// A POSIX read-write lock: many readers at once, or one writer.
final class ReadWriteLock: @unchecked Sendable {
    private let lock = UnsafeMutablePointer<pthread_rwlock_t>.allocate(capacity: 1)

    init() {
        lock.initialize(to: pthread_rwlock_t())
        pthread_rwlock_init(lock, nil)
    }

    deinit {
        pthread_rwlock_destroy(lock)
        lock.deallocate()
    }

    func reading<T>(_ body: () -> T) -> T {
        pthread_rwlock_rdlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return body()
    }

    func writing<T>(_ body: () -> T) -> T {
        pthread_rwlock_wrlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return body()
    }
}

/// A value made once when first asked (the preview renders only the pages a browser
/// asks for, so what only some pages need is not made for every save).
final class Once<Value: Sendable>: @unchecked Sendable {
    private let memo = Memo<Int, Value>()

    func value(_ make: () -> Value) -> Value { memo.value(0, make) }
}

extension String {
    /// nil for an empty string, for `??` chains.
    var nonEmpty: String? { isEmpty ? nil : self }
}
