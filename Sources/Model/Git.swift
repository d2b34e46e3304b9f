import Foundation

/// Runs git in a folder. Standard error goes to a file, so that a full pipe can never
/// block git while its standard output is read.
public enum Git {
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: Data
        public var stderr: String
        /// Standard output as trimmed text.
        public var text: String { String(decoding: stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// The output of `git -C root ARGS`, or nil when git cannot be started.
    public static func run(_ args: [String], in root: URL) -> Output? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "core.quotepath=off", "-C", root.path] + args
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("oae-git-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errURL) }
        guard let err = try? FileHandle(forWritingTo: errURL) else { return nil }
        defer { try? err.close() }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errData = FileManager.default.contents(atPath: errURL.path) ?? Data()
        return Output(status: process.terminationStatus, stdout: outData, stderr: String(decoding: errData, as: UTF8.self))
    }
}
