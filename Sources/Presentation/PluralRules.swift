import Model

/// CLDR plural categories for cardinal numbers (Unicode CLDR 44, "Language Plural
/// Rules", https://www.unicode.org/cldr/charts/44/supplemental/language_plural_rules.html),
/// for the languages the network writes and their neighbours. Operands: `n` the number,
/// `i` its integer digits, `v` the count of visible fraction digits.
public enum PluralRules {
    /// The six category names of CLDR.
    public static let allCategories = ["zero", "one", "two", "few", "many", "other"]

    /// The categories `category` gives for `language`, in CLDR's order: the forms a plural
    /// key of that language's interface strings needs (`one`, `other` for the languages
    /// `category` knows; `other` alone for any other language).
    public static func categories(language: String) -> [String] {
        switch LanguageNames.base(language) {
        case "ca", "en", "de", "it", "nl", "sv", "oc", "gl", "es", "eu", "fr", "pt": return ["one", "other"]
        default: return ["other"]
        }
    }

    /// The CLDR category (`one`, `other`…) of `n` written with `fractionDigits` decimals.
    /// Compact "many" forms (1 million and up) are not used by oae's phrases and fall to
    /// `other`.
    public static func category(_ n: Double, fractionDigits v: Int = 0, language: String) -> String {
        let i = Int(abs(n).rounded(.towardZero))
        let integral = abs(n) == Double(i)
        switch LanguageNames.base(language) {
        case "ca", "en", "de", "it", "nl", "sv", "oc", "gl":
            // one: i = 1 and v = 0
            return i == 1 && v == 0 && integral ? "one" : "other"
        case "es", "eu":
            // one: n = 1
            return abs(n) == 1 ? "one" : "other"
        case "fr", "pt":
            // one: i = 0,1
            return i == 0 || i == 1 ? "one" : "other"
        default:
            return "other"
        }
    }
}
