import Diagnostics
import Foundation
@testable import Schema
import Loading
import XCTest

/// The messages of schema failures, exactly as `oae schema check` prints them, against
/// the fixtures in `Fixtures/messages/`. Set `OAE_RECORD_GOLDEN=1` to rewrite the
/// expected files after a deliberate change, and review the difference.
final class MessageGoldenTests: XCTestCase {
    static let schema = "messages/service.schema.yaml"
    static let record = ProcessInfo.processInfo.environment["OAE_RECORD_GOLDEN"] == "1"

    func check(_ instances: [String], format: SchemaCheck.Format = .text) -> (output: String, exitCode: Int32) {
        let result = SchemaCheck.run(schema: Self.schema, instances: instances, format: format, root: Paths.fixtures)
        XCTAssertEqual(result.schemaProblems.map(\.message), [], "the fixture schema has problems")
        return (result.output, result.exitCode)
    }

    func assertGolden(_ output: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = Paths.fixtures.appendingPathComponent("messages/\(name)")
        if Self.record {
            try Data(output.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(output, expected, "\(name) differs; rerun with OAE_RECORD_GOLDEN=1 to update it", file: file, line: line)
    }

    func testValidDocumentsPass() {
        let result = check(["messages/valid.yaml", "messages/valid.json"])
        XCTAssertEqual(result.output, "0 errors, 0 warnings in 2 files\n")
        XCTAssertEqual(result.exitCode, 0)
    }

    func testEnumWithDidYouMean() throws {
        let result = check(["messages/enum-did-you-mean.yaml"])
        XCTAssertEqual(result.exitCode, 1)
        try assertGolden(result.output, "enum-did-you-mean.expected.txt")
    }

    /// A list item indented one space more than the one above it continues that item's
    /// text: the help says so, not a did-you-mean (session 38's trial).
    func testAListItemIndentedMoreIsToldAsSuch() throws {
        let (node, problems) = YAMLLoader().load(text: "channels:\n  - in-person\n   - phone\n", file: "s.yaml", lineOffset: 0)
        XCTAssertEqual(problems.map(\.message), [])
        let item = try XCTUnwrap(node?["channels"]?.sequence?.first)
        XCTAssertEqual(item.string, "in-person - phone")
        let allowed = ["in-person", "phone", "email"].map { Node(.string($0), span: item.span) }
        XCTAssertEqual(FailureText.suggestion(item, allowed),
                       "line 3 is indented more than the item above it, so YAML reads it as more text of that item: line up its '-' with the one on line 2")
        // A value on one line keeps its did-you-mean.
        XCTAssertEqual(FailureText.suggestion(Node(.string("in-persn"), span: SourceSpan(file: "s.yaml", line: 2, column: 5)), allowed), "did you mean 'in-person'?")
    }

    func testOneOfReportsTheClosestBranch() throws {
        try assertGolden(check(["messages/one-of-closest.yaml"]).output, "one-of-closest.expected.txt")
    }

    func testOneOfMergesADistinguishingConstant() throws {
        try assertGolden(check(["messages/one-of-constant.yaml"]).output, "one-of-constant.expected.txt")
    }

    func testOneOfMergesTypes() throws {
        try assertGolden(check(["messages/one-of-type.yaml"]).output, "one-of-type.expected.txt")
    }

    func testRequired() throws {
        try assertGolden(check(["messages/required.yaml"]).output, "required.expected.txt")
    }

    func testAdditionalPropertiesWithDidYouMean() throws {
        try assertGolden(check(["messages/additional-properties.yaml"]).output, "additional-properties.expected.txt")
    }

    func testFormats() throws {
        try assertGolden(check(["messages/format.yaml"]).output, "format.expected.txt")
    }

    /// A date of the right form that is no day of the calendar says why (session 25's
    /// trial: "expected a date (YYYY-MM-DD)" of 2027-02-30 read as a wrong form).
    func testADateThatIsNoDaySaysWhy() throws {
        try assertGolden(check(["messages/impossible-date.yaml"]).output, "impossible-date.expected.txt")
        XCTAssertEqual(Formats.impossibleDay(Array("2028-02-30".utf8)), "February 2028 has 29 days")
        XCTAssertEqual(Formats.impossibleDay(Array("2026-13-01".utf8)), "a year has 12 months, and 13 is not one")
        XCTAssertEqual(Formats.impossibleDay(Array("2026-04-00".utf8)), "April 2026 has 30 days")
        XCTAssertNil(Formats.impossibleDay(Array("2028-02-29".utf8)))
        XCTAssertNil(Formats.impossibleDay(Array("13/04/2026".utf8)))
        // The day meant, in the help (session 43's trial got none): the two swapped, or the
        // month's last day; nothing when neither reads as a day.
        XCTAssertEqual(Formats.likelyDay(Array("2026-30-09".utf8)), "if the month and the day are swapped, write 2026-09-30 (year, month, day)")
        XCTAssertEqual(Formats.likelyDay(Array("2026-11-31".utf8)), "the last day of November 2026 is 2026-11-30; correct the day")
        XCTAssertEqual(Formats.likelyDay(Array("2028-02-30".utf8)), "the last day of February 2028 is 2028-02-29; correct the day")
        XCTAssertNil(Formats.likelyDay(Array("2026-31-31".utf8)))
        XCTAssertNil(Formats.likelyDay(Array("2026-13-00".utf8)))
        XCTAssertNil(Formats.likelyDay(Array("2026-04-00".utf8)))
        XCTAssertNil(Formats.likelyDay(Array("2026-04-30".utf8)))
    }

    func testIntegerWhereAStringIsWanted() throws {
        try assertGolden(check(["messages/integer-typed-string.yaml"]).output, "integer-typed-string.expected.txt")
    }

    /// A number written otherwise than YAML shows it (`08750`, read as 8750) is quoted as
    /// written: every Catalan postal code starts with 0 (session 25's trial: the help
    /// quoted "8750", which the pattern refuses, so it gave the schema's description).
    func testANumberIsQuotedAsItWasWritten() throws {
        try assertGolden(check(["messages/written-number.yaml"]).output, "written-number.expected.txt")
        try assertGolden(check(["messages/written-number-short.yaml"]).output, "written-number-short.expected.txt")
    }

    /// An amount written with more decimals than its step (`1.800` for 0.01) is refused
    /// by what was written: a dot between thousands, as Catalan writes them, is YAML's
    /// decimal point (session 26's trial: `amount: 1.800` in a budget counted 1,80 €).
    func testAnAmountWrittenWithThousandsSeparatorsIsRefused() throws {
        try assertGolden(check(["messages/written-amount.yaml"]).output, "written-amount.expected.txt")
        try assertGolden(check(["messages/written-decimal-comma.yaml"]).output, "written-decimal-comma.expected.txt")
        XCTAssertEqual(["1.800", "45.000", "1.250.000", "3.125"].filter(FailureText.groupsThousands), ["1.800", "45.000", "1.250.000", "3.125"])
        XCTAssertEqual(["0.125", "1.8000", "12.50", "1800", "1.80", "1234.567", ".125"].filter(FailureText.groupsThousands), [])
        XCTAssertEqual(["1.800", "12.5", "1.5e2", "1.25e1", "1800", "1.2345E-2"].map(DecimalMultiple.decimals(written:)), [3, 1, 0, 1, 0, 6])
        XCTAssertEqual([0.01, 5, 0.25, 1].map(DecimalMultiple.decimals(of:)), [2, 0, 2, 0])
    }

    /// An amount or a share written as a text, the way a person writes it (session 35's
    /// trial: "expected a number" came without a help): the help gives the number as YAML
    /// writes it and says what to leave out. Text that is no number gets none.
    func testANumberWrittenAsATextGetsTheNumberToWrite() {
        let yaml = ": a YAML number is digits, with a dot as its decimal point"
        let unit = ", and the field's unit is not written"
        XCTAssertEqual(FailureText.numberAsWritten("12.000 €"), "write 12000, without the euro sign and the dots between thousands" + yaml + unit)
        XCTAssertEqual(FailureText.numberAsWritten("56.500,50"), "write 56500.50, without the dots between thousands, with a dot before the decimals" + yaml)
        XCTAssertEqual(FailureText.numberAsWritten("40000 €"), "write 40000, without the euro sign" + yaml + unit)
        XCTAssertEqual(FailureText.numberAsWritten("92,5 %"), "write 92.5, without the percent sign, with a dot before the decimals" + yaml + unit)
        XCTAssertEqual(FailureText.numberAsWritten("€1500.50"), "write 1500.50, without the euro sign: the field's unit is not written")
        // A comma before three digits: thousands, or three decimals (session 35's review).
        XCTAssertEqual(FailureText.numberAsWritten("12,000 €"),
                       "write 12000 if the comma separates thousands, or 12 if it is a decimal comma, without the euro sign" + yaml + unit)
        XCTAssertEqual(FailureText.numberAsWritten("1,800"), "write 1800 if the comma separates thousands, or 1.8 if it is a decimal comma" + yaml)
        XCTAssertEqual(FailureText.numberAsWritten("-1.500 €"), "write -1500, without the euro sign and the dots between thousands" + yaml + unit)
        XCTAssertEqual(FailureText.numberAsWritten("1500 EUR"), "write 1500, without 'EUR'" + yaml + unit)
        XCTAssertEqual(FailureText.numberAsWritten("1500 Euros"), "write 1500, without 'Euros'" + yaml + unit)
        XCTAssertEqual(["twelve", "12 people", "1,2,3", "", "€"].map { FailureText.numberAsWritten($0) }, [nil, nil, nil, nil, nil])
        // Session 36's trial: spaces between thousands; a comma in an integer field.
        XCTAssertEqual(FailureText.numberAsWritten("58 000"), "write 58000, without the spaces between thousands: a YAML number is digits")
        XCTAssertEqual(FailureText.numberAsWritten("1\u{202F}250\u{00A0}000"), "write 1250000, without the spaces between thousands: a YAML number is digits")
        XCTAssertEqual(FailureText.numberAsWritten("58,200", integer: true), "write 58200, without the comma between thousands" + yaml)
        XCTAssertEqual(["58 00", "058 000", "5 8"].map { FailureText.numberAsWritten($0) }, [nil, nil, nil])
    }

    /// A date written as people write one gets it as YYYY-MM-DD (session 36's trial).
    func testADateWrittenAsPeopleWriteItIsGivenAsYYYYMMDD() {
        XCTAssertEqual(FailureText.dateAsWritten("06/03/2026"), "write 2026-03-06 (day 6, month 3): dates are written year-month-day, with two-digit months and days")
        XCTAssertEqual(FailureText.dateAsWritten("6.3.2026"), "write 2026-03-06 (day 6, month 3): dates are written year-month-day, with two-digit months and days")
        XCTAssertEqual(FailureText.dateAsWritten("2026-3-6"), "write 2026-03-06: dates are written year-month-day, with two-digit months and days")
        XCTAssertEqual(["2026-03-06", "13/13/2026", "06/03/26", "March 6", "2026/03"].map(FailureText.dateAsWritten), [nil, nil, nil, nil, nil])
        // A part too long for an Int is no date (it stopped the fuzzer of CI's stop 53).
        XCTAssertEqual(["2027/99999999999999999999/01", "99999999999999999999-01-2027", "01-01-99999999999999999999"].map(FailureText.dateAsWritten), [nil, nil, nil])
        // A day the month lacks is not offered as the date to write (session 38's trial).
        XCTAssertEqual(FailureText.dateAsWritten("31/02/2027"),
                       "there is no day 31 in month 2 of 2027 (it has 28 days): correct the day, and write the date year-month-day, like 2027-02-28")
        XCTAssertEqual(FailureText.dateAsWritten("2028-2-30"),
                       "there is no day 30 in month 2 of 2028 (it has 29 days): correct the day, and write the date year-month-day, like 2028-02-29")
        // With the time, or the month in words (session 37's trial).
        XCTAssertEqual(FailureText.dateAsWritten("2027-03-01T00:00:00"), "write 2027-03-01: a date field takes the day alone, with nothing after it")
        XCTAssertEqual(FailureText.dateAsWritten("2027-03-01 10:30"), "write 2027-03-01: a date field takes the day alone, with nothing after it")
        // Not a day the calendar lacks (the review of session 37).
        XCTAssertEqual(["2027-02-30T10:00", "2027-13-01 10:00", "31 de febrer de 2026"].map(FailureText.dateAsWritten), [nil, nil, nil])
        let words = "dates are written year-month-day, in numbers, with two-digit months and days"
        XCTAssertEqual(["1 December 2026", "1 de desembre de 2026", "3 d'abril de 2027", "1 de diciembre de 2026", "December 1, 2026", "1 Dec. 2026"].map(FailureText.dateAsWritten),
                       ["write 2026-12-01: \(words)", "write 2026-12-01: \(words)", "write 2027-04-03: \(words)", "write 2026-12-01: \(words)",
                        "write 2026-12-01: \(words)", "write 2026-12-01: \(words)"])
        XCTAssertEqual(["1 Smarch 2026", "32 December 2026", "December 2026", "the 1st of December 2026"].map(FailureText.dateAsWritten), [nil, nil, nil, nil])
        // Characters of more than one byte (the JSON Schema Test Suite's Bengali digit): my
        // first version recursed on them until the stack ran out.
        XCTAssertEqual(["1963-06-1৪", "2026-04-13 à 9 h", "dimecres 13 d’abril"].map(FailureText.dateAsWritten),
                       [nil, "write 2026-04-13: a date field takes the day alone, with nothing after it", nil])
    }

    /// A number in quotes written with a dot between thousands is not told to lose its
    /// quotes alone (it would then be read as 58); `sí` is a boolean's true.
    func testAQuotedNumberWithThousandsAndACatalanYesAreHelped() {
        let node = { (s: String) in Node(.string(s), span: .wholeFile("a.yaml")) }
        XCTAssertEqual(FailureText.typeHelp(.integer, node("58.000")),
                       "write 58000, without the quotes and the dot between thousands: in a YAML number the dot is the decimal point")
        XCTAssertEqual(FailureText.typeHelp(.number, node("8.000")),
                       "write 8000 without the quotes if the dot separates thousands (YAML reads it as a decimal point), else 8.000 without the quotes")
        XCTAssertEqual(FailureText.typeHelp(.number, node("8.5")), "remove the quotes to make it a number")
        XCTAssertEqual(FailureText.typeHelp(.boolean, node("sí")), "write true: YAML 1.2 reads sí as text, not as a boolean")
        // An empty value is told to be written, not to be `""` (which a text's minLength refuses).
        XCTAssertEqual(FailureText.typeHelp(.string, Node(.null, span: .wholeFile("a.yaml"))), "the value is empty; write it after the colon")
    }

    func testPatternAndUniqueItems() throws {
        try assertGolden(check(["messages/pattern-and-unique.yaml"]).output, "pattern-and-unique.expected.txt")
    }

    func testJSONInstanceInText() throws {
        try assertGolden(check(["messages/invalid.json"]).output, "invalid-json.expected.txt")
    }

    func testJSONFormatKeepsTheOrderOfTheInstances() throws {
        let result = check(["messages/required.yaml", "messages/valid.yaml", "messages/invalid.json", "messages/enum-did-you-mean.yaml"],
                           format: .json)
        XCTAssertEqual(result.exitCode, 1)
        try assertGolden(result.output, "results.expected.json")
    }
}
