import Foundation
@testable import Handbook
import Tools
import XCTest

/// The Typst PDF of a handbook whose texts try to be Typst code: a service named with
/// `#read("/etc/passwd")`, labels, references and maths, and a body with `#import`, a raw
/// block and a table whose cell holds a very long word. The PDF shows every text
/// verbatim, reads nothing outside the build, and keeps every table on the page.
final class TypstPDFTests: XCTestCase {
    static let name = #"Acollida #read("/etc/passwd") <fals> @fals $x$ [a] // c"#
    static let paragraph = ##"Prova: #import "@preview/cetz:0.3.0": * i #include "/etc/hostname" i #set page(width: 1cm) i = títol i \ barra."##
    static let longWord = "IdentificadorMoltLlargSenseCapPuntDeTallQueNoHauriaDeSortirDeLaPaginaMaiDeLaVida"

    /// A language tagged with a variant (Aranese, `oc-aranes`, the README's example) makes
    /// its PDF: Typst takes a language's code alone, and the whole tag stopped the build of
    /// every handbook (session 45's review).
    func testALanguageTagWithAVariantMakesItsPDF() throws {
        let typst = try HandbookTestSupport.typst()
        let root = try HandbookTestSupport.exampleTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let model = root.appendingPathComponent("model/model.yaml")
        try Data(try String(contentsOf: model, encoding: .utf8).replacingOccurrences(of: "  - en\n", with: "  - en\n  - oc-aranes\n").utf8)
            .write(to: model)
        let strings = root.appendingPathComponent("templates/strings")
        for language in ["ca", "es", "en"] {
            let file = strings.appendingPathComponent("\(language).yaml")
            let text = try String(contentsOf: file, encoding: .utf8)
            try Data((text + "language.oc-aranes: \"aranés\"\n").utf8).write(to: file)
        }
        try FileManager.default.copyItem(at: strings.appendingPathComponent("ca.yaml"), to: strings.appendingPathComponent("oc-aranes.yaml"))
        var options = HandbookBuildOptions()
        options.municipalities = ["molins-de-rei"]
        options.languages = ["oc-aranes"]
        options.typst = typst
        let out = root.appendingPathComponent("output")
        let report = try HandbookBuild.run(HandbookTestSupport.input(root), out: out, options: options)
        XCTAssertEqual(report.rendered, 1)
        let pdf = out.appendingPathComponent("handbooks/molins-de-rei/oc-aranes/handbook.pdf")
        XCTAssertTrue(FileManager.default.fileExists(atPath: pdf.path))
        let html = try String(contentsOf: out.appendingPathComponent("handbooks/molins-de-rei/oc-aranes/handbook.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("<html lang=\"oc-aranes\""), String(html.prefix(300)))
        // The cover's phase, not translated, is marked and tagged (session 45's review).
        XCTAssertTrue(html.contains("<p class=\"cover-status\"><span lang=\"ca\" class=\"fallback\">Planificada</span>"), html)
    }

    func testWriterTextIsShownVerbatimAndTablesStayOnThePage() throws {
        let typst = try HandbookTestSupport.typst()
        let root = try HandbookTestSupport.exampleTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let service = root.appendingPathComponent("model/services/welcome-and-orientation.md")
        var text = try String(contentsOf: service, encoding: .utf8)
        let yamlName = Self.name.replacingOccurrences(of: "\"", with: "\\\"")
        text = text.replacingOccurrences(of: "  ca: \"Acollida i orientació\"", with: "  ca: \"\(yamlName)\"")
        text += "\n\(Self.paragraph)\n\n| Camp | Valor |\n|---|---|\n| id | \(Self.longWord) |\n"
        try Data(text.utf8).write(to: service)

        var options = HandbookBuildOptions()
        options.municipalities = ["sant-feliu-de-llobregat"]
        options.languages = ["ca"]
        options.typst = typst
        let out = root.appendingPathComponent("output")
        let report = try HandbookBuild.run(HandbookTestSupport.input(root), out: out, options: options)
        XCTAssertEqual(report.rendered, 1)
        let pdf = out.appendingPathComponent("handbooks/sant-feliu-de-llobregat/ca/handbook.pdf")

        // Verbatim: lines joined, a word broken at a line's end ("pass-" "wd") joined again.
        let raw = try HandbookTestSupport.run("/usr/bin/pdftotext", [pdf.path, "-"]).stdout
        // Long words break without an invisible character in the text (U+200B did; copied
        // from the PDF, an address held it).
        XCTAssertFalse(raw.unicodeScalars.contains { $0.value == 0x200B || $0.value == 0xFFFC }, "an invisible character in the PDF's text")
        let joined = raw.replacingOccurrences(of: "-\n", with: "-").replacingOccurrences(of: "\n", with: " ")
        for expected in [Self.name, Self.paragraph, Self.longWord] {
            XCTAssertTrue(joined.contains(expected) || joined.replacingOccurrences(of: "- ", with: "-").contains(expected),
                          "not shown verbatim: \(expected)")
        }
        XCTAssertFalse(joined.contains("root:x:0:0"), "the PDF read /etc/passwd")

        // Every word inside the text area of A4 (2 cm side margins), tables included; a
        // line's last punctuation may hang 3 pt into the margin (Typst's overhang).
        let bbox = try HandbookTestSupport.run("/usr/bin/pdftotext", ["-bbox", pdf.path, "-"]).stdout
        let right = 595.28 - 56.69 + 3
        var past: [String] = []
        for line in bbox.split(separator: "\n") where line.contains("<word ") {
            guard let r = line.range(of: "xMax=\""), let end = line[r.upperBound...].firstIndex(of: "\""),
                  let x = Double(line[r.upperBound..<end]) else { continue }
            if x > right { past.append(String(line)) }
        }
        XCTAssertEqual(past, [], "words past the right margin")
    }
}
