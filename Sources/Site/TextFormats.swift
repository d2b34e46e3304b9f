import Model
import Rendering

/// Numbers, dates and durations written the way each language writes them. The words
/// come from the site's UI strings, so that a language is added without Swift.
public struct TextFormats: Sendable {
    let ui: UIStrings

    public init(ui: UIStrings) {
        self.ui = ui
    }

    /// A number with at most `decimals` decimals (trailing zeros dropped) and the
    /// language's decimal separator: `2,8` in Catalan, `2.8` in English.
    public func number(_ value: Double, decimals: Int = 2, fixed: Bool = false) -> String {
        TextFormats.number(value, decimals: decimals, separator: ui["format_decimal_separator"], fixed: fixed)
    }

    /// `fixed` keeps every decimal (`41.4140`); otherwise trailing zeros are dropped.
    public static func number(_ value: Double, decimals: Int = 2, separator: String = ".", fixed: Bool = false) -> String {
        guard value.isFinite else { return "–" }
        var scale = 1
        for _ in 0..<max(0, decimals) { scale *= 10 }
        let scaled = Int((abs(value) * Double(scale)).rounded())
        let whole = scaled / scale
        var fraction = scaled % scale
        var width = max(0, decimals)
        while !fixed, width > 0, fraction % 10 == 0 {
            fraction /= 10
            width -= 1
        }
        var digits = ""
        if width > 0 {
            let s = String(fraction)
            digits = separator + String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return (value < 0 && scaled > 0 ? "-" : "") + String(whole) + digits
    }

    /// A day written out: `13 d'abril de 2026`, `13 April 2026`.
    public func date(_ day: Day) -> String {
        ui["format_date"]
            .replacingOccurrences(of: "{day}", with: String(day.day))
            .replacingOccurrences(of: "{month}", with: ui["month_\(day.month)"])
            .replacingOccurrences(of: "{year}", with: String(day.year))
    }

    /// A date written as text in YAML (`2026-04-13`), or the text itself when it is not one.
    public func date(_ text: String?) -> String {
        guard let text else { return "" }
        return Day(text).map(date) ?? text
    }

    /// A quarter: `2026 T3` / `2026 Q3`.
    public func quarter(_ q: Quarter) -> String {
        ui["format_quarter"].replacingOccurrences(of: "{year}", with: String(q.year))
            .replacingOccurrences(of: "{quarter}", with: String(q.quarter))
    }

    /// An ISO 8601 duration in words: `PT1H30M` → `1 h 30 min`, `P2D` → `2 dies`.
    public func duration(_ iso: String) -> String {
        guard let parts = ISODuration(iso)?.parts else { return iso }
        var out: [String] = []
        for (unit, amount) in parts {
            let n = number(amount)
            let key = "duration_\(unit)_" + (amount == 1 ? "one" : "other")
            out.append(ui[key].replacingOccurrences(of: "{n}", with: n))
        }
        return out.joined(separator: " ")
    }


    /// A value in an indicator's unit: `91 %`, `2,8 dies`, `142`.
    public func measure(_ value: Double, unit: String) -> String {
        let n = number(value)
        switch unit {
        case "percent": return ui["measure_percent"].replacingOccurrences(of: "{n}", with: n)
        case "days": return ui[value == 1 ? "measure_days_one" : "measure_days_other"].replacingOccurrences(of: "{n}", with: n)
        case "hours": return ui[value == 1 ? "measure_hours_one" : "measure_hours_other"].replacingOccurrences(of: "{n}", with: n)
        default: return n
        }
    }

    /// A file size in kilobytes (1 KB = 1,024 bytes), with one decimal.
    public func kilobytes(_ bytes: Int) -> String {
        ui["measure_kb"].replacingOccurrences(of: "{n}", with: number(Double(bytes) / 1024, decimals: 1))
    }

    /// An amount in euros.
    public func euros(_ amount: Double) -> String {
        ui["measure_euros"].replacingOccurrences(of: "{n}", with: number(amount))
    }
}
