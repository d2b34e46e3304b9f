import Foundation
import JSON
import Model
@testable import OpenData
import Presentation
import TestSupport
import Tools
import XCTest

/// The DCAT-AP catalogue, the CSVW descriptions and the spreadsheet of the fixture network.
final class CatalogTests: XCTestCase {
    var fixture: DataFixture!

    override func setUpWithError() throws { fixture = try DataFixture() }
    override func tearDown() { fixture.remove() }

    func json(_ name: String) throws -> [String: Any] {
        let data = try XCTUnwrap(fixture.export().files().first { $0.path == name }?.data, name)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Every column of every table has a title and a description in each of the three
    /// languages of the interface, so that a column added to a declaration without its
    /// words fails here.
    func testEveryColumnHasItsWordsInEveryLanguage() throws {
        let input = fixture.export().input
        for language in ["ca", "es", "en"] {
            let strings = Strings(network: input.network, language: language)
            for table in fixture.export().tables {
                XCTAssertTrue(strings.has("dataset.\(table.name)"), "\(language): dataset.\(table.name)")
                XCTAssertTrue(strings.has("dataset.\(table.name).description"), "\(language): dataset.\(table.name).description")
                for column in table.columns {
                    XCTAssertTrue(strings.has(column.titleKey), "\(language): \(column.titleKey)")
                    XCTAssertTrue(strings.has(column.descriptionKey), "\(language): \(column.descriptionKey)")
                    XCTAssertTrue(strings.has("column_type.\(column.type.rawValue)"), "\(language): column_type.\(column.type.rawValue)")
                }
            }
            for format in DataFormat.allCases { XCTAssertTrue(strings.has(format.labelKey), "\(language): \(format.labelKey)") }
        }
    }

    /// The CSVW description of services.csv: its columns are the CSV's header, in order,
    /// each titled in every language of the model, typed, with the primary key.
    func testCSVWDescriptionFollowsTheDeclaration() throws {
        let metadata = try json("services.csv-metadata.json")
        XCTAssertEqual(metadata["url"] as? String, "services.csv")
        XCTAssertEqual((metadata["@context"] as? [Any])?.first as? String, "http://www.w3.org/ns/csvw")
        let schema = try XCTUnwrap(metadata["tableSchema"] as? [String: Any])
        let columns = try XCTUnwrap(schema["columns"] as? [[String: Any]])
        let header = fixture.file("services.csv").components(separatedBy: "\r\n")[0].components(separatedBy: ",")
        XCTAssertEqual(columns.compactMap { $0["name"] as? String }, header)
        let nameES = try XCTUnwrap(columns.first { $0["name"] as? String == "name_es" })
        XCTAssertEqual(nameES["titles"] as? [String: String], ["ca": "Nom del servei (castellà)", "es": "Nombre del servicio (castellano)"])
        XCTAssertEqual(nameES["datatype"] as? String, "string")
        let local = try XCTUnwrap(columns.first { $0["name"] as? String == "local" })
        XCTAssertEqual(local["datatype"] as? [String: String], ["base": "boolean", "format": "true|false"])
        XCTAssertEqual(columns.first { $0["name"] as? String == "overridden_fields" }?["required"] as? Bool, false)
        XCTAssertEqual(schema["primaryKey"] as? [String], ["municipality", "service"])
        let values = try json("indicator-values.csv-metadata.json")
        let valueColumns = try XCTUnwrap((values["tableSchema"] as? [String: Any])?["columns"] as? [[String: Any]])
        XCTAssertEqual(valueColumns.map { "\($0["name"]!):\($0["datatype"]!)" },
                       ["municipality:string", "municipality_name:string", "period:string", "indicator:string", "value:decimal", "unit:string",
                        "target:decimal", "target_period:string", "target_direction:string", "quarter_target:decimal",
                        "target_source:string", "status:string"])
    }

    /// The reviewed DCAT-AP catalogue of the fixture (Tests/Fixtures/opendata-golden; it
    /// conforms to the DCAT-AP 3.0.1 shapes: `pyshacl -s dcat-ap-SHACL.ttl -df json-ld`).
    func testCatalogOfTheFixture() throws {
        let export = fixture.export()
        var sizes: [String: Int] = [:]
        for file in export.files() { sizes[file.path] = file.data.count }
        sizes[OpenDataExport.spreadsheetName] = 5000
        let catalog = String(decoding: export.catalog(sizes: sizes, issued: Day("2025-10-01")), as: UTF8.self)
        try assertGolden(catalog, packageRoot().appendingPathComponent("Tests/Fixtures/opendata-golden/catalog.jsonld"))
    }

    /// Every file written is a distribution of a dataset, with its size, and every
    /// distribution is a file written; without the spreadsheet, no distribution names it.
    func testCatalogListsExactlyTheFilesWritten() throws {
        let export = fixture.export()
        var sizes: [String: Int] = [:]
        for file in export.files() { sizes[file.path] = file.data.count }
        for withSpreadsheet in [true, false] {
            var present = sizes
            if withSpreadsheet { present[OpenDataExport.spreadsheetName] = 5000 }
            let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: export.catalog(sizes: present, issued: nil)) as? [String: Any])
            let graph = try XCTUnwrap(document["@graph"] as? [[String: Any]])
            let distributions = graph.filter { $0["@type"] as? String == "dcat:Distribution" }
            let urls = Set(distributions.compactMap { ($0["dcat:downloadURL"] as? [String: Any])?["@id"] as? String })
            XCTAssertEqual(urls, Set(present.keys.map { "https://oae.example.org/data/" + $0 }))
            for d in distributions {
                let url = try XCTUnwrap((d["dcat:downloadURL"] as? [String: Any])?["@id"] as? String)
                let size = (d["dcat:byteSize"] as? [String: Any])?["@value"] as? String
                XCTAssertEqual(size, present[String(url.dropFirst("https://oae.example.org/data/".count))].map(String.init), url)
            }
            let catalog = try XCTUnwrap(graph.first { $0["@type"] as? String == "dcat:Catalog" })
            XCTAssertEqual((catalog["dct:license"] as? [String: Any])?["@id"] as? String,
                           "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0")
            // No first revision known: issued is the source day, like modified.
            XCTAssertEqual((catalog["dct:issued"] as? [String: Any])?["@value"] as? String, "2026-11-25")
            XCTAssertEqual((catalog["dct:modified"] as? [String: Any])?["@value"] as? String, "2026-11-25")
        }
    }

    /// The programme's `open_data.licence` chooses the licence of every dataset and file.
    func testLicenceFromTheProgramme() throws {
        let path = fixture.root.appendingPathComponent("seeds/programme.md")
        let text = try String(contentsOf: path, encoding: .utf8)
        try fixture.write("seeds/programme.md", text.replacingOccurrences(of: "\n---\n", with: "\nopen_data: {licence: CC0}\n---\n"))
        let export = fixture.export()
        XCTAssertEqual(export.licence.code, "CC0")
        let catalog = String(decoding: export.catalog(sizes: ["services.csv": 1], issued: nil), as: UTF8.self)
        XCTAssertTrue(catalog.contains("\"http://publications.europa.eu/resource/authority/licence/CC0\""))
        XCTAssertFalse(catalog.contains("CC_BY_4_0"))
        XCTAssertTrue(fixture.file("services.csv-metadata.json").contains("https://creativecommons.org/publicdomain/zero/1.0/"))
    }

    /// An OAE_PYTHON that names no file, or a file that cannot run, is said as such in the
    /// build's note (session 35's trial: a `.venv` of another machine read "Python was not
    /// found ... set OAE_PYTHON"); unset, `off` or a Python, the hint stays as it was.
    func testAnOAEPythonThatNamesNothingIsSaidAsSuch() throws {
        let missing = fixture.root.appendingPathComponent("no-venv/bin/python").path
        XCTAssertEqual(PythonSetting.hint("H", package: "odfpy", environment: ["OAE_PYTHON": missing]),
                       "OAE_PYTHON names \(missing), which does not exist: unset it, or set it to a Python that has odfpy (scripts/setup.sh makes .venv/ with it)")
        let plain = fixture.root.appendingPathComponent("python.txt")
        try Data("x".utf8).write(to: plain)
        XCTAssertEqual(PythonSetting.problem(environment: ["OAE_PYTHON": plain.path]), "OAE_PYTHON names \(plain.path), which is not an executable file")
        for environment in [[:], ["OAE_PYTHON": "off"], ["OAE_PYTHON": ""], ["OAE_PYTHON": "/bin/sh"]] {
            XCTAssertEqual(PythonSetting.hint("H", package: "odfpy", environment: environment), "H", "\(environment)")
        }
    }

    /// The spreadsheet writer (odfpy in a child process) gives the same bytes for the same
    /// tables and date, and dates its zip entries with the source's date.
    func testSpreadsheetIsDeterministic() throws {
        let python = try XCTUnwrap(Spreadsheet.locatePython(root: DataFixture.packageRoot), "no Python: run scripts/setup.sh")
        let spec = #"{"epoch":1795564800,"sheets":[{"name":"t","columns":[{"name":"d","type":"date"},{"name":"n","type":"decimal"},{"name":"s","type":"string"}],"rows":[["2026-04-13","2.8","=1+1"]]}]}"#
        let a = fixture.root.appendingPathComponent("a.ods")
        let b = fixture.root.appendingPathComponent("b.ods")
        try Spreadsheet.write(Data(spec.utf8), to: a, python: python)
        try Spreadsheet.write(Data(spec.utf8), to: b, python: python)
        let bytes = try Data(contentsOf: a)
        XCTAssertEqual(bytes, try Data(contentsOf: b))
        XCTAssertEqual(bytes.prefix(4), Data([0x50, 0x4B, 0x03, 0x04]), "a zip")
        // The first entry is `mimetype`, stored, as ODF requires.
        XCTAssertEqual(String(decoding: bytes[30..<38], as: UTF8.self), "mimetype")
        XCTAssertEqual(String(decoding: bytes[38..<84], as: UTF8.self), "application/vnd.oasis.opendocument.spreadsheet")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: fixture.root.path).filter { $0.hasPrefix(".") }, [],
                       "the writer's input is removed")
    }
}
