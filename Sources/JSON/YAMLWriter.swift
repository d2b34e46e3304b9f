/// Writes a `JSONValue` as block-style YAML, quoting strings only where YAML would read
/// them as something else, so that `oae show` prints what a writer would type.
public enum YAMLWriter {
    public static func write(_ value: JSONValue) -> String {
        var out = ""
        emit(value, indent: 0, into: &out, inline: false)
        if !out.hasSuffix("\n") { out += "\n" }
        return out
    }

    private static func emit(_ value: JSONValue, indent: Int, into out: inout String, inline: Bool) {
        let pad = String(repeating: "  ", count: indent)
        switch value {
        case let .object(pairs) where !pairs.isEmpty:
            for (i, (key, v)) in pairs.enumerated() {
                if !(inline && i == 0) { out += pad }
                out += scalar(key) + ":"
                writeChild(v, indent: indent, into: &out)
            }
        case let .array(items) where !items.isEmpty:
            for (i, item) in items.enumerated() {
                if !(inline && i == 0) { out += pad }
                out += "- "
                switch item {
                case let .object(p) where !p.isEmpty:
                    emit(item, indent: indent + 1, into: &out, inline: true)
                case let .array(a) where !a.isEmpty:
                    emit(item, indent: indent + 1, into: &out, inline: true)
                default:
                    out += scalarValue(item) + "\n"
                }
            }
        default:
            out += scalarValue(value) + "\n"
        }
    }

    private static func writeChild(_ v: JSONValue, indent: Int, into out: inout String) {
        switch v {
        case let .object(p) where !p.isEmpty:
            out += "\n"
            emit(v, indent: indent + 1, into: &out, inline: false)
        case let .array(a) where !a.isEmpty:
            out += "\n"
            emit(v, indent: indent + 1, into: &out, inline: false)
        case let .string(s) where s.contains("\n"):
            let pad = String(repeating: "  ", count: indent + 1)
            out += " |-\n" + s.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : pad + $0 }.joined(separator: "\n") + "\n"
        default:
            out += " " + scalarValue(v) + "\n"
        }
    }

    private static func scalarValue(_ v: JSONValue) -> String {
        switch v {
        case .null: return "null"
        case let .bool(b): return b ? "true" : "false"
        case let .int(i): return String(i)
        case let .double(d): return JSONValue.format(d)
        case let .string(s): return scalar(s)
        case .array: return "[]"
        case .object: return "{}"
        }
    }

    /// A string as a plain scalar when YAML 1.2 would read it back as the same string,
    /// else double-quoted.
    static func scalar(_ s: String) -> String {
        if needsQuotes(s) {
            var out = ""
            JSONValue.escape(s, into: &out)
            return out
        }
        return s
    }

    static func needsQuotes(_ s: String) -> Bool {
        guard let first = s.first, let last = s.last else { return true }
        if ["null", "Null", "NULL", "~", "true", "True", "TRUE", "false", "False", "FALSE"].contains(s) { return true }
        if first.isNumber || first == "-" || first == "+" || first == "." {
            if Double(s) != nil || Int(s) != nil || s.hasPrefix("0x") || s.hasPrefix("0o") || s == "-" { return true }
            if first == "-" && s.dropFirst().first == " " { return true }
            // Times and sexagesimal-looking values (09:00) read as numbers in YAML 1.1 tools.
            if first.isNumber && s.contains(":") { return true }
        }
        if first == " " || last == " " { return true }
        if "!&*?|>'\"%@`{}[],#:".contains(first) { return true }
        if s.contains(": ") || s.contains(" #") || s.hasSuffix(":") { return true }
        return s.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{7F}" }
    }
}
