import Foundation
import Loading
import Model
import Presentation
@testable import Workflow
import XCTest

final class NewMunicipalityTests: XCTestCase {
    /// Three municipalities of different comarques (Osona, Pallars Jussà, Barcelonès):
    /// each new folder passes `oae check` on the example tree with no error; the two
    /// outside the metropolitan area bring one warning each (`municipality-outside-area`).
    func testRealNamesGiveTreesThatPassCheck() throws {
        let tree = try TempTree.example()
        defer { tree.remove() }
        let baseline = tree.diagnostics()
        XCTAssertFalse(baseline.contains { $0.hasPrefix("error") }, "the example tree must be clean:\n" + baseline.joined(separator: "\n"))

        let cases = [("Vic", "vic", "08298"), ("tremp", "tremp", "25234"),
                     ("L'Hospitalet de Llobregat", "l-hospitalet-de-llobregat", "08101")]
        var expected = baseline
        for (name, slug, code) in cases {
            var notes: [String] = []
            let files = try Scaffolding.newMunicipality(root: tree.root, name: name, asOf: TempTree.asOf, note: { notes.append($0) })
            XCTAssertEqual(files.map(\.path), ["office", "adaptation", "staffing", "communication-plan", "checklist"]
                .map { "seeds/\(slug)/\($0).yaml" })
            let office = try tree.read("seeds/\(slug)/office.yaml")
            XCTAssertTrue(office.contains("  ine_code: \"\(code)\"\n"), office)
            XCTAssertTrue(office.contains("status: candidate\n") && office.contains("opening_date: 2027-05-03\n"), office)
            if slug != "l-hospitalet-de-llobregat" {
                let official = slug == "vic" ? "Vic" : "Tremp"
                let file = "seeds/\(slug)/office.yaml"
                let at = expected.firstIndex { String($0.split(separator: " ")[2].split(separator: ":")[0]) > file } ?? expected.count
                expected.insert("warning municipality-outside-area \(file):7:13: \(official) (INE code \(code)) is outside the programme's area, the metropolitan area of Barcelona", at: at)
                // Said when the folder is written, not first by the check (session 34's trial).
                XCTAssertEqual(notes, ["\(official) is outside the programme's area, the metropolitan area of Barcelona (column 'amb' of "
                                       + "model/reference/municipalities-catalonia.csv): oae check warns of it (municipality-outside-area)."])
            } else {
                XCTAssertEqual(notes, [])
            }
            let after = tree.diagnostics()
            XCTAssertEqual(after, expected, "\(name): the new folder brings problems")
        }
    }

    /// The texts the scaffold makes up carry the placeholder marker: fine while the
    /// office is planned, reported once it serves the public: one error per file.
    func testMadeUpTextsAreReportedOnceTheOfficeOpens() throws {
        let tree = try TempTree.example()
        defer { tree.remove() }
        try Scaffolding.newMunicipality(root: tree.root, name: "Vic", asOf: TempTree.asOf)
        let plan = try tree.read("seeds/vic/communication-plan.yaml")
        XCTAssertTrue(plan.contains("objectives:\n  - ca: \"[to complete] Donar a conèixer l'oficina"), plan)
        XCTAssertFalse(tree.diagnostics().contains { $0.contains("placeholder-text") })
        try tree.replace("seeds/vic/office.yaml", "status: candidate", "status: pilot")
        let placeholders = tree.diagnostics().filter { $0.contains("placeholder-text") }
        // One error for the file, its field named once (three languages of one text).
        XCTAssertEqual(placeholders, [
            "error placeholder-text seeds/vic/communication-plan.yaml:11:9: placeholder text left by 'oae new municipality' in 1 field (objectives[0]), and the office is pilot",
        ])
    }

    /// A municipality the expansion plan has past candidate (Sant Joan Despí, at agreement)
    /// starts as a candidate all the same, since a later status needs its signed agreement:
    /// the office file and the command say what makes the two agree (it was written as a
    /// candidate without a word, s12's fresh user), the adhesion the plan names moved into
    /// the folder (session 39's review). One the plan has as a candidate (Gavà) is told to
    /// remove its stage, which its office's status replaces.
    func testAnOfficeThePlanHasAtAgreementSaysWhatToDo() throws {
        let tree = try TempTree.example()
        defer { tree.remove() }
        let advice = "The office starts as a candidate: move its adhesion to its folder (git mv seeds/agreements/adhesion-sant-joan-despi.yaml seeds/sant-joan-despi/agreements/), "
            + "list it in seeds/sant-joan-despi/office.yaml as agreements: [adhesion-sant-joan-despi], set status: agreement, and remove 'stage' and 'agreement' from its entry in seeds/expansion.yaml "
            + "(the office's status is its stage from then on)."
        var notes: [String] = []
        try Scaffolding.newMunicipality(root: tree.root, name: "Sant Joan Despí", asOf: TempTree.asOf, note: { notes.append($0) })
        XCTAssertEqual(notes, ["seeds/expansion.yaml has Sant Joan Despí at stage 'agreement'. " + advice])
        let office = try tree.read("seeds/sant-joan-despi/office.yaml")
        XCTAssertTrue(office.contains("""
            # seeds/expansion.yaml has Sant Joan Despí at stage 'agreement'. The office starts as a
            # candidate: move its adhesion to its folder (git mv
            """), office)
        XCTAssertTrue(office.contains("\nstatus: candidate\n"), office)
        notes = []
        try Scaffolding.newMunicipality(root: tree.root, name: "Gavà", asOf: TempTree.asOf, note: { notes.append($0) })
        XCTAssertEqual(notes, ["seeds/expansion.yaml:70 gives Gavà 'stage: candidate': remove that line, the office's status is its stage from now on "
                               + "(oae check warns of it, expansion-stage-ignored)."])
        XCTAssertTrue(try tree.read("seeds/gava/office.yaml").contains("# A candidate until the council signs its adhesion"))
    }

    /// A municipality the expansion plan places in a wave opens in it (the trial of session
    /// 42: Viladecans, of the wave from 1 October 2027, was planned to open on 3 May 2027,
    /// and the check warned of it): the wave's first Monday. Once the plan's line the note
    /// names is removed, the new folder brings nothing to the check. An opening given
    /// outside the wave is kept, and said.
    func testAMunicipalityOfAWaveOpensInIt() throws {
        let tree = try TempTree.example()
        defer { tree.remove() }
        let baseline = tree.diagnostics()
        var notes: [String] = []
        try Scaffolding.newMunicipality(root: tree.root, name: "Viladecans", asOf: TempTree.asOf, note: { notes.append($0) })
        XCTAssertTrue(try tree.read("seeds/viladecans/office.yaml").contains("\nopening_date: 2027-10-04\n"))
        XCTAssertEqual(notes, ["seeds/expansion.yaml:74 gives Viladecans 'stage: candidate': remove that line, the office's status is its stage from now on "
                               + "(oae check warns of it, expansion-stage-ignored)."])
        try tree.replace("seeds/expansion.yaml", "  - name: Viladecans\n    ine_code: \"08301\"\n    wave: wave-2\n    stage: candidate\n",
                         "  - name: Viladecans\n    ine_code: \"08301\"\n    wave: wave-2\n")
        XCTAssertEqual(tree.diagnostics(), baseline)
        notes = []
        try Scaffolding.newMunicipality(root: tree.root, name: "Gavà", asOf: TempTree.asOf, opening: Day("2027-06-07"), note: { notes.append($0) })
        XCTAssertTrue(try tree.read("seeds/gava/office.yaml").contains("\nopening_date: 2027-06-07\n"))
        XCTAssertEqual(notes.first, "The opening date, 2027-06-07, is outside wave 'wave-2' (2027-10-01 to 2028-06-30), where seeds/expansion.yaml places Gavà: "
                       + "oae check warns of it (expansion-opening-outside-wave); move the opening date into the wave, or the municipality to the wave of its opening.")
    }

    func testTheFilesFollowTheModel() throws {
        let tree = try TempTree.example()
        defer { tree.remove() }
        try Scaffolding.newMunicipality(root: tree.root, name: "L’Hospitalet de Llobregat", asOf: TempTree.asOf,
                                        opening: Day("2027-03-01"))
        let office = try tree.read("seeds/l-hospitalet-de-llobregat/office.yaml")
        XCTAssertTrue(office.contains("""
            id: l-hospitalet-de-llobregat
            municipality:
              # Official name and INE code, from model/reference/municipalities-catalonia.csv.
              name: L'Hospitalet de Llobregat
              ine_code: "08101"
            name:
              ca: Oficina d'Atenció a l'Empresa de l'Hospitalet de Llobregat
              es: Oficina de Atención a la Empresa de L'Hospitalet de Llobregat
              en: L'Hospitalet de Llobregat Business Support Office
            """), office)
        XCTAssertTrue(office.contains("#   address:\n#     street: <street and number>\n"), office)
        XCTAssertFalse(office.contains("\naddress:"), "no address is invented")

        let staffing = try tree.read("seeds/l-hospitalet-de-llobregat/staffing.yaml")
        XCTAssertTrue(staffing.contains("""
              - id: coord-1
                role: office-coordinator
                # fte: the post's dedication (1 is full time); adjust it to the real post.
                fte: 1
                start_date: 2027-02-08
                training:
                  - module: oae-model-induction
                    planned: 2027-02-15
                  - module: data-protection-basics
                    planned: 2027-02-22
            """), staffing)
        XCTAssertEqual(staffing.components(separatedBy: "  - id: ").count - 1, 3, "one post per role needed to open")
        XCTAssertFalse(staffing.contains("permits-specialist"), "no permits specialist is needed before the office is open")

        let plan = try tree.read("seeds/l-hospitalet-de-llobregat/communication-plan.yaml")
        for audience in ["entrepreneurs", "self-employed", "smes", "local-retail", "partners"] {
            XCTAssertTrue(plan.contains("    audience: \(audience)\n"), audience)
        }
        XCTAssertFalse(plan.contains("audience: general-public"), "only required audiences")
        XCTAssertTrue(plan.contains("period:\n  start: 2026-12-01\n  end: 2027-06-30\n"), plan)

        let checklist = try tree.read("seeds/l-hospitalet-de-llobregat/checklist.yaml")
        XCTAssertEqual(checklist.components(separatedBy: "    done: false\n").count - 1, 12)
        let adaptation = try tree.read("seeds/l-hospitalet-de-llobregat/adaptation.yaml")
        XCTAssertTrue(adaptation.contains("municipality: l-hospitalet-de-llobregat\nbase_model_version: \"1.1.0\"\n"), adaptation)
    }

    func testAMisspeltNameGivesCloseMatchesWithTheirCodes() throws {
        let tree = try TempTree.example()
        defer { tree.remove() }
        XCTAssertThrowsError(try Scaffolding.newMunicipality(root: tree.root, name: "Sant Feliu de Llobregatt", asOf: TempTree.asOf)) { error in
            let message = (error as? WorkflowError)?.message ?? ""
            XCTAssertEqual((error as? WorkflowError)?.usage, true, "a name typed on the command line: exit 2")
            XCTAssertTrue(message.hasPrefix("'Sant Feliu de Llobregatt' is not a municipality of Catalonia"), message)
            let lines = message.split(separator: "\n").map(String.init)
            XCTAssertEqual(lines.dropFirst().first, "  Sant Feliu de Llobregat (INE code 08211)", message)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: tree.root.appendingPathComponent("seeds/sant-feliu-de-llobregatt").path))
    }

    /// An opening on or before the day of the plan is refused, nothing written: the folder
    /// would fail the check (`office-opening-passed`; session 34's trial).
    func testAnOpeningThatHasPassedIsRefused() throws {
        let tree = try TempTree.example()
        defer { tree.remove() }
        for opening in [Day("2020-01-01")!, TempTree.asOf] {
            XCTAssertThrowsError(try Scaffolding.newMunicipality(root: tree.root, name: "Gavà", asOf: TempTree.asOf, opening: opening)) { error in
                XCTAssertEqual((error as? WorkflowError)?.message, "--opening \(opening) is not after the day of the plan, \(TempTree.asOf) "
                               + "(--as-of, else the source's date): a candidate office opens after it is planned; give a later opening date")
                XCTAssertEqual((error as? WorkflowError)?.usage, true)
            }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: tree.root.appendingPathComponent("seeds/gava").path))
    }

    func testAnExistingFolderIsNeverOverwritten() throws {
        let tree = try TempTree.example()
        defer { tree.remove() }
        let before = try tree.read("seeds/molins-de-rei/office.yaml")
        XCTAssertThrowsError(try Scaffolding.newMunicipality(root: tree.root, name: "molins de rei", asOf: TempTree.asOf)) { error in
            XCTAssertEqual((error as? WorkflowError)?.message, "seeds/molins-de-rei/ exists already; oae new never overwrites a folder")
        }
        XCTAssertEqual(try tree.read("seeds/molins-de-rei/office.yaml"), before)
    }

    func testLookupAndSlugs() throws {
        let csv = "ine_code,name,province,amb\n08101,L'Hospitalet de Llobregat,Barcelona,yes\n08169,El Prat de Llobregat,Barcelona,yes\n"
            + "17048,\"Castell d'Aro, Platja d'Aro i s'Agaró\",Girona,no\n08001,Abrera,Barcelona,no\n"
        let register = MunicipalityRegister(csv: csv)
        XCTAssertEqual(MunicipalityLookup.find("el prat de llobregat", in: register), .found(register.entries[1]))
        XCTAssertEqual(MunicipalityLookup.find("08001", in: register), .found(register.entries[3]))
        // A name pasted in NFD (macOS) is the same name.
        XCTAssertEqual(MunicipalityLookup.find("Castell d'Aro, Platja d'Aro i s'Agaro\u{301}", in: register), .found(register.entries[2]))
        XCTAssertEqual(MunicipalityLookup.slug("Cerdanyola del Valle\u{300}s"), "cerdanyola-del-valles")
        XCTAssertEqual(MunicipalityLookup.slug("L'Hospitalet de Llobregat"), "l-hospitalet-de-llobregat")
        XCTAssertEqual(MunicipalityLookup.slug("Castell d'Aro, Platja d'Aro i s'Agaró"), "castell-d-aro-platja-d-aro-i-s-agaro")
        XCTAssertEqual(MunicipalityLookup.slug("Cerdanyola del Vallès"), "cerdanyola-del-valles")
        XCTAssertEqual(MunicipalityLookup.slug("Sant Martí de Tous"), "sant-marti-de-tous")
        XCTAssertEqual(MunicipalityLookup.slug("Bell-lloc d'Urgell"), "bell-lloc-d-urgell")
        XCTAssertEqual(Phrases.of("El Prat de Llobregat", language: "ca"), "del Prat de Llobregat")
        XCTAssertEqual(Phrases.of("Abrera", language: "ca"), "d'Abrera")
        XCTAssertEqual(Phrases.of("El Masnou", language: "es"), "del Masnou")
        // A language's own words for "of" (its strings' `of_municipality`); without them, "de".
        let en = Strings(language: "en", own: YAMLLoader().load(bytes: Array("of_municipality: \"of {municipality}\"\n".utf8), file: "en.yaml").0,
                         fallback: nil)
        XCTAssertEqual(Phrases.of("El Masnou", language: "en", strings: en), "of El Masnou")
        XCTAssertEqual(Phrases.of("Vielha e Mijaran", language: "oc"), "de Vielha e Mijaran")
    }

    /// A name typed in part is answered with the names holding its words, then those a
    /// few letters away (a fresh user's "Sant Cugat" and "Hospitalet" had no answer).
    func testAPartOfANameSuggestsTheNamesHoldingIt() throws {
        let csv = "ine_code,name,province,amb\n08101,L'Hospitalet de Llobregat,Barcelona,yes\n08205,Sant Cugat del Vallès,Barcelona,yes\n"
            + "08206,Sant Cugat Sesgarrigues,Barcelona,no\n08200,Sant Cebrià de Vallalta,Barcelona,no\n08266,Cerdanyola del Vallès,Barcelona,yes\n"
        let register = MunicipalityRegister(csv: csv)
        func names(_ typed: String) -> [String] {
            guard case let .unknown(closest) = MunicipalityLookup.find(typed, in: register) else { return ["found"] }
            return closest.map(\.name)
        }
        XCTAssertEqual(names("Sant Cugat"), ["Sant Cugat del Vallès", "Sant Cugat Sesgarrigues"])
        XCTAssertEqual(names("hospitalet"), ["L'Hospitalet de Llobregat"])
        XCTAssertEqual(names("Cerdanyola del Valés"), ["Cerdanyola del Vallès"])
        XCTAssertEqual(names("Sant"), ["Sant Cebrià de Vallalta", "Sant Cugat del Vallès", "Sant Cugat Sesgarrigues"])
        XCTAssertEqual(names("Vic"), [])
    }

    /// A municipality of the register without a folder says where it stands and how to
    /// start it, for `oae show` and `oae diff` (session 26's trial: `oae show Gavà` said
    /// only "no municipality"); any other name gets the close folders.
    func testANameWithoutAFolderSaysWhereItStands() throws {
        let tree = try TempTree.example()
        defer { tree.remove() }
        let network = Network(tree: TreeLoader.load(root: tree.root))
        XCTAssertEqual(MunicipalityLookup.noFolder("gava", in: network),
                       "no municipality 'gava' under seeds/: Gavà (INE code 08089) is in the expansion plan (wave 'wave-2', stage 'candidate', at seeds/expansion.yaml:67:5) and has no office folder yet; `oae new municipality \"Gavà\"` starts its folder")
        XCTAssertEqual(MunicipalityLookup.noFolder("08015", in: network),
                       "no municipality '08015' under seeds/: Badalona (INE code 08015) is in the programme's area, but neither in the expansion plan nor with an office folder; `oae new municipality \"Badalona\"` starts its folder")
        XCTAssertEqual(MunicipalityLookup.noFolder("Vic", in: network),
                       "no municipality 'Vic' under seeds/: Vic (INE code 08298) is outside the programme's area, the metropolitan area of Barcelona")
        XCTAssertEqual(MunicipalityLookup.noFolder("Sant Feliu", in: network),
                       "no municipality 'Sant Feliu' under seeds/ (did you mean 'sant-feliu-de-llobregat'?)")
        // A folder's name, as oae new would make it (session 27's trial).
        XCTAssertEqual(MunicipalityLookup.noFolder("sant-joan-despi", in: network),
                       "no municipality 'sant-joan-despi' under seeds/: Sant Joan Despí (INE code 08217) is in the expansion plan (wave 'wave-1', stage 'agreement', at seeds/expansion.yaml:44:5) and has no office folder yet; `oae new municipality \"Sant Joan Despí\"` starts its folder")
        XCTAssertEqual(MunicipalityLookup.noFolder("Sant Cugat", in: network),
                       "no municipality 'Sant Cugat' under seeds/ (did you mean 'Sant Cugat del Vallès' or 'Sant Cugat Sesgarrigues'?)")
    }

    func testPlanningDates() {
        XCTAssertEqual(PlanningCalendar.defaultOpening(asOf: Day("2026-11-25")!), Day("2027-05-03"))
        // August moves to September; 1 and 6 January are holidays.
        XCTAssertEqual(PlanningCalendar.defaultOpening(asOf: Day("2027-02-10")!), Day("2027-09-06"))
        XCTAssertEqual(PlanningCalendar.defaultOpening(asOf: Day("2028-07-15")!), Day("2029-01-08"))
        XCTAssertEqual(PlanningCalendar.weeksBefore(Day("2027-05-03")!, count: 2), [Day("2027-04-19")!, Day("2027-04-26")!])
        XCTAssertEqual(PlanningCalendar.weeksBefore(Day("2027-05-05")!, count: 1), [Day("2027-05-03")!])
    }
}
