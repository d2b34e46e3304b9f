import Loading

/// JSON pointers (RFC 6901): `/$defs/slug`, with `~1` for `/` and `~0` for `~`.
enum JSONPointer {
    /// The reference tokens of a pointer, unescaped; nil when it does not start with `/`
    /// (the empty pointer, the whole document, has no tokens).
    static func tokens(_ pointer: String) -> [String]? {
        if pointer.isEmpty { return [] }
        guard pointer.hasPrefix("/") else { return nil }
        return pointer.dropFirst().split(ascii: "/", omittingEmptySubsequences: false).map { token in
            String(token).replacingAll("~1", "/").replacingAll("~0", "~")
        }
    }

    /// Escapes one token.
    static func escape(_ token: String) -> String {
        token.replacingAll("~", "~0").replacingAll("/", "~1")
    }

    /// A pointer from tokens.
    static func pointer(_ tokens: [String]) -> String {
        tokens.map { "/" + escape($0) }.joined()
    }

    /// The node at `tokens` below `node`, or nil.
    static func resolve(_ tokens: [String], in node: Node) -> Node? {
        var current = node
        for token in tokens {
            switch current.value {
            case let .mapping(pairs):
                guard let pair = pairs.first(where: { $0.key.keyText == token }) else { return nil }
                current = pair.value
            case let .sequence(items):
                guard let index = arrayIndex(token), index < items.count else { return nil }
                current = items[index]
            default:
                return nil
            }
        }
        return current
    }

    /// An array index token: `0` or digits without a leading zero.
    static func arrayIndex(_ token: String) -> Int? {
        guard !token.isEmpty, token.unicodeScalars.allSatisfy(\.isASCIIDigit) else { return nil }
        if token.count > 1 && token.hasPrefix("0") { return nil }
        return Int(token)
    }
}

extension String {
    func replacingAll(_ target: String, _ replacement: String) -> String {
        // Most tokens hold no '~' and no '/': told by their bytes, without Foundation's search.
        guard let first = target.utf8.first, utf8.contains(first), contains(target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
