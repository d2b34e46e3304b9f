import Foundation
import Handbook
import Model
import OAECommands
import XCTest

/// Characters the handbook PDFs' fonts cannot show: the build names the file, line and
/// column where the writer wrote them, not Typst's generated source.
final class UnshowableTextTests: XCTestCase {
    func testTheBuildSaysWhereTheCharactersNoFontShowsAreWritten() throws {
        let typst = try HandbookTestSupport.typst()
        let root = try HandbookTestSupport.exampleTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let service = root.appendingPathComponent("model/services/business-training.md")
        var text = try String(contentsOf: service, encoding: .utf8)
        // "e" and a combining acute accent: one character of two scalars before them. Columns
        // count scalars in the build as in the check (session 44's trial: the build placed
        // the letters after one a column before the check did).
        text += "\nBenvingude\u{301} en xinès: 欢迎 🚀, i en àrab: أهلا.\n"
        try Data(text.utf8).write(to: service)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        var options = HandbookBuildOptions()
        options.municipalities = ["molins-de-rei"]
        options.languages = ["ca"]
        options.typst = typst
        let out = root.appendingPathComponent("output")
        XCTAssertThrowsError(try HandbookBuild.run(HandbookTestSupport.input(root), out: out, options: options)) { error in
            // Arabic is in DejaVu Sans; the Chinese characters and the emoji are in no font of the template.
            XCTAssertEqual("\(error)", """
                the handbook PDFs' fonts cannot show 3 characters of the text (PDF/UA-1 needs a font for every character); \
                write them another way or leave them out of the texts the handbooks show:
                  model/services/business-training.md:\(line):23: '欢' (U+6B22)
                  model/services/business-training.md:\(line):24: '迎' (U+8FCE)
                  model/services/business-training.md:\(line):26: '🚀' (U+1F680)
                """)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("handbooks").path))
        // The check says so before any build, at the first of them, naming the same three
        // characters and not the Arabic (PDFFonts.coverage agrees with Typst).
        let found = CheckRun.diagnose(root: root, asOf: Day("2026-11-25")!).1.filter { $0.rule == "text-no-font" }
        XCTAssertEqual(found.map { "\($0.span): \($0.message) \($0.notes)" }, [
            "model/services/business-training.md:\(line):23: no font of the handbook PDFs (Liberation Sans and DejaVu Sans) shows "
                + "'欢' (U+6B22), '迎' (U+8FCE) and '🚀' (U+1F680) [\"also at \(line):24, \(line):26\"]",
        ])
    }

    func testTypstsWordsAreReadAndEachCharacterIsNamedOnce() {
        let messages = ["molins-de-rei/ca: PDF/UA-1 error: the text `\"欢\"` could not be displayed with font `\"Liberation Sans\"`\n"
                        + "error: PDF/UA-1 error: the text `\"欢\"` could not be displayed with font `\"Liberation Sans\"`",
                        "vic/ca: the text `\"🚀\"` could not be displayed with font `\"DejaVu Sans\"`", "vic/es: something else"]
        XCTAssertEqual(UnshowableText.characters(inFailures: messages), ["欢", "🚀"])
        let many = UnshowableText(text: "欢", places: (1...5).map { "a.md:\($0):1" }, count: 7)
        XCTAssertEqual(many.lines.last, "a.md:5:1: '欢' (U+6B22) (and 2 more)")
        XCTAssertEqual(UnshowableText(text: "☃", places: [], count: 0).lines,
                       ["'☃' (U+2603): not found in the tree's documents (a template?)"])
    }

    /// A PDF finished before the build stops (here, another handbook's failed render) is kept
    /// in the output's cache: the next build renders only the one that failed.
    func testAPDFFinishedBeforeAFailedBuildIsKeptForTheNext() throws {
        let typst = try HandbookTestSupport.typst()
        let root = try HandbookTestSupport.exampleTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let office = root.appendingPathComponent("seeds/molins-de-rei/office.yaml")
        let text = try String(contentsOf: office, encoding: .utf8)
        let broken = text.replacingOccurrences(of: "Oficina en preparació", with: "Oficina en preparació 欢迎")
        XCTAssertNotEqual(broken, text)
        try Data(broken.utf8).write(to: office)
        var options = HandbookBuildOptions()
        options.municipalities = ["molins-de-rei", "sant-feliu-de-llobregat"]
        options.languages = ["ca"]
        options.typst = typst
        let out = root.appendingPathComponent("output")
        XCTAssertThrowsError(try HandbookBuild.run(HandbookTestSupport.input(root), out: out, options: options))
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("handbooks").path), "nothing published")
        let cached = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent(".cache/pdf").path)
        XCTAssertEqual(cached.filter { $0.hasSuffix(".pdf") && !$0.hasPrefix(".") }.count, 1, "\(cached)")
        try Data(text.utf8).write(to: office)
        let report = try HandbookBuild.run(HandbookTestSupport.input(root), out: out, options: options)
        XCTAssertEqual(report.rendered, 1)
        XCTAssertEqual(report.reused, 1)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("handbooks/sant-feliu-de-llobregat/ca/handbook.pdf").path))
    }
}
