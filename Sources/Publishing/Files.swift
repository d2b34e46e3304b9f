import Loading
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

/// Writes bytes (a rendered page or handbook) to a file, creating its folder, without
/// copying them into a `Data` first (a handbook is 330 KB; 2,841 of them at 947
/// municipalities).
public func writeFile(_ url: URL, _ bytes: [UInt8]) throws {
    try bytes.withUnsafeBytes { try FileWriting.write(path: url.path, $0) }
}

/// Writes bytes to the file at `path` (a file system path, not a URL), creating its folder:
/// for the many small files of one build (17,000 pages at 947 municipalities), whose paths
/// are joined as text instead of through `URL.appendingPathComponent` and `URL.path`
/// (4% of the site's pages' CPU, issue 13).
public func writeFile(path: String, _ bytes: [UInt8]) throws {
    try bytes.withUnsafeBytes { try FileWriting.write(path: path, $0) }
}

public func writeFile(_ url: URL, _ text: String) throws {
    var text = text
    try text.withUTF8 { try FileWriting.write(path: url.path, UnsafeRawBufferPointer($0)) }
}

/// Writes a file part by part, creating its folder: `body` is given `emit`, which appends
/// bytes (a file of 200 MB is never held whole; parts are gathered into writes of about
/// 1 MiB). A failed write is thrown once `body` returns, the parts after it dropped.
/// Returns the number of bytes written.
public func writeFile(_ url: URL, parts body: (_ emit: @escaping (UnsafeRawBufferPointer) -> Void) -> Void) throws -> Int {
    let path = url.path
    let fd = try FileWriting.open(path: path)
    defer { close(fd) }
    final class State {
        var buffer: [UInt8] = []
        var written = 0
        var failure: FileWriteError?
        let fd: Int32, path: String
        init(fd: Int32, path: String) { self.fd = fd; self.path = path; buffer.reserveCapacity(1 << 20) }
        func flush() {
            defer { buffer.removeAll(keepingCapacity: true) }
            guard failure == nil, !buffer.isEmpty else { return }
            do {
                try buffer.withUnsafeBytes { try FileWriting.write(fd: fd, path: path, $0) }
                written += buffer.count
            } catch {
                failure = error as? FileWriteError ?? FileWriteError(path: path, code: EIO)
            }
        }
    }
    let state = State(fd: fd, path: path)
    body { bytes in
        state.buffer.append(contentsOf: bytes.assumingMemoryBound(to: UInt8.self))
        if state.buffer.count >= 1 << 20 { state.flush() }
    }
    state.flush()
    if let failure = state.failure { throw failure }
    return state.written
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
        let fd = try open(path: path)
        defer { close(fd) }
        try write(fd: fd, path: path, bytes)
    }

    /// Opens `path` to write it from the start, creating its folders.
    static func open(path: String) throws -> Int32 {
        var fd = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0, errno == ENOENT {
            try makeFolders(String(path[..<(path.lastIndex(ofASCII: "/") ?? path.startIndex)]))
            fd = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else { throw failure(path) }
        return fd
    }

    /// Writes all of `bytes` to `fd` (the file at `path`, for the error).
    static func write(fd: Int32, path: String, _ bytes: UnsafeRawBufferPointer) throws {
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
        try Interruption.makingFolders(folder)
        if mkdir(folder, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else { throw failure(folder) }
        try makeFolders(String(folder[..<(folder.lastIndex(ofASCII: "/") ?? folder.startIndex)]))
        if mkdir(folder, 0o755) != 0, errno != EEXIST { throw failure(folder) }
    }

    static func failure(_ path: String) -> FileWriteError {
        FileWriteError(path: path, code: errno)
    }
}
