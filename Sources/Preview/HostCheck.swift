import Foundation

/// Which `Host:` headers the preview answers, against DNS rebinding: a page of another
/// site whose name has been made to resolve to this machine must not read unpublished
/// drafts. Only this machine's names (`localhost`, `127.0.0.1`, `[::1]`) and the address
/// the preview was bound to (`--host`) are accepted, each with the port it listens on.
public struct HostCheck: Sendable, Equatable {
    /// The accepted host names, in lower case, IPv6 addresses in brackets.
    public let names: Set<String>

    /// The names for a preview bound to `boundHost`.
    public init(boundHost: String) {
        names = ["localhost", "127.0.0.1", "[::1]", HostCheck.bracketed(boundHost.lowercased())]
    }

    /// Whether a request with this `Host:` header (nil when it has none) may be answered
    /// by a preview listening on `port`. A header without a port means port 80.
    public func allows(_ header: String?, port: Int) -> Bool {
        guard let header, let (name, headerPort) = HostCheck.split(header.lowercased()) else { return false }
        return names.contains(name) && headerPort == port
    }

    /// `name:port` or `[v6]:port` into the name and the port (80 when absent); nil when
    /// the header is malformed.
    static func split(_ header: String) -> (String, Int)? {
        var name = header
        var port = "80"
        if header.hasPrefix("[") {
            guard let close = header.firstIndex(of: "]") else { return nil }
            name = String(header[...close])
            let rest = header[header.index(after: close)...]
            if !rest.isEmpty {
                guard rest.first == ":" else { return nil }
                port = String(rest.dropFirst())
            }
        } else if let colon = header.lastIndex(of: ":") {
            name = String(header[..<colon])
            port = String(header[header.index(after: colon)...])
        }
        guard !name.isEmpty, let number = Int(port), port.allSatisfy(\.isASCII) else { return nil }
        return (name, number)
    }

    /// An IPv6 literal (`::1`) as it appears in a `Host:` header (`[::1]`).
    static func bracketed(_ host: String) -> String {
        host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
    }
}
