import Foundation
import Loading
import Model
@testable import Handbook
import Rendering
import XCTest

/// The agency's follow-up in the handbook (the checklist chapter): an open issue past its
/// due date is told overdue, as the check and the site tell it, with the day of the states
/// (session 29's trial: the handbook said "open" of an issue the check and the site called
/// overdue).
final class FollowUpSectionTests: FixtureTreeTestCase {
    let followUp = """
        municipality: sant-feliu-de-llobregat
        issues:
          - id: signage
            title: {ca: Falta la retolació exterior, es: Falta la rotulación exterior}
            owner: {ca: Ajuntament, es: Ayuntamiento}
            opened: 2025-09-01
            due: 2025-10-31
            status: open
          - id: second-advisor
            title: {ca: La segona plaça d'assessorament és a mitja jornada, es: La segunda plaza de asesoramiento es a media jornada}
            owner: {ca: Ajuntament, es: Ayuntamiento}
            opened: 2025-10-01
            due: 2026-06-30
            status: open
          - id: complaint-late
            title: {ca: Una queixa es va respondre tard, es: Una queja se respondió tarde}
            owner: {ca: Oficina, es: Oficina}
            opened: 2025-09-10
            due: 2025-09-30
            closed: 2025-09-20
            status: closed

        """

    /// The fixture's outline, with the checklist chapter.
    override func setUpWithError() throws {
        try super.setUpWithError()
        let outline = root.appendingPathComponent("model/handbook/outline.yaml")
        let text = try String(contentsOf: outline, encoding: .utf8)
        try Data((text + "  - id: checklist\n    title: {ca: Llista d'obertura, es: Lista de apertura}\n    source: checklist\n").utf8).write(to: outline)
    }

    func followUpSection(_ input: BuildInput, _ language: String = "ca") throws -> String {
        let html = try HandbookTestSupport.render(input, "sant-feliu-de-llobregat", language)
        let chapter = HandbookTestSupport.chapter("checklist", in: html)
        guard let start = chapter.range(of: "<h3 id=\"checklist-follow-up\">") else { XCTFail(chapter); return "" }
        return String(chapter[start.lowerBound...])
    }

    func testAnOpenIssuePastItsDueDateIsToldOverdueAsOfTheDayOfTheStates() throws {
        try Data(followUp.utf8).write(to: root.appendingPathComponent("seeds/sant-feliu-de-llobregat/follow-up.yaml"))
        let source = HandbookTestSupport.input(root)
        // As of the handbook's own day (2025-11-24): the first issue is overdue, the second
        // open, the closed one not listed.
        let section = try followUpSection(source)
        XCTAssertTrue(section.contains("Estats a data de 24 de novembre de 2025.</p>"), section)
        XCTAssertTrue(section.contains("<tr><td><strong>Falta la retolació exterior</strong><br><span class=\"small\">Ajuntament</span></td><td>oberta i vençuda</td>"), section)
        XCTAssertTrue(section.contains("<tr><td><strong>La segona plaça d’assessorament és a mitja jornada</strong><br><span class=\"small\">Ajuntament</span></td><td>oberta</td>"), section)
        XCTAssertFalse(section.contains("Una queixa"), section)

        // The tree's day later than the second due date: the handbook tells the states as
        // of the day after it (the last day a state changed), both overdue.
        let own = SourceStamps.Stamp(revision: source.sourceRevision, epoch: source.sourceEpoch)
        let later = BuildInput(root: source.root, network: source.network, resolved: source.resolved,
                               sourceRevision: "fedcba9876543210", sourceEpoch: Day("2026-09-01")!.ordinal * 86_400,
                               toolVersion: source.toolVersion, stamps: SourceStamps(uniform: own))
        XCTAssertEqual(later.recordStateDay("sant-feliu-de-llobregat"), Day("2026-07-01"))
        let laterSection = try followUpSection(later, "es")
        XCTAssertTrue(laterSection.contains("Estados a fecha de 1 de julio de 2026.</p>"), laterSection)
        XCTAssertEqual(laterSection.components(separatedBy: "<td>abierta y vencida</td>").count - 1, 2, laterSection)
    }

    /// The state of an issue, the same for the check, the site and the handbooks.
    func testTheStateOfAnIssue() throws {
        func issue(_ yaml: String) throws -> Node { try XCTUnwrap(YAMLLoader().load(bytes: Array(yaml.utf8), file: "f.yaml").0) }
        let day = Day("2026-05-01")!
        XCTAssertEqual(FollowUpIssueState(try issue("{status: open, opened: 2026-01-01, due: 2026-04-30}"), on: day), .overdue)
        XCTAssertEqual(FollowUpIssueState(try issue("{status: open, opened: 2026-01-01, due: 2026-05-01}"), on: day), .open)
        XCTAssertEqual(FollowUpIssueState(try issue("{status: open, opened: 2026-01-01}"), on: day), .open)
        // Due before it was opened: a wrong date (date-period-inverted), not overdue.
        XCTAssertEqual(FollowUpIssueState(try issue("{status: open, opened: 2026-03-01, due: 2026-02-01}"), on: day), .open)
        XCTAssertEqual(FollowUpIssueState(try issue("{status: closed, opened: 2026-01-01, due: 2026-02-01, closed: 2026-03-01}"), on: day), .closed)
        // Open with a closed date (follow-up-issue-status): not counted open.
        XCTAssertEqual(FollowUpIssueState(try issue("{status: open, opened: 2026-01-01, due: 2026-02-01, closed: 2026-03-01}"), on: day), .closed)
        XCTAssertEqual(FollowUpIssueState.changes(try issue("{issues: [{status: open, due: 2026-02-01}, {status: closed, due: 2026-03-01, closed: 2026-02-01}]}")),
                       [Day("2026-02-02")!])
    }

    /// The state of a support action (session 38's trial: "planned" two days after its
    /// start), the same for the check, the site and the handbooks; and the days it changes,
    /// on which a handbook is rendered again.
    func testTheStateOfAnAction() throws {
        func action(_ yaml: String) throws -> Node { try XCTUnwrap(YAMLLoader().load(bytes: Array(yaml.utf8), file: "f.yaml").0) }
        let day = Day("2026-05-01")!
        XCTAssertEqual(FollowUpActionState(try action("{status: planned, start: 2026-04-30}"), on: day), .late)
        XCTAssertEqual(FollowUpActionState(try action("{status: planned, start: 2026-05-01}"), on: day), .planned)
        XCTAssertEqual(FollowUpActionState(try action("{status: in-progress, start: 2026-01-01, end: 2026-04-30}"), on: day), .overrun)
        XCTAssertEqual(FollowUpActionState(try action("{status: in-progress, start: 2026-01-01}"), on: day), .inProgress)
        // An end before the start (date-period-inverted) is not an overrun.
        XCTAssertEqual(FollowUpActionState(try action("{status: in-progress, start: 2026-04-01, end: 2026-03-01}"), on: day), .inProgress)
        XCTAssertEqual(FollowUpActionState(try action("{status: done, start: 2026-01-01, end: 2026-02-01}"), on: day), .done)
        XCTAssertNil(FollowUpActionState(try action("{status: paused, start: 2026-01-01}"), on: day))
        XCTAssertEqual(FollowUpActionState.changes(try action("{actions: [{status: planned, start: 2026-02-01}, {status: in-progress, start: 2026-01-01, end: 2026-03-01}, {status: done, start: 2026-01-01, end: 2026-01-02}]}")),
                       [Day("2026-02-02")!, Day("2026-03-02")!])
    }
}
