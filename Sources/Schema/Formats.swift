import Loading

/// The `format` values oae asserts: `date` and `time` (RFC 3339), `duration` (ISO 8601
/// as in RFC 3339 appendix A), `email` (RFC 5321 mailbox) and `uri` (RFC 3986 absolute
/// URI). Other formats are annotations only, as the specification allows.
enum Format: String, Sendable, CaseIterable {
    case date, time, duration, email, uri

    /// Whether `text` is valid in this format.
    func accepts(_ text: String) -> Bool {
        let b = Array(text.utf8)
        switch self {
        case .date: return Formats.isDate(b)
        case .time: return Formats.isTime(b)
        case .duration: return Formats.isDuration(b)
        case .email: return Formats.isEmail(b)
        case .uri: return URISyntax.isAbsoluteURI(b)
        }
    }

    /// What the format looks like, for messages: `a date (YYYY-MM-DD)`.
    var expectation: String {
        switch self {
        case .date: return "a date (YYYY-MM-DD)"
        case .time: return "a time with its time zone (HH:MM:SS followed by Z or +01:00)"
        case .duration: return "an ISO 8601 duration (such as PT45M, P2D or P1W)"
        case .email: return "an email address"
        case .uri: return "an absolute URI (such as https://example.org/page)"
        }
    }
}

/// Checkers over UTF-8 bytes: only ASCII digits count as digits.
public enum Formats {
    static func digit(_ c: UInt8) -> Int? { c >= 48 && c <= 57 ? Int(c - 48) : nil }

    /// `n` ASCII digits at `b[i...]` as a number.
    static func number(_ b: [UInt8], _ i: Int, _ n: Int) -> Int? {
        guard i + n <= b.count else { return nil }
        var v = 0
        for k in i..<(i + n) {
            guard let d = digit(b[k]) else { return nil }
            v = v * 10 + d
        }
        return v
    }

    /// RFC 3339 full-date: `YYYY-MM-DD` with a real day of the month.
    static func isDate(_ b: [UInt8]) -> Bool {
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              let year = number(b, 0, 4), let month = number(b, 5, 2), let day = number(b, 8, 2) else { return false }
        guard (1...12).contains(month), day >= 1 else { return false }
        return day <= daysIn(month: month, year: year)
    }

    /// Why a text of the date's form (`YYYY-MM-DD`, digits where digits go) is not a day of
    /// the calendar (`2027-02-30`: "February 2027 has 28 days"); nil when it is one, or not
    /// of that form.
    public static func impossibleDay(_ b: [UInt8]) -> String? {
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              let year = number(b, 0, 4), let month = number(b, 5, 2), let day = number(b, 8, 2) else { return nil }
        guard (1...12).contains(month) else { return "a year has 12 months, and \(String(decoding: b[5..<7], as: UTF8.self)) is not one" }
        let days = daysIn(month: month, year: year)
        guard day < 1 || day > days else { return nil }
        return "\(monthNames[month - 1]) \(year) has \(days) days"
    }

    /// The day a writer most likely meant by a text `impossibleDay` refuses: the day and the
    /// month swapped when that makes a day (`2026-30-09`: 2026-09-30), else the month's last
    /// day (`2026-11-31`: 2026-11-30); nil otherwise.
    public static func likelyDay(_ b: [UInt8]) -> String? {
        guard impossibleDay(b) != nil, let year = number(b, 0, 4), let month = number(b, 5, 2), let day = number(b, 8, 2) else { return nil }
        let yyyy = String(decoding: b[0..<4], as: UTF8.self)
        func text(_ m: Int, _ d: Int) -> String { "\(yyyy)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)" }
        if !(1...12).contains(month) {
            guard (1...12).contains(day), month >= 1, month <= daysIn(month: day, year: year) else { return nil }
            return "if the month and the day are swapped, write \(text(day, month)) (year, month, day)"
        }
        let last = daysIn(month: month, year: year)
        guard day > last else { return nil }
        return "the last day of \(monthNames[month - 1]) \(year) is \(text(month, last)); correct the day"
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// RFC 3339 full-time: `HH:MM:SS[.frac](Z|+HH:MM|-HH:MM)`; a leap second only at
    /// 23:59 UTC.
    static func isTime(_ b: [UInt8]) -> Bool {
        guard b.count >= 9, b[2] == UInt8(ascii: ":"), b[5] == UInt8(ascii: ":"),
              let hour = number(b, 0, 2), let minute = number(b, 3, 2), let second = number(b, 6, 2) else { return false }
        guard hour <= 23, minute <= 59, second <= 60 else { return false }
        var i = 8
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < b.count, digit(b[i]) != nil { i += 1 }
            if i == start { return false }
        }
        guard i < b.count else { return false }
        var offsetMinutes = 0
        switch b[i] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard i + 1 == b.count else { return false }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard i + 6 == b.count, b[i + 3] == UInt8(ascii: ":"),
                  let oh = number(b, i + 1, 2), let om = number(b, i + 4, 2), oh <= 23, om <= 59 else { return false }
            offsetMinutes = (oh * 60 + om) * (b[i] == UInt8(ascii: "+") ? 1 : -1)
        default:
            return false
        }
        if second == 60 {
            let utc = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
            return utc == 23 * 60 + 59
        }
        return true
    }

    /// RFC 3339 appendix A duration: `P` then date parts (Y, M, D in order, no gaps
    /// between Y and D), an optional `T` with time parts (H, M, S, no gaps), or weeks alone.
    static func isDuration(_ b: [UInt8]) -> Bool {
        guard b.first == UInt8(ascii: "P"), b.count > 1 else { return false }
        // Split into (digits, unit) elements, remembering where T was.
        var i = 1
        var dateUnits: [UInt8] = []
        var timeUnits: [UInt8] = []
        var inTime = false
        while i < b.count {
            if b[i] == UInt8(ascii: "T") {
                if inTime { return false }
                inTime = true
                i += 1
                continue
            }
            let start = i
            while i < b.count, digit(b[i]) != nil { i += 1 }
            guard i > start, i < b.count else { return false }
            if inTime { timeUnits.append(b[i]) } else { dateUnits.append(b[i]) }
            i += 1
        }
        if inTime && timeUnits.isEmpty { return false }
        if dateUnits.isEmpty && timeUnits.isEmpty { return false }
        if dateUnits == [UInt8(ascii: "W")] { return timeUnits.isEmpty }
        return isRun(dateUnits, of: Array("YMD".utf8)) && isRun(timeUnits, of: Array("HMS".utf8))
    }

    /// Whether `units` is empty or a contiguous run of `order` (Y, YM, YMD, M, MD, D).
    static func isRun(_ units: [UInt8], of order: [UInt8]) -> Bool {
        if units.isEmpty { return true }
        guard let first = order.firstIndex(of: units[0]), first + units.count <= order.count else { return false }
        return Array(order[first..<(first + units.count)]) == units
    }

    /// RFC 5321 mailbox: a dot-string or quoted local part, `@`, and a domain name or an
    /// address literal (`[127.0.0.1]`, `[IPv6:::1]`).
    static func isEmail(_ b: [UInt8]) -> Bool {
        guard let at = b.lastIndex(of: UInt8(ascii: "@")), at > 0, at < b.count - 1 else { return false }
        let local = Array(b[..<at]), domain = Array(b[(at + 1)...])
        return isLocalPart(local) && isMailDomain(domain)
    }

    static func isLocalPart(_ b: [UInt8]) -> Bool {
        if b.first == UInt8(ascii: "\""), b.count >= 2, b.last == UInt8(ascii: "\"") {
            var i = 1
            while i < b.count - 1 {
                let c = b[i]
                if c == UInt8(ascii: "\\") {
                    guard i + 1 < b.count - 1, b[i + 1] >= 32, b[i + 1] <= 126 else { return false }
                    i += 2
                    continue
                }
                guard c >= 32, c <= 126, c != UInt8(ascii: "\"") else { return false }
                i += 1
            }
            return true
        }
        let atoms = b.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return atoms.allSatisfy { atom in !atom.isEmpty && atom.allSatisfy(isAtext) }
    }

    static func isAtext(_ c: UInt8) -> Bool {
        if c >= 128 { return false }
        let s = Unicode.Scalar(c)
        return s.isASCIILetter || s.isASCIIDigit || "!#$%&'*+-/=?^_`{|}~".unicodeScalars.contains(s)
    }

    static func isMailDomain(_ b: [UInt8]) -> Bool {
        if b.first == UInt8(ascii: "["), b.last == UInt8(ascii: "]") {
            let inner = Array(b.dropFirst().dropLast())
            let prefix = Array("IPv6:".utf8)
            if inner.starts(with: prefix) { return IPAddress.isIPv6(Array(inner.dropFirst(prefix.count))) }
            return IPAddress.isIPv4(inner)
        }
        return isHostname(b)
    }

    /// Labels of letters, digits and inner hyphens, separated by dots.
    static func isHostname(_ b: [UInt8]) -> Bool {
        guard !b.isEmpty, b.count <= 253 else { return false }
        return b.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).allSatisfy { label in
            guard !label.isEmpty, label.count <= 63, label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-") else { return false }
            return label.allSatisfy { c in
                c < 128 && (Unicode.Scalar(c).isASCIILetter || Unicode.Scalar(c).isASCIIDigit || c == UInt8(ascii: "-"))
            }
        }
    }
}

/// IPv4 and IPv6 address syntax (RFC 3986 section 3.2.2).
enum IPAddress {
    /// Four decimal octets 0-255 without leading zeros.
    static func isIPv4(_ b: [UInt8]) -> Bool {
        let parts = b.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        return parts.allSatisfy { part in
            guard !part.isEmpty, part.count <= 3, part.allSatisfy({ Formats.digit($0) != nil }) else { return false }
            if part.count > 1 && part.first == UInt8(ascii: "0") { return false }
            return (Formats.number(Array(part), 0, part.count) ?? 999) <= 255
        }
    }

    /// Eight groups of one to four hex digits, `::` once for a run of zero groups, and
    /// an IPv4 address in place of the last two groups.
    static func isIPv6(_ b: [UInt8]) -> Bool {
        guard !b.isEmpty else { return false }
        let text = String(decoding: b, as: UTF8.self)
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return false }
        func groups(_ s: String) -> [Substring] { s.isEmpty ? [] : s.split(ascii: ":", omittingEmptySubsequences: false) }
        let head = groups(halves[0])
        let tail = halves.count == 2 ? groups(halves[1]) : []
        var all = head + tail
        var count = 0
        if let last = all.last, last.contains(".") {
            guard isIPv4(Array(last.utf8)) else { return false }
            all.removeLast()
            count += 2
        }
        for g in all {
            guard (1...4).contains(g.count), g.unicodeScalars.allSatisfy({ $0.isASCII && PercentDecoding.hexValue(UInt8($0.value)) != nil }) else { return false }
            count += 1
        }
        return halves.count == 2 ? count <= 7 : count == 8
    }
}

private extension String {
    func components(separatedBy separator: String) -> [String] {
        split(separator: separator, omittingEmptySubsequences: false).map(String.init)
    }
}
