import Foundation

/// The official register of Catalonia's municipalities (`model/reference/
/// municipalities-catalonia.csv`: INE code, name, province, AMB membership).
public struct MunicipalityRegister: Sendable {
    public struct Entry: Sendable, Equatable {
        public var ineCode: String
        public var name: String
        public var province: String
        public var metropolitan: Bool
    }

    public static let fileName = "municipalities-catalonia.csv"

    public let entries: [Entry]
    private let byCode: [String: Entry]

    public init(csv: String) {
        var entries: [Entry] = []
        for (i, line) in csv.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() where i > 0 {
            let fields = MunicipalityRegister.fields(String(line))
            guard fields.count >= 4 else { continue }
            entries.append(Entry(ineCode: fields[0], name: fields[1], province: fields[2], metropolitan: fields[3] == "yes"))
        }
        self.entries = entries
        self.byCode = Dictionary(entries.map { ($0.ineCode, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public func entry(code: String) -> Entry? { byCode[code] }

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

    /// Splits one CSV line, with double-quoted fields.
    static func fields(_ line: String) -> [String] {
        var out: [String] = []
        var current = ""
        var quoted = false
        var chars = Array(line)
        if chars.last == "\r" { chars.removeLast() }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { current.append("\""); i += 1 } else { quoted = false }
                } else {
                    current.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                out.append(current)
                current = ""
            } else {
                current.append(c)
            }
            i += 1
        }
        out.append(current)
        return out
    }
}
