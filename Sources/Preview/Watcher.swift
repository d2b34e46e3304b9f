import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches folders (recursively) for changes with inotify and reports bursts of changes
/// as one: after the first change it waits until `quiet` has passed with no other.
///
/// A watched folder may be removed and made again (`git checkout` does it to seeds/):
/// the folders that hold the watched folders are watched too, for folders created or
/// moved in, and a folder that appears is watched again with everything below it. A
/// watch whose folder is gone is dropped.
public final class Watcher: @unchecked Sendable {
    private let fd: Int32
    private var watches: [Int32: String] = [:]
    /// Watches on the folders holding the watched ones: the names watched in each.
    private var parents: [Int32: (path: String, names: Set<String>)] = [:]
    private let lock = NSLock()
    private let mask: UInt32 = UInt32(IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MODIFY)
    private let parentMask: UInt32 = UInt32(IN_CREATE | IN_MOVED_TO | IN_DELETE | IN_MOVED_FROM | IN_ONLYDIR)

    /// Starts watching `folders` (those that exist) and everything below them, and the
    /// folders that hold them for the watched folders being made again.
    public init?(folders: [URL]) {
        fd = inotify_init1(Int32(IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        var names: [String: Set<String>] = [:]
        for folder in folders {
            names[folder.deletingLastPathComponent().path, default: []].insert(folder.lastPathComponent)
        }
        for (parent, watched) in names {
            let wd = inotify_add_watch(fd, parent, parentMask)
            if wd >= 0 { parents[wd] = (parent, watched) }
        }
        for folder in folders { _ = addRecursively(folder.path) }
    }

    deinit { close(fd) }

    /// Watches a folder and everything below it; returns the files found in it (new
    /// files when the folder has just appeared). A linked folder is not watched (lstat,
    /// not stat; the check reports the link).
    private func addRecursively(_ path: String) -> [String] {
        var st = stat()
        guard lstat(path, &st) == 0 else { return [] }
        guard (st.st_mode & S_IFMT) == S_IFDIR else { return (st.st_mode & S_IFMT) == S_IFREG ? [path] : [] }
        let wd = inotify_add_watch(fd, path, mask | UInt32(IN_DONT_FOLLOW))
        if wd >= 0 {
            lock.lock(); watches[wd] = path; lock.unlock()
        }
        var files: [String] = []
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where !name.hasPrefix(".") {
            files += addRecursively(path + "/" + name)
        }
        return files
    }

    /// Bursts of changes, each the set of paths that changed. Runs until the stream is
    /// dropped. `quiet` is short (15 ms): an editor's save (write, then rename) takes
    /// far less, and the wait is part of the preview's budget of 100 ms from save to page.
    public func changes(quiet: Duration = .milliseconds(15)) -> AsyncStream<Set<String>> {
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
                    let created = eventMask & UInt32(IN_ISDIR) != 0 && eventMask & UInt32(IN_CREATE | IN_MOVED_TO) != 0
                    if eventMask & UInt32(IN_IGNORED) != 0 {
                        // The folder is gone (removed, or moved away): forget its watch.
                        lock.lock(); watches[wd] = nil; lock.unlock()
                        continue
                    }
                    if let parent = parents[wd] {
                        // A watched folder itself appeared or went away.
                        guard parent.names.contains(name) else { continue }
                        let path = parent.path + "/" + name
                        if created { pending.add(addRecursively(path)) }
                        pending.add([path])
                        signal.yield(())
                        continue
                    }
                    lock.lock(); let dir = watches[wd]; lock.unlock()
                    guard let dir, !name.hasPrefix("."), !name.hasSuffix("~") else { continue }
                    let path = name.isEmpty ? dir : dir + "/" + name
                    if created { pending.add(addRecursively(path)) }
                    pending.add([path])
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

    func add(_ new: [String]) {
        guard !new.isEmpty else { return }
        lock.lock(); paths.formUnion(new); count += 1; lock.unlock()
    }

    func take() -> Set<String> {
        lock.lock(); defer { lock.unlock() }
        let out = paths
        paths = []
        return out
    }
}
