import Foundation
import JSON
import Rendering
import Resolution

/// The open data of the network, written to `output/data/` and published with the site:
///
/// - `catalogue.jsonld`: every municipality's catalogue as CPSV-AP 3.2.0 JSON-LD;
/// - `catalogue-<municipality>.jsonld`: one municipality's catalogue;
/// - `offices.jsonld`: the offices as schema.org `GovernmentOffice`s;
/// - `services.csv`: one row per municipality and service;
/// - `indicator-values.csv`: the values of the progress reports.
///
/// The bytes depend only on the tree: keys in a fixed order, rows sorted.
public struct OpenDataExport: Sendable {
    let vocabulary: Vocabulary
    let input: BuildInput

    /// `baseURL` is the public address of the site (ending with `/`): identifiers are
    /// made under it. `labels` gives the words and formats of each language.
    public init(input: BuildInput, baseURL: String, labels: Labels) {
        self.input = input
        self.vocabulary = Vocabulary(network: input.network, baseURL: baseURL, labels: labels)
    }

    var catalogue: CPSVCatalogue { CPSVCatalogue(vocabulary: vocabulary, resolved: input.resolved) }

    var schemaOrg: SchemaOrg {
        var byslug: [String: ResolvedMunicipality] = [:]
        for r in input.resolved { byslug[r.slug] = r }
        return SchemaOrg(vocabulary: vocabulary, resolved: byslug)
    }

    /// Every file, by its path under `data/`, in a stable order.
    public func files() -> [(path: String, data: Data)] {
        var out: [(String, Data)] = []
        let lang = vocabulary.defaultLanguage
        let all = catalogue.network(landingPage: vocabulary.baseURL + "\(lang)/comparison.html")
        out.append(("catalogue.jsonld", json(CPSVCatalogue.document(all))))
        for r in input.resolved.sorted(by: { $0.slug < $1.slug }) {
            let graph = catalogue.municipality(r, landingPage: vocabulary.baseURL + "\(lang)/offices/\(r.slug).html")
            out.append(("catalogue-\(r.slug).jsonld", json(CPSVCatalogue.document(graph))))
        }
        let offices = input.resolved.sorted { $0.slug < $1.slug }.compactMap { schemaOrg.office($0.slug, language: lang, context: false) }
        out.append(("offices.jsonld", json(.object([("@context", .string("https://schema.org")), ("@graph", .array(offices))]))))
        let tables = DataTables(network: input.network, resolved: input.resolved)
        out.append(("services.csv", Data(tables.services().text.utf8)))
        out.append(("indicator-values.csv", Data(tables.indicatorValues().text.utf8)))
        return out
    }

    /// The schema.org `GovernmentOffice` of a municipality's office, in a language.
    public func office(_ municipality: String, language: String) -> JSONValue? {
        schemaOrg.office(municipality, language: language)
    }

    /// The schema.org `GovernmentService` of a service (see `SchemaOrg.service`).
    public func service(_ municipality: String?, _ id: String, language: String) -> JSONValue? {
        schemaOrg.service(municipality, id, language: language)
    }

    func json(_ value: JSONValue) -> Data { Data((value.serialized(pretty: true) + "\n").utf8) }
}
