import Diagnostics
import Foundation
import Loading
import Model

/// Checks what the interface strings (`templates/strings/<lang>.yaml`) say beyond their
/// keys: each text's `{name}` placeholders (`ui-string-placeholder`) and each plural key's
/// forms (`ui-string-plural`). A placeholder the code does not give is printed as it is
/// written (`€{num}` in every amount of a site), and a plural form a language needs falls
/// back to `other` or to the key itself, so both would pass unseen into every output.
///
/// Placeholders are compared with the default language's text of the same key (the
/// default language defines the keys, `ui-string-missing`); a plural key's placeholders
/// are those of all its forms together (`one: "un any"` may leave `{n}` out). When the
/// default language alone differs from every other language, which all agree, the error
/// is at the default language's text. Plural forms are CLDR's categories
/// (`PluralRules.categories`) and explicit `=N` forms.
public enum StringsCheck {
    public static let rules = [
        RuleInfo("ui-string-placeholder", "An interface string has a placeholder its key is not given, or lacks one of the default language's."),
        RuleInfo("ui-string-plural", "A plural interface string lacks a form its language needs, or has a form that is not a CLDR plural category."),
        RuleInfo("ui-string-separator", "A language's decimal separator is empty, blank or a digit, or the same as its group separator."),
    ]

    /// Keys whose code gives more placeholders than a text uses, each language choosing
    /// among them: the names given (Presentation's `ValueFormatter.shortDate`, Workflow's
    /// `Phrases.officeName`). Their texts are checked against these names, not against
    /// the default language's text.
    public static let givenPlaceholders: [String: Set<String>] = [
        "format.short_date": ["d", "dd", "mm", "mon", "y"],
        "scaffold.office_name": ["municipality", "of_municipality"],
    ]

    /// A scalar as Unicode writes it: `U+00A0`.
    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    public static func check(_ tree: LoadedTree, settings: ModelSettings) -> [Diagnostic] {
        let prefix = "strings/"
        // Files named after a language tag only: another is `ui-string-language`'s (its CLDR
        // forms were asked of a code no language has; session 45's trial).
        let files = tree.uiStrings.filter { $0.key.hasPrefix(prefix) && TreeLayout.isLanguageCode(String($0.key.dropFirst(prefix.count))) }
            .map { (language: String($0.key.dropFirst(prefix.count)), path: $0.value.path, node: $0.value.node) }
            .sorted { $0.language < $1.language }
        var out: [Diagnostic] = []
        for file in files {
            out += plurals(file.node, language: file.language)
            // 74327 for 743,27: a decimal mark that is not there, or not seen, joins the
            // fraction to the units (session 43's trial published every amount so).
            // Unquoted, `0` is a number, which the strings do not read (the default mark was
            // used, without a word: the trial's review).
            if let decimal = file.node.pair("format.decimal"), decimal.value.string == nil || decimal.value.string!.allSatisfy({ $0.isWhitespace || $0.isNumber }) {
                let mark: String
                switch decimal.value.value {
                case let .string(text): mark = text
                case let .int(n): mark = String(n)
                case let .double(d): mark = String(d)
                case let .bool(b): mark = String(b)
                default: mark = "null"
                }
                let said = decimal.value.string == nil ? "\(mark), not a text in quotes,"
                    : mark.isEmpty ? "empty"
                    : mark.allSatisfy(\.isWhitespace) ? "a blank (\(mark.unicodeScalars.map(Self.codePoint).joined(separator: " ")))"
                    : "'\(mark)'"
                let printed = decimal.value.string == nil ? "" : ": 743.27 would be printed as 743\(mark)27"
                out.append(.error("ui-string-separator", "'format.decimal' is \(said) in '\(file.language)'\(printed)",
                                  at: decimal.value.span,
                                  help: "write the decimal mark the language uses (Catalan and Spanish: ','; English: '.')"))
                continue
            }
            // 1,000,5: a number with both cannot be read back.
            if let decimal = file.node.pair("format.decimal"), let group = file.node.pair("format.group"),
               let mark = decimal.value.string, mark == group.value.string {
                out.append(.error("ui-string-separator", "'format.decimal' is '\(mark)' in '\(file.language)', the same as 'format.group'",
                                  at: decimal.value.span, related: [RelatedLocation(group.value.span, "the group separator")],
                                  help: "give numbers different decimal and group separators (Catalan and Spanish: ',' and '.'; English: '.' and ',')"))
            }
        }
        guard let base = files.first(where: { $0.language == settings.defaultLanguage }) else { return out }
        let source = SourceLines(root: tree.root)
        let others = files.filter { $0.language != base.language }
        // Each other language's pairs by key, the first of a repeated key kept (as
        // `Node.pair` finds it): looking every key up in order took a quadratic time, a
        // third of the templates' check (issue 13).
        let byKey = others.map { file in
            (file.node.pairs ?? []).reduce(into: [String: Node.Pair]()) { found, pair in
                let key = pair.key.keyText
                if found[key] == nil { found[key] = pair }
            }
        }
        for pair in base.node.pairs ?? [] {
            let key = pair.key.keyText
            let texts = others.indices.compactMap { i in byKey[i][key].map { (language: others[i].language, pair: $0) } }
            out += unclosed(pair, key: key)
            for text in texts { out += unclosed(text.pair, key: key) }
            if let given = givenPlaceholders[key] {
                for (language, p) in [(base.language, pair)] + texts.map({ ($0.language, $0.pair) }) {
                    out += notGiven(p, key: key, given: given, language: language, source: source)
                }
                continue
            }
            let expected = placeholders(pair.value)
            let differing = texts.filter { placeholders($0.pair.value) != expected }
            guard !differing.isEmpty else { continue }
            let theirs = Set(texts.map { placeholders($0.pair.value) })
            if texts.count >= 2, differing.count == texts.count, theirs.count == 1, let agreed = theirs.first {
                // The default language is the odd one out.
                out.append(.error("ui-string-placeholder",
                                  "'\(key)' has \(list(expected)) in '\(base.language)', the default language, but \(list(agreed)) in every other language (\(texts.map(\.language).joined(separator: ", ")))",
                                  at: spanOfFirst(expected.subtracting(agreed), in: pair, source: source),
                                  help: "write \(list(agreed)) as the other languages do; oae fills in only the placeholders a key is given and shows any other as it is written"))
                continue
            }
            for text in differing {
                let have = placeholders(text.pair.value)
                let extra = have.subtracting(expected), missing = expected.subtracting(have)
                let message: String
                if !extra.isEmpty, !missing.isEmpty {
                    message = "'\(key)' has \(list(extra)) in '\(text.language)' where the default language ('\(base.language)') has \(list(missing))"
                } else if !extra.isEmpty {
                    message = "'\(key)' has \(list(extra)) in '\(text.language)', which the default language's text does not have"
                } else {
                    message = "'\(key)' lacks \(list(missing)) in '\(text.language)', which the default language's text has"
                }
                // One name for another: that one (the help named every placeholder of the text).
                let help = expected.isEmpty ? "remove \(list(extra)): the key is given no value to fill in"
                    : extra.count == 1 && missing.count == 1
                    ? "write \(list(missing)) in place of \(list(extra)), as \(base.path) does: oae fills in only the placeholders a key is given and shows any other as it is written"
                    : "write \(list(expected)) as \(base.path) does: oae fills in only the placeholders a key is given and shows any other as it is written"
                out.append(.error("ui-string-placeholder", message, at: spanOfFirst(extra.isEmpty ? [] : extra, in: text.pair, source: source),
                                  related: [RelatedLocation(pair.value.span, "the default language's text")], help: help))
            }
        }
        return out
    }

    /// The `{name}`s of a text, or of all the forms of a plural key, as `Strings.fill`
    /// reads them: from a `{` to the next `}`.
    static func placeholders(_ value: Node) -> Set<String> {
        if let text = value.string { return names(text) }
        return (value.pairs ?? []).reduce(into: Set<String>()) { $0.formUnion(names($1.value.string ?? "")) }
    }

    static func names(_ text: String) -> Set<String> {
        // Over the UTF-8 bytes, as `Strings.fill` reads a text (braces are ASCII): by
        // `Character`, a brace with a combining mark after it was not a brace here, and was
        // one there; and the search was a fifth of the strings' check (issue 13).
        var out = Set<String>()
        let bytes = Array(text.utf8)
        var rest = 0
        while let open = bytes[rest...].firstIndex(of: UInt8(ascii: "{")) {
            guard let close = bytes[(open + 1)...].firstIndex(of: UInt8(ascii: "}")) else { break }
            out.insert(String(decoding: bytes[(open + 1)..<close], as: UTF8.self))
            rest = close + 1
        }
        return out
    }

    /// `{n}`, `{a}, {b}`, or `no placeholder`.
    static func list(_ names: Set<String>) -> String {
        names.isEmpty ? "no placeholder" : names.sorted().map { "{\($0)}" }.joined(separator: ", ")
    }

    /// The text (or form) that holds the first of `names`; the key's value when none does.
    static func spanOfFirst(_ names: Set<String>, in pair: Node.Pair, source: SourceLines? = nil) -> SourceSpan {
        var node = pair.value
        if let forms = pair.value.pairs {
            for form in forms where !names.isDisjoint(with: self.names(form.value.string ?? "")) { node = form.value; break }
        }
        // The placeholder itself, in a text on one line: the caret stood under the whole
        // text, and a text of several placeholders did not say which (session 45's trial).
        if let source, let text = node.string, let name = names.sorted().first(where: { self.names(text).contains($0) }),
           let span = source.span(of: "{\(name)}", in: node.span) {
            return span
        }
        return node.span
    }

    /// The lines of the tree's files, each file read once, to place a token inside a value.
    final class SourceLines {
        let root: URL
        private var files: [String: [[Character]]] = [:]

        init(root: URL) { self.root = root }

        /// Where `token` is written in the one line `span` covers, from its start on; nil for
        /// a value over several lines, or a token written otherwise (an escape).
        func span(of token: String, in span: SourceSpan) -> SourceSpan? {
            guard span.start.line == span.end.line, span.start.line >= 1 else { return nil }
            if files[span.file] == nil {
                guard let text = FileTree.readText(root: root, path: span.file) else { return nil }
                files[span.file] = text.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
            }
            guard let lines = files[span.file], span.start.line <= lines.count else { return nil }
            let line = lines[span.start.line - 1], wanted = Array(token)
            var i = max(0, span.start.column - 1)
            while i + wanted.count <= line.count {
                if Array(line[i..<(i + wanted.count)]) == wanted {
                    return SourceSpan(file: span.file, start: SourcePosition(line: span.start.line, column: i + 1),
                                      end: SourcePosition(line: span.start.line, column: i + 1 + wanted.count))
                }
                i += 1
            }
            return nil
        }
    }

    /// A `{` with no `}` after it: `Strings.fill` shows it, and the rest, as written.
    static func unclosed(_ pair: Node.Pair, key: String) -> [Diagnostic] {
        let texts: [Node] = pair.value.string != nil ? [pair.value] : (pair.value.pairs ?? []).map(\.value)
        return texts.compactMap { node -> Diagnostic? in
            guard let text = node.string, let open = text.utf8.lastIndex(of: UInt8(ascii: "{")),
                  !text.utf8[open...].contains(UInt8(ascii: "}")) else { return nil }
            return .error("ui-string-placeholder", "'\(key)' has a '{' that is not closed", at: node.span,
                          help: "close the placeholder with '}'; as it is, the text is shown with the brace")
        }
    }

    /// The placeholders of a key of `givenPlaceholders` that its code does not give.
    static func notGiven(_ pair: Node.Pair, key: String, given: Set<String>, language: String, source: SourceLines? = nil) -> [Diagnostic] {
        let extra = placeholders(pair.value).subtracting(given)
        guard !extra.isEmpty else { return [] }
        let hint = extra.count == 1 ? Suggestions.didYouMean(extra.first!, in: given.sorted()).map { " (\($0))" } ?? "" : ""
        return [.error("ui-string-placeholder", "'\(key)' has \(list(extra)) in '\(language)', which the key is not given",
                       at: spanOfFirst(extra, in: pair, source: source),
                       help: "the key is given \(list(given))\(hint); any other placeholder is shown as it is written")]
    }

    /// Each plural key's forms: CLDR categories the language has, or `=N`; every category
    /// it has present (a misspelt form, `uno:`, is one error, not also a missing `one`).
    static func plurals(_ node: Node, language: String) -> [Diagnostic] {
        let needed = PluralRules.categories(language: language)
        var out: [Diagnostic] = []
        for pair in node.pairs ?? [] {
            guard let forms = pair.value.pairs else { continue }
            let key = pair.key.keyText
            var present = Set<String>()
            // The categories a misspelt form was meant as: not also reported missing.
            var meant = Set<String>()
            for form in forms {
                let name = form.key.keyText
                if name.hasPrefix("="), !name.dropFirst().isEmpty, name.dropFirst().allSatisfy(\.isASCII), Int(name.dropFirst()) != nil {
                    continue
                }
                if needed.contains(name) { present.insert(name); continue }
                let forms = needed.map { "'\($0)'" }.joined(separator: ", ")
                if PluralRules.allCategories.contains(name) {
                    out.append(.error("ui-string-plural", "'\(name)' is not a plural form of '\(language)', so '\(key)' never shows it",
                                      at: form.key.span,
                                      help: "the forms of '\(language)' are \(forms) (CLDR), and '=N' for an exact number such as '=0'"))
                } else {
                    meant.formUnion(Suggestions.closest(to: name, in: needed, limit: 1))
                    let hint = Suggestions.didYouMean(name, in: needed + ["=0"]).map { "\($0) " } ?? ""
                    out.append(.error("ui-string-plural", "'\(name)' is not a plural form: '\(key)' never shows it",
                                      at: form.key.span,
                                      help: "\(hint)the forms of '\(language)' are \(forms) (CLDR), and '=N' for an exact number such as '=0'"))
                }
            }
            let missing = needed.filter { !present.contains($0) && !meant.contains($0) }
            if !missing.isEmpty {
                out.append(.error("ui-string-plural",
                                  "'\(key)' lacks the plural form\(missing.count == 1 ? "" : "s") \(missing.map { "'\($0)'" }.joined(separator: ", ")) that '\(language)' needs",
                                  at: pair.key.span,
                                  help: "add \(missing.map { "'\($0):'" }.joined(separator: " and ")) under the key; without it the number is written with the wrong words or as the key"))
            }
        }
        return out
    }
}
