import Foundation
import XCTest

/// Compares `actual` with a reviewed golden file; with `OAE_UPDATE_GOLDENS=1` writes it
/// instead (then review the diff before committing). A difference names its first line.
public func assertGolden(_ actual: String, _ golden: URL, file: StaticString = #filePath, line: UInt = #line) throws {
    if ProcessInfo.processInfo.environment["OAE_UPDATE_GOLDENS"] == "1" {
        try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: golden)
        return
    }
    guard let data = FileManager.default.contents(atPath: golden.path) else {
        XCTFail("missing golden file \(golden.path); run the tests with OAE_UPDATE_GOLDENS=1 and review it",
                file: file, line: line)
        return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if expected != actual {
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let firstDiff = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
        XCTFail("""
            output differs from \(golden.lastPathComponent) at line \(firstDiff + 1):
              expected: \(firstDiff < e.count ? String(e[firstDiff]) : "<end>")
              actual:   \(firstDiff < a.count ? String(a[firstDiff]) : "<end>")
            """, file: file, line: line)
    }
}

/// The package's root folder, from a test file's `#filePath` (`Tests/<Target>/<file>`).
public func packageRoot(_ filePath: String = #filePath) -> URL {
    URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
