import Foundation
import JSON
import Loading
import Model
import Presentation
import Rendering
import Resolution

/// The open data of the network, written to `output/data/` and published with the site:
///
/// - `catalogue.jsonld`: every municipality's catalogue as CPSV-AP 3.2.0 JSON-LD;
/// - `catalogue-<municipality>.jsonld`: one municipality's catalogue;
/// - `offices.jsonld`: the offices as schema.org `GovernmentOffice`s;
/// - `offices.csv`, `services.csv`, `indicator-values.csv`, `budgets.csv` (the tables of `DataTables`),
///   each described by `<name>.csv-metadata.json` (CSVW);
/// - `open-data.ods` (written by `OpenDataStep` with odfpy) and `catalog.jsonld` (DCAT-AP 3,
///   `catalog(sizes:issued:)`), which list the files written.
///
/// The bytes depend only on the tree: keys in a fixed order, rows sorted.
public struct OpenDataExport: Sendable {
    let vocabulary: Vocabulary
    let input: BuildInput

    /// `baseURL` is the public address of the site (ending with `/`): identifiers are
    /// made under it. `labels` gives the words and formats of each language.
    public init(input: BuildInput, baseURL: String, labels: Labels) {
        self.input = input
        let vocabulary = Vocabulary(network: input.network, baseURL: baseURL, labels: labels)
        self.vocabulary = vocabulary
        var byslug: [String: ResolvedMunicipality] = [:]
        for r in input.resolved { byslug[r.slug] = r }
        schemaOrg = SchemaOrg(vocabulary: vocabulary, resolved: byslug)
    }

    var catalogue: CPSVCatalogue { CPSVCatalogue(vocabulary: vocabulary, resolved: input.resolved, modelNodes: modelNodes) }

    /// The catalogue's nodes that are the model's, made once, shared by the copies of this export.
    let modelNodes = ModelNodeCache()

    /// The schema.org views, made once: every page of the site asks for its office's.
    let schemaOrg: SchemaOrg

    /// The datasets, made when first asked (`datasets(present:)`), shared by the copies of this export.
    let madeDatasets = MadeOnce<[OpenDataset]>()

    /// A file of the open data, made when asked: the exports of a large network are made
    /// and written in parallel, without holding every file in memory.
    public struct File: Sendable {
        public var path: String
        public var make: @Sendable () -> Data
        /// Made from the other files' parts (the network's catalogue from the
        /// municipalities'), so best made after them: see `makingOrder`.
        public var gathers = false
        /// Made first (see `makingOrder`): it makes what other files share.
        public var startsEarly = false
        /// For a file that gathers the others' parts: writes the same bytes as `make`,
        /// part by part, through `emit`, waiting for each part as the other files are made.
        /// Run it on a thread of its own while the others are made (`OpenDataStep`), and
        /// call `othersMade` once they are: a part never made is then made by the stream
        /// itself. The parts made ahead of the stream wait in memory until it takes them.
        public var stream: (@Sendable (_ emit: @escaping (UnsafeRawBufferPointer) -> Void) -> Void)?
        /// Tells a streaming file that the other files are made (see `stream`).
        public var othersMade: (@Sendable () -> Void)?
    }

    /// Every file, by its path under `data/`, in a stable order, not yet made.
    ///
    /// The network's catalogue (`catalogue.jsonld`) is every municipality's catalogue in
    /// one document: each municipality's nodes are written once, for its own file, and
    /// kept until the network's catalogue takes them (73 MB at 947 municipalities).
    /// `keepingParts: false` keeps nothing (the preview makes files one at a time, when
    /// asked, and may never be asked for the network's catalogue).
    public func fileList(keepingParts: Bool = true) -> [File] {
        var out: [File] = []
        let lang = vocabulary.defaultLanguage
        let catalogue = self.catalogue
        let vocabulary = self.vocabulary
        let municipalities = input.resolved.sorted(by: { $0.slug < $1.slug })
        let parts = CatalogueParts()
        @Sendable func pieces(_ r: ResolvedMunicipality) -> CPSVCatalogue.Pieces {
            CPSVCatalogue.pieces(catalogue.municipality(r, landingPage: vocabulary.baseURL + "\(lang)/offices/\(r.slug).html"))
        }
        let landing = vocabulary.baseURL + "\(lang)/comparison.html"
        let owners = OwnIdentifiers(baseURL: vocabulary.baseURL, language: lang, slugs: municipalities.map(\.slug))
        /// The network's nodes in order, in runs of text: each municipality's from `part`
        /// (which may wait for it), without the nodes already there (as `LinkedGraph.merge`).
        ///
        /// A municipality's own nodes (`LinkedGraph.own`) are not looked up: no other
        /// municipality has them. Only the others (concepts, laws, the agency and the
        /// nodes named under the model, `ModelNodes`: some 230 of 280 nodes per municipality
        /// at 947) are kept in `seen`. One of those written in a
        /// municipality's own form (`OwnIdentifiers`) is set aside for it, or, when that
        /// municipality came before, left out if its graph has it.
        @Sendable func gather(_ part: (ResolvedMunicipality) -> CPSVCatalogue.Pieces, _ add: (ArraySlice<UInt8>) -> Void) {
            let head = CPSVCatalogue.pieces(catalogue.networkHead(landingPage: landing))
            var seen = TextSet()
            var claimed: [Int: Set<String>] = [:]
            /// Whether a node that is not its municipality's own (at `index`) is new.
            func isNew(_ id: String, at index: Int) -> Bool {
                guard seen.insert(id) else { return false }
                guard owners.enabled, let owner = owners.owner(id), owner != index else { return true }
                if owner > index {
                    claimed[owner, default: []].insert(id)
                    return true
                }
                let earlier = municipalities[owner]
                let graph = catalogue.municipality(earlier, landingPage: vocabulary.baseURL + "\(lang)/offices/\(earlier.slug).html")
                return !zip(graph.ids, graph.own).contains { $0.1 && $0.0 == id }
            }
            for id in head.ids { _ = isNew(id, at: -1) }
            add(head.text(0..<head.count))
            for (index, r) in municipalities.enumerated() {
                let pieces = part(r)
                let claims = claimed.removeValue(forKey: index)
                var run: Int?
                for k in 0..<pieces.count {
                    let id = pieces.ids[k]
                    let new = pieces.own[k] && owners.enabled ? claims?.contains(id) != true : isNew(id, at: index)
                    if new {
                        if run == nil { run = k }
                    } else if let start = run {
                        add(pieces.text(start..<k))
                        run = nil
                    }
                }
                if let start = run { add(pieces.text(start..<pieces.count)) }
            }
        }
        let make: @Sendable () -> Data = {
            var out = Data()
            var writer = CPSVCatalogue.DocumentWriter { out.append($0.assumingMemoryBound(to: UInt8.self)) }
            gather({ (r: ResolvedMunicipality) in parts.take(r.slug) ?? pieces(r) }, { writer.add($0) })
            writer.finish()
            return out
        }
        let stream: @Sendable (_ emit: @escaping (UnsafeRawBufferPointer) -> Void) -> Void = { emit in
            var writer = CPSVCatalogue.DocumentWriter(emit: emit)
            gather({ (r: ResolvedMunicipality) in parts.wait(r.slug) ?? pieces(r) }, { writer.add($0) })
            writer.finish()
        }
        out.append(File(path: "catalogue.jsonld", make: make, gathers: true, stream: keepingParts ? stream : nil,
                        othersMade: { parts.finish() }))
        for r in municipalities {
            out.append(File(path: "catalogue-\(r.slug).jsonld") {
                let made = pieces(r)
                if keepingParts { parts.keep(r.slug, made) }
                return CPSVCatalogue.document(made)
            })
        }
        let schemaOrg = self.schemaOrg
        let slugs = input.resolved.map(\.slug).sorted()
        out.append(File(path: "offices.jsonld") {
            let offices = slugs.compactMap { schemaOrg.office($0, language: lang, context: false) }
            return json(.object([("@context", .string("https://schema.org")), ("@graph", .array(offices))]))
        })
        let metadata = CSVWMetadata(vocabulary: vocabulary, licence: licence, modified: input.sourceDay.description)
        // The tables are made when their first file is (`datasets`, once), so the first
        // one is made first, beside the catalogues (`makingOrder`).
        for (i, name) in DataTables(network: input.network, resolved: input.resolved).names.enumerated() {
            let export = self
            @Sendable func made() -> [(OpenDataset, DataTable)] {
                export.datasets(present: nil).compactMap { d in d.table.flatMap { $0.name == name ? (d, $0) : nil } }
            }
            out.append(File(path: name + ".csv", make: { Data(made().first?.1.csv.bytes ?? []) }, startsEarly: i == 0))
            out.append(File(path: name + ".csv-metadata.json") { made().first.map { json(metadata.document($0.0, $0.1)) } ?? Data() })
        }
        return out
    }

    /// Every file, made, by its path under `data/`, in a stable order.
    public func files() -> [(path: String, data: Data)] {
        let list = fileList()
        let made = parallelMap(OpenDataExport.makingOrder(list)) { ($0.path, $0.make()) }
        let byPath = Dictionary(made, uniquingKeysWith: { a, _ in a })
        return list.map { ($0.path, byPath[$0.path]!) }
    }

    /// The files in the order to make them: those that gather the others' parts last, one
    /// that makes what others share (the tables) first, while the catalogues are made.
    public static func makingOrder(_ files: [File]) -> [File] {
        files.filter(\.startsEarly) + files.filter { !$0.gathers && !$0.startsEarly } + files.filter(\.gathers)
    }

    /// The tables of the open data, in the order of the files and of the spreadsheet's sheets.
    public var tables: [DataTable] { datasets(present: nil).compactMap(\.table) }

    /// The title of each column of `table` in the default language, as the CSVW metadata
    /// gives it (`column.<table>.<key>`), or its name when the strings have none: the
    /// spreadsheet's header row, read by people (the column names are the CSV's, for programs;
    /// session 45's programme manager read `target_direction` as a header).
    public func columnTitles(_ table: DataTable) -> [String] {
        let strings = vocabulary.labels[vocabulary.defaultLanguage]?.strings
        return table.columns.map { column in
            guard let strings, strings.has(column.titleKey) else { return column.name }
            return column.title(strings)
        }
    }

    /// The DCAT-AP 3.0.1 catalogue (`catalog.jsonld`) of the files written: `sizes` gives
    /// each one's size in bytes by its path under `data/`; `issued` is the day of the
    /// tree's first revision (the source day when unknown).
    public func catalog(sizes: [String: Int], issued: Day?) -> Data {
        var offices: [String: Node] = [:]
        for r in input.resolved { offices[r.slug] = r.files.office?.root }
        let modified = input.sourceDay
        let first = issued.map { $0 < modified ? $0 : modified } ?? modified
        let catalogue = DCATCatalogue(vocabulary: vocabulary, licence: licence, issued: first.description,
                                      modified: modified.description,
                                      programme: input.network.modelDocument(.programme, "programme")?.root, offices: offices)
        return json(catalogue.document(datasets(present: Set(sizes.keys)), sizes: sizes))
    }

    /// The name of the catalogue file.
    public static let catalogName = "catalog.jsonld"

    /// The schema.org `GovernmentOffice` of a municipality's office, in a language.
    public func office(_ municipality: String, language: String) -> JSONValue? {
        schemaOrg.office(municipality, language: language)
    }

    /// The schema.org `GovernmentService` of a service (see `SchemaOrg.service`).
    public func service(_ municipality: String?, _ id: String, language: String) -> JSONValue? {
        schemaOrg.service(municipality, id, language: language)
    }

}

/// A JSON document as the open data writes it, with a final line break: indented, a
/// JSON-LD graph's nodes one per line (`JSONValue.linkedDataBytes`).
func json(_ value: JSONValue) -> Data {
    Data(value.linkedDataBytes())
}

/// Each municipality's catalogue nodes as JSON text, kept from its own file until the
/// network's catalogue takes them. Safe to share between threads.
final class CatalogueParts: @unchecked Sendable {
    private let condition = NSCondition()
    private var parts: [String: CPSVCatalogue.Pieces] = [:]

    func keep(_ slug: String, _ pieces: CPSVCatalogue.Pieces) {
        condition.withLock {
            parts[slug] = pieces
            condition.broadcast()
        }
    }

    /// The pieces kept for a municipality, no longer kept; nil if none were.
    func take(_ slug: String) -> CPSVCatalogue.Pieces? {
        condition.withLock { parts.removeValue(forKey: slug) }
    }

    /// The pieces of a municipality, no longer kept, once they are: blocks until `keep`, or
    /// until `finish` (nil then if they were never kept). Only for a thread of its own while
    /// the municipalities' files are made (`File.stream`).
    func wait(_ slug: String) -> CPSVCatalogue.Pieces? {
        condition.withLock {
            while parts[slug] == nil, !finished { condition.wait() }
            return parts.removeValue(forKey: slug)
        }
    }

    /// No more pieces will be kept: `wait` no longer blocks.
    func finish() {
        condition.withLock {
            finished = true
            condition.broadcast()
        }
    }
    private var finished = false
}

/// A value made once, when first asked, by whichever thread asks first (the others wait).
final class MadeOnce<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: Value?

    func value(_ make: () -> Value) -> Value {
        lock.withLock {
            if let made { return made }
            let value = make()
            made = value
            return value
        }
    }
}

/// Which municipality's own namespace an identifier of the catalogue is in, if any: the
/// forms of the identifiers `CPSVCatalogue.municipality` marks as a graph's own
/// (`LinkedGraph.own`): `<base>id/<m>/…`, `<base>id/dataset/service-catalogue-<m>`,
/// `<base><language>/offices/<m>.html` and the pages under `<base><language>/offices/<m>/`
/// (its own services' and procedures'), for a folder name `m` of the network. A folder
/// name has no `/`, so each form names one municipality, and the three forms never meet
/// unless the language is `id` (then `enabled` is false and every node is looked up).
struct OwnIdentifiers: Sendable {
    let baseURL: String
    let language: String
    /// The index of each municipality, by folder name, in the order of the catalogue.
    let index: [String: Int]

    /// False when the forms could meet: every node is then looked up.
    let enabled: Bool

    init(baseURL: String, language: String, slugs: [String]) {
        self.baseURL = baseURL
        self.language = language
        index = Dictionary(slugs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        enabled = language != "id" && !language.contains("/")
    }

    /// The index of the municipality in whose namespace `id` is, or nil.
    func owner(_ id: String) -> Int? {
        let text = Substring(id).utf8
        guard text.starts(with: baseURL.utf8) else { return nil }
        let rest = text.dropFirst(baseURL.utf8.count)
        func after(_ prefix: String, before suffix: String?) -> Substring.UTF8View? {
            guard rest.starts(with: prefix.utf8) else { return nil }
            let name = rest.dropFirst(prefix.utf8.count)
            guard let suffix else { return name }
            guard name.count > suffix.utf8.count, name.reversed().starts(with: suffix.utf8.reversed()) else { return nil }
            return name.dropLast(suffix.utf8.count)
        }
        var name: Substring.UTF8View?
        if let dataset = after("id/dataset/service-catalogue-", before: nil) {
            name = dataset
        } else if let path = after("id/", before: nil) {
            name = path.firstIndex(of: UInt8(ascii: "/")).map { path[..<$0] }
        } else if let path = after(language + "/offices/", before: nil) {
            // `<m>.html`, or a page in `<m>/`.
            if let slash = path.firstIndex(of: UInt8(ascii: "/")) {
                name = path[..<slash]
            } else if path.count > 5, path.reversed().starts(with: ".html".utf8.reversed()) {
                name = path.dropLast(5)
            }
        }
        return name.flatMap { index[String(Substring($0))] }
    }
}
