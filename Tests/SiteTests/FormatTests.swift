import Publishing
import JSON
import Loading
import Model
import Presentation
import Rendering
@testable import Site
import XCTest

final class FormatTests: XCTestCase {
    func testRelativePathsBetweenPages() {
        XCTAssertEqual(SitePath.relative(from: "ca/index.html", to: "ca/offices/x.html"), "offices/x.html")
        XCTAssertEqual(SitePath.relative(from: "ca/offices/x.html", to: "ca/index.html"), "../index.html")
        XCTAssertEqual(SitePath.relative(from: "ca/model/services/a.html", to: "es/model/services/a.html"), "../../../es/model/services/a.html")
        XCTAssertEqual(SitePath.relative(from: "ca/offices/x/services/y.html", to: "ca/offices/x.html", fragment: "services"),
                       "../../x.html#services")
        XCTAssertEqual(SitePath.relative(from: "404.html", to: "ca/index.html"), "ca/index.html")
        XCTAssertEqual(SitePath.relative(from: "ca/index.html", to: "assets/site.css"), "../assets/site.css")
        XCTAssertEqual(SitePath.toRoot(from: "ca/model/roles/r.html"), "../../../")
        XCTAssertEqual(SitePath.encode("downloads/handbooks/a b/ç.pdf"), "downloads/handbooks/a%20b/%C3%A7.pdf")
    }

    func testEveryRouteHasItsOwnPath() {
        let routes: [SiteRoute] = [.home, .office("m"), .localService(municipality: "m", id: "s"), .localProcedure(municipality: "m", id: "p"),
                                   .modelIndex, .service("s"), .procedure("p"), .role("r"), .training("t"), .indicator("i"),
                                   .communication, .comparison, .progress, .downloads, .search, .notFound,
                                   .offices, .accessibility, .legalNotice, .contact]
        XCTAssertEqual(Set(routes.map { $0.path("ca") }).count, routes.count)
        XCTAssertEqual(SiteRoute.localService(municipality: "m", id: "s").path("es"), "es/offices/m/services/s.html")
    }

    /// The site's words and formats of a language, from templates/strings.
    func language(_ code: String) throws -> SiteLanguage {
        let root = SiteTree.packageRoot
        func load(_ code: String) throws -> Node? {
            let url = root.appendingPathComponent("templates/strings/\(code).yaml")
            let (node, problems) = YAMLLoader().load(bytes: [UInt8](try Data(contentsOf: url)), file: "\(code).yaml")
            XCTAssertTrue(problems.isEmpty, "\(problems)")
            return node
        }
        return SiteLanguage(strings: Strings(language: code, own: try load(code), fallback: try load("ca")),
                            localizer: Localizer(language: code, defaultLanguage: "ca"))
    }

    func testNumbersDatesAndDurationsInEachLanguageComeFromThePresentationLayer() throws {
        let ca = try language("ca").formatter, en = try language("en").formatter, es = try language("es").formatter
        XCTAssertEqual(ca.number(2.8), "2,8")
        XCTAssertEqual(en.number(2.8), "2.8")
        XCTAssertEqual(ca.number(41.414, decimals: 4, fixed: true), "41,4140")
        XCTAssertEqual(ca.date(Day("2026-04-13")!), "13 d'abril de 2026")
        XCTAssertEqual(es.date(Day("2026-04-13")!), "13 de abril de 2026")
        XCTAssertEqual(en.date(Day("2026-04-13")!), "13 April 2026")
        XCTAssertEqual(ca.duration("PT1H30M"), "1 hora i 30 minuts")
        XCTAssertEqual(ca.duration("P2D"), "2 dies")
        XCTAssertEqual(es.duration("P1D"), "1 día")
        XCTAssertEqual(en.duration("P1W"), "1 week")
        XCTAssertEqual(ca.measure(91, unit: "percent"), "91\u{00A0}%")
        XCTAssertEqual(en.measure(91, unit: "percent"), "91%")
        XCTAssertEqual(ca.measure(1, unit: "days"), "1 dia")
        XCTAssertEqual(ca.kilobytes(320_980), "313,5\u{00A0}KB")
        XCTAssertEqual(ca.quarter(Quarter(year: 2026, quarter: 3), short: true), "T3 2026")
    }

    /// A value reads the same on the site as in the handbook: the fee and the duration of
    /// a service through the site's value writer.
    func testAFeeAndADurationReadAsInTheHandbook() throws {
        let tree = try SiteTree()
        defer { tree.remove() }
        let site = SiteContext(input: try tree.input(), templates: try Templates.compiling([:]),
                               options: SiteOptions(baseURL: "https://example.org/", search: false, handbooks: nil,
                                                    dataFiles: [], structuredData: .none))
        let ca = try XCTUnwrap(site.languages.first { $0.code == "ca" })
        let values = ValueText(site: site, language: ca)
        let (cost, _) = YAMLLoader().load(bytes: Array("type: fee\namount: 1800\n".utf8), file: "cost.yaml")
        let (duration, _) = YAMLLoader().load(bytes: Array("PT1H\n".utf8), file: "duration.yaml")
        XCTAssertEqual(values.html(cost, field: "cost"), "1.800\u{00A0}€")
        XCTAssertEqual(values.html(duration, field: "duration"), "1 hora")
        XCTAssertEqual(ca.labels("service_format", ["group", "individual"]), "En grup i individual")
        XCTAssertEqual(ca.labels("channel", ["phone"]), "Telèfon")
    }

    func testHandbookManifestIsReadAndItsPathsStayInside() throws {
        let json = """
            {"handbooks": [
              {"municipality": "b", "name": "B", "language": "ca", "html": "b/ca/handbook.html", "html_bytes": 2048,
               "pdf": null, "pdf_bytes": null},
              {"municipality": "a", "name": "A", "language": "es", "html": "a/es/handbook.html", "html_bytes": 10,
               "pdf": "a/es/handbook.pdf", "pdf_bytes": 20}
            ]}
            """
        let manifest = try HandbookManifest.parse(Data(json.utf8))
        XCTAssertEqual(manifest.entries.map(\.municipality), ["a", "b"])
        XCTAssertEqual(manifest.entries[0].pdfBytes, 20)
        XCTAssertNil(manifest.entries[1].pdf)
        for bad in ["../x.html", "/etc/passwd", "a/../../x", "a//b", ".hidden/x"] {
            let text = "{\"handbooks\": [{\"municipality\": \"a\", \"language\": \"ca\", \"html\": \"\(bad)\"}]}"
            XCTAssertThrowsError(try HandbookManifest.parse(Data(text.utf8)), bad)
        }
        XCTAssertThrowsError(try HandbookManifest.parse(Data("[]".utf8)))
        XCTAssertNil(try HandbookManifest.read(folder: FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID())")))
    }

    func testPolicyAllowsWebAssemblyOnlyWhenAsked() {
        XCTAssertEqual(ContentSecurityPolicy.header(webAssembly: false),
                       "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'")
        XCTAssertTrue(ContentSecurityPolicy.header(webAssembly: true).contains("script-src 'self' 'wasm-unsafe-eval';"))
    }

    func testStructuredDataCannotCloseItsScriptElement() {
        let text = StructuredData.scriptText(.object([("name", .string("</script><script>alert(1)</script>"))]))
        XCTAssertFalse(text.contains("<"))
        XCTAssertTrue(text.contains("\\u003c/script>"))
    }
}
