import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whether the preview could listen on a host and port, asked before the first build so
/// that a port in use or a host that names no address is said at once, not after building
/// the whole site (a fresh user waited for the build to learn the port was taken). The
/// server binds for itself later; a program that takes the port in between is still
/// reported then.
public enum PortProbe {
    /// A host that names no address: not an address, and no name the resolver knows.
    public struct UnknownHost: Error, CustomStringConvertible, Equatable {
        public var host: String
        /// The resolver's words (`gai_strerror`), lower-cased: "name or service not known".
        public var reason: String

        public var description: String { "no address has the name '\(host)' (\(reason)); give an address such as 127.0.0.1 or 0.0.0.0, or a name of this machine" }
    }

    /// The error binding `host:port` gives: `UnknownHost` when the host does not resolve,
    /// else the POSIX error of `bind` (`EADDRINUSE`, `EACCES`, `EADDRNOTAVAIL` for an
    /// address that resolves but is not this machine's, …); nil when it binds. Port 0
    /// binds any free port, so with it only the host is probed, and still by binding: an
    /// address of another machine resolves and fails only there (the regression hunt of
    /// session 14, LOW 3).
    public static func bindError(host: String, port: Int) -> Error? {
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var found: UnsafeMutablePointer<addrinfo>?
        let resolved = getaddrinfo(host, String(port), &hints, &found)
        guard resolved == 0, let first = found else {
            return UnknownHost(host: host, reason: String(cString: gai_strerror(resolved)).lowercased())
        }
        defer { freeaddrinfo(found) }
        let fd = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        // As the server binds: with SO_REUSEADDR, so that only a port really in use fails.
        var on: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
        guard bind(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) != 0 else { return nil }
        return POSIXError(POSIXErrorCode(rawValue: errno) ?? .EADDRINUSE)
    }
}
