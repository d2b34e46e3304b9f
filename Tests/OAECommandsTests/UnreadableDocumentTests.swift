import Foundation
import XCTest

/// A document that cannot be read is one error, at its cause: the documents that name it
/// are not told it does not exist (a fresh user's tab in an office.yaml gave three more
/// errors before the real one: "unknown office", "has no office.yaml").
final class UnreadableDocumentTests: XCTestCase {
    func testAnEmptyOrBrokenDocumentIsOneErrorAndNoEcho() throws {
        let root = try TestPaths.networkCopy("oae-unreadable")
        defer { try? FileManager.default.removeItem(at: root) }
        let office = root.appendingPathComponent("seeds/sant-feliu-de-llobregat/office.yaml")
        var text = try String(contentsOf: office, encoding: .utf8)
        text = text.replacingOccurrences(of: "\n  name: Sant Feliu de Llobregat", with: "\n\tname: Sant Feliu de Llobregat")
        try text.write(to: office, atomically: true, encoding: .utf8)
        // An empty service that other documents name.
        try Data().write(to: root.appendingPathComponent("model/services/business-transfer.md"))
        // An empty translation is told to hold the text under its id (session 38's trial was
        // told to write the service's fields, which a translation may not hold).
        try Data().write(to: root.appendingPathComponent("model/services/company-creation.es.md"))
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        let check = try runProcess(TestPaths.oaeBinary.path, ["check", "--root", root.path, "--format", "github", "--as-of", "2026-11-25"],
                                   environment: env)
        XCTAssertEqual(check.status, 1, check.stderr)
        XCTAssertEqual(check.stdout.split(separator: "\n"), [
            "::error file=model/services/business-transfer.md,line=1,col=1,endLine=1,endColumn=2,title=file-empty::the file is empty%0Ahelp: write the service's fields in it, or delete the file",
            "::error file=model/services/company-creation.es.md,line=1,col=1,endLine=1,endColumn=2,title=file-empty::the file is empty%0Ahelp: write the Spanish (es) text in it, under a front matter of the service's id ('---', 'id: company-creation', '---'), or delete the file",
            "::error file=seeds/sant-feliu-de-llobregat/office.yaml,line=3,col=1,endLine=3,endColumn=2,title=yaml-tab-indentation::tab character in indentation%0Ahelp: YAML indents with spaces only: replace the tab with spaces",
        ])
    }
}
