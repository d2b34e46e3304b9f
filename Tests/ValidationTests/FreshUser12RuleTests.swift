import Diagnostics
import Foundation
import Model
import OAECommands
import XCTest

/// The faults s12's fresh user found in the check's rules (their items 9, 17, 26, 27, 29,
/// 30, 31, 32, 33, 34, 38, 41, 42, 45, 51, 52), each for its whole kind, each asserting the
/// exact diagnostic: rule, severity, position, message, notes and help.
extension FreshUserRuleTests {
    static let companyCreation = "model/services/company-creation.md"
    static let companyCreationES = "model/services/company-creation.es.md"
    static let office = "seeds/sant-feliu-de-llobregat/office.yaml"
    static let staffing = "seeds/sant-feliu-de-llobregat/staffing.yaml"
    static let adaptation = "seeds/sant-feliu-de-llobregat/adaptation.yaml"

    /// Item 9: a translation's front matter holds only `id` (docs/tree-and-kinds.md); a
    /// translatable field there (`name`) and any other (`duration`) are each an error at
    /// the key, since nothing reads them.
    func testATranslationsFieldsAreErrorsAtTheirKeys() throws {
        try assertRendered([
            "model/services/company-creation.es.md:3:1: error[translation-field]: 'name' is not read from a translation file: the Spanish (es) name is written in model/services/company-creation.md\n"
                + "  = help: write it in company-creation.md as 'name: {ca: …, es: …}' and remove it here; a translation's front matter holds only 'id'\n",
            "model/services/company-creation.es.md:4:1: error[translation-field]: 'duration' is not read from a translation file: it is a field of model/services/company-creation.md, one value for every language\n"
                + "  = help: remove it here (a translation's front matter holds only 'id'); to change it, change it in company-creation.md\n",
        ], ["translation-field"]) { t in
            try t.replace(Self.companyCreationES, "id: company-creation\n", "id: company-creation\nname: \"Creación ES\"\nduration: PT5M\n")
        }
    }

    /// Item 17: with `default_language: es`, a document with an `.es.md` file has a
    /// warning at that file, saying that es is the default language and what to do; and,
    /// as the Catalan outputs show its Spanish text marked as not translated, "no Catalan
    /// translation" at the document (s13's regression hunt, no. 1).
    func testATranslationInTheDefaultLanguageIsOneWarningPerDocument() throws {
        let actual = try rendered(["translation-orphan", "translation-missing"]) { t in
            try t.replace("model/model.yaml", "default_language: ca", "default_language: es")
        }
        XCTAssertEqual(actual.filter { $0.hasPrefix("model/services/company-creation") }, [
            "model/services/company-creation.es.md:1:1: warning[translation-orphan]: Spanish (es) is the default language, so model/services/company-creation.md's own text is read as Spanish (es) and this file is not read\n"
                + "  = note: the model's default language at model/model.yaml:7:19\n"
                + "  = help: if model/services/company-creation.md is written in Spanish (es), move what this file says into it and remove this file; if not, set default_language to the language it is written in\n",
            "model/services/company-creation.md:1:1: warning[translation-missing]: the text of this service has no Catalan (ca) translation\n"
                + "  = help: add company-creation.ca.md beside it\n",
        ])
    }

    /// Items 26 and 27: a token the schema refused gets the schema's error alone, not also
    /// the error of a rule that read it (a misspelt override field is not also "not
    /// adaptable"; a latitude of 141.4 is not also "outside Catalonia").
    func testATokenTheSchemaRefusedHasTheSchemasErrorAlone() throws {
        try assertRendered([
            "seeds/sant-feliu-de-llobregat/adaptation.yaml:13:7: error[schema-additional-properties]: unexpected field \"chanels\"\n"
                + "   = note: schema rule at model/schema/service.schema.yaml:23:1\n"
                + "   = note: in the view of sant-feliu-de-llobregat after its overrides\n"
                + "   = help: did you mean 'channels'?\n",
            "seeds/sant-feliu-de-llobregat/office.yaml:7:20: error[schema-maximum]: expected a value of at most 90; found 141.4\n"
                + "  = note: schema rule at model/schema/common.schema.yaml:126:9\n",
        ]) { t in
            try t.replace(Self.adaptation, "      channels:", "      chanels:")
            try t.replace(Self.office, "status: pilot\n", "status: pilot\ncoordinates: {lat: 141.4, lon: 2.04}\n")
        }
    }

    /// Item 29: a review, a release, a decision after the day of the check, when the day was
    /// given (`--as-of`); nothing without it.
    func testDatesOfWhatWasDoneAreNotAfterTheCheckDayWhenItIsGiven() throws {
        let change = { (t: FixtureTree) in
            try t.replace(Self.companyCreation, "last_reviewed: 2026-09-01", "last_reviewed: 2036-03-12")
            try t.replace("model/releases.yaml", "date: 2026-01-19", "date: 2027-01-19")
            try t.replace("model/proposals/retail-support.yaml", "  date: 2026-01-12", "  date: 2026-12-12")
        }
        let help = "= help: correct the date (often the year): it records what was done, on or before the day it is committed\n"
        try assertRendered([
            "model/proposals/retail-support.yaml:14:9: error[date-after-check-day]: proposal 'retail-support' was decided on 2026-12-12, after 2026-11-25, the day of the check\n   " + help,
            "model/releases.yaml:6:11: error[date-after-check-day]: release 1.0.0 is dated 2027-01-19, after 2026-11-25, the day of the check\n  " + help,
            "model/services/company-creation.md:26:16: error[date-after-check-day]: service 'company-creation' was last reviewed on 2036-03-12, after 2026-11-25, the day of the check\n   " + help,
        ], ["date-after-check-day"], change)
        let tree = try FixtureTree()
        defer { tree.remove() }
        try change(tree)
        let notGiven = CheckRun.checked(root: tree.root, asOf: FixtureTree.asOf, asOfGiven: false).diagnostics
        XCTAssertEqual(notGiven.filter { $0.rule == "date-after-check-day" }.count, 0)
    }

    /// Item 30: a draft (or a proposal under review) with a decision.
    func testAnUndecidedProposalHasNoDecision() throws {
        try assertRendered([
            "model/proposals/retail-support.yaml:12:1: error[proposal-decision-undecided]: proposal 'retail-support' is draft, but has a decision of 2026-01-12\n"
                + "   = note: the proposal's status at model/proposals/retail-support.yaml:11:9\n"
                + "   = help: set the status the decision gave (accepted or rejected), or remove the decision until it is taken\n",
        ], ["proposal-decision-undecided"]) { t in
            try t.replace("model/proposals/retail-support.yaml", "status: accepted", "status: draft")
            try t.replace("model/releases.yaml", "    proposals: [retail-support]\n", "")
        }
    }

    /// Item 31: a service among its own related services.
    func testADocumentThatNamesItselfAmongItsKind() throws {
        try assertRendered([
            "model/services/company-creation.md:15:40: warning[ref-self]: service 'company-creation' names itself in 'related_services'\n"
                + "   = help: remove it: 'related_services' lists other services\n",
        ], ["ref-self", "ref-unknown"]) { t in
            try t.replace(Self.companyCreation, "related_services: [grants-information]", "related_services: [grants-information, company-creation]")
        }
    }

    /// Item 32: another municipality's agreement is named as such, not as unknown.
    func testAnotherMunicipalitysDocumentIsSaidToBeIts() throws {
        try assertRendered([
            "seeds/sant-feliu-de-llobregat/office.yaml:8:55: error[ref-unknown]: agreement 'adhesion-molins' is molins-de-rei's, not sant-feliu-de-llobregat's\n"
                + "  = note: the agreement of molins-de-rei at seeds/molins-de-rei/agreements/adhesion-molins.yaml:1:1\n"
                + "  = help: a municipality's documents name its own agreements and the programme's (seeds/agreements/); name one of sant-feliu-de-llobregat's\n",
        ], ["ref-unknown"]) { t in
            try t.replace(Self.office, "agreements: [adhesion-sant-feliu, knowledge-transfer]", "agreements: [adhesion-sant-feliu, knowledge-transfer, adhesion-molins]")
        }
    }

    /// Item 33: a bidirectional override and a zero-width space in texts, each a warning at
    /// the character; none in a comment.
    func testInvisibleControlsInTextsAreWarningsAtTheCharacter() throws {
        let help = "  = help: delete it (an editor that shows invisible characters helps): texts in Catalan, Spanish and English do not need it\n"
        try assertRendered([
            "model/services/company-creation.es.md:5:7: warning[text-invisible-character]: the text holds an invisible bidirectional control, '\\u{2066}' (U+2066), which the outputs apply unseen\n"
                + help,
            "seeds/sant-feliu-de-llobregat/office.yaml:6:19: warning[text-invisible-character]: the text holds an invisible bidirectional control, '\\u{202E}' (U+202E), which the outputs apply unseen\n" + help,
            "seeds/sant-feliu-de-llobregat/office.yaml:6:30: warning[text-invisible-character]: the text holds an invisible bidirectional control, '\\u{202C}' (U+202C), which the outputs apply unseen\n" + help,
            "seeds/sant-feliu-de-llobregat/office.yaml:6:34: warning[text-invisible-character]: the text holds a zero-width space, '\\u{200B}' (U+200B), which the outputs apply unseen\n" + help,
        ], ["text-invisible-character"]) { t in
            try t.replace(Self.office, "name: {ca: OAE de Sant Feliu de Llobregat,", "# a \u{202E} comment\nname: {ca: OAE de \u{202E}Sant Feliu\u{202C} de\u{200B} Llobregat,")
            try t.replace(Self.companyCreationES, "## Qué es\n", "## Qué\u{2066} es\n")
        }
    }

    /// Item 34: an amount with more than two decimals is an error at the value (and the one
    /// error: a budget the schema refuses is not summed); amounts in messages have
    /// thousands separators.
    func testAmountsAreToTheCentAndMessagesGroupThousands() throws {
        try assertRendered([
            "seeds/sant-feliu-de-llobregat/budgets/2026.yaml:9:13: error[schema-multiple-of]: expected a multiple of 0.01; found 9000.555\n"
                + "  = note: schema rule at model/schema/common.schema.yaml:156:5\n"
                + "  = help: round it to 2 decimals, 9000.56\n",
        ], ["schema-multiple-of", "budget-funding-short"]) { t in
            try t.replace("seeds/sant-feliu-de-llobregat/budgets/2026.yaml", "  premises: 9000\n", "  premises: 9000.555\n")
            try t.replace("seeds/sant-feliu-de-llobregat/budgets/2026.yaml", "    amount: 60000\n", "    amount: 10000.5\n")
        }
        try assertRendered([
            "seeds/sant-feliu-de-llobregat/budgets/2026.yaml:13:1: error[budget-funding-short]: the funding of 2026 adds up to 65,000.50 €, short of the total of 108,500.56 € by 43,500.06 €\n"
                + "   = help: add a source of funding or raise an amount, or cut a cost line\n",
        ], ["schema-multiple-of", "budget-funding-short"]) { t in
            try t.replace("seeds/sant-feliu-de-llobregat/budgets/2026.yaml", "  premises: 9000\n", "  premises: 9000.56\n")
            try t.replace("seeds/sant-feliu-de-llobregat/budgets/2026.yaml", "    amount: 60000\n", "    amount: 10000.5\n")
        }
    }

    /// Item 38: an override equal to the model's value.
    func testAnOverrideEqualToTheModelsValueIsAWarning() throws {
        try assertRendered([
            "seeds/sant-feliu-de-llobregat/adaptation.yaml:12:19: warning[override-redundant]: commitments[first-appointment].target of service 'company-creation' is overridden with the model's own value, 5\n"
                + "   = note: the model's value at model/services/company-creation.md:20:13\n"
                + "   = help: remove the override: the model's value applies without it (the outputs do not list it as a local change)\n",
        ], ["override-redundant"]) { t in
            try t.replace(Self.adaptation, "          target: 3", "          target: 5")
        }
    }

    /// Item 41: a module completed (as well as planned) before the post starts.
    func testTrainingCompletedBeforeThePostStarts() throws {
        try assertRendered([
            "seeds/sant-feliu-de-llobregat/staffing.yaml:10:20: error[training-before-start]: module 'oae-model-induction' of post 'coord-1' is completed on 2025-03-06, before the post starts on 2026-03-01\n"
                + "   = note: the post's start date at seeds/sant-feliu-de-llobregat/staffing.yaml:6:17\n"
                + "   = help: complete the module on or after the start date, or correct the start date (often the year)\n",
        ], ["training-before-start"]) { t in
            try t.replace(Self.staffing, "    role: office-coordinator\n    fte: 1\n", "    role: office-coordinator\n    fte: 1\n    start_date: 2026-03-01\n")
            try t.replace(Self.staffing, "        completed: 2026-03-06\n  - id: adv-1", "        completed: 2025-03-06\n  - id: adv-1")
        }
    }

    /// Item 42: `staffing-below-minimum` at the key of the staff list that lacks a post, not
    /// across the whole list; at a post's `fte: 0`, which the schema refuses, so that the
    /// schema's error is the one error of the fresh user's edit.
    func testStaffingBelowMinimumStandsOnAToken() throws {
        try assertRendered([
            "seeds/molins-de-rei/staffing.yaml:2:1: error[staffing-below-minimum]: an office at status 'pilot' needs at least 1 post of Assessor d'empresa ('business-advisor'); the staffing plan of molins-de-rei has 0\n"
                + "  = note: the model's minimum at model/model.yaml:25:36\n"
                + "  = help: add a post with 'role: business-advisor' to the staffing plan\n",
            "seeds/sant-feliu-de-llobregat/staffing.yaml:12:10: error[schema-exclusive-minimum]: expected a value greater than 0; found 0\n"
                + "   = note: schema rule at model/schema/staffing-plan.schema.yaml:39:11\n",
        ], ["staffing-below-minimum", "schema-exclusive-minimum"]) { t in
            try t.replace(Self.staffing, "    role: business-advisor\n    fte: 1\n", "    role: business-advisor\n    fte: 0\n")
            try t.replace("seeds/molins-de-rei/office.yaml", "status: planned", "status: pilot")
        }
    }

    /// Item 45: two groups of opening hours that overlap on a day both name.
    func testOverlappingOpeningHours() throws {
        try assertRendered([
            "seeds/sant-feliu-de-llobregat/office.yaml:12:12: error[office-hours-overlap]: on th the hours 12:00–18:30 overlap the hours 09:00–14:00 given before\n"
                + "   = note: the other hours of th at seeds/sant-feliu-de-llobregat/office.yaml:8:5\n"
                + "   = help: give each day's hours once: correct a time so that the groups do not overlap on th (09:00–14:00 and 14:00–18:30), or take th out of one group\n",
        ], ["office-hours-overlap", "office-hours-inverted"]) { t in
            try t.removeOfficeDetails()
            try t.replace(Self.office, "status: pilot\n", """
                status: pilot
                opening_hours:
                  - days: [mo, tu, we, th, fr]
                    opens: "09:00"
                    closes: "14:00"
                  - days: [th]
                    opens: "12:00"
                    closes: "18:30"
                  - days: [tu]
                    opens: "14:00"
                    closes: "16:00"

                """)
        }
    }

    /// Item 51: a closed issue without its date, an open one with one.
    func testAFollowUpIssuesStatusAndClosedDateAgree() throws {
        try assertRendered([
            "seeds/sant-feliu-de-llobregat/follow-up.yaml:8:13: error[follow-up-issue-status]: issue 'signage' is closed, but has no 'closed' date\n"
                + "  = help: add 'closed:' with the day it was solved (the follow-up page shows it)\n",
            "seeds/sant-feliu-de-llobregat/follow-up.yaml:14:13: error[follow-up-issue-status]: issue 'premises' is open, but has a 'closed' date, 2026-09-01\n"
                + "   = note: the issue's status at seeds/sant-feliu-de-llobregat/follow-up.yaml:15:13\n"
                + "   = help: set 'status: closed' if it was solved that day; otherwise remove the 'closed' date\n",
        ], ["follow-up-issue-status", "follow-up-issue-overdue"]) { t in
            try t.write("seeds/sant-feliu-de-llobregat/follow-up.yaml", """
                municipality: sant-feliu-de-llobregat
                issues:
                  - id: signage
                    title: Senyalització
                    owner: Coordinació
                    opened: 2026-06-15
                    due: 2026-07-31
                    status: closed
                  - id: premises
                    title: Local
                    owner: Coordinació
                    opened: 2026-06-15
                    due: 2026-10-31
                    closed: 2026-09-01
                    status: open

                """)
        }
    }

    /// A visit, an action or an issue dated before the programme started (2025-10-01 in
    /// the fixture) is a warning at the date; a done action says when it ended (session
    /// 26's trial: a visit dated 2016 and a done action without its end went through).
    func testTheFollowUpIsDatedFromTheProgrammesStartAndADoneActionEnded() throws {
        let rules: Set<String> = ["follow-up-before-programme", "follow-up-action-status"]
        // The gutter is as wide as the line number.
        func related(_ gutter: String) -> String {
            "\(gutter) = note: the programme's start at seeds/programme.md:6:13\n"
                + "\(gutter) = help: correct the date (often the year): the agency follows its offices from the programme's start\n"
        }
        try assertRendered([
            "seeds/sant-feliu-de-llobregat/follow-up.yaml:4:11: warning[follow-up-before-programme]: visit 'opening-visit' is dated 2016-04-13, before the programme started on 2025-10-01\n" + related(" "),
            "seeds/sant-feliu-de-llobregat/follow-up.yaml:11:12: warning[follow-up-before-programme]: action 'coaching' is dated 2025-09-30, before the programme started on 2025-10-01\n" + related("  "),
            "seeds/sant-feliu-de-llobregat/follow-up.yaml:12:13: error[follow-up-action-status]: action 'coaching' is done, but has no 'end' date\n"
                + "   = help: add 'end:' with the day it ended (the follow-up page shows it), or set the status it has\n",
        ], rules) { t in
            try t.write("seeds/sant-feliu-de-llobregat/follow-up.yaml", """
                municipality: sant-feliu-de-llobregat
                visits:
                  - id: opening-visit
                    date: 2016-04-13
                    owner: Equip de xarxa
                    summary: Visita d'obertura.
                actions:
                  - id: coaching
                    title: Acompanyament
                    owner: Equip de xarxa
                    start: 2025-09-30
                    status: done
                  - id: second
                    title: Segona sessió
                    owner: Equip de xarxa
                    start: 2025-10-01
                    end: 2025-10-02
                    status: done

                """)
        }
    }

    /// Item 52: population bands listed out of order, or one repeated.
    func testPopulationBandsAreListedFromTheSmallestUp() throws {
        try assertRendered([
            "model/indicators/people-attended.yaml:12:15: error[target-bands-order]: indicator 'people-attended' lists the band up to 10000 inhabitants after the band up to 30000: the first band that fits applies\n"
                + "   = note: the band up to 30000 at model/indicators/people-attended.yaml:11:15\n"
                + "   = help: list the bands from the smallest population up, each up_to larger than the one before\n",
            "model/indicators/people-attended.yaml:13:15: error[target-bands-order]: indicator 'people-attended' has a second band up to 30000 inhabitants, which never applies\n"
                + "   = note: the band up to 30000 at model/indicators/people-attended.yaml:11:15\n"
                + "   = help: remove one of the two bands, or correct its up_to\n",
        ], ["target-bands-order"]) { t in
            try t.replace("model/indicators/people-attended.yaml", "target: {value: 100, direction: at-least}", """
                target:
                  value: 100
                  direction: at-least
                  by_population:
                    - {up_to: 30000, value: 40}
                    - {up_to: 10000, value: 50}
                    - {up_to: 30000, value: 45}
                """)
        }
    }
}
