import Model
import XCTest

/// `Day("YYYY-MM-DD")`: the bytes of the usual form are read directly; every other text
/// takes the general reading, which gives the same answers as before.
final class DayTests: XCTestCase {
    func testTheUsualFormIsADayOfTheCalendar() {
        XCTAssertEqual(Day("2026-11-30")?.description, "2026-11-30")
        XCTAssertEqual(Day("2024-02-29")?.description, "2024-02-29")
        XCTAssertEqual(Day("2000-02-29")?.description, "2000-02-29")
        // Written back as it was read: in four digits, as ISO 8601 writes a year.
        XCTAssertEqual(Day("0001-01-01")?.description, "0001-01-01")
        XCTAssertEqual(Day("0999-12-31")?.description, "0999-12-31")
        for text in ["2026-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-01-00", "2026-01-32"] {
            XCTAssertNil(Day(text), text)
        }
    }

    func testOtherTextsAreNoDay() {
        for text in ["", "2026-1-05", "2026-01-5", "26-01-05", "2026/01/05", "2026-01-05 ", " 2026-01-05", "2026-01-0a",
                     "２０２６-01-05", "2026–01–05", "20260-1-05", "2026-01-05T10:00"] {
            XCTAssertNil(Day(text), text)
        }
    }

    /// Years added keep the day, 29 February becoming 28 in a year without it; a term's
    /// length counts whole months, then the days left (a term ending on its last day).
    func testYearsAddedAndATermsLength() {
        XCTAssertEqual(Day("2025-06-02")!.adding(years: 4).description, "2029-06-02")
        XCTAssertEqual(Day("2024-02-29")!.adding(years: 1).description, "2025-02-28")
        XCTAssertEqual(Day("2024-02-29")!.adding(years: 4).description, "2028-02-29")
        XCTAssertEqual(Day("2025-01-31")!.adding(months: 13).description, "2026-02-28")
        let cases: [(String, String, Int, Int)] = [
            ("2025-06-02", "2029-06-01", 48, 0), ("2025-06-02", "2029-06-02", 48, 1), ("2025-06-02", "2029-12-31", 54, 30),
            ("2025-01-31", "2025-02-26", 0, 27), ("2025-01-31", "2025-02-27", 1, 0), ("2025-01-31", "2025-02-28", 1, 1),
            ("2025-03-31", "2029-04-29", 49, 0), ("2025-03-01", "2025-03-01", 0, 1), ("2024-02-29", "2028-02-28", 48, 0),
        ]
        for (first, last, months, days) in cases {
            let term = Day(first)!.months(through: Day(last)!)
            XCTAssertEqual([term.months, term.days], [months, days], "\(first) to \(last)")
        }
    }

    /// The days of a quarter an office was open, when it opened during it: none for an
    /// opening on its first day, before it or after it; 1 for an opening on its last day.
    func testTheDaysAQuarterAnOfficeWasOpen() {
        let q2 = Quarter(year: 2026, quarter: 2)
        XCTAssertEqual(q2.days, 91)
        XCTAssertEqual(q2.openDays(from: Day("2026-04-13")), 79)
        XCTAssertNil(q2.openDays(from: Day("2026-04-01")))
        XCTAssertEqual(q2.openDays(from: Day("2026-04-02")), 90)
        XCTAssertEqual(q2.openDays(from: Day("2026-06-30")), 1)
        XCTAssertNil(q2.openDays(from: Day("2026-07-01")))
        XCTAssertNil(q2.openDays(from: Day("2025-12-01")))
        XCTAssertNil(q2.openDays(from: nil))
        XCTAssertEqual(Quarter(year: 2028, quarter: 1).days, 91)
    }
}
