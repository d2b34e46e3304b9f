import Foundation

/// A file's path (as oae shows it: relative to the tree's root, with `/`), interned: one
/// `SourceFile` per distinct path in the process, so that spans hold a pointer instead of a
/// `String` and copying a span retains nothing. Equal paths give equal (identical) values;
/// the paths are kept for the life of the process (a tree has a few tens of thousands).
public struct SourceFile: Hashable, Sendable, CustomStringConvertible {
    /// The interned path; never released.
    private let record: Unmanaged<Record>

    final class Record: Sendable {
        let path: String
        init(_ path: String) { self.path = path }
    }

    /// A path compared and hashed by its bytes: `String`'s own `==` and hash treat a
    /// precomposed "é" and "e" + U+0301 as one, but they name two different files.
    struct Key: Hashable {
        let path: String
        static func == (a: Key, b: Key) -> Bool {
            // Through the bytes: `utf8.elementsEqual` stepped through the view one index at
            // a time, ~1,000 instructions for a path of the tree (issue 13).
            var (x, y) = (a.path, b.path)
            return x.withUTF8 { x in y.withUTF8 { y in x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) } }
        }
        func hash(into hasher: inout Hasher) {
            var path = path
            path.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    /// Every path interned so far.
    private nonisolated(unsafe) static var table: [Key: Record] = [:]
    private static let lock = NSLock()

    /// The interned value of `path`. Takes a lock: a reader interns its file once and
    /// makes its spans from the value.
    public init(_ path: String) {
        SourceFile.lock.lock()
        defer { SourceFile.lock.unlock() }
        if let known = SourceFile.table[Key(path: path)] {
            record = Unmanaged.passUnretained(known)
        } else {
            let new = Record(path)
            SourceFile.table[Key(path: path)] = new
            record = Unmanaged.passUnretained(new)
        }
    }

    /// The path.
    public var path: String { record.takeUnretainedValue().path }

    public var description: String { path }

    public static func == (a: SourceFile, b: SourceFile) -> Bool {
        a.record.toOpaque() == b.record.toOpaque()
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(record.toOpaque())
    }
}
