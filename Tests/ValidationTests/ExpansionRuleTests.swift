import Foundation
import Model
import OAECommands
import XCTest

/// The expansion rules on the fixture network: Sant Feliu is the pilot, Molins de Rei is
/// in the first wave, which opens after the assessment decided on 2026-10-27 and on model
/// 1.1.0; and the agency's follow-up.
final class ExpansionRuleTests: XCTestCase {
    static let assessment = """
        ---
        id: pilot
        title: {ca: Avaluació del pilot, es: Evaluación del piloto}
        offices: [sant-feliu-de-llobregat]
        period: {start: 2026-04-01, end: 2026-09-30}
        criteria:
          - {id: relevance, question: {ca: Pregunta?, es: ¿Pregunta?}, evidence: [{ca: Enquesta, es: Encuesta}], findings: {ca: Troballa., es: Hallazgo.}}
          - {id: effectiveness, question: {ca: Pregunta?, es: ¿Pregunta?}, evidence: [{ca: Informes, es: Informes}], findings: {ca: Troballa., es: Hallazgo.}}
          - {id: efficiency, question: {ca: Pregunta?, es: ¿Pregunta?}, evidence: [{ca: Plans, es: Planes}], findings: {ca: Troballa., es: Hallazgo.}}
          - {id: sustainability, question: {ca: Pregunta?, es: ¿Pregunta?}, evidence: [{ca: Pressupostos, es: Presupuestos}], findings: {ca: Troballa., es: Hallazgo.}}
        recommendations:
          - {id: targets, text: {ca: Objectius per període., es: Objetivos por periodo.}, changes: [{indicator: people-attended}, {office: molins-de-rei}]}
        decision:
          outcome: expand-with-changes
          body: {ca: Comitè de direcció, es: Comité de dirección}
          date: 2026-10-27
          model_version: 1.1.0
        ---

        Avaluació.

        """

    static let expansion = """
        id: expansion
        assessment: pilot
        waves:
          - {id: pilot, pilot: true, name: {ca: Pilot, es: Piloto}, start: 2026-04-01, end: 2026-12-31}
          - {id: wave-1, name: {ca: Primera onada, es: Primera oleada}, start: 2027-03-01, end: 2027-07-31}
        municipalities:
          - {name: Sant Feliu de Llobregat, ine_code: "08211", wave: pilot}
          - {name: Molins de Rei, ine_code: "08123", wave: wave-1}

        """

    /// The fixture with the assessment and the plan, Molins de Rei on model 1.1.0.
    func programme(_ t: FixtureTree) throws { try ExpansionRuleTests.programme(t) }

    static func programme(_ t: FixtureTree) throws {
        try t.write("seeds/assessments/pilot.md", ExpansionRuleTests.assessment)
        try t.write("seeds/assessments/pilot.es.md", "---\nid: pilot\n---\n\nEvaluación.\n")
        try t.write("seeds/expansion.yaml", ExpansionRuleTests.expansion)
        try t.replace("model/model.yaml", "version: 1.0.0", "version: 1.1.0")
        // The release that came out of the assessment.
        try t.write("model/releases.yaml", try t.read("model/releases.yaml")
                        + "  - version: 1.1.0\n    date: 2026-11-03\n    summary: {ca: Recomanacions de l'avaluació., es: Recomendaciones de la evaluación.}\n")
        try t.replace("seeds/molins-de-rei/adaptation.yaml", "base_model_version: 1.0.0", "base_model_version: 1.1.0")
        try t.replace("seeds/sant-feliu-de-llobregat/adaptation.yaml", "base_model_version: 1.0.0", "base_model_version: 1.1.0")
    }

    /// Vic (Osona), outside the metropolitan area, in the fixture's register.
    func addVic(_ t: FixtureTree) throws {
        let path = "model/reference/municipalities-catalonia.csv"
        try t.write(path, try t.read(path) + "08298,Vic,Barcelona,no\n")
    }

    func testTheProgrammeRecordsConform() throws {
        try assertDiagnostics([]) { try programme($0) }
    }

    /// The diagnostics of the expansion rules only (a pilot office meets other rules too),
    /// or of the rules whose names start with `prefixes`.
    func assertExpansion(_ expected: [String], prefixes: [String] = ["expansion-"], file: StaticString = #filePath, line: UInt = #line,
                         _ change: (FixtureTree) throws -> Void) throws {
        let tree = try FixtureTree()
        defer { tree.remove() }
        try change(tree)
        XCTAssertEqual(tree.diagnostics().filter { d in prefixes.contains { d.hasPrefix($0) } }, expected, file: file, line: line)
    }

    func testAnExpansionOfficeCannotBePilotBeforeTheDecision() throws {
        try assertExpansion([
            "expansion-before-decision seeds/molins-de-rei/office.yaml:7:15: office of wave 'wave-1' opened as 'pilot' on 2026-09-14, before the decision to expand on 2026-10-27",
        ]) { t in
            try programme(t)
            try t.replace("seeds/molins-de-rei/office.yaml", "status: planned\nopening_date: 2027-03-01", "status: pilot\nopening_date: 2026-09-14")
        }
    }

    /// A pilot office moved to a later wave in the plan: the error stays at the opening it
    /// contradicts, and names the plan's line the writer changed, with the pilot wave as a
    /// way out (session 43's trial was sent only to the office's correct opening).
    func testAnOfficeMovedToALaterWaveIsToldWhereThePlanPlacesIt() throws {
        let t = try FixtureTree()
        defer { t.remove() }
        try programme(t)
        try t.replace("seeds/expansion.yaml", "ine_code: \"08211\", wave: pilot}", "ine_code: \"08211\", wave: wave-1}")
        let d = CheckRun.diagnose(root: t.root, asOf: FixtureTree.asOf).1.filter { $0.rule == "expansion-before-decision" }
        XCTAssertEqual(d.map { "\($0.span)" }, ["seeds/sant-feliu-de-llobregat/office.yaml:7:15"])
        XCTAssertEqual(d.first?.related.map { "\($0.span) \($0.message)" }, [
            "seeds/assessments/pilot.md:16:9 the decision of assessment 'pilot'",
            "seeds/expansion.yaml:7:62 the expansion plan places Sant Feliu de Llobregat in wave 'wave-1' here",
        ])
        XCTAssertEqual(d.first?.help, "set 'status: planned', or an opening date on or after 2026-10-27 (or, if it opened in the pilot, wave 'pilot' in the expansion plan)")
    }

    /// An office that serves the public is in a wave of the plan (session 29's trial: a
    /// pilot office left out of the plan was counted at its stage on the expansion page, in
    /// no wave, and no rule said so). The help names the wave of its opening.
    func testAnOfficeThatServesThePublicIsInAWave() throws {
        try assertExpansion([
            "expansion-office-without-wave seeds/sant-feliu-de-llobregat/office.yaml:6:9: Sant Feliu de Llobregat's office serves the public (status 'pilot', opened on 2026-04-13), but the expansion plan places it in no wave",
        ]) { t in
            try programme(t)
            try t.replace("seeds/expansion.yaml", "  - {name: Sant Feliu de Llobregat, ine_code: \"08211\", wave: pilot}\n", "")
        }
        let tree = try FixtureTree()
        defer { tree.remove() }
        try programme(tree)
        try tree.replace("seeds/expansion.yaml", "  - {name: Sant Feliu de Llobregat, ine_code: \"08211\", wave: pilot}\n", "")
        let d = try XCTUnwrap(CheckRun.diagnose(root: tree.root, asOf: FixtureTree.asOf).1.first { $0.rule == "expansion-office-without-wave" })
        XCTAssertEqual(d.help, "add Sant Feliu de Llobregat (INE code 08211) to the municipalities of seeds/expansion.yaml with 'wave: pilot', the wave of its opening")
        // Listed without a wave; a planned office is not told.
        try assertExpansion([
            "expansion-office-without-wave seeds/sant-feliu-de-llobregat/office.yaml:6:9: Sant Feliu de Llobregat's office serves the public (status 'pilot', opened on 2026-04-13), but the expansion plan places it in no wave",
        ]) { t in
            try programme(t)
            try t.replace("seeds/expansion.yaml", "ine_code: \"08211\", wave: pilot}", "ine_code: \"08211\"}")
            try t.replace("seeds/expansion.yaml", "  - {name: Molins de Rei, ine_code: \"08123\", wave: wave-1}\n", "")
        }
        // Listed with its name under a wrong code: that entry's error is the one, not also
        // "add Sant Feliu de Llobregat" (session 35's trial).
        try assertExpansion([
            "expansion-unknown-municipality seeds/expansion.yaml:7:47: INE code 08212 is not a municipality of Catalonia",
        ]) { t in
            try programme(t)
            try t.replace("seeds/expansion.yaml", "ine_code: \"08211\", wave: pilot}", "ine_code: \"08212\", wave: pilot}")
        }
    }

    /// An office opens within its wave's dates (session 26's trial: Molins de Rei moved to
    /// a later wave kept its opening date, unseen); an office open before the decision is
    /// that error alone (above).
    func testAnOfficeOpensWithinItsWave() throws {
        try assertExpansion([
            "expansion-opening-outside-wave seeds/expansion.yaml:9:52: Molins de Rei is in wave 'wave-2' (from 2027-10-01 to 2028-06-30), but its office's opening date is 2027-03-01",
        ]) { t in
            try programme(t)
            try t.replace("seeds/expansion.yaml", "  - {id: wave-1, name: {ca: Primera onada, es: Primera oleada}, start: 2027-03-01, end: 2027-07-31}\n",
                          "  - {id: wave-1, name: {ca: Primera onada, es: Primera oleada}, start: 2027-03-01, end: 2027-07-31}\n"
                              + "  - {id: wave-2, name: {ca: Segona onada, es: Segunda oleada}, start: 2027-10-01, end: 2028-06-30}\n")
            try t.replace("seeds/expansion.yaml", "ine_code: \"08123\", wave: wave-1}", "ine_code: \"08123\", wave: wave-2}")
        }
    }

    func testWithoutADecisionToExpandAnExpansionOfficeStaysPlanned() throws {
        try assertExpansion([
            "expansion-before-decision seeds/molins-de-rei/office.yaml:6:9: office of wave 'wave-1' is 'pilot' before the decision to expand: assessment 'pilot' decided 'extend-pilot'",
        ]) { t in
            try programme(t)
            try t.replace("seeds/assessments/pilot.md", "outcome: expand-with-changes", "outcome: extend-pilot")
            try t.replace("seeds/molins-de-rei/office.yaml", "status: planned\nopening_date: 2027-03-01", "status: pilot\nopening_date: 2027-03-01")
        }
    }

    /// The plan follows the decision (session 26's trial: `stop` with the waves kept went
    /// through): after `stop` no wave expands the network; after `extend-pilot` the pilot
    /// wave runs past the decision and the expansion waves start after it.
    func testThePlanFollowsADecisionNotToExpand() throws {
        try assertExpansion([
            "expansion-plan-against-decision seeds/expansion.yaml:5:10: wave 'wave-1' expands the network, but assessment 'pilot' decided on 2026-10-27 to stop the programme",
        ]) { t in
            try programme(t)
            try t.replace("seeds/assessments/pilot.md", "outcome: expand-with-changes", "outcome: stop")
        }
        try assertExpansion([
            "expansion-plan-against-decision seeds/expansion.yaml:4:85: the pilot wave ends on 2026-10-15, but assessment 'pilot' decided on 2026-10-27 to extend the pilot",
        ]) { t in
            try programme(t)
            try t.replace("seeds/assessments/pilot.md", "outcome: expand-with-changes", "outcome: extend-pilot")
            try t.replace("seeds/expansion.yaml", "end: 2026-12-31}", "end: 2026-10-15}")
        }
        try assertExpansion([
            "expansion-plan-against-decision seeds/expansion.yaml:5:72: wave 'wave-1' starts on 2027-03-01, but the pilot, which assessment 'pilot' decided on 2026-10-27 to extend, runs until 2027-06-30",
        ]) { t in
            try programme(t)
            try t.replace("seeds/assessments/pilot.md", "outcome: expand-with-changes", "outcome: extend-pilot")
            try t.replace("seeds/expansion.yaml", "end: 2026-12-31}", "end: 2027-06-30}")
        }
        // The pilot extended, the waves after it: nothing to say.
        try assertExpansion([]) { t in
            try programme(t)
            try t.replace("seeds/assessments/pilot.md", "outcome: expand-with-changes", "outcome: extend-pilot")
            try t.replace("seeds/expansion.yaml", "end: 2026-12-31}", "end: 2027-02-28}")
        }
    }

    func testAnExpansionOfficeAdaptsTheModelOfTheAssessment() throws {
        try assertDiagnostics([
            "expansion-model-version seeds/molins-de-rei/adaptation.yaml:2:21: the adaptation of an office of wave 'wave-1' follows model 1.0.0, older than 1.1.0, the version that came out of assessment 'pilot'",
            "base-model-outdated seeds/molins-de-rei/adaptation.yaml:2:21: the adaptation follows model version 1.0.0; released since: 1.1.0 (2026-11-03)",
        ]) { t in
            try programme(t)
            try t.replace("seeds/molins-de-rei/adaptation.yaml", "base_model_version: 1.1.0", "base_model_version: 1.0.0")
        }
    }

    /// A model version no release has, in the assessment's decision, is one error at it: the
    /// expansion offices that follow the real release are not told to follow it.
    func testTheAssessmentGivesAReleasedModelVersion() throws {
        try assertDiagnostics([
            "assessment-model-version-unknown seeds/assessments/pilot.md:17:18: assessment 'pilot' gives model version 1.9.0, which model/releases.yaml does not list (releases: 0.9.0, 1.0.0, 1.1.0)",
        ]) { t in
            try programme(t)
            try t.replace("seeds/assessments/pilot.md", "model_version: 1.1.0", "model_version: 1.9.0")
        }
    }

    func testAMunicipalityOutsideTheAreaIsAWarning() throws {
        try assertDiagnostics([
            "municipality-outside-area seeds/molins-de-rei/office.yaml:4:13: Vic (INE code 08298) is outside the programme's area, the metropolitan area of Barcelona",
        ]) { t in
            try addVic(t)
            try t.replace("seeds/molins-de-rei/office.yaml", "  name: Molins de Rei\n  ine_code: \"08123\"", "  name: Vic\n  ine_code: \"08298\"")
        }
        let tree = try FixtureTree()
        defer { tree.remove() }
        try addVic(tree)
        try tree.replace("seeds/molins-de-rei/office.yaml", "  name: Molins de Rei\n  ine_code: \"08123\"", "  name: Vic\n  ine_code: \"08298\"")
        let warning = try XCTUnwrap(CheckRun.diagnose(root: tree.root, asOf: FixtureTree.asOf).1.first)
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertEqual(warning.help, "the programme covers the 36 municipalities of the metropolitan area (column 'amb' of model/reference/municipalities-catalonia.csv); check the municipality, or extend the programme's area first")
    }

    /// A municipality given a folder (`oae new municipality`) takes its stage from its
    /// office: a stage left in the plan is a warning at it, not silently ignored.
    func testAStageForAMunicipalityWithAFolderIsAWarning() throws {
        try assertDiagnostics([
            "expansion-stage-ignored seeds/expansion.yaml:8:67: Molins de Rei has an office folder, seeds/molins-de-rei/: its stage is its office's status ('planned'), and this 'agreement' is not read",
        ]) { t in
            try programme(t)
            try t.replace("seeds/expansion.yaml", "  - {name: Molins de Rei, ine_code: \"08123\", wave: wave-1}",
                          "  - {name: Molins de Rei, ine_code: \"08123\", wave: wave-1, stage: agreement}")
        }
    }

    /// A municipality without an office folder at the stage `agreement` names its council's
    /// signed adhesion, which stands among the programme's agreements until the folder is
    /// made (session 38's trial: the expansion page said "agreement signed: yes" of three
    /// municipalities whose agreement no file held).
    /// Cerdanyola del Vallès's adhesion among the programme's agreements (Molins de Rei's,
    /// renamed), with `signed` for its signing date line ("" for none).
    func cerdanyolaAdhesion(_ t: FixtureTree, _ signed: String) throws {
        try t.write("seeds/agreements/adhesion-cerdanyola.yaml", (try t.read("seeds/molins-de-rei/agreements/adhesion-molins.yaml"))
            .replacingOccurrences(of: "adhesion-molins", with: "adhesion-cerdanyola")
            .replacingOccurrences(of: "signed_on: 2025-11-03", with: signed))
    }

    func testAMunicipalityAtTheAgreementStageNamesItsSignedAdhesion() throws {
        let cerdanyola = "  - {name: Cerdanyola del Vallès, ine_code: \"08266\", wave: wave-1, stage: agreement%@}\n"
        // Named and signed: nothing to say, and the adhesion is not told to move.
        try assertDiagnostics([]) { t in
            try programme(t)
            try cerdanyolaAdhesion(t, "signed_on: 2026-09-28")
            try t.write("seeds/expansion.yaml", ExpansionRuleTests.expansion + String(format: cerdanyola, ", agreement: adhesion-cerdanyola"))
        }
        try assertDiagnostics([
            "expansion-adhesion-missing seeds/expansion.yaml:9:75: Cerdanyola del Vallès is at the stage 'agreement' (its council has signed the adhesion), but the plan names no adhesion agreement",
        ]) { t in
            try programme(t)
            try t.write("seeds/expansion.yaml", ExpansionRuleTests.expansion + String(format: cerdanyola, ""))
        }
        try assertDiagnostics([
            "expansion-adhesion-missing seeds/expansion.yaml:9:97: agreement 'knowledge-transfer' is a knowledge-transfer agreement, not the adhesion of Cerdanyola del Vallès's council",
        ]) { t in
            try programme(t)
            try t.write("seeds/expansion.yaml", ExpansionRuleTests.expansion + String(format: cerdanyola, ", agreement: knowledge-transfer"))
        }
        // Unsigned: told at the name; a signing date after the check day is that rule's error alone.
        try assertDiagnostics([
            "expansion-adhesion-missing seeds/expansion.yaml:9:97: adhesion agreement 'adhesion-cerdanyola' is not signed: it has no signing date (as of 2026-11-25), and Cerdanyola del Vallès is at the stage 'agreement'",
        ]) { t in
            try programme(t)
            try cerdanyolaAdhesion(t, "")
            try t.write("seeds/expansion.yaml", ExpansionRuleTests.expansion + String(format: cerdanyola, ", agreement: adhesion-cerdanyola"))
        }
        try assertDiagnostics([
            "date-after-check-day seeds/agreements/adhesion-cerdanyola.yaml:13:12: agreement 'adhesion-cerdanyola' was signed on 2026-11-30, after 2026-11-25, the day of the check",
        ]) { t in
            try programme(t)
            try cerdanyolaAdhesion(t, "signed_on: 2026-11-30")
            try t.write("seeds/expansion.yaml", ExpansionRuleTests.expansion + String(format: cerdanyola, ", agreement: adhesion-cerdanyola"))
        }
        // Each council signs its own: one another entry names, or one an office relies on,
        // is not this municipality's (the review of session 39).
        try assertDiagnostics([
            "expansion-adhesion-missing seeds/expansion.yaml:10:91: agreement 'adhesion-cerdanyola' is named by another entry of the plan: each council signs its own adhesion",
        ]) { t in
            try programme(t)
            try cerdanyolaAdhesion(t, "signed_on: 2026-09-28")
            let path = "model/reference/municipalities-catalonia.csv"
            try t.write(path, try t.read(path) + "08217,Sant Joan Despí,Barcelona,yes\n")
            try t.write("seeds/expansion.yaml", ExpansionRuleTests.expansion + String(format: cerdanyola, ", agreement: adhesion-cerdanyola")
                        + "  - {name: Sant Joan Despí, ine_code: \"08217\", wave: wave-1, stage: agreement, agreement: adhesion-cerdanyola}\n")
        }
        try assertDiagnostics([
            "agreement-adhesion-shared seeds/agreements/adhesion-molins.yaml:3:7: agreement 'adhesion-molins' is an adhesion, one council's, but stands among the programme's agreements (seeds/agreements/)",
            "expansion-adhesion-missing seeds/expansion.yaml:9:97: agreement 'adhesion-molins' is the adhesion molins-de-rei's office relies on: each council signs its own",
        ]) { t in
            try programme(t)
            try FileManager.default.moveItem(at: t.root.appendingPathComponent("seeds/molins-de-rei/agreements/adhesion-molins.yaml"),
                                             to: t.root.appendingPathComponent("seeds/agreements/adhesion-molins.yaml"))
            try t.write("seeds/expansion.yaml", ExpansionRuleTests.expansion + String(format: cerdanyola, ", agreement: adhesion-molins"))
        }
        // A municipality with an office folder relies on its office's agreements: the plan's
        // is not read, and that is its one diagnostic (not also `ref-unknown` for its own
        // folder's adhesion, which the programme's documents do not see).
        try assertDiagnostics([
            "expansion-stage-ignored seeds/expansion.yaml:8:71: Molins de Rei has an office folder, seeds/molins-de-rei/: the agreements it relies on are its office's, and this 'agreement' is not read",
        ]) { t in
            try programme(t)
            try t.replace("seeds/expansion.yaml", "  - {name: Molins de Rei, ine_code: \"08123\", wave: wave-1}",
                          "  - {name: Molins de Rei, ine_code: \"08123\", wave: wave-1, agreement: adhesion-molins}")
        }
    }

    /// A candidate whose entry names its council's adhesion, signed by the check day, is
    /// behind: the expansion page says a candidate has not signed. Told at the stage, or at
    /// the agreement when the stage is left to its default; not of an adhesion not yet
    /// signed (being drafted) nor of one an earlier entry names (another council's).
    func testACandidateWithASignedAdhesionIsBehind() throws {
        let entry = "  - {name: Cerdanyola del Vallès, ine_code: \"08266\", wave: wave-1%@, agreement: adhesion-cerdanyola}\n"
        try assertDiagnostics([
            "expansion-stage-behind seeds/expansion.yaml:9:75: Cerdanyola del Vallès's adhesion agreement 'adhesion-cerdanyola' was signed on 2026-09-28, but the plan keeps Cerdanyola del Vallès at the stage 'candidate'",
        ]) { t in
            try programme(t)
            try cerdanyolaAdhesion(t, "signed_on: 2026-09-28")
            try t.write("seeds/expansion.yaml", ExpansionRuleTests.expansion + String(format: entry, ", stage: candidate"))
        }
        try assertDiagnostics([
            "expansion-stage-behind seeds/expansion.yaml:9:79: Cerdanyola del Vallès's adhesion agreement 'adhesion-cerdanyola' was signed on 2026-09-28, but the plan keeps Cerdanyola del Vallès at the stage 'candidate'",
        ]) { t in
            try programme(t)
            try cerdanyolaAdhesion(t, "signed_on: 2026-09-28")
            try t.write("seeds/expansion.yaml", ExpansionRuleTests.expansion + String(format: entry, ""))
        }
        try assertDiagnostics([]) { t in
            try programme(t)
            try cerdanyolaAdhesion(t, "")
            try t.write("seeds/expansion.yaml", ExpansionRuleTests.expansion + String(format: entry, ", stage: candidate"))
        }
        // Sant Joan Despí at the stage 'agreement' names it first: Cerdanyola's candidate
        // entry names another council's adhesion, not its own.
        try assertDiagnostics([]) { t in
            try programme(t)
            try cerdanyolaAdhesion(t, "signed_on: 2026-09-28")
            let path = "model/reference/municipalities-catalonia.csv"
            try t.write(path, try t.read(path) + "08217,Sant Joan Despí,Barcelona,yes\n")
            try t.write("seeds/expansion.yaml", ExpansionRuleTests.expansion
                        + "  - {name: Sant Joan Despí, ine_code: \"08217\", wave: wave-1, stage: agreement, agreement: adhesion-cerdanyola}\n"
                        + String(format: entry, ", stage: candidate"))
        }
    }

    func testThePlanNamesMunicipalitiesAndWavesThatExist() throws {
        try assertDiagnostics([
            "expansion-unknown-municipality seeds/expansion.yaml:8:30: INE code 08123 is Molins de Rei, not 'Molins'",
            "expansion-wave-unknown seeds/expansion.yaml:8:45: no wave 'wave-2' in the expansion plan",
            "municipality-outside-area seeds/expansion.yaml:9:27: Vic (INE code 08298) is outside the programme's area, the metropolitan area of Barcelona",
        ]) { t in
            try programme(t)
            try addVic(t)
            try t.replace("seeds/expansion.yaml", "  - {name: Molins de Rei, ine_code: \"08123\", wave: wave-1}",
                          "  - {name: Molins, ine_code: \"08123\", wave: wave-2}\n  - {name: Vic, ine_code: \"08298\"}")
        }
    }

    /// The code's own name written otherwise (its capitals, its accents) is the name's
    /// error, as an office's is (session 26's trial: "molins de Rei" went through).
    func testThePlanWritesNamesAsTheRegisterDoes() throws {
        try assertDiagnostics([
            "expansion-unknown-municipality seeds/expansion.yaml:8:12: 'molins de Rei' is not the official name of INE code 08123, Molins de Rei",
        ]) { t in
            try programme(t)
            try t.replace("seeds/expansion.yaml", "{name: Molins de Rei,", "{name: molins de Rei,")
        }
        let t = try FixtureTree()
        defer { t.remove() }
        try programme(t)
        try t.replace("seeds/expansion.yaml", "{name: Molins de Rei,", "{name: Molíns de Rei,")
        let d = CheckRun.diagnose(root: t.root, asOf: FixtureTree.asOf).1.filter { $0.rule == "expansion-unknown-municipality" }
        XCTAssertEqual(d.map { $0.help ?? "" }, ["write the name as the register does, with its capitals and accents: Molins de Rei"])
        XCTAssertEqual(d.first?.related.map { "\($0.span)" }, ["seeds/expansion.yaml:8:37"])

        // A typographic apostrophe is the register's own (session 27's trial).
        try assertExpansion([], prefixes: ["expansion-unknown", "municipality-outside"]) { t in
            try programme(t)
            let path = "model/reference/municipalities-catalonia.csv"
            try t.write(path, try t.read(path) + "08101,L'Hospitalet de Llobregat,Barcelona,yes\n")
            try t.replace("seeds/expansion.yaml", "  - {name: Molins de Rei, ine_code: \"08123\", wave: wave-1}",
                          "  - {name: Molins de Rei, ine_code: \"08123\", wave: wave-1}\n  - {name: L’Hospitalet de Llobregat, ine_code: \"08101\"}")
        }
        // A municipality outside the area, written otherwise: both are told (the review).
        try assertExpansion([
            "expansion-unknown-municipality seeds/expansion.yaml:9:12: 'vic' is not the official name of INE code 08298, Vic",
            "municipality-outside-area seeds/expansion.yaml:9:27: Vic (INE code 08298) is outside the programme's area, the metropolitan area of Barcelona",
        ], prefixes: ["expansion-unknown", "municipality-outside"]) { t in
            try programme(t)
            try addVic(t)
            try t.replace("seeds/expansion.yaml", "  - {name: Molins de Rei, ine_code: \"08123\", wave: wave-1}",
                          "  - {name: Molins de Rei, ine_code: \"08123\", wave: wave-1}\n  - {name: vic, ine_code: \"08298\"}")
        }
    }


    /// The register knows a municipality the plan names rightly with a wrong code: the help
    /// gives its code (session 26's trial: "write the code of the register" named none).
    func testAWrongCodeForARightNameGetsTheRegistersCode() throws {
        let t = try FixtureTree()
        defer { t.remove() }
        try programme(t)
        try t.replace("seeds/expansion.yaml", "ine_code: \"08123\"", "ine_code: \"08999\"")
        let found = CheckRun.diagnose(root: t.root, asOf: FixtureTree.asOf).1.filter { $0.rule == "expansion-unknown-municipality" }
        XCTAssertEqual(found.map { "\($0.message) / \($0.help ?? "")" },
                       ["INE code 08999 is not a municipality of Catalonia / Molins de Rei has INE code 08123"])
    }

    /// A support action still planned after its start, or in progress after its end, is a
    /// warning as of the check's day (session 38's trial: "planned" two days after its
    /// start); one planned ahead, or done, is not.
    func testAnActionPastItsStartOrEndIsAWarning() throws {
        try assertDiagnostics([
            "follow-up-action-late seeds/sant-feliu-de-llobregat/follow-up.yaml:4:13: action 'coaching' was to start on 2026-11-20 and is still planned, as of 2026-11-25",
            "follow-up-action-late seeds/sant-feliu-de-llobregat/follow-up.yaml:8:30: action 'tools' was to end on 2026-11-24 and is still in progress, as of 2026-11-25",
        ]) { t in
            try t.write("seeds/sant-feliu-de-llobregat/follow-up.yaml", """
                municipality: sant-feliu-de-llobregat
                actions:
                  - {id: coaching, title: {ca: Acompanyament, es: Acompañamiento}, owner: {ca: Agència, es: Agencia},
                     start: 2026-11-20, status: planned}
                  - {id: ahead, title: {ca: Formació, es: Formación}, owner: {ca: Agència, es: Agencia},
                     start: 2026-11-25, status: planned}
                  - {id: tools, title: {ca: Eines, es: Herramientas}, owner: {ca: Agència, es: Agencia},
                     start: 2026-10-01, end: 2026-11-24, status: in-progress}
                  - {id: crm, title: {ca: CRM, es: CRM}, owner: {ca: Agència, es: Agencia},
                     start: 2026-10-01, end: 2026-11-24, status: done}

                """)
        }
    }

    func testAnOpenIssuePastItsDueDateIsAWarning() throws {
        try assertDiagnostics([
            "follow-up-issue-overdue seeds/sant-feliu-de-llobregat/follow-up.yaml:4:31: issue 'signage' is still open 25 days after its due date, 2026-10-31",
        ]) { t in
            try t.write("seeds/sant-feliu-de-llobregat/follow-up.yaml", """
                municipality: sant-feliu-de-llobregat
                issues:
                  - {id: signage, title: {ca: Falta el rètol, es: Falta el rótulo}, owner: {ca: Ajuntament, es: Ayuntamiento},
                     opened: 2026-09-01, due: 2026-10-31, status: open}
                  - {id: web, title: {ca: Web, es: Web}, owner: {ca: Ajuntament, es: Ayuntamiento},
                     opened: 2026-09-01, due: 2026-10-31, closed: 2026-10-20, status: closed}

                """)
        }
    }
}

