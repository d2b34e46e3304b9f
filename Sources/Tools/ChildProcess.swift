import COAESystem
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a program printed and how it ended.
public struct ToolOutput: Sendable {
    /// The exit status, or 128 + the signal that ended it.
    public var status: Int32
    public var stdout: Data
    public var stderr: String
    /// Standard output as trimmed text.
    public var text: String { String(decoding: stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
}

/// A program oae runs (git, the PDF engine, the search indexer) could not be started.
public struct ToolError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Runs the external programs oae uses. A child is tied to the thread that waits for it:
/// when oae dies, even by SIGKILL, the system kills the child too (Linux
/// `PR_SET_PDEATHSIG`), so a killed build never leaves a PDF engine or an indexer
/// writing into a folder. Standard output and error go to unlinked temporary files, so a
/// chatty program can never block on a full pipe.
public enum ChildProcess {
    /// Runs `executable` with `arguments` and waits for it. `environment` replaces the
    /// process's environment when given. Throws `ToolError` when it cannot be started.
    public static func run(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil,
                           in folder: URL? = nil) throws -> ToolOutput {
        let out = try TemporaryFile()
        let err = try TemporaryFile()
        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }.sorted()
        let argv = [executable.path] + arguments
        let pid: pid_t = withCStrings(argv) { cArgv in
            withCStrings(env) { cEnv in
                oae_spawn(executable.path, cArgv, cEnv, folder?.path, out.fd, err.fd)
            }
        }
        guard pid > 0 else {
            throw ToolError("could not start \(executable.path): \(String(cString: strerror(errno)))")
        }
        let status = oae_wait(pid)
        let errText = String(decoding: err.contents(), as: UTF8.self)
        if status == 127, !FileManager.default.isExecutableFile(atPath: executable.path) {
            throw ToolError("could not start \(executable.path): it is not an executable file")
        }
        return ToolOutput(status: status, stdout: out.contents(), stderr: errText)
    }

    /// The first executable named `name` on the `PATH` of `environment`.
    public static func which(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        for folder in (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { for p in pointers { free(p) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}

/// A temporary file that no other process can see (unlinked at once), read back from
/// its start.
final class TemporaryFile {
    let fd: Int32

    init() throws {
        var template = Array((FileManager.default.temporaryDirectory.path + "/oae-tool-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw ToolError("could not create a temporary file: \(String(cString: strerror(errno)))") }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.fd = fd
    }

    deinit { close(fd) }

    func contents() -> Data {
        var data = Data()
        lseek(fd, 0, SEEK_SET)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n <= 0 { break }
            data.append(contentsOf: buffer[0..<n])
        }
        return data
    }
}
