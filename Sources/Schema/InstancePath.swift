/// One step from a value to a value inside it: a field of a mapping or an item of a list.
public enum PathStep: Hashable, Sendable, CustomStringConvertible {
    case key(String)
    case index(Int)

    /// The key, or the index in decimal.
    public var description: String {
        switch self {
        case let .key(k): return k
        case let .index(i): return String(i)
        }
    }
}

extension Array where Element == PathStep {
    /// The path as a JSON pointer (`/steps/0/role`).
    public var pointer: String {
        map { "/" + JSONPointer.escape($0.description) }.joined()
    }
}
