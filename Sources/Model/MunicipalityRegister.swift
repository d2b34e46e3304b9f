import Foundation

/// The official register of Catalonia's municipalities (`model/reference/
/// municipalities-catalonia.csv`: INE code, name, province, AMB membership), read with
/// the line of each row and the problems of the rows it could not take.
///
/// The file is RFC 4180 CSV in UTF-8 with the header `ine_code,name,province,amb`. An INE
/// municipality code is five digits: the province's two (08 Barcelona, 17 Girona, 25 Lleida,
/// 43 Tarragona; INE, *Relación de municipios y sus códigos por provincias*) and the
/// municipality's three; `amb` says whether the municipality belongs to the Àrea
/// Metropolitana de Barcelona (`yes`/`no`).
public struct MunicipalityRegister: Sendable {
    public struct Entry: Sendable, Equatable {
        public var ineCode: String
        public var name: String
        public var province: String
        public var metropolitan: Bool
        /// The row's line in the file (1 is the header).
        public var line: Int = 0
    }

    /// A row the register could not take, or a value of a row that is wrong: where
    /// (`line`, and the columns `column..<endColumn`, counted in Unicode scalars from 1, as
    /// the YAML loader counts), what, and how to fix it.
    public struct Problem: Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var endColumn: Int
        public var message: String
        public var help: String

        public init(line: Int, column: Int, endColumn: Int, message: String, help: String) {
            (self.line, self.column, self.endColumn, self.message, self.help) = (line, column, endColumn, message, help)
        }
    }

    public static let fileName = "municipalities-catalonia.csv"
    /// The header the register's rows follow.
    public static let header = ["ine_code", "name", "province", "amb"]
    /// Catalonia's provinces by the two digits that start their municipalities' INE codes.
    public static let provinces = ["08": "Barcelona", "17": "Girona", "25": "Lleida", "43": "Tarragona"]

    public let entries: [Entry]
    /// What is wrong in the file, in the order of its lines (`RegisterRule` reports them).
    public let problems: [Problem]
    private let byCode: [String: Entry]

    public init(csv: String) {
        var entries: [Entry] = []
        var problems: [Problem] = []
        var firstLine: [String: Int] = [:]
        func problem(_ line: Int, _ field: Field, _ message: String, _ help: String) {
            problems.append(Problem(line: line, column: field.column, endColumn: max(field.endColumn, field.column + 1),
                                    message: message, help: help))
        }
        let columns = MunicipalityRegister.header.joined(separator: ",")
        // Over the UTF-8 bytes, line by line: splitting the text into `Character`s (grapheme
        // breaking) took 4.6 ms of every build's CPU for Catalonia's 947 rows (issue 13).
        var lines: [ArraySlice<UInt8>] = []
        let bytes = Array(csv.utf8)
        var from = 0
        for i in bytes.indices where bytes[i] == UInt8(ascii: "\n") {
            lines.append(bytes[from..<i])
            from = i + 1
        }
        lines.append(bytes[from...])
        for (index, raw) in lines.enumerated() {
            let line = index + 1
            let text = raw.last == UInt8(ascii: "\r") ? raw.dropLast() : raw
            if text.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { continue }
            let (fields, unclosed) = MunicipalityRegister.fields(text)
            if let unclosed {
                problem(line, unclosed, "a quoted field is not closed on its line",
                        "close the field with a double quote; a quote inside a field is written twice (\"\")")
                continue
            }
            if line == 1 {
                if fields.map(\.text) != MunicipalityRegister.header {
                    let header = String(decoding: text, as: UTF8.self)
                    let whole = Field(text: header, column: 1, endColumn: header.unicodeScalars.count + 1)
                    problem(line, whole, "the register's header is '\(header)', not '\(columns)'",
                            "the first line names the columns \(columns), in this order")
                }
                continue
            }
            guard fields.count == MunicipalityRegister.header.count else {
                let at = fields.count > 4 ? fields[4] : Field(text: "", column: fields.last!.endColumn, endColumn: fields.last!.endColumn + 1)
                problem(line, at, "this row has \(fields.count) field\(fields.count == 1 ? "" : "s"), not 4 (\(columns))",
                        "write one municipality per line: code, name, province, yes or no; quote a name that holds a comma")
                continue
            }
            let (code, name, province, amb) = (fields[0], fields[1], fields[2], fields[3])
            var good = true
            if code.text.utf8.count != 5 || !code.text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
                problem(line, code, "INE code '\(code.text)' is not five digits", "write the five digits of the INE code, leading zeros included (08001)")
                good = false
            } else if let expected = MunicipalityRegister.provinces[String(code.text.prefix(2))] {
                if province.text != expected {
                    let known = MunicipalityRegister.provinces.values.contains(province.text)
                    problem(line, province, known ? "INE code \(code.text) is of the province of \(expected), not \(province.text)"
                                : "province '\(province.text)' is not one of Catalonia's (Barcelona, Girona, Lleida, Tarragona)",
                            "an INE code starting with \(code.text.prefix(2)) is of \(expected)")
                    good = false
                }
            } else {
                problem(line, code, "INE code \(code.text) is not of a Catalan province (it starts with \(code.text.prefix(2)))",
                        "Catalan codes start with 08 (Barcelona), 17 (Girona), 25 (Lleida) or 43 (Tarragona)")
                good = false
            }
            if MunicipalityRegister.isBlank(name.text) {
                problem(line, name, "the municipality of INE code \(code.text) has no name", "write its official name")
                good = false
            }
            if amb.text != "yes", amb.text != "no" {
                problem(line, amb, "amb is '\(amb.text)', not yes or no", "write yes for a municipality of the metropolitan area, else no")
                good = false
            }
            if good, let first = firstLine[code.text] {
                problem(line, code, "INE code \(code.text) is also at line \(first)", "keep one row per municipality")
                good = false
            }
            guard good else { continue }
            firstLine[code.text] = line
            entries.append(Entry(ineCode: code.text, name: name.text, province: province.text, metropolitan: amb.text == "yes", line: line))
        }
        self.entries = entries
        self.problems = problems
        self.byCode = Dictionary(entries.map { ($0.ineCode, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public func entry(code: String) -> Entry? { byCode[code] }

    /// Whether a text is empty or only spaces, as `trimmingCharacters(in: .whitespaces)`
    /// finds it (Foundation's `whitespaces`: Unicode's space separators, Zs, the tab and
    /// the zero-width space), without bridging each name to `NSString` (a millisecond of
    /// every build for 947 rows).
    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0 == "\t" || $0 == "\u{200B}" || $0.properties.generalCategory == .spaceSeparator }
    }

    /// Entries whose name matches `name`, ignoring case and accents.
    public func entries(named name: String) -> [Entry] {
        let key = MunicipalityRegister.fold(name)
        return entries.filter { MunicipalityRegister.fold($0.name) == key }
    }

    /// The folder name of a municipality under seeds/: lower case, accents folded,
    /// apostrophes, spaces and other signs turned into single hyphens ("L'Hospitalet de
    /// Llobregat" → `l-hospitalet-de-llobregat`); the middle dot of "l·l" is dropped.
    public static func slug(_ name: String) -> String {
        var out = ""
        for scalar in fold(name).unicodeScalars {
            if scalar == "." || scalar == "·" { continue }
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty, !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }

    /// Lower case without accents, for matching names typed by people.
    public static func fold(_ s: String) -> String {
        String(s.precomposedStringWithCanonicalMapping.lowercased().unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "à", "á", "â", "ä": return "a"
            case "è", "é", "ê", "ë": return "e"
            case "ì", "í", "î", "ï": return "i"
            case "ò", "ó", "ô", "ö": return "o"
            case "ù", "ú", "û", "ü": return "u"
            case "ç": return "c"
            case "ñ": return "n"
            case "·": return "."
            case "’": return "'"
            default: return Character(scalar)
            }
        })
    }

    /// A field of a row: its text (quotes undone) and its columns.
    struct Field {
        var text: String
        var column: Int
        var endColumn: Int
    }

    /// Splits one CSV line (its UTF-8 bytes, without the line break) into fields with
    /// double-quoted fields (RFC 4180), with the columns of each, counted in Unicode
    /// scalars from 1; `unclosed` is the opening quote of a field the line does not close.
    static func fields(_ line: ArraySlice<UInt8>) -> (fields: [Field], unclosed: Field?) {
        var out: [Field] = []
        var current: [UInt8] = []
        var quoted = false
        var start = 1
        var quoteAt = 0
        /// The column of the byte at `i`: the scalars before it, plus one.
        var column = 0
        var i = line.startIndex
        while i < line.endIndex {
            let c = line[i]
            // A continuation byte (10xxxxxx) is part of the scalar before it.
            if c & 0xC0 != 0x80 { column += 1 }
            if quoted {
                if c == UInt8(ascii: "\"") {
                    if i + 1 < line.endIndex, line[i + 1] == UInt8(ascii: "\"") { current.append(c); i += 1; column += 1 } else { quoted = false }
                } else {
                    current.append(c)
                }
            } else if c == UInt8(ascii: "\"") {
                quoted = true
                quoteAt = column
            } else if c == UInt8(ascii: ",") {
                out.append(Field(text: String(decoding: current, as: UTF8.self), column: start, endColumn: column))
                current.removeAll(keepingCapacity: true)
                start = column + 1
            } else {
                current.append(c)
            }
            i += 1
        }
        if quoted { return (out, Field(text: "", column: quoteAt, endColumn: quoteAt + 1)) }
        out.append(Field(text: String(decoding: current, as: UTF8.self), column: start, endColumn: column + 1))
        return (out, nil)
    }
}
