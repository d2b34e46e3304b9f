/// RFC 3986 syntax of an absolute URI, for `format: uri`.
enum URISyntax {
    static func isUnreserved(_ c: UInt8) -> Bool {
        guard c < 128 else { return false }
        let s = Unicode.Scalar(c)
        return s.isASCIILetter || s.isASCIIDigit || c == UInt8(ascii: "-") || c == UInt8(ascii: ".")
            || c == UInt8(ascii: "_") || c == UInt8(ascii: "~")
    }

    static func isSubDelim(_ c: UInt8) -> Bool {
        "!$&'()*+,;=".utf8.contains(c)
    }

    /// Whether `b[from..<to]` holds only allowed characters and well-formed `%XX` escapes.
    static func isValid(_ b: [UInt8], _ from: Int, _ to: Int, allowing extra: String) -> Bool {
        var i = from
        let extraBytes = Array(extra.utf8)
        while i < to {
            let c = b[i]
            if c == UInt8(ascii: "%") {
                guard i + 2 < to, PercentDecoding.hexValue(b[i + 1]) != nil, PercentDecoding.hexValue(b[i + 2]) != nil else { return false }
                i += 3
                continue
            }
            guard isUnreserved(c) || isSubDelim(c) || extraBytes.contains(c) else { return false }
            i += 1
        }
        return true
    }

    /// `scheme ":" hier-part [ "?" query ] [ "#" fragment ]`.
    static func isAbsoluteURI(_ b: [UInt8]) -> Bool {
        guard let colon = b.firstIndex(of: UInt8(ascii: ":")), colon > 0 else { return false }
        let first = Unicode.Scalar(b[0])
        guard b[0] < 128, first.isASCIILetter else { return false }
        for c in b[1..<colon] {
            let s = Unicode.Scalar(c)
            guard c < 128, s.isASCIILetter || s.isASCIIDigit || c == UInt8(ascii: "+") || c == UInt8(ascii: "-") || c == UInt8(ascii: ".") else { return false }
        }
        let fragmentStart = b.firstIndex(of: UInt8(ascii: "#")) ?? b.count
        if fragmentStart < b.count, !isValid(b, fragmentStart + 1, b.count, allowing: ":@/?") { return false }
        let queryStart = b[..<fragmentStart].firstIndex(of: UInt8(ascii: "?")) ?? fragmentStart
        if queryStart < fragmentStart, !isValid(b, queryStart + 1, fragmentStart, allowing: ":@/?") { return false }
        var pathStart = colon + 1
        if queryStart - pathStart >= 2, b[pathStart] == UInt8(ascii: "/"), b[pathStart + 1] == UInt8(ascii: "/") {
            let authorityStart = pathStart + 2
            let authorityEnd = b[authorityStart..<queryStart].firstIndex(of: UInt8(ascii: "/")) ?? queryStart
            guard isAuthority(Array(b[authorityStart..<authorityEnd])) else { return false }
            pathStart = authorityEnd
        }
        return isValid(b, pathStart, queryStart, allowing: ":@/")
    }

    /// `[ userinfo "@" ] host [ ":" port ]`.
    static func isAuthority(_ a: [UInt8]) -> Bool {
        var hostStart = 0
        if let at = a.firstIndex(of: UInt8(ascii: "@")) {
            guard isValid(a, 0, at, allowing: ":") else { return false }
            hostStart = at + 1
        }
        let rest = Array(a[hostStart...])
        var portStart: Int?
        if rest.first == UInt8(ascii: "[") {
            guard let close = rest.firstIndex(of: UInt8(ascii: "]")) else { return false }
            let literal = Array(rest[1..<close])
            guard IPAddress.isIPv6(literal) || isIPvFuture(literal) else { return false }
            if close + 1 < rest.count {
                guard rest[close + 1] == UInt8(ascii: ":") else { return false }
                portStart = close + 2
            }
        } else {
            let colon = rest.firstIndex(of: UInt8(ascii: ":"))
            guard isValid(rest, 0, colon ?? rest.count, allowing: "") else { return false }
            if let colon { portStart = colon + 1 }
        }
        if let portStart {
            return rest[portStart...].allSatisfy { Formats.digit($0) != nil }
        }
        return true
    }

    /// `"v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )`.
    static func isIPvFuture(_ b: [UInt8]) -> Bool {
        guard b.first == UInt8(ascii: "v") || b.first == UInt8(ascii: "V"),
              let dot = b.firstIndex(of: UInt8(ascii: ".")), dot > 1, dot < b.count - 1 else { return false }
        guard b[1..<dot].allSatisfy({ PercentDecoding.hexValue($0) != nil }) else { return false }
        return b[(dot + 1)...].allSatisfy { isUnreserved($0) || isSubDelim($0) || $0 == UInt8(ascii: ":") }
    }
}
