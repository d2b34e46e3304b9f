import Diagnostics
import Foundation
import Loading

/// A `LoadCache`'s entries in binary form (`BinaryWriter`), for the load store that keeps
/// them between runs of oae (`LoadStore`, under `output/.cache/load/`). Only what a file's
/// bytes, its path, the kind table and the loader (`LoaderIdentity`) alone decide is kept:
/// the results of files loaded without a problem (a problem's message may name another
/// file, `namingMunicipality`), each result naming its own file.
extension LoadCache {
    /// The kind table's bytes the entries were made with: entries restored under other
    /// bytes are forgotten by the first load (`begin`).
    public func restoreKinds(_ bytes: [UInt8]?) {
        lock.withLock { kinds = bytes }
    }

    /// The kind table's bytes of the last load (nil before one, or without the file).
    public var kindBytes: [UInt8]? { lock.withLock { kinds } }

    /// One stored file's result: its path, the stamp it had, and what the loader made of it.
    public struct StoredEntry: Sendable {
        public var path: String
        public var stamp: FileTree.FileStamp
        var loaded: TreeLoader.Loaded

        /// A document's entry (for tests and the fuzzer: what the loader would keep).
        public init(path: String, stamp: FileTree.FileStamp, document: Document) {
            (self.path, self.stamp, loaded) = (path, stamp, .document(document))
        }

        init(path: String, stamp: FileTree.FileStamp, loaded: TreeLoader.Loaded) {
            (self.path, self.stamp, self.loaded) = (path, stamp, loaded)
        }

        /// The document, when the entry is one.
        public var document: Document? {
            if case let .document(d) = loaded { return d }
            return nil
        }
    }

    /// The entries of `blob` (made by `encode`), or nil when the blob is not one this
    /// version of oae wrote.
    public static func decode(_ blob: UnsafeRawBufferPointer) -> [StoredEntry]? {
        var reader = BinaryReader(blob)
        var decoded: [StoredEntry] = []
        do {
            let n = try reader.count()
            decoded.reserveCapacity(min(n, blob.count / 8))
            for _ in 0..<n {
                let path = try reader.string()
                let stamp = FileTree.FileStamp(size: try reader.int(), modified: try reader.int(), changed: try reader.int(),
                                               device: UInt(try reader.unsigned()), inode: UInt(try reader.unsigned()))
                decoded.append(StoredEntry(path: path, stamp: stamp, loaded: try Self.loaded(&reader, path: path)))
            }
            guard reader.atEnd else { return nil }
        } catch {
            return nil
        }
        return decoded
    }

    /// Keeps `entries` as results loaded without a problem, each standing while its file
    /// has the entry's stamp.
    public func insert(_ entries: [StoredEntry]) {
        lock.withLock {
            for e in entries { self.entries[e.path] = (e.stamp, e.loaded, []) }
        }
    }

    /// The paths whose results may be stored, with their stamps: loaded without a problem
    /// and changed (their inode's change time) before `changedBefore` (nanoseconds since
    /// 1970). A file written again within the file system's time granularity of the
    /// load may keep its stamp: its result is not stored (as git's index treats a "racily
    /// clean" entry), and the file is parsed again at the next run.
    public func storable(changedBefore: Int) -> [String: FileTree.FileStamp] {
        lock.withLock {
            var paths: [String: FileTree.FileStamp] = [:]
            for (path, entry) in entries where entry.problems.isEmpty {
                guard let stamp = entry.stamp, stamp.changed < changedBefore, stamp.modified < changedBefore else { continue }
                paths[path] = stamp
            }
            return paths
        }
    }

    /// The entries of `paths` (each with the stamp it has in the cache), in path order, as
    /// one blob for `decode`. A result with a place in another file is left out.
    public func encode(_ paths: [String]) -> [UInt8] {
        encodeCounting(paths).blob
    }

    /// `encode`, and how many entries the blob holds.
    public func encodeCounting(_ paths: [String]) -> (blob: [UInt8], count: Int) {
        let chosen = lock.withLock { paths.sorted().compactMap { path in entries[path].map { (path, $0.stamp, $0.loaded) } } }
        var body = BinaryWriter()
        var count = 0
        for (path, stamp, loaded) in chosen {
            guard let stamp else { continue }
            var entry = BinaryWriter()
            entry.string(path)
            entry.int(stamp.size)
            entry.int(stamp.modified)
            entry.int(stamp.changed)
            entry.unsigned(UInt64(stamp.device))
            entry.unsigned(UInt64(stamp.inode))
            guard Self.write(loaded, path: path, into: &entry) else { continue }
            body.raw(entry.bytes)
            count += 1
        }
        var blob = BinaryWriter()
        blob.unsigned(UInt64(count))
        blob.raw(body.bytes)
        return (blob.bytes, count)
    }

    private static func write(_ loaded: TreeLoader.Loaded, path: String, into w: inout BinaryWriter) -> Bool {
        let file = SourceFile(path)
        switch loaded {
        case let .document(d):
            guard d.path == path else { return false }
            w.unsigned(0)
            w.string(d.kind.rawValue)
            w.string(d.id)
            w.string(d.path)
            w.optionalString(d.municipality)
            w.optionalString(d.language)
            w.bool(d.mayHoldPlaceholder)
            w.bool(d.mayHoldDeferral)
            w.bool(d.mayHoldLookAlike)
            for list in [d.unshowable, d.invisible] {
                w.unsigned(UInt64(list.count))
                for u in list {
                    w.unsigned(UInt64(u.scalar.value))
                    w.position(u.position)
                    w.bool(u.escaped)
                }
            }
            // A Markdown document's root and written forms are its front matter's.
            if let md = d.markdown {
                guard d.root.map({ r in md.frontMatter.map { r.isIdentical(to: $0) } ?? false }) ?? (md.frontMatter == nil),
                      d.writtenForms.count == md.writtenForms.count else { return false }
                w.unsigned(1)
                return w.markdown(md, in: file)
            }
            w.unsigned(d.root == nil ? 0 : 2)
            if let root = d.root, !w.node(root, in: file) { return false }
            return w.writtenForms(d.writtenForms, in: file)
        case let .schema(kind, p, node):
            guard p == path else { return false }
            w.unsigned(1)
            w.string(kind)
            w.string(p)
            return w.node(node, in: file)
        case let .uiStrings(key, p, node):
            guard p == path else { return false }
            w.unsigned(2)
            w.string(key)
            w.string(p)
            return w.node(node, in: file)
        case let .template(p):
            guard p == path else { return false }
            w.unsigned(3)
            w.string(p)
        case let .reference(name, p, text):
            guard p == path else { return false }
            w.unsigned(4)
            w.string(name)
            w.string(p)
            w.string(text)
        case .nothing:
            w.unsigned(5)
        }
        return true
    }

    private static func loaded(_ r: inout BinaryReader, path: String) throws(BinaryReader.Malformed) -> TreeLoader.Loaded {
        let file = SourceFile(path)
        switch try r.unsigned() {
        case 0:
            var d = Document(kind: Kind(rawValue: try r.string()), id: try r.string(), path: try r.string(),
                             municipality: try r.optionalString(), language: try r.optionalString())
            d.mayHoldPlaceholder = try r.bool()
            d.mayHoldDeferral = try r.bool()
            d.mayHoldLookAlike = try r.bool()
            var lists: [[PDFFonts.Unshowable]] = []
            for _ in 0..<2 {
                var list: [PDFFonts.Unshowable] = []
                for _ in 0..<(try r.count()) {
                    guard let scalar = Unicode.Scalar(UInt32(truncatingIfNeeded: try r.unsigned())) else { throw BinaryReader.Malformed() }
                    list.append(PDFFonts.Unshowable(scalar: scalar, position: try r.position(), escaped: try r.bool()))
                }
                lists.append(list)
            }
            (d.unshowable, d.invisible) = (lists[0], lists[1])
            switch try r.unsigned() {
            case 0:
                d.writtenForms = try r.writtenForms(in: file)
            case 1:
                let md = try r.markdown(in: file)
                d.markdown = md
                d.root = md.frontMatter
                if !md.writtenForms.isEmpty { d.writtenForms = md.writtenForms }
            case 2:
                d.root = try r.node(in: file)
                d.writtenForms = try r.writtenForms(in: file)
            default: throw BinaryReader.Malformed()
            }
            guard d.path == path else { throw BinaryReader.Malformed() }
            return .document(d)
        // Each result names the file it was made from: the entry's.
        case 1:
            let kind = try r.string()
            guard try r.string() == path else { throw BinaryReader.Malformed() }
            return .schema(kind: kind, path: path, node: try r.node(in: file))
        case 2:
            let key = try r.string()
            guard try r.string() == path else { throw BinaryReader.Malformed() }
            return .uiStrings(key: key, path: path, node: try r.node(in: file))
        case 3:
            guard try r.string() == path else { throw BinaryReader.Malformed() }
            return .template(path)
        case 4:
            let name = try r.string()
            guard try r.string() == path else { throw BinaryReader.Malformed() }
            return .reference(name: name, path: path, text: try r.string())
        case 5:
            return .nothing
        default:
            throw BinaryReader.Malformed()
        }
    }
}
