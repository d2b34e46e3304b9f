import Foundation

/// Which `Host:` headers the preview answers, against DNS rebinding: a page of another
/// site whose name has been made to resolve to this machine must not read unpublished
/// drafts. Only this machine's names (`localhost`, `127.0.0.1`, `[::1]`) and the address
/// the preview was bound to (`--host`) are accepted, each with the port it listens on; bound
/// to every address (`--host 0.0.0.0`), any IP address is.
public struct HostCheck: Sendable, Equatable {
    /// The accepted host names, in lower case, IPv6 addresses in brackets.
    public let names: Set<String>
    /// Whether any IP address is accepted as the host: a preview bound to every address
    /// (`0.0.0.0`, `::`), reached from another machine by one of this machine's addresses.
    /// An address written as digits cannot be a name made to resolve here (DNS rebinding
    /// works through names), so it is as safe as the bound address.
    public let anyAddress: Bool

    /// The names for a preview bound to `boundHost`.
    public init(boundHost: String) {
        names = ["localhost", "127.0.0.1", "[::1]", HostCheck.bracketed(boundHost.lowercased())]
        anyAddress = ["0.0.0.0", "::", "[::]"].contains(boundHost)
    }

    /// Whether a request with this `Host:` header (nil when it has none) may be answered
    /// by a preview listening on `port`. A header without a port means port 80.
    public func allows(_ header: String?, port: Int) -> Bool {
        guard let header, let (name, headerPort) = HostCheck.split(header.lowercased()) else { return false }
        return (names.contains(name) || (anyAddress && HostCheck.isAddress(name))) && headerPort == port
    }

    /// Whether a host is an IP address: IPv4 in dotted decimal, or IPv6 in brackets.
    static func isAddress(_ name: String) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 16)
        if name.hasPrefix("["), name.hasSuffix("]") {
            return inet_pton(AF_INET6, String(name.dropFirst().dropLast()), &buffer) == 1
        }
        return inet_pton(AF_INET, name, &buffer) == 1
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

    /// An IPv6 literal (`::1`) as it appears in a `Host:` header and in a URL (`[::1]`);
    /// a name or an IPv4 address as it is.
    public static func bracketed(_ host: String) -> String {
        host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
    }

    /// A host as the resolver takes it: an IPv6 literal written in brackets, as in a URL
    /// (`--host [::1]`), without them (`::1`); any other host as it is.
    public static func bare(_ host: String) -> String {
        host.hasPrefix("[") && host.hasSuffix("]") && host.count > 2 ? String(host.dropFirst().dropLast()) : host
    }
}
