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
    /// is an error too).
    func testARequiredFileIsNotToldToGo() throws {
        let tree = try FixtureTree()
        defer { tree.remove() }
        try tree.write("seeds/sant-feliu-de-llobregat/adaptation.yaml", "")
        let diagnostics = CheckRun.diagnose(root: tree.root, asOf: FixtureTree.asOf).1
        XCTAssertEqual(diagnostics.filter { $0.rule == "file-empty" }.map(\.help),
                       ["write the adaptation's fields in it: every municipality folder holds adaptation.yaml"])
        try tree.write("seeds/sant-feliu-de-llobregat/staffing.yaml", "")
        XCTAssertEqual(CheckRun.diagnose(root: tree.root, asOf: FixtureTree.asOf).1.filter { $0.span.file.hasSuffix("staffing.yaml") }.map(\.help),
                       ["write the staffing-plan's fields in it, or delete the file"])
    }

    /// A YAML file of comments alone, or of a document marker, holds no value: it is
    /// `file-empty`, with its help, and the one problem (session 44's trial read "expected a
    /// mapping; found null", without a help). A file that writes `null` is not empty.
    func testAFileOfCommentsAloneIsEmpty() throws {
        let tree = try FixtureTree()
        defer { tree.remove() }
        let baseline = Set(tree.diagnostics())
        let path = "seeds/molins-de-rei/checklist.yaml"
        // With a byte-order mark first too (as Notepad saves), and several markers or a directive (the review).
        for (text, words) in [("# to fill in\n", "comments"), ("---\n", "document markers"), ("--- # checklist\n\n...\n", "comments"),
                              ("\u{FEFF}---\n", "document markers"), ("\u{FEFF}# c\n", "comments"), ("---\n---\n", "document markers"),
                              ("%YAML 1.2\n---\n", "document markers")] {
            try tree.write(path, text)
            let added = CheckRun.diagnose(root: tree.root, asOf: FixtureTree.asOf).1
                .filter { !baseline.contains("\($0.rule) \($0.span): \($0.message)") }
            XCTAssertEqual(added.map { "\($0.rule) \($0.span): \($0.message) | \($0.help ?? "")" },
                           ["file-empty \(path):1:1: the file holds no value, only \(words) | write the opening-checklist's fields in it, or delete the file"], text)
        }
        for text in ["\u{FEFF}", "\u{FEFF}\n\n"] {
            try tree.write(path, text)
            XCTAssertEqual(CheckRun.diagnose(root: tree.root, asOf: FixtureTree.asOf).1.filter { $0.span.file == path }.map { "\($0.rule): \($0.message)" },
                           ["file-empty: the file is empty"])
        }
        try tree.write(path, "null\n")
        XCTAssertEqual(CheckRun.diagnose(root: tree.root, asOf: FixtureTree.asOf).1.filter { $0.span.file == path }.map(\.rule), ["schema-type"])
    }

    /// What a rule says without reading the unread file is still said (session 25's
    /// review): a translation's stray field with `model.yaml` unread, a value placeholder
    /// of a kind municipalities do not adapt, and an override of a service the adaptation
    /// omits, whose file is empty.
    func testWhatDoesNotNeedTheUnreadFileIsStillSaid() throws {
        let tree = try FixtureTree()
        defer { tree.remove() }
        try tree.write("model/model.yaml", "")
        try tree.replace("model/services/company-creation.es.md", "id: company-creation\n", "id: company-creation\nnme: x\n")
        try tree.write("model/roles/business-advisor.yaml", "")
        try tree.replace("model/services/company-creation.md", "## Què és\n", "## Què és\n\nAmb {{value role/business-advisor/title}}.\n")
        try tree.write("model/services/grants-information.md", "")
        try tree.replace("seeds/sant-feliu-de-llobregat/adaptation.yaml", "  services:\n", "  services:\n    grants-information:\n      channels: [phone]\n")
        let rules = CheckRun.diagnose(root: tree.root, asOf: FixtureTree.asOf).1.map { "\($0.rule) \($0.span.file)" }
        XCTAssertTrue(rules.contains("translation-field model/services/company-creation.es.md"), "\(rules)")
        XCTAssertTrue(rules.contains("value-ref-unknown model/services/company-creation.md"), "\(rules)")
        XCTAssertTrue(rules.contains("override-unknown-target seeds/sant-feliu-de-llobregat/adaptation.yaml"), "\(rules)")
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
