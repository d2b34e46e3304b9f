import Loading

/// A calendar day (`2026-04-13`), compared and counted without time zones.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; nil for anything else or an impossible date.
    public init?(_ text: String) {
        // `YYYY-MM-DD` in ASCII digits, read from its bytes: the outputs parse dates by
        // the thousand. Anything else takes the reading below, which decides.
        if text.utf8.count == 10, let (y, m, d) = Day.digits(text.utf8) {
            guard (1...12).contains(m), d >= 1, d <= Day.daysIn(month: m, year: y) else { return nil }
            self.init(year: y, month: m, day: d)
            return
        }
        let parts = text.split(ascii: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), d >= 1, d <= Day.daysIn(month: m, year: y) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The year, month and day of `dddd-dd-dd` (ASCII digits), else nil.
    private static func digits(_ bytes: String.UTF8View) -> (Int, Int, Int)? {
        var values = (0, 0, 0)
        var i = 0
        for byte in bytes {
            switch i {
            case 4, 7:
                guard byte == UInt8(ascii: "-") else { return nil }
            default:
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                let digit = Int(byte - UInt8(ascii: "0"))
                if i < 4 { values.0 = values.0 * 10 + digit } else if i < 7 { values.1 = values.1 * 10 + digit } else { values.2 = values.2 * 10 + digit }
            }
            i += 1
        }
        return i == 10 ? values : nil
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (the civil-from-days algorithm).
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init(ordinal: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// The day of a Unix timestamp (UTC).
    public init(unixSeconds: Int) {
        self.init(ordinal: unixSeconds >= 0 ? unixSeconds / 86_400 : (unixSeconds - 86_399) / 86_400)
    }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    /// The same day `years` later; 29 February becomes 28 February in a year that has none.
    public func adding(years: Int) -> Day {
        let y = year + years
        return Day(year: y, month: month, day: min(day, Day.daysIn(month: month, year: y)))
    }

    /// The same day `months` months later, 31 becoming the last day of a shorter month.
    public func adding(months: Int) -> Day {
        let y = year + (month - 1 + months) / 12, m = (month - 1 + months) % 12 + 1
        return Day(year: y, month: m, day: min(day, Day.daysIn(month: m, year: y)))
    }

    /// The length of a term that starts on `self` and ends on `last`, in whole months
    /// (counted as `adding(months:)` does) and the days left over: 2025-06-02 to 2029-12-31
    /// is 54 months and 30 days; 2025-03-31 to 2029-04-29 is 49 months (a month after
    /// 2029-03-31 is 2029-04-30, the day after the end).
    public func months(through last: Day) -> (months: Int, days: Int) {
        let end = Day(ordinal: last.ordinal + 1)
        var months = max(0, (end.year - year) * 12 + end.month - month)
        while months > 0, end < adding(months: months) { months -= 1 }
        return (months, end.ordinal - adding(months: months).ordinal)
    }

    public var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        // ISO 8601 writes the year in four digits: year 1 is "0001".
        let y = (0..<1000).contains(year) ? String(repeating: "0", count: 4 - String(year).count) + String(year) : "\(year)"
        return "\(y)-\(m)-\(d)"
    }

    public var quarter: Quarter { Quarter(year: year, quarter: (month - 1) / 3 + 1) }
}

/// A quarter of a year, as progress reports count time.
public struct Quarter: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var quarter: Int

    public init(year: Int, quarter: Int) {
        self.year = year
        self.quarter = quarter
    }

    public var firstDay: Day { Day(year: year, month: (quarter - 1) * 3 + 1, day: 1) }
    public var lastDay: Day {
        let m = quarter * 3
        return Day(year: year, month: m, day: Day.daysIn(month: m, year: year))
    }
    public var next: Quarter { quarter == 4 ? Quarter(year: year + 1, quarter: 1) : Quarter(year: year, quarter: quarter + 1) }

    /// The days of the quarter (90 to 92).
    public var days: Int { lastDay.ordinal - firstDay.ordinal + 1 }

    /// The days of the quarter an office that opened on `opening` was open, when it opened
    /// during the quarter (after its first day); nil for a quarter it was open all of (or
    /// none of, or an office without an opening date).
    public func openDays(from opening: Day?) -> Int? {
        guard let opening, opening > firstDay, opening <= lastDay else { return nil }
        return lastDay.ordinal - opening.ordinal + 1
    }

    public static func < (a: Quarter, b: Quarter) -> Bool { (a.year, a.quarter) < (b.year, b.quarter) }

    /// The report id of the quarter (`2026-q3`).
    public var id: String { "\(year)-q\(quarter)" }

    /// The quarter of a report id (`2026-q3`), or nil.
    public init?(id: String) {
        let parts = id.split(ascii: "-")
        guard parts.count == 2, let year = Int(parts[0]), parts[1].first == "q",
              let quarter = Int(parts[1].dropFirst()), (1...4).contains(quarter) else { return nil }
        self.init(year: year, quarter: quarter)
    }
    public var description: String { "\(year) Q\(quarter)" }

    /// The quarters from the one the office opened in whose last day is more than `grace`
    /// days before `asOf`: those whose report is past its due date (with no grace, due on
    /// the quarter's last day and missing from the day after).
    public static func finished(since opening: Day, asOf: Day, grace: Int = 0) -> [Quarter] {
        var out: [Quarter] = []
        var q = opening.quarter
        while q.lastDay.ordinal + grace < asOf.ordinal {
            out.append(q)
            q = q.next
        }
        return out
    }
}

/// An ISO 8601 duration (`P2D`, `PT45M`, `P1M`, `P1W`), compared by an approximate length
/// in seconds (a month counts 30 days, a year 365).
public struct ISODuration: Comparable, Sendable {
    public var seconds: Double
    public var text: String
    /// The units in the order written (`PT1H30M` → hour 1, minute 30): `year`, `month`,
    /// `week`, `day`, `hour`, `minute`, `second`.
    public var parts: [(unit: String, amount: Double)]

    public init?(_ text: String) {
        var s = Substring(text)
        guard s.first == "P", s.count > 1 else { return nil }
        s = s.dropFirst()
        var total = 0.0
        var parts: [(unit: String, amount: Double)] = []
        var inTime = false
        var number = ""
        var sawUnit = false
        for ch in s {
            if ch == "T" {
                guard !inTime, number.isEmpty else { return nil }
                inTime = true
                continue
            }
            if ch.isNumber || ch == "." || ch == "," { number.append(ch == "," ? "." : ch); continue }
            guard let n = Double(number) else { return nil }
            number = ""
            sawUnit = true
            let unit: String
            switch (ch, inTime) {
            case ("Y", false): total += n * 365 * 86_400; unit = "year"
            case ("M", false): total += n * 30 * 86_400; unit = "month"
            case ("W", false): total += n * 7 * 86_400; unit = "week"
            case ("D", false): total += n * 86_400; unit = "day"
            case ("H", true): total += n * 3_600; unit = "hour"
            case ("M", true): total += n * 60; unit = "minute"
            case ("S", true): total += n; unit = "second"
            default: return nil
            }
            parts.append((unit, n))
        }
        guard number.isEmpty, sawUnit else { return nil }
        seconds = total
        self.text = text
        self.parts = parts
    }

    public static func < (a: ISODuration, b: ISODuration) -> Bool { a.seconds < b.seconds }
    public static func == (a: ISODuration, b: ISODuration) -> Bool { a.seconds == b.seconds }
}
