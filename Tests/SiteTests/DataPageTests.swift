import Foundation
import OpenData
import Presentation
@testable import Site
import XCTest

/// The open data page (`<lang>/data.html`) of the fixture network: each dataset with its
/// files, the licence, and each field of a table from the table's declaration.
final class DataPageTests: XCTestCase {
    var tree: SiteTree!

    override func setUpWithError() throws { tree = try SiteTree() }
    override func tearDown() { tree.remove() }

    func testDataPageExplainsEveryDatasetItsLicenceAndItsFields() throws {
        let input = try tree.input()
        let labels = Dictionary(uniqueKeysWithValues: input.languages.map { ($0, ValueFormatter(network: input.network, language: $0)) })
        let export = OpenDataExport(input: input, baseURL: "https://example.org/oae/", labels: labels)
        let files = export.files().map { SiteFile(path: $0.path, bytes: $0.data.count) }
            + [SiteFile(path: "catalog.jsonld", bytes: 2048)]
        let datasets = export.datasets(present: Set(files.map(\.path)))
        let build = try SiteBuild(input: input, options: SiteOptions(
            baseURL: "https://example.org/oae/", search: false, handbooks: nil, dataFiles: files, structuredData: .none,
            datasets: { export.datasets(present: Set($0.map(\.path))) }, licence: export.licence))
        let pages = Dictionary(uniqueKeysWithValues: build.pages().map { ($0.path, $0.html) })
        let html = try XCTUnwrap(pages["es/data.html"])
        XCTAssertTrue(html.flat.contains(#"<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>"#), html)
        XCTAssertTrue(html.flat.contains(#"<a href="../data/catalog.jsonld" type="application/ld+json">catalog.jsonld</a>"#), html)
        XCTAssertFalse(html.flat.contains("open-data.ods"), "no spreadsheet was written, none is offered")
        for d in datasets { XCTAssertTrue(html.flat.contains("<h2 id=\"\(d.id)\">"), d.id) }
        XCTAssertTrue(html.flat.contains("<h2 id=\"services\">Servicios por municipio</h2>"), html)
        XCTAssertTrue(html.flat.contains(#"<tr><th scope="row"><a href="../data/services.csv" type="text/csv">services.csv</a></th><td>CSV (UTF-8, separado por comas, para programas)</td>"#), html)
        XCTAssertTrue(html.flat.contains("<tr><th scope=\"row\"><code>name_es</code></th><td>Nombre del servicio (castellano)</td><td>texto</td><td>El nombre del servicio en castellano.</td></tr>"), html)
        XCTAssertTrue(html.flat.contains("<tr><th scope=\"row\"><code>target_direction</code></th><td>Sentido del objetivo</td><td>texto</td>"), html)
        // Every column of every table is a field of the page.
        for table in export.tables {
            for column in table.columns { XCTAssertTrue(html.flat.contains("<code>\(column.name)</code>"), column.name) }
        }
        // The footer of every page leads to it.
        XCTAssertTrue(try XCTUnwrap(pages["ca/index.html"]).contains(#"<a href="data.html">"#))
        XCTAssertTrue(try XCTUnwrap(pages["ca/model/services/company-creation.html"]).contains(#"<a href="../../data.html">"#))
    }
}
