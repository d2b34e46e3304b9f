import Publishing
import JSON
import Loading
import Model
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
                                   .communication, .comparison, .progress, .downloads, .search, .notFound]
        XCTAssertEqual(Set(routes.map { $0.path("ca") }).count, routes.count)
        XCTAssertEqual(SiteRoute.localService(municipality: "m", id: "s").path("es"), "es/offices/m/services/s.html")
    }

    func ui(_ language: String) throws -> TextFormats {
        let root = SiteTree.packageRoot
        let (node, problems) = YAMLLoader().load(bytes: [UInt8](try Data(contentsOf: root.appendingPathComponent("templates/site/strings/\(language).yaml"))),
                                                 file: "\(language).yaml")
        XCTAssertTrue(problems.isEmpty)
        return TextFormats(ui: UIStrings(language: language, own: node, fallback: node))
    }

    func testNumbersDatesAndDurationsInEachLanguage() throws {
        let ca = try ui("ca"), en = try ui("en"), es = try ui("es")
        XCTAssertEqual(ca.number(2.8), "2,8")
        XCTAssertEqual(en.number(2.8), "2.8")
        XCTAssertEqual(ca.number(142), "142")
        XCTAssertEqual(ca.number(3.3333), "3,33")
        XCTAssertEqual(ca.number(-0.5), "-0,5")
        XCTAssertEqual(TextFormats.number(1.05, decimals: 1), "1.1")
        XCTAssertEqual(ca.number(41.414, decimals: 4, fixed: true), "41,4140")
        XCTAssertEqual(TextFormats.number(2, decimals: 2, fixed: true), "2.00")
        XCTAssertEqual(ca.date(Day("2026-04-13")!), "13 d'abril de 2026")
        XCTAssertEqual(ca.date(Day("2026-03-01")!), "1 de març de 2026")
        XCTAssertEqual(es.date(Day("2026-04-13")!), "13 de abril de 2026")
        XCTAssertEqual(en.date(Day("2026-04-13")!), "13 April 2026")
        XCTAssertEqual(ca.duration("PT1H30M"), "1 h 30 min")
        XCTAssertEqual(ca.duration("P2D"), "2 dies")
        XCTAssertEqual(es.duration("P1D"), "1 día")
        XCTAssertEqual(en.duration("P1W"), "1 week")
        XCTAssertEqual(en.duration("nonsense"), "nonsense")
        XCTAssertEqual(ca.measure(91, unit: "percent"), "91 %")
        XCTAssertEqual(en.measure(91, unit: "percent"), "91%")
        XCTAssertEqual(ca.measure(1, unit: "days"), "1 dia")
        XCTAssertEqual(ca.kilobytes(320_980), "313,5 KB")
        XCTAssertEqual(en.quarter(Quarter(year: 2026, quarter: 3)), "2026 Q3")
        XCTAssertEqual(ca.quarter(Quarter(year: 2026, quarter: 3)), "2026 T3")
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
