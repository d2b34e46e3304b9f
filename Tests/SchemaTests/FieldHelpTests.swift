import XCTest
@testable import Schema

/// The words a missing field's help takes from its schema's description
/// (`Evaluator.shortDescription`).
final class FieldHelpTests: XCTestCase {
    /// A short description is itself; a long one its first sentence (an abbreviation's
    /// dot does not end it), else that sentence's part before a bracket or a semicolon,
    /// else nothing.
    func testALongDescriptionIsShortenedToItsFirstSentenceOrClause() {
        XCTAssertEqual(Evaluator.shortDescription("Planned date of the module."), "Planned date of the module.")
        XCTAssertEqual(Evaluator.shortDescription("The day the office opened to the public, or will open, as the agreement and the council's decree set it. "
                                                  + "Later changes are recorded in its history with the reason."),
                       "The day the office opened to the public, or will open, as the agreement and the council's decree set it.")
        XCTAssertEqual(Evaluator.shortDescription("Date on which the parties agreed to extend the agreement, before its term ended (Llei 40/2015, art. 49.h.2: "
                                                  + "by up to four more years); valid_until is then the extended end. Absent while the agreement has not been extended."),
                       "Date on which the parties agreed to extend the agreement, before its term ended")
        XCTAssertNil(Evaluator.shortDescription(String(repeating: "word ", count: 40) + "(a note)."))
    }
}
