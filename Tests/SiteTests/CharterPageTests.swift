import Foundation
import Model
import Rendering
@testable import Site
import XCTest

/// The service charter of an office (Llei 19/2014, art. 59): services, commitments with
/// their indicators, rights and duties, channels and hours, complaints.
final class CharterPageTests: XCTestCase {
    var tree: SiteTree!

    override func setUpWithError() throws { tree = try SiteTree() }
    override func tearDown() { tree.remove() }

    func pages() throws -> [String: String] {
        return try sitePages(try tree.input())
    }

    func testTheCharterIsWrittenFromTheOfficeItsCatalogueAndTheTemplate() throws {
        try tree.write("model/charter.yaml", """
            rights: [{ca: Atenció gratuïta., es: Atención gratuita.}]
            duties: [{ca: Avisar si no veniu., es: Avisar si no venís.}]
            complaints:
              text: {ca: Responem en un mes., es: Respondemos en un mes.}
              procedure: welcome-and-triage
              indicator: people-attended

            """)
        let all = try pages()
        let page = all["ca/offices/sant-feliu-de-llobregat/charter.html"] ?? ""
        XCTAssertTrue(page.contains("<link rel=\"stylesheet\" href=\"../../../assets/charter.css\">"), page)
        XCTAssertTrue(page.contains("<h1 data-pagefind-weight=\"2\">Carta de serveis<br><span class=\"charter-office\">OAE de Sant Feliu de Llobregat</span></h1>"), page)
        // The local service is offered, the omitted recommended one is not.
        XCTAssertTrue(page.contains("<li><a href=\"services/local-retail-support.html\">"), page)
        XCTAssertFalse(page.contains("grants-information.html"), page)
        // company-creation's first appointment, tightened locally from 5 to 3 days.
        XCTAssertTrue(page.contains(": <strong>com a màxim 3 dies</strong> <span class=\"badge local\">Local</span></td>"), page)
        XCTAssertTrue(page.contains("<h2 id=\"charter-rights\">Els vostres drets</h2>\n<ul class=\"compact\"><li>Atenció gratuïta.</li></ul>"), page)
        XCTAssertTrue(page.contains("<p>Responem en un mes.</p>"), page)
        XCTAssertTrue(page.contains("Procediment: <a href=\"../../model/procedures/welcome-and-triage.html\">"), page)
        XCTAssertTrue(page.contains("Carta generada el 25 de novembre de 2026 a partir del model 1.0.0"), page)
        // The office page leads to it.
        let office = all["es/offices/sant-feliu-de-llobregat.html"] ?? ""
        XCTAssertTrue(office.contains("<li><a href=\"sant-feliu-de-llobregat/charter.html\">Carta de servicios</a></li>"), office)
    }

    /// A planned office that has given no address, hours or channel (as `oae new
    /// municipality` writes it) says so on its page and its charter, not an empty row and
    /// an empty section (session 37's trial).
    func testAnOfficeWithoutAddressOrChannelsSaysTheyAreToBeGiven() throws {
        let all = try pages()
        let office = all["ca/offices/molins-de-rei.html"] ?? ""
        XCTAssertTrue(office.contains("Adreça</dt>\n<dd>Encara no s’ha donat.</dd>"), office)
        let charter = all["es/offices/molins-de-rei/charter.html"] ?? ""
        XCTAssertTrue(charter.contains("<h2 id=\"charter-channels\">") && charter.contains("<p>La oficina aún no ha dado su dirección ni sus canales.</p>"), charter)
        // An office with an address shows it, and not the words.
        let open = all["ca/offices/sant-feliu-de-llobregat.html"] ?? ""
        XCTAssertTrue(open.contains("Adreça</dt>\n<dd>Carrer de Pi i Margall, 30, 08980 Sant Feliu de Llobregat</dd>"), open)
        let openCharter = all["ca/offices/sant-feliu-de-llobregat/charter.html"] ?? ""
        XCTAssertTrue(openCharter.contains("<p>Carrer de Pi i Margall, 30, 08980 Sant Feliu de Llobregat</p>"), openCharter)
        XCTAssertFalse(openCharter.contains("encara no ha donat"), openCharter)
    }

    func testWithoutATemplateTheCharterHasWhatTheTreeHolds() throws {
        let page = try pages()["es/offices/molins-de-rei/charter.html"] ?? ""
        XCTAssertTrue(page.contains("<h2 id=\"charter-services\">Servicios que ofrecemos</h2>"), page)
        XCTAssertFalse(page.contains("charter-rights"), page)
    }
}
