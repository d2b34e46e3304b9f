import COAESystem
import Foundation

/// Work that can wait for an idle core: one thread of its own, at the lowest ordinary
/// priority (nice 19 on Linux; not `SCHED_IDLE`, whose thread could hold the allocator's
/// lock while other programs keep the cores busy), runs the jobs one after another, each
/// once its time has come. `oae serve` frees the last save's
/// tree and views there, gives memory back, and walks the whole tree to catch a change
/// the watcher missed: on two cores each took a core from the next save when it fell
/// inside one (at 947 municipalities the walk alone was as much CPU as a save).
///
/// A job's closure, and what it holds, is released on that thread: a job that only
/// holds a value frees it there.
public final class IdleWork: @unchecked Sendable {
    /// The process's one idle thread.
    public static let shared = IdleWork()

    private let condition = NSCondition()
    private var jobs: [(due: Date, job: @Sendable () -> Void)] = []
    private var thread: Thread?

    init() {}

    /// Runs `job` on the idle thread, no sooner than `delay` seconds from now.
    public func run(after delay: TimeInterval = 0, _ job: @escaping @Sendable () -> Void) {
        condition.lock()
        jobs.append((Date().addingTimeInterval(delay), job))
        if thread == nil {
            let thread = Thread { [self] in loop() }
            thread.name = "oae-idle"
            self.thread = thread
            thread.start()
        }
        condition.signal()
        condition.unlock()
    }

    /// Keeps `value` until the idle thread frees it, `delay` seconds from now at the soonest.
    public func release<T>(_ value: T, after delay: TimeInterval = 0) {
        nonisolated(unsafe) let kept = value
        run(after: delay) { withExtendedLifetime(kept) {} }
    }

    private func loop() {
        _ = oae_thread_idle_priority()
        while true {
            condition.lock()
            var next: (@Sendable () -> Void)?
            while next == nil {
                let now = Date()
                if let i = jobs.indices.min(by: { jobs[$0].due < jobs[$1].due }) {
                    if jobs[i].due <= now {
                        next = jobs.remove(at: i).job
                    } else {
                        _ = condition.wait(until: jobs[i].due)
                    }
                } else {
                    condition.wait()
                }
            }
            condition.unlock()
            // The job, and what it captured, is released here, on this thread.
            next!()
            next = nil
        }
    }
}
