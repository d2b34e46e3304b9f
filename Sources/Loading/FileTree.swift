import Foundation

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

    private static func walk(_ dir: URL, relative: String, into out: inout [String]) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: dir.path) else { return }
        for name in names.sorted() where !name.hasPrefix(".") {
            let url = dir.appendingPathComponent(name)
            let rel = relative + "/" + name
            guard let attrs = try? fm.attributesOfItem(atPath: url.path),
                  let type = attrs[.type] as? FileAttributeType else { continue }
            if type == .typeDirectory {
                walk(url, relative: rel, into: &out)
            } else if type == .typeRegular {
                out.append(rel)
            }
        }
    }

    /// Reads a file's bytes, refusing files over the size limit before reading them.
    public static func read(root: URL, path: String) -> Result<[UInt8], FileProblem> {
        let url = root.appendingPathComponent(path)
        if let attrs = try? FileManager.default.attributesOfItem(atPath: url.path),
           let size = attrs[.size] as? NSNumber, size.intValue > TextChecks.maxFileBytes {
            return .failure(.tooLarge(size.intValue))
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return .failure(.unreadable)
        }
        return .success([UInt8](data))
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
