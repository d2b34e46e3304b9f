import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Lists the files under the folders of a tree, sorted, relative to the root and with
/// `/` separators. Hidden files and folders (a leading dot) are skipped, and so are
/// symbolic links, so that nothing outside the tree is ever read.
public enum FileTree {
    public static func files(root: URL, folders: [String]) -> [String] {
        var out: [String] = []
        let fm = FileManager.default
        for folder in folders {
            let base = root.appendingPathComponent(folder)
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: base.path, isDirectory: &isDir), isDir.boolValue else { continue }
            walk(base, relative: folder, into: &out)
        }
        return out.sorted()
    }

    /// Walks a folder with readdir, which names each entry's type without a stat call.
    private static func walk(_ dir: URL, relative: String, into out: inout [String]) {
        guard let handle = opendir(dir.path) else { return }
        defer { closedir(handle) }
        var entries: [(String, Bool)] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) {
                // Some file systems do not fill d_type: ask once.
                var st = stat()
                guard lstat(dir.path + "/" + name, &st) == 0 else { continue }
                type = (st.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : (st.st_mode & S_IFMT) == S_IFREG ? UInt8(DT_REG) : 0
            }
            if type == UInt8(DT_DIR) { entries.append((name, true)) } else if type == UInt8(DT_REG) { entries.append((name, false)) }
        }
        for (name, isDir) in entries.sorted(by: { $0.0 < $1.0 }) {
            let rel = relative + "/" + name
            if isDir { walk(dir.appendingPathComponent(name), relative: rel, into: &out) } else { out.append(rel) }
        }
    }

    /// Reads a file's bytes, refusing files over the size limit before reading them.
    public static func read(root: URL, path: String) -> Result<[UInt8], FileProblem> {
        let fd = open(root.path + "/" + path, O_RDONLY)
        guard fd >= 0 else { return .failure(.unreadable) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failure(.unreadable) }
        let size = Int(st.st_size)
        if size > TextChecks.maxFileBytes { return .failure(.tooLarge(size)) }
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        while done < size {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + done, size - done) }
            if n < 0 { return .failure(.unreadable) }
            if n == 0 { break }
            done += n
        }
        if done < size { bytes.removeLast(size - done) }
        return .success(bytes)
    }

    public enum FileProblem: Error, Sendable {
        case tooLarge(Int)
        case unreadable
    }
}

/// Maps over `items` on every core. The order of the results is the order of the items.
public func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    if items.count < 2 { return items.map(transform) }
    let buffer = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
    buffer.initialize(repeating: nil)
    defer { _ = buffer.deinitialize(); buffer.deallocate() }
    nonisolated(unsafe) let shared = buffer
    DispatchQueue.concurrentPerform(iterations: items.count) { i in
        shared[i] = transform(items[i])
    }
    return buffer.map { $0! }
}
