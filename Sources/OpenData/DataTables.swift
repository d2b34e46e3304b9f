import Loading
import Model
import Resolution

/// The CSV tables of the open data.
struct DataTables: Sendable {
    let network: Network
    let resolved: [ResolvedMunicipality]

    /// One row per municipality and service of the model (whatever the municipality does
    /// with it), then one per local service.
    func services() -> CSVTable {
        let lang = network.settings.defaultLanguage
        var rows: [[String]] = []
        for r in resolved.sorted(by: { $0.slug < $1.slug }) {
            let ine = r.files.office?.root?["municipality"]?["ine_code"]?.string ?? ""
            for doc in network.modelDocuments(.service) {
                let name = LocalizedText(doc.root?["name"], defaultLanguage: lang)?.text(lang, fallback: lang).text ?? doc.id
                if let s = r.services.first(where: { $0.id == doc.id }) {
                    rows.append([r.slug, ine, doc.id, name, s.adoption.rawValue,
                                 s.overrides.map(\.fieldName).joined(separator: ";"), "false"])
                } else {
                    let state = r.omitted.contains { $0.service == doc.id } ? "omitted" : "not-adopted"
                    rows.append([r.slug, ine, doc.id, name, state, "", "false"])
                }
            }
            for s in r.services where s.adoption == .local {
                let name = LocalizedText(s.fields["name"], defaultLanguage: lang)?.text(lang, fallback: lang).text ?? s.id
                rows.append([r.slug, ine, s.id, name, "local", "", "true"])
            }
        }
        return CSVTable(header: ["municipality", "ine_code", "service", "name_\(lang)", "adoption", "overridden_fields", "local"],
                        rows: rows)
    }

    /// One row per value reported: municipality, quarter, indicator, value, unit, and the
    /// municipality's target (after its overrides).
    func indicatorValues() -> CSVTable {
        var rows: [[String]] = []
        for r in resolved.sorted(by: { $0.slug < $1.slug }) {
            let reports = r.files.reports.compactMap { doc -> (Quarter, Node)? in
                guard let y = doc.root?["period"]?["year"]?.int, let q = doc.root?["period"]?["quarter"]?.int,
                      let root = doc.root else { return nil }
                return (Quarter(year: y, quarter: q), root)
            }.sorted { $0.0 < $1.0 }
            for (quarter, root) in reports {
                let values = (root["values"]?.sequence ?? []).compactMap { v -> (String, Double)? in
                    guard let id = v["indicator"]?.string, let n = v["value"]?.number else { return nil }
                    return (id, n)
                }.sorted { $0.0 < $1.0 }
                for (id, value) in values {
                    let indicator = r.indicators.first { $0.id == id }
                    let unit = indicator?.fields["unit"]?.string ?? ""
                    let target = indicator?.fields["target"]?["value"]?.number.map(CSVTable.number) ?? ""
                    rows.append([r.slug, "\(quarter.year)-Q\(quarter.quarter)", id, CSVTable.number(value), unit, target])
                }
            }
        }
        return CSVTable(header: ["municipality", "period", "indicator", "value", "unit", "target"], rows: rows)
    }
}
