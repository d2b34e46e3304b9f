import Foundation
import Model
@testable import Handbook
import Rendering
import XCTest

/// The annex of agreements: the agreements the office relies on, with their state as of
/// the tree's source day (2025-11-24 in these tests).
final class AgreementsAnnexTests: FixtureTreeTestCase {
    func annex(_ language: String, allowing: Set<String> = []) throws -> String {
        let outline = root.appendingPathComponent("model/handbook/outline.yaml")
        let text = try String(contentsOf: outline, encoding: .utf8)
        if !text.contains("source: agreements") {
            try Data((text + "  - id: agreements\n    title: {ca: Convenis, es: Convenios}\n    source: agreements\n").utf8).write(to: outline)
        }
        let html = try HandbookTestSupport.render(HandbookTestSupport.input(root, allowing: allowing), "sant-feliu-de-llobregat", language)
        return HandbookTestSupport.chapter("agreements", in: html)
    }

    func testTheAnnexListsTheAgreementsTheOfficeReliesOnWithTheirState() throws {
        let ca = try annex("ca")
        XCTAssertTrue(ca.contains("<p>L’estat de cada conveni és el del 24 de novembre de 2025.</p>"), ca)
        // Only the date: what the agreements are is the chapter's description (the outline's), which the annex
        // repeated (session 44's trial).
        XCTAssertFalse(ca.contains("Els convenis en què es basa"), ca)
        XCTAssertTrue(ca.contains("""
            <h3 id="agreement-adhesion-sant-feliu"><span class="number">7.1</span> Adhesió de Sant Feliu de Llobregat a la xarxa</h3>
            """), ca)
        XCTAssertTrue(ca.contains("""
            <h3 id="agreement-knowledge-transfer"><span class="number">7.2</span> Conveni de transferència de coneixement</h3>
            """), ca)
        XCTAssertTrue(ca.contains("""
            <tr><th scope="row">Signat el</th><td>10 d’octubre de 2025</td></tr>
            <tr><th scope="row">Vigent fins al</th><td>9 de febrer de 2029</td></tr>
            <tr><th scope="row">Estat</th><td><span class="agreement-state in-force">Vigent</span></td></tr>
            """), ca)
        XCTAssertTrue(ca.contains("<h4>Ajuntament de Sant Feliu de Llobregat</h4>\n<ul><li>Obrir l’oficina segons el model.</li></ul>"), ca)
        XCTAssertTrue(ca.contains("""
            <tr><td>Agència metropolitana</td><td>Formació dels equips.</td><td class="num">90.000\u{00A0}€</td></tr>
            """), ca)
        XCTAssertTrue(ca.contains("<tfoot><tr><th scope=\"row\" colspan=\"2\">Total</th><td class=\"num\">90.000\u{00A0}€</td></tr></tfoot>"), ca)
        // An agreement signed after the source day (only adhesions must be signed) is shown unsigned.
        let kt = root.appendingPathComponent("seeds/agreements/knowledge-transfer.yaml")
        let text = try String(contentsOf: kt, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "signed_on: 2025-06-02", with: "signed_on: 2026-01-20").utf8).write(to: kt)
        let later = try annex("ca")
        XCTAssertTrue(later.contains("""
            <tr><th scope="row">Signat el</th><td>Encara no (previst el 20 de gener de 2026)</td></tr>
            <tr><th scope="row">Vigent fins al</th><td>1 de juny de 2029</td></tr>
            <tr><th scope="row">Estat</th><td><span class="agreement-state unsigned">Sense signar</span></td></tr>
            """), later)
        let es = try annex("es")
        XCTAssertTrue(es.contains("<tr><th scope=\"row\">Tipo</th><td>Adhesión a la red</td></tr>"), es)
    }

    /// An extension agreed after the first term had ended extends nothing: the annex gives
    /// the first term's end and tells the extension as late, and the state that end gives (it
    /// gave the extended end, as if the agreement ran until then). An extension dated
    /// after the source's day passes a check without `--as-of` (the annex's case); given
    /// its day, the check refuses it (`date-after-check-day`), allowed here.
    func testALateExtensionIsToldLateWithTheFirstEnd() throws {
        let kt = root.appendingPathComponent("seeds/agreements/knowledge-transfer.yaml")
        let text = try String(contentsOf: kt, encoding: .utf8)
        XCTAssertTrue(text.contains("valid_until: 2029-06-01"))
        try Data(text.replacingOccurrences(of: "valid_until: 2029-06-01", with: "valid_until: 2029-06-01\nextended_on: 2027-03-01\nfirst_valid_until: 2027-01-31").utf8).write(to: kt)
        let ca = try annex("ca", allowing: ["date-after-check-day"])
        XCTAssertTrue(ca.contains("""
            <tr><th scope="row">Vigent fins al</th><td>31 de gener de 2027 (pròrroga prevista l’1 de març de 2027, quan ja haurà vençut)</td></tr>
            <tr><th scope="row">Estat</th><td><span class="agreement-state in-force">Vigent</span></td></tr>
            """), ca)
    }

    /// Built with `--as-of` a day past the adhesion's end, the annex tells the states as of
    /// that day; the control page keeps the source's date.
    func testTheStatesAreThoseOfTheDayTheBuildWasAskedFor() throws {
        _ = try annex("ca")
        let source = HandbookTestSupport.input(root)
        let input = BuildInput(root: source.root, network: source.network, resolved: source.resolved,
                               sourceRevision: source.sourceRevision, sourceEpoch: source.sourceEpoch,
                               toolVersion: source.toolVersion, asOf: Day("2029-02-20"))
        let html = try HandbookTestSupport.render(input, "sant-feliu-de-llobregat", "ca")
        let ca = HandbookTestSupport.chapter("agreements", in: html)
        XCTAssertTrue(ca.contains("L’estat de cada conveni és el del 20 de febrer de 2029.</p>"), ca)
        XCTAssertTrue(ca.contains("""
            <tr><th scope="row">Vigent fins al</th><td>9 de febrer de 2029</td></tr>
            <tr><th scope="row">Estat</th><td><span class="agreement-state ended">Vençut</span></td></tr>
            """), ca)
        XCTAssertTrue(HandbookTestSupport.chapter("control", in: html).contains("24 de novembre de 2025"))
    }

    /// Without `--as-of`, a handbook tells its agreements' states as they stand on the
    /// tree's day, dated by the last day one of them changed (90 days before the
    /// adhesion's end: "ends soon"), and keeps its own date while none changes: its bytes
    /// stay those of its own inputs (session 28's trial: a renewal due was told "in
    /// force" in a handbook whose office had not changed).
    func testTheStatesAreThoseOfTheTreesDayDatedByTheirLastChange() throws {
        _ = try annex("ca")
        let source = HandbookTestSupport.input(root)
        // The tree's last commit (its day the check's) touched none of the content folders
        // (docs/, say): every stamp is the handbook's own (the review of session 28).
        func input(treeDay: String) -> BuildInput {
            let own = SourceStamps.Stamp(revision: source.sourceRevision, epoch: source.sourceEpoch)
            return BuildInput(root: source.root, network: source.network, resolved: source.resolved,
                              sourceRevision: "fedcba9876543210", sourceEpoch: Day(treeDay)!.ordinal * 86_400,
                              toolVersion: source.toolVersion, stamps: SourceStamps(uniform: own))
        }
        let later = HandbookTestSupport.chapter("agreements", in: try HandbookTestSupport.render(input(treeDay: "2028-12-01"), "sant-feliu-de-llobregat", "ca"))
        XCTAssertEqual(input(treeDay: "2028-12-01").recordStateDay("sant-feliu-de-llobregat"), Day("2028-11-11"))
        XCTAssertTrue(later.contains("L’estat de cada conveni és el de l’11 de novembre de 2028.</p>"), later)
        XCTAssertTrue(later.contains("""
            <tr><th scope="row">Vigent fins al</th><td>9 de febrer de 2029</td></tr>
            <tr><th scope="row">Estat</th><td><span class="agreement-state ending">Venç aviat</span></td></tr>
            """), later)
        // No state changes between the handbook's day and the tree's: the handbook's own day, the same bytes.
        let unchanged = input(treeDay: "2027-03-01")
        XCTAssertEqual(unchanged.recordStateDay("sant-feliu-de-llobregat"), Day("2025-11-24"))
        XCTAssertEqual(try HandbookTestSupport.render(unchanged, "sant-feliu-de-llobregat", "ca"),
                       try HandbookTestSupport.render(source, "sant-feliu-de-llobregat", "ca"))
    }
}

/// The control page says which release the office follows and what changed since.
final class ControlUpdatesTests: FixtureTreeTestCase {
    func testTheControlPageListsTheReleasesSinceTheOfficesVersion() throws {
        let adaptation = root.appendingPathComponent("seeds/molins-de-rei/adaptation.yaml")
        let text = try String(contentsOf: adaptation, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "base_model_version: 1.0.0", with: "base_model_version: 0.9.0").utf8).write(to: adaptation)
        let input = HandbookTestSupport.input(root)
        let molins = HandbookTestSupport.chapter("control", in: try HandbookTestSupport.render(input, "molins-de-rei", "es"))
        XCTAssertTrue(molins.contains("""
            <p>La oficina sigue la versión 0.9.0 del modelo; el modelo está en la versión 1.0.0. Desde entonces se han publicado estas versiones:</p>
            <ul class="updates">
            <li><strong>1.0.0</strong> (19 de enero de 2026): Apoyo al comercio.</li>
            </ul>
            """), molins)
        let santFeliu = HandbookTestSupport.chapter("control", in: try HandbookTestSupport.render(input, "sant-feliu-de-llobregat", "es"))
        XCTAssertFalse(santFeliu.contains("class=\"updates\""), santFeliu)
    }
}

/// The staffing chapter shows each post's recruitment calendar.
final class RecruitmentCalendarTests: FixtureTreeTestCase {
    func testThePostsWithAPlanAreInTheCalendar() throws {
        let staffing = root.appendingPathComponent("seeds/molins-de-rei/staffing.yaml")
        let text = try String(contentsOf: staffing, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "    fte: 1\n    training:\n", with: """
                fte: 1
                start_date: 2027-01-11
                recruitment:
                  system: internal-mobility
                  job_group: A2
                  catalan_level: C1
                  milestones:
                    rules_approved: 2026-11-02
                    selection: 2026-12-14
                training:

            """).utf8).write(to: staffing)
        let outline = root.appendingPathComponent("model/handbook/outline.yaml")
        let chapters = try String(contentsOf: outline, encoding: .utf8)
        try Data((chapters + "  - id: staffing\n    title: {ca: Equip, es: Equipo}\n    source: staffing\n").utf8).write(to: outline)
        let html = try HandbookTestSupport.render(HandbookTestSupport.input(root), "molins-de-rei", "ca")
        XCTAssertTrue(html.contains("""
            <tr><td><code>coord-1</code></td><td>Mobilitat interna</td><td>A2</td><td>C1</td><td>2 de novembre de 2026</td><td></td><td>14 de desembre de 2026</td><td>11 de gener de 2027</td></tr>
            """), html)
        XCTAssertTrue(html.contains("<caption>Calendari de selecció dels llocs</caption>"), html)
    }
}
