import COAESystem
import Foundation

/// Replaces a folder of `output/` as a whole: everything is written into a staging
/// folder beside it, and only a complete result takes the folder's place. A build that
/// fails or is killed leaves the previous folder as it was.
public enum AtomicFolder {
    public enum Failure: Error, CustomStringConvertible {
        case io(String)
        public var description: String {
            switch self { case let .io(m): return m }
        }
    }

    /// Calls `write` with an empty staging folder, then puts it in place of `target`.
    /// Stale staging folders of earlier, interrupted builds are removed first.
    public static func replace(_ target: URL, _ write: (URL) throws -> Void) throws {
        let fm = FileManager.default
        let parent = target.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let name = target.lastPathComponent
        for entry in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? []
            where entry.hasPrefix(".\(name).staging-") || entry.hasPrefix(".\(name).old-") {
            try? fm.removeItem(at: parent.appendingPathComponent(entry))
        }
        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let staging = parent.appendingPathComponent(".\(name).staging-\(token)")
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            try write(staging)
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
        try swap(staging, into: target, oldName: parent.appendingPathComponent(".\(name).old-\(token)"))
    }

    /// Puts `staging` at `target`: an atomic exchange where the system offers one, else
    /// two renames with the old folder kept until the new one is in place.
    static func swap(_ staging: URL, into target: URL, oldName: URL) throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: target.path) else {
            try fm.moveItem(at: staging, to: target)
            return
        }
        if oae_exchange_paths(staging.path, target.path) == 0 {
            try? fm.removeItem(at: staging)  // now holds the previous folder
            return
        }
        try fm.moveItem(at: target, to: oldName)
        do {
            try fm.moveItem(at: staging, to: target)
        } catch {
            try? fm.moveItem(at: oldName, to: target)
            throw error
        }
        try? fm.removeItem(at: oldName)
    }
}

/// Writes a file, creating its folder.
public func writeFile(_ url: URL, _ data: Data) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url)
}

public func writeFile(_ url: URL, _ text: String) throws {
    try writeFile(url, Data(text.utf8))
}
