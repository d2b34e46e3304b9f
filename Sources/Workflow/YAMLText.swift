import JSON
import Model

/// Small pieces of YAML written by hand, so that scaffolded files can carry comments
/// beside their values. Strings are written plain when YAML reads them back as the same
/// string, else double-quoted.
enum YAMLText {
    /// A string as a YAML scalar.
    static func scalar(_ s: String) -> String {
        needsQuotes(s) ? quoted(s) : s
    }

    /// A YAML double-quoted scalar: JSON's escapes are YAML's.
    static func quoted(_ s: String) -> String { JSONValue.quoted(s) }

    static let reserved: Set<String> = ["null", "true", "false", "yes", "no", "on", "off", "y", "n", "~"]

    /// Conservative: a plain scalar only for text that starts with a letter and holds
    /// none of YAML's indicators.
    static func needsQuotes(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first.properties.isAlphabetic else { return true }
        if reserved.contains(s.lowercased()) { return true }
        if s.hasSuffix(" ") || s.hasSuffix(":") { return true }
        if s.contains(": ") || s.contains(" #") { return true }
        return s.unicodeScalars.contains { "{}[],&*!|>%@`\"#:".unicodeScalars.contains($0) || $0.value < 0x20 }
    }

    /// `key: value` at an indentation.
    static func line(_ indent: Int, _ key: String, _ value: String) -> String {
        pad(indent) + key + ": " + value + "\n"
    }

    /// A translatable text as a mapping of the given languages, in the order given.
    /// Languages without a text are left out (oae check lists them).
    static func i18n(_ indent: Int, _ key: String, _ texts: [String: String], languages: [String]) -> String {
        let present = languages.filter { texts[$0] != nil }
        guard !present.isEmpty else { return "" }
        var out = pad(indent) + key + ":\n"
        for lang in present { out += pad(indent + 1) + lang + ": " + scalar(texts[lang]!) + "\n" }
        return out
    }

    /// The same, as an item of a list (`- ca: …`).
    static func i18nItem(_ indent: Int, _ texts: [String: String], languages: [String]) -> String {
        var out = ""
        for (i, lang) in languages.filter({ texts[$0] != nil }).enumerated() {
            out += pad(indent) + (i == 0 ? "- " : "  ") + lang + ": " + scalar(texts[lang]!) + "\n"
        }
        return out
    }

    /// Comment lines, each starting with `# `, wrapped at about 88 columns.
    static func comment(_ indent: Int, _ text: String) -> String {
        var out = ""
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            // Leading spaces of a line are kept (examples of YAML inside a comment).
            let lead = String(paragraph.prefix { $0 == " " })
            var line = lead
            for word in paragraph.split(separator: " ") {
                if line.count > lead.count, pad(indent).count + 2 + line.count + 1 + word.count > 88 {
                    out += pad(indent) + "# " + line + "\n"
                    line = lead
                }
                line += line.count == lead.count ? String(word) : " " + word
            }
            out += pad(indent) + (line.isEmpty ? "#" : "# " + line) + "\n"
        }
        return out
    }

    static func pad(_ indent: Int) -> String { String(repeating: "  ", count: indent) }
}
