import Foundation
import XCTest
@testable import Loading

/// `parallelMap`: results in the order of the items, maps inside maps, and a core that
/// falls idle helping with a map that runs inside another's item.
final class ParallelMapTests: XCTestCase {
    func testResultsInOrder() {
        XCTAssertEqual(parallelMap([Int]()) { $0 * 2 }, [])
        XCTAssertEqual(parallelMap([7]) { $0 * 2 }, [14])
        let items = Array(0..<10_000)
        XCTAssertEqual(parallelMap(items) { $0 * 3 + 1 }, items.map { $0 * 3 + 1 })
    }

    /// Maps three deep, of sizes that leave items to every thread or to none.
    func testNestedMaps() {
        let outer = parallelMap(Array(0..<9)) { a in
            parallelMap(Array(0..<(a * 7))) { b in
                parallelMap(Array(0..<(b % 4))) { c in a * 100 + b * 10 + c }.reduce(0, +)
            }
        }
        let expected = (0..<9).map { a in (0..<(a * 7)).map { b in (0..<(b % 4)).map { c in a * 100 + b * 10 + c }.reduce(0, +) } }
        XCTAssertEqual(outer, expected)
    }

    /// The outer map's first item is done at once; its second runs a map whose first item
    /// waits until another thread takes one of its items. With `concurrentPerform`, a map
    /// inside another's item ran on one thread only, and this one waited out its 10 s.
    func testAnIdleCoreHelpsAnInnerMap() throws {
        try XCTSkipIf(ProcessInfo.processInfo.activeProcessorCount < 2, "one core: no thread to help")
        let probe = ThreadProbe()
        let outer = parallelMap([0, 1]) { k -> [Int] in
            guard k == 1 else { return [] }
            return parallelMap(Array(0..<64)) { i in
                probe.enter()
                if i == 0 { probe.waitForASecondThread(seconds: 10) }
                return i * 2
            }
        }
        XCTAssertEqual(outer, [[], (0..<64).map { $0 * 2 }])
        XCTAssertTrue(probe.sawTwoThreads, "no second thread took an item of the inner map")
    }
}

/// The threads that took items, and a wait for a second one.
private final class ThreadProbe: @unchecked Sendable {
    private let lock = NSLock()
    private var threads: [pthread_t] = []
    private let second = DispatchSemaphore(value: 0)

    var sawTwoThreads: Bool { lock.withLock { threads.count >= 2 } }

    func enter() {
        let me = pthread_self()
        lock.withLock {
            guard !threads.contains(where: { pthread_equal($0, me) != 0 }) else { return }
            threads.append(me)
            if threads.count == 2 { second.signal() }
        }
    }

    func waitForASecondThread(seconds: Int) {
        _ = second.wait(timeout: .now() + .seconds(seconds))
    }
}
