import Foundation
import Loading

/// A compiled `pattern` (or a `patternProperties` name). Patterns are ECMA-262 regular
/// expressions; they are translated to ICU syntax where the two differ (`\d` and `\w`
/// are ASCII only, `$` is the very end of the text) and compiled once. A pattern is not
/// anchored: it may match anywhere in the text.
final class Pattern: @unchecked Sendable {
    /// The pattern as written in the schema.
    let source: String
    private let regex: NSRegularExpression

    /// Compiles `source`; throws when it is not a valid regular expression.
    init(_ source: String) throws {
        self.source = source
        self.regex = try NSRegularExpression(pattern: Pattern.icu(source), options: [])
    }

    /// Answers already found, by text: the same ids, dates and codes recur in every
    /// municipality's files, and a lookup costs far less than the regular expression.
    /// Bounded, so that a tree of unique texts keeps memory flat.
    /// By the texts' bytes (`TextTable`): the texts of a tree are NFC, and a regular
    /// expression is matched on scalars, so two spellings of one text are two texts here.
    private var known = TextTable<Bool>()
    private let lock = NSLock()
    static let knownLimit = 8192

    func matches(_ text: String) -> Bool {
        if let answer = lock.withLock({ known[text] }) { return answer }
        let range = NSRange(location: 0, length: text.utf16.count)
        let answer = regex.firstMatch(in: text, options: [], range: range) != nil
        lock.withLock {
            if known.count < Pattern.knownLimit { known[text] = answer }
        }
        return answer
    }

    /// Translates an ECMA-262 pattern to ICU syntax.
    static func icu(_ ecma: String) -> String {
        var out = ""
        var inClass = false
        var chars = Array(ecma.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if c == "\\", let next = chars.popFirst() {
                switch (next, inClass) {
                case ("d", false): out += "[0-9]"
                case ("D", false): out += "[^0-9]"
                case ("w", false): out += "[a-zA-Z0-9_]"
                case ("W", false): out += "[^a-zA-Z0-9_]"
                case ("d", true): out += "0-9"
                case ("w", true): out += "a-zA-Z0-9_"
                case ("u", _) where chars.first == "{":
                    // \u{1F600} (ECMA with the u flag) is \x{1F600} in ICU.
                    out += "\\x"
                default:
                    out.unicodeScalars.append(c)
                    out.unicodeScalars.append(next)
                }
                continue
            }
            if inClass {
                switch c {
                case "]": inClass = false; out += "]"
                case "[": out += "\\["
                case "&": out += "\\&"
                default: out.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "[":
                if chars.first == "]" {
                    // [] matches nothing in ECMA-262.
                    chars = chars.dropFirst()
                    out += "(?!)"
                } else if chars.first == "^", chars.dropFirst().first == "]" {
                    // [^] matches any character in ECMA-262.
                    chars = chars.dropFirst(2)
                    out += "[\\s\\S]"
                } else {
                    inClass = true
                    out += "["
                    if chars.first == "^" { out += "^"; chars = chars.dropFirst() }
                }
            case "$": out += "\\z"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
