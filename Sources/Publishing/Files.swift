import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file, creating its folder.
public func writeFile(_ url: URL, _ data: Data) throws {
    try data.withUnsafeBytes { try FileWriting.write(path: url.path, $0) }
}

public func writeFile(_ url: URL, _ text: String) throws {
    var text = text
    try text.withUTF8 { try FileWriting.write(path: url.path, UnsafeRawBufferPointer($0)) }
}

/// A file that could not be written: its path and the system's reason.
public struct FileWriteError: Error, CustomStringConvertible {
    public var path: String
    /// The system's error number (`errno`).
    public var code: Int32
    public var description: String { "\(path): \(String(cString: strerror(code)))" }
}

/// Writing output files with the system calls themselves (`mkdir`, `open`, `write`):
/// thousands of pages are written by several threads at once, and Foundation's
/// `createDirectory` + `Data.write` cost a tenth of the site's build (issue 13). Safe to
/// call from several threads; folders are created as needed (a folder another thread
/// has just created is fine).
enum FileWriting {
    static func write(path: String, _ bytes: UnsafeRawBufferPointer) throws {
        var fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0, errno == ENOENT {
            try makeFolders(String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]))
            fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else { throw failure(path) }
        defer { close(fd) }
        var done = 0
        while done < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw failure(path)
            }
            done += n
        }
    }

    /// Creates `folder` and the folders above it that are missing.
    static func makeFolders(_ folder: String) throws {
        guard !folder.isEmpty else { return }
        if mkdir(folder, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else { throw failure(folder) }
        try makeFolders(String(folder[..<(folder.lastIndex(of: "/") ?? folder.startIndex)]))
        if mkdir(folder, 0o755) != 0, errno != EEXIST { throw failure(folder) }
    }

    static func failure(_ path: String) -> FileWriteError {
        FileWriteError(path: path, code: errno)
    }
}
