import Presentation

/// The type of the values of a column, as the CSV writes them and as CSV on the Web
/// (W3C CSVW, https://www.w3.org/TR/tabular-metadata/) and the spreadsheet declare them.
public enum ColumnType: String, Sendable, CaseIterable {
    /// Text.
    case string
    /// A whole number written with digits only (`142`, `-3`).
    case integer
    /// A decimal number with a point and no thousands separator (`2.8`).
    case decimal
    /// `true` or `false`.
    case boolean
    /// An ISO 8601 calendar date (`2026-04-13`).
    case date

    /// The CSVW datatype: a built-in name, or a derived one with the format the CSV uses.
    var csvwDatatype: [(String, String)] {
        switch self {
        case .boolean: return [("base", "boolean"), ("format", "true|false")]
        default: return [("base", rawValue)]
        }
    }
}

/// A column of an open-data table: the name the CSV header and the spreadsheet use, the
/// type of its values, and the interface key of its title and description in every
/// language (`column.<table>.<key>` and `column.<table>.<key>.description` in
/// `templates/strings/<lang>.yaml`); `parameters` fill their placeholders, each with the
/// text of another interface key (`{language}` with `language.en`: “anglès”).
public struct DataColumn: Sendable, Equatable {
    public let name: String
    public let type: ColumnType
    public let titleKey: String
    public let parameters: [String: String]
    /// Whether every row has a value (CSVW `required`).
    public let required: Bool

    public var descriptionKey: String { titleKey + ".description" }

    /// The column's title in the language of `strings`.
    public func title(_ strings: Strings) -> String { strings(titleKey, values(strings)) }

    /// What the column holds, in the language of `strings`.
    public func description(_ strings: Strings) -> String { strings(descriptionKey, values(strings)) }

    func values(_ strings: Strings) -> Placeholders { Placeholders(parameters.mapValues { strings[$0] }) }
}

/// An open-data table: a file stem (`services` for `services.csv`), its columns and its
/// rows, each a cell per column as the CSV writes it (empty for no value).
public struct DataTable: Sendable, Equatable {
    public let name: String
    public let columns: [DataColumn]
    public let rows: [[String]]
    /// The columns that identify a row (CSVW `primaryKey`).
    public let primaryKey: [String]

    public var fileName: String { name + ".csv" }

    /// The table as RFC 4180 CSV, with the column names as its header.
    public var csv: CSVTable { CSVTable(header: columns.map(\.name), rows: rows) }
}

/// The declaration of a table: each column once, with how its value is read from a row
/// record. The CSV, its CSVW description, the spreadsheet and the site's data page are
/// all made from it, so that a column added here appears in every one of them.
struct TableDeclaration<Row>: Sendable {
    struct Column: Sendable {
        let column: DataColumn
        let value: @Sendable (Row) -> String
    }

    let name: String
    let columns: [Column]
    let primaryKey: [String]

    init(_ name: String, primaryKey: [String], _ columns: [Column]) {
        self.name = name
        self.primaryKey = primaryKey
        self.columns = columns
    }

    /// A column whose title is `column.<table>.<key>` (the key defaults to the name).
    static func column(_ name: String, _ type: ColumnType, in table: String, key: String? = nil,
                       parameters: [String: String] = [:], required: Bool = true,
                       _ value: @escaping @Sendable (Row) -> String) -> Column {
        Column(column: DataColumn(name: name, type: type, titleKey: "column.\(table).\(key ?? name)",
                                  parameters: parameters, required: required),
               value: value)
    }

    func table(_ rows: [Row]) -> DataTable {
        DataTable(name: name, columns: columns.map(\.column), rows: rows.map { row in columns.map { $0.value(row) } },
                  primaryKey: primaryKey)
    }
}
