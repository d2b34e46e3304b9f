/// A column of an open-data CSV table, declared once: its header name, its datatype
/// (an XML Schema datatype name, as CSVW `datatype` uses them) and what it holds. The
/// header of the file and any description of it (CSVW metadata) are made from these
/// declarations, so they cannot drift apart.
public struct TableColumn: Sendable, Equatable {
    public var name: String
    /// `string`, `integer`, `decimal`, `date`, `anyURI`… (XML Schema 1.1 names).
    public var datatype: String
    /// What the column holds, for people (English).
    public var description: String
    /// Whether every row has a value.
    public var required: Bool

    public init(_ name: String, _ datatype: String, _ description: String, required: Bool = true) {
        self.name = name
        self.datatype = datatype
        self.description = description
        self.required = required
    }
}

/// The declared columns of a CSV table, and the table built from rows keyed by column.
public struct TableColumns: Sendable, Equatable {
    public var file: String
    public var columns: [TableColumn]

    /// A table whose rows give a value per column name (a missing name is an empty cell).
    public func table(_ rows: [[String: String]]) -> CSVTable {
        CSVTable(header: columns.map(\.name), rows: rows.map { row in columns.map { row[$0.name] ?? "" } })
    }

    /// `indicator-values.csv`: one row per office, quarter and indicator reported, with the
    /// target on the quarter and the status oae computed (Resolution's `IndicatorResults`).
    public static let indicatorValues = TableColumns(file: "indicator-values.csv", columns: [
        TableColumn("municipality", "string", "The municipality's slug (its folder under seeds/)."),
        TableColumn("period", "string", "The quarter reported, as YYYY-Qn."),
        TableColumn("indicator", "string", "The indicator's id (model/indicators/<id>.yaml)."),
        TableColumn("value", "decimal", "The value reported for the quarter, in the unit."),
        TableColumn("unit", "string", "count, percent, days or score."),
        TableColumn("target", "decimal", "The office's target as written (on the target period).", required: false),
        TableColumn("target_period", "string", "The period the target applies to: month, quarter or year.", required: false),
        TableColumn("direction", "string", "at-least (a floor) or at-most (a ceiling).", required: false),
        TableColumn("quarter_target", "decimal", "The target on the quarter, compared with the value (a count's monthly target times three).", required: false),
        TableColumn("target_source", "string", "Where the target comes from: model, band, local or agency.", required: false),
        TableColumn("status", "string", "met, missed or no-data: the value against the quarter's target."),
    ])
}
