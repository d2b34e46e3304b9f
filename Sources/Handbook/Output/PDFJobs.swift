import Foundation
import Presentation
import Tools

/// How a build reports its progress: a line rewritten in place on a terminal
/// (`PDF 3/12, 4.2 s`), one plain line per finished PDF elsewhere, or nothing.
public enum ProgressStyle: Sendable {
    case terminal
    case plain
    case silent
}

/// Renders PDFs with a pool of Typst workers (as many as `jobs`, each a process that
/// compiles one handbook after the other), reporting progress as each one finishes.
struct PDFJobs {
    struct Job: Sendable {
        var label: String
        /// The handbook's Typst source.
        var source: String
        var key: String
        /// The PDF's creation date, seconds since 1970: the handbook's source date.
        var timestamp: Int
    }

    let engine: TypstEngine
    /// The compiler's root: the only folder a document may read (the build's staging folder).
    let root: URL
    let cache: PDFCache
    let jobs: Int
    let style: ProgressStyle
    let write: @Sendable (String) -> Void

    /// Renders every job into the cache; returns the failures (label and Typst's
    /// messages), empty when all succeeded.
    func run(_ list: [Job]) -> [(String, String)] {
        guard !list.isEmpty else { return [] }
        let started = Date()
        let state = JobState()
        let workers = max(1, min(jobs, list.count))
        let total = list.count
        if style == .terminal { write(line(0, total, 0)) }
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            // One worker per thread, started and ended on it (it dies with its thread).
            var worker: TypstWorker?
            var startFailure: String?
            do { worker = try engine.worker() } catch { startFailure = "\(error)" }
            defer { worker?.close() }
            while let i = state.next(limit: list.count) {
                let job = list[i]
                let temporary = cache.temporary(job.key, i)
                var failure = worker.map { $0.compile(source: job.source, root: root, pdf: temporary, timestamp: job.timestamp) }
                    ?? startFailure
                if failure == nil {
                    do { try cache.store(temporary, key: job.key) } catch { failure = "\(error)" }
                } else {
                    try? FileManager.default.removeItem(at: temporary)
                }
                state.finish(failure.map { (job.label, $0) }) { done in
                    let seconds = Date().timeIntervalSince(started)
                    switch style {
                    case .terminal: write(line(done, total, seconds))
                    case .plain: write("PDF \(done)/\(total) \(job.label) (\(ValueFormatter.plain(seconds, decimals: 1)) s)\n")
                    case .silent: break
                    }
                }
            }
        }
        if style == .terminal { write("\n") }
        return state.failures
    }

    func line(_ done: Int, _ total: Int, _ seconds: Double) -> String {
        "\rPDF \(done)/\(total), \(ValueFormatter.plain(seconds, decimals: 1)) s"
    }
}

/// The shared counters of the workers.
final class JobState: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private var done = 0
    private(set) var failures: [(String, String)] = []

    func next(limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextIndex < limit else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }

    /// Counts a finished job and reports it, one report at a time and in order.
    func finish(_ failure: (String, String)?, report: (Int) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        if let failure { failures.append(failure) }
        report(done)
    }
}
