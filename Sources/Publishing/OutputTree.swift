import COAESystem
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Why a build could not write its output, in one line a person can act on.
public enum OutputError: Error, CustomStringConvertible, Sendable {
    /// Another build holds the output folder's lock.
    case busy(folder: String)
    /// The output folder (or its staging folder) cannot be created or written.
    case unwritable(folder: String, reason: String)
    /// A step failed; the output is unchanged.
    case step(name: String, message: String)
    /// The output folder holds files oae did not write (it has no `.lock`): replacing it
    /// whole would remove them.
    case foreign(folder: String)

    public var description: String {
        switch self {
        case let .busy(folder):
            return "another build is running in \(folder); wait for it to finish (the output stays as it was)"
        case let .unwritable(folder, reason):
            return "cannot write \(folder): \(reason)"
        case let .step(name, message):
            return "\(name): \(message)"
        case let .foreign(folder):
            return "\(folder) holds files oae did not write: oae replaces its output folder whole, so it writes only "
                + "to a new or empty folder or to one it wrote before (which holds its \(OutputTree.lockName)); "
                + "choose another folder with --out"
        }
    }
}

/// One build's view of the output folder: every step writes into a staging folder
/// beside it, and the staging folder takes the output folder's place in one atomic
/// exchange at the end, so that a failed, killed or concurrent build leaves the previous
/// output whole: `handbooks/`, `data/` and `site/` always come from the same build.
///
/// - A lock (`flock` on `<out>/.lock`, carried into every new output by a hard link, so
///   it is the same file across builds) lets one build at a time write; another gets
///   `OutputError.busy` at once.
/// - The staging folder starts with the previous output's entries that this build does
///   not write (hard links, nothing is copied): the folders of steps not run, the caches.
/// - Staging folders of builds that were killed are removed by the next build.
/// - A folder that holds files but no lock is not an output oae wrote: it is refused
///   (`OutputError.foreign`), as is a file in its place.
public final class OutputTree: @unchecked Sendable {
    /// The output folder (`output/`).
    public let target: URL
    /// Where this build writes; it becomes `target` at `commit()`.
    public let staging: URL
    private var lockDescriptor: Int32
    private var finished = false
    /// The build's dependency record (`output/.cache/build.json`), when the build is
    /// incremental: steps keep the units it says are unchanged from the previous output.
    public var cache: BuildCache?

    /// The lock file inside the output folder.
    public static let lockName = ".lock"
    static let stagingMarker = ".staging-"
    /// What oae may have put in an output folder before any build wrote its lock there: the
    /// preview (`oae serve`) and the exported schemas (`oae schema export`).
    static let ownEntries: Set<String> = [lockName, ".cache", ".preview", "schema"]

    /// Whether `target` is a folder of files oae did not write: one without oae's lock
    /// that holds anything but what oae may put there before a build (`ownEntries`). A
    /// build refuses it (`OutputError.foreign`), and nothing else of oae writes into it.
    public static func isForeign(_ target: URL) -> Bool {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: target.path)) ?? []
        return !entries.contains(lockName) && entries.contains(where: { !ownEntries.contains($0) && !$0.contains(stagingMarker) })
    }

    /// Takes the lock and prepares the staging folder. `rebuilding` names the entries of
    /// the output this build writes anew (`site`, `data`…); every other entry is carried
    /// over from the previous output.
    public static func begin(_ target: URL, rebuilding: Set<String>) throws -> OutputTree {
        // `unchanged` never says true, so there is always a tree.
        try begin(target, rebuilding: rebuilding, unless: { false })!
    }

    /// `begin`, unless `unchanged` (asked holding the lock, once the staging folders of
    /// killed builds are removed) says the output is already what this build would write:
    /// then nil, the lock released and nothing else touched.
    public static func begin(_ target: URL, rebuilding: Set<String>, unless unchanged: () -> Bool) throws -> OutputTree? {
        let fm = FileManager.default
        let shown = target.path
        var isFolder: ObjCBool = false
        if fm.fileExists(atPath: target.path, isDirectory: &isFolder), isFolder.boolValue {
            let entries = (try? fm.contentsOfDirectory(atPath: target.path)) ?? []
            if !entries.contains(lockName),
               entries.contains(where: { !rebuilding.contains($0) && !ownEntries.contains($0) && !$0.contains(stagingMarker) }) {
                throw OutputError.foreign(folder: shown)
            }
        }
        try OutputPlace.create(target, shown: shown)
        let fd = oae_try_lock(target.appendingPathComponent(lockName).path)
        if fd == -2 { throw OutputError.busy(folder: shown) }
        if fd < 0 { throw OutputError.unwritable(folder: shown, reason: OutputError.reason(POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO),
                                                                                             at: target.appendingPathComponent(lockName).path)) }
        let parent = target.deletingLastPathComponent()
        let prefix = "." + target.lastPathComponent + stagingMarker
        // Holding the lock, any staging folder left beside the output is a killed build's.
        for entry in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] where entry.hasPrefix(prefix) {
            try? fm.removeItem(at: parent.appendingPathComponent(entry))
        }
        let staging = parent.appendingPathComponent(prefix + String(getpid()), isDirectory: true)
        let tree = OutputTree(target: target, staging: staging, lock: fd)
        Interruption.began(tree)
        if unchanged() {
            tree.release()
            return nil
        }
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            tree.abandon()
            throw OutputError.unwritable(folder: staging.path, reason: OutputError.reason(error))
        }
        let entries: [String]
        do {
            entries = try fm.contentsOfDirectory(atPath: target.path).sorted()
        } catch {
            tree.abandon()
            throw OutputError.unwritable(folder: shown, reason: OutputError.reason(error, at: target.path))
        }
        for entry in entries
            where !rebuilding.contains(entry) && !entry.contains(stagingMarker) && !OutputTree.misplaced(entry, in: target) {
            do {
                // `.cache` holds `oae check`'s load store, which a check may write while a
                // build clones it (the store takes no lock): a file it replaced is left out.
                try HardLinks.clone(target.appendingPathComponent(entry), to: staging.appendingPathComponent(entry),
                                    skippingVanished: entry == ".cache")
            } catch where entry == ".cache" {
                // The record of the last build only spares work: one oae cannot carry over
                // (a folder it cannot read) is left out, and this build makes it anew.
                try? fm.removeItem(at: staging.appendingPathComponent(entry))
            } catch {
                // The entry named, not the staging folder: it is the previous output's.
                tree.abandon()
                throw OutputError.unwritable(
                    folder: shown, reason: "its \(entry) from the last build, which this build keeps, cannot be carried over: "
                        + OutputError.reason(error, at: target.appendingPathComponent(entry).path))
            }
        }
        return tree
    }

    /// Whether `entry` of the output folder is oae's cache (`.cache`) in a form oae never
    /// writes (a file, a link): it is not carried over, so the build makes the folder anew,
    /// where carrying it over made every build fail as if another program wrote there.
    static func misplaced(_ entry: String, in target: URL) -> Bool {
        guard entry == ".cache" else { return false }
        var st = stat()
        return lstat(target.appendingPathComponent(entry).path, &st) == 0 && (st.st_mode & S_IFMT) != S_IFDIR
    }

    private init(target: URL, staging: URL, lock: Int32) {
        self.target = target
        self.staging = staging
        self.lockDescriptor = lock
    }

    deinit {
        if !finished { abandon() }
    }

    /// A folder of the staging output (`handbooks`), created.
    public func folder(_ name: String) throws -> URL {
        let url = staging.appendingPathComponent(name, isDirectory: true)
        do {
            try Interruption.makingFolders(url.path)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw OutputError.unwritable(folder: url.path, reason: OutputError.reason(error))
        }
        return url
    }

    /// The previous output's entry of that name (it may not exist).
    public func previous(_ name: String) -> URL { target.appendingPathComponent(name, isDirectory: true) }

    /// Waits until the step `name` of this build has written its folder, for a step that
    /// runs beside it (`OutputStep.runsBeside`, which names only earlier steps: they have
    /// started before it). Returns at once for a step this build has finished or does not
    /// run; rethrows that step's error when it failed (the build then reports that step's
    /// own error, first in the steps' order).
    public func written(_ name: String) throws {
        try steps.wait(name)
    }

    /// The steps of this build still writing, for `written(_:)`: set by the build pipeline.
    public let steps = StepProgress()

    /// Puts the staging folder in the output folder's place, in one atomic exchange, and
    /// removes the previous output. Releases the lock.
    public func commit() throws {
        defer { release() }
        // Held through the exchange: a signal's handler (`Interruption.stop`) waits for it,
        // and once the handler holds it, no exchange starts.
        Interruption.gate.lock()
        defer { Interruption.gate.unlock() }
        let fm = FileManager.default
        if oae_exchange_paths(staging.path, target.path) != 0 {
            // No atomic exchange on this system: two renames, the old output kept until
            // the new one is in place.
            let old = target.deletingLastPathComponent()
                .appendingPathComponent("." + target.lastPathComponent + OutputTree.stagingMarker + "old-\(getpid())")
            do {
                try fm.moveItem(at: target, to: old)
                try fm.moveItem(at: staging, to: target)
            } catch {
                if !fm.fileExists(atPath: target.path) { try? fm.moveItem(at: old, to: target) }
                throw OutputError.unwritable(folder: target.path, reason: OutputError.reason(error))
            }
            try? fm.removeItem(at: old)
            Interruption.committed = true
            return
        }
        Interruption.committed = true
        try? fm.removeItem(at: staging)  // now the previous output
    }

    /// Drops the staging folder; the output stays as it was. Releases the lock.
    public func abandon() {
        try? FileManager.default.removeItem(at: staging)
        release()
    }

    private func release() {
        finished = true
        Interruption.ended(self)
        if lockDescriptor >= 0 {
            close(lockDescriptor)
            lockDescriptor = -1
        }
    }
}

/// Which steps of a build are still writing, and how each that finished ended: what
/// `OutputTree.written(_:)` waits on. Safe to share between threads.
public final class StepProgress: @unchecked Sendable {
    private let condition = NSCondition()
    private var writing: Set<String> = []
    private var failed: [String: any Error] = [:]

    /// Marks `name` as writing: `wait(name)` blocks until `finish(name, error:)`.
    public func start(_ name: String) {
        condition.withLock { _ = writing.insert(name) }
    }

    /// Marks `name` as done, with its error when it failed.
    public func finish(_ name: String, error: Error?) {
        condition.withLock {
            writing.remove(name)
            if let error { failed[name] = error }
            condition.broadcast()
        }
    }

    /// Waits until `name` is not writing; rethrows its error when it failed.
    public func wait(_ name: String) throws {
        let failure: (any Error)? = condition.withLock {
            while writing.contains(name) { condition.wait() }
            return failed[name]
        }
        if let failure { throw failure }
    }
}

/// What a build stopped by a signal (Ctrl-C) needs to know to say what it left, and to
/// leave the output whole: whether an output was put in place, and the staging folders of
/// the trees begun and not yet committed or abandoned.
public enum Interruption {
    /// Held by `OutputTree.commit` through the exchange, and by `stop` until the process
    /// exits: a build stopped either put its whole output in place or left it as it was.
    static let gate = NSLock()
    /// Guards `live`.
    private static let lock = NSLock()
    nonisolated(unsafe) private static var live: [ObjectIdentifier: URL] = [:]
    /// Whether an output tree of this process was put in place (under `gate`).
    nonisolated(unsafe) static var committed = false
    /// Set by `stop` before anything else. From then on the build's threads create no
    /// folder (`makingFolders`), so that one still writing a page does not make again the
    /// staging folder the signal's handler is removing: it made the folders of the page's
    /// path, the staging folder first, when the page's folder was gone (the output of an
    /// interrupted build was left beside it).
    static let stopping = Atomic<Bool>(false)

    /// Throws, naming `folder`, when a signal's handler is stopping the build; called
    /// before the build creates a folder.
    static func makingFolders(_ folder: String) throws {
        if stopping.load(ordering: .acquiring) { throw FileWriteError(path: folder, code: ECANCELED) }
    }

    static func began(_ tree: OutputTree) { lock.withLock { live[ObjectIdentifier(tree)] = tree.staging } }
    static func ended(_ tree: OutputTree) { _ = lock.withLock { live.removeValue(forKey: ObjectIdentifier(tree)) } }

    /// For a signal's handler, which then exits without returning: waits for an exchange
    /// under way, stops every later one (this call never releases the gate), and says
    /// whether an output was put in place and which staging folders are unfinished (sorted),
    /// for the handler to remove.
    public static func stop() -> (committed: Bool, staging: [URL]) {
        stopping.store(true, ordering: .releasing)
        gate.lock()
        let staging = lock.withLock { live.values.sorted { $0.path < $1.path } }
        return (committed, staging)
    }
}

/// Copies of folders made of hard links: the files are shared, never changed in place
/// (each write makes a new file), so a clone costs one link per file.
public enum HardLinks {
    /// Clones `source` (a file or a folder) to `target`. `skippingVanished`: a file of the
    /// folder gone since its listing is left out (a file of `oae check`'s load store, which
    /// a check replaces without the output's lock); else it is an error (nothing else but
    /// the build writes an output under its lock).
    public static func clone(_ source: URL, to target: URL, skippingVanished: Bool = false) throws {
        var st = stat()
        guard lstat(source.path, &st) == 0 else { throw POSIXError(.ENOENT) }
        switch st.st_mode & S_IFMT {
        case S_IFDIR:
            try Interruption.makingFolders(target.path)
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            try cloneEntries(try FileManager.default.contentsOfDirectory(atPath: source.path), of: source, to: target,
                             skippingVanished: skippingVanished)
        case S_IFREG:
            try place(source, at: target)
        default:
            break  // links and special files are never part of an output
        }
    }

    /// Clones the entries `names` of the folder `source` into the folder `target` (made).
    static func cloneEntries(_ names: [String], of source: URL, to target: URL, skippingVanished: Bool) throws {
        for entry in names {
            let from = source.appendingPathComponent(entry), to = target.appendingPathComponent(entry)
            // A file straight into the folder just made: one link(2), without `place`'s
            // checks of the folder and the target (the site links 950 data files at 947
            // municipalities).
            var entryStat = stat()
            if lstat(from.path, &entryStat) == 0, entryStat.st_mode & S_IFMT == S_IFREG, link(from.path, to.path) == 0 { continue }
            if skippingVanished, lstat(from.path, &entryStat) != 0, errno == ENOENT { continue }
            try clone(from, to: to, skippingVanished: skippingVanished)
        }
    }

    /// Puts a file at `target` by a hard link, or by a copy where links are not possible.
    public static func place(_ source: URL, at target: URL) throws {
        let fm = FileManager.default
        try Interruption.makingFolders(target.deletingLastPathComponent().path)
        try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        if fm.fileExists(atPath: target.path) { try fm.removeItem(at: target) }
        if link(source.path, target.path) == 0 { return }
        try fm.copyItem(at: source, to: target)
    }
}
