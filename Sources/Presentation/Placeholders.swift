/// The values of a text's `{name}` placeholders (`Strings.callAsFunction`, `Strings.fill`):
/// written as a dictionary literal, `["municipality": name]`, and kept as the pairs they are.
/// A text has one to three placeholders, and every page fills hundreds: a `[String: String]`
/// hashed each name to make the table and again to read it (a dictionary of one value cost
/// some 300 instructions to make, issue 13), where comparing a few names costs less. The
/// first value of a name counts.
public struct Placeholders: ExpressibleByDictionaryLiteral, Sendable {
    private var pairs: [(name: String, value: String)]

    public init(dictionaryLiteral elements: (String, String)...) {
        pairs = elements.map { (name: $0.0, value: $0.1) }
    }

    /// The values of a dictionary (in no order: its names are distinct).
    public init(_ values: [String: String]) {
        pairs = values.map { (name: $0.key, value: $0.value) }
    }

    public var isEmpty: Bool { pairs.isEmpty }

    /// The value of `name`, or nil.
    public subscript(name: String) -> String? {
        for pair in pairs where pair.name == name { return pair.value }
        return nil
    }

    /// These values, then `value` for `name` where these have none.
    public func adding(_ name: String, _ value: String) -> Placeholders {
        var copy = self
        copy.pairs.append((name, value))
        return copy
    }
}
