/// A table written as CSV by RFC 4180: a header line, then one line per record, each line
/// ending with CRLF; a field holding a comma, a quote or a line break is quoted, with its
/// quotes doubled. The text is UTF-8 without a byte order mark.
///
/// A cell a spreadsheet would read as a formula (one starting with `=`, `+`, `-`, `@`, a
/// tab or a carriage return) is neutralised as OWASP recommends against CSV injection:
/// a single quote is put before it and the cell is quoted. A plain decimal number
/// (`-2.5`) is data, not a formula, and is written as it is.
public struct CSVTable: Sendable, Equatable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    public var text: String {
        ([header] + rows).map { $0.map(CSVTable.field).joined(separator: ",") + "\r\n" }.joined()
    }

    static func field(_ s: String) -> String {
        if isFormulaLike(s) { return "\"'" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Whether a spreadsheet could take the cell for a formula: its first scalar is one of
    /// `= + - @`, a tab or a carriage return, and it is not a plain decimal number.
    static func isFormulaLike(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return false }
        return !isPlainNumber(s)
    }

    /// `-12`, `-0.5`: an optional minus, digits, and optional decimals; nothing else.
    private static func isPlainNumber(_ s: String) -> Bool {
        var rest = Substring(s)
        if rest.first == "-" { rest = rest.dropFirst() }
        let parts = rest.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// A number as CSV writes it: `142`, `2.8` (a point, no thousands separator).
    public static func number(_ d: Double) -> String {
        guard d.isFinite else { return "" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
        return String(d)
    }
}
