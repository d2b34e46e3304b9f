import COAESystem
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one way oae lists and reads the files of a tree, so that nothing outside the
/// tree's root is ever read. The walk never follows a symbolic link and names every
/// entry it does not list (a link, a folder it cannot open, a special file, a name that
/// is not UTF-8) in `Listing.skipped`, for the loader to report at its path. The reader
/// opens each folder of a path and the file itself with `O_NOFOLLOW`, from the root
/// down, so a link anywhere in the path, or a `..`, is refused.
public enum FileTree {
    /// The files of a walk, and what it did not list.
    public struct Listing: Sendable, Equatable {
        /// Regular files, sorted, relative to the root with `/` separators.
        public var files: [String]
        /// Entries left out, sorted by path.
        public var skipped: [Skipped]
        /// What the walk's `fstatat` saw of each file of `files`, in the same order: a file
        /// whose stamp is unchanged since an earlier walk has not been written since.
        public var stamps: [FileStamp] = []

        public init(files: [String], skipped: [Skipped], stamps: [FileStamp] = []) {
            self.files = files
            self.skipped = skipped
            self.stamps = stamps
        }
    }

    /// What `stat` says of a file, to tell cheaply whether it has been written since it
    /// was read: size, modification and status-change times (nanoseconds), device and inode.
    /// A write, a rename over the file, a `touch` or a `chmod` changes it.
    public struct FileStamp: Sendable, Hashable {
        public var size: Int
        public var modified: Int
        public var changed: Int
        public var device: UInt
        public var inode: UInt

        public init(size: Int, modified: Int, changed: Int, device: UInt, inode: UInt) {
            (self.size, self.modified, self.changed, self.device, self.inode) = (size, modified, changed, device, inode)
        }

        /// The stamp of a `stat` of the file.
        public init(_ st: stat) {
            size = Int(st.st_size)
            modified = Int(st.st_mtim.tv_sec) &* 1_000_000_000 &+ Int(st.st_mtim.tv_nsec)
            changed = Int(st.st_ctim.tv_sec) &* 1_000_000_000 &+ Int(st.st_ctim.tv_nsec)
            device = UInt(st.st_dev)
            inode = UInt(st.st_ino)
        }
    }

    /// An entry the walk left out, and why.
    public struct Skipped: Sendable, Equatable {
        /// Relative to the root; a name that is not UTF-8 shows U+FFFD for its bad bytes.
        public var path: String
        /// Why it was left out.
        public var reason: SkipReason
    }

    /// Why the walk left an entry out.
    public enum SkipReason: Sendable, Equatable {
        /// A symbolic link, with the path it points to.
        case symbolicLink(target: String)
        /// A folder that could not be opened (permissions, I/O error).
        case unreadable
        /// A FIFO, socket or device (`"fifo"`, `"socket"`, `"device"`).
        case special(String)
        /// A name whose bytes are not UTF-8.
        case nameNotUTF8
    }

    /// Folders (relative to the root) the walk treats as unreadable, as if opening them
    /// failed. Tests run as root, for whom `chmod 000` does not make a folder
    /// unreadable, so they simulate the failure with this value.
    @TaskLocal public static var simulatedUnreadable: Set<String> = []

    /// The regular files under `folders` (relative to `root`), sorted.
    public static func files(root: URL, folders: [String]) -> [String] {
        list(root: root, folders: folders).files
    }

    /// Walks `folders` (relative to `root`); hidden entries (a leading dot) are left out
    /// silently, every other entry that is not a regular file or a folder is in `skipped`.
    /// `parallel`: the subfolders walked on every core (else on the calling thread only,
    /// for a walk that must not take a core from other work); the listing is the same.
    public static func list(root: URL, folders: [String], parallel: Bool = true) -> Listing {
        var listing = Listing(files: [], skipped: [])
        let rootFD = open(root.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard rootFD >= 0 else { return listing }
        defer { close(rootFD) }
        let unreadable = simulatedUnreadable
        for folder in folders {
            guard let fd = openFolder(at: rootFD, path: folder, listing: &listing) else { continue }
            walk(fd, relative: folder, into: &listing, unreadable: unreadable, parallel: parallel)
        }
        let order = listing.files.indices.sorted { listing.files[$0] < listing.files[$1] }
        listing.files = order.map { listing.files[$0] }
        listing.stamps = order.map { listing.stamps[$0] }
        listing.skipped.sort { $0.path < $1.path }
        return listing
    }

    /// What `list` would list at `path` alone (relative to `root`, inside one of the
    /// walked folders): the file with its stamp, or every entry below the folder, or the
    /// entry refused; nothing when it does not exist or is hidden (a component with a
    /// leading dot). `oae serve` lists again only the paths its watcher names.
    public static func listEntry(root: URL, path: String) -> Listing {
        var listing = Listing(files: [], skipped: [])
        let components = path.split(ascii: "/").map(String.init)
        guard let name = components.last, !components.contains(where: { $0.hasPrefix(".") }) else { return listing }
        let rootFD = open(root.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard rootFD >= 0 else { return listing }
        defer { close(rootFD) }
        let parent = components.dropLast().joined(separator: "/")
        var ignored = Listing(files: [], skipped: [])
        // A parent that is not a folder (or refused) is the parent's own entry, not this one's.
        guard let fd = openFolder(at: rootFD, path: parent, listing: &ignored) else { return listing }
        defer { close(fd) }
        var st = stat()
        guard fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { return listing }
        if let reason = reason(mode: st.st_mode, at: fd, name: name) {
            listing.skipped.append(Skipped(path: path, reason: reason))
        } else if (st.st_mode & S_IFMT) == S_IFREG {
            listing.files.append(path)
            listing.stamps.append(FileStamp(st))
        } else {
            let child = simulatedUnreadable.contains(path) ? -1 : openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard child >= 0 else {
                listing.skipped.append(Skipped(path: path, reason: .unreadable))
                return listing
            }
            walk(child, relative: path, into: &listing, unreadable: simulatedUnreadable, parallel: false)
        }
        return listing
    }

    /// Opens `path` (one or more components) below `rootFD` without following links; a
    /// folder that does not exist is nil without a note, anything else in its way is noted.
    private static func openFolder(at rootFD: Int32, path: String, listing: inout Listing) -> Int32? {
        var fd = dup(rootFD)
        var relative = ""
        for component in path.split(ascii: "/").map(String.init) {
            relative += (relative.isEmpty ? "" : "/") + component
            var st = stat()
            guard fstatat(fd, component, &st, AT_SYMLINK_NOFOLLOW) == 0 else { close(fd); return nil }
            if let reason = reason(mode: st.st_mode, at: fd, name: component) {
                listing.skipped.append(Skipped(path: relative, reason: reason))
                close(fd)
                return nil
            }
            guard (st.st_mode & S_IFMT) == S_IFDIR else { close(fd); return nil }
            let next = simulatedUnreadable.contains(relative)
                ? -1 : openat(fd, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            close(fd)
            guard next >= 0 else {
                listing.skipped.append(Skipped(path: relative, reason: .unreadable))
                return nil
            }
            fd = next
        }
        return fd
    }

    /// Why an entry of this mode is not listed, or nil for a folder or a regular file.
    private static func reason(mode: mode_t, at dirFD: Int32, name: String) -> SkipReason? {
        switch mode & S_IFMT {
        case S_IFDIR, S_IFREG: return nil
        case S_IFLNK:
            var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX))
            let n = readlinkat(dirFD, name, &buffer, buffer.count)
            return .symbolicLink(target: n > 0 ? String(decoding: buffer.prefix(n), as: UTF8.self) : "?")
        case S_IFIFO: return .special("fifo")
        case S_IFSOCK: return .special("socket")
        default: return .special("device")
        }
    }

    /// Walks an open folder (and closes it), listing entries in name order. With `parallel`,
    /// the folder's subfolders are walked on every core (each one serially): `seeds/` holds
    /// a folder per municipality, and the walk was a serial tenth of a second at 947.
    /// `unreadable`: `simulatedUnreadable`, read once (a task-local value does not reach
    /// the workers).
    private static func walk(_ fd: Int32, relative: String, into listing: inout Listing,
                             unreadable: Set<String>, parallel: Bool) {
        defer { close(fd) }
        guard let entries = entries(of: fd, relative: relative, into: &listing) else { return }
        var subfolders: [(name: String, path: String)] = []
        for (name, isFolder) in entries.sorted(by: { $0.name < $1.name }) {
            let rel = relative + "/" + name
            // A folder, by the kernel's word in the listing: opened below without following
            // a link, it needs no `fstatat` (5,700 calls at 947 municipalities).
            if isFolder {
                if parallel {
                    subfolders.append((name, rel))
                } else {
                    walkFolder(at: fd, name: name, path: rel, into: &listing, unreadable: unreadable)
                }
                continue
            }
            var st = stat()
            guard fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else {
                listing.skipped.append(Skipped(path: rel, reason: .unreadable))
                continue
            }
            if let reason = reason(mode: st.st_mode, at: fd, name: name) {
                listing.skipped.append(Skipped(path: rel, reason: reason))
            } else if (st.st_mode & S_IFMT) == S_IFREG {
                listing.files.append(rel)
                listing.stamps.append(FileStamp(st))
            } else if parallel {
                subfolders.append((name, rel))
            } else {
                walkFolder(at: fd, name: name, path: rel, into: &listing, unreadable: unreadable)
            }
        }
        guard !subfolders.isEmpty else { return }
        // The parent stays open until every subfolder is walked (each opened from it).
        let parts = parallelMap(subfolders) { folder -> Listing in
            var part = Listing(files: [], skipped: [])
            walkFolder(at: fd, name: folder.name, path: folder.path, into: &part, unreadable: unreadable)
            return part
        }
        for part in parts {
            listing.files += part.files
            listing.stamps += part.stamps
            listing.skipped += part.skipped
        }
    }

    /// The entries of the open folder `fd` but the hidden ones (a leading dot), each with
    /// whether the kernel's listing says it is a folder (false when it does not say: the
    /// caller asks `fstatat`); a name that is not UTF-8 is noted in `listing.skipped`. Nil
    /// when the folder cannot be read. Read with `getdents64` where the system has it
    /// (`oae_read_folder_entries`): `fdopendir` made three calls per folder before reading
    /// it, 17,000 of `oae check` at 947 municipalities. `readdir`: read as a system without
    /// it does (for tests).
    static func entries(of fd: Int32, relative: String, into listing: inout Listing,
                        readdir useReaddir: Bool = false) -> [(name: String, isFolder: Bool)]? {
        var entries: [(name: String, isFolder: Bool)] = []
        /// Adds the entry whose name's bytes (without the NUL) are `bytes`.
        func add(_ bytes: UnsafeRawBufferPointer, isFolder: Bool) {
            guard bytes.first != UInt8(ascii: ".") else { return }
            guard let name = String(validating: bytes, as: UTF8.self) else {
                listing.skipped.append(Skipped(path: relative + "/" + String(decoding: bytes, as: UTF8.self), reason: .nameNotUTF8))
                return
            }
            entries.append((name, isFolder))
        }
        let size = 32 << 10
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
        defer { buffer.deallocate() }
        var first = true
        while !useReaddir {
            let n = oae_read_folder_entries(fd, buffer, UInt(size))
            if n < 0, first, errno == ENOSYS { break }
            if n <= 0 { return n == 0 || !first ? entries : nil }
            first = false
            // Each record: inode (8 bytes), offset (8), record length (2), type (1), name and NUL.
            var offset = 0
            while offset < n {
                let record = buffer + offset
                let length = Int(record.loadUnaligned(fromByteOffset: 16, as: UInt16.self))
                let type = record.load(fromByteOffset: 18, as: UInt8.self)
                let name = record + 19
                add(UnsafeRawBufferPointer(start: name, count: strlen(name.assumingMemoryBound(to: CChar.self))),
                    isFolder: type == UInt8(DT_DIR))
                offset += length
            }
        }
        // No getdents64: readdir, on a descriptor of its own (closedir closes it).
        guard let handle = fdopendir(fcntl(fd, F_DUPFD_CLOEXEC, 0)) else { return nil }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            // The name is read in place up to its NUL: a `dirent` is only as long as its name
            // (`d_reclen`), so copying the whole 256-byte `d_name` can read past the end of
            // the directory buffer (a crash seen at 947 municipalities).
            let name = UnsafeRawPointer(entry) + MemoryLayout<dirent>.offset(of: \dirent.d_name)!
            add(UnsafeRawBufferPointer(start: name, count: strlen(name.assumingMemoryBound(to: CChar.self))), isFolder: false)
        }
        return entries
    }

    /// Opens the subfolder `name` of the open folder `fd` (not following a link) and walks it.
    private static func walkFolder(at fd: Int32, name: String, path: String, into listing: inout Listing,
                                   unreadable: Set<String>) {
        let child = unreadable.contains(path) ? -1 : openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard child >= 0 else {
            listing.skipped.append(Skipped(path: path, reason: .unreadable))
            return
        }
        walk(child, relative: path, into: &listing, unreadable: unreadable, parallel: false)
    }

    /// Reads a file of the tree (`path` relative to `root`), refusing a path that leaves
    /// the tree (`..`, an absolute path, a symbolic link at any component), a file that
    /// is not regular, and a file over the size limit before reading it.
    public static func read(root: URL, path: String) -> Result<[UInt8], FileProblem> {
        let components = path.split(ascii: "/", omittingEmptySubsequences: false).map(String.init)
        guard !path.hasPrefix("/"), !components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
            return .failure(.outsideTree)
        }
        return Folder(root: root, path: components.dropLast().joined(separator: "/")).read(components[components.count - 1])
    }

    /// Reads the file `name` of the open folder `dirFD`, not following a link.
    static func readFile(at dirFD: Int32, name: String) -> Result<[UInt8], FileProblem> {
        readFile(at: dirFD, name: name, stampAfter: false).map(\.bytes)
    }

    /// Reads the file `name` of the open folder `dirFD`, not following a link; with
    /// `stampAfter`, also the stamp of the open file once its bytes are read (a write
    /// during or after the read changes it from any stamp taken before).
    static func readFile(at dirFD: Int32, name: String, stampAfter: Bool) -> Result<(bytes: [UInt8], stamp: FileStamp?), FileProblem> {
        // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below.
        let fd = openat(dirFD, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        let failure = errno
        guard fd >= 0 else { return .failure(failure == ELOOP ? .outsideTree : .unreadable) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failure(.unreadable) }
        guard (st.st_mode & S_IFMT) == S_IFREG else { return .failure(.notRegularFile) }
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
        guard stampAfter else { return .success((bytes, nil)) }
        guard fstat(fd, &st) == 0 else { return .failure(.unreadable) }
        return .success((bytes, FileStamp(st)))
    }

    /// A folder of the tree, opened once (each component with `O_NOFOLLOW`, from the root
    /// down, as `read` does) so that its files are read with one `openat` each: at 947
    /// municipalities `read` per file opened ~5 paths per file, a second of system time.
    /// Closed when released.
    public final class Folder: @unchecked Sendable {
        /// The folder's descriptor, or the problem that kept it from opening.
        private let fd: Result<Int32, FileProblem>

        /// Opens `path` (relative to `root`, "" for the root itself).
        public init(root: URL, path: String) {
            guard Folder.staysInside(path) else { fd = .failure(.outsideTree); return }
            let rootFD = open(root.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard rootFD >= 0 else { fd = .failure(.unreadable); return }
            fd = Folder.openFolder(path, below: rootFD, closing: true)
        }

        /// Whether `path` names a place below the root: relative, without an empty, `.` or
        /// `..` component ("" is the root itself).
        private static func staysInside(_ path: String) -> Bool {
            let components = path.split(ascii: "/", omittingEmptySubsequences: false)
            return !path.hasPrefix("/") && (path.isEmpty || !components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }))
        }

        /// Opens `path` (relative to the open folder `root`, "" for a second descriptor of
        /// it), as `init(root:path:)` does below the tree's root: a load opens the root once
        /// for all its folders (it was opened by its whole path and closed again for each,
        /// 11,000 calls at 947 municipalities).
        public init(in root: Folder, path: String) {
            switch root.fd {
            case let .failure(problem): fd = .failure(problem)
            case let .success(rootFD): fd = Folder.openFolder(path, below: rootFD, closing: false)
            }
        }

        /// Opens `path` below the open folder `rootFD` (closed when `closing`).
        private static func openFolder(_ path: String, below rootFD: Int32, closing: Bool) -> Result<Int32, FileProblem> {
            guard staysInside(path) else {
                if closing { close(rootFD) }
                return .failure(.outsideTree)
            }
            let components = path.split(ascii: "/", omittingEmptySubsequences: false).map(String.init)
            // The whole path in one call where the system has openat2: it opens only what
            // the walk below would open (no link anywhere, every component a folder, never
            // above the root). Opening component by component took two calls per level, ~2%
            // of `oae check` at 947 municipalities (issue 13). When it fails, the walk runs
            // and says why, as before.
            if !path.isEmpty {
                let whole = oae_open_folder_beneath(rootFD, path)
                if whole >= 0 {
                    if closing { close(rootFD) }
                    return .success(whole)
                }
            }
            var dirFD = closing ? rootFD : fcntl(rootFD, F_DUPFD_CLOEXEC, 0)
            guard dirFD >= 0 else { return .failure(.unreadable) }
            for component in path.isEmpty ? [] : components {
                let next = openat(dirFD, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                let failure = errno
                close(dirFD)
                guard next >= 0 else {
                    return .failure(failure == ELOOP || failure == ENOTDIR ? .outsideTree : .unreadable)
                }
                dirFD = next
            }
            return .success(dirFD)
        }

        deinit { if case let .success(d) = fd { close(d) } }

        /// Reads the file `name` of the folder, with the checks and answers of `read`.
        public func read(_ name: String) -> Result<[UInt8], FileProblem> {
            switch fd {
            case let .failure(problem): return .failure(problem)
            case let .success(dirFD): return FileTree.readFile(at: dirFD, name: name)
            }
        }

        /// Reads the file `name` of the folder as `read` does, with the file's stamp taken
        /// once its bytes are read: when it is the walk's, the bytes are the ones the walk saw.
        public func readStamped(_ name: String) -> Result<(bytes: [UInt8], stamp: FileStamp), FileProblem> {
            switch fd {
            case let .failure(problem): return .failure(problem)
            case let .success(dirFD):
                return FileTree.readFile(at: dirFD, name: name, stampAfter: true).map { ($0.bytes, $0.stamp!) }
            }
        }
    }

    /// A file of the tree as UTF-8 text (invalid bytes replaced), or nil when `read`
    /// refuses it.
    public static func readText(root: URL, path: String) -> String? {
        guard case let .success(bytes) = read(root: root, path: path) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Why a file was not read.
    public enum FileProblem: Error, Sendable, Equatable {
        /// Over `TextChecks.maxFileBytes`, with its size.
        case tooLarge(Int)
        /// The file or a folder on its path could not be opened.
        case unreadable
        /// The path leaves the tree: a symbolic link on it, `..` or an absolute path.
        case outsideTree
        /// A FIFO, socket, device or folder.
        case notRegularFile
    }
}
