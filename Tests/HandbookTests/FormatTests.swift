@testable import Handbook
import Model
import Presentation
import Rendering
import XCTest

/// Time limits, dates, numbers and lists as each language writes them, with the real
/// UI strings of templates/strings/, through the presentation layer the handbooks use.
final class FormatTests: XCTestCase {
    nonisolated(unsafe) static var input: BuildInput!
    nonisolated(unsafe) static var root: URL!

    override class func setUp() {
        super.setUp()
        root = try? HandbookTestSupport.fixtureTree()
        // The fixture model has ca and es; the strings of all three languages are read.
        input = root.map { HandbookTestSupport.input($0) }
    }

    override class func tearDown() {
        if let root { try? FileManager.default.removeItem(at: root) }
        super.tearDown()
    }

    func format(_ language: String) -> ValueFormatter {
        ValueFormatter(network: FormatTests.input.network, language: language)
    }

    func testTimeLimitsInEveryLanguage() {
        let cases: [(String, String, String, String)] = [
            ("P2D", "2 dies", "2 días", "2 days"),
            ("P1D", "1 dia", "1 día", "1 day"),
            ("PT15M", "15 minuts", "15 minutos", "15 minutes"),
            ("PT1H", "1 hora", "1 hora", "1 hour"),
            ("PT1H30M", "1 hora i 30 minuts", "1 hora y 30 minutos", "1 hour and 30 minutes"),
            ("P1W", "1 setmana", "1 semana", "1 week"),
            ("P2M", "2 mesos", "2 meses", "2 months"),
            ("P1DT12H", "1 dia i 12 hores", "1 día y 12 horas", "1 day and 12 hours"),
            ("PT0.5H", "0,5 hores", "0,5 horas", "0.5 hours"),
            ("P10D", "10 dies", "10 días", "10 days"),
        ]
        for (iso, ca, es, en) in cases {
            XCTAssertEqual(format("ca").duration(iso), ca, iso)
            XCTAssertEqual(format("es").duration(iso), es, iso)
            XCTAssertEqual(format("en").duration(iso), en, iso)
        }
        XCTAssertEqual(format("ca").duration("dos dies"), "dos dies", "text that is not a duration stays as written")
    }

    func testDatesMonthsAndQuarters() {
        let day = Day("2026-04-13")!
        XCTAssertEqual(format("ca").date(day), "13 d'abril de 2026")
        XCTAssertEqual(format("ca").date(Day("2026-03-02")!), "2 de març de 2026")
        XCTAssertEqual(format("es").date(day), "13 de abril de 2026")
        XCTAssertEqual(format("en").date(day), "13 April 2026")
        XCTAssertEqual(format("ca").shortDate(day), "13/04/2026")
        XCTAssertEqual(format("en").shortDate(day), "13 Apr 2026")
        XCTAssertEqual(format("ca").month(year: 2026, month: 8), "agost de 2026")
        XCTAssertEqual(format("en").month(year: 2026, month: 8), "August 2026")
    }

    func testNumbersAmountsAndLists() {
        XCTAssertEqual(format("ca").number(8750), "8.750")
        XCTAssertEqual(format("es").number(8750), "8750", "Spanish groups digits from five on")
        XCTAssertEqual(format("es").number(12500), "12.500")
        XCTAssertEqual(format("en").number(8750), "8,750")
        XCTAssertEqual(format("ca").number(0.3), "0,3")
        XCTAssertEqual(format("en").number(3.45, decimals: 1), "3.5")
        XCTAssertEqual(format("ca").money(1800), "1.800\u{00A0}€")
        XCTAssertEqual(format("en").money(1800), "€1,800")
        XCTAssertEqual(format("ca").measure(86, unit: "percent"), "86\u{00A0}%")
        XCTAssertEqual(format("ca").measure(3.4, unit: "days"), "3,4 dies")
        XCTAssertEqual(format("ca").list(["a", "b", "c"]), "a, b i c")
        XCTAssertEqual(format("es").list(["a", "b"]), "a y b")
        XCTAssertEqual(format("en").list(["a"]), "a")
    }

    func testPlaceholdersAreFilledAndUnknownOnesKept() {
        XCTAssertEqual(Strings.fill("de {from} a {to}", ["from": "dilluns", "to": "divendres"]), "de dilluns a divendres")
        XCTAssertEqual(Strings.fill("{x} i {y}", ["x": "1"]), "1 i {y}")
    }
}
