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

    /// One row per value reported (`TableColumns.indicatorValues`): municipality,
    /// quarter, indicator, value, unit, the office's target with its period and direction,
    /// the target on the quarter and the status.
    func indicatorValues() -> CSVTable {
        var rows: [[String: String]] = []
        for r in resolved.sorted(by: { $0.slug < $1.slug }) {
            let results = IndicatorResults(r, network: network)
            for quarter in results.quarters {
                for ind in r.indicators.sorted(by: { $0.id < $1.id }) {
                    guard let result = results.result(ind.id, quarter), let value = result.value else { continue }
                    var row = ["municipality": r.slug, "period": "\(quarter.year)-Q\(quarter.quarter)", "indicator": ind.id,
                               "value": CSVTable.number(value), "unit": ind.fields["unit"]?.string ?? "",
                               "status": result.status.rawValue]
                    if let t = result.target {
                        row["target"] = CSVTable.number(t.value)
                        row["target_period"] = t.period.rawValue
                        row["direction"] = t.direction.rawValue
                        row["quarter_target"] = CSVTable.number(t.quarterValue)
                        row["target_source"] = switch t.source {
                        case .model: "model"
                        case .band: "band"
                        case .local: "local"
                        case .agency: "agency"
                        }
                    }
                    rows.append(row)
                }
            }
        }
        return TableColumns.indicatorValues.table(rows)
    }
}
