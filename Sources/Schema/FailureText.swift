import Foundation
import Diagnostics
import Loading

/// The sentences of schema failures, written for the people who edit the documents.
enum FailureText {
    struct Text {
        var message: String
        var help: String?
        var notes: [String] = []
    }

    /// The fields of a mapping counted, named when they are few: "3: role, service, change".
    static func fieldsFound(_ fields: [String]) -> String {
        guard !fields.isEmpty, fields.count <= 8 else { return "\(fields.count)" }
        return "\(fields.count): \(fields.joined(separator: ", "))"
    }

    static func render(_ f: Failure) -> Text {
        let found = ValueText.describe(f.instance)
        switch f.kind {
        case let .type(types, hint, written):
            let shown = written.map { "\(found), written \($0)" } ?? found
            return Text(message: "expected \(types.phrase); found \(shown)", help: hint ?? typeHelp(types, f.instance, written: written))
        case let .enumValue(values):
            let listed = values.map(ValueText.literal)
            let expected = listed.count == 1 ? listed[0] : "one of " + listed.joined(separator: ", ")
            return Text(message: "expected \(expected); found \(found)", help: suggestion(f.instance, values))
        case let .const(value):
            let expected = value.string.map(ValueText.quoted) ?? ValueText.literal(value)
            return Text(message: "expected \(expected); found \(found)", help: suggestion(f.instance, [value]))
        case let .required(name, form, what):
            // What to write, from the field's own schema (session 35's trial: the message
            // alone left the writer to look up `valid_until` in the docs).
            let help = "add '\(name):'" + (form.map { " with \($0)" } ?? "") + (what.map { ": \($0)" } ?? "")
            return Text(message: "missing required field \(ValueText.quoted(name))", help: help)
        case let .unexpectedField(name, declared):
            var text = Text(message: "unexpected field \(ValueText.quoted(name))")
            // `en-GB` or `es_ES` for `en` or `es`: a field whose first part, before a
            // hyphen or an underscore, is a declared one (session 35's trial).
            let prefixed = declared.filter { d in ["-", "_"].contains { name.lowercased().hasPrefix(d.lowercased() + $0) } }
            if let suggestion = Suggestions.didYouMean(name, in: declared) ?? Suggestions.question(prefixed) {
                text.help = suggestion
            } else if declared.isEmpty {
                text.help = "remove it: no other fields are allowed here"
            } else if declared.count <= 25 {
                text.notes.append("the fields allowed here are \(declared.joined(separator: ", "))")
            }
            return text
        case let .dependentRequired(name, trigger, form, what):
            let help = form == nil && what == nil ? nil
                : "add '\(name):'" + (form.map { " with \($0)" } ?? "") + (what.map { ": \($0)" } ?? "")
            return Text(message: "missing field \(ValueText.quoted(name)), required when \(ValueText.quoted(trigger)) is given", help: help)
        // The mapping's description says what it holds, not how to mend it: a note.
        case let .minProperties(n, fields, description):
            return Text(message: "expected at least \(ValueText.count(n, "field")); found \(fieldsFound(fields))",
                        notes: description.map { ["what this mapping holds: \($0)"] } ?? [])
        case let .maxProperties(n, fields, description):
            return Text(message: "expected at most \(ValueText.count(n, "field")); found \(fieldsFound(fields))",
                        notes: description.map { ["what this mapping holds: \($0)"] } ?? [])
        case let .minItems(n, count):
            return Text(message: "expected at least \(ValueText.count(n, "item")); found \(count)")
        case let .maxItems(n, count):
            return Text(message: "expected at most \(ValueText.count(n, "item")); found \(count)")
        case let .unexpectedItem(allowed):
            return Text(message: "unexpected item: this list takes at most \(ValueText.count(allowed, "item"))")
        case .duplicateItem:
            return Text(message: "duplicate item \(ValueText.shown(f.instance)); the items of this list must be distinct")
        case let .contains(min, max, count):
            if count < min {
                return Text(message: "expected at least \(ValueText.count(min, "matching item")); found \(count)")
            }
            return Text(message: "expected at most \(ValueText.count(max ?? 0, "matching item")); found \(count)")
        case let .minLength(n, count):
            // An empty text of one language (`es: ""`; session 37's trial got no help): its
            // translation, or no line, which leaves the language to `translation-missing`.
            if count == 0, case let .key(code)? = f.path.last, isLanguageCode(code) {
                return Text(message: "expected at least \(ValueText.count(n, "character")); found \(count)",
                            help: "write the text in '\(code)' between the quotes; while it is not translated, remove the line and keep the other languages' (the text then shows in one of them)")
            }
            return Text(message: "expected at least \(ValueText.count(n, "character")); found \(count)")
        case let .maxLength(n, count):
            return Text(message: "expected at most \(ValueText.count(n, "character")); found \(count)")
        case let .pattern(pattern, title, description):
            // A text's language written as a locale or in capitals (`en-GB:`, `CA:`): the
            // language asked for (session 35's trial; the schemas take any tag in lower
            // case since session 45, so that a language is added in model.yaml alone).
            if f.prefix != nil || title == "Language code", let name = f.instance.string, name.lowercased() != name || name.contains("_"),
               let base = name.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init),
               isLanguageCode(base) {
                // A region (`en-GB`) is the language's; a variant (`oc_Aranes`) is the tag
                // itself in lower case, joined by '-' (it was `oc`, another language of a model
                // with `oc-aranes`: session 45's review).
                let subtags = name.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).dropFirst()
                let meant = subtags.contains { $0.count >= 4 } ? ([base] + subtags.map(String.init)).joined(separator: "-") : base
                return Text(message: "\(found) is not a language tag, written in lower case",
                            help: "did you mean '\(meant)'? A text's languages are written as model/model.yaml lists them")
            }
            // The form in the schema's words, when it has some; the regular expression,
            // which few writers read, in a note.
            guard title != nil || description != nil else {
                return Text(message: "\(found) does not match the pattern \(pattern)")
            }
            let form = title.map { "the form \(ValueText.quoted($0))" } ?? "the form this field takes"
            return Text(message: "\(found) does not have \(form)", help: description,
                        notes: ["the form as a regular expression: \(pattern)"])
        case let .format(format):
            if format == .date, let text = f.instance.string, let day = Formats.impossibleDay(Array(text.utf8)) {
                return Text(message: "\(found) is written as a date (YYYY-MM-DD), but there is no such day: \(day)",
                            help: Formats.likelyDay(Array(text.utf8)))
            }
            var text = Text(message: "expected \(format.expectation); found \(found)")
            if format == .date, let written = f.instance.string { text.help = dateAsWritten(written) }
            return text
        case let .minimum(limit, exclusive):
            let bound = exclusive ? "greater than" : "of at least"
            return Text(message: "expected a value \(bound) \(ValueText.number(limit)); found \(ValueText.literal(f.instance))")
        case let .maximum(limit, exclusive):
            let bound = exclusive ? "less than" : "of at most"
            var text = Text(message: "expected a value \(bound) \(ValueText.number(limit)); found \(ValueText.literal(f.instance))")
            // A fraction written as a percent (`fte: 100` for a full-time post; session
            // 43's trial got no help): the same share out of 1. From 10: `fte: 2` is more
            // likely two posts than 2 %.
            if limit == 1, !exclusive, let value = f.instance.number, value >= 10, value <= 100 {
                text.help = "a share is written out of 1, not as a percent: \(ValueText.number(value)) % is \(ValueText.number(value / 100))"
            }
            return text
        case let .multipleOfWritten(step, written):
            let places = DecimalMultiple.decimals(of: step)
            let allowed = places == 0 ? "no decimals" : places == 1 ? "at most 1 decimal" : "at most \(places) decimals"
            let value = ValueText.literal(f.instance)
            let decimals = DecimalMultiple.decimals(written: written)
            var text = Text(message: "\(written) is read as \(value): written with \(decimals) decimal\(decimals == 1 ? "" : "s"), where this value takes \(allowed)")
            // 1.800 or 45.000: a dot between groups of three digits, as Catalan and Spanish
            // write thousands.
            text.help = thousandsHelp(written, meaning: value) ?? "write the value with \(allowed)"
            return text
        case let .thousandsWritten(written, grouped):
            let value = ValueText.literal(f.instance)
            return Text(message: "\(written) is read as \(value), not \(ValueText.number(grouped))",
                        help: thousandsHelp(written, meaning: value))
        case let .multipleOf(step, written):
            let literal = written ?? ValueText.literal(f.instance)
            let thousands = thousandsHelp(literal, meaning: nil)
            // A step of 0.01 (money to the cent): 25.555 € is more likely a cent too many
            // than 25 555 € (session 44's trial was told only the thousands).
            let places = DecimalMultiple.decimals(of: step)
            let tenth = DecimalMultiple.decimal(step).map { $0.mantissa == 1 } ?? false
            if places > 0, places < 10, tenth, let near = DecimalMultiple.rounded(literal, places: places), near != literal {
                return Text(message: "expected a multiple of \(ValueText.number(step)); found \(ValueText.literal(f.instance))",
                            help: "round it to \(places) decimal\(places == 1 ? "" : "s"), \(near)" + (thousands.map { "; or, " + $0 } ?? ""))
            }
            return Text(message: "expected a multiple of \(ValueText.number(step)); found \(ValueText.literal(f.instance))",
                        help: thousands)
        case let .oneOfMany(branches):
            let names = branches.map { "the " + ValueText.ordinal($0) }
            let listed = names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
            return Text(message: "the value fits more than one of the allowed forms (\(listed)); it must fit exactly one")
        case .noBranch:
            return Text(message: "the value fits none of the allowed forms")
        case .not:
            return Text(message: "this value is not allowed here")
        case .falseSchema:
            return Text(message: "no value is allowed here")
        case .loop:
            return Text(message: "the schema applies itself to this value again and again, or nests too deeply; validation stopped here")
        }
    }

    /// Help for a value YAML typed differently from what the schema wants. In JSON a
    /// value's type is what it looks like, so the help names YAML only for YAML files.
    /// `written`: the text the value was written with, when it is not the value's own.
    static func typeHelp(_ types: TypeSet, _ node: Node, written: String? = nil) -> String? {
        let wantsString = types.contains(.string)
        let isJSON = node.span.file.lowercased().hasSuffix(".json")
        func quote(_ text: String, _ reading: String) -> String {
            let text = written ?? text
            let base = "put the value in quotes (\"\(text)\") to make it a string"
            return isJSON ? base : base + ": YAML reads \(text) as \(reading)"
        }
        switch node.value {
        case let .int(i) where wantsString:
            return quote(String(i), written == nil ? "a number" : "the number \(i)")
        case let .double(d) where wantsString:
            return quote(ValueText.number(d), written == nil ? "a number" : "the number \(ValueText.number(d))")
        case let .bool(b) where wantsString:
            return quote(String(b), "a boolean")
        case .null where wantsString:
            // Not `""`: a text's schema most often wants at least a character (session 36's
            // trial was sent from one error to the next).
            return isJSON ? nil : "the value is empty; write it after the colon"
        case let .double(d) where types.contains(.integer):
            // 26.500 for an integer (a population): a dot between thousands, which YAML
            // read as a decimal point (session 35's review); 1.234 too, which was written
            // as the value YAML read and so has no written form (session 37's trial).
            return isJSON ? nil : thousandsHelp(written ?? ValueText.number(d), meaning: nil)
        case let .string(s) where types.contains(.number) || types.contains(.integer):
            // '58.000' in quotes: without them it would be read as 58 (session 36's trial).
            if groupsThousands(s), s.filter({ $0 == "." }).count == 1 {
                let digits = s.replacingOccurrences(of: ".", with: "")
                return types.contains(.number)
                    ? "write \(digits) without the quotes if the dot separates thousands (YAML reads it as a decimal point), else \(s) without the quotes"
                    : "write \(digits), without the quotes and the dot between thousands: in a YAML number the dot is the decimal point"
            }
            if Double(s) != nil { return "remove the quotes to make it a number" }
            // 14500,50: a decimal comma, as Catalan and Spanish write it (1,800, with three
            // digits after the comma, may be thousands: `numberAsWritten` asks).
            let parts = s.split(separator: ",", omittingEmptySubsequences: false)
            if parts.count == 2, parts[1].count != 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }), !s.contains(".") {
                return "YAML writes decimals with a dot: write \(parts[0]).\(parts[1])"
            }
            // 1.250.000: two dots make a text; one is still a decimal point.
            if groupsThousands(s) {
                return "write \(s.replacingOccurrences(of: ".", with: "")), without the dots between thousands: in a YAML number the dot is the decimal point"
            }
            return numberAsWritten(s, integer: !types.contains(.number))
        case let .string(s) where types.contains(.boolean):
            if ["true", "false"].contains(s.lowercased()) { return "remove the quotes to make it a boolean" }
            // And as Catalan and Spanish writers answer (`sí`, `si`, `no`, `fet`; session 36).
            if !isJSON, ["yes", "no", "on", "off", "y", "n", "sí", "si", "fet", "feta"].contains(s.lowercased()) {
                let meant = ["yes", "on", "y", "sí", "si", "fet", "feta"].contains(s.lowercased()) ? "true" : "false"
                return "write \(meant): YAML 1.2 reads \(s) as text, not as a boolean"
            }
            return nil
        default:
            return nil
        }
    }

    /// `WrittenNumber.thousandsHelp`.
    static func thousandsHelp(_ written: String, meaning: String?) -> String? {
        WrittenNumber.thousandsHelp(written, meaning: meaning)
    }

    /// `WrittenNumber.groupsThousands`.
    static func groupsThousands(_ text: String) -> Bool {
        WrittenNumber.groupsThousands(text)
    }

    /// The help for a number written as a text the way a person writes an amount or a
    /// share (`12.000 €`, `56.500,50`, `"40000 €"`, `92,5 %`; session 35's trial got
    /// "expected a number" alone): the number as YAML writes it, and what to leave out.
    /// Nil when the text is no such number.
    static func numberAsWritten(_ text: String, integer: Bool = false) -> String? {
        let blanks = CharacterSet.whitespaces.union(CharacterSet(charactersIn: "\u{00A0}\u{202F}"))
        var t = text.trimmingCharacters(in: blanks)
        // 58 000, with a space (or a no-break space) between thousands, as French and
        // Catalan print them: the spaces go.
        let spaced = t.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" })
        if spaced.count >= 2, let first = spaced.first, (1...3).contains(first.count), first.first != "0",
           spaced.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }), spaced.dropFirst().allSatisfy({ $0.count == 3 }) {
            return "write \(spaced.joined()), without the spaces between thousands: a YAML number is digits"
        }
        var unit: String?
        for sign in ["€", "%", "EUR", "euros"] {
            let name = sign == "€" ? "the euro sign" : sign == "%" ? "the percent sign" : nil
            if t.lowercased().hasSuffix(sign.lowercased()) {
                unit = name ?? "'\(t.suffix(sign.count))'"
                t = String(t.dropLast(sign.count))
            } else if t.lowercased().hasPrefix(sign.lowercased()) {
                unit = name ?? "'\(t.prefix(sign.count))'"
                t = String(t.dropFirst(sign.count))
            }
            t = t.trimmingCharacters(in: blanks)
        }
        // A sign before the digits stays before the number (−1.500 €).
        var minus = ""
        if let first = t.first, first == "-" || first == "−" { minus = "-"; t = String(t.dropFirst()) }
        // Digits with dots between thousands and a decimal comma (56.500,50), or a decimal
        // comma alone (92,5), or a plain number once the unit is gone (40000).
        let parts = t.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty,
              parts.count == 1 || (!parts[1].isEmpty && parts[1].allSatisfy { $0.isASCII && $0.isNumber }) else { return nil }
        let grouped = groupsThousands(String(whole))
        guard grouped || whole.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            // 1500.50 with its unit: the number is right, the unit is not written.
            guard parts.count == 1, let unit, Double(t) != nil else { return nil }
            return "write \(minus)\(t), without \(unit): the field's unit is not written"
        }
        let digits = whole.replacingOccurrences(of: ".", with: "")
        var without: [String] = []
        if let unit { without.append(unit) }
        if grouped { without.append("the dots between thousands") }
        let tail = ": a YAML number is digits, with a dot as its decimal point" + (unit == nil ? "" : ", and the field's unit is not written")
        // 12,000: a comma between thousands (English) or a decimal comma with three decimals;
        // which was meant is the writer's to say.
        if parts.count == 2, parts[1].count == 3, !grouped, integer {
            // An integer field: the comma can only separate thousands.
            return "write \(minus)\(digits)\(parts[1]), without the comma between thousands" + (without.isEmpty ? "" : " and " + without.joined(separator: " and ")) + tail
        }
        if parts.count == 2, parts[1].count == 3, !grouped {
            let decimal = String(Double("\(digits).\(parts[1])").map { ValueText.number($0) } ?? "\(digits).\(parts[1])")
            return "write \(minus)\(digits)\(parts[1]) if the comma separates thousands, or \(minus)\(decimal) if it is a decimal comma"
                + (without.isEmpty ? "" : ", without " + without.joined(separator: " and ")) + tail
        }
        let number = minus + digits + (parts.count == 2 ? "." + parts[1] : "")
        var help = "write \(number)"
        if !without.isEmpty { help += ", without " + without.joined(separator: " and ") }
        if parts.count == 2 { help += ", with a dot before the decimals" }
        guard number != text else { return nil }
        return help + tail
    }

    /// The help for a date written as people write one (`06/03/2026`, `6-3-2026`,
    /// `6.3.2026`: day, month, year, as in Catalan and Spanish; `2026-3-6` without its
    /// zeros): the date as YYYY-MM-DD. Nil when the text is no such date.
    static func dateAsWritten(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        // A date and time (`2027-03-01T00:00:00`, `2027-03-01 10:30`): the day alone, when
        // its first ten bytes are a date as the field wants it (YYYY-MM-DD).
        // Not a day the calendar lacks (`2027-02-30T10:00`: the schema's message says why).
        let bytes = Array(trimmed.utf8)
        if bytes.count > 10, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
           Formats.isDate(Array(bytes[..<10])) {
            return "write \(String(decoding: bytes[..<10], as: UTF8.self)): a date field takes the day alone, with nothing after it"
        }
        // The month in words (`1 December 2026`, `1 de desembre de 2026`, `1 de diciembre
        // de 2026`, `December 1, 2026`; session 37's trial).
        if let (year, month, day) = monthInWords(trimmed),
           case let iso = String(format: "%04d-%02d-%02d", year, month, day), Formats.isDate(Array(iso.utf8)) {
            return "write \(iso): dates are written year-month-day, in numbers, with two-digit months and days"
        }
        let parts = trimmed.split(whereSeparator: { "/-.".contains($0) })
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        // Every part a number Int holds (a run of 20 digits is none: CI's fuzzer).
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == 3 else { return nil }
        let (year, month, day): (Int, Int, Int)
        if parts[0].count == 4 {
            (year, month, day) = (numbers[0], numbers[1], numbers[2])
        } else if parts[2].count == 4 {
            (year, month, day) = (numbers[2], numbers[1], numbers[0])
        } else {
            return nil
        }
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        let iso = String(format: "%04d-%02d-%02d", year, month, day)
        guard iso != text else { return nil }
        // A day the month lacks (`31/02/2027`) is not offered as the date to write (session
        // 38's trial was told to write 2027-02-31, which the schema refuses).
        if day > Formats.daysIn(month: month, year: year) {
            return "there is no day \(day) in month \(month) of \(year) (it has \(Formats.daysIn(month: month, year: year)) days): correct the day, "
                + "and write the date year-month-day, like \(String(format: "%04d-%02d-%02d", year, month, Formats.daysIn(month: month, year: year)))"
        }
        return "write \(iso)" + (parts[0].count == 4 ? "" : " (day \(day), month \(month))") + ": dates are written year-month-day, with two-digit months and days"
    }

    /// The months by their names and common abbreviations in Catalan, Spanish and English
    /// (lower case, without the article: `d'abril` is read as `abril`).
    static let monthNames: [String: Int] = {
        let names: [[String]] = [
            ["gener", "enero", "january", "jan", "gen", "ene"], ["febrer", "febrero", "february", "feb"],
            ["març", "marzo", "march", "mar"], ["abril", "april", "apr", "abr"], ["maig", "mayo", "may"],
            ["juny", "junio", "june", "jun"], ["juliol", "julio", "july", "jul"], ["agost", "agosto", "august", "aug", "ago"],
            ["setembre", "septiembre", "setiembre", "september", "sep", "sept", "set"], ["octubre", "october", "oct"],
            ["novembre", "noviembre", "november", "nov"], ["desembre", "diciembre", "december", "dec", "des", "dic"],
        ]
        var out: [String: Int] = [:]
        for (i, words) in names.enumerated() { for w in words { out[w] = i + 1 } }
        return out
    }()

    /// Day, month and year of a date with its month in words, in any of the orders of
    /// Catalan, Spanish and English (`1 de desembre de 2026`, `1 December 2026`, `December
    /// 1, 2026`); nil for any other text.
    static func monthInWords(_ text: String) -> (year: Int, month: Int, day: Int)? {
        var words = text.lowercased().split(whereSeparator: { " ,.".contains($0) }).map(String.init)
        words = words.filter { $0 != "de" && $0 != "del" && $0 != "of" }.map { $0.hasPrefix("d'") || $0.hasPrefix("d’") ? String($0.dropFirst(2)) : $0 }
        guard words.count == 3 else { return nil }
        let months = words.compactMap { monthNames[$0] }
        let numbers = words.compactMap { Int($0) }
        guard months.count == 1, numbers.count == 2, let year = numbers.first(where: { $0 >= 1000 }),
              let day = numbers.first(where: { $0 < 1000 }), (1...31).contains(day), (1000...9999).contains(year) else { return nil }
        return (year, months[0], day)
    }

    /// Whether a key is the code of a language a text of the tree may be written in: the
    /// languages of Catalonia and Spain, and those its offices' users most often speak
    /// (`oc-aranes` with its variant). A closed list: a field named `id` is no language.
    static func isLanguageCode(_ key: String) -> Bool {
        let base = key.split(separator: "-").first.map(String.init) ?? key
        return ["ca", "es", "en", "oc", "eu", "gl", "fr", "de", "it", "pt", "ar", "ro", "zh", "ur"].contains(base)
    }

    /// `did you mean 'free'?` when the value is a string close to an allowed string.
    static func suggestion(_ node: Node, _ allowed: [Node]) -> String? {
        guard let s = node.string else { return nil }
        // Two items of a list read as one text: a `- phone` indented more than the
        // `- in-person` above it continues that item (YAML joins the lines with a space;
        // session 38's trial was told only that "in-person - phone" is no channel).
        if node.span.end.line > node.span.start.line, s.contains(" - "),
           let first = s.components(separatedBy: " - ").first, candidates(allowed).contains(first) {
            return "line \(node.span.start.line + 1) is indented more than the item above it, so YAML reads it as more text of that item: "
                + "line up its '-' with the one on line \(node.span.start.line)"
        }
        let candidates = candidates(allowed)
        guard !candidates.isEmpty else { return nil }
        return Suggestions.didYouMean(s, in: candidates)
    }

    private static func candidates(_ allowed: [Node]) -> [String] { allowed.compactMap(\.string) }
}
