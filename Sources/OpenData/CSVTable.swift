import Loading

/// A table written as CSV by RFC 4180: a header line, then one line per record, each line
/// ending with CRLF; a field holding a comma, a quote or a line break is quoted, with its
/// quotes doubled. The text is UTF-8 without a byte order mark.
///
/// A cell a spreadsheet would read as a formula (one starting with `=`, `+`, `-`, `@`, a
/// tab or a carriage return) is neutralised as OWASP recommends against CSV injection:
/// a single quote is put before it and the cell is quoted. A plain decimal number
/// (`-2.5`) and a telephone number in international format (`+34 935 000 202`: a `+`, then
/// digits, spaces, `(`, `)`, `.` or `-`) are data that can call nothing, and are written as
/// they are: programs read the CSV (people the ODS), and a quote before a telephone number
/// made it another value for them (session 38's trial).
public struct CSVTable: Sendable, Equatable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The CSV text as UTF-8 bytes, written field by field into one buffer.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 * (rows.count + 1))
        func line(_ record: [String]) {
            for (i, field) in record.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                CSVTable.append(field, to: &out)
            }
            out.append(UInt8(ascii: "\r"))
            out.append(UInt8(ascii: "\n"))
        }
        line(header)
        rows.forEach(line)
        return out
    }

    static func field(_ s: String) -> String {
        var out: [UInt8] = []
        append(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends a field as CSV writes it: as it is, or quoted (behind a single quote when a
    /// spreadsheet could take it for a formula) with its quotes doubled. Its UTF-8 bytes are
    /// looked at, not its characters: a comma, quote or line break is one byte.
    static func append(_ s: String, to out: inout [UInt8]) {
        var s = s
        let formula = isFormulaLike(s)
        s.withUTF8 { b in
            let special = { (c: UInt8) in
                c == UInt8(ascii: ",") || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\r") || c == UInt8(ascii: "\n")
            }
            guard formula || b.contains(where: special) else { return out.append(contentsOf: b) }
            out.append(UInt8(ascii: "\""))
            if formula { out.append(UInt8(ascii: "'")) }
            for c in b {
                out.append(c)
                if c == UInt8(ascii: "\"") { out.append(c) }
            }
            out.append(UInt8(ascii: "\""))
        }
    }

    /// Whether a spreadsheet could take the cell for a formula: its first scalar is one of
    /// `= + - @`, a tab or a carriage return, and it is not a plain decimal number or a
    /// telephone number.
    static func isFormulaLike(_ s: String) -> Bool {
        guard let first = s.utf8.first, "=+-@\t\r".utf8.contains(first) else { return false }
        return !isPlainNumber(s) && !isTelephoneNumber(s)
    }

    /// `+34 935 000 202`, `+34 (93) 500-02-02`: a `+`, then at least one digit among digits,
    /// spaces, parentheses, dots and hyphens; nothing else.
    private static func isTelephoneNumber(_ s: String) -> Bool {
        let rest = s.utf8.dropFirst()
        return s.utf8.first == UInt8(ascii: "+") && rest.contains { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            && rest.allSatisfy { ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || " ().-".utf8.contains($0) }
    }

    /// `-12`, `-0.5`: an optional minus, digits, and optional decimals; nothing else.
    private static func isPlainNumber(_ s: String) -> Bool {
        var rest = Substring(s)
        if rest.first == "-" { rest = rest.dropFirst() }
        let parts = rest.split(ascii: ".", maxSplits: 1, omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// A number as CSV writes it: `142`, `2.8` (a point, no thousands separator).
    public static func number(_ d: Double) -> String {
        guard d.isFinite else { return "" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
        return String(d)
    }
}
