import Foundation
import JSON
import Loading
import Model
import Rendering
import Resolution

/// The catalogue of services as CPSV-AP 3.2.0 (the EU Core Public Service Vocabulary
/// Application Profile) in JSON-LD with an inline `@context`: each municipality's
/// catalogue is a `dcat:Dataset` whose parts are the `cpsv:PublicService`s it offers, as
/// resolved for it (the model plus its overrides, and its own services). Every node the
/// shapes require a class of is typed, so that the export validates against the official
/// SHACL shapes without inference.
struct CPSVCatalogue: Sendable {
    let vocabulary: Vocabulary
    let resolved: [ResolvedMunicipality]
    /// The nodes named under the model, made and written once for every municipality's graph.
    let modelNodes: ModelNodeCache

    var network: Network { vocabulary.network }

    /// The inline context: the prefixes of the vocabularies used.
    static let context: JSONValue = .object([
        ("cpsv", .string("http://purl.org/vocab/cpsv#")),
        ("cv", .string("http://data.europa.eu/m8g/")),
        ("dcat", .string("http://www.w3.org/ns/dcat#")),
        ("dct", .string("http://purl.org/dc/terms/")),
        ("eli", .string("http://data.europa.eu/eli/ontology#")),
        ("foaf", .string("http://xmlns.com/foaf/0.1/")),
        ("locn", .string("http://www.w3.org/ns/locn#")),
        ("skos", .string("http://www.w3.org/2004/02/skos/core#")),
        ("time", .string("http://www.w3.org/2006/time#")),
        ("xsd", .string("http://www.w3.org/2001/XMLSchema#")),
    ])

    /// The EU's authority table of languages, for `dct:language`.
    static let languageAuthority = ["ca": "CAT", "es": "SPA", "en": "ENG", "fr": "FRA", "oc": "OCI", "eu": "EUS", "gl": "GLG"]

    /// A JSON-LD document of a graph.
    static func document(_ graph: LinkedGraph) -> JSONValue {
        .object([("@context", context), ("@graph", .array(graph.nodes))])
    }

    /// The nodes of a graph as JSON text, each written once, as a document's `@graph`
    /// holds them: each on one line (`JSONValue.linkedDataBytes`), one after another with `separator`
    /// between them. Each node's `@id` and where its text ends are kept, so that the
    /// network's catalogue can take a municipality's text in runs, leaving out the nodes
    /// it already has (`OpenDataExport.fileList`).
    struct Pieces: Sendable {
        var text: [UInt8] = []
        /// The `@id` of each node, in order, and whether it is the graph's own (`LinkedGraph.own`).
        var ids: [String] = []
        var own: [Bool] = []
        /// Where each node's text ends in `text`.
        var ends: [Int] = []

        var count: Int { ids.count }

        /// The text of the nodes of `range`, with the separators between them.
        func text(_ range: Range<Int>) -> ArraySlice<UInt8> {
            let start = range.lowerBound == 0 ? 0 : ends[range.lowerBound - 1] + CPSVCatalogue.separator.count
            return text[start..<ends[range.upperBound - 1]]
        }
    }

    /// What comes between two nodes of a document's `@graph`.
    static let separator: [UInt8] = Array(",\n    ".utf8)

    /// The nodes of a graph as JSON text, in one buffer.
    static func pieces(_ graph: LinkedGraph) -> Pieces {
        var pieces = Pieces()
        pieces.text.reserveCapacity(graph.nodes.count * 320)
        pieces.ends.reserveCapacity(graph.nodes.count)
        for i in graph.nodes.indices {
            if !pieces.ends.isEmpty { pieces.text += separator }
            if let text = graph.texts[i] {
                pieces.text += text
            } else {
                graph.nodes[i].write(into: &pieces.text, pretty: false, indent: 0)
            }
            pieces.ends.append(pieces.text.count)
        }
        pieces.ids = graph.ids
        pieces.own = graph.own
        return pieces
    }

    /// The beginning of every document, up to its first node: the context, indented.
    static let head: [UInt8] = {
        var out = Array("{\n  \"@context\": ".utf8)
        context.write(into: &out, indent: 1)
        out += ",\n  \"@graph\": [".utf8
        return out
    }()

    /// A JSON-LD document of pieces, as the open data writes it (`JSONValue.linkedDataBytes`,
    /// with a final line break): the same bytes as `document` of the graph the pieces come from.
    static func document(_ pieces: Pieces) -> Data {
        var out = Data(capacity: head.count + pieces.text.count + 16)
        var writer = DocumentWriter { out.append($0.assumingMemoryBound(to: UInt8.self)) }
        if pieces.count > 0 { writer.add(pieces.text(0..<pieces.count)) }
        writer.finish()
        return out
    }

    /// Writes a document of pieces part by part, with the bytes of `document(_:)`: the
    /// network's catalogue (73 MB at 947 municipalities) is written to its file as each
    /// municipality's pieces come, never held whole.
    struct DocumentWriter {
        let emit: (UnsafeRawBufferPointer) -> Void
        private var started = false

        init(emit: @escaping (UnsafeRawBufferPointer) -> Void) { self.emit = emit }

        /// Adds the text of nodes (one or more, with the separators between them).
        mutating func add(_ nodes: ArraySlice<UInt8>) {
            if started {
                separator.withUnsafeBytes(emit)
            } else {
                head.withUnsafeBytes(emit)
                DocumentWriter.start.withUnsafeBytes(emit)
                started = true
            }
            nodes.withUnsafeBytes(emit)
        }

        private static let start: [UInt8] = Array("\n    ".utf8)
        private static let end: [UInt8] = Array("\n  ]\n}\n".utf8)
        private static let empty: [UInt8] = Array(head.dropLast()) + Array("[]\n}\n".utf8)

        /// The end of the document (an empty `@graph` when no node was added).
        func finish() {
            (started ? DocumentWriter.end : DocumentWriter.empty).withUnsafeBytes(emit)
        }
    }

    /// The first nodes of the network's catalogue: a dataset of the whole network, and
    /// its landing page. The municipalities' nodes follow (`network`).
    func networkHead(landingPage: String) -> LinkedGraph {
        var graph = LinkedGraph()
        let programme = network.modelDocument(.programme, "programme")?.root
        let all = resolved.sorted { $0.slug < $1.slug }
        let parts = all.flatMap { r in r.services.map { Vocabulary.ref(serviceID(r.slug, $0.id)) } }
        graph.add(CPSVCatalogue.datasetID(vocabulary, municipality: nil), "dcat:Dataset", [
            ("dct:title", vocabulary.langStrings(programme?["title"]) ?? .string("OAE")),
            ("dct:description", vocabulary.langStrings(programme?["summary"]) ?? vocabulary.labelStrings("data_catalogue_all")),
            ("dct:publisher", Vocabulary.ref(agencyID)),
            ("dct:hasPart", .array(parts)),
            ("dcat:landingPage", Vocabulary.ref(landingPage)),
        ])
        graph.add(landingPage, "foaf:Document", [])
        return graph
    }

    /// The graph of every municipality, after `networkHead`; a node that several
    /// municipalities share (the agency) comes once, where it first appears.
    func network(landingPage: String) -> LinkedGraph {
        var graph = networkHead(landingPage: landingPage)
        let all = resolved.sorted { $0.slug < $1.slug }
        for r in all { graph.merge(municipality(r, landingPage: vocabulary.page(.office(r.slug)))) }
        return graph
    }

    var agencyID: String { vocabulary.id("agency") }

    /// The dataset a catalogue file describes, named as the DCAT-AP catalogue names it
    /// (`DCATCatalogue.datasetID`: `…/id/dataset/service-catalogue-<m>`, the network's
    /// `…/id/dataset/service-catalogue`): it was named by its file's address, and a
    /// harvester merging the two found two datasets of one title (session 44's trial).
    static func datasetID(_ v: Vocabulary, municipality: String?) -> String {
        v.id("dataset/service-catalogue" + (municipality.map { "-" + $0 } ?? ""))
    }

    func serviceID(_ m: String, _ id: String) -> String { vocabulary.id(m, "/service/", id) }

    /// `…/id/model/service/<id>`: the model's service, under which the nodes that are the
    /// model's own are named (as the schema.org view names the model's service, `SchemaOrg.service`).
    func modelServiceID(_ id: String) -> String { vocabulary.id("model/service/", id) }

    /// `…/id/model/procedure/<id>`: a model procedure as the model describes it.
    func modelProcedureID(_ id: String) -> String { vocabulary.id("model/procedure/", id) }

    /// The graph of one municipality's catalogue.
    func municipality(_ r: ResolvedMunicipality, landingPage: String) -> LinkedGraph {
        var graph = LinkedGraph()
        let v = vocabulary
        let m = r.slug
        let office = r.files.office?.root
        let name = office?["municipality"]?.string(at: "name") ?? m
        let datasetID = CPSVCatalogue.datasetID(v, municipality: m)
        let offered = Set(r.services.map(\.id))
        // The index of each procedure, by id (the first of an id, as `first(where:)` found it).
        let procedures = Dictionary(r.procedures.indices.map { (r.procedures[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
        var titles: [String: String] = [:]
        for lang in v.languages {
            if let f = v.labels[lang], f.strings.has("data_catalogue_one") {
                titles[lang] = f.strings("data_catalogue_one", ["municipality": name])
            }
        }
        graph.add(datasetID, "dcat:Dataset", own: true, [
            ("dct:title", v.langStrings(titles) ?? .object([("@language", .string(v.defaultLanguage)), ("@value", .string(name))])),
            ("dct:description", v.langStrings(r.files.adaptation?.root?["notes"]) ?? v.langStrings(office?["description"])
                ?? v.langStrings(titles)),
            ("dct:publisher", Vocabulary.ref(agencyID)),
            ("dct:hasPart", .array(r.services.map { Vocabulary.ref(serviceID(m, $0.id)) })),
            ("dcat:landingPage", Vocabulary.ref(landingPage)),
        ])
        graph.add(landingPage, "foaf:Document", own: true, [])
        let programme = network.modelDocument(.programme, "programme")?.root
        graph.add(agencyID, "foaf:Agent") { [
            ("dct:identifier", .string("agency")),
            ("dct:title", v.langStrings(programme?["agency"]) ?? .object([("@language", .string(v.defaultLanguage)), ("@value", .string("Agency"))])),
        ] }

        // Where the catalogue applies, and how to reach the office.
        let locationID = v.id(m, "/location")
        graph.add(locationID, "dct:Location", own: true, [
            ("dct:identifier", office?["municipality"]?.string(at: "ine_code").map(JSONValue.string)),
            ("locn:geographicName", .string(name)),
        ])
        let contactID = v.id(m, "/contact-point")
        let channels = office?["channels"]
        let hours = office?.sequence(at: "opening_hours") ?? []
        let web = channels?.string(at: "web").flatMap { $0.hasPrefix("https://") || $0.hasPrefix("http://") ? $0 : nil }
        graph.add(contactID, "cv:ContactPoint", own: true, [
            ("cv:email", channels?.string(at: "email").map(JSONValue.string)),
            ("cv:telephone", channels?.string(at: "phone").map(JSONValue.string)),
            ("cv:contactPage", web.map(Vocabulary.ref)),
            ("cv:openingHours", .array(hours.indices.map { Vocabulary.ref(v.id(m, "/opening-hours/", String($0 + 1))) })),
        ])
        if let web { graph.add(web, "foaf:Document", []) }
        for (i, h) in hours.enumerated() {
            var text: [String: String] = [:]
            for lang in v.languages {
                let days = (h.sequence(at: "days") ?? []).compactMap(\.string)
                let words = v.labels[lang]?.weekdays(days) ?? days.joined(separator: ", ")
                text[lang] = words + " " + (h.string(at: "opens") ?? "") + "–" + (h.string(at: "closes") ?? "")
            }
            graph.add(v.id(m, "/opening-hours/", String(i + 1)), "time:TemporalEntity", own: true, [("dct:description", v.langStrings(text))])
        }

        for i in r.services.indices {
            addService(r.services[i], municipality: r, into: &graph, location: locationID, contact: contactID, dataset: datasetID,
                       offered: offered, procedures: procedures)
        }
        return graph
    }

    func addService(_ s: ResolvedService, municipality r: ResolvedMunicipality, into graph: inout LinkedGraph,
                    location: String, contact: String, dataset: String, offered: Set<String>, procedures: [String: Int]) {
        let v = vocabulary
        let m = r.slug
        let f = s.fields
        let sid = serviceID(m, s.id)
        let model = ModelNodes(service: s)
        /// Where the nodes made of a field go: under the model's service when the field is
        /// the model's (`ModelNodes`), else under the municipality's. The identifier and
        /// the `dct:identifier` (`<m>/<service>/…` or `model/<service>/…`) of a path below it.
        // Both places made once (`place` is asked for each channel, list and cost).
        let models = (id: modelServiceID(s.id), identifier: String(joining: "model/", s.id), own: false)
        let owns = (id: sid, identifier: String(joining: m, "/", s.id), own: true)
        func place(_ field: String) -> (id: String, identifier: String, own: Bool) {
            model.isModels(field) ? models : owns
        }
        func list(_ field: String, _ kind: String, _ type: String) -> JSONValue {
            let under = place(field)
            return .array((f.sequence(at: field) ?? []).enumerated().map { i, item in
                let id = String(joining: under.id, "/", kind, "/", String(i + 1))
                add(id, type, own: under.own, into: &graph) {
                    [("dct:identifier", .string("\(under.identifier)/\(kind)/\(i + 1)")), ("dct:title", v.langStrings(item))]
                }
                return Vocabulary.ref(id)
            })
        }
        let authorityID = String(joining: sid, "/competent-authority")
        graph.add(authorityID, "cv:PublicOrganisation", own: true, [
            ("skos:prefLabel", v.langStrings(f["competent_authority"])
                ?? .object([("@language", .string(v.defaultLanguage)), ("@value", .string(m))])),
            ("dct:spatial", Vocabulary.ref(location)),
        ])
        let channels: [JSONValue] = (f.sequence(at: "channels") ?? []).compactMap(\.string).map { ch in
            let conceptID = v.id("concept/channel/", ch)
            graph.add(conceptID, "skos:Concept") { [("skos:notation", .string(ch)), ("skos:prefLabel", v.labelStrings("channel.\(ch)"))] }
            let under = place("channels")
            let id = String(joining: under.id, "/channel/", ch)
            add(id, "cv:Channel", own: under.own, into: &graph) {
                [("dct:identifier", .string("\(under.identifier)/channel/\(ch)")), ("dct:type", Vocabulary.ref(conceptID))]
            }
            return Vocabulary.ref(id)
        }
        var area: JSONValue?
        if let a = f.string(at: "area") {
            let id = v.id("concept/area/", a)
            graph.add(id, "skos:Concept") {
                let node = network.model[.model]?.values.first?.root?.sequence(at: "areas")?.first { $0.string(at: "id") == a }
                return [("skos:notation", .string(a)), ("skos:prefLabel", v.langStrings(node?["name"]))]
            }
            area = Vocabulary.ref(id)
        }
        let adoptionID = v.id("concept/adoption/", s.adoption.rawValue)
        graph.add(adoptionID, "skos:Concept") { [("skos:notation", .string(s.adoption.rawValue)),
                                                 ("skos:prefLabel", v.labelStrings("adoption.\(s.adoption.rawValue)"))] }
        var cost: JSONValue?
        if let c = f["cost"] {
            let under = place("cost")
            let id = String(joining: under.id, "/cost")
            let amount = c.string(at: "type") == "fee" ? (c["amount"]?.number ?? 0) : 0
            let eur = "http://publications.europa.eu/resource/authority/currency/EUR"
            graph.add(eur, "skos:Concept", [("skos:notation", .string("EUR"))])
            add(id, "cv:Cost", own: under.own, into: &graph) { [
                ("dct:identifier", .string("\(under.identifier)/cost")),
                ("cv:hasValue", Vocabulary.typed(CSVTable.number(amount), "xsd:double")),
                ("cv:currency", Vocabulary.ref(eur)),
                ("dct:description", c.string(at: "type") == "fee" ? v.langStrings(c["legal_basis"]) : v.labelStrings("cost_free")),
            ] }
            cost = Vocabulary.ref(id)
        }
        let legal: [JSONValue] = (f.sequence(at: "legal_basis") ?? []).compactMap { l in
            guard let ref = l.string(at: "ref") else { return nil }
            let url = l.string(at: "url").flatMap { $0.hasPrefix("https://") ? $0 : nil }
            let id = url ?? v.id("legal/", CPSVCatalogue.slug(ref))
            graph.add(id, "eli:LegalResource") { [("dct:identifier", .string(ref)), ("dct:title", v.langStrings(l["title"]))] }
            return Vocabulary.ref(id)
        }
        let languages: [JSONValue] = v.languages.compactMap { lang in
            guard let code = CPSVCatalogue.languageAuthority[LanguageNames.base(lang)] else { return nil }
            let id = String(joining: "http://publications.europa.eu/resource/authority/language/", code)
            graph.add(id, "dct:LinguisticSystem", [])
            return Vocabulary.ref(id)
        }
        let rules: [JSONValue] = (f.sequence(at: "procedures") ?? []).compactMap(\.string).compactMap { pid in
            guard let index = procedures[pid] else { return nil }
            let isModels = ModelNodes.isModels(r.procedures[index])
            let id = isModels ? modelProcedureID(pid) : v.id(m, "/procedure/", pid)
            let page = SiteRoute.page(of: r.procedures[index], municipality: m)
            addPage(page, into: &graph)
            add(id, "cpsv:Rule", own: !isModels, into: &graph) {
                let fields = r.procedures[index].fields
                let named = JSONValue.object([("@language", .string(v.defaultLanguage)), ("@value", .string(pid))])
                return [
                    ("dct:identifier", .string(isModels ? "model/\(pid)" : "\(m)/\(pid)")),
                    ("dct:title", v.langStrings(fields["title"]) ?? named),
                    ("dct:description", v.langStrings(fields["purpose"]) ?? v.langStrings(fields["title"]) ?? named),
                    ("foaf:page", Vocabulary.ref(v.page(page))),
                ]
            }
            return Vocabulary.ref(id)
        }
        let page = SiteRoute.page(of: s, municipality: m)
        addPage(page, into: &graph)
        let related: [JSONValue] = (f.sequence(at: "related_services") ?? []).compactMap(\.string).filter(offered.contains)
            .map { Vocabulary.ref(serviceID(m, $0)) }
        graph.add(sid, "cpsv:PublicService", own: true, [
            ("dct:identifier", .string("\(m)/\(s.id)")),
            ("dct:title", v.langStrings(f["name"]) ?? .object([("@language", .string(v.defaultLanguage)), ("@value", .string(s.id))])),
            ("dct:description", v.langStrings(f["summary"]) ?? v.langStrings(f["name"])
                ?? .object([("@language", .string(v.defaultLanguage)), ("@value", .string(s.id))])),
            ("cv:hasCompetentAuthority", Vocabulary.ref(authorityID)),
            ("cv:thematicArea", area),
            ("cv:isClassifiedBy", Vocabulary.ref(adoptionID)),
            ("cv:hasChannel", .array(channels)),
            ("cv:processingTime", f.string(at: "duration").map { Vocabulary.typed($0, "xsd:duration") }),
            ("cv:hasCost", cost),
            ("cpsv:produces", list("outputs", "output", "cv:Output")),
            ("cv:holdsRequirement", list("requirements", "requirement", "cv:Requirement")),
            ("cpsv:hasInput", list("evidence", "evidence", "cv:Evidence")),
            ("cv:hasLegalResource", .array(legal)),
            ("cpsv:follows", .array(rules)),
            ("cv:relatedService", .array(related)),
            ("cv:contactPoint", Vocabulary.ref(contact)),
            ("dct:spatial", Vocabulary.ref(location)),
            ("dct:language", .array(languages)),
            ("dct:isPartOf", Vocabulary.ref(dataset)),
            // The page a person reads, in the default language: the identifiers under
            // `…/id/` name the things and are not pages (session 44's re-user found no way
            // from a node to its page).
            ("foaf:page", Vocabulary.ref(v.page(page))),
        ])
    }

    /// Adds the node of a page of the site (`foaf:Document`): a municipality's own page (under
    /// `offices/<m>/`) as its graph's own, a page of the model's as any graph's.
    private func addPage(_ route: SiteRoute, into graph: inout LinkedGraph) {
        switch route {
        case .localService, .localProcedure: graph.add(vocabulary.page(route), "foaf:Document", own: true, [])
        default: graph.add(vocabulary.page(route), "foaf:Document", [])
        }
    }

    /// Adds a node made from a service's fields: the municipality's own (`own`), or the
    /// model's (`ModelNodes`), made and written once for every graph (`modelNodes`).
    private func add(_ id: String, _ type: String, own: Bool, into graph: inout LinkedGraph,
                     _ properties: () -> [(String, JSONValue?)]) {
        if own {
            graph.add(id, type, own: true, making: properties)
        } else {
            graph.add(id) { modelNodes.node(id) { LinkedGraph.node(id, type, properties()) } }
        }
    }

    /// A legal reference as a path segment: `Llei 18/2020` → `llei-18-2020`.
    static func slug(_ s: String) -> String {
        var out = ""
        for ch in s.lowercased() {
            if ch.isASCII && (ch.isLetter || ch.isNumber) { out.append(ch) } else if !out.hasSuffix("-") { out.append("-") }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }
}

/// Which of a service's nodes are the model's own, the same for every municipality that
/// offers it, so that they are named once, under the model (`…/id/model/service/<s>/…`,
/// `…/id/model/procedure/<p>`), and the network's catalogue holds each once. An IRI names
/// one thing: a node made from a field the municipality adapted is named under the
/// municipality (`…/id/<m>/service/<s>/…`), as is every node of a local service.
///
/// A field is the model's when the service is a model service and no override of the
/// municipality (`ResolvedService.overrides`, each naming its path from the field down)
/// touches it: `Merger` records every change it makes, so the field's value is then the
/// model document's, node for node.
struct ModelNodes {
    /// The fields that an override touches; nil when the service is local, or an override
    /// replaced the whole document (every field is then the municipality's).
    private let adapted: Set<String>?

    init(service: ResolvedService) {
        guard service.adoption != .local else {
            adapted = nil
            return
        }
        var fields: Set<String> = []
        for o in service.overrides {
            guard case let .key(field)? = o.path.first else {
                adapted = nil
                return
            }
            fields.insert(field)
        }
        adapted = fields
    }

    /// Whether the nodes made from `field` (`outputs`, `evidence`, `channels`, …) are the model's.
    func isModels(_ field: String) -> Bool { adapted.map { !$0.contains(field) } ?? false }

    /// Whether a procedure is the model's as it stands: a model procedure that the
    /// municipality neither replaces with a variant nor overrides.
    static func isModels(_ procedure: ResolvedProcedure) -> Bool {
        procedure.model != nil && procedure.variant == nil && procedure.overrides.isEmpty
    }
}

/// The nodes that are the model's (`ModelNodes`), each made and written once per export,
/// when a municipality's graph first has it, and shared by every graph that has it: its
/// description depends only on the model, so it is the same node, byte for byte, in each
/// (about half of each municipality's catalogue at 947). Safe to share between threads.
final class ModelNodeCache: @unchecked Sendable {
    private let lock = NSLock()
    private var made: [String: (node: JSONValue, text: [UInt8])] = [:]

    init() {}

    /// The node of `id` and its text as an item of a document's `@graph` (one line,
    /// `CPSVCatalogue.pieces`): `make`'s, the first time `id` is asked.
    func node(_ id: String, _ make: () -> JSONValue) -> (node: JSONValue, text: [UInt8]) {
        if let kept = lock.withLock({ made[id] }) { return kept }
        let node = make()
        var text: [UInt8] = []
        node.write(into: &text, pretty: false, indent: 0)
        return lock.withLock {
            if let kept = made[id] { return kept }
            made[id] = (node, text)
            return (node, text)
        }
    }
}
