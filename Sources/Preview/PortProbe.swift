import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whether the preview could listen on a host and port, asked before the first build so
/// that a port in use is said at once, not after building the whole site (a fresh user
/// waited for the build to learn the port was taken). The server binds for itself later;
/// a program that takes the port in between is still reported then.
public enum PortProbe {
    /// The error binding `host:port` gives (`EADDRINUSE`, `EACCES`, `EADDRNOTAVAIL`, …), or nil
    /// when it binds, when the host does not resolve (the server then says why), or for port 0.
    public static func bindError(host: String, port: Int) -> POSIXError? {
        guard port > 0 else { return nil }
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &found) == 0, let first = found else { return nil }
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
