import Foundation
import Model
import Rendering
@testable import Site
import XCTest

/// The agreement pages of the fixture network (source day 2026-11-25).
final class AgreementPagesTests: XCTestCase {
    var tree: SiteTree!

    override func setUpWithError() throws { tree = try SiteTree() }
    override func tearDown() { tree.remove() }

    func pages() throws -> [String: String] {
        return try sitePages(try tree.input())
    }

    func testAnAgreementPageHasItsFactsPartiesAndMoney() throws {
        let page = try pages()["ca/agreements/knowledge-transfer.html"] ?? ""
        XCTAssertTrue(page.flat.contains("<dt>Estat</dt><dd><span class=\"badge agreement-in-force\">Vigent</span> <span class=\"muted\">a data de 25 de novembre de 2026</span></dd>"), page)
        XCTAssertTrue(page.flat.contains("<dt>Àmbit</dt><dd>Tot el programa</dd>"), page)
        XCTAssertTrue(page.flat.contains("<dt>Oficines que s’hi acullen</dt><dd><a href=\"../offices/molins-de-rei.html\">Molins de Rei</a><br><a href=\"../offices/sant-feliu-de-llobregat.html\">Sant Feliu de Llobregat</a><br></dd>"), page)
        XCTAssertTrue(page.flat.contains("<h3 id=\"party-partner\">Soci de coneixement</h3>"), page)
        XCTAssertTrue(page.flat.contains("<tr><th scope=\"row\">Agència metropolitana</th><td>Formació dels equips.</td><td class=\"num\">90.000\u{00A0}€</td></tr>"), page)
    }

    func testTheListGroupsAgreementsByTypeAndTheOfficeAndProgressPagesLinkThem() throws {
        try tree.replace("seeds/molins-de-rei/agreements/adhesion-molins.yaml", "valid_until: 2029-06-14", "valid_until: 2027-01-31")
        let all = try pages()
        let list = all["es/agreements/index.html"] ?? ""
        XCTAssertTrue(list.flat.contains("<h2 id=\"type-adhesion\">Adhesión a la red</h2>"), list)
        XCTAssertTrue(list.flat.contains("<td><span class=\"badge agreement-ending\">Vence pronto</span></td>"), list)
        // Listed first, with the days left (session 45's trial found them only as a badge).
        XCTAssertTrue(list.flat.contains("<h2 id=\"ending\">Convenios que vencen pronto</h2><ul class=\"agreements-ending\"><li><a href=\"adhesion-molins.html\">Adhesión de Molins de Rei a la red</a> (Molins de Rei): vence el 31 de enero de 2027, dentro de 67 días</li></ul>"), list)
        XCTAssertEqual(list.components(separatedBy: "<span class=\"badge agreement-in-force\">").count - 1, 2, list)
        let office = all["es/offices/molins-de-rei.html"] ?? ""
        XCTAssertTrue(office.flat.contains("<dt>Convenios y documentos del programa</dt><dd><ul class=\"compact\"><li><a href=\"molins-de-rei/charter.html\">Carta de servicios</a></li><li><a href=\"../agreements/adhesion-molins.html\">Adhesión de Molins de Rei a la red</a></li><li><a href=\"../agreements/knowledge-transfer.html\">Convenio de transferencia de conocimiento</a></li></ul></dd>"), office)
        let progress = all["ca/progress.html"] ?? ""
        XCTAssertTrue(progress.flat.contains("<li><a href=\"agreements/index.html\">Convenis</a></li>"), progress)
    }

    /// A build given `--as-of` tells each agreement's state as of that day (the check's rules
    /// run as of it too), while the footer keeps the source's date: the trial of session 27
    /// built as of a day after an agreement's end and read "in force".
    func testAStateIsToldAsOfTheDayTheBuildWasAskedFor() throws {
        let source = try tree.input()
        let all = try sitePages(source.asOf(Day("2029-06-10")!))
        let page = all["ca/agreements/knowledge-transfer.html"] ?? ""
        XCTAssertTrue(page.flat.contains("<dt>Estat</dt><dd><span class=\"badge agreement-ended\">Vençut</span> <span class=\"muted\">a data de 10 de juny de 2029</span></dd>"), page)
        XCTAssertTrue(page.contains("<time datetime=\"2026-11-25\">25 de novembre de 2026</time>"), page)
        XCTAssertFalse(page.contains("2029-06-10\""), page)
        let list = all["ca/agreements/index.html"] ?? ""
        XCTAssertTrue(list.contains("amb les parts, les dates i l’estat a data de 10 de juny de 2029"), list)
        // Without --as-of, the source's day.
        XCTAssertTrue((try sitePages(source)["ca/agreements/knowledge-transfer.html"] ?? "").flat.contains("<span class=\"badge agreement-in-force\">Vigent</span> <span class=\"muted\">a data de 25 de novembre de 2026</span>"))
    }

    /// The follow-up's statuses, the progress page and the expansion page say the day their
    /// states are told as of (the trial of session 28: an issue "overdue" on a page dated
    /// only by its source, days before the due date); a build as of a later day tells an
    /// open issue past its due date overdue. The day stands under the section's heading,
    /// over the issues and the actions, whose states depend on it too (session 38).
    func testTheDayOfTheStatesIsWrittenBesideThem() throws {
        let example = try SiteTree(example: true)
        defer { example.remove() }
        let source = try example.input()
        let all = try sitePages(source.asOf(Day("2027-01-05")!))
        let office = all["en/offices/cerdanyola-del-valles.html"] ?? ""
        XCTAssertTrue(office.flat.contains("<p class=\"muted\">Statuses as of 5 January 2027.</p><h3 id=\"follow-up-issues\">Issues</h3><ul class=\"follow-up\"><li><span class=\"badge follow-up-overdue\">open and overdue</span> First appointments on time stay below 90%"), office)
        XCTAssertTrue((all["en/progress.html"] ?? "").contains("and how the shared indicators evolve. Open follow-up issues are counted as of 5 January 2027.</p>"))
        XCTAssertTrue((all["ca/expansion.html"] ?? "").contains("el grau de preparació de cadascun a data de 5 de gener de 2027."))
        let before = try sitePages(source)["en/offices/cerdanyola-del-valles.html"] ?? ""
        XCTAssertTrue(before.flat.contains("<p class=\"muted\">Statuses as of 25 November 2026.</p><h3 id=\"follow-up-issues\">Issues</h3><ul class=\"follow-up\"><li><span class=\"badge follow-up-open\">open</span> First appointments"), before)
    }

    /// An extended agreement shows its new end with the day the parties extended it, on
    /// its page and in the list (Llei 40/2015, art. 49.h.2), the extension outside the end's
    /// `<time>` (one date each: the review).
    func testAnExtendedAgreementShowsItsExtension() throws {
        try tree.replace("seeds/agreements/knowledge-transfer.yaml", "valid_until: 2029-06-01", "valid_until: 2033-06-01\nextended_on: 2026-10-01")
        let all = try pages()
        let page = all["ca/agreements/knowledge-transfer.html"] ?? ""
        XCTAssertTrue(page.flat.contains("<dd><time datetime=\"2033-06-01\">1 de juny de 2033</time> (prorrogat l’1 d’octubre de 2026)</dd>"), page)
        let list = all["es/agreements/index.html"] ?? ""
        XCTAssertTrue(list.flat.contains("<td><time datetime=\"2033-06-01\">1 de junio de 2033</time> (prorrogado el 1 de octubre de 2026)</td>"), list)
    }

    /// An extension agreed after the first term had ended extends nothing: the page and
    /// the list give the first term's end and tell the extension as late beside the state
    /// "ended" (they gave the extended end, years ahead, beside it). Only an agreement no
    /// office relies on can be shown ended (else `agreement-expired` stops the build).
    func testALateExtensionIsToldLateWithTheFirstEnd() throws {
        try tree.replace("seeds/agreements/knowledge-transfer.yaml", "valid_until: 2029-06-01", "valid_until: 2028-06-01\nextended_on: 2026-07-01\nfirst_valid_until: 2026-06-01")
        try tree.replace("seeds/molins-de-rei/office.yaml", "agreements: [adhesion-molins, knowledge-transfer]", "agreements: [adhesion-molins]")
        try tree.replace("seeds/sant-feliu-de-llobregat/office.yaml", "agreements: [adhesion-sant-feliu, knowledge-transfer]", "agreements: [adhesion-sant-feliu]")
        let all = try pages()
        let page = all["es/agreements/knowledge-transfer.html"] ?? ""
        XCTAssertTrue(page.flat.contains("<dd><time datetime=\"2026-06-01\">1 de junio de 2026</time> (prórroga acordada el 1 de julio de 2026, cuando ya había vencido)</dd>"), page)
        XCTAssertTrue(page.flat.contains("<dd><span class=\"badge agreement-ended\">"), page)
        let list = all["ca/agreements/index.html"] ?? ""
        XCTAssertTrue(list.flat.contains("<td><time datetime=\"2026-06-01\">1 de juny de 2026</time> (pròrroga acordada l’1 de juliol de 2026, quan ja havia vençut)</td>"), list)
    }
}
