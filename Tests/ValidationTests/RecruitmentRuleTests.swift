import Diagnostics
import Model
import OAECommands
import XCTest

/// The recruitment rules on the fixture network, once Molins de Rei's coordinator post
/// is given a plan: internal mobility (rules 2026-11-02, call 2026-11-16, selection
/// 2026-12-14), starting on 2027-01-11; the office opens on 2027-03-01.
final class RecruitmentRuleTests: XCTestCase {
    let staffing = "seeds/molins-de-rei/staffing.yaml"

    /// Gives the coordinator post its start date and recruitment plan.
    func plan(_ t: FixtureTree) throws {
        try t.replace(staffing, "    fte: 1\n    training:\n", """
                fte: 1
                start_date: 2027-01-11
                recruitment:
                  system: internal-mobility
                  job_group: A2
                  catalan_level: C1
                  milestones:
                    rules_approved: 2026-11-02
                    call_published: 2026-11-16
                    selection: 2026-12-14
                training:

            """)
    }

    func testAConformingPlan() throws {
        try assertDiagnostics([]) { try self.plan($0) }
    }

    func testAMilestoneBeforeThePreviousOne() throws {
        try assertDiagnostics([
            "recruitment-milestones-order seeds/molins-de-rei/staffing.yaml:13:25: post 'coord-1': call_published (2026-10-30) is not after rules_approved (2026-11-02)",
        ]) { try self.plan($0); try $0.replace(self.staffing, "call_published: 2026-11-16", "call_published: 2026-10-30") }
    }

    func testTheSelectionAfterThePostStarts() throws {
        try assertDiagnostics([
            "recruitment-milestones-order seeds/molins-de-rei/staffing.yaml:6:17: post 'coord-1': start_date (2027-01-11) is not after selection (2027-01-18)",
        ]) { try self.plan($0); try $0.replace(self.staffing, "selection: 2026-12-14", "selection: 2027-01-18") }
    }

    func testAPostRecruitedToStartAfterTheOpening() throws {
        try assertDiagnostics([
            "recruitment-start-after-opening seeds/molins-de-rei/staffing.yaml:6:17: post 'coord-1' is recruited to start on 2027-03-08, after the office opens on 2027-03-01",
            "training-before-start seeds/molins-de-rei/staffing.yaml:17:18: module 'oae-model-induction' of post 'coord-1' is planned on 2027-02-01, before the post starts on 2027-03-08",
        ]) { try self.plan($0); try $0.replace(self.staffing, "start_date: 2027-01-11", "start_date: 2027-03-08") }
    }

    func testTheSchemaKnowsTheSelectionSystems() throws {
        try assertDiagnostics([
            "schema-enum seeds/molins-de-rei/staffing.yaml:8:15: expected one of competitive-exam, interim-list, internal-mobility, secondment; found \"concurs\"",
        ]) { try self.plan($0); try $0.replace(self.staffing, "system: internal-mobility", "system: concurs") }
    }
}
