import ArgumentParser
import Diagnostics
import Foundation
import Model
import OAECommands
import Site
import XCTest

/// `oae build site` end to end: safe output, identical bytes, atomic replacement.
final class SiteBuildTests: XCTestCase {
    var tree: SiteTree!
    var out: URL!

    override func setUpWithError() throws {
        out = FileManager.default.temporaryDirectory.appendingPathComponent("oae-out-\(UUID().uuidString)")
        setenv("OAE_PAGEFIND", projectPagefind() ?? "off", 1)
    }

    override func tearDown() {
        tree?.remove()
        if let out { try? FileManager.default.removeItem(at: out) }
    }

    func build(_ out: URL) -> Error? {
        runOAE(["build", "site", "--root", tree.root.path, "--out", out.path, "--as-of", "2026-11-25"])
    }

    func testScriptInMarkdownAndInYAMLRendersAsHarmlessText() throws {
        tree = try SiteTree()
        try tree.replace("model/services/business-transfer.md", "## Què és\n",
                         "## Què és\n\n<script>alert('md')</script>\n\nText <script>alert(2)</script> i <img src=x onerror=alert(3)>.\n")
        try tree.replace("seeds/sant-feliu-de-llobregat/office.yaml", "name: {ca: OAE de Sant Feliu de Llobregat,",
                         "name: {ca: \"OAE </script><script>alert('yaml')</script>\",")
        try tree.replace("seeds/sant-feliu-de-llobregat/reports/2026-q3.yaml", "{ca: Un trimestre d'activitat normal.,",
                         "{ca: \"Un trimestre <script>alert(4)</script> normal.\",")
        XCTAssertNil(build(out))
        let files = filesUnder(out.appendingPathComponent("site")).filter { $0.key.hasSuffix(".html") }
        XCTAssertFalse(files.isEmpty)
        for (path, data) in files {
            let html = String(decoding: data, as: UTF8.self)
            XCTAssertFalse(html.contains("<script>alert"), path)
            XCTAssertFalse(html.contains("<img src=x"), path)
            XCTAssertFalse(html.contains("onerror"), path)
        }
        let office = String(decoding: files["ca/offices/sant-feliu-de-llobregat.html"] ?? Data(), as: UTF8.self)
        XCTAssertTrue(office.contains("<h1 data-pagefind-weight=\"10\">OAE &lt;/script&gt;&lt;script&gt;alert(&#39;yaml&#39;)&lt;/script&gt;</h1>"), office)
        XCTAssertTrue(office.contains("<p>Un trimestre &lt;script&gt;alert(4)&lt;/script&gt; normal.</p>"), office)
        XCTAssertTrue(office.contains("\"name\": \"OAE \\u003c/script>\\u003cscript>alert('yaml')\\u003c/script>\""), office)
        let service = String(decoding: files["ca/model/services/business-transfer.html"] ?? Data(), as: UTF8.self)
        XCTAssertTrue(service.contains("<!-- raw HTML omitted -->"), service)
    }

    func testTwoBuildsGiveIdenticalBytes() throws {
        tree = try SiteTree(example: true)
        let second = out.appendingPathComponent("second")
        XCTAssertNil(build(out))
        XCTAssertNil(build(second))
        for folder in ["site", "data"] {
            let a = filesUnder(out.appendingPathComponent(folder))
            let b = filesUnder(second.appendingPathComponent(folder))
            XCTAssertGreaterThan(a.count, folder == "site" ? 150 : 7)
            XCTAssertEqual(a.keys.sorted(), b.keys.sorted())
            for (path, bytes) in a where b[path] != bytes { XCTFail("\(folder)/\(path) differs between two builds") }
        }
        if projectPagefind() != nil {
            XCTAssertNotNil(filesUnder(out.appendingPathComponent("site"))["pagefind/pagefind-entry.json"])
        }
    }

    /// The files of templates/site/root/ are copied to the site's root byte for byte
    /// (`CNAME` for GitHub Pages, the trial of session 29: a file added to output/site/ went
    /// at the next build); one where the site writes its own is an error of the check.
    func testRootFilesAreCopiedAndOnesWhereTheSiteWritesItsOwnAreRefused() throws {
        tree = try SiteTree()
        try tree.write("templates/site/root/CNAME", "oae.example.cat\n")
        try tree.write("templates/site/root/verify/google0123.html", "google-site-verification: google0123.html")
        XCTAssertNil(build(out))
        let site = filesUnder(out.appendingPathComponent("site"))
        XCTAssertEqual(site["CNAME"], Data("oae.example.cat\n".utf8))
        XCTAssertEqual(site["verify/google0123.html"], Data("google-site-verification: google0123.html".utf8))
        // The site's own names are those it writes at its root (the fixture's languages are
        // ca and es; the site alone has no handbooks to put in downloads/).
        let top = Set(site.keys.map { String($0.prefix { $0 != "/" }) })
        XCTAssertEqual(top.subtracting(["CNAME", "verify"]).sorted(),
                       SiteBuild.ownRootNames(languages: ["ca", "es"]).subtracting(["downloads"] + (projectPagefind() == nil ? ["pagefind"] : [])).sorted())

        try tree.write("templates/site/root/sitemap.xml", "<urlset/>")
        try tree.write("templates/site/root/es/index.html", "x")
        let (_, diagnostics) = CheckRun.diagnose(root: tree.root, asOf: Day("2026-11-25"))
        XCTAssertEqual(diagnostics.filter { $0.rule == "site-root-file" || "\($0.span)".hasPrefix("templates/site/root") }
                        .map { "\($0.span): \($0.severity) \($0.message) | \($0.help ?? "")" }, [
            "templates/site/root/es/index.html:1:1: error templates/site/root/es/index.html would be copied to the site's es/index.html, where the site writes its own es/ | rename or move it: 404.html, assets/, ca/, data/, downloads/, es/, index.html, pagefind/, sitemap.xml are the site's",
            "templates/site/root/sitemap.xml:1:1: error templates/site/root/sitemap.xml would be copied to the site's sitemap.xml, where the site writes its own sitemap.xml | rename or move it: 404.html, assets/, ca/, data/, downloads/, es/, index.html, pagefind/, sitemap.xml are the site's",
        ])
        XCTAssertEqual((build(out) as? ExitCode)?.rawValue, 1)
        XCTAssertEqual(filesUnder(out.appendingPathComponent("site"))["sitemap.xml"], site["sitemap.xml"], "the site is kept")
    }

    /// A name of the site's own in another case is refused too (a file system may not
    /// tell them apart), and so is a file oae does not read, which the site would lack; a
    /// template there is copied, not parsed (the review of session 30).
    func testRootFilesTheSiteCannotCopyAreErrorsAndTemplatesThereAreCopied() throws {
        tree = try SiteTree()
        try tree.write("templates/site/root/Index.html", "x")
        try tree.write("templates/site/root/report.pdf", String(repeating: "x", count: 9 * 1024 * 1024))
        try tree.write("templates/site/root/page.mustache", "{{#open}} never closed")
        try tree.write("templates/site/root/.well-known/security.txt", "Contact: mailto:oae@example.cat")
        let (_, diagnostics) = CheckRun.diagnose(root: tree.root, asOf: Day("2026-11-25"))
        XCTAssertEqual(diagnostics.filter { "\($0.span)".hasPrefix("templates/site/") }.map { "\($0.span): \($0.rule) \($0.message)" }, [
            "templates/site/root/.well-known:1:1: site-root-file templates/site/root/.well-known is hidden (its name begins with a dot), and oae reads no hidden file: the site will not have it",
            "templates/site/root/Index.html:1:1: site-root-file templates/site/root/Index.html would be copied to the site's Index.html, where the site writes its own index.html",
            "templates/site/root/report.pdf:1:1: file-too-large file is 9 MiB, over the limit of 8 MiB",
        ])
        try FileManager.default.removeItem(at: tree.root.appendingPathComponent("templates/site/root/Index.html"))
        try FileManager.default.removeItem(at: tree.root.appendingPathComponent("templates/site/root/report.pdf"))
        XCTAssertNil(build(out))
        XCTAssertEqual(filesUnder(out.appendingPathComponent("site"))["page.mustache"], Data("{{#open}} never closed".utf8))
    }

    func testFailedBuildLeavesThePreviousSite() throws {
        tree = try SiteTree()
        XCTAssertNil(build(out))
        let before = filesUnder(out.appendingPathComponent("site"))
        XCTAssertNotNil(before["ca/index.html"])
        // A handbook list that names a file that is not there makes the site build fail.
        try FileManager.default.createDirectory(at: out.appendingPathComponent("handbooks"), withIntermediateDirectories: true)
        try Data("""
            {"handbooks": [{"municipality": "molins-de-rei", "name": "OAE", "language": "ca",
              "html": "molins-de-rei/ca/handbook.html", "html_bytes": 10, "pdf": null, "pdf_bytes": null}]}
            """.utf8).write(to: out.appendingPathComponent("handbooks/index.json"))
        try tree.replace("seeds/molins-de-rei/office.yaml", "name: {ca: OAE de Molins de Rei,", "name: {ca: OAE nova de Molins de Rei,")
        let error = build(out)
        XCTAssertEqual((error as? ExitCode)?.rawValue, 1, "\(String(describing: error))")
        XCTAssertEqual(filesUnder(out.appendingPathComponent("site")), before, "the previous site is untouched")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path)
            .filter { $0.hasPrefix(".\(out.lastPathComponent).staging-") }
        XCTAssertEqual(leftovers, [], "no staging folder is left behind")
    }

    func testHandbooksArePublishedWithTheSite() throws {
        tree = try SiteTree()
        let handbooks = out.appendingPathComponent("handbooks/molins-de-rei/ca")
        try FileManager.default.createDirectory(at: handbooks, withIntermediateDirectories: true)
        try Data("<!DOCTYPE html><title>x</title>".utf8).write(to: handbooks.appendingPathComponent("handbook.html"))
        try Data("%PDF-1.7".utf8).write(to: handbooks.appendingPathComponent("handbook.pdf"))
        try Data().write(to: out.appendingPathComponent(".lock"))  // as a previous build leaves it
        // And a municipality's left by an earlier build, which the tree no longer has.
        let gone = out.appendingPathComponent("handbooks/gone/ca")
        try FileManager.default.createDirectory(at: gone, withIntermediateDirectories: true)
        try Data("<!DOCTYPE html><title>x</title>".utf8).write(to: gone.appendingPathComponent("handbook.html"))
        try Data("""
            {"handbooks": [{"municipality": "molins-de-rei", "name": "OAE", "language": "ca",
              "html": "molins-de-rei/ca/handbook.html", "html_bytes": 31, "pdf": "molins-de-rei/ca/handbook.pdf", "pdf_bytes": 8},
              {"municipality": "gone", "name": "OAE", "language": "ca", "html": "gone/ca/handbook.html", "html_bytes": 31, "pdf": null, "pdf_bytes": null}]}
            """.utf8).write(to: out.appendingPathComponent("handbooks/index.json"))
        XCTAssertNil(build(out))
        let site = filesUnder(out.appendingPathComponent("site"))
        XCTAssertNil(site["downloads/handbooks/gone/ca/handbook.html"], "the handbook of a municipality the tree no longer has")
        XCTAssertEqual(site["downloads/handbooks/molins-de-rei/ca/handbook.pdf"], Data("%PDF-1.7".utf8))
        let office = String(decoding: site["es/offices/molins-de-rei.html"] ?? Data(), as: UTF8.self)
        XCTAssertTrue(office.contains("href=\"../../downloads/handbooks/molins-de-rei/ca/handbook.pdf\" hreflang=\"ca\" type=\"application/pdf\""), office)
        XCTAssertEqual(site["data/services.csv"], filesUnder(out.appendingPathComponent("data"))["services.csv"])
    }
}
