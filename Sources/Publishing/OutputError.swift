import Foundation

/// Turns an error from writing output (or from binding a port) into one line a person can
/// act on, instead of a Foundation dump such as `Error Domain=NSCocoaErrorDomain Code=513`
/// or bare errno text. The command layer prints it after `error: `.
extension OutputError {
    /// The errno an error carries: a POSIXError, an NSError of the POSIX domain (or with
    /// one underneath), a CocoaError's known codes, or any error with an `errnoCode`
    /// member (SwiftNIO's IOError).
    public static func errno(of error: Error) -> Int32? {
        if let posix = error as? POSIXError { return posix.code.rawValue }
        if let write = error as? FileWriteError { return write.code }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return Int32(ns.code) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? Error, let code = errno(of: underlying) { return code }
        if ns.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: ns.code) {
            case .fileWriteNoPermission, .fileReadNoPermission: return EACCES
            case .fileWriteOutOfSpace: return ENOSPC
            case .fileWriteVolumeReadOnly: return EROFS
            case .fileNoSuchFile, .fileReadNoSuchFile: return ENOENT
            case .fileWriteFileExists: return EEXIST
            default: break
            }
        }
        return errnoMember(error, depth: 3)
    }

    /// An `errnoCode` or `errno` member, stored or as an enum case's value, a few levels
    /// down (SwiftNIO's IOError keeps `.errno(CInt)` in a private enum).
    private static func errnoMember(_ value: Any, depth: Int) -> Int32? {
        guard depth > 0 else { return nil }
        for child in Mirror(reflecting: value).children {
            if child.label == "errnoCode" || child.label == "errno", let code = child.value as? Int32 { return code }
            if let code = errnoMember(child.value, depth: depth - 1) { return code }
        }
        return nil
    }

    /// The path a Foundation error names, if any.
    public static func path(of error: Error) -> String? {
        let info = (error as NSError).userInfo
        return info[NSFilePathErrorKey] as? String ?? (info[NSURLErrorKey] as? URL)?.path
    }

    /// `cannot write <folder>: <reason> (<what to do>)` for an error while writing
    /// `folder` (shown as given).
    public static func writing(_ folder: String, _ error: Error) -> String {
        "cannot write \(folder): \(reason(error))"
    }

    /// What went wrong while writing, and what to do, in a few words: `permission
    /// denied (check the folder's permissions or use --out)`.
    public static func reason(_ error: Error) -> String {
        let advice: String
        switch errno(of: error) {
        case EACCES?, EPERM?: advice = "permission denied (check the folder's permissions or use --out)"
        case EROFS?: advice = "the file system is read-only (use --out to write elsewhere)"
        case ENOSPC?, EDQUOT?: advice = "the disk is full (free some space or use --out)"
        case ENOENT?, EEXIST?, ENOTEMPTY?, EBUSY?:
            advice = "the folder changed while it was written, probably by another build running at the same time (wait for it to finish, then build again)"
        case ENOTDIR?: advice = "a file stands where a folder should be (move it away or use --out)"
        case let code?: advice = String(cString: strerror(code)).lowercased() + " (check the folder or use --out)"
        case nil: advice = "\(error.localizedDescription) (check the folder or use --out)"
        }
        return advice
    }

    /// `cannot serve on <host>:<port>: <reason> (<what to do>)` for an error while
    /// starting a server.
    public static func serving(host: String, port: Int, _ error: Error) -> String {
        let advice: String
        switch errno(of: error) {
        case EADDRINUSE?: advice = "the port is in use (stop the program using it, or choose another port with --port)"
        case EACCES?: advice = "permission denied (ports below 1024 need privileges; choose another with --port)"
        case EADDRNOTAVAIL?: advice = "this machine has no such address (check --host)"
        case let code?: advice = String(cString: strerror(code)).lowercased() + " (check --host and --port)"
        case nil: advice = "\(error) (check --host and --port)"
        }
        return "cannot serve on \(host):\(port): \(advice)"
    }
}
