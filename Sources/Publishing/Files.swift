import Foundation

/// Writes a file, creating its folder.
public func writeFile(_ url: URL, _ data: Data) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url)
}

public func writeFile(_ url: URL, _ text: String) throws {
    try writeFile(url, Data(text.utf8))
}
