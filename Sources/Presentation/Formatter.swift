import Foundation
import Model

/// Values written the way a reader of the language expects them, the same in every
/// output (handbooks, site, open-data labels, the command line): `1.800 €`, `1 hora i 30
/// minuts`, `13 d'abril de 2026`, `3r trimestre de 2026`, `a, b i c`. The words and
/// patterns come from the language's strings file (`format.*`, `duration.*`, `month.*`,
/// `quarter.*`), so a language is added without Swift.
public struct ValueFormatter: Sendable {
    public let strings: Strings
    public var language: String { strings.language }
    /// The durations and dates this formatter has worded (`Made`).
    let made = Made()

    public init(strings: Strings) {
        self.strings = strings
    }

    /// The texts a formatter has made, by what it made them from: a handbook words the
    /// same few durations and dates in every sheet and table, and each took 10,000 to
    /// 14,000 instructions to word (parsing, plural forms, number formatting, filling the
    /// pattern; at 200 municipalities `duration` alone was 2% of the handbooks'
    /// instructions, issue 13). A text depends only on the formatter's strings and the
    /// value. Safe to share between threads.
    final class Made: @unchecked Sendable {
        enum Key: Hashable {
            case duration(String)
            case date(Day)
            case shortDate(Day)
        }

        private let lock = NSLock()
        private var texts: [Key: String] = [:]

        /// The text of `key`, made by `make` the first time.
        func text(_ key: Key, _ make: () -> String) -> String {
            if let text = lock.withLock({ texts[key] }) { return text }
            let text = make()
            lock.withLock { texts[key] = text }
            return text
        }

        /// How many texts are kept, for tests.
        var count: Int { lock.withLock { texts.count } }
    }

    // MARK: Numbers

    /// A number with at most `decimals` decimals (trailing zeros dropped unless
    /// `fixed`), the language's decimal separator and its digit grouping from
    /// `format.group_from` on: `8.750`, `0,3`; `8,750`, `0.3`. Negative numbers take the
    /// minus sign (U+2212); a value that is not finite is `–`.
    public func number(_ value: Double, decimals: Int = 2, fixed: Bool = false) -> String {
        guard value.isFinite else { return "–" }
        var scale = 1.0
        for _ in 0..<max(0, decimals) { scale *= 10 }
        let rounded = (abs(value) * scale).rounded()
        let whole = Int(rounded / scale)
        var fraction = Int(rounded - Double(whole) * scale)
        var width = max(0, decimals)
        while !fixed, width > 0, fraction % 10 == 0 { fraction /= 10; width -= 1 }
        var text = group(String(whole))
        if width > 0 {
            let digits = String(fraction)
            text += strings["format.decimal"] + String(repeating: "0", count: width - digits.count) + digits
        }
        return value < 0 && rounded != 0 ? "−" + text : text
    }

    /// A share of a full-time post (`fte`, written to the thousandth: 0 < n ≤ 1 in the
    /// staffing schema), with up to three decimals and no trailing zeros (`0,125`, `0,5`,
    /// `1`): rounded to two, an eighth of a post was printed 0,13 and a team's rows did not
    /// add up to its total (session 44's trial).
    public func fte(_ value: Double) -> String { number(value, decimals: 3) }

    /// A number as the command line's messages write it, in English whatever the model's
    /// languages: exactly `decimals` decimals after a point, no grouping, halves rounded
    /// away from zero (`0.30`, `1250.0`, `-1.5`). Not `String(format:)`, whose variadic arguments made the runtime search
    /// every protocol conformance of the program the first time each type was passed (1.5 ms
    /// on one core at the end of every build, issue 13).
    public static func plain(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<max(0, decimals) { scale *= 10 }
        // Past 10^15 units of the last decimal a Double has no exact digits left to show.
        guard value.isFinite, abs(value) * scale < 1e15 else { return "\(value)" }
        let rounded = (abs(value) * scale).rounded()
        let whole = (rounded / scale).rounded(.down)
        let digits = String(Int(rounded - whole * scale))
        let fraction = decimals > 0 ? "." + String(repeating: "0", count: decimals - digits.count) + digits : ""
        return (value < 0 && rounded != 0 ? "-" : "") + String(Int(whole)) + fraction
    }

    /// How many decimals `number(value, decimals:)` shows (for plural categories).
    public func fractionDigits(_ value: Double, decimals: Int = 2) -> Int {
        var scale = 1.0
        for _ in 0..<max(0, decimals) { scale *= 10 }
        var fraction = Int((abs(value) * scale).rounded()) % Int(scale)
        var width = max(0, decimals)
        while width > 0, fraction % 10 == 0 { fraction /= 10; width -= 1 }
        return width
    }

    private func group(_ digits: String) -> String {
        // Three digits or fewer are never grouped: answered before the words are looked up.
        guard digits.utf8.count > 3 else { return digits }
        let separator = strings["format.group"]
        let minimum = Int(strings["format.group_from"]) ?? 1000
        guard digits.count > 3, (Int(digits) ?? 0) >= minimum else { return digits }
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += separator }
            out.append(ch)
        }
        return out
    }

    /// An amount in euros: `1.800 €` / `€1,800`; an amount with cents shows both digits of
    /// them (`14.500,10 €`, not `14.500,1 €`).
    public func money(_ amount: Double) -> String {
        let cents = (abs(amount) * 100).rounded()
        let whole = cents.truncatingRemainder(dividingBy: 100) == 0
        return strings("format.euros", ["n": number(amount, decimals: 2, fixed: !whole)])
    }

    /// A percentage: `86 %` / `86%`.
    public func percent(_ value: Double) -> String { strings("format.percent", ["n": number(value, decimals: 1)]) }

    /// A size in kilobytes (1 KB = 1,024 bytes) with one decimal.
    public func kilobytes(_ bytes: Int) -> String {
        strings("format.kilobytes", ["n": number(Double(bytes) / 1024, decimals: 1)])
    }

    /// A value in an indicator's unit: `86 %`, `3,4 dies`, `12 hores`, `142`.
    public func measure(_ value: Double, unit: String?) -> String {
        measure(value, unit: unit, decimals: 1)
    }

    /// A value beside the target it is judged against (`target`: the target on the same
    /// period, nil without one), with as many decimals as it takes, up to 4 (then cut towards
    /// its side), for the value as shown to stand on the same side of the target as the
    /// value itself: 89.96 % against
    /// "at least 90 %" reads "89,96 %", not "90 %" next to "missed"; 7.96 against 8 reads
    /// "7,96", not "8" (session 35's trial). Otherwise `measure(_:unit:)`.
    public func measure(_ value: Double, unit: String?, against target: Double?) -> String {
        guard let target, unit != "euros", value.isFinite, target.isFinite else { return measure(value, unit: unit) }
        let side = { (v: Double) in v < target ? -1 : v > target ? 1 : 0 }
        var decimals = 1
        var scale = 10.0
        while decimals < 4, side((value * scale).rounded() / scale) != side(value) {
            decimals += 1
            scale *= 10
        }
        // Past 4 decimals, the value is cut towards its own side (89.99999 against 90 is
        // shown 89.9999, never 90).
        var shown = value
        if side((value * scale).rounded() / scale) != side(value) {
            shown = (side(value) < 0 ? (value * scale).rounded(.down) : (value * scale).rounded(.up)) / scale
        }
        return measure(shown, unit: unit, decimals: decimals)
    }

    /// `measure` with at most `decimals` decimals (trailing zeros dropped).
    private func measure(_ value: Double, unit: String?, decimals: Int) -> String {
        switch unit {
        case "percent": return strings("format.percent", ["n": number(value, decimals: decimals)])
        case "days": return count("duration.day", value, decimals: decimals)
        case "hours": return count("duration.hour", value, decimals: decimals)
        case "euros": return money(value)
        default: return number(value, decimals: decimals)
        }
    }

    /// The form of a plural key for `n`, with `{n}` written as a number: `1 servei
    /// opcional adoptat`, `no n'ha omès cap` (the `=0` form).
    public func count(_ key: String, _ n: Double, decimals: Int = 2, _ values: Placeholders = [:]) -> String {
        strings.count(key, n, formatted: number(n, decimals: decimals),
                      fractionDigits: fractionDigits(n, decimals: decimals), values)
    }

    public func count(_ key: String, _ n: Int, _ values: Placeholders = [:]) -> String {
        count(key, Double(n), decimals: 0, values)
    }

    // MARK: Dates and periods

    /// `13 d'abril de 2026` / `13 de abril de 2026` / `13 April 2026`.
    public func date(_ day: Day) -> String {
        made.text(.date(day)) {
            strings("format.date", ["d": String(day.day), "month": strings["month.of.\(day.month)"], "y": String(day.year)])
        }
    }

    /// A date written in the tree (`2026-04-13`), or the text as written when it is not one.
    public func date(_ text: String) -> String { Day(text).map(date) ?? text }

    /// The days from `start` to `end` (`YYYY-MM-DD` texts) as "5 de novembre de 2026 – 9 de
    /// novembre de 2026"; one date when both are the same day; a start alone as "a partir
    /// del 2 de novembre de 2026" (`date_from`) and an end alone as "fins al …" (`date_until`):
    /// a date alone read as the day an action in progress ended (session 45's trial).
    public func dateSpan(start: String?, end: String?) -> String {
        switch (start, end) {
        case let (start?, end?): return start == end ? date(start) : date(start) + " – " + date(end)
        case let (start?, nil): return strings("date_from", ["date": date(start)])
        case let (nil, end?): return strings("date_until", ["date": date(end)])
        case (nil, nil): return ""
        }
    }

    /// A place's latitude and longitude in degrees, four decimals each, as the strings
    /// write them (`coordinates_value`: "41,4140° N, 2,0160° E"; every office is in
    /// Catalonia, north of the equator and east of Greenwich).
    public func coordinates(lat: Double, lon: Double) -> String {
        strings("coordinates_value", ["lat": number(lat, decimals: 4, fixed: true), "lon": number(lon, decimals: 4, fixed: true)])
    }

    /// A postal address as its lines: the street, then the postal code and the town on one
    /// line ("08980 Sant Feliu de Llobregat", as Spanish and Catalan post writes it, with no
    /// comma between them); a part not given is left out. Each part keeps its directional
    /// controls inside it (`BidiControls`), so that a street cannot turn the postal code
    /// after it around.
    public func addressLines(street: String?, postalCode: String?, locality: String?) -> [String] {
        let town = [postalCode, locality].compactMap { $0 }.filter { !$0.isEmpty }.map(BidiControls.balanced).joined(separator: " ")
        return [street.map(BidiControls.balanced) ?? "", town].filter { !$0.isEmpty }
    }

    /// When an agreement was signed, as of `day`: its date, or "to be signed on" its date
    /// when that is after `day` (the agreement is not signed yet: its state says so too),
    /// or `none` when it gives no date.
    public func signing(_ signedOn: Day?, asOf day: Day, none: String) -> String {
        guard let signedOn else { return none }
        return signedOn > day ? strings("agreement_signing_planned", ["date": date(signedOn)]) : date(signedOn)
    }

    /// The extension of an agreement, as of `day`: "extended on" the day the parties
    /// agreed it (Llei 40/2015, art. 49.h.2), "extension planned for" that day when it is
    /// after `day`; agreed after the first term had ended, and so extending nothing,
    /// "extension agreed on" that day "after it had ended" (or "planned for" it, "after it
    /// ends"); empty when it was not extended.
    public func extensionNote(_ end: AgreementEnd?, asOf day: Day) -> String {
        guard let end, let extendedOn = end.extendedOn else { return "" }
        let key = end.late ? (extendedOn > day ? "agreement_extension_late_planned" : "agreement_extension_late")
            : extendedOn > day ? "agreement_extension_planned" : "agreement_extended"
        return strings(key, ["date": date(extendedOn)])
    }

    /// An agreement's last day in force with its extension after it, in brackets, when it
    /// has one (`extensionNote`); empty when it gives no end.
    public func validity(_ end: AgreementEnd?, asOf day: Day) -> String {
        guard let end else { return "" }
        let note = extensionNote(end, asOf: day)
        return note.isEmpty ? date(end.day) : "\(date(end.day)) (\(note))"
    }

    /// `13/04/2026` / `13 Apr 2026`, for tables.
    public func shortDate(_ day: Day) -> String {
        made.text(.shortDate(day)) {
            strings("format.short_date", ["d": String(day.day), "dd": twoDigits(day.day), "mm": twoDigits(day.month),
                                          "mon": strings["month.short.\(day.month)"], "y": String(day.year)])
        }
    }

    /// `abril de 2026` / `April 2026`.
    public func month(year: Int, month: Int) -> String {
        strings("format.month", ["month": strings["month.name.\(month)"], "y": String(year)])
    }

    /// A quarter: `3r trimestre de 2026` / `Q3 2026`; `short`: `T3 2026` / `Q3 2026`.
    public func quarter(_ q: Quarter, short: Bool = false) -> String {
        short ? strings("format.quarter_short", ["q": String(q.quarter), "y": String(q.year)])
              : strings("format.quarter", ["quarter": strings["quarter.\(q.quarter)"], "y": String(q.year)])
    }

    /// The note of a quarter an office opened during, under a table of its results: "3r
    /// trimestre de 2026: l'oficina va obrir el 13 d'abril de 2026; l'objectiu de cada
    /// recompte és el dels 79 dies que va estar oberta, dels 91 del trimestre."
    /// (`EffectiveTarget.share`.) Nil for a quarter the office was open all of.
    /// `office`: the office's name, for a table of several offices' values (the progress
    /// and indicator pages' charts).
    public func partialQuarterNote(_ q: Quarter, opening: Day?, office: String? = nil) -> String? {
        guard let open = q.openDays(from: opening), let opening else { return nil }
        var words: Placeholders = ["quarter": quarter(q), "date": date(opening), "open": String(open), "days": String(q.days)]
        if let office { words = words.adding("office", office) }
        return strings(office == nil ? "partial_quarter_note" : "partial_quarter_office_note", words)
    }

    private func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    // MARK: Durations

    /// An ISO 8601 duration in words: `P2D` → `2 dies`, `PT1H30M` → `1 hora i 30
    /// minuts`. Text that is not a duration is returned as written.
    public func duration(_ iso: String) -> String {
        func worded() -> String {
            guard let parts = ISODuration(iso)?.parts.filter({ $0.amount != 0 }) else { return iso }
            return list(parts.map { count("duration.\($0.unit)", $0.amount) })
        }
        // A duration is ASCII. Other text comes back as written and is not kept: `String`
        // keys take two normalizations of one text for one key, and the first one's bytes
        // would come back for the second.
        guard iso.utf8.allSatisfy({ $0 < 0x80 }) else { return worded() }
        return made.text(.duration(iso), worded)
    }

    // MARK: Lists

    /// Joins phrases as the language does: `a, b i c` / `a, b y c` / `a, b and c`.
    public func list(_ items: [String]) -> String {
        zip(items, separators(items.count)).map { $0 + $1 }.joined()
    }

    /// What follows each of `count` items of a list (`, `, then the language's `and`
    /// before the last, nothing after it), for a template that writes the items itself.
    public func separators(_ count: Int) -> [String] {
        (0..<max(0, count)).map { i in i == count - 1 ? "" : i == count - 2 ? strings["format.and"] : ", " }
    }

    /// Weekdays (`mo`…`su`) as the language says them: `de dilluns a divendres` for a run
    /// of three or more, else a list (`dimarts i dijous`).
    public func weekdays(_ days: [String]) -> String {
        let order = ["mo", "tu", "we", "th", "fr", "sa", "su"]
        let indices = days.compactMap { order.firstIndex(of: $0) }.sorted()
        guard let first = indices.first, let last = indices.last else { return "" }
        if indices.count >= 3, last - first + 1 == indices.count {
            return strings("days.range", ["from": strings["day.\(order[first])"], "to": strings["day.\(order[last])"]])
        }
        return list(indices.map { strings["day.\(order[$0])"] })
    }

    /// The text with its first letter in upper case, for labels (`Persones emprenedores`).
    public func label(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// A label that names a common noun (a field: `Canals`, `Base legal`) as it reads
    /// inside a sentence: `(canals)`, `(base legal)`. Catalan, Spanish and English write
    /// common nouns in lower case there; German capitalises every noun, so a German label
    /// stays as it is. A first word in capitals (`IAE`, `CIRCE`: an abbreviation or a
    /// proper name written so) is kept; a label that starts with a proper name in mixed case
    /// is not a common noun and does not come here.
    public func inSentence(_ label: String) -> String {
        guard language != "de", let first = label.first, first.isUppercase else { return label }
        let second = label.dropFirst().first
        if let second, second.isUppercase { return label }
        return first.lowercased() + label.dropFirst()
    }
}
