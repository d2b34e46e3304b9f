import Diagnostics
@testable import OAECommands
import XCTest

/// The words `oae serve` adds after a build's line about the check's warnings, and which
/// warnings it says in full: those not there at the build before.
final class PreviewWarningsTests: XCTestCase {
    func warning(_ file: String, line: Int, _ message: String) -> Diagnostic {
        .warning("translation-sections", message, at: SourceSpan(file: file, start: SourcePosition(line: line, column: 1),
                                                                  end: SourcePosition(line: line, column: 3)))
    }

    func testNewWarningsAreSaidOnceAndCountedAfter() {
        var seen = PreviewWarnings()
        // The start: none, nothing said.
        var told = seen.update([])
        XCTAssertEqual(told.new.count, 0)
        XCTAssertEqual(told.summary, "")
        // A save makes one.
        let a = warning("model/services/a.es.md", line: 5, "a section is missing")
        told = seen.update([a])
        XCTAssertEqual(told.new.map(\.span.file), ["model/services/a.es.md"])
        XCTAssertEqual(told.summary, "; 1 warning (1 new, said above)")
        // The same warning, moved down by a line added above it: not said again.
        let moved = warning("model/services/a.es.md", line: 7, "a section is missing")
        told = seen.update([moved])
        XCTAssertEqual(told.new.count, 0)
        XCTAssertEqual(told.summary, "; 1 warning, said before ('oae check' lists it)")
        // Another besides it: only the other is said.
        let b = warning("model/services/b.en.md", line: 5, "a section is missing")
        told = seen.update([moved, b])
        XCTAssertEqual(told.new.map(\.span.file), ["model/services/b.en.md"])
        XCTAssertEqual(told.summary, "; 2 warnings (1 new, said above)")
        // Mended.
        told = seen.update([])
        XCTAssertEqual(told.summary, "; no warnings left")
        told = seen.update([])
        XCTAssertEqual(told.summary, "")
    }

    func testTheStartSaysAllItsWarnings() {
        var seen = PreviewWarnings()
        let told = seen.update([warning("model/services/a.es.md", line: 5, "x"), warning("model/services/a.en.md", line: 5, "x")])
        XCTAssertEqual(told.new.count, 2)
        XCTAssertEqual(told.summary, "; 2 warnings, said above")
    }

    /// Many new warnings (a language just added) are said ten at a time: the preview's
    /// address came after 6,604 lines of them (session 45's trial).
    func testManyNewWarningsAreSaidTenInFull() {
        var seen = PreviewWarnings()
        let first = (1...25).map { warning("model/services/s\($0).md", line: 3, "no oc text") }
        var told = seen.update(first)
        XCTAssertEqual(told.new.map(\.span.file), (1...10).map { "model/services/s\($0).md" })
        XCTAssertEqual(told.summary, "; 25 warnings (the first 10 said above; 'oae check' lists them all)")
        let more = first + (1...12).map { warning("model/procedures/p\($0).md", line: 3, "no oc text") }
        told = seen.update(more)
        XCTAssertEqual(told.new.count, 10)
        XCTAssertEqual(told.summary, "; 37 warnings (12 new, the first 10 said above; 'oae check' lists them all)")
    }
}
