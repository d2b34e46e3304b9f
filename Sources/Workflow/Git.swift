import Foundation

/// The few git commands `oae impact` needs, run in the tree's folder.
enum Git {
    struct Output {
        var status: Int32
        var stdout: Data
        var stderr: String
        var text: String { String(decoding: stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    static func run(_ args: [String], in root: URL) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "core.quotepath=off", "-C", root.path] + args
        // stderr goes to a file, so that a full pipe can never block git while stdout is read.
        let errURL = FileManager.default.temporaryDirectory
            .appendingPathComponent("oae-git-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errURL) }
        let out = Pipe()
        let err = try FileHandle(forWritingTo: errURL)
        defer { try? err.close() }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw WorkflowError("could not run git: \(error.localizedDescription)") }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errData = FileManager.default.contents(atPath: errURL.path) ?? Data()
        return Output(status: process.terminationStatus, stdout: outData, stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs git and returns its output, or throws with git's message.
    static func check(_ args: [String], in root: URL, what: String) throws -> Output {
        let result = try run(args, in: root)
        guard result.status == 0 else {
            let message = result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            throw WorkflowError("\(what) failed" + (message.isEmpty ? "" : ": \(message)"))
        }
        return result
    }

    /// NUL-separated paths (`-z` output).
    static func paths(_ data: Data) -> [String] {
        data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }.filter { !$0.isEmpty }
    }
}
