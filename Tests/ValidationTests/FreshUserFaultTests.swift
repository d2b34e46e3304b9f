import Diagnostics
import Foundation
import Model
import OAECommands
import XCTest

/// Faults s11's fresh user found in what `oae check` let through, each fixed for its kind:
/// interface strings whose placeholders or plural forms are wrong (fault 9), a
/// municipality folder whose name is not a slug (fault 22), and a serving office's file
/// deleted (fault 20).
final class FreshUserFaultTests: XCTestCase {
    /// The diagnostics of `rules` on the changed fixture, each as `oae check` prints it,
    /// without the quoted line.
    func rendered(_ rules: Set<String>, _ change: (FixtureTree) throws -> Void) throws -> [String] {
        let tree = try FixtureTree()
        defer { tree.remove() }
        try change(tree)
        let renderer = TextRenderer(color: false, source: { _ in nil })
        return CheckRun.diagnose(root: tree.root, asOf: FixtureTree.asOf).1
            .filter { rules.contains($0.rule) }.sortedForReport().map { renderer.render($0) }
    }

    func assertRendered(_ expected: [String], _ rules: Set<String>, file: StaticString = #filePath, line: UInt = #line,
                        _ change: (FixtureTree) throws -> Void) throws {
        let actual = try rendered(rules, change)
        if actual != expected {
            XCTFail("diagnostics differ:\n  expected:\n" + expected.joined() + "\n  actual:\n" + actual.joined(), file: file, line: line)
        }
    }

    static let stringRules: Set<String> = ["ui-string-placeholder", "ui-string-plural", "ui-string-missing"]

    /// A language written as a locale (`en-GB:`) is asked for its code, and the note on a
    /// text that fits neither form names the forms, as the schema titles them (session
    /// 35's trial: no did-you-mean, and "fits none of the 2 allowed forms ... (the 2nd)").
    func testALanguageWrittenAsALocaleIsAskedForItsCode() throws {
        try assertRendered([
            "seeds/sant-feliu-de-llobregat/adaptation.yaml:12:9: error[schema-property-names]: field name \"en-GB\": \"en-GB\" is not a language tag, written in lower case\n"
                + "   = note: schema rule at model/schema/common.schema.yaml:52:5\n"
                + "   = note: the value may be written as a text in the default language or a mapping of language codes to texts, "
                + "and fits neither: these problems are those of the closest, a mapping of language codes to texts\n"
                + "   = note: in the view of sant-feliu-de-llobregat after its overrides\n"
                + "   = help: did you mean 'en'? A text's languages are written as model/model.yaml lists them\n",
        ], ["schema-property-names"]) { tree in
            try tree.replace("seeds/sant-feliu-de-llobregat/adaptation.yaml", "    company-creation:\n",
                             "    company-creation:\n      summary:\n        ca: Creació d'empreses.\n        en-GB: Company set-up.\n")
        }
    }

    /// An integer written with a dot between thousands (`population: 26.500`, which YAML
    /// reads as 26.5) gets the number to write (session 35's review).
    func testAnIntegerWrittenWithADotBetweenThousandsGetsTheNumber() throws {
        try assertRendered([
            "seeds/sant-feliu-de-llobregat/office.yaml:8:13: error[schema-type]: expected an integer; found number 26.5, written 26.500\n"
                + "  = note: schema rule at model/schema/office.schema.yaml:118:5\n"
                + "  = help: if the dot separates thousands, write 26500: YAML reads the dot as a decimal point\n",
        ], ["schema-type"]) { tree in
            try tree.replace("seeds/sant-feliu-de-llobregat/office.yaml", "opening_date: 2026-04-13\n", "opening_date: 2026-04-13\npopulation: 26.500\n")
        }
    }

    /// A whole number written with a dot between thousands in an integer field
    /// (`population: 58.000`, which YAML reads as 58: the office's population band was the
    /// smallest, and nothing said so) is the schema's error; a count's target so written is
    /// `target-value-whole`, in the model, an override and the agency's targets. A number
    /// field's `6.000` hours, a latitude of `41.000` and a percent target of `95.000` are
    /// their whole values (session 36's review); an amount's `12.000` is `multipleOf`'s.
    func testAWholeNumberWrittenWithADotBetweenThousandsIsAnError() throws {
        let help = "YAML reads the dot as a decimal point, not as a thousands separator: write "
        try assertRendered([
            "model/indicators/people-attended.yaml:7:17: error[target-value-whole]: indicator 'people-attended' counts whole numbers (unit count); 1.000 is read as 1: in YAML the dot is the decimal point\n"
                + "  = note: the indicator's unit at model/indicators/people-attended.yaml:4:7\n"
                + "  = help: \(help)1000 (or 1, if that was meant)\n",
            "seeds/sant-feliu-de-llobregat/adaptation.yaml:9:12: error[target-value-whole]: indicator 'people-attended' counts whole numbers (unit count); 2.000 is read as 2: in YAML the dot is the decimal point\n"
                + "  = note: the indicator's unit at model/indicators/people-attended.yaml:4:7\n"
                + "  = help: \(help)2000 (or 2, if that was meant)\n",
            "seeds/sant-feliu-de-llobregat/adaptation.yaml:16:16: error[target-value-whole]: indicator 'people-attended' counts whole numbers (unit count); 1.500 is read as 1.5: in YAML the dot is the decimal point\n"
                + "   = note: the indicator's unit at model/indicators/people-attended.yaml:4:7\n"
                + "   = help: if the dot separates thousands, write 1500: YAML reads the dot as a decimal point\n",
            "seeds/sant-feliu-de-llobregat/budgets/2026.yaml:16:13: error[schema-multiple-of]: 12.000 is read as 12: written with 3 decimals, where this value takes at most 2 decimals\n"
                + "   = note: schema rule at model/schema/common.schema.yaml:156:5\n"
                + "   = help: \(help)12000 (or 12, if that was meant)\n",
            "seeds/sant-feliu-de-llobregat/office.yaml:8:13: error[schema-type]: 58.000 is read as 58, not 58000\n"
                + "  = note: schema rule at model/schema/office.schema.yaml:118:5\n"
                + "  = help: \(help)58000 (or 58, if that was meant)\n",
        ], ["schema-type", "schema-multiple-of", "schema-maximum", "target-value-whole"]) { tree in
            try tree.replace("seeds/sant-feliu-de-llobregat/office.yaml", "opening_date: 2026-04-13\n",
                             "opening_date: 2026-04-13\npopulation: 58.000\ncoordinates: {lat: 41.000, lon: 2.000}\n")
            try tree.replace("model/indicators/people-attended.yaml", "value: 100,", "value: 1.000,")
            try tree.replace("seeds/sant-feliu-de-llobregat/budgets/2026.yaml", "amount: 60000", "amount: 12.000")
            try tree.replace("seeds/sant-feliu-de-llobregat/adaptation.yaml", "overrides:\n", """
                agency_targets:
                  - indicator: people-attended
                    value: 2.000
                    date: 2026-10-27
                    reason: {ca: Obres al local., es: Obras en el local.}
                overrides:
                  indicators:
                    people-attended:
                      target:
                        value: 1.500

                """)
        }
    }

    /// A number with three digits after its dot that are not all zeros (`1.234`) is written
    /// as YAML reads it, so no written form keeps it; a count, a count's target and an
    /// integer field so written are still told of thousands (session 37's trial: `1.234`
    /// people got "write the quarter's total as a whole number", `1.000` the thousands).
    func testACountWrittenWithThousandsOtherThanZerosIsToldOfThem() throws {
        let help = "if the dot separates thousands, write 1234: YAML reads the dot as a decimal point"
        try assertRendered([
            "seeds/sant-feliu-de-llobregat/adaptation.yaml:11:16: error[target-value-whole]: indicator 'people-attended' counts whole numbers (unit count); 1.234 is not a whole number: in YAML the dot is the decimal point\n"
                + "   = note: the indicator's unit at model/indicators/people-attended.yaml:4:7\n"
                + "   = help: \(help)\n",
            "seeds/sant-feliu-de-llobregat/office.yaml:8:13: error[schema-type]: expected an integer; found number 1.234\n"
                + "  = note: schema rule at model/schema/office.schema.yaml:118:5\n"
                + "  = help: \(help)\n",
            "seeds/sant-feliu-de-llobregat/reports/2026-q3.yaml:8:12: error[report-value-whole]: indicator 'people-attended' counts whole numbers (unit count); 1.234 is not a whole number: in YAML the dot is the decimal point\n"
                + "  = note: the indicator's unit at model/indicators/people-attended.yaml:4:7\n"
                + "  = help: \(help)\n",
        ], ["schema-type", "target-value-whole", "report-value-whole"]) { tree in
            try tree.replace("seeds/sant-feliu-de-llobregat/office.yaml", "opening_date: 2026-04-13\n",
                             "opening_date: 2026-04-13\npopulation: 1.234\n")
            try tree.replace("seeds/sant-feliu-de-llobregat/reports/2026-q3.yaml", "value: 125", "value: 1.234")
            try tree.replace("seeds/sant-feliu-de-llobregat/adaptation.yaml", "overrides:\n", """
                overrides:
                  indicators:
                    people-attended:
                      target:
                        value: 1.234

                """)
        }
    }

    /// An empty field of a closed list is told the values it takes (session 37's trial:
    /// `type:` of an agreement was told only to write something after the colon).
    func testAnEmptyFieldOfAClosedListIsToldItsValues() throws {
        try assertRendered([
            "seeds/agreements/knowledge-transfer.yaml:3:6: error[schema-type]: expected a string; found null\n"
                + "  = note: schema rule at model/schema/agreement.schema.yaml:34:5\n"
                + "  = help: the value is empty; write one of knowledge-transfer, adhesion, pae-registration, referral-protocol after the colon\n",
        ], ["schema-type", "schema-enum"]) { tree in
            try tree.replace("seeds/agreements/knowledge-transfer.yaml", "type: knowledge-transfer\n", "type:\n")
        }
    }

    /// An empty text of one language (`es: ""`) is told to be written or left out (session
    /// 37's trial got only the note on the two forms of a text).
    func testAnEmptyTranslationIsToldWhatToDo() throws {
        try assertRendered([
            "seeds/sant-feliu-de-llobregat/office.yaml:5:48: error[schema-min-length]: expected at least 1 character; found 0\n"
                + "  = note: schema rule at model/schema/common.schema.yaml:72:11\n"
                + "  = note: the value may be written as a text in the default language or a mapping of language codes to texts, and fits neither: these problems are those of the closest, a mapping of language codes to texts\n"
                + "  = help: write the text in 'es' between the quotes; while it is not translated, remove the line and keep the other languages' (the text then shows in one of them)\n",
        ], ["schema-min-length"]) { tree in
            try tree.replace("seeds/sant-feliu-de-llobregat/office.yaml",
                             "name: {ca: OAE de Sant Feliu de Llobregat, es: OAE de Sant Feliu de Llobregat}",
                             "name: {ca: OAE de Sant Feliu de Llobregat, es: \"\"}")
        }
    }

    /// A field that only a `then` asks for is helped with its form and meaning, looked up
    /// in the object schema whose `if`/`then` it is; a field `dependentRequired` asks for
    /// too, by its own description's first clause (session 35's leftovers: "add 'date:'"
    /// alone, and no help at all).
    func testAFieldAConditionAsksForIsHelpedWithItsForm() throws {
        try assertRendered([
            "seeds/agreements/knowledge-transfer.yaml:14:1: error[schema-dependent-required]: missing field \"extended_on\", required when \"first_valid_until\" is given\n"
                + "   = note: schema rule at model/schema/agreement.schema.yaml:17:1\n"
                + "   = help: add 'extended_on:' with a date (YYYY-MM-DD): date on which the parties agreed to extend the agreement, before its term ended\n",
            "seeds/sant-feliu-de-llobregat/checklist.yaml:3:5: error[schema-required]: missing required field \"date\"\n"
                + "  = note: schema rule at model/schema/opening-checklist.schema.yaml:54:13\n"
                + "  = help: add 'date:' with a date (YYYY-MM-DD): date on which the item was done (required when done is true)\n",
        ], ["schema-required", "schema-dependent-required"]) { tree in
            try tree.replace("seeds/sant-feliu-de-llobregat/checklist.yaml", "    done: true\n    date: 2026-03-20\n", "    done: true\n")
            try tree.replace("seeds/agreements/knowledge-transfer.yaml", "valid_until:", "first_valid_until: 2027-01-01\nvalid_until:")
        }
    }

    /// A number written with a leading zero where the schema wants a string (a Catalan
    /// postal code, 08980, which YAML reads as 8980) is told to be quoted as it was
    /// written, in an office and in an override the resolution merges into the model's
    /// service (session 25's trial: the help quoted "8980", which the pattern refuses,
    /// so it gave the schema's description instead).
    func testANumberWithALeadingZeroIsQuotedAsWritten() throws {
        try assertRendered([
            "seeds/sant-feliu-de-llobregat/adaptation.yaml:10:16: error[schema-type]: expected a string or a mapping; found integer 800, written 0800\n"
                + "   = note: schema rule at model/schema/common.schema.yaml:60:5\n"
                + "   = note: in the view of sant-feliu-de-llobregat after its overrides\n"
                + "   = help: put the value in quotes (\"0800\") to make it a string: YAML reads 0800 as the number 800\n",
            "seeds/sant-feliu-de-llobregat/office.yaml:11:16: error[schema-type]: expected a string; found integer 8980, written 08980\n"
                + "   = note: schema rule at model/schema/office.schema.yaml:54:9\n"
                + "   = help: put the value in quotes (\"08980\") to make it a string: YAML reads 08980 as the number 8980\n",
        ], ["schema-type"]) { tree in
            try tree.replace("seeds/sant-feliu-de-llobregat/office.yaml", "postal_code: \"08980\"", "postal_code: 08980")
            try tree.replace("seeds/sant-feliu-de-llobregat/adaptation.yaml", "    company-creation:\n", "    company-creation:\n      summary: 0800\n")
        }
    }

    /// The example's strings are clean.
    func testTheStringsOfTheExampleAreClean() throws {
        XCTAssertEqual(try rendered(Self.stringRules) { _ in }, [])
    }

    /// A translation's placeholder that the default language's text does not have (the
    /// typo that blanked every amount of the English site), one it lacks, and one of a key
    /// whose code gives several names (`format.short_date`): an error at the text.
    func testAPlaceholderOfATranslationIsTheDefaultLanguages() throws {
        try assertRendered([
            "templates/strings/en.yaml:10:17: error[ui-string-placeholder]: 'format.euros' has {num} in 'en' where the default language ('ca') has {n}\n"
                + "   = note: the default language's text at templates/strings/ca.yaml:10:15\n"
                + "   = help: write {n} in place of {num}, as templates/strings/ca.yaml does: oae fills in only the placeholders a key is given and shows any other as it is written\n",
            "templates/strings/en.yaml:14:21: error[ui-string-placeholder]: 'format.short_date' has {dy} in 'en', which the key is not given\n"
                + "   = help: the key is given {d}, {dd}, {mm}, {mon}, {y} (did you mean 'd', 'dd' or 'y'?); any other placeholder is shown as it is written\n",
            "templates/strings/es.yaml:21:3: error[ui-string-placeholder]: 'duration.year' lacks {n} in 'es', which the default language's text has\n"
                + "   = note: the default language's text at templates/strings/ca.yaml:21:3\n"
                + "   = help: write {n} as templates/strings/ca.yaml does: oae fills in only the placeholders a key is given and shows any other as it is written\n",
        ], Self.stringRules) { tree in
            try tree.replace("templates/strings/en.yaml", "format.euros: \"€{n}\"", "format.euros: \"€{num}\"")
            try tree.replace("templates/strings/en.yaml", "format.short_date: \"{d} {mon} {y}\"", "format.short_date: \"{dy} {mon} {y}\"")
            try tree.replace("templates/strings/es.yaml", "  one: \"{n} año\"\n  other: \"{n} años\"", "  one: \"un año\"\n  other: \"años\"")
        }
    }

    /// The default language alone differs from every other language: the error is at its text.
    func testTheDefaultLanguageAloneWrongIsReportedAtIt() throws {
        try assertRendered([
            "templates/strings/ca.yaml:10:16: error[ui-string-placeholder]: 'format.euros' has {num} in 'ca', the default language, but {n} in every other language (en, es)\n"
                + "   = help: write {n} as the other languages do; oae fills in only the placeholders a key is given and shows any other as it is written\n",
        ], Self.stringRules) { tree in
            try tree.replace("templates/strings/ca.yaml", "format.euros: \"{n}\u{00A0}€\"", "format.euros: \"{num}\u{00A0}€\"")
        }
    }

    /// A misspelt plural category (one error, with the category meant), a category the
    /// language does not have, and a missing form: each an error, at the form or the key.
    func testPluralFormsAreTheLanguagesCLDRCategories() throws {
        try assertRendered([
            "templates/strings/en.yaml:21:3: error[ui-string-plural]: 'uno' is not a plural form: 'duration.year' never shows it\n"
                + "   = help: did you mean 'one'? the forms of 'en' are 'one', 'other' (CLDR), and '=N' for an exact number such as '=0'\n",
            "templates/strings/en.yaml:23:1: error[ui-string-plural]: 'duration.month' lacks the plural form 'other' that 'en' needs\n"
                + "   = help: add 'other:' under the key; without it the number is written with the wrong words or as the key\n",
            "templates/strings/es.yaml:25:3: error[ui-string-plural]: 'few' is not a plural form of 'es', so 'duration.month' never shows it\n"
                + "   = help: the forms of 'es' are 'one', 'other' (CLDR), and '=N' for an exact number such as '=0'\n",
        ], Self.stringRules) { tree in
            try tree.replace("templates/strings/en.yaml", "  one: \"{n} year\"", "  uno: \"{n} year\"")
            try tree.replace("templates/strings/en.yaml", "  other: \"{n} months\"\n", "")
            try tree.replace("templates/strings/es.yaml", "  one: \"{n} mes\"", "  one: \"{n} mes\"\n  few: \"{n} meses\"")
        }
    }

    /// The decimal separator written as the group separator: one error at it.
    func testTheDecimalSeparatorIsNotTheGroupSeparator() throws {
        try assertRendered([
            "templates/strings/en.yaml:6:17: error[ui-string-separator]: 'format.decimal' is ',' in 'en', the same as 'format.group'\n"
                + "  = note: the group separator at templates/strings/en.yaml:7:15\n"
                + "  = help: give numbers different decimal and group separators (Catalan and Spanish: ',' and '.'; English: '.' and ',')\n",
        ], ["ui-string-separator"]) { tree in
            try tree.replace("templates/strings/en.yaml", "format.decimal: \".\"", "format.decimal: \",\"")
        }
    }

    /// An empty decimal mark joined every amount's cents to its euros (743,27 € printed as
    /// 74327 €; session 43's trial): one error at it, as a blank or a digit is.
    func testTheDecimalSeparatorIsAMark() throws {
        try assertRendered([
            "templates/strings/es.yaml:6:17: error[ui-string-separator]: 'format.decimal' is empty in 'es': 743.27 would be printed as 74327\n"
                + "  = help: write the decimal mark the language uses (Catalan and Spanish: ','; English: '.')\n",
        ], ["ui-string-separator"]) { tree in
            try tree.replace("templates/strings/es.yaml", "format.decimal: \",\"", "format.decimal: \"\"")
        }
        try assertRendered([
            "templates/strings/es.yaml:6:17: error[ui-string-separator]: 'format.decimal' is a blank (U+0020) in 'es': 743.27 would be printed as 743 27\n"
                + "  = help: write the decimal mark the language uses (Catalan and Spanish: ','; English: '.')\n",
        ], ["ui-string-separator"]) { tree in
            try tree.replace("templates/strings/es.yaml", "format.decimal: \",\"", "format.decimal: \" \"")
        }
        // Unquoted, a number: the strings read no mark from it.
        try assertRendered([
            "templates/strings/es.yaml:6:17: error[ui-string-separator]: 'format.decimal' is 0, not a text in quotes, in 'es'\n"
                + "  = help: write the decimal mark the language uses (Catalan and Spanish: ','; English: '.')\n",
        ], ["ui-string-separator"]) { tree in
            try tree.replace("templates/strings/es.yaml", "format.decimal: \",\"", "format.decimal: 0")
        }
    }

    /// A new interface string with a placeholder, shown by a template: the braces were
    /// printed on every page (session 43's trial). One error at the tag, in the template.
    func testAUIStringWithAPlaceholderShownByATemplateIsAnError() throws {
        try assertRendered([
            "templates/site/layout.mustache:68:6: error[ui-string-placeholder]: 'ui.footer_supported_by' is shown as it is written, with {agency}: a template fills in no placeholder\n"
                + "   = help: if oae's code fills this key in, show the view model's field that holds it filled instead (the example's templates name it); else write the words themselves in the text of 'footer_supported_by' in templates/strings/, in every language\n",
        ], FreshUserFaultTests.stringRules) { tree in
            for (language, text) in [("ca", "Amb el suport de {agency}"), ("es", "Con el apoyo de {agency}"), ("en", "Supported by {agency}")] {
                try tree.replace("templates/strings/\(language).yaml", "\nfooter_source: ", "\nfooter_supported_by: \"\(text)\"\nfooter_source: ")
            }
            try tree.replace("templates/site/layout.mustache", "<p>{{ui.footer_source}}", "<p>{{ui.footer_supported_by}} {{ui.footer_source}}")
        }
    }

    /// The two slips of structure get a help (session 44's trial got none): a list of
    /// `- key: value` where a mapping goes, and an item's fields without their '- '.
    func testAListForAMappingAndAMappingForAListAreToldHowToWriteThem() throws {
        try assertRendered([
            "seeds/molins-de-rei/adaptation.yaml:4:3: error[schema-type]: expected a list; found a mapping\n"
                + "  = note: schema rule at model/schema/adaptation.schema.yaml:26:5\n"
                + "  = help: start the item with '- ' before its first field ('- service: …') and line up its other fields with that one\n",
            "seeds/molins-de-rei/adaptation.yaml:7:3: error[schema-type]: expected a mapping; found a list\n"
                + "  = note: schema rule at model/schema/adaptation.schema.yaml:79:5\n"
                + "  = help: remove the '- ' before each key: a mapping is written as 'key: value' lines ('welcome-and-triage: …'), not as a list of them\n",
        ], ["schema-type"]) { tree in
            try tree.write("seeds/molins-de-rei/adaptation.yaml", """
                municipality: molins-de-rei
                base_model_version: 1.0.0
                omitted:
                  service: grants-information
                  reason: {ca: No cal., es: No hace falta.}
                procedure_owners:
                  - welcome-and-triage: business-advisor

                """)
        }
    }

    /// A municipality folder renamed with an accent: one error at the folder, with the
    /// slug, and no warning per file.
    func testAMunicipalityFolderThatIsNotASlugIsOneErrorAtTheFolder() throws {
        try assertRendered([
            "seeds/molins-de-reí/: error[municipality-folder-name]: municipality folder 'molins-de-reí' is not a slug, so oae reads none of its 6 files: its office is left out of every output\n"
                + "  = help: did you mean 'molins-de-rei'? rename the folder seeds/molins-de-rei/, the folder name of Molins de Rei (INE code 08123), as 'oae new municipality' names it\n",
        ], ["municipality-folder-name", "tree-unexpected-file"]) { tree in
            try FileManager.default.moveItem(at: tree.root.appendingPathComponent("seeds/molins-de-rei"),
                                             to: tree.root.appendingPathComponent("seeds/molins-de-reí"))
        }
        // A copy of a folder, named with spaces and capitals.
        try assertRendered([
            "seeds/Sant Feliu de Llobregat/: error[municipality-folder-name]: municipality folder 'Sant Feliu de Llobregat' is not a slug, so oae reads none of its 2 files: its office is left out of every output\n"
                + "  = help: seeds/sant-feliu-de-llobregat/ exists: if this folder is a copy of it, remove this one; else name it in lower case with hyphens, after its municipality\n",
        ], ["municipality-folder-name", "tree-unexpected-file"]) { tree in
            let copy = tree.root.appendingPathComponent("seeds/Sant Feliu de Llobregat")
            try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
            for name in ["office.yaml", "adaptation.yaml"] {
                try FileManager.default.copyItem(at: tree.root.appendingPathComponent("seeds/sant-feliu-de-llobregat/\(name)"),
                                                 to: copy.appendingPathComponent(name))
            }
        }
    }

    /// A file a pilot office needs, deleted: one error at the folder, naming the file, and
    /// nothing from the rules that would have read it (staffing minimums, the budget's
    /// posts, the audiences of the communication plan, the procedures' owners).
    func testADeletedFileOfAServingOfficeIsNamedAtTheFolder() throws {
        let sf = "seeds/sant-feliu-de-llobregat"
        let everything: Set<String> = ["municipality-file-missing", "staffing-below-minimum", "budget-post-unknown",
                                       "communication-audience-uncovered", "procedure-owner-missing"]
        try assertRendered([
            "\(sf)/: error[municipality-file-missing]: municipality 'sant-feliu-de-llobregat' has no staffing.yaml, which an office at status 'pilot' needs\n"
                + "  = note: the office's status at \(sf)/office.yaml:6:9\n"
                + "  = help: restore it (git checkout -- \(sf)/staffing.yaml), or write the office's posts in it\n",
        ], everything) { try $0.delete("\(sf)/staffing.yaml") }
        try assertRendered([
            "\(sf)/: error[municipality-file-missing]: municipality 'sant-feliu-de-llobregat' has no communication-plan.yaml, which an office at status 'pilot' needs\n"
                + "  = note: required from status 'pilot' at model/model.yaml:30:5\n"
                + "  = help: restore it (git checkout -- \(sf)/communication-plan.yaml), or write the office's communication plan in it\n",
        ], everything) { try $0.delete("\(sf)/communication-plan.yaml") }
        try assertRendered([
            "\(sf)/: error[municipality-file-missing]: municipality 'sant-feliu-de-llobregat' has no adaptation.yaml\n"
                + "  = help: every municipality folder holds adaptation.yaml, even if it only names the model version\n",
        ], everything) { try $0.delete("\(sf)/adaptation.yaml") }
        // A planned office needs no staffing plan yet (the model's minimums are 0).
        try assertRendered([], everything) { try $0.delete("seeds/molins-de-rei/staffing.yaml") }
    }

    /// A model folder renamed by a typo (fault 7): one error at the folder, naming the
    /// folder it means, and nothing else (no warning per file, no unknown service per
    /// reference, link or override).
    func testAMisspeltModelFolderIsOneErrorAtTheCause() throws {
        let tree = try FixtureTree()
        defer { tree.remove() }
        let baseline = tree.diagnostics()
        try FileManager.default.moveItem(at: tree.root.appendingPathComponent("model/services"),
                                         to: tree.root.appendingPathComponent("model/servicess"))
        let diagnostics = CheckRun.diagnose(root: tree.root, asOf: FixtureTree.asOf).1
        let added = diagnostics.filter { d in !baseline.contains("\(d.rule) \(d.span): \(d.message)") }
        XCTAssertEqual(added.map { TextRenderer(color: false, source: { _ in nil }).render($0) }, [
            "model/servicess/: error[tree-folder-missing]: model/services/ is missing, and model/servicess/ holds 6 files oae does not read: did you mean 'services'?\n"
                + "  = help: rename the folder (git mv model/servicess model/services); until then nothing that names its documents can be checked (it is not reported unknown one by one), and no output would hold them\n",
        ])
        // Without the folder at all (no misspelt one), each reference is unknown, and the
        // help says where services stand instead of listing none.
        try FileManager.default.removeItem(at: tree.root.appendingPathComponent("model/servicess"))
        let unknown = CheckRun.diagnose(root: tree.root, asOf: FixtureTree.asOf).1.filter { $0.rule == "ref-unknown" }
        XCTAssertFalse(unknown.isEmpty)
        // (sant-feliu-de-llobregat's own files know its local service)
        XCTAssertEqual(Set(unknown.compactMap(\.help)), ["there is no service in the tree: its documents stand in model/services/",
                                                         "the services are: local-retail-support"])
    }
}
