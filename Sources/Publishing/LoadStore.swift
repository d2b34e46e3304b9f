import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Loading
import Model
import Rendering

/// What the loader made of each file of a tree, kept between runs of `oae check` under
/// `<output>/.cache/load/`, so that a check reads and parses again only the files written
/// since the last one (as `oae serve` does within one process, `LoadCache`). A file's
/// stored result stands while its stamp (size, modification and change times, device,
/// inode: `FileTree.FileStamp`, from the walk's own `fstatat`) is the one it had when
/// loaded, as git's index trusts a file's stat data; a result is stored only when the
/// file was last changed more than `racyMargin` before the store was opened (before the
/// walk of the tree), so that a write within the file system's time granularity cannot
/// keep a stale result's stamp.
///
/// The folder holds one file per group of the tree (a municipality's folder,
/// `seeds/abrera`; a folder of the model, `model/services`), each written anew (by a
/// rename) when a file of its group changed. Each begins with the SHA-256 of the store's
/// key (this oae, the parsers' libraries and the kind table the results were placed with:
/// `LoaderIdentity`, `model/schema/kinds.yaml`) and of its own bytes: a file of another
/// key, or damaged, is read as nothing and its files are parsed again. The store is read
/// through `FileTree.Folder` (no link followed, 8 MB at most per file) and written only
/// into an output folder of oae's (not a folder of other files, which a build refuses
/// too). Nothing of it is ever needed: without it, or when it cannot be written (a
/// read-only tree), the check reads every file, as it did before the store.
public enum LoadStore {
    /// Where the store stands in an output folder.
    public static let path = ".cache/load"
    /// A result is stored only when its file was changed at least this long (nanoseconds)
    /// before the store was opened: file systems keep times at a granularity of up to 2 s (FAT).
    public static let racyMargin = 3_000_000_000
    static let magic = Array("oae load store 2\n".utf8)
    /// The bytes of a group file before its results: the magic, then the SHA-256 (hex) of
    /// the key's digest and the results.
    static let headerSize = magic.count + 64

    /// What a run found in the store: the paths and stamps of each group's stored results.
    public struct Opened: Sendable {
        public var cache: LoadCache
        /// The output folder the store stands in.
        var out: URL
        /// By group: the results read from the group's file (a group whose file could not
        /// be read, or was of another key, is not here).
        var groups: [String: [String: FileTree.FileStamp]]
        /// The digest of the key the results were read under (nil: no store, or no
        /// identity for this oae, `LoaderIdentity`).
        var key: String?
        /// Nanoseconds since 1970 when the store was opened, or the walk of the tree began
        /// when that was before: a result is stored only for a file changed before it.
        var opened: Int
        /// How long before `opened` a file must have been changed for its result to be
        /// stored (`LoadStore.racyMargin`; tests set it to 0).
        var racyMargin = LoadStore.racyMargin
        /// When the store is kept: `oae check` keeps it whatever it finds; a build with the
        /// output it writes (a build stopped by errors, or that fails or is stopped later,
        /// leaves its output folder as it was), and never the tree's store read by a build
        /// into another folder (`forBuild`).
        public var saving = Saving.always
    }

    /// When the store a check loaded through is kept.
    public enum Saving: Sendable {
        /// While the rules run, whatever they find (`oae check`: `CheckRun.checked`).
        case always
        /// With the build's output (`BuildSettings.loadStore`): into the staged output
        /// folder, swapped in with it, or into the output folder in place when the build
        /// keeps every output unit (as its record's check is written then).
        case withTheBuild
        /// Never (a build into another folder than the store's).
        case never
    }

    /// The store a build into `out` loads through: `out`'s own when it has one or is the
    /// tree's output folder (`<root>/output`, where `oae check` keeps it), kept with the
    /// build's output (`Saving.withTheBuild`); else the tree's, read only (a build keeps no
    /// store outside its output folder). So a build after a check parses only the files written
    /// since the check, into whichever folder it writes (at 947 municipalities the load was
    /// about 1 s of a 10 s build of the handbooks, issue 13). `walked`: when the walk of the
    /// tree the load reads began.
    public static func forBuild(out: URL, root: URL, walked: Int) -> Opened {
        let treeOutput = root.appendingPathComponent("output", isDirectory: true)
        var st = stat()
        var opened: Opened
        if out.standardizedFileURL.path == treeOutput.standardizedFileURL.path
            || lstat(out.appendingPathComponent(path).path, &st) == 0 {
            opened = open(out: out, root: root, walked: walked)
            opened.saving = .withTheBuild
        } else {
            opened = open(out: treeOutput, root: root, walked: walked)
            opened.saving = .never
        }
        return opened
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

    /// The digest of the store's key: this oae and its parsers (`LoaderIdentity`) and the
    /// kind table's bytes; nil without an identity.
    static func key(kinds: [UInt8]?) -> String? {
        guard let identity = LoaderIdentity.text else { return nil }
        var hash = ContentHash()
        hash.update(magic)
        hash.update(identity)
        if let kinds {
            hash.update("\nkinds \(kinds.count)\n")
            hash.update(kinds)
        } else {
            hash.update("\nno kinds\n")
        }
        return hash.hexDigest()
    }

    /// The seal of a group file: the SHA-256 of the key's digest and the results' bytes.
    static func seal(key: String, results: UnsafeRawBufferPointer) -> String {
        var hash = ContentHash()
        hash.update(key)
        hash.update(results)
        return hash.hexDigest()
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

    /// Nanoseconds since 1970, now: the time to give `open` as `walked` when the walk of
    /// the tree comes before it.
    public static func now() -> Int { Int(Date().timeIntervalSince1970 * 1e9) }

    /// The store of `out` as a cache for loading `root`: the results stored under this
    /// oae's key for the tree's kind table (none when there is no store). `walked`: when
    /// the walk of the tree the load reads (its stamps) began, if before now (`now()`).
    public static func open(out: URL, root: URL, walked: Int? = nil) -> Opened {
        let opened = walked ?? now()
        let cache = LoadCache(compilesSchemas: true)
        let kinds = kinds(root: root)
        let key = key(kinds: kinds)
        guard let key, let folder = folder(out: out),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        else { return Opened(cache: cache, out: out, groups: [:], key: key, opened: opened) }
        cache.restoreKinds(kinds)
        let reader = FileTree.Folder(root: out, path: path)
        let files = names.filter { $0.hasPrefix("g") && $0.hasSuffix(".bin") }
        let restored = parallelMap(files) { name -> (String, [LoadCache.StoredEntry])? in
            guard case let .success(bytes) = reader.read(name), bytes.count >= headerSize,
                  bytes.starts(with: magic) else { return nil }
            return bytes.withUnsafeBytes { raw -> (String, [LoadCache.StoredEntry])? in
                let results = UnsafeRawBufferPointer(rebasing: raw[headerSize...])
                guard Array(raw[magic.count..<headerSize]) == Array(seal(key: key, results: results).utf8),
                      let entries = LoadCache.decode(results), let group = entries.first.map({ group(of: $0.path) }),
                      fileName(of: group) == name, entries.allSatisfy({ self.group(of: $0.path) == group })
                else { return nil }
                return (group, entries)
            }
        }
        var groups: [String: [String: FileTree.FileStamp]] = [:]
        for case let (group, entries)? in restored {
            cache.insert(entries)
            var stamps: [String: FileTree.FileStamp] = [:]
            for e in entries { stamps[e.path] = e.stamp }
            groups[group] = stamps
        }
        return Opened(cache: cache, out: out, groups: groups, key: key, opened: opened)
    }

    /// Writes what changed since `opened` of the results `opened.cache` holds after a load:
    /// each group whose stored results are not the ones to store now is written anew (by
    /// a rename), and the files of groups gone, of another key or damaged are removed.
    /// Everything goes through the store's folder opened once without following a link
    /// (`openat`, `renameat`, `unlinkat`): a folder swapped for a link meanwhile is not
    /// written through. A group of no result, or whose file would be over the size the
    /// reader takes (`TextChecks.maxFileBytes`), is not written. Says how many groups it
    /// wrote; nil when nothing could be written: a store read only (`forBuild`), no
    /// identity, a folder of the store (or the output folder) that is a link or a file, an
    /// output folder of other files.
    @discardableResult
    public static func save(_ opened: Opened, root: URL) -> Int? {
        save(opened, root: root, into: opened.out, staged: false)
    }

    /// `save` into `staging`, the staged folder of a build into the store's output folder
    /// (a clone of that folder's entries, `OutputTree`): the groups that did not change
    /// stay the clone's files, the others are written anew there.
    @discardableResult
    public static func save(_ opened: Opened, root: URL, staging: URL) -> Int? {
        save(opened, root: root, into: staging, staged: true)
    }

    private static func save(_ opened: Opened, root: URL, into out: URL, staged: Bool) -> Int? {
        // The key of the kind table the load placed the files with (it may have changed
        // since the store was opened: the results read then are not this key's).
        guard opened.saving != .never, let key = key(kinds: opened.cache.kindBytes), staged || !OutputTree.isForeign(out),
              let folder = StoreFolder(out: out) else { return nil }
        let stored = key == opened.key ? opened.groups : [:]
        var byGroup: [String: [String: FileTree.FileStamp]] = [:]
        for (path, stamp) in opened.cache.storable(changedBefore: opened.opened - opened.racyMargin) {
            byGroup[group(of: path), default: [:]][path] = stamp
        }
        let unchanged = Set(byGroup.keys.filter { stored[$0] == byGroup[$0] })
        let stale = byGroup.keys.filter { !unchanged.contains($0) }.sorted().map { ($0, Array(byGroup[$0]!.keys)) }
        let written = parallelMap(stale) { group, paths -> String? in
            let (results, count) = opened.cache.encodeCounting(paths)
            guard count > 0, headerSize + results.count <= TextChecks.maxFileBytes else { return nil }
            let sealed = results.withUnsafeBytes { seal(key: key, results: $0) }
            let name = fileName(of: group)
            return folder.write(magic + Array(sealed.utf8) + results, name: name) ? name : nil
        }
        // Every other file: a group gone, of another key, damaged, or not the store's.
        let kept = Set(unchanged.map(fileName(of:))).union(written.compactMap { $0 })
        for name in folder.names() where !kept.contains(name) { folder.remove(name) }
        return written.compactMap { $0 }.count
    }

    /// The store's folder, opened (and made) without following a link at `out`, `.cache`
    /// or `load`; closed when released.
    final class StoreFolder: @unchecked Sendable {
        let fd: Int32

        init?(out: URL) {
            // The output folder is made when missing (a check in a tree never built).
            if mkdir(out.path, 0o755) != 0, errno != EEXIST { return nil }
            var dir = Glibc.open(out.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard dir >= 0 else { return nil }
            for name in LoadStore.path.split(separator: "/").map(String.init) {
                if mkdirat(dir, name, 0o755) != 0, errno != EEXIST {
                    close(dir)
                    return nil
                }
                let next = openat(dir, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                close(dir)
                guard next >= 0 else { return nil }
                dir = next
            }
            fd = dir
        }

        deinit { close(fd) }

        /// The names of the folder's entries.
        func names() -> [String] {
            let copy = dup(fd)
            guard copy >= 0, let stream = fdopendir(copy) else {
                if copy >= 0 { close(copy) }
                return []
            }
            defer { closedir(stream) }
            rewinddir(stream)
            var names: [String] = []
            while let entry = readdir(stream) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name != ".", name != ".." { names.append(name) }
            }
            return names
        }

        /// Removes the file `name` (never a folder).
        func remove(_ name: String) { unlinkat(fd, name, 0) }

        /// Writes `bytes` as `name` by a rename of a new file beside it, made, not opened
        /// through whatever stands at its name (`O_EXCL`, `O_NOFOLLOW`).
        func write(_ bytes: [UInt8], name: String) -> Bool {
            let temporary = ".\(name).\(getpid()).tmp"
            unlinkat(fd, temporary, 0)
            let file = openat(fd, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            guard file >= 0 else { return false }
            var done = 0
            while done < bytes.count {
                let n = bytes.withUnsafeBytes { Glibc.write(file, $0.baseAddress! + done, $0.count - done) }
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { break }
                done += n
            }
            close(file)
            guard done == bytes.count, renameat(fd, temporary, fd, name) == 0 else {
                unlinkat(fd, temporary, 0)
                return false
            }
            return true
        }
    }
}
