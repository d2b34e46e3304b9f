import Dispatch
import Foundation
import Publishing
import Tools
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C (SIGINT) or SIGTERM during a build: one line that says what the output folder
/// holds, the build's unfinished staging folder removed, and the exit status of a process
/// stopped by that signal (128 + its number: 130, 143).
///
/// The handler runs on a dispatch queue, not in the signal's context, so it may remove
/// folders. It first takes `Interruption`'s gate: an exchange under way finishes before,
/// none starts after, so the output is either the previous one or the new one, whole.
/// The build's threads go on until the process exits; an error they meet in the folder
/// being removed is not reported (`hushed`).
enum BuildSignals {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
    private static let stopping = NSLock()
    nonisolated(unsafe) private static var stopped = false

    /// Whether a signal's handler is stopping the process: the command then says nothing
    /// more (`hushed`).
    static var isStopping: Bool { stopping.withLock { stopped } }

    /// Handles SIGINT and SIGTERM for a build into the folder shown as `shown` (`output/`).
    static func install(shown: String) {
        for signo in [SIGINT, SIGTERM] {
            signal(signo, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signo, queue: SignalQueue.queue)
            source.setEventHandler {
                stopping.withLock { stopped = true }
                let (committed, staging) = Interruption.stop()
                let left = staging.compactMap(remove)
                writeStderr(line(committed: committed, shown: shown, left: left) + "\n")
                _exit(128 + signo)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Removes a staging folder the build's threads may still be writing into; the name of
    /// what is left, nil when nothing is. The build's threads make no folder once
    /// `Interruption.stop` has begun (`Interruption.makingFolders`); a thread between that
    /// test and its `mkdir` is met by an empty file put at the folder's name once the folder
    /// is renamed away, so that its `mkdir` fails instead of making the folder again; the file
    /// goes last. The renamed folder keeps the staging prefix: the next build removes it
    /// if this removal cannot (a thread still adding files to it).
    static func remove(_ folder: URL) -> String? {
        let fm = FileManager.default
        guard fm.fileExists(atPath: folder.path) else { return nil }
        let away = folder.deletingLastPathComponent().appendingPathComponent(folder.lastPathComponent + "-interrupted")
        guard rename(folder.path, away.path) == 0 else {
            try? fm.removeItem(at: folder)
            return fm.fileExists(atPath: folder.path) ? folder.lastPathComponent : nil
        }
        let blocker = open(folder.path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        for _ in 0..<5 where fm.fileExists(atPath: away.path) { try? fm.removeItem(at: away) }
        if blocker >= 0 {
            close(blocker)
            unlink(folder.path)
        }
        return fm.fileExists(atPath: away.path) ? away.lastPathComponent : nil
    }

    /// The line a stopped build says; `left`, the staging folders it could not remove.
    static func line(committed: Bool, shown: String, left: [String] = []) -> String {
        (committed ? "build interrupted after \(shown) was replaced: it holds this build's output"
            : "build interrupted; \(shown) is unchanged")
            + (left.isEmpty ? "" : " (the next build removes the unfinished \(left.joined(separator: ", ")) beside it)")
    }

    /// Waits for the process to exit when a signal's handler is stopping it, so that an
    /// error the build meets meanwhile (its staging folder removed under it) is not said.
    static func hushed() {
        guard isStopping else { return }
        while true { pause() }
    }
}
