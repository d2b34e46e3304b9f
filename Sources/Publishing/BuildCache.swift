import Foundation
import JSON
import Loading
import Model
import Rendering
import Tools

/// The content hashes of a tree's input files (every file under `TreeLayout.contentFolders`)
/// and of the groups of them that outputs read: `shared` (what every handbook reads: all
/// but the municipalities' folders and the site's templates), `municipality/<slug>` (a
/// municipality's folder, `seeds/<slug>/`) and `all`.
public struct InputDigest: Sendable {
    /// A file's SHA-256 with the size, modification and change times it had when hashed.
    /// A file keeps its recorded hash only while all three are the same: the modification
    /// time can be set back (`cp -p`, `touch -r`), the change time cannot (the system sets
    /// it at every write), so an edit that keeps the size and the modification time is
    /// hashed again.
    public struct File: Sendable, Equatable {
        public var hash: String
        public var size: Int
        /// Nanoseconds since 1970.
        public var modified: Int
        /// Nanoseconds since 1970 (the inode's change time).
        public var changed: Int

        /// Whether the file's stamp is the one it had when hashed.
        func stands(for stamp: FileTree.FileStamp) -> Bool {
            size == stamp.size && modified == stamp.modified && changed == stamp.changed
        }
    }

    /// Every input file by path.
    public var files: [String: File]
    /// The hash of each group by name.
    public var groups: [String: String]

    public static let shared = "shared"
    public static let all = "all"
    public static func municipality(_ slug: String) -> String { "municipality/\(slug)" }

    /// Hashes the input files of `root`. A file whose size and modification time are those
    /// `previous` recorded keeps its recorded hash without being read (as git's index does).
    /// Sizes and times are the walk's (`FileTree.list`); the files of a folder are read
    /// through one open folder (`FileTree.Folder`), not each from the root down, and not
    /// `stat`ed by path again (each file read is `fstat`ed once read, to leave out one
    /// written since the walk): at 947 municipalities (16,000 files) this took 0.75 s of
    /// CPU, most of it in the system calls of those paths (issue 13).
    public static func compute(root: URL, municipalities: Set<String>, previous: [String: File] = [:]) -> InputDigest {
        grouped(hash(root: root, previous: previous), municipalities: municipalities)
    }

    /// The input files of `root` and their hashes (nil: a file that could not be read, or
    /// that was written since the walk), as `compute` finds them, before they are grouped.
    /// `listing`: the walk of the tree, when the build made it already (else made here).
    public static func hash(root: URL, previous: [String: File] = [:],
                            listing given: FileTree.Listing? = nil) -> (paths: [String], files: [File?]) {
        let listing = given ?? FileTree.list(root: root, folders: TreeLayout.contentFolders)
        let paths = listing.files
        // The files by folder, in the order of the walk (a folder's files need not be consecutive).
        var folders: [String: [Int]] = [:]
        var folderOrder: [String] = []
        for (i, path) in paths.enumerated() {
            // By bytes: a '/' is one byte, and a character of its own in a path of the walk.
            let folder = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(Substring(path.utf8[..<$0])) } ?? ""
            if folders[folder] == nil { folderOrder.append(folder) }
            folders[folder, default: []].append(i)
        }
        let byFolder = folderOrder.map { ($0, folders[$0]!) }
        // Opened once: each folder below opens from it.
        let rootFolder = FileTree.Folder(root: root, path: "")
        let hashedGroups = parallelMap(byFolder) { folder, indices -> [(Int, File?)] in
            var handle: FileTree.Folder?
            return indices.map { i -> (Int, File?) in
                let path = paths[i]
                let stamp = listing.stamps[i]
                if let old = previous[path], old.stands(for: stamp) { return (i, old) }
                if handle == nil { handle = FileTree.Folder(in: rootFolder, path: folder) }
                let name = String(decoding: path.utf8.dropFirst(folder.isEmpty ? 0 : folder.utf8.count + 1), as: UTF8.self)
                // A file written since the walk is left unhashed: the build loaded it as the
                // walk saw it (from the load store, or read before), so hashing its bytes now
                // would record content it did not build from. Left out, its group's hash
                // differs at the next build, which renders what read it again.
                guard case .success(let (bytes, now)) = handle!.readStamped(name), now == stamp else { return (i, nil) }
                var hash = ContentHash()
                hash.update(bytes)
                return (i, File(hash: hash.hexDigest(), size: stamp.size, modified: stamp.modified, changed: stamp.changed))
            }
        }
        var hashed = [File?](repeating: nil, count: paths.count)
        for group in hashedGroups { for (i, file) in group { hashed[i] = file } }
        return (paths, hashed)
    }

    /// The digest of hashed files: each file, and each group's hash of its files' paths
    /// and hashes, in path order.
    static func grouped(_ hashed: (paths: [String], files: [File?]), municipalities: Set<String>) -> InputDigest {
        let (paths, hashed) = hashed
        var files: [String: File] = [:]
        files.reserveCapacity(paths.count)
        var groups: [String: ContentHash] = [:]
        for (path, file) in zip(paths, hashed) {
            guard let file else { continue }
            files[path] = file
            var names = [all]
            switch SourceStamps.group(path[...], municipalities: municipalities) {
            case .shared: names.append(shared)
            case .siteTemplates: break
            case .municipality(let slug): names.append(municipality(slug))
            }
            for name in names {
                groups[name, default: ContentHash()].update(path)
                groups[name, default: ContentHash()].update(file.hash)
            }
        }
        var digests = groups.mapValues { $0.hexDigest() }
        for name in [shared, all] where digests[name] == nil { digests[name] = ContentHash().hexDigest() }
        for slug in municipalities where digests[municipality(slug)] == nil {
            digests[municipality(slug)] = ContentHash().hexDigest()
        }
        return InputDigest(files: files, groups: digests)
    }
}

/// The input files of a tree hashed for the build's record while the tree is loaded and
/// checked, taken by the build's `BuildCache` after. Two ways, by whether `out` holds a
/// record (`BuildRecord.path`):
/// - with a record (a warm build), on a thread of their own (`InputDigest.hash`), begun
///   before the load: the check leaves a core idle in its serial parts (gathering the
///   files it read, making the network), and the files whose size and time the record
///   holds are not read;
/// - without one (a cold build, every file to hash), from the bytes the load reads
///   (`observer`, given to `TreeLoader.load`): reading every input a second time to hash
///   it was ~0.2 s of CPU at 947 municipalities, most of it the reads' system calls and
///   page faults (issue 13). The files the load does not read (templates, READMEs, and
///   those whose results came from the load store, `LoadStore.forBuild`) are read and
///   hashed when the hashes are taken.
/// A file's hash comes with the size and time the walk saw, so a file changed meanwhile is
/// hashed again by the next build.
public final class EarlyInputHashes: @unchecked Sendable {
    /// The tree's root.
    public let root: URL
    private let done = DispatchGroup()
    private var result: (paths: [String], files: [InputDigest.File?]) = ([], [])
    /// The hashes of the files the load read, by path (a cold build); nil on a warm one.
    private let loaded: LoadedFileHashes?

    /// The walk of the tree the build loads (nil: walked when hashing).
    private let listing: FileTree.Listing?

    /// Starts hashing the inputs of `root` (a warm build), keeping the hashes recorded in
    /// `out`'s record for files whose size and time are unchanged; or, when `out` holds no
    /// record, waits for the load's bytes (`observer`). `listing`: the walk the build loads
    /// the tree from, so that the files hashed are those it loaded, with the same stamps.
    public init(root: URL, out: URL, listing: FileTree.Listing? = nil) {
        self.root = root
        self.listing = listing
        if FileManager.default.fileExists(atPath: out.appendingPathComponent(BuildRecord.path).path) {
            loaded = nil
            done.enter()
            DispatchQueue.global().async { [self] in
                result = InputDigest.hash(root: root, previous: BuildRecord.read(out: out).files, listing: listing)
                done.leave()
            }
        } else {
            loaded = LoadedFileHashes()
        }
    }

    /// What `TreeLoader.load` is to call with each file it reads, or nil when the hashes
    /// are made on a thread of their own.
    public var observer: TreeLoader.FileObserver? {
        guard let loaded else { return nil }
        return { path, stamp, bytes in loaded.add(path, stamp, bytes) }
    }

    /// The inputs' digest (`InputDigest.grouped`) being made, begun by `startGrouping`.
    private var grouping: (municipalities: Set<String>, work: Background<InputDigest>)?

    /// Begins the digest of the inputs of a tree of `municipalities` on a thread of its own
    /// (the build calls it once the tree is loaded, while the check runs). Call it once,
    /// before `digest`.
    public func startGrouping(municipalities: Set<String>) {
        grouping = (municipalities, .start { [self] in InputDigest.grouped(hashes(), municipalities: municipalities) })
    }

    /// The digest of the inputs of a tree of `municipalities`: the one `startGrouping` began
    /// when it was for the same municipalities, else made now.
    func digest(municipalities: Set<String>) -> InputDigest {
        if let grouping, grouping.municipalities == municipalities, let made = try? grouping.work.wait() { return made }
        return InputDigest.grouped(hashes(), municipalities: municipalities)
    }

    /// The hashes, once made (waits for them). With the load's hashes, the files it did
    /// not read are hashed now.
    func hashes() -> (paths: [String], files: [InputDigest.File?]) {
        if let loaded { return InputDigest.hash(root: root, previous: loaded.files, listing: listing) }
        done.wait()
        return result
    }
}

/// The hashes of the files a load read, added from its threads (`EarlyInputHashes`).
final class LoadedFileHashes: @unchecked Sendable {
    private let lock = NSLock()
    private var hashed: [String: InputDigest.File] = [:]

    /// Hashes `bytes`, the content of `path` when the walk saw it with `stamp`.
    func add(_ path: String, _ stamp: FileTree.FileStamp, _ bytes: [UInt8]) {
        var hash = ContentHash()
        hash.update(bytes)
        let file = InputDigest.File(hash: hash.hexDigest(), size: stamp.size, modified: stamp.modified, changed: stamp.changed)
        lock.withLock { hashed[path] = file }
    }

    /// Every file added, by path.
    var files: [String: InputDigest.File] { lock.withLock { hashed } }
}

/// `<out>/.cache/build.json`, the dependency record of the last build: each output unit
/// (`handbooks/<municipality>/<language>`, `data`, `site`) with the groups of inputs it read
/// and its key (a hash of those groups' content hashes and of everything else its bytes
/// depend on: oae's version, the revision and date it carries, the tools found), and the
/// content hash of every input file. A unit whose key is unchanged is not rendered again.
/// `.cache/` sits beside `site/`, never inside it, so it is never served.
public struct BuildRecord: Sendable, Equatable {
    /// An output unit: its key, the input groups it read, the PDF cache key of its
    /// PDF, if it has one (`PDFCache`), and the key of what it shows, if the step gives one.
    public struct Unit: Sendable, Equatable {
        public var key: String
        public var reads: [String]
        public var pdf: String?
        /// The key of what the unit shows, without how it is written (a handbook's inputs,
        /// the program and the days it is told as of, not whether it has a PDF): a later
        /// build that only links the unit (`oae build site`, the handbooks) compares it with
        /// the tree's now (`SiteStep.staleHandbooks`).
        public var content: String?

        public init(key: String, reads: [String], pdf: String? = nil, content: String? = nil) {
            self.key = key
            self.reads = reads
            self.pdf = pdf
            self.content = content
        }
    }

    /// The check of the build that wrote the record, for a warm build to replay
    /// (`CheckReplay` in Outputs says what its key covers).
    public struct Check: Sendable, Equatable {
        /// The key of the build: a SHA-256 of the stamps of every file it read and of
        /// everything else its check and its units depend on.
        public var key: String
        /// The check's warnings (`JSONReport.compact`; a build with errors writes nothing).
        public var warnings: String
        /// The lines a build that keeps every unit reports (`site: 0 rendered, 1 reused`).
        public var lines: [String]
        /// The files, relative to the output folder, that must be there for the units to be kept.
        public var files: [String]

        public init(key: String, warnings: String, lines: [String], files: [String]) {
            self.key = key
            self.warnings = warnings
            self.lines = lines
            self.files = files
        }
    }

    public var units: [String: Unit] = [:]
    public var files: [String: InputDigest.File] = [:]
    public var groups: [String: String] = [:]
    public var check: Check?

    public init(units: [String: Unit] = [:], files: [String: InputDigest.File] = [:], groups: [String: String] = [:],
                check: Check? = nil) {
        self.units = units
        self.files = files
        self.groups = groups
        self.check = check
    }

    /// The record's path under the output folder.
    public static let path = ".cache/build.json"

    /// False when `out` surely has no record (nothing at `path`, or no `out`): a build then
    /// has no check to replay, and need not wait for its key before loading the tree.
    public static func mayExist(out: URL) -> Bool {
        var st = stat()
        return lstat(out.appendingPathComponent(path).path, &st) == 0 || errno != ENOENT
    }

    /// The record of the output folder `out`; empty when there is none or it cannot be
    /// read (the next build is then a cold one).
    public static func read(out: URL) -> BuildRecord {
        bytes(out: out).map { parse($0.data) } ?? BuildRecord()
    }

    /// The check the record of `out` holds, alone (nil when there is none), with the stamp
    /// of the file it read (`FileTree.FileStamp`: device, inode, size, times), taken from
    /// the open file, so that the stamp is that of the bytes read. Each build replaces the
    /// file whole (the output folder is swapped), so the same stamp later means the same
    /// record: `CheckReplay.replay` reads it once, and decodes neither the input files'
    /// hashes nor the units, which it does not need.
    public static func check(out: URL) -> (check: Check?, stamp: FileTree.FileStamp)? {
        guard let (data, stamp) = bytes(out: out) else { return nil }
        guard let stored = try? JSONDecoder().decode(StoredCheckOnly.self, from: data), stored.format == BuildRecord.format else { return (nil, stamp) }
        return (stored.check.map { Check(key: $0.key, warnings: $0.warnings, lines: $0.lines, files: $0.files) }, stamp)
    }

    /// The largest record read, in bytes: a record holds about 150 bytes per input file
    /// (2.5 MB for the 16,000 files of 947 municipalities), so a larger file is not one a
    /// build wrote, and is not read whole into memory (a 500 MB file in its place took 1 GB;
    /// regression hunt of session 15).
    static let largest = 256 << 20

    /// The bytes of `out`'s record and the stamp of the file they were read from; nil
    /// when there is none, or it is not a regular file, is larger than `largest`, or cannot
    /// be read.
    private static func bytes(out: URL) -> (data: Data, stamp: FileTree.FileStamp)? {
        // O_NONBLOCK: a FIFO in the record's place must not wait for a writer (it is no
        // record: the build is a cold one, and the output replaces it).
        let fd = open(out.appendingPathComponent(path).path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size <= largest,
              let data = try? FileHandle(fileDescriptor: fd, closeOnDealloc: false).readToEnd() else { return nil }
        return (data, FileTree.FileStamp(st))
    }

    /// The record of build.json's bytes (`text`); empty when they are not a record of this
    /// format. Decoded into typed values (`JSONDecoder`): `JSONSerialization` and the casts
    /// of its values were a sixth of a warm build's CPU at 36 municipalities (issue 13).
    static func parse(_ data: Data) -> BuildRecord {
        guard let stored = try? JSONDecoder().decode(Stored.self, from: data), stored.format == BuildRecord.format else { return BuildRecord() }
        var record = BuildRecord()
        for (name, unit) in stored.units ?? [:] {
            record.units[name] = Unit(key: unit.key, reads: unit.reads ?? [], pdf: unit.pdf, content: unit.content)
        }
        for (name, file) in stored.files ?? [:] {
            record.files[name] = InputDigest.File(hash: file.hash, size: file.size, modified: file.modified, changed: file.changed)
        }
        record.groups = stored.groups ?? [:]
        record.check = stored.check.map { Check(key: $0.key, warnings: $0.warnings, lines: $0.lines, files: $0.files) }
        return record
    }

    /// build.json as `text` writes it.
    private struct Stored: Decodable {
        struct StoredUnit: Decodable {
            var key: String
            var reads: [String]?
            var pdf: String?
            var content: String?
        }

        /// `[hash, size, modified, changed]`.
        struct StoredFile: Decodable {
            var hash: String
            var size: Int
            var modified: Int
            var changed: Int

            init(from decoder: any Decoder) throws {
                var list = try decoder.unkeyedContainer()
                hash = try list.decode(String.self)
                size = try list.decode(Int.self)
                modified = try list.decode(Int.self)
                changed = try list.decode(Int.self)
            }
        }

        struct StoredCheck: Decodable {
            var key: String
            var warnings: String
            var lines: [String]
            var files: [String]
        }

        var format: Int
        var units: [String: StoredUnit]?
        var files: [String: StoredFile]?
        var groups: [String: String]?
        var check: StoredCheck?
    }

    /// build.json's format and check, the rest left undecoded.
    private struct StoredCheckOnly: Decodable {
        var format: Int
        var check: Stored.StoredCheck?
    }

    /// The version of the record's format: 2 since each file keeps its change time. A
    /// record of another format is none (the next build is a cold one).
    public static let format = 2

    /// The record as JSON, keys sorted: `{"format": 2, "units": {name: {"key", "reads",
    /// "pdf", and "content" when the unit has one}}, "groups": {name: hash}, "files": {path: [hash, size, mtime_ns, ctime_ns]}}`, and
    /// `"check": {"key", "warnings", "lines", "files"}` when the build recorded its check.
    public var text: String {
        let units = self.units.keys.sorted().map { name -> (String, JSONValue) in
            let u = self.units[name]!
            return (name, .object([("key", .string(u.key)), ("reads", .array(u.reads.map(JSONValue.string))),
                                   ("pdf", .optional(u.pdf))] + (u.content.map { [("content", .string($0))] } ?? [])))
        }
        let groups = self.groups.keys.sorted().map { ($0, JSONValue.string(self.groups[$0]!)) }
        let files = self.files.keys.sorted().map { path -> (String, JSONValue) in
            let f = self.files[path]!
            return (path, .array([.string(f.hash), .int(f.size), .int(f.modified), .int(f.changed)]))
        }
        var fields: [(String, JSONValue)] = [("format", .int(BuildRecord.format)), ("units", .object(units)), ("groups", .object(groups)),
                                             ("files", .object(files))]
        if let check {
            fields.append(("check", .object([("key", .string(check.key)), ("warnings", .string(check.warnings)),
                                             ("lines", .array(check.lines.map(JSONValue.string))),
                                             ("files", .array(check.files.map(JSONValue.string)))])))
        }
        return JSONValue.object(fields).serialized(pretty: false) + "\n"
    }
}

/// One build's view of its dependency record: the previous build's record, the content
/// hashes of this build's inputs, and the units this build writes or keeps. Steps ask it
/// whether a unit can be kept from the previous output (`unchanged`) and tell it what
/// they wrote (`record`); the pipeline writes the new record into the staging tree, so
/// it takes the output's place together with the outputs it describes.
public final class BuildCache: @unchecked Sendable {
    /// The previous output folder.
    public let out: URL
    public let previous: BuildRecord
    public let digest: InputDigest
    private let lock = NSLock()
    private var units: [String: BuildRecord.Unit]
    /// This build's check, to record (`BuildRecord.check`); nil records none.
    public var check: BuildRecord.Check?
    /// The program that renders (`binary`), a part of every unit's key: a unit written by
    /// another or a rebuilt oae is rendered again, so that what a new version changes in
    /// its outputs (a layout, a fix) reaches an output whose inputs did not change.
    public let tool: String
    /// The day the outputs tell states as of when the writer gave it (`BuildInput.asOf`),
    /// else "": a part of every unit's key, so that a build with another `--as-of` (or
    /// without it) renders again what the previous one wrote.
    public let asOf: String

    /// The stamp of the running binary (`/proc/self/exe`: device, inode, size, modification
    /// and change times), "unknown" and a random id when it cannot be read (then no key
    /// matches a build made by another process).
    public static let binary: String = {
        var st = stat()
        guard stat("/proc/self/exe", &st) == 0 else { return "unknown \(UUID().uuidString)" }
        return "\(st.st_dev) \(st.st_ino) \(st.st_size) \(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec) \(st.st_ctim.tv_sec).\(st.st_ctim.tv_nsec)"
    }()

    /// Reads `out`'s record and hashes the inputs of `input`, or takes the hashes `early`
    /// began (when it hashes the same root); `tool` stands for the program (`binary`).
    public init(out: URL, input: BuildInput, early: EarlyInputHashes? = nil, tool: String = BuildCache.binary) {
        self.out = out
        self.tool = tool
        asOf = input.asOf.map { "as of \($0)" } ?? ""
        previous = BuildRecord.read(out: out)
        let municipalities = Set(input.network.municipalities.keys)
        if let early, early.root.standardizedFileURL.path == input.root.standardizedFileURL.path {
            digest = early.digest(municipalities: municipalities)
        } else {
            digest = InputDigest.compute(root: input.root, municipalities: municipalities, previous: previous.files)
        }
        units = previous.units
    }

    /// The hash of an input group (`InputDigest.shared`, `InputDigest.municipality(slug)`, `InputDigest.all`).
    public func group(_ name: String) -> String { digest.groups[name] ?? ContentHash().hexDigest() }

    /// A unit's key: a hash of the groups it reads, of the program (`tool`) and of
    /// `parts` (what else its bytes depend on).
    public func key(reads: [String], _ parts: [String]) -> String {
        key(reads: reads, parts, asOf: asOf)
    }

    /// `key` with `asOf` in place of this build's (`""`: for a key that says the day its
    /// unit is told as of among its `parts`, the same whether it was given or the tree's).
    public func key(reads: [String], _ parts: [String], asOf: String) -> String {
        var hash = ContentHash()
        for name in reads { hash.update(name); hash.update(group(name)) }
        hash.update([1])
        hash.update(tool)
        hash.update([1])
        hash.update(asOf)
        hash.update([1])
        for part in parts { hash.update(part) }
        return hash.hexDigest()
    }

    /// True when the previous build recorded `unit` with the same key and every file of
    /// `files` (relative to the previous output folder) is still there.
    public func unchanged(_ unit: String, key: String, files: [String]) -> Bool {
        guard previous.units[unit]?.key == key else { return false }
        return files.allSatisfy { FileManager.default.fileExists(atPath: out.appendingPathComponent($0).path) }
    }

    /// The previous build's unit.
    public func previousUnit(_ unit: String) -> BuildRecord.Unit? { previous.units[unit] }

    /// The unit as this build recorded it, or else as the previous build did.
    public func unit(_ name: String) -> BuildRecord.Unit? {
        lock.lock()
        defer { lock.unlock() }
        return units[name]
    }

    /// `name=key` for every unit of a step, this build's or else the previous build's,
    /// sorted by name: what a later step that reads the step's output depends on.
    public func keys(step: String) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        return units.keys.filter { BuildCache.unit($0, of: step) }.sorted().map { "\($0)=\(units[$0]!.key)" }
    }

    /// True when `unit` is the step's (`site`, `handbooks/<m>/<lang>` of `handbooks`).
    public static func unit(_ unit: String, of step: String) -> Bool {
        unit == step || unit.hasPrefix(step + "/")
    }

    /// Forgets the units of a step (a step that writes all of them anew).
    public func forget(step: String) {
        lock.lock()
        defer { lock.unlock() }
        units = units.filter { !BuildCache.unit($0.key, of: step) }
    }

    /// Records a unit this build wrote or kept.
    public func record(_ unit: String, _ value: BuildRecord.Unit) {
        lock.lock()
        defer { lock.unlock() }
        units[unit] = value
    }

    /// The new record.
    public var record: BuildRecord {
        lock.lock()
        defer { lock.unlock() }
        return BuildRecord(units: units, files: digest.files, groups: digest.groups, check: check)
    }

    /// Writes the new record into `staging` (`.cache/build.json`) as a new file: the
    /// previous record, linked into the staging tree, is never written through.
    public func write(into staging: URL) throws {
        let url = staging.appendingPathComponent(BuildRecord.path)
        try Interruption.makingFolders(url.deletingLastPathComponent().path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: url)
        try Data(record.text.utf8).write(to: url, options: .atomic)
    }

    /// Records this build's check in the previous output's record when the build keeps
    /// every unit (nothing else is written): a warm build after it replays the check.
    /// Call it holding the output's lock. The record takes the new one's place by a rename,
    /// so a record linked into another output is never written through.
    public func recordCheck() throws {
        guard previous.check != check else { return }
        var kept = previous
        kept.check = check
        let url = out.appendingPathComponent(BuildRecord.path)
        try Data(kept.text.utf8).write(to: url, options: .atomic)
    }
}
