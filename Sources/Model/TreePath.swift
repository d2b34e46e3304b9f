import Foundation
import Loading

/// Paths of the tree as links in Markdown name them: relative to the linking file, with
/// `/` separators. One implementation for the link checks and every output that
/// rewrites links.
public enum TreePath {
    /// The scheme of a URL (`https` of `https://…`), or nil for a path.
    public static func scheme(of s: String) -> String? {
        // An ASCII text's characters are its bytes (but CR LF, which no scheme holds).
        if isASCII(s) {
            guard let colon = s.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
            let scheme = s.utf8[..<colon]
            guard let first = scheme.first, isASCIILetter(first),
                  scheme.allSatisfy({ isASCIILetter($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E })
            else { return nil }
            return String(s[..<colon])
        }
        guard let colon = s.firstIndex(of: ":") else { return nil }
        let scheme = s[..<colon]
        guard let first = scheme.first, first.isLetter,
              scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }) else { return nil }
        return String(scheme)
    }

    static func isASCII(_ s: String) -> Bool {
        s.utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0x80 } } ?? s.utf8.allSatisfy { $0 < 0x80 }
    }

    static func isASCIILetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }

    /// Resolves a relative path against a folder (its path components); nil when it
    /// climbs above the root.
    public static func resolve(_ path: String, from folder: [String]) -> String? {
        var parts = folder
        for piece in path.split(ascii: "/") {
            // `.` and `..` told by their bytes: matching each piece against the two
            // literals compared them as strings, 8,000 instructions a link (issue 13).
            let bytes = piece.utf8
            let dots = bytes.count <= 2 && bytes.allSatisfy { $0 == UInt8(ascii: ".") } ? bytes.count : 0
            switch dots {
            case 1: continue
            case 2:
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(piece))
            }
        }
        return parts.joined(separator: "/")
    }

    /// A link destination that is not a URL, read once for the check and every output:
    /// the path and the fragment (`#anchor`), each percent-decoded and in NFC, so that
    /// `#qu%C3%A8` and a heading "Què" saved in NFD meet.
    public struct Target: Sendable, Equatable {
        /// The path part, relative to the linking file; empty for a link within the file.
        public var path: String
        /// The anchor, without `#`; nil when the link has none.
        public var fragment: String?
    }

    /// Splits a destination at its first `#` and decodes both parts (a malformed
    /// percent sequence is kept as written).
    public static func target(_ destination: String) -> Target {
        let ascii = isASCII(destination)
        let path: Substring, fragment: Substring?
        if ascii {
            // Characters are bytes here: the first '#' byte splits as the character would.
            if let hash = destination.utf8.firstIndex(of: UInt8(ascii: "#")) {
                (path, fragment) = (destination[..<hash], destination[destination.utf8.index(after: hash)...])
            } else {
                (path, fragment) = (destination[...], nil)
            }
        } else {
            let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            (path, fragment) = (parts[0], parts.count > 1 ? parts[1] : nil)
        }
        func decoded(_ s: Substring) -> String {
            let text = String(s)
            // Most destinations have no escape: no bridge to Foundation for them; an ASCII
            // text without one is in NFC as it is.
            guard text.utf8.contains(UInt8(ascii: "%")) else { return ascii ? text : NFC.normalize(text) }
            return (text.removingPercentEncoding ?? text).precomposedStringWithCanonicalMapping
        }
        return Target(path: decoded(path), fragment: fragment.map(decoded))
    }
}
