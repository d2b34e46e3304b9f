import Model
import Presentation

/// The format of a file of the open data, with its entries in the EU vocabularies that
/// DCAT-AP 3 uses: the file type (http://publications.europa.eu/resource/authority/file-type)
/// and the IANA media type.
public enum DataFormat: String, Sendable, CaseIterable {
    /// The service catalogue as CPSV-AP 3.2.0 JSON-LD.
    case cpsvJSONLD = "cpsv"
    /// schema.org JSON-LD.
    case schemaOrgJSONLD = "schema-org"
    /// RFC 4180 CSV, UTF-8, comma-separated, described by CSVW metadata.
    case csv
    /// A CSVW metadata file (JSON-LD).
    case csvw
    /// An OpenDocument spreadsheet (ISO/IEC 26300), one sheet per table.
    case ods

    /// The code in the EU file-type authority table.
    public var fileType: String {
        switch self {
        case .cpsvJSONLD, .schemaOrgJSONLD: return "JSON_LD"
        case .csv: return "CSV"
        case .csvw: return "JSON"
        case .ods: return "ODS"
        }
    }

    /// The IANA media type.
    public var mediaType: String {
        switch self {
        case .cpsvJSONLD, .schemaOrgJSONLD: return "application/ld+json"
        case .csv: return "text/csv"
        case .csvw: return "application/csvm+json"
        case .ods: return "application/vnd.oasis.opendocument.spreadsheet"
        }
    }

    /// The interface key of the format's name (`data_format.csv`).
    public var labelKey: String { "data_format.\(rawValue)" }
}

/// A file of a dataset: its path under `data/` and its format; `sheet` names the sheet of
/// the spreadsheet that holds the dataset's table.
public struct DataFile: Sendable, Equatable {
    public let path: String
    public let format: DataFormat
    public let sheet: String?
}

/// A dataset of the open data, as the DCAT-AP catalogue and the site's data page describe
/// it: what it is (interface keys of its title and description, with their parameters),
/// its files, and, for a table, its columns.
public struct OpenDataset: Sendable, Equatable {
    /// A slug, unique in the catalogue (`services`, `service-catalogue-molins-de-rei`).
    public let id: String
    public let titleKey: String
    public let descriptionKey: String
    /// Placeholder values of the title and the description (`{municipality}`).
    public let parameters: [String: String]
    public internal(set) var files: [DataFile]
    /// The table, for a tabular dataset.
    public let table: DataTable?
    /// Codes of the EU data-theme vocabulary (`ECON`, `GOVE`, `REGI`).
    public let themes: [String]
    /// The code of the EU frequency vocabulary (`QUARTERLY`, `IRREG`).
    public let frequency: String
    /// The municipalities the dataset covers, by folder name.
    public let municipalities: [String]
    /// The first and last day the data covers.
    public let period: (start: Day, end: Day)?

    public func title(_ strings: Strings) -> String { strings(titleKey, Placeholders(parameters)) }
    public func description(_ strings: Strings) -> String { strings(descriptionKey, Placeholders(parameters)) }

    public static func == (a: OpenDataset, b: OpenDataset) -> Bool {
        a.id == b.id && a.files == b.files && a.table == b.table && a.parameters == b.parameters
            && a.period?.start == b.period?.start && a.period?.end == b.period?.end
    }
}

/// The licence of the open data: a code of the EU licence authority table
/// (http://publications.europa.eu/resource/authority/licence), chosen in the programme's
/// `open_data.licence` (default `CC_BY_4_0`, Creative Commons Attribution 4.0).
public struct DataLicence: Sendable, Equatable {
    public let code: String
    /// The licence's own name (`CC BY 4.0`).
    public let name: String
    /// The address of its legal text.
    public let legalText: String
    /// Its types in the ADMS licence-type vocabulary (http://purl.org/adms/licencetype/).
    public let types: [String]

    /// The licences the programme may choose (the enumeration of the schema).
    public static let known: [DataLicence] = [
        DataLicence(code: "CC_BY_4_0", name: "CC BY 4.0", legalText: "https://creativecommons.org/licenses/by/4.0/",
                    types: ["Attribution"]),
        DataLicence(code: "CC_BYSA_4_0", name: "CC BY-SA 4.0", legalText: "https://creativecommons.org/licenses/by-sa/4.0/",
                    types: ["Attribution", "ShareAlike"]),
        DataLicence(code: "CC0", name: "CC0 1.0", legalText: "https://creativecommons.org/publicdomain/zero/1.0/",
                    types: ["PublicDomain"]),
    ]

    public static let defaultCode = "CC_BY_4_0"

    /// The licence of a code; an unknown code (the schema forbids it) is CC BY 4.0.
    public static func named(_ code: String?) -> DataLicence {
        known.first { $0.code == code } ?? known[0]
    }

    /// Its address in the EU licence authority table.
    public var uri: String { "http://publications.europa.eu/resource/authority/licence/\(code)" }
}

extension OpenDataExport {
    /// The licence of the open data (`open_data.licence` of `seeds/programme.md`).
    public var licence: DataLicence {
        DataLicence.named(vocabulary.network.modelDocument(.programme, "programme")?.root?["open_data"]?.string(at: "licence"))
    }

    /// Every dataset, with the files of it that `present` holds (the spreadsheet is only
    /// there when its writer could run; nil: every file), in the order of the catalogue.
    public func datasets(present: Set<String>?) -> [OpenDataset] {
        let all = madeDatasets.value { makeDatasets() }
        guard let present else { return all }
        return all.compactMap { dataset in
            var dataset = dataset
            dataset.files = dataset.files.filter { present.contains($0.path) }
            return dataset.files.isEmpty ? nil : dataset
        }
    }

    /// Every dataset with all its files: made once per export (`madeDatasets`), since the
    /// files, the DCAT catalogue, the spreadsheet and the site's data page all ask, and
    /// making them builds every table.
    private func makeDatasets() -> [OpenDataset] {
        let tables = DataTables(network: input.network, resolved: input.resolved)
        let all = input.resolved.map(\.slug).sorted()
        let start = programmeStart
        let day = input.sourceDay
        func tabular(_ table: DataTable, _ extra: [DataFile], themes: [String], frequency: String,
                     period: (Day, Day)?) -> OpenDataset {
            OpenDataset(id: table.name, titleKey: "dataset.\(table.name)", descriptionKey: "dataset.\(table.name).description",
                        parameters: [:],
                        files: extra + [DataFile(path: table.fileName, format: .csv, sheet: nil),
                                        DataFile(path: table.name + ".csv-metadata.json", format: .csvw, sheet: nil),
                                        DataFile(path: OpenDataExport.spreadsheetName, format: .ods, sheet: table.name)],
                        table: table, themes: themes, frequency: frequency, municipalities: all, period: period)
        }
        var out: [OpenDataset] = [
            OpenDataset(id: "service-catalogue", titleKey: "dataset.service-catalogue",
                        descriptionKey: "dataset.service-catalogue.description", parameters: [:],
                        files: [DataFile(path: "catalogue.jsonld", format: .cpsvJSONLD, sheet: nil)], table: nil,
                        themes: ["GOVE", "ECON"], frequency: "IRREG", municipalities: all, period: start.map { ($0, day) }),
        ]
        for r in input.resolved.sorted(by: { $0.slug < $1.slug }) {
            let name = r.files.office?.root?["municipality"]?.string(at: "name") ?? r.slug
            out.append(OpenDataset(id: "service-catalogue-\(r.slug)", titleKey: "data_catalogue_one",
                                   descriptionKey: "dataset.service-catalogue-one.description",
                                   parameters: ["municipality": name],
                                   files: [DataFile(path: "catalogue-\(r.slug).jsonld", format: .cpsvJSONLD, sheet: nil)],
                                   table: nil, themes: ["GOVE", "ECON"], frequency: "IRREG", municipalities: [r.slug],
                                   period: start.map { ($0, day) }))
        }
        out.append(tabular(tables.offices(), [DataFile(path: "offices.jsonld", format: .schemaOrgJSONLD, sheet: nil)],
                           themes: ["GOVE", "REGI"], frequency: "IRREG", period: start.map { ($0, day) }))
        out.append(tabular(tables.services(), [], themes: ["GOVE", "ECON"], frequency: "IRREG", period: start.map { ($0, day) }))
        let values = tables.indicatorValues()
        out.append(tabular(values, [], themes: ["ECON", "GOVE"], frequency: "QUARTERLY", period: reportedPeriod()))
        let years = input.network.budgets.map(\.year)
        let budgetPeriod = years.min().flatMap { first in years.max().flatMap { last in
            Day("\(first)-01-01").flatMap { a in Day("\(last)-12-31").map { (a, $0) } }
        } }
        out.append(tabular(tables.budgets(), [], themes: ["ECON", "GOVE"], frequency: "ANNUAL", period: budgetPeriod))
        return out
    }

    /// The spreadsheet that holds every table, one sheet each.
    public static let spreadsheetName = "open-data.ods"

    /// The programme's start date (`start_date` of `seeds/programme.md`).
    var programmeStart: Day? {
        vocabulary.network.modelDocument(.programme, "programme")?.root?.string(at: "start_date").flatMap(Day.init)
    }

    /// From the first day of the first quarter reported to the last day of the last one.
    func reportedPeriod() -> (Day, Day)? {
        let quarters = input.resolved.flatMap { r in
            r.files.reports.compactMap { doc -> Quarter? in
                guard let y = doc.root?["period"]?["year"]?.int, let q = doc.root?["period"]?["quarter"]?.int else { return nil }
                return Quarter(year: y, quarter: q)
            }
        }
        guard let first = quarters.min(), let last = quarters.max() else { return nil }
        return (first.firstDay, last.lastDay)
    }
}
