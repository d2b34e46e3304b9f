/// A table written as CSV by RFC 4180: a header line, then one line per record, each line
/// ending with CRLF; a field holding a comma, a quote or a line break is quoted, with its
/// quotes doubled. The text is UTF-8 without a byte order mark.
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
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A number as CSV writes it: `142`, `2.8` (a point, no thousands separator).
    public static func number(_ d: Double) -> String {
        guard d.isFinite else { return "" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
        return String(d)
    }
}
