/// A stack of values in one buffer, shared by every collection a reader has open:
/// `pop(from:)` moves the values a collection pushed into an array of their exact number.
/// Growing an array value by value, as collections used to, copied every pair (a
/// `Node.Pair` is two nodes) each time the array doubled and touched fresh memory each
/// time: at 947 municipalities a third of the check's page faults (issue 13).
/// Values left when the reader stops on an error are freed with the stack.
final class NodeStack<Element> {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    /// How many values the stack holds.
    private(set) var count = 0

    init(capacity: Int = 64) {
        self.capacity = max(1, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    /// Pushes `value` on top, moved in (taking it borrowed copied every node pushed: a
    /// retain and a release of each of its references, issue 13).
    func push(_ value: consuming Element) {
        if count == capacity {
            let bigger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
            bigger.moveInitialize(from: base, count: count)
            base.deallocate()
            base = bigger
            capacity *= 2
        }
        (base + count).initialize(to: value)
        count += 1
    }

    /// The values from index `start` to the top, moved out in order (the stack then ends
    /// at `start`).
    func pop(from start: Int) -> [Element] {
        precondition(start >= 0 && start <= count)
        let k = count - start
        guard k > 0 else { return [] }
        // Reserved, then each value moved in: `Array(unsafeUninitializedCapacity:)` called
        // the standard library's buffer initialiser unspecialised, which looked up the
        // array's storage type in the runtime's metadata cache for every collection (1.4%
        // of `oae check` at 947 municipalities; issue 13).
        var values: [Element] = []
        values.reserveCapacity(k)
        for i in start..<count { values.append((base + i).move()) }
        count = start
        return values
    }

    /// Calls `body` with the values from index `start` to the top.
    func withElements<R>(from start: Int, _ body: (UnsafeBufferPointer<Element>) -> R) -> R {
        precondition(start >= 0 && start <= count)
        return body(UnsafeBufferPointer(start: base + start, count: count - start))
    }
}
