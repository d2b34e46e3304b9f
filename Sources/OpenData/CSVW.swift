import JSON

/// The description of a CSV file by W3C CSV on the Web (CSVW, "Metadata Vocabulary for
/// Tabular Data", https://www.w3.org/TR/tabular-metadata/), written beside it as
/// `<name>.csv-metadata.json` (where a CSVW processor looks for it): the table's title and
/// description, its licence and date, the dialect of the file (UTF-8, comma, header line),
/// and each column's name, titles and description in every language, datatype and whether
/// it is required, from the table's declaration.
struct CSVWMetadata: Sendable {
    let vocabulary: Vocabulary
    let licence: DataLicence
    let modified: String

    func document(_ dataset: OpenDataset, _ table: DataTable) -> JSONValue {
        let v = vocabulary
        func texts(_ text: (String) -> String?) -> JSONValue? {
            var values: [String: String] = [:]
            for lang in v.languages { values[lang] = text(lang) }
            return v.langStrings(values)
        }
        let columns: [JSONValue] = table.columns.map { column in
            var titles: [(String, JSONValue)] = []
            for lang in v.languages {
                if let strings = v.labels[lang]?.strings, strings.has(column.titleKey) {
                    titles.append((lang, .string(column.title(strings))))
                }
            }
            var pairs: [(String, JSONValue)] = [("name", .string(column.name)), ("titles", .object(titles))]
            if let d = texts({ v.labels[$0].flatMap { $0.strings.has(column.descriptionKey) ? column.description($0.strings) : nil } }) {
                pairs.append(("dc:description", d))
            }
            let datatype = column.type.csvwDatatype
            pairs.append(("datatype", datatype.count == 1 ? .string(datatype[0].1) : .object(datatype.map { ($0.0, .string($0.1)) })))
            pairs.append(("required", .bool(column.required)))
            return .object(pairs)
        }
        var pairs: [(String, JSONValue)] = [
            ("@context", .array([.string("http://www.w3.org/ns/csvw"), .object([("@language", .string(v.defaultLanguage))])])),
            ("url", .string(table.fileName)),
        ]
        if let t = texts({ v.labels[$0].map { dataset.title($0.strings) } }) { pairs.append(("dc:title", t)) }
        if let d = texts({ v.labels[$0].map { dataset.description($0.strings) } }) { pairs.append(("dc:description", d)) }
        pairs += [
            ("dc:license", Vocabulary.ref(licence.legalText)),
            ("dc:modified", Vocabulary.typed(modified, "xsd:date")),
            ("dialect", .object([("encoding", .string("utf-8")), ("delimiter", .string(",")), ("header", .bool(true)),
                                 ("lineTerminators", .array([.string("\r\n")]))])),
            ("tableSchema", .object([("columns", .array(columns)),
                                     ("primaryKey", .array(table.primaryKey.map(JSONValue.string)))])),
        ]
        return .object(pairs)
    }
}
