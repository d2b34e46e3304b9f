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

    /// The words of the advices that send the writer to another output folder. A command
    /// whose --out was given says `outGiven`'s words instead (`forOutGiven`).
    public static let useOut = "use --out"
    /// What `useOut` becomes when --out was given: the folder named was the writer's choice.
    public static let outGiven = "give --out another folder"

    /// `message` for a command whose --out was given: the advice to use --out becomes
    /// the advice to give it another folder.
    public static func forOutGiven(_ message: String) -> String {
        message.replacingOccurrences(of: useOut, with: outGiven)
    }

    /// What went wrong while writing, and what to do, in a few words: `permission
    /// denied (check the folder's permissions or use --out)`. `path` is the file or folder
    /// the error is about (default: the one the error names); it tells the two meanings of
    /// ENOENT apart. `elsewhere` is the advice to write to another place (`useOut`), nil
    /// for a command whose files have one place only (`oae new` writes into the tree).
    ///
    /// The errors, as writing the output meets them (mkdir, open, link, rename; `man 2
    /// rename`, `man 2 mkdir`):
    /// - On a system file system (/proc, /sys…, `SystemFileSystems`), mkdir says ENOENT
    ///   (/proc) or EACCES, EPERM, EROFS (/sys) for any name: such a folder cannot hold the
    ///   output, and that is said, whichever it says (the regression hunt of session 14,
    ///   LOW 7: /sys got "permission denied").
    /// - EACCES, EPERM: permission denied. EROFS: a read-only file system. ENOSPC, EDQUOT:
    ///   the disk (or the quota) is full.
    /// - ENOENT: a folder on the way is missing; it existed a moment before: another
    ///   program removed it.
    /// - EEXIST, ENOTEMPTY: a file or folder appeared where oae was writing. Another oae
    ///   build cannot do that (it waits for the lock), another program did.
    /// - EBUSY: the folder is a mount point (or the system holds it): it cannot be renamed,
    ///   and oae replaces its output folder whole by a rename.
    /// - ENOTDIR: a file stands where a folder should be; EISDIR: the other way round.
    /// - Any other: the system's own words (`strerror`).
    public static func reason(_ error: Error, at path: String? = nil, elsewhere: String? = useOut) -> String {
        /// "(first or elsewhere)", "(first)" without `elsewhere`.
        func or(_ first: String) -> String { elsewhere.map { "(\(first) or \($0))" } ?? "(\(first))" }
        let instead = elsewhere.map { " (write elsewhere: \($0))" } ?? ""
        let advice: String
        let code = errno(of: error)
        if let code, [EACCES, EPERM, EROFS, ENOENT].contains(code), let system = SystemFileSystems.holding(path ?? self.path(of: error)) {
            return "\(system) is a system file system, which cannot hold files\(instead)"
        }
        switch code {
        case EACCES?, EPERM?: advice = "permission denied \(or("check the folder's permissions"))"
        case EROFS?: advice = "the file system is read-only\(instead)"
        case ENOSPC?, EDQUOT?: advice = "the disk is full \(or("free some space"))"
        case ENOENT?: advice = "a folder was removed while oae wrote into it, by another program (build again)"
        case EEXIST?, ENOTEMPTY?:
            advice = "a file appeared while oae wrote, written by another program (build again once it is done)"
        case EBUSY?:
            advice = "it is a mount point or the system holds it, and oae replaces its output folder whole (give --out a folder inside it)"
        case ENOTDIR?: advice = "a file stands where a folder should be \(or("move it away"))"
        case EISDIR?: advice = "a folder stands where a file should be \(or("move it away"))"
        case let code?: advice = String(cString: strerror(code)).lowercased() + " \(or("check the folder"))"
        case nil: advice = "\(error.localizedDescription) \(or("check the folder"))"
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

/// The file systems of the kernel's own (proc, sysfs…), which hold no files a program
/// writes: mkdir in them fails with ENOENT (`OutputError.reason`).
public enum SystemFileSystems {
    /// Their types, as /proc/self/mounts names them.
    static let types: Set<String> = ["proc", "sysfs", "cgroup", "cgroup2", "devpts", "debugfs", "securityfs", "tracefs",
                                     "bpf", "pstore", "configfs", "efivarfs", "fusectl", "mqueue", "binfmt_misc"]

    /// The nearest existing folder at or above `path` when it is on such a file system
    /// (`/proc` for `/proc/oae`), its symbolic links resolved; nil otherwise, or without a
    /// path.
    public static func holding(_ path: String?, mounts: String? = try? String(contentsOfFile: "/proc/self/mounts", encoding: .utf8)) -> String? {
        guard var folder = path, folder.hasPrefix("/"), let mounts else { return nil }
        while !FileManager.default.fileExists(atPath: folder) {
            let parent = (folder as NSString).deletingLastPathComponent
            if parent == folder || parent.isEmpty { return nil }
            folder = parent
        }
        // A symbolic link into /proc is on /proc.
        folder = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        return type(of: folder, mounts: mounts).map(types.contains) == true ? folder : nil
    }

    /// The type of the file system `folder` is on: the mount point of /proc/self/mounts
    /// (`<source> <mount point> <type> …`, spaces in the point written `\040`) that is the
    /// longest prefix of it.
    public static func type(of folder: String, mounts: String) -> String? {
        var best: (point: String, type: String)?
        for line in mounts.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 3 else { continue }
            let point = fields[1].replacingOccurrences(of: "\\040", with: " ")
            let inside = point == "/" || folder == point || folder.hasPrefix(point + "/")
            if inside, point.count >= (best?.point.count ?? -1) { best = (point, String(fields[2])) }
        }
        return best?.type
    }
}
