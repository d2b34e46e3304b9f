import Foundation
import Model
@testable import Site
import XCTest

/// The programme's pages of the example network: the pilot assessment (page and
/// printable document) and the expansion across the metropolitan area, in each language.
final class ProgrammePagesTests: XCTestCase {
    var pages: [String: String] = [:]

    override func setUpWithError() throws {
        let tree = try SiteTree(example: true)
        defer { tree.remove() }
        pages = try sitePages(try tree.input())
    }

    func testTheExpansionPageListsThe36MunicipalitiesWithAStageInEachLanguage() throws {
        let stages = ["ca": "Candidat", "es": "Candidato", "en": "Candidate"]
        for language in ["ca", "es", "en"] {
            let html = try XCTUnwrap(pages["\(language)/expansion.html"], language)
            let rows = html.components(separatedBy: "\"><th scope=\"row\">").dropFirst()
            XCTAssertEqual(rows.count, 36, language)
            XCTAssertTrue(rows.allSatisfy { $0.contains("<td><span class=\"badge stage-") }, language)
            XCTAssertEqual(rows.filter { $0.contains(">\(stages[language]!)</span>") }.count, 29, language)
        }
        let en = try XCTUnwrap(pages["en/expansion.html"])
        XCTAssertTrue(en.flat.contains("<li id=\"wave-wave-1\"><strong>First wave</strong>: from 1 March 2027 to 31 July 2027 · 6 municipalities</li>"), en)
        XCTAssertTrue(en.flat.contains("<li class=\"pending\">Posts filled: 0 of 3</li>"), en)
        // The day an office opens, or opened, heads its readiness (session 45's trial).
        XCTAssertTrue(en.flat.contains("<ul class=\"readiness\"><li class=\"pending\">Opening planned: 1 March 2027</li><li class=\"pending\">Opening checklist: 2 of 12</li>"), en)
        XCTAssertTrue(en.flat.contains("<ul class=\"readiness\"><li class=\"complete\">Opened: 13 April 2026</li>"), en)
    }

    /// "Agreement signed" is read from the agreements, not from the stage (session 38's
    /// trial read it of three municipalities whose agreement no file held): the adhesion the
    /// plan names, signed by the page's day. As of 1 October 2026 Sant Joan Despí's (28
    /// September) is signed, Esplugues' (19 October) is not.
    func testTheExpansionPageReadsTheSignedAdhesionFromTheAgreements() throws {
        let tree = try SiteTree(example: true)
        defer { tree.remove() }
        let en = try XCTUnwrap(try sitePages(try tree.input().asOf(Day("2026-10-01")!))["en/expansion.html"]).flat
        func readiness(_ name: String) -> String {
            en.components(separatedBy: "\"><th scope=\"row\">\(name) ").dropFirst().first?.components(separatedBy: "</tr>").first ?? ""
        }
        XCTAssertTrue(readiness("Sant Joan Despí").contains("<ul class=\"readiness\"><li class=\"complete\">Agreement signed: <a href=\"agreements/adhesion-sant-joan-despi.html\">yes</a></li></ul>"), en)
        XCTAssertTrue(readiness("Esplugues de Llobregat").contains("<ul class=\"readiness\"><li class=\"pending\">Agreement signed: no</li></ul>"), en)
    }

    /// A count's chart marks each bar at its office's target on its quarter, and says why
    /// the quarter an office opened during has a lower one (session 38's review: the chart
    /// drew the whole quarter's target where its table gave the days').
    func testTheProgressChartsMarkTheTargetOfTheDaysOpen() throws {
        let en = try XCTUnwrap(pages["en/progress.html"]).flat
        let card = try XCTUnwrap(en.components(separatedBy: "<div class=\"chart-card\">").first { $0.contains("id=\"chart-people-attended\"") })
        XCTAssertTrue(card.contains("<p class=\"muted\">Cerdanyola del Vallès, Q2 2026: the office opened on 20 April 2026; each count’s target is that of the 72 days it was open, of the quarter’s 91.</p>"), card)
        XCTAssertTrue(card.contains("<p class=\"muted\">Sant Feliu de Llobregat, Q2 2026: the office opened on 13 April 2026; each count’s target is that of the 79 days it was open, of the quarter’s 91.</p>"), card)
        XCTAssertTrue(card.contains("The dashed marks over the bars give each office’s target (at least 180 for the quarter); in the quarter an office opened, the mark is that of the days it was open."), card)
        // Two offices × two quarters: a mark over each bar, none a line across the plot.
        XCTAssertEqual(card.components(separatedBy: "class=\"target-line\"").count - 1, 4, card)
        // A percentage's target is not scaled: one line, and no note.
        let percent = try XCTUnwrap(en.components(separatedBy: "<div class=\"chart-card\">").first { $0.contains("The dashed line marks") })
        XCTAssertFalse(percent.contains("opened on"), percent)
    }

    func testTheAssessmentReportIsAPageAndAPrintableDocumentInEachLanguage() throws {
        for language in ["ca", "es", "en"] {
            let page = try XCTUnwrap(pages["\(language)/assessments/pilot-2026.html"], language)
            XCTAssertTrue(page.flat.contains("<a class=\"document-link\" href=\"pilot-2026-print.html\">"), language)
            let document = try XCTUnwrap(pages["\(language)/assessments/pilot-2026-print.html"], language)
            XCTAssertTrue(document.contains("href=\"../../assets/report-print.css\""), language)
        }
        let en = try XCTUnwrap(pages["en/assessments/pilot-2026.html"])
        // Computed from the reports, never typed: 2 offices × 11 indicators × 2 quarters
        // (the counts of the quarter the offices opened during against the days they were
        // open: 18 met before session 38), with the note of that quarter.
        XCTAssertTrue(en.flat.contains("In all: 20 met, 24 missed and 0 without data."), en)
        XCTAssertTrue(en.flat.contains("<p class=\"muted\">Q2 2026: the office opened on 13 April 2026; each count’s target is that of the 79 days it was open, of the quarter’s 91.</p>"), en)
        XCTAssertTrue(en.flat.contains("<dt>Decision taken</dt><dd><strong>Expand the network with changes</strong></dd>"), en)
        XCTAssertTrue(en.flat.contains("<span class=\"change\">office: <a href=\"../offices/sant-feliu-de-llobregat.html\">Sant Feliu de Llobregat</a></span>"), en)
        // Every item left to the assessment, with its office's page: not the file and line
        // of the tree, which a reviewer does not read (session 38's trial).
        let deferred = en.flat.components(separatedBy: "<ul class=\"deferred\">").last?.components(separatedBy: "</ul>").first ?? ""
        XCTAssertEqual(deferred.components(separatedBy: "<li><strong><a href=\"../offices/sant-feliu-de-llobregat.html\">Sant Feliu de Llobregat</a></strong> · ").count - 1, 2, deferred)
        XCTAssertFalse(en.contains("decide_at") || deferred.contains("<code>"), deferred)
    }

    /// The assessment lists what the offices it assessed left to it, says that its decision
    /// answers them once decided, and counts those of other offices (session 45's trial read
    /// 70 items of 34 offices the pilot's assessment never looked at as its pending decisions).
    func testTheAssessmentListsTheItemsOfTheOfficesItAssessed() throws {
        let tree = try SiteTree(example: true)
        defer { tree.remove() }
        try tree.replace("seeds/molins-de-rei/follow-up.yaml", "    due: 2027-02-15\n    status: open\n",
                         "    due: 2027-02-15\n    status: open\n    decide_at: assessment\n")
        let en = try XCTUnwrap(try sitePages(try tree.input())["en/assessments/pilot-2026.html"]).flat
        XCTAssertTrue(en.contains("<p>Decisions left to be taken at the assessment. The assessment was decided on 27 October 2026: the recommendations above answer these items, and each stays in its file until its writer records the decision taken.</p>"), en)
        XCTAssertEqual(en.components(separatedBy: "<li><strong><a href=\"../offices/").count - 1, 2, en)
        XCTAssertFalse(en.contains("Molins de Rei</a></strong>"), en)
        XCTAssertTrue(en.contains("<p class=\"muted\">1 more item, of an office this assessment did not assess, waits for an assessment of its own.</p>"), en)
    }

    /// The progress page lists every office's open follow-up issues with their owners and
    /// due dates, the overdue first, then by due date; closed ones are left out (session 45's
    /// programme manager gathered them office page by office page).
    func testTheProgressPageListsTheOpenIssuesOfEveryOffice() throws {
        func rows(_ html: String) -> [String] {
            let table = html.components(separatedBy: "<table class=\"data open-issues\"")[1].components(separatedBy: "</table>")[0]
            return table.components(separatedBy: "<tr><th scope=\"row\">").dropFirst().map { $0.components(separatedBy: "</tr>")[0] }
        }
        let en = try XCTUnwrap(pages["en/progress.html"]).flat
        XCTAssertEqual(rows(en).map { $0.components(separatedBy: "\">")[1].components(separatedBy: "</a>")[0] },
                       ["Cerdanyola del Vallès", "Molins de Rei", "Sant Feliu de Llobregat"])
        XCTAssertTrue(en.contains("<tr><th scope=\"row\"><a href=\"offices/molins-de-rei.html#follow-up-issues\">Molins de Rei</a></th><td>Record of processing activities due before opening</td><td>The office’s coordinator</td><td><time datetime=\"2027-02-15\">15 February 2027</time></td><td><span class=\"badge follow-up-open\">open</span></td></tr>"), en)
        let tree = try SiteTree(example: true)
        defer { tree.remove() }
        try tree.replace("seeds/molins-de-rei/follow-up.yaml", "    due: 2027-02-15\n", "    due: 2026-11-20\n")
        let ca = try XCTUnwrap(try sitePages(try tree.input())["ca/progress.html"]).flat
        XCTAssertEqual(rows(ca).count, 3, ca)
        XCTAssertTrue(rows(ca)[0].hasPrefix("<a href=\"offices/molins-de-rei.html#follow-up-issues\">Molins de Rei</a>"), ca)
        XCTAssertTrue(rows(ca)[0].hasSuffix("<time datetime=\"2026-11-20\">20 de novembre de 2026</time></td><td><span class=\"badge follow-up-overdue\">oberta i vençuda</span></td>"), rows(ca)[0])
    }

    /// An adhesion that ends soon says when beside "signed: yes" (session 45's trial read
    /// "signed: yes" of one ending in 47 days).
    func testTheExpansionSaysWhenASignedAdhesionEndsSoon() throws {
        let tree = try SiteTree(example: true)
        defer { tree.remove() }
        try tree.replace("seeds/molins-de-rei/agreements/adhesion-molins-de-rei.yaml", "valid_until: 2029-11-09", "valid_until: 2027-01-31")
        let es = try XCTUnwrap(try sitePages(try tree.input())["es/expansion.html"]).flat
        XCTAssertTrue(es.contains("<li class=\"complete\">Convenio firmado: <a href=\"agreements/adhesion-molins-de-rei.html\">sí, vence el 31 de enero de 2027</a></li>"), es)
    }
}
