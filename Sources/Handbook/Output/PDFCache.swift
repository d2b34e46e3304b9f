import Loading
import Foundation
import Rendering

/// Rendered PDFs kept between builds in `<out>/.cache/pdf/<key>.pdf`, outside the
/// folder a build replaces. The key is a hash of the handbook's Typst source, oae's
/// version, the Typst engine's version and the fonts it reads: a handbook whose source
/// did not change is not rendered again. Files are only ever created by renaming a complete file into
/// place, so a killed build leaves no half-written entry.
public struct PDFCache: Sendable {
    public let folder: URL

    public init(out: URL) {
        folder = out.appendingPathComponent(".cache/pdf", isDirectory: true)
    }

    /// The cache key of a handbook; `timestamp` is the PDF's creation date (seconds since 1970).
    public static func key(source: Data, toolVersion: String, engineVersion: String, fonts: [String] = [],
                           timestamp: Int? = nil) -> String {
        var hash = ContentHash()
        hash.update(source)
        hash.update([0])
        hash.update("oae \(toolVersion)")
        hash.update("typst \(engineVersion)")
        for folder in fonts { hash.update("font folder \(folder)") }
        if let timestamp { hash.update("created \(timestamp)") }
        return hash.hexDigest()
    }

    public func url(_ key: String) -> URL { folder.appendingPathComponent("\(key).pdf") }

    public func contains(_ key: String) -> Bool { FileManager.default.fileExists(atPath: url(key).path) }

    /// A fresh temporary file name in the cache folder, for a render in progress.
    public func temporary(_ key: String, _ n: Int) -> URL {
        folder.appendingPathComponent(".\(key).\(ProcessInfo.processInfo.processIdentifier)-\(n).tmp")
    }

    /// Creates the folder and removes the temporary files of renders whose build is no
    /// longer running (a build that was killed).
    public func prepare() throws {
        let fm = FileManager.default
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in (try? fm.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            let parts = name.dropLast(4).split(ascii: ".").last?.split(ascii: "-")
            guard let pid = parts?.first.flatMap({ Int32($0) }) else { continue }
            if kill(pid, 0) != 0 { try? fm.removeItem(at: folder.appendingPathComponent(name)) }
        }
    }

    /// Moves a finished render into the cache under its key.
    public func store(_ temporary: URL, key: String) throws {
        let fm = FileManager.default
        let target = url(key)
        if fm.fileExists(atPath: target.path) { try? fm.removeItem(at: target) }
        guard rename(temporary.path, target.path) == 0 else {
            throw HandbookFileError("could not move \(temporary.path) to \(target.path)")
        }
    }

    /// Removes the entries no current handbook uses, and temporary files of renders
    /// that were interrupted.
    public func prune(keeping keys: Set<String>) {
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: folder.path)) ?? [] {
            let isEntry = name.hasSuffix(".pdf") && !name.hasPrefix(".")
            if isEntry, keys.contains(String(name.dropLast(4))) { continue }
            try? fm.removeItem(at: folder.appendingPathComponent(name))
        }
    }
}

/// A file-system failure while writing the handbooks.
public struct HandbookFileError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
