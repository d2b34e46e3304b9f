import Foundation

/// Work run on a thread of its own while the caller goes on (a file written as its parts
/// come, links made while pages are rendered); `wait` blocks until it is done and gives
/// its result or rethrows its error. A thread rather than a dispatch queue: the work
/// blocks in system calls, and the pages' `concurrentPerform` keeps every core.
public final class Background<T: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var outcome: Result<T, Error>?

    private init() {}

    /// Starts `body` on a new thread with `stackSize` bytes of stack (1 MiB unless the work
    /// recurses as deep as the main thread's 8 MiB allow, as a writer's schema may make it).
    public static func start(stackSize: Int = 1 << 20, _ body: @escaping @Sendable () throws -> T) -> Background<T> {
        let work = Background<T>()
        let thread = Thread {
            work.outcome = Result { try body() }
            work.done.signal()
        }
        thread.stackSize = stackSize
        thread.start()
        return work
    }

    /// The result of the work, once it is done; rethrows its error.
    @discardableResult
    public func wait() throws -> T {
        done.wait()
        done.signal()  // a second `wait` returns at once
        return try outcome!.get()
    }
}
