import Model

/// Numbers, amounts, dates and durations written the way a reader of the language
/// expects them: "2 dies", "1 hora i 30 minuts", "13 d'abril de 2026", "8.750 €".
public struct HumaneFormat: Sendable {
    public let words: Wording

    public init(words: Wording) {
        self.words = words
    }

    // MARK: Numbers

    /// A number with at most `decimals` decimals, trailing zeros dropped, and the
    /// language's decimal and grouping separators (`8.750`, `0,3`; `8,750`, `0.3`).
    public func number(_ value: Double, decimals: Int = 2) -> String {
        let negative = value < 0
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (abs(value) * scale).rounded()
        let whole = Int(rounded / scale)
        var fraction = Int(rounded - Double(whole) * scale)
        var fractionDigits = decimals
        while fractionDigits > 0, fraction % 10 == 0 { fraction /= 10; fractionDigits -= 1 }
        var text = group(String(whole))
        if fractionDigits > 0 {
            let digits = String(fraction)
            text += words["format.decimal"] + String(repeating: "0", count: fractionDigits - digits.count) + digits
        }
        return negative && rounded != 0 ? "−" + text : text
    }

    private func group(_ digits: String) -> String {
        let separator = words["format.group"]
        let minimum = Int(words["format.group_from"]) ?? 1000
        guard digits.count > 3, (Int(digits) ?? 0) >= minimum else { return digits }
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += separator }
            out.append(ch)
        }
        return out
    }

    /// An amount in euros: `8.750 €` / `€8,750`.
    public func euros(_ value: Double) -> String {
        words("format.euros", ["n": number(value)])
    }

    /// A value in an indicator's unit: `86 %`, `3,4 dies`, `8,6`.
    public func value(_ value: Double, unit: String?) -> String {
        let n = number(value, decimals: 1)
        switch unit {
        case "percent": return words("format.percent", ["n": n])
        case "days": return words.count("duration.day", value, formatted: n)
        case "hours": return words.count("duration.hour", value, formatted: n)
        default: return n
        }
    }

    // MARK: Dates

    /// `13 d'abril de 2026` / `13 de abril de 2026` / `13 April 2026`.
    public func date(_ day: Day) -> String {
        words("format.date", ["d": String(day.day), "month": words["month.of.\(day.month)"], "y": String(day.year)])
    }

    /// A date written in the tree (`2026-04-13`), or the text as written when it is not one.
    public func date(_ text: String) -> String {
        Day(text).map(date) ?? text
    }

    /// `abril de 2026` / `April 2026`, for calendar headings.
    public func month(year: Int, month: Int) -> String {
        words("format.month", ["month": words["month.name.\(month)"], "y": String(year)])
    }

    /// A short date for tables: `13/04/2026` / `13 Apr 2026`.
    public func shortDate(_ day: Day) -> String {
        words("format.short_date", ["d": String(day.day), "dd": twoDigits(day.day), "mm": twoDigits(day.month),
                                    "mon": words["month.short.\(day.month)"], "y": String(day.year)])
    }

    private func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    // MARK: Durations

    /// An ISO 8601 duration in words: `P2D` → `2 dies`, `PT1H30M` → `1 hora i 30 minuts`.
    /// Text that is not a duration is returned as written.
    public func duration(_ iso: String) -> String {
        guard let parts = ISODuration(iso)?.parts.filter({ $0.amount != 0 }) else { return iso }
        let phrases = parts.map { words.count("duration.\($0.unit)", $0.amount, formatted: number($0.amount)) }
        return list(phrases)
    }

    /// Joins phrases as the language does: `a, b i c` / `a, b y c` / `a, b and c`.
    public func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default:
            return items.dropLast().joined(separator: ", ") + words["format.and"] + items[items.count - 1]
        }
    }

}
