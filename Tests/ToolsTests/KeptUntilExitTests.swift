import Foundation
import Tools
import XCTest

/// `KeptUntilExit.free`: a value handed over is freed on another thread, and only once the
/// gate is signalled (issue 13: the check's values freed for the build's next steps).
final class KeptUntilExitTests: XCTestCase {
    /// Signals `freed` from its deinit, noting whether that ran on the main thread.
    final class Watched: @unchecked Sendable {
        let freed: DispatchSemaphore
        let onMain: UnsafeMutablePointer<Bool>
        init(_ freed: DispatchSemaphore, _ onMain: UnsafeMutablePointer<Bool>) { (self.freed, self.onMain) = (freed, onMain) }
        deinit {
            onMain.pointee = Thread.isMainThread
            freed.signal()
        }
    }

    func testAValueIsFreedOnAnotherThreadAfterTheGate() {
        let freed = DispatchSemaphore(value: 0)
        let onMain = UnsafeMutablePointer<Bool>.allocate(capacity: 1)
        defer { onMain.deallocate() }
        onMain.pointee = true
        let gate = DispatchSemaphore(value: 0)
        do {
            let value = Watched(freed, onMain)
            KeptUntilExit.free(value, after: gate)
        }
        // Not before the gate: the caller's own reference is gone, the helper's holds it.
        XCTAssertEqual(freed.wait(timeout: .now() + 0.3), .timedOut)
        gate.signal()
        XCTAssertEqual(freed.wait(timeout: .now() + 5), .success)
        XCTAssertFalse(onMain.pointee)
    }
}
