import Diagnostics
import Foundation
import Model
import OAECommands
import XCTest

/// The programme's records checked as a whole: every period of the records starts before
/// it ends, a budget's year is its file name's, a municipality has one office folder, and
/// the help of `id-mismatch` fits how each kind's files are named (s10's fresh user).
final class RecordsRuleTests: XCTestCase {
    /// The diagnostics of `rules` on the changed fixture, each as `oae check` prints it
    /// (without the quoted line): the position, rule and message, then the notes and help.
    func rendered(_ rules: Set<String>, file: StaticString = #filePath, line: UInt = #line,
                  _ change: (FixtureTree) throws -> Void) throws -> [String] {
        let tree = try FixtureTree()
        defer { tree.remove() }
        try change(tree)
        let renderer = TextRenderer(color: false, source: { _ in nil })
        return CheckRun.diagnose(root: tree.root, asOf: FixtureTree.asOf).1
            .filter { rules.contains($0.rule) }.map { renderer.render($0) }
    }

    func assertRendered(_ expected: [String], _ rules: Set<String>, file: StaticString = #filePath, line: UInt = #line,
                        _ change: (FixtureTree) throws -> Void) throws {
        let actual = try rendered(rules, change)
        if actual != expected {
            XCTFail("diagnostics differ:\n  expected:\n" + expected.joined() + "\n  actual:\n" + actual.joined(), file: file, line: line)
        }
    }

    static let followUp = """
        municipality: sant-feliu-de-llobregat
        actions:
          - {id: coaching, title: {ca: Acompanyament, es: Acompañamiento}, owner: {ca: Agència, es: Agencia},
             start: 2026-04-20, end: 2026-03-30, status: done}
        issues:
          - {id: signage, title: {ca: Falta el rètol, es: Falta el rótulo}, owner: {ca: Ajuntament, es: Ayuntamiento},
             opened: 2026-09-01, due: 2026-01-31, status: open}
          - {id: web, title: {ca: Web, es: Web}, owner: {ca: Ajuntament, es: Ayuntamiento},
             opened: 2026-09-01, due: 2026-10-31, closed: 2026-08-20, status: closed}

        """

    /// Each period of the follow-up, the expansion plan, the assessment and a proposal,
    /// inverted: an error at the end's date, with the start as the note. The issue due
    /// before it was opened is not also reported overdue.
    func testEveryPeriodOfTheRecordsEndsAfterItStarts() throws {
        try assertRendered([
            "model/proposals/retail-support.yaml:14:9: error[date-period-inverted]: proposal 'retail-support' was decided on 2025-11-12, before it was submitted on 2025-12-10\n"
                + "   = note: when the proposal was submitted at model/proposals/retail-support.yaml:6:15\n"
                + "   = help: correct the date that is wrong (often the year)\n",
            "seeds/assessments/pilot.md:5:34: error[date-period-inverted]: the period of assessment 'pilot' ends on 2025-09-30, before it starts on 2026-04-01\n"
                + "  = note: the period's start at seeds/assessments/pilot.md:5:17\n"
                + "  = help: correct the date that is wrong (often the year)\n",
            "seeds/expansion.yaml:5:89: error[date-period-inverted]: wave 'wave-1' ends on 2026-07-31, before it starts on 2027-03-01\n"
                + "  = note: the wave's start at seeds/expansion.yaml:5:72\n"
                + "  = help: correct the date that is wrong (often the year)\n",
            "seeds/sant-feliu-de-llobregat/follow-up.yaml:4:30: error[date-period-inverted]: action 'coaching' ends on 2026-03-30, before it starts on 2026-04-20\n"
                + "  = note: the action's start at seeds/sant-feliu-de-llobregat/follow-up.yaml:4:13\n"
                + "  = help: correct the date that is wrong (often the year)\n",
            "seeds/sant-feliu-de-llobregat/follow-up.yaml:7:31: error[date-period-inverted]: issue 'signage' is due on 2026-01-31, before it was opened on 2026-09-01\n"
                + "  = note: when the issue was opened at seeds/sant-feliu-de-llobregat/follow-up.yaml:7:14\n"
                + "  = help: correct the date that is wrong (often the year)\n",
            "seeds/sant-feliu-de-llobregat/follow-up.yaml:9:51: error[date-period-inverted]: issue 'web' was closed on 2026-08-20, before it was opened on 2026-09-01\n"
                + "  = note: when the issue was opened at seeds/sant-feliu-de-llobregat/follow-up.yaml:9:14\n"
                + "  = help: correct the date that is wrong (often the year)\n",
        ], ["date-period-inverted", "follow-up-issue-overdue", "release-before-decision"]) { t in
            try ExpansionRuleTests.programme(t)
            try t.write("seeds/sant-feliu-de-llobregat/follow-up.yaml", RecordsRuleTests.followUp)
            try t.replace("seeds/expansion.yaml", "start: 2027-03-01, end: 2027-07-31", "start: 2027-03-01, end: 2026-07-31")
            try t.replace("seeds/assessments/pilot.md", "period: {start: 2026-04-01, end: 2026-09-30}", "period: {start: 2026-04-01, end: 2025-09-30}")
            try t.replace("model/proposals/retail-support.yaml", "  date: 2026-01-12", "  date: 2025-11-12")
        }
    }

    /// An assessment decided before the end of the period it assessed, an expansion wave
    /// that starts before the decision to expand, and a release that publishes a proposal
    /// decided after it.
    func testDecisionsComeAfterWhatTheyDecideOnAndBeforeWhatPublishesThem() throws {
        try assertRendered([
            "model/releases.yaml:7:17: error[release-before-decision]: release 1.0.0 of 2026-01-19 publishes proposal 'retail-support', decided only on 2026-02-12\n"
                + "  = note: the proposal's decision at model/proposals/retail-support.yaml:14:9\n"
                + "  = help: correct the date of the decision or of the release: a release publishes proposals decided before it\n",
            "seeds/assessments/pilot.md:16:9: error[date-period-inverted]: assessment 'pilot' was decided on 2026-10-27, before the period it assesses ends on 2026-11-30\n"
                + "   = note: the end of the assessed period at seeds/assessments/pilot.md:5:34\n"
                + "   = help: correct the date that is wrong (often the year)\n",
            "seeds/expansion.yaml:5:72: error[expansion-before-decision]: wave 'wave-1' starts on 2026-06-01, before the decision to expand on 2026-10-27\n"
                + "  = note: the decision of assessment 'pilot' at seeds/assessments/pilot.md:16:9\n"
                + "  = help: start the wave on or after 2026-10-27: its offices open only once the assessment has decided to expand\n",
        ], ["date-period-inverted", "expansion-before-decision", "release-before-decision"]) { t in
            try ExpansionRuleTests.programme(t)
            try t.replace("seeds/assessments/pilot.md", "end: 2026-09-30", "end: 2026-11-30")
            try t.replace("seeds/expansion.yaml", "start: 2027-03-01, end: 2027-07-31", "start: 2026-06-01, end: 2027-07-31")
            try t.replace("model/proposals/retail-support.yaml", "  date: 2026-01-12", "  date: 2026-02-12")
        }
    }

    /// A budget's year is its file name's (`id-field: year` in the kind table).
    func testABudgetsYearIsItsFileName() throws {
        try assertRendered([
            "seeds/sant-feliu-de-llobregat/budgets/2026.yaml:2:7: error[id-mismatch]: year 2025 differs from the file name '2026'\n"
                + "  = help: the file is named after its year: rename the file to '2025.yaml', or set the year to 2026\n",
        ], ["id-mismatch"]) { t in
            try t.replace("seeds/sant-feliu-de-llobregat/budgets/2026.yaml", "year: 2026", "year: 2025")
        }
        // With a budget for 2025 already, the file cannot be renamed.
        try assertRendered([
            "seeds/sant-feliu-de-llobregat/budgets/2026.yaml:2:7: error[id-mismatch]: year 2025 differs from the file name '2026'\n"
                + "  = help: the file is named after its year: set the year to 2026 (a file named '2025.yaml' exists already)\n",
        ], ["id-mismatch"]) { t in
            let path = "seeds/sant-feliu-de-llobregat/budgets/2026.yaml"
            try t.write("seeds/sant-feliu-de-llobregat/budgets/2025.yaml", try t.read(path).replacingOccurrences(of: "year: 2026", with: "year: 2025"))
            try t.replace(path, "year: 2026", "year: 2025")
        }
    }

    /// Copies `seeds/molins-de-rei/` to `seeds/<to>/`.
    func copyMolins(_ t: FixtureTree, to: String) throws {
        try FileManager.default.copyItem(at: t.root.appendingPathComponent("seeds/molins-de-rei"),
                                         to: t.root.appendingPathComponent("seeds/\(to)"))
    }

    /// A copied municipality folder: the help does not invite a second office, and once
    /// its files name the copy, the INE code shared with the first folder is an error.
    func testAMunicipalityHasOneOfficeFolder() throws {
        let rules: Set<String> = ["municipality-mismatch", "id-mismatch", "municipality-duplicate"]
        try assertRendered([
            "seeds/molins-de-rei-2/adaptation.yaml:1:15: error[municipality-mismatch]: this file stands in seeds/molins-de-rei-2/ but names municipality 'molins-de-rei'\n"
                + "  = help: seeds/molins-de-rei-2/ is a second folder for Molins de Rei (INE code 08123), whose folder is seeds/molins-de-rei/: a municipality has one folder, so remove this copy; for another municipality, give its office that municipality's name and INE code first\n",
            "seeds/molins-de-rei-2/checklist.yaml:1:15: error[municipality-mismatch]: this file stands in seeds/molins-de-rei-2/ but names municipality 'molins-de-rei'\n"
                + "  = help: seeds/molins-de-rei-2/ is a second folder for Molins de Rei (INE code 08123), whose folder is seeds/molins-de-rei/: a municipality has one folder, so remove this copy; for another municipality, give its office that municipality's name and INE code first\n",
            "seeds/molins-de-rei-2/communication-plan.yaml:1:15: error[municipality-mismatch]: this file stands in seeds/molins-de-rei-2/ but names municipality 'molins-de-rei'\n"
                + "  = help: seeds/molins-de-rei-2/ is a second folder for Molins de Rei (INE code 08123), whose folder is seeds/molins-de-rei/: a municipality has one folder, so remove this copy; for another municipality, give its office that municipality's name and INE code first\n",
            "seeds/molins-de-rei-2/office.yaml:1:5: error[id-mismatch]: id 'molins-de-rei' differs from the folder name 'molins-de-rei-2'\n"
                + "  = help: seeds/molins-de-rei-2/ has the INE code of seeds/molins-de-rei/ (08123): a municipality has one folder, so remove this copy; for another municipality, give its office that municipality's name, INE code and id 'molins-de-rei-2'\n",
            "seeds/molins-de-rei-2/office.yaml:4:13: error[municipality-duplicate]: Molins de Rei (INE code 08123) has an office already, in seeds/molins-de-rei/office.yaml\n"
                + "  = note: the INE code of molins-de-rei's office at seeds/molins-de-rei/office.yaml:4:13\n"
                + "  = help: a municipality has one folder under seeds/: remove this one, or, if it is another municipality's office, give it that municipality's name and INE code\n",
            "seeds/molins-de-rei-2/staffing.yaml:1:15: error[municipality-mismatch]: this file stands in seeds/molins-de-rei-2/ but names municipality 'molins-de-rei'\n"
                + "  = help: seeds/molins-de-rei-2/ is a second folder for Molins de Rei (INE code 08123), whose folder is seeds/molins-de-rei/: a municipality has one folder, so remove this copy; for another municipality, give its office that municipality's name and INE code first\n",
        ], rules) { t in try copyMolins(t, to: "molins-de-rei-2") }
        // The user's next step: the copy's files name their folder. Its copied agreement
        // keeps the id of the first folder's, which agreements may not share.
        try assertDiagnostics([
            "id-duplicate seeds/molins-de-rei-2/agreements/adhesion-molins.yaml:1:5: agreement 'adhesion-molins' has the id of seeds/molins-de-rei/agreements/adhesion-molins.yaml: the ids of agreements are unique across the network",
            "municipality-duplicate seeds/molins-de-rei-2/office.yaml:4:13: Molins de Rei (INE code 08123) has an office already, in seeds/molins-de-rei/office.yaml",
        ]) { t in
            try copyMolins(t, to: "molins-de-rei-2")
            for file in ["office.yaml", "adaptation.yaml", "checklist.yaml", "staffing.yaml", "communication-plan.yaml"] {
                let path = "seeds/molins-de-rei-2/" + file
                try t.write(path, try t.read(path).replacingOccurrences(of: "municipality: molins-de-rei\n", with: "municipality: molins-de-rei-2\n")
                                                  .replacingOccurrences(of: "id: molins-de-rei\n", with: "id: molins-de-rei-2\n"))
            }
        }
        // The full rendering of the duplicate.
        try assertRendered([
            "seeds/molins-de-rei-2/office.yaml:4:13: error[municipality-duplicate]: Molins de Rei (INE code 08123) has an office already, in seeds/molins-de-rei/office.yaml\n"
                + "  = note: the INE code of molins-de-rei's office at seeds/molins-de-rei/office.yaml:4:13\n"
                + "  = help: a municipality has one folder under seeds/: remove this one, or, if it is another municipality's office, give it that municipality's name and INE code\n",
        ], ["municipality-duplicate"]) { t in
            try copyMolins(t, to: "molins-de-rei-2")
            for file in ["office.yaml", "adaptation.yaml", "checklist.yaml", "staffing.yaml", "communication-plan.yaml"] {
                let path = "seeds/molins-de-rei-2/" + file
                try t.write(path, try t.read(path).replacingOccurrences(of: "municipality: molins-de-rei\n", with: "municipality: molins-de-rei-2\n")
                                                  .replacingOccurrences(of: "id: molins-de-rei\n", with: "id: molins-de-rei-2\n"))
            }
        }
    }

    /// A folder renamed away from its municipality's name: the help renames the folder
    /// back, not the files.
    func testAFolderIsNamedAfterItsMunicipality() throws {
        try assertRendered([
            "seeds/molins/adaptation.yaml:1:15: error[municipality-mismatch]: this file stands in seeds/molins/ but names municipality 'molins-de-rei'\n"
                + "  = help: seeds/molins/ is not named after Molins de Rei (INE code 08123), its office's municipality: rename it to seeds/molins-de-rei/\n",
            "seeds/molins/checklist.yaml:1:15: error[municipality-mismatch]: this file stands in seeds/molins/ but names municipality 'molins-de-rei'\n"
                + "  = help: seeds/molins/ is not named after Molins de Rei (INE code 08123), its office's municipality: rename it to seeds/molins-de-rei/\n",
            "seeds/molins/communication-plan.yaml:1:15: error[municipality-mismatch]: this file stands in seeds/molins/ but names municipality 'molins-de-rei'\n"
                + "  = help: seeds/molins/ is not named after Molins de Rei (INE code 08123), its office's municipality: rename it to seeds/molins-de-rei/\n",
            "seeds/molins/office.yaml:1:5: error[id-mismatch]: id 'molins-de-rei' differs from the folder name 'molins'\n"
                + "  = help: an office's id is its folder's name: rename the folder seeds/molins/ to seeds/molins-de-rei/, after Molins de Rei, its municipality\n",
            "seeds/molins/staffing.yaml:1:15: error[municipality-mismatch]: this file stands in seeds/molins/ but names municipality 'molins-de-rei'\n"
                + "  = help: seeds/molins/ is not named after Molins de Rei (INE code 08123), its office's municipality: rename it to seeds/molins-de-rei/\n",
        ], ["municipality-mismatch", "id-mismatch"]) { t in
            try FileManager.default.moveItem(at: t.root.appendingPathComponent("seeds/molins-de-rei"),
                                             to: t.root.appendingPathComponent("seeds/molins"))
        }
    }

    /// The help of `id-mismatch` for a file named by its id, a translation and a file of
    /// fixed name (whose schema has the id as a `const`: the schema's error at the id is
    /// then the one error of that token).
    func testTheHelpOfAnIdMismatchFitsHowTheFileIsNamed() throws {
        // The translation of business-transfer.md keeps the file's name as its id: it is
        // right, and the original's id is the one error (it was told to copy the new id).
        try assertRendered([
            "model/services/business-transfer.md:2:5: error[id-mismatch]: id 'company-transfer' differs from the file name 'business-transfer'\n"
                + "  = help: ids are stable: rename the file to 'company-transfer.md', or set the id to 'business-transfer'\n",
            "model/services/company-creation.es.md:2:5: error[id-mismatch]: id 'company-creation-es' differs from the id 'company-creation' of the document it translates\n"
                + "  = help: a translation carries the id of the document it translates: set the id to 'company-creation' (to rename the document, rename it and its translations together)\n",
            "seeds/expansion.yaml:1:5: error[schema-const]: expected \"expansion\"; found \"expansion-plan\"\n"
                + "  = note: schema rule at model/schema/expansion.schema.yaml:15:5\n",
            "seeds/sant-feliu-de-llobregat/office.yaml:1:5: error[id-mismatch]: id 'sant-feliu' differs from the folder name 'sant-feliu-de-llobregat'\n"
                + "  = help: an office's id is its folder's name, seeds/sant-feliu-de-llobregat/, after Sant Feliu de Llobregat: set the id to 'sant-feliu-de-llobregat'\n",
        ], ["id-mismatch", "schema-const"]) { t in
            try ExpansionRuleTests.programme(t)
            try t.replace("model/services/business-transfer.md", "id: business-transfer", "id: company-transfer")
            try t.replace("model/services/company-creation.es.md", "id: company-creation", "id: company-creation-es")
            try t.replace("seeds/expansion.yaml", "id: expansion", "id: expansion-plan")
            try t.replace("seeds/sant-feliu-de-llobregat/office.yaml", "id: sant-feliu-de-llobregat", "id: sant-feliu")
        }
    }

    /// A proposal's change that names two documents is told with the fields found and what
    /// an item holds (session 26's trial: a bare "expected at most 2 fields; found 3").
    func testAChangeNamingTwoDocumentsSaysWhatAnItemHolds() throws {
        let t = try FixtureTree()
        defer { t.remove() }
        try t.replace("model/proposals/retail-support.yaml", "  - service: business-transfer\n", "  - service: business-transfer\n    role: business-advisor\n")
        let d = CheckRun.diagnose(root: t.root, asOf: FixtureTree.asOf).1.filter { $0.rule.hasPrefix("schema-") }
        XCTAssertEqual(d.map { "\($0.rule) \($0.span): \($0.message)" },
                       ["schema-max-properties model/proposals/retail-support.yaml:9:5: expected at most 2 fields; found 3: service, role, change"])
        XCTAssertEqual(d.flatMap(\.notes),
                       ["what this mapping holds: One document of the model and what changes in it: its kind (service, procedure, role, training-module, indicator, checklist-item, handbook-outline or model) with its id, and change; a change to two documents is two items."])
    }
}
