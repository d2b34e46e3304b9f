import Foundation
import JSON
import Loading
import Model
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

    var catalogue: CPSVCatalogue { CPSVCatalogue(vocabulary: vocabulary, resolved: input.resolved) }

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
        /// For a file that gathers the others' parts: writes the same bytes as `make`,
        /// part by part, through `emit`, waiting for each part as the other files are made.
        /// Run it on a thread of its own while the others are made (`OpenDataStep`), and
        /// call `othersMade` once they are: a part never made is then made by the stream
        /// itself. The parts made ahead of the stream wait in memory until it takes them.
        public var stream: (@Sendable (_ emit: @escaping ([UInt8]) -> Void) -> Void)?
        /// Tells a streaming file that the other files are made (see `stream`).
        public var othersMade: (@Sendable () -> Void)?
    }

    /// Every file, by its path under `data/`, in a stable order, not yet made.
    ///
    /// The network's catalogue (`catalogue.jsonld`) is every municipality's catalogue in
    /// one document: each municipality's nodes are written once, for its own file, and
    /// kept until the network's catalogue takes them (one at 947 municipalities is 200 MB).
    /// `keepingParts: false` keeps nothing (the preview makes files one at a time, when
    /// asked, and may never be asked for the network's catalogue).
    public func fileList(keepingParts: Bool = true) -> [File] {
        var out: [File] = []
        let lang = vocabulary.defaultLanguage
        let catalogue = self.catalogue
        let vocabulary = self.vocabulary
        let municipalities = input.resolved.sorted(by: { $0.slug < $1.slug })
        let parts = CatalogueParts()
        @Sendable func pieces(_ r: ResolvedMunicipality) -> [CPSVCatalogue.Piece] {
            CPSVCatalogue.pieces(catalogue.municipality(r, landingPage: vocabulary.baseURL + "\(lang)/offices/\(r.slug).html"))
        }
        let landing = vocabulary.baseURL + "\(lang)/comparison.html"
        /// The network's pieces in order, each municipality's from `part` (which may wait for it).
        @Sendable func gather(_ part: (ResolvedMunicipality) -> [CPSVCatalogue.Piece], _ add: (CPSVCatalogue.Piece) -> Void) {
            let head = CPSVCatalogue.pieces(catalogue.networkHead(landingPage: landing))
            var seen = Set(head.compactMap(\.id))
            head.forEach(add)
            for r in municipalities {
                // As `LinkedGraph.merge`: a node without an id, or with one already there, is left out.
                for piece in part(r) {
                    if let id = piece.id, seen.insert(id).inserted { add(piece) }
                }
            }
        }
        let make: @Sendable () -> Data = {
            var all: [CPSVCatalogue.Piece] = []
            gather({ (r: ResolvedMunicipality) in parts.take(r.slug) ?? pieces(r) }, { (p: CPSVCatalogue.Piece) in all.append(p) })
            return Data(CPSVCatalogue.document(all))
        }
        let stream: @Sendable (_ emit: @escaping ([UInt8]) -> Void) -> Void = { emit in
            var writer = CPSVCatalogue.DocumentWriter(emit: emit)
            gather({ (r: ResolvedMunicipality) in parts.wait(r.slug) ?? pieces(r) }, { (p: CPSVCatalogue.Piece) in writer.add(p) })
            writer.finish()
        }
        out.append(File(path: "catalogue.jsonld", make: make, gathers: true, stream: keepingParts ? stream : nil,
                        othersMade: { parts.finish() }))
        for r in municipalities {
            out.append(File(path: "catalogue-\(r.slug).jsonld") {
                let made = pieces(r)
                if keepingParts { parts.keep(r.slug, made) }
                return Data(CPSVCatalogue.document(made))
            })
        }
        let schemaOrg = self.schemaOrg
        let slugs = input.resolved.map(\.slug).sorted()
        out.append(File(path: "offices.jsonld") {
            let offices = slugs.compactMap { schemaOrg.office($0, language: lang, context: false) }
            return json(.object([("@context", .string("https://schema.org")), ("@graph", .array(offices))]))
        })
        let metadata = CSVWMetadata(vocabulary: vocabulary, licence: licence, modified: input.sourceDay.description)
        for dataset in datasets(present: nil) {
            guard let table = dataset.table else { continue }
            out.append(File(path: table.fileName) { Data(table.csv.text.utf8) })
            out.append(File(path: table.name + ".csv-metadata.json") { json(metadata.document(dataset, table)) })
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

    /// The files in the order to make them: those that gather the others' parts last.
    public static func makingOrder(_ files: [File]) -> [File] {
        files.filter { !$0.gathers } + files.filter(\.gathers)
    }

    /// The tables of the open data, in the order of the files and of the spreadsheet's sheets.
    public var tables: [DataTable] { datasets(present: nil).compactMap(\.table) }

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

/// A JSON document as the open data writes it: indented, with a final line break.
func json(_ value: JSONValue) -> Data {
    var bytes = value.bytes(pretty: true)
    bytes.append(0x0A)
    return Data(bytes)
}

/// Each municipality's catalogue nodes as JSON text, kept from its own file until the
/// network's catalogue takes them. Safe to share between threads.
final class CatalogueParts: @unchecked Sendable {
    private let condition = NSCondition()
    private var parts: [String: [CPSVCatalogue.Piece]] = [:]

    func keep(_ slug: String, _ pieces: [CPSVCatalogue.Piece]) {
        condition.withLock {
            parts[slug] = pieces
            condition.broadcast()
        }
    }

    /// The pieces kept for a municipality, no longer kept; nil if none were.
    func take(_ slug: String) -> [CPSVCatalogue.Piece]? {
        condition.withLock { parts.removeValue(forKey: slug) }
    }

    /// The pieces of a municipality, no longer kept, once they are: blocks until `keep`, or
    /// until `finish` (nil then if they were never kept). Only for a thread of its own while
    /// the municipalities' files are made (`File.stream`).
    func wait(_ slug: String) -> [CPSVCatalogue.Piece]? {
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
