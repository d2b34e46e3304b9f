import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches folders (recursively) for changes with inotify and reports bursts of changes
/// as one: after the first change it waits until `quiet` has passed with no other.
public final class Watcher: @unchecked Sendable {
    private let fd: Int32
    private var watches: [Int32: String] = [:]
    private let lock = NSLock()
    private let mask: UInt32 = UInt32(IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MODIFY)

    /// Starts watching `folders` (those that exist) and everything below them.
    public init?(folders: [URL]) {
        fd = inotify_init1(Int32(IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        for folder in folders { addRecursively(folder.path) }
    }

    deinit { close(fd) }

    private func addRecursively(_ path: String) {
        // lstat, not stat: a linked folder is not watched (the check reports the link).
        var st = stat()
        guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else { return }
        let wd = inotify_add_watch(fd, path, mask | UInt32(IN_DONT_FOLLOW))
        if wd >= 0 {
            lock.lock(); watches[wd] = path; lock.unlock()
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where !name.hasPrefix(".") {
            addRecursively(path + "/" + name)
        }
    }

    /// Bursts of changes, each the set of paths that changed. Runs until the stream is
    /// dropped.
    public func changes(quiet: Duration = .milliseconds(60)) -> AsyncStream<Set<String>> {
        let pending = Pending()
        let (signals, signal) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let thread = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while true {
                let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
                if n <= 0 { break }
                var offset = 0
                while offset < n {
                    let (wd, eventMask, name, size) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, String, Int) in
                        let base = raw.baseAddress! + offset
                        let wd = base.loadUnaligned(as: Int32.self)
                        let eventMask = base.loadUnaligned(fromByteOffset: 4, as: UInt32.self)
                        let length = Int(base.loadUnaligned(fromByteOffset: 12, as: UInt32.self))
                        let nameBytes = UnsafeRawBufferPointer(start: base + 16, count: length)
                        let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                        return (wd, eventMask, name, 16 + length)
                    }
                    offset += size
                    lock.lock(); let dir = watches[wd]; lock.unlock()
                    guard let dir, !name.hasPrefix("."), !name.hasSuffix("~") else { continue }
                    let path = name.isEmpty ? dir : dir + "/" + name
                    if eventMask & UInt32(IN_ISDIR) != 0, eventMask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                        addRecursively(path)
                    }
                    pending.add(path)
                    signal.yield(())
                }
            }
            signal.finish()
        }
        thread.start()
        return AsyncStream { continuation in
            let task = Task {
                for await _ in signals {
                    // Wait until the tree has been quiet for a moment: a burst of saves
                    // gives one change.
                    var generation = pending.generation
                    repeat {
                        generation = pending.generation
                        try? await Task.sleep(for: quiet)
                    } while pending.generation != generation && !Task.isCancelled
                    let paths = pending.take()
                    if !paths.isEmpty { continuation.yield(paths) }
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}

/// Paths changed since the last burst, shared by the watching thread and the task.
private final class Pending: @unchecked Sendable {
    private let lock = NSLock()
    private var paths: Set<String> = []
    private var count = 0

    var generation: Int { lock.lock(); defer { lock.unlock() }; return count }

    func add(_ path: String) {
        lock.lock(); paths.insert(path); count += 1; lock.unlock()
    }

    func take() -> Set<String> {
        lock.lock(); defer { lock.unlock() }
        let out = paths
        paths = []
        return out
    }
}
