import Loading
import Model
import Resolution

/// The tables of the open data, each declared once (`TableDeclaration`): the CSV files,
/// their CSVW descriptions, the sheets of the spreadsheet and the fields the site's data
/// page lists all come from these declarations.
struct DataTables: Sendable {
    let network: Network
    let resolved: [ResolvedMunicipality]

    /// The names of the tables, in the order of their datasets, files and sheets
    /// (`OpenDataExport.datasets`), known without making their rows.
    var names: [String] {
        [officesDeclaration.name, servicesDeclaration.name, indicatorValuesDeclaration.name, budgetsDeclaration.name]
    }

    var languages: [String] { network.settings.languages }
    var defaultLanguage: String { network.settings.defaultLanguage }


    /// The text of a translatable field in a language, else the default language's.
    func text(_ node: Node?, _ language: String) -> String? {
        LocalizedText(node, defaultLanguage: defaultLanguage)?.text(language, fallback: defaultLanguage).text
    }

    // MARK: services.csv

    /// A municipality and a service of the model (whatever the municipality does with it)
    /// or one of its own services.
    struct ServiceRow: Sendable {
        var municipality: String
        var ineCode: String
        var service: String
        var names: [String: String]
        var adoption: String
        var overriddenFields: [String]
        var local: Bool
    }

    var servicesDeclaration: TableDeclaration<ServiceRow> {
        typealias T = TableDeclaration<ServiceRow>
        let table = "services"
        return T(table, primaryKey: ["municipality", "service"], [
            T.column("municipality", .string, in: table) { $0.municipality },
            T.column("ine_code", .string, in: table) { $0.ineCode },
            T.column("service", .string, in: table) { $0.service },
        ] + languages.map { lang in
            T.column("name_\(lang)", .string, in: table, key: "name", parameters: ["language": "language.\(lang)"]) { $0.names[lang] ?? "" }
        } + [
            T.column("adoption", .string, in: table) { $0.adoption },
            T.column("overridden_fields", .string, in: table, required: false) { $0.overriddenFields.joined(separator: ";") },
            T.column("local", .boolean, in: table) { $0.local ? "true" : "false" },
        ])
    }

    /// One row per municipality and service of the model (whatever the municipality does
    /// with it), then one per local service.
    func services() -> DataTable {
        var rows: [ServiceRow] = []
        // The model's services and their names, the same for every municipality.
        let model = network.modelDocuments(.service).map { (doc: $0, names: names($0.root?["name"], or: $0.id)) }
        for r in resolved.sorted(by: { $0.slug < $1.slug }) {
            let ine = r.files.office?.root?["municipality"]?.string(at: "ine_code") ?? ""
            for (doc, names) in model {
                if let s = r.services.first(where: { $0.id == doc.id }) {
                    rows.append(ServiceRow(municipality: r.slug, ineCode: ine, service: doc.id, names: names,
                                           adoption: s.adoption.rawValue, overriddenFields: s.overrides.map(\.fieldName), local: false))
                } else {
                    let state = r.omitted.contains { $0.service == doc.id } ? "omitted" : "not-adopted"
                    rows.append(ServiceRow(municipality: r.slug, ineCode: ine, service: doc.id, names: names,
                                           adoption: state, overriddenFields: [], local: false))
                }
            }
            for s in r.services where s.adoption == .local {
                rows.append(ServiceRow(municipality: r.slug, ineCode: ine, service: s.id, names: names(s.fields["name"], or: s.id),
                                       adoption: "local", overriddenFields: [], local: true))
            }
        }
        return servicesDeclaration.table(rows)
    }

    func names(_ node: Node?, or id: String) -> [String: String] {
        Dictionary(uniqueKeysWithValues: languages.map { ($0, text(node, $0) ?? id) })
    }

    // MARK: indicator-values.csv

    /// A value of an indicator reported by a municipality for a quarter, with the
    /// municipality's target for it (after its overrides).
    struct IndicatorValueRow: Sendable {
        var municipality: String
        /// The municipality's official name (`office.yaml`), so that a person reading the
        /// spreadsheet needs no join with `offices.csv` (session 45's programme manager).
        var municipalityName: String
        var quarter: Quarter
        var indicator: String
        var value: Double
        var unit: String
        var target: Double?
        /// `month`, `quarter` or `year`: the period the target is written for.
        var targetPeriod: String
        var targetDirection: String
        /// The target on the quarter, compared with the value.
        var quarterTarget: Double?
        /// `model`, `band`, `local` or `agency`.
        var targetSource: String
        /// `met`, `missed` or `no-data`.
        var status: String
    }

    var indicatorValuesDeclaration: TableDeclaration<IndicatorValueRow> {
        typealias T = TableDeclaration<IndicatorValueRow>
        let table = "indicator-values"
        return T(table, primaryKey: ["municipality", "period", "indicator"], [
            T.column("municipality", .string, in: table) { $0.municipality },
            T.column("municipality_name", .string, in: table) { $0.municipalityName },
            T.column("period", .string, in: table) { "\($0.quarter.year)-Q\($0.quarter.quarter)" },
            T.column("indicator", .string, in: table) { $0.indicator },
            T.column("value", .decimal, in: table) { CSVTable.number($0.value) },
            T.column("unit", .string, in: table, required: false) { $0.unit },
            T.column("target", .decimal, in: table, required: false) { $0.target.map(CSVTable.number) ?? "" },
            T.column("target_period", .string, in: table, required: false) { $0.targetPeriod },
            T.column("target_direction", .string, in: table, required: false) { $0.targetDirection },
            T.column("quarter_target", .decimal, in: table, required: false) { $0.quarterTarget.map(CSVTable.number) ?? "" },
            T.column("target_source", .string, in: table, required: false) { $0.targetSource },
            T.column("status", .string, in: table) { $0.status },
        ])
    }

    /// One row per office, quarter and indicator reported: municipality, quarter,
    /// indicator, value, unit, the office's target with its period and direction, the
    /// target on the quarter and the status oae computed (Resolution's `IndicatorResults`).
    func indicatorValues() -> DataTable {
        var rows: [IndicatorValueRow] = []
        for r in resolved.sorted(by: { $0.slug < $1.slug }) {
            let results = IndicatorResults(r, network: network)
            let name = r.files.office?.root?["municipality"]?.string(at: "name") ?? r.slug
            for quarter in results.quarters {
                for ind in r.indicators.sorted(by: { $0.id < $1.id }) {
                    guard let result = results.result(ind.id, quarter), let value = result.value else { continue }
                    let t = result.target
                    let source: String? = t.map {
                        switch $0.source {
                        case .model: "model"
                        case .band: "band"
                        case .local: "local"
                        case .agency: "agency"
                        }
                    }
                    rows.append(IndicatorValueRow(municipality: r.slug, municipalityName: name, quarter: quarter, indicator: ind.id, value: value,
                                                  unit: ind.fields.string(at: "unit") ?? "", target: t?.value,
                                                  targetPeriod: t?.period.rawValue ?? "", targetDirection: t?.direction.rawValue ?? "",
                                                  quarterTarget: t?.quarterValue, targetSource: source ?? "",
                                                  status: result.status.rawValue))
                }
            }
        }
        return indicatorValuesDeclaration.table(rows)
    }

    // MARK: offices.csv

    /// A municipality's office as its `office.yaml` describes it.
    struct OfficeRow: Sendable {
        var municipality: String
        var office: Node?
    }

    var officesDeclaration: TableDeclaration<OfficeRow> {
        typealias T = TableDeclaration<OfficeRow>
        let table = "offices"
        let languages = languages
        let tables = self
        return T(table, primaryKey: ["municipality"], [
            T.column("municipality", .string, in: table) { $0.municipality },
            T.column("ine_code", .string, in: table) { $0.office?["municipality"]?.string(at: "ine_code") ?? "" },
            T.column("municipality_name", .string, in: table) { $0.office?["municipality"]?.string(at: "name") ?? "" },
        ] + languages.map { lang in
            T.column("name_\(lang)", .string, in: table, key: "name", parameters: ["language": "language.\(lang)"]) {
                tables.text($0.office?["name"], lang) ?? ""
            }
        } + [
            T.column("status", .string, in: table) { $0.office?.string(at: "status") ?? "" },
            T.column("opening_date", .date, in: table, required: false) { $0.office?.string(at: "opening_date") ?? "" },
            T.column("street", .string, in: table, required: false) { $0.office?["address"]?.string(at: "street") ?? "" },
            T.column("postal_code", .string, in: table, required: false) { $0.office?["address"]?.string(at: "postal_code") ?? "" },
            T.column("locality", .string, in: table, required: false) { $0.office?["address"]?.string(at: "locality") ?? "" },
            T.column("latitude", .decimal, in: table, required: false) {
                $0.office?["coordinates"]?["lat"]?.number.map(CSVTable.number) ?? ""
            },
            T.column("longitude", .decimal, in: table, required: false) {
                $0.office?["coordinates"]?["lon"]?.number.map(CSVTable.number) ?? ""
            },
            T.column("phone", .string, in: table, required: false) { $0.office?["channels"]?.string(at: "phone") ?? "" },
            T.column("email", .string, in: table, required: false) { $0.office?["channels"]?.string(at: "email") ?? "" },
            T.column("web", .string, in: table, required: false) { $0.office?["channels"]?.string(at: "web") ?? "" },
        ])
    }

    /// One row per municipality with an office.
    func offices() -> DataTable {
        officesDeclaration.table(resolved.sorted { $0.slug < $1.slug }.compactMap { r in
            r.files.office?.root.map { OfficeRow(municipality: r.slug, office: $0) }
        })
    }

    // MARK: budgets.csv

    var budgetsDeclaration: TableDeclaration<OfficeBudget> {
        typealias T = TableDeclaration<OfficeBudget>
        let table = "budgets"
        return T(table, primaryKey: ["municipality", "year"], [
            T.column("municipality", .string, in: table) { $0.municipality },
            T.column("year", .integer, in: table) { String($0.year) },
            T.column("posts", .decimal, in: table) { DataTables.cents($0.postsCost) },
            T.column("premises", .decimal, in: table) { DataTables.cents($0.premises) },
            T.column("communication", .decimal, in: table) { DataTables.cents($0.communication) },
            T.column("other", .decimal, in: table) { DataTables.cents($0.other.reduce(0) { $0 + $1.amount }) },
            T.column("total", .decimal, in: table) { DataTables.cents($0.total) },
        ] + FundingSource.allCases.map { source in
            T.column("funding_\(source.rawValue.replacingOccurrences(of: "-", with: "_"))", .decimal, in: table) {
                DataTables.cents($0.funded(by: source))
            }
        } + [
            T.column("funding_total", .decimal, in: table) { DataTables.cents($0.funded) },
            T.column("covered", .boolean, in: table) { $0.covered ? "true" : "false" },
            T.column("people_attended", .integer, in: table, required: false) {
                $0.peopleAttended.map { String(Int($0)) } ?? ""
            },
            T.column("cost_per_person_attended", .decimal, in: table, required: false) {
                $0.costPerPersonAttended.map(DataTables.cents) ?? ""
            },
            // Below quarters_open, the cost per person is provisional (the year's budget over part of its people).
            T.column("quarters_reported", .integer, in: table) { String($0.quartersReported) },
            T.column("quarters_open", .integer, in: table) { String($0.quartersOpen) },
        ])
    }

    /// An amount in euros rounded to the cent, as CSV writes numbers (`461.7`).
    static func cents(_ amount: Double) -> String { CSVTable.number((amount * 100).rounded() / 100) }

    /// One row per office and year with a budget (`OfficeBudget`): the cost lines, the
    /// total, the funding by source, whether it covers the total, the people attended in
    /// the year's reports and the cost per person attended, in euros with cents.
    func budgets() -> DataTable {
        budgetsDeclaration.table(network.budgets)
    }
}
