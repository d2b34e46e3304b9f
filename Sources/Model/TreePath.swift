/// Paths of the tree as links in Markdown name them: relative to the linking file, with
/// `/` separators. One implementation for the link checks and every output that
/// rewrites links.
public enum TreePath {
    /// The scheme of a URL (`https` of `https://…`), or nil for a path.
    public static func scheme(of s: String) -> String? {
        guard let colon = s.firstIndex(of: ":") else { return nil }
        let scheme = s[..<colon]
        guard let first = scheme.first, first.isLetter,
              scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }) else { return nil }
        return String(scheme)
    }

    /// Resolves a relative path against a folder (its path components); nil when it
    /// climbs above the root.
    public static func resolve(_ path: String, from folder: [String]) -> String? {
        var parts = folder
        for piece in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch piece {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(piece))
            }
        }
        return parts.joined(separator: "/")
    }
}
