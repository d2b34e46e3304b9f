import Foundation
@testable import Handbook
import Rendering
import XCTest

/// The example network's handbooks: chapter 8 states each value's status against the
/// target on the same period, the annex lists the agency's targets, the checklist chapter
/// has the agency's follow-up, and model prose shows the municipality's own values.
final class ExampleIndicatorsTests: XCTestCase {
    var root: URL!
    var input: BuildInput!

    override func setUpWithError() throws {
        root = try HandbookTestSupport.exampleTree()
        input = HandbookTestSupport.input(root)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: root) }

    func testChapterEightSaysMetOrMissedOnTheSamePeriod() throws {
        let html = try HandbookTestSupport.render(input, "sant-feliu-de-llobregat", "en")
        let chapter = HandbookTestSupport.chapter("indicators", in: html)
        XCTAssertTrue(chapter.contains("<strong>at least 60 a month</strong>"), chapter)
        XCTAssertTrue(chapter.contains("<td class=\"num\">142<sup class=\"note-ref\">d</sup> <span class=\"indicator-status status-missed\">missed</span></td>"), chapter)
        XCTAssertTrue(chapter.contains("<td class=\"num\">6 <span class=\"indicator-status status-met\">met</span></td>"), chapter)
        // Notes are lettered (a digit after a figure was read as one of its digits, session
        // 38's trial); the quarter the office opened during is said under the table.
        XCTAssertTrue(chapter.contains("<p class=\"value-note\"><sup>d</sup> Q3 2026, "), chapter)
        XCTAssertTrue(chapter.contains("<p class=\"value-note\">Q2 2026: the office opened on 13 April 2026; each count’s target is that of the 79 days it was open, of the quarter’s 91.</p>"), chapter)
    }

    func testNotesAreLetteredBeyondTheAlphabet() {
        XCTAssertEqual([0, 1, 25, 26, 27, 701, 702].map(IndicatorsChapter.noteMark), ["a", "b", "z", "aa", "ab", "zz", "aaa"])
    }

    func testTheAnnexListsTheAgencysTargetWithItsReason() throws {
        let html = try HandbookTestSupport.render(input, "molins-de-rei", "en")
        let annex = HandbookTestSupport.chapter("differences", in: html)
        XCTAssertTrue(annex.contains("Targets set by the agency"), annex)
        XCTAssertTrue(annex.contains("<td class=\"model\">at least 20 a quarter</td><td class=\"localvalue\">at least 10 a quarter</td>"), annex)
        XCTAssertTrue(annex.contains("twenty jobs a quarter is not realistic"), annex)
        let indicators = HandbookTestSupport.chapter("indicators", in: html)
        XCTAssertTrue(indicators.contains("at least 40 a month (target for municipalities of up to 30,000 inhabitants)"), indicators)
    }

    func testTheChecklistChapterHasTheAgencysFollowUp() throws {
        let html = try HandbookTestSupport.render(input, "cerdanyola-del-valles", "ca")
        let checklist = HandbookTestSupport.chapter("checklist", in: html)
        // A numbered section, in the contents (session 37's trial: unnumbered, it ran under the chapter's header).
        XCTAssertTrue(checklist.contains("<h3 id=\"checklist-follow-up\"><span class=\"number\">9.1</span> Seguiment de l’agència</h3>"), checklist)
        XCTAssertTrue(html.contains("<a href=\"#checklist-follow-up\"><span class=\"number\">9.1</span>"), String(html.prefix(30000)))
        XCTAssertTrue(checklist.contains("Darrera visita: 20 d’abril de 2026. Estats a data de "), checklist)
        XCTAssertTrue(checklist.contains("Les primeres cites dins del termini queden per sota del 90\u{00A0}%"), checklist)
    }

    func testModelProseShowsTheMunicipalitysOwnValue() throws {
        let santFeliu = try HandbookTestSupport.render(input, "sant-feliu-de-llobregat", "ca")
        XCTAssertTrue(santFeliu.contains("dins del termini de compromís de <span class=\"adaptable-value local\">3 dies</span> hàbils."), santFeliu)
        let cerdanyola = try HandbookTestSupport.render(input, "cerdanyola-del-valles", "ca")
        XCTAssertTrue(cerdanyola.contains("dins del termini de compromís de <span class=\"adaptable-value\">5 dies</span> hàbils."), cerdanyola)
        XCTAssertFalse(santFeliu.contains("{{value"), "no reference is left as written")
    }
}
