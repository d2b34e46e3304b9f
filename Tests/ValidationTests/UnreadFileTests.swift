import Diagnostics
import Foundation
import Model
import OAECommands
import XCTest

/// A file that does not load (empty, not YAML, not UTF-8) is one problem, at it: no rule
/// that would read it reports, somewhere else, what the file would have said (session 25's
/// trial: an empty model service made an override of it "not offered" in a municipality's
/// adaptation, whose help said to remove a right override; an empty `model.yaml` made every
/// service's area unknown).
final class UnreadFileTests: XCTestCase {
    /// Every file of the fixture network, emptied one at a time: the one diagnostic added
    /// to the fixture's own is `file-empty` at that file (not, besides, that the empty
    /// staffing plan has too few posts, or the empty communication plan reaches nobody).
    func testAnEmptiedFileIsTheOneProblem() throws {
        let tree = try FixtureTree()
        defer { tree.remove() }
        let baseline = Set(tree.diagnostics())
        let files = try FileManager.default.subpathsOfDirectory(atPath: tree.root.path)
            .filter { ($0.hasPrefix("model/") || $0.hasPrefix("seeds/")) && !$0.hasPrefix("model/schema/") }
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".md") }
            .sorted()
        XCTAssertGreaterThan(files.count, 40)
        var elsewhere: [String] = []
        for path in files {
            let text = try tree.read(path)
            try tree.write(path, "")
            let added = CheckRun.diagnose(root: tree.root, asOf: FixtureTree.asOf).1
                .filter { !baseline.contains("\($0.rule) \($0.span): \($0.message)") }
            XCTAssertTrue(added.contains { $0.span.file == path && $0.rule == "file-empty" }, path)
            elsewhere += added.filter { $0.span.file != path || $0.rule != "file-empty" }.map { "\(path) emptied: \($0.rule) \($0.span): \($0.message)" }
            try tree.write(path, text)
        }
        XCTAssertEqual(elsewhere, [])
    }

    /// The same of a file that is not YAML (a tab in its indentation) and of one that is
    /// not UTF-8, for the files whose ids or lists others name: the model's settings (the
    /// services' areas), the checklist (the offices' items), a model service (an override
    /// of it, a procedure that serves it, a value placeholder that reads it) and its
    /// translation's original, an office's staffing plan (its budget's posts) and
    /// adaptation (the optional services it adopts).
    func testAFileThatIsNotYAMLIsTheOneProblem() throws {
        let paths = ["model/model.yaml", "model/checklist.yaml", "model/services/company-creation.md",
                     "model/communication/strategy.md", "model/indicators/people-attended.yaml",
                     "seeds/sant-feliu-de-llobregat/staffing.yaml", "seeds/sant-feliu-de-llobregat/adaptation.yaml",
                     "seeds/sant-feliu-de-llobregat/agreements/adhesion-sant-feliu.yaml"]
        let tree = try FixtureTree()
        defer { tree.remove() }
        let baseline = Set(tree.diagnostics())
        for path in paths {
            let text = try tree.read(path)
            for (change, broken) in [("a tab", Data(text.replacingOccurrences(of: "\n", with: "\n\t", range: text.range(of: "\n")).utf8)),
                                     ("a byte that is not UTF-8", Data(text.utf8) + Data([0xFF]))] {
                try broken.write(to: tree.root.appendingPathComponent(path))
                let added = CheckRun.diagnose(root: tree.root, asOf: FixtureTree.asOf).1
                    .filter { !baseline.contains("\($0.rule) \($0.span): \($0.message)") }
                XCTAssertFalse(added.filter { $0.span.file == path }.isEmpty, "\(path) with \(change)")
                XCTAssertEqual(added.filter { $0.span.file != path }.map { "\($0.rule) \($0.span): \($0.message)" }, [],
                               "\(path) with \(change)")
            }
            try tree.write(path, text)
        }
    }

    /// A file every municipality folder holds, empty, is not to be deleted (its absence
    /// is an error too); a linked one is its link's error alone, not also "missing" (the
    /// two read as a contradiction in session 25's trial).
    func testARequiredFileIsNotToldToGoAndALinkedOneIsNotMissing() throws {
        let tree = try FixtureTree()
        defer { tree.remove() }
        let office = "seeds/sant-feliu-de-llobregat/office.yaml"
        try tree.write("seeds/sant-feliu-de-llobregat/adaptation.yaml", "")
        let diagnostics = CheckRun.diagnose(root: tree.root, asOf: FixtureTree.asOf).1
        XCTAssertEqual(diagnostics.filter { $0.rule == "file-empty" }.map(\.help),
                       ["write the adaptation's fields in it: every municipality folder holds adaptation.yaml"])
        try tree.write("seeds/sant-feliu-de-llobregat/staffing.yaml", "")
        XCTAssertEqual(CheckRun.diagnose(root: tree.root, asOf: FixtureTree.asOf).1.filter { $0.span.file.hasSuffix("staffing.yaml") }.map(\.help),
                       ["write the staffing-plan's fields in it, or delete the file"])
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("oae-office-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.moveItem(at: tree.root.appendingPathComponent(office), to: outside)
        try FileManager.default.createSymbolicLink(at: tree.root.appendingPathComponent(office), withDestinationURL: outside)
        let linked = CheckRun.diagnose(root: tree.root, asOf: FixtureTree.asOf).1
        XCTAssertEqual(linked.filter { $0.rule == "tree-symlink" }.map(\.span.file), [office])
        XCTAssertEqual(linked.filter { $0.rule == "municipality-file-missing" }.map(\.message), [])
    }

    /// Wider than a file that does not load: a translation whose original's id is wrong
    /// (renamed in the original alone) is right when it keeps the original's file name,
    /// and is not told to copy the original's new id; the original's `id-mismatch` is the
    /// one error.
    func testATranslationKeepingItsOriginalsFileNameIsRight() throws {
        try assertDiagnostics([
            "id-mismatch model/services/company-creation.md:2:5: id 'company-creations' differs from the file name 'company-creation'",
        ]) { tree in
            try tree.replace("model/services/company-creation.md", "id: company-creation\n", "id: company-creations\n")
        }
    }
}
