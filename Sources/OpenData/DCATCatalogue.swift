import JSON
import Loading
import Model
import Presentation

/// The catalogue of the open data as DCAT-AP 3.0.1 (the EU application profile of the W3C
/// Data Catalog Vocabulary) in JSON-LD with an inline context, `data/catalog.jsonld`:
/// the catalogue, each dataset (`OpenDataExport.datasets`) and each of its files as a
/// distribution, with titles and descriptions in every language, the licence, the
/// publisher (the programme's agency) and its contact point, the dates of the source
/// revision, the themes, formats and media types from the EU vocabularies, and the
/// download addresses under the site's public address. Every node a shape requires a
/// class of is typed, so that it validates against the official SHACL shapes (mandatory
/// and recommended) without inference.
struct DCATCatalogue: Sendable {
    let vocabulary: Vocabulary
    let licence: DataLicence
    /// The day of the first revision of the tree, and of this one (ISO 8601).
    let issued: String
    let modified: String
    /// The programme's front matter (`seeds/programme.md`).
    let programme: Node?
    /// Each municipality's `office.yaml`, by folder name.
    let offices: [String: Node]

    static let context: JSONValue = .object([
        ("adms", .string("http://www.w3.org/ns/adms#")),
        ("dcat", .string("http://www.w3.org/ns/dcat#")),
        ("dcatap", .string("http://data.europa.eu/r5r/")),
        ("dct", .string("http://purl.org/dc/terms/")),
        ("foaf", .string("http://xmlns.com/foaf/0.1/")),
        ("locn", .string("http://www.w3.org/ns/locn#")),
        ("skos", .string("http://www.w3.org/2004/02/skos/core#")),
        ("vcard", .string("http://www.w3.org/2006/vcard/ns#")),
        ("xsd", .string("http://www.w3.org/2001/XMLSchema#")),
    ])

    static let authority = "http://publications.europa.eu/resource/authority/"

    /// The English labels of the EU vocabularies' entries used (their own labels).
    static let themeLabels = ["ECON": "Economy and finance", "GOVE": "Government and public sector", "REGI": "Regions and cities"]
    static let frequencyLabels = ["QUARTERLY": "quarterly", "IRREG": "irregular", "ANNUAL": "annual"]

    /// The catalogue document; `sizes` gives each file's size in bytes by its path.
    func document(_ datasets: [OpenDataset], sizes: [String: Int]) -> JSONValue {
        var graph = LinkedGraph()
        let v = vocabulary
        let catalogID = v.id("catalog")
        let agencyID = v.id("agency")
        let home = v.baseURL + "\(v.defaultLanguage)/index.html"
        let themeScheme = DCATCatalogue.authority + "data-theme"
        let languages = v.languages.compactMap { CPSVCatalogue.languageAuthority[LanguageNames.base($0)] }.map { DCATCatalogue.authority + "language/" + $0 }
        let allMunicipalities = datasets.flatMap(\.municipalities)
        graph.add(catalogID, "dcat:Catalog", [
            ("dct:title", v.labelStrings("dcat.catalog")),
            ("dct:description", v.labelStrings("dcat.catalog.description")),
            ("dct:publisher", Vocabulary.ref(agencyID)),
            ("foaf:homepage", Vocabulary.ref(home)),
            ("dct:language", .array(languages.map(Vocabulary.ref))),
            ("dct:license", Vocabulary.ref(licence.uri)),
            ("dct:issued", Vocabulary.typed(issued, "xsd:date")),
            ("dct:modified", Vocabulary.typed(modified, "xsd:date")),
            ("dct:spatial", .array(unique(allMunicipalities).map { Vocabulary.ref(location($0)) })),
            ("dcat:themeTaxonomy", Vocabulary.ref(themeScheme)),
            ("dcat:dataset", .array(datasets.map { Vocabulary.ref(datasetID($0)) })),
        ])
        graph.add(home, "foaf:Document", [])
        addAgent(agencyID, into: &graph)
        graph.add(themeScheme, "skos:ConceptScheme", [("dct:title", english("Data theme"))])
        for language in languages { graph.add(language, "dct:LinguisticSystem", []) }
        addLicence(into: &graph)
        for m in unique(allMunicipalities) {
            let office = offices[m]
            graph.add(location(m), "dct:Location", [
                ("dct:identifier", office?["municipality"]?.string(at: "ine_code").map(JSONValue.string)),
                ("locn:geographicName", .string(office?["municipality"]?.string(at: "name") ?? m)),
            ])
        }
        // Each dataset's nodes made in parallel (2,000 datasets at 947 municipalities), then
        // merged in order: a node that several datasets describe is the first one's, as when
        // they were added one by one.
        let parts = parallelMap(datasets) { [self] dataset -> LinkedGraph in
            var part = LinkedGraph()
            add(dataset, into: &part, sizes: sizes, agency: agencyID)
            return part
        }
        for part in parts { graph.merge(part) }
        return .object([("@context", DCATCatalogue.context), ("@graph", .array(graph.nodes))])
    }

    func datasetID(_ d: OpenDataset) -> String { vocabulary.id("dataset/\(d.id)") }
    func location(_ m: String) -> String { vocabulary.id("\(m)/location") }
    var contactID: String { vocabulary.id("contact-point") }

    func unique(_ list: [String]) -> [String] { Array(Set(list)).sorted() }

    func english(_ text: String) -> JSONValue { .object([("@language", .string("en")), ("@value", .string(text))]) }

    /// A text of the interface in every language, made from a dataset's key.
    func texts(_ text: (OpenDataset, Strings) -> String, _ d: OpenDataset) -> JSONValue? {
        var values: [String: String] = [:]
        for lang in vocabulary.languages { if let f = vocabulary.labels[lang] { values[lang] = text(d, f.strings) } }
        return vocabulary.langStrings(values)
    }

    func addAgent(_ id: String, into graph: inout LinkedGraph) {
        let type = "http://purl.org/adms/publishertype/" + (programme?["open_data"]?.string(at: "publisher_type") ?? "LocalAuthority")
        graph.add(id, "foaf:Agent", [
            ("foaf:name", vocabulary.langStrings(programme?["agency"]) ?? english("Agency")),
            ("dct:type", Vocabulary.ref(type)),
        ])
        graph.add(type, "skos:Concept", [("skos:prefLabel", english(DCATCatalogue.words(type)))])
    }

    func addLicence(into graph: inout LinkedGraph) {
        graph.add(licence.uri, "dct:LicenseDocument", [
            ("dct:title", english(licence.name)),
            ("foaf:page", Vocabulary.ref(licence.legalText)),
            ("dct:type", .array(licence.types.map { Vocabulary.ref("http://purl.org/adms/licencetype/" + $0) })),
        ])
        graph.add(licence.legalText, "foaf:Document", [])
        for type in licence.types {
            graph.add("http://purl.org/adms/licencetype/" + type, "skos:Concept", [("skos:prefLabel", english(DCATCatalogue.words(type)))])
        }
    }

    /// `LocalAuthority` → `Local authority`: the label of an ADMS concept from its code.
    static func words(_ uri: String) -> String {
        let code = uri.split(ascii: "/").last.map(String.init) ?? uri
        var out = ""
        for c in code {
            if c.isUppercase, !out.isEmpty { out += " " + c.lowercased() } else { out.append(c) }
        }
        return out
    }

    func add(_ d: OpenDataset, into graph: inout LinkedGraph, sizes: [String: Int], agency: String) {
        let v = vocabulary
        let id = datasetID(d)
        let page = v.baseURL + "\(v.defaultLanguage)/data.html#\(d.id)"
        let periodID = id + "/period"
        let email = programme?.string(at: "contact")
        let web = programme?.string(at: "web")
        let themes = d.themes.map { DCATCatalogue.authority + "data-theme/" + $0 }
        let frequency = DCATCatalogue.authority + "frequency/" + d.frequency
        var keywords: [JSONValue] = []
        for lang in v.languages {
            guard let f = v.labels[lang], f.strings.has("dcat.keywords") else { continue }
            for word in f.strings["dcat.keywords"].split(separator: ",") {
                keywords.append(.object([("@language", .string(lang)), ("@value", .string(word.trimmingCharacters(in: .whitespaces)))]))
            }
        }
        let languages = v.languages.compactMap { CPSVCatalogue.languageAuthority[LanguageNames.base($0)] }.map { DCATCatalogue.authority + "language/" + $0 }
        graph.add(id, "dcat:Dataset", [
            ("dct:identifier", .string(d.id)),
            ("dct:title", texts({ $0.title($1) }, d)),
            ("dct:description", texts({ $0.description($1) }, d)),
            ("dct:publisher", Vocabulary.ref(agency)),
            ("dcat:contactPoint", email == nil && web == nil ? nil : Vocabulary.ref(contactID)),
            ("dcat:theme", .array(themes.map(Vocabulary.ref))),
            ("dcat:keyword", .array(keywords)),
            ("dct:issued", Vocabulary.typed(issued, "xsd:date")),
            ("dct:modified", Vocabulary.typed(modified, "xsd:date")),
            ("dct:language", .array(languages.map(Vocabulary.ref))),
            ("dct:spatial", .array(d.municipalities.map { Vocabulary.ref(location($0)) })),
            ("dct:temporal", d.period == nil ? nil : Vocabulary.ref(periodID)),
            ("dct:accrualPeriodicity", Vocabulary.ref(frequency)),
            ("dcat:landingPage", Vocabulary.ref(page)),
            ("dcat:distribution", .array(d.files.map { Vocabulary.ref(distributionID(d, $0)) })),
        ])
        if email != nil || web != nil {
            graph.add(contactID, "vcard:Kind", [
                ("vcard:fn", vocabulary.langStrings(programme?["agency"])),
                ("vcard:hasEmail", email.map { Vocabulary.ref("mailto:" + $0) }),
                ("vcard:hasURL", web.map(Vocabulary.ref)),
            ])
        }
        for (theme, code) in zip(themes, d.themes) {
            graph.add(theme, "skos:Concept", [("skos:prefLabel", english(DCATCatalogue.themeLabels[code] ?? code)),
                                              ("skos:inScheme", Vocabulary.ref(DCATCatalogue.authority + "data-theme"))])
        }
        graph.add(frequency, "dct:Frequency", [("skos:prefLabel", english(DCATCatalogue.frequencyLabels[d.frequency] ?? d.frequency))])
        graph.add(page, "foaf:Document", [])
        if let period = d.period {
            graph.add(periodID, "dct:PeriodOfTime", [
                ("dcat:startDate", Vocabulary.typed(period.start.description, "xsd:date")),
                ("dcat:endDate", Vocabulary.typed(period.end.description, "xsd:date")),
            ])
        }
        for file in d.files { addDistribution(file, of: d, into: &graph, size: sizes[file.path]) }
    }

    func distributionID(_ d: OpenDataset, _ file: DataFile) -> String {
        vocabulary.id("dataset/\(d.id)/distribution/\(file.format.rawValue)")
    }

    func addDistribution(_ file: DataFile, of d: OpenDataset, into graph: inout LinkedGraph, size: Int?) {
        let v = vocabulary
        let url = v.baseURL + "data/" + file.path
        let fileType = DCATCatalogue.authority + "file-type/" + file.format.fileType
        let mediaType = "http://www.iana.org/assignments/media-types/" + file.format.mediaType
        let availability = DCATCatalogue.authority + "planned-availability/STABLE"
        var description: [String: String] = [:]
        for lang in v.languages {
            guard let f = v.labels[lang] else { continue }
            let format = f.strings(file.format.labelKey)
            description[lang] = file.sheet.map { f.strings("dcat.distribution_sheet", ["format": format, "sheet": $0]) } ?? format
        }
        var conformsTo: JSONValue?
        switch file.format {
        case .cpsvJSONLD:
            let standard = "https://semiceu.github.io/CPSV-AP/releases/3.2.0/"
            graph.add(standard, "dct:Standard", [("dct:title", english("Core Public Service Vocabulary Application Profile 3.2.0"))])
            conformsTo = Vocabulary.ref(standard)
        case .csv:
            let metadata = v.baseURL + "data/" + d.id + ".csv-metadata.json"
            graph.add(metadata, "dct:Standard", [("dct:title", english("CSV on the Web metadata of \(file.path)"))])
            conformsTo = Vocabulary.ref(metadata)
        case .csvw:
            let standard = "http://www.w3.org/ns/csvw"
            graph.add(standard, "dct:Standard", [("dct:title", english("Metadata Vocabulary for Tabular Data (W3C CSVW)"))])
            conformsTo = Vocabulary.ref(standard)
        case .schemaOrgJSONLD:
            let standard = "https://schema.org/"
            graph.add(standard, "dct:Standard", [("dct:title", english("schema.org"))])
            conformsTo = Vocabulary.ref(standard)
        case .ods:
            conformsTo = nil
        }
        graph.add(distributionID(d, file), "dcat:Distribution", [
            ("dct:title", .string(file.path)),
            ("dct:description", v.langStrings(description)),
            ("dcat:accessURL", Vocabulary.ref(url)),
            ("dcat:downloadURL", Vocabulary.ref(url)),
            ("dct:format", Vocabulary.ref(fileType)),
            ("dcat:mediaType", Vocabulary.ref(mediaType)),
            ("dct:license", Vocabulary.ref(licence.uri)),
            ("dcatap:availability", Vocabulary.ref(availability)),
            ("dct:conformsTo", conformsTo),
            ("dcat:byteSize", size.map { Vocabulary.typed(String($0), "xsd:nonNegativeInteger") }),
            ("dct:issued", Vocabulary.typed(issued, "xsd:date")),
            ("dct:modified", Vocabulary.typed(modified, "xsd:date")),
        ])
        graph.add(fileType, "dct:MediaTypeOrExtent", [])
        graph.add(mediaType, "dct:MediaType", [])
        graph.add(availability, "skos:Concept", [("skos:prefLabel", english("stable"))])
    }
}
