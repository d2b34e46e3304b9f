import Diagnostics
import Foundation
import Model
import OAECommands
import XCTest

/// The faults s13's regression hunt found in the check's rules (`/work/notes/s13-regressions.md`
/// nos. 1, 4–7, 10, 13, 14 and the LOW ones of the rules), each for its whole kind, each
/// asserting the exact diagnostic: rule, severity, position, message, notes and help.
extension FreshUserRuleTests {
    /// No. 1: with any default language, a Markdown document whose body the outputs show
    /// in another language's place (`Network.body(of:in:)`) is `translation-missing`: with
    /// `default_language: es` and only `<id>.es.md` beside it, it has no Catalan body.
    func testABodyTheOutputsMarkAsUntranslatedIsMissingForAnyDefaultLanguage() throws {
        let actual = try rendered(["translation-missing"]) { t in
            try t.replace("model/model.yaml", "default_language: ca", "default_language: es")
        }
        XCTAssertEqual(actual.filter { $0.hasPrefix(Self.companyCreation) }, [
            "model/services/company-creation.md:1:1: warning[translation-missing]: the text of this service has no Catalan (ca) translation\n"
                + "  = help: add company-creation.ca.md beside it\n",
        ])
    }

    /// No. 4: a post whose `fte` the schema refused is still a post of the staffing plan:
    /// the budget that costs it says nothing.
    func testAPostWhoseFTEIsRefusedIsStillInThePlan() throws {
        try assertRendered([
            "seeds/sant-feliu-de-llobregat/staffing.yaml:5:10: error[schema-type]: expected a number; found \"1\"\n"
                + "  = note: schema rule at model/schema/staffing-plan.schema.yaml:38:11\n"
                + "  = help: remove the quotes to make it a number\n",
        ], ["budget-post-unknown", "schema-type"]) { t in
            try t.replace(Self.staffing, "    role: office-coordinator\n    fte: 1\n", "    role: office-coordinator\n    fte: \"1\"\n")
        }
    }

    /// No. 5: a post whose role is misspelt (refused by the schema's pattern, or naming no
    /// role) may be the post a count or a step needs: its error at the role is the one.
    func testAPostWithAMisspeltRoleIsTheRolesErrorAlone() throws {
        let rules: Set<String> = ["staffing-below-minimum", "procedure-role-unstaffed", "schema-pattern", "ref-unknown"]
        try assertRendered([
            "seeds/sant-feliu-de-llobregat/staffing.yaml:4:11: error[schema-pattern]: \"Office-Coordinator\" does not have the form \"Slug id\"\n"
                + "  = note: schema rule at model/schema/common.schema.yaml:12:5\n"
                + "  = note: the form as a regular expression: ^[a-z0-9]+(-[a-z0-9]+)*$\n"
                + "  = help: A stable identifier in lower case, digits and single hyphens (for example company-creation).\n",
        ], rules) { t in
            try t.replace(Self.staffing, "    role: office-coordinator\n", "    role: Office-Coordinator\n")
        }
        try assertRendered([
            "seeds/sant-feliu-de-llobregat/staffing.yaml:4:11: error[ref-unknown]: unknown role 'office-coordinater'\n"
                + "  = help: did you mean 'office-coordinator'?\n",
        ], rules) { t in
            try t.replace(Self.staffing, "    role: office-coordinator\n", "    role: office-coordinater\n")
        }
    }

    /// No. 6: hours with a time the schema refused overlap nothing.
    func testHoursWithARefusedTimeOverlapNothing() throws {
        try assertRendered([
            "seeds/sant-feliu-de-llobregat/office.yaml:10:13: error[schema-pattern]: \"25:00\" does not have the form \"Time of day\"\n"
                + "   = note: schema rule at model/schema/common.schema.yaml:136:5\n"
                + "   = note: the form as a regular expression: ^([01][0-9]|2[0-3]):[0-5][0-9]$\n"
                + "   = help: A local time of day as HH:MM on a 24-hour clock (00:00 to 23:59).\n",
        ], ["office-hours-overlap", "office-hours-inverted", "schema-pattern"]) { t in
            try t.removeOfficeDetails()
            try t.replace(Self.office, "status: pilot\n", """
                status: pilot
                opening_hours:
                  - days: [mo, tu, we, th, fr]
                    opens: "09:00"
                    closes: "25:00"
                  - days: [th]
                    opens: "16:00"
                    closes: "18:30"

                """)
        }
    }

    /// No. 21: the help of `office-hours-overlap` is made of the hours at fault.
    func testTheHelpOfOverlappingHoursIsMadeOfTheirHours() throws {
        try assertRendered([
            "seeds/sant-feliu-de-llobregat/office.yaml:12:12: error[office-hours-overlap]: on th the hours 14:00–19:00 overlap the hours 08:00–15:00 given before\n"
                + "   = note: the other hours of th at seeds/sant-feliu-de-llobregat/office.yaml:8:5\n"
                + "   = help: give each day's hours once: correct a time so that the groups do not overlap on th (08:00–15:00 and 15:00–19:00), or take th out of one group\n",
            "seeds/sant-feliu-de-llobregat/office.yaml:15:12: error[office-hours-overlap]: on fr the hours 10:00–12:00 overlap the hours 08:00–15:00 given before\n"
                + "   = note: the other hours of fr at seeds/sant-feliu-de-llobregat/office.yaml:8:5\n"
                + "   = help: give each day's hours once: 08:00–15:00 already covers 10:00–12:00 on fr, so take fr out of the later group\n",
        ], ["office-hours-overlap"]) { t in
            try t.removeOfficeDetails()
            try t.replace(Self.office, "status: pilot\n", """
                status: pilot
                opening_hours:
                  - days: [mo, tu, we, th, fr]
                    opens: "08:00"
                    closes: "15:00"
                  - days: [th]
                    opens: "14:00"
                    closes: "19:00"
                  - days: [fr]
                    opens: "10:00"
                    closes: "12:00"

                """)
        }
    }

    /// No. 7: bands written in a municipality's override are checked in its view, at the
    /// override's band.
    func testTargetBandsOfAnOverrideAreInOrder() throws {
        try assertRendered([
            "seeds/sant-feliu-de-llobregat/adaptation.yaml:20:20: error[target-bands-order]: indicator 'people-attended' lists the band up to 10000 inhabitants after the band up to 50000: the first band that fits applies\n"
                + "   = note: the band up to 50000 at seeds/sant-feliu-de-llobregat/adaptation.yaml:18:20\n"
                + "   = note: in the view of sant-feliu-de-llobregat after its overrides\n"
                + "   = help: list the bands from the smallest population up, each up_to larger than the one before\n",
        ], ["target-bands-order"]) { t in
            try t.replace(Self.adaptation, "procedure_owners:\n", """
                  indicators:
                    people-attended:
                      target:
                        by_population:
                          - up_to: 50000
                            value: 30
                          - up_to: 10000
                            value: 50
                procedure_owners:

                """)
        }
    }

    /// No. 10: an override of a model procedure the office replaces with its variant is one
    /// error at its key (not compared with the variant as "the model's value"); an item
    /// named by its id alone changes nothing.
    func testAnOverrideOfAReplacedProcedureBelongsInTheVariant() throws {
        try assertRendered([
            "seeds/sant-feliu-de-llobregat/adaptation.yaml:11:15: warning[override-redundant]: commitments[first-appointment] of service 'company-creation' is named with no field to change\n"
                + "   = note: the model's item at model/services/company-creation.md:18:5\n"
                + "   = help: remove the item, or add the field it changes under it\n",
            "seeds/sant-feliu-de-llobregat/adaptation.yaml:14:5: error[override-replaced-procedure]: override of procedure 'welcome-and-triage': sant-feliu-de-llobregat replaces it with its variant 'welcome-and-triage-sant-feliu', so the change belongs there\n"
                + "   = note: the variant at seeds/sant-feliu-de-llobregat/procedures/welcome-and-triage-sant-feliu.md:4:13\n"
                + "   = help: make the change in seeds/sant-feliu-de-llobregat/procedures/welcome-and-triage-sant-feliu.md and remove this override\n",
        ], ["override-replaced-procedure", "override-redundant", "override-loosens-bound"]) { t in
            try t.replace(Self.adaptation, "procedure_owners:\n", """
                  procedures:
                    welcome-and-triage:
                      steps:
                        - id: s1
                          time_limit: PT15M
                procedure_owners:

                """)
            try t.replace(Self.adaptation, "        - id: first-appointment\n          target: 3\n", "        - id: first-appointment\n")
        }
    }

    /// No. 14: every date of something done is not after the day of the check: a training
    /// completed, a checklist item done, a visit, an agency's target decided.
    func testEveryDoneDateIsNotAfterTheCheckDay() throws {
        let tree = try FixtureTree()
        defer { tree.remove() }
        try tree.replace(Self.staffing, "        completed: 2026-03-06\n  - id: adv-1", "        completed: 2026-11-26\n  - id: adv-1")
        try tree.replace("seeds/sant-feliu-de-llobregat/checklist.yaml", "    date: 2026-03-20\n", "    date: 2026-12-20\n")
        let diagnostics = CheckRun.diagnose(root: tree.root, asOf: FixtureTree.asOf).1
            .filter { $0.rule == "date-after-check-day" }.map { "\($0.span): \($0.message)" }
        XCTAssertEqual(diagnostics, [
            "seeds/sant-feliu-de-llobregat/checklist.yaml:5:11: checklist item 'premises-ready' was done on 2026-12-20, after 2026-11-25, the day of the check",
            "seeds/sant-feliu-de-llobregat/staffing.yaml:9:20: module 'oae-model-induction' of post 'coord-1' was completed on 2026-11-26, after 2026-11-25, the day of the check",
        ])
    }

    /// No. 18: a translation's field that the kind does not have is said to be one, with the
    /// close field names (not "a field of" the original, which has none).
    func testATranslationsFieldTheKindDoesNotHaveSaysSo() throws {
        try assertRendered([
            "model/services/company-creation.es.md:3:1: error[translation-field]: 'nme' is not read from a translation file, and a service has no field 'nme'\n"
                + "  = help: did you mean 'name'? the Spanish (es) name is written in company-creation.md, as 'name: {ca: …, es: …}'; remove this line\n",
            "model/services/company-creation.es.md:4:1: error[translation-field]: 'title' is not read from a translation file, and a service has no field 'title'\n"
                + "  = help: remove it here: a translation's front matter holds only 'id'\n",
        ], ["translation-field"]) { t in
            try t.replace(Self.companyCreationES, "id: company-creation\n", "id: company-creation\nnme: x\ntitle: y\n")
        }
    }

    /// No. 19: a glossary term among its own `see_also` is `ref-self`, as a service among its
    /// own related services.
    func testATermThatSeesItselfIsRefSelf() throws {
        try assertRendered([
            "model/glossary.yaml:5:21: warning[ref-self]: glossary-term 'oae' names itself in 'terms[0].see_also'\n"
                + "  = help: remove it: 'terms[0].see_also' lists other glossary-terms\n",
        ], ["ref-self", "ref-unknown"]) { t in
            try t.replace("model/glossary.yaml", "  - id: oae\n    term: {ca: OAE, es: OAE}\n",
                          "  - id: oae\n    term: {ca: OAE, es: OAE}\n    see_also: [pae, oae]\n")
        }
    }

    /// The same term twice in its own `see_also`: `ref-self` at the first, the schema's
    /// `schema-unique-items` alone at the repeated one (one token, one diagnostic; the
    /// regression hunt of session 14, no. 6).
    func testARepeatedSelfReferenceIsTheSchemasAlone() throws {
        try assertRendered([
            "model/glossary.yaml:5:21: warning[ref-self]: glossary-term 'oae' names itself in 'terms[0].see_also'\n"
                + "  = help: remove it: 'terms[0].see_also' lists other glossary-terms\n",
            "model/glossary.yaml:5:26: error[schema-unique-items]: duplicate item \"oae\"; the items of this list must be distinct\n"
                + "  = note: first given at model/glossary.yaml:5:21\n"
                + "  = note: schema rule at model/schema/glossary.schema.yaml:48:11\n",
        ], ["ref-self", "schema-unique-items"]) { t in
            try t.replace("model/glossary.yaml", "  - id: oae\n    term: {ca: OAE, es: OAE}\n",
                          "  - id: oae\n    term: {ca: OAE, es: OAE}\n    see_also: [pae, oae, oae]\n")
        }
    }

    /// No. 20: an isolate (U+2066), in no font either, is one diagnostic at its place:
    /// `text-invisible-character`, not also `text-no-font` (and no note that a PDF holding
    /// it cannot be built: Typst builds it, session 34).
    func testAnIsolateIsOneDiagnostic() throws {
        try assertRendered([
            "seeds/sant-feliu-de-llobregat/office.yaml:5:12: warning[text-invisible-character]: the text holds an invisible bidirectional control, '\\u{2066}' (U+2066), which the outputs apply unseen\n"
                + "  = help: delete it (an editor that shows invisible characters helps): texts in Catalan, Spanish and English do not need it\n",
        ], ["text-invisible-character", "text-no-font"]) { t in
            try t.replace(Self.office, "name: {ca: OAE de Sant", "name: {ca: \u{2066}OAE de Sant")
        }
    }

    /// No. 21: an override of the model's duration written in other units of the same kind
    /// is the model's value (`PT60M` over `PT1H`; `P1D` over `PT24H` would not be); a
    /// redundant list is reported at its key, its value written out.
    func testRedundantDurationsAndListsAreSaidAsSuch() throws {
        try assertRendered([
            "seeds/sant-feliu-de-llobregat/adaptation.yaml:13:7: warning[override-redundant]: channels of service 'company-creation' is overridden with the model's own value, [in-person, email]\n"
                + "   = note: the model's value at model/services/company-creation.md:8:11\n"
                + "   = help: remove the override: the model's value applies without it (the outputs do not list it as a local change)\n",
            "seeds/sant-feliu-de-llobregat/adaptation.yaml:16:17: warning[override-redundant]: duration of service 'company-creation' is overridden with the model's own value, PT60M (the model writes it PT1H)\n"
                + "   = note: the model's value at model/services/company-creation.md:9:11\n"
                + "   = help: remove the override: the model's value applies without it (the outputs do not list it as a local change)\n",
        ], ["override-redundant"]) { t in
            try t.replace(Self.adaptation, "      channels: [in-person, phone]\n", "      channels:\n        - in-person\n        - email\n      duration: PT60M\n")
        }
    }
}
