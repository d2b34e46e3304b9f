import Foundation
import Loading
import Model

/// What the loader made of each file of a tree, kept between runs of `oae check` under
/// `<output>/.cache/load/`, so that a check reads and parses again only the files written
/// since the last one (as `oae serve` does within one process, `LoadCache`). A file's
/// stored result stands while its stamp (size, modification and change times, device,
/// inode: `FileTree.FileStamp`, from the walk's own `fstatat`) is the one it had when
/// loaded, as git's index trusts a file's stat data; a result is stored only when the
/// file was last changed more than `racyMargin` before the load began, so that a write
/// within the file system's time granularity cannot keep a stale result's stamp.
///
/// The folder holds `key` (this oae's identity and the kind table the results were placed
/// with; another binary or kind table reads none of the results) and one file per group
/// of the tree (a municipality's folder, `seeds/abrera`; a folder of the model,
/// `model/services`), each replaced by a rename when a file of its group changed. Bytes
/// that are not what this version wrote (a damaged file) are ignored: the files are
/// parsed again. Nothing of the store is ever needed: without it, or when it cannot be
/// written (a read-only tree), the check reads every file, as it did before the store.
public enum LoadStore {
    /// Where the store stands in an output folder.
    public static let path = ".cache/load"
    /// A result is stored only when its file was changed at least this long (nanoseconds)
    /// before the load began: file systems keep times at a granularity of up to 2 s (FAT).
    static let racyMargin = 3_000_000_000
    static let magic = Array("oae load store 1\n".utf8)

    /// What a run found in the store: the paths and stamps of each group's stored results.
    public struct Opened: Sendable {
        public var cache: LoadCache
        /// The output folder the store stands in.
        var out: URL
        /// By group; a group whose file could not be read is not here.
        var groups: [String: [String: FileTree.FileStamp]]
        /// Whether the store's key is this run's (else every group is written anew).
        var keyStands: Bool
        /// Nanoseconds since 1970 when the store was opened (before the load began).
        var opened: Int
        /// How long before `opened` a file must have been changed for its result to be
        /// stored (`LoadStore.racyMargin`; tests set it to 0).
        var racyMargin = LoadStore.racyMargin
    }

    /// The group a path's result is stored with: its first two folders
    /// (`seeds/abrera/reports/x.yaml` → `seeds/abrera`), or its folder.
    static func group(of path: String) -> String {
        var slashes = 0
        var end = path.utf8.startIndex
        for i in path.utf8.indices where path.utf8[i] == UInt8(ascii: "/") {
            slashes += 1
            end = i
            if slashes == 2 { break }
        }
        return slashes == 0 ? "" : String(Substring(path.utf8[..<end]))
    }

    /// The file name of a group's results: `g` and the group with `%` and `/` escaped.
    static func fileName(of group: String) -> String {
        "g" + group.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "/", with: "%2F") + ".bin"
    }

    /// This binary and the tree's kind table (`model/schema/kinds.yaml`): results made by
    /// another oae, or placed by another kind table, are not this run's.
    static func key(root: URL) -> [UInt8] {
        var w = BinaryWriter()
        w.raw(magic)
        var st = stat()
        // The executable's own stamp: a rebuilt oae (another commit) has another.
        if stat("/proc/self/exe", &st) == 0 {
            let exe = FileTree.FileStamp(st)
            w.string("oae \(exe.size) \(exe.modified) \(exe.changed) \(exe.device) \(exe.inode)")
        } else {
            w.string("oae")
        }
        if let kinds = kinds(root: root) {
            w.unsigned(UInt64(kinds.count) + 1)
            w.raw(kinds)
        } else {
            w.unsigned(0)
        }
        return w.bytes
    }

    static func kinds(root: URL) -> [UInt8]? {
        try? FileTree.read(root: root, path: KindTable.path).get()
    }

    /// The store's folder in `out`, when each of its folders that exists is a folder, not a
    /// link or a file (nothing is read or written through a link).
    static func folder(out: URL) -> URL? {
        var url = out
        for name in [""] + path.split(separator: "/").map(String.init) {
            if !name.isEmpty { url.appendPathComponent(name, isDirectory: true) }
            var st = stat()
            if lstat(url.path, &st) == 0 {
                guard (st.st_mode & S_IFMT) == S_IFDIR else { return nil }
            } else if errno != ENOENT {
                return nil
            }
        }
        return url
    }

    /// The store of `out` as a cache for loading `root`: the results stored for this oae
    /// and this kind table (none when there is no store).
    public static func open(out: URL, root: URL) -> Opened {
        let opened = Int(Date().timeIntervalSince1970 * 1e9)
        let cache = LoadCache(compilesSchemas: true)
        guard let folder = folder(out: out),
              let stored = try? Data(contentsOf: folder.appendingPathComponent("key")), [UInt8](stored) == key(root: root),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return Opened(cache: cache, out: out, groups: [:], keyStands: false, opened: opened) }
        cache.restoreKinds(kinds(root: root))
        let files = names.filter { $0.hasPrefix("g") && $0.hasSuffix(".bin") }.sorted()
        let restored = parallelMap(files) { name -> (String, [String: FileTree.FileStamp])? in
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)), data.starts(with: magic) else { return nil }
            guard let paths = data.withUnsafeBytes({ cache.restore(UnsafeRawBufferPointer(rebasing: $0[magic.count...])) }),
                  let group = paths.keys.first.map(group(of:)), fileName(of: group) == name,
                  paths.keys.allSatisfy({ self.group(of: $0) == group })
            else { return nil }
            return (group, paths)
        }
        var groups: [String: [String: FileTree.FileStamp]] = [:]
        for case let (group, paths)? in restored { groups[group] = paths }
        return Opened(cache: cache, out: out, groups: groups, keyStands: true, opened: opened)
    }

    /// Writes what changed since `opened` of the results `opened.cache` holds after a load
    /// of `root`: each group whose stored results are not the ones to store now is written
    /// anew (by a rename), the files of groups gone are removed. Says how many groups it
    /// wrote; nil when the store could not be written (nothing of it is needed).
    @discardableResult
    public static func save(_ opened: Opened, root: URL) -> Int? {
        let fm = FileManager.default
        guard let folder = folder(out: opened.out) else { return nil }
        let key = key(root: root)
        // The kind table the load placed the files with is the store's.
        guard opened.cache.kindBytes == kinds(root: root) else { return nil }
        var byGroup: [String: [String: FileTree.FileStamp]] = [:]
        for (path, stamp) in opened.cache.storable(changedBefore: opened.opened - opened.racyMargin) {
            byGroup[group(of: path), default: [:]][path] = stamp
        }
        let keyFile = folder.appendingPathComponent("key")
        if !opened.keyStands {
            // Another key: every stored file is another oae's, or another kind table's.
            try? fm.removeItem(at: folder)
        }
        do {
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            return nil
        }
        let stale = byGroup.keys.filter { opened.groups[$0] != byGroup[$0] }.sorted().map { ($0, Array(byGroup[$0]!.keys)) }
        let written = parallelMap(stale) { group, paths -> Bool in
            let blob = magic + opened.cache.encode(paths)
            return (try? Data(blob).write(to: folder.appendingPathComponent(fileName(of: group)), options: .atomic)) != nil
        }
        for group in opened.groups.keys where byGroup[group] == nil {
            try? fm.removeItem(at: folder.appendingPathComponent(fileName(of: group)))
        }
        if !opened.keyStands {
            // Last: a store whose key is there holds only results made under that key.
            guard (try? Data(key).write(to: keyFile, options: .atomic)) != nil else { return nil }
        }
        return written.filter { $0 }.count
    }
}
