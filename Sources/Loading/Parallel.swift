import Dispatch
import Foundation
import Synchronization

/// Maps over `items` on every core. The order of the results is the order of the items.
///
/// The calling thread takes items itself, one at a time, and so does a helper on each
/// other core (a block on the global queue), as soon as that core is free: also when this
/// map runs inside an item of another one, whose threads help here once their own items
/// are done. With `DispatchQueue.concurrentPerform`, a map inside another's item ran on
/// its caller's core alone (libdispatch divides the width by the outer map's), so the
/// check's last rule ran its 947 municipalities on one core while the other had nothing
/// to do (issue 13).
///
/// The caller waits only for items already taken, each running on a thread: a helper that
/// starts after every item is taken leaves without touching them, so no map waits for a
/// thread to become free, and maps nest without deadlock.
///
/// `transform` escapes: a helper may release its copy of it after the map has returned
/// (the last release of a reference is not ordered with the count of items done), so its
/// context must live on the heap, not on the caller's stack.
public func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @escaping @Sendable (T) -> R) -> [R] {
    if items.count < 2 || ParallelWork.cores < 2 { return items.map(transform) }
    let buffer = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
    buffer.initialize(repeating: nil)
    defer { _ = buffer.deinitialize(); buffer.deallocate() }
    nonisolated(unsafe) let shared = buffer
    let work = ParallelWork(count: items.count) { i in shared[i] = transform(items[i]) }
    for _ in 0..<min(ParallelWork.cores - 1, items.count - 1) {
        DispatchQueue.global().async { work.help() }
    }
    work.help()
    work.waitUntilDone()
    return buffer.map { $0! }
}

/// The items of one `parallelMap`, taken in order by the threads that help with it.
final class ParallelWork: @unchecked Sendable {
    /// The cores this process may run on.
    static let cores = ProcessInfo.processInfo.activeProcessorCount

    private let count: Int
    /// The next item to take; past `count` once every item is taken.
    private let next = Atomic<Int>(0)
    /// How many items are done.
    private let done = Atomic<Int>(0)
    private let finished = DispatchSemaphore(value: 0)
    /// Runs item `i`. Never changed: a helper that starts late, or releases its copy late,
    /// holds the closure (on the heap) and nothing of the caller's.
    private let item: @Sendable (Int) -> Void

    init(count: Int, item: @escaping @Sendable (Int) -> Void) {
        self.count = count
        self.item = item
    }

    /// Takes items until none is left.
    func help() {
        while true {
            let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
            guard i < count else { return }
            item(i)
            if done.wrappingAdd(1, ordering: .acquiringAndReleasing).newValue == count { finished.signal() }
        }
    }

    /// Waits until every item is done (the caller has taken its last one).
    func waitUntilDone() {
        finished.wait()
    }
}
