import Model
import XCTest

/// The official register of municipalities is read row by row; a row it cannot take is
/// one `register-row` error at the wrong field, and the row is not used.
final class RegisterRuleTests: XCTestCase {
    static let path = "model/reference/municipalities-catalonia.csv"

    func testTheFixturesRegisterConforms() throws {
        let register = MunicipalityRegister(csv: "ine_code,name,province,amb\r\n08123,Molins de Rei,Barcelona,yes\r\n\r\n"
                                            + "17079,\"Girona, ciutat\",Girona,no\n")
        XCTAssertEqual(register.problems, [])
        XCTAssertEqual(register.entries.map(\.name), ["Molins de Rei", "Girona, ciutat"])
        XCTAssertEqual(register.entries.map(\.line), [2, 4], "a blank line is skipped and still counted")
    }

    func testEachWrongRowIsOneErrorAtItsField() throws {
        let rows = [
            "08002,Aguilar de Segarra,Girona,no",
            "8003,Alella,Barcelona,no",
            "08004,Alpens,Barcelona,si",
            "08005,\"Arenys, de Mar,Barcelona,no",
            "08006,Arenys de Munt,Barcelona",
            "08123,Molins bis,Barcelona,no",
            "99008,Argençola,Barcelona,no",
            "08009,,Barcelona,no",
            "08010,Avià,Barcelona,no,extra",
        ]
        try assertDiagnostics([
            "register-row \(Self.path):5:26: INE code 08002 is of the province of Barcelona, not Girona",
            "register-row \(Self.path):6:1: INE code '8003' is not five digits",
            "register-row \(Self.path):7:24: amb is 'si', not yes or no",
            "register-row \(Self.path):8:7: a quoted field is not closed on its line",
            "register-row \(Self.path):9:31: this row has 3 fields, not 4 (ine_code,name,province,amb)",
            "register-row \(Self.path):10:1: INE code 08123 is also at line 2",
            "register-row \(Self.path):11:1: INE code 99008 is not of a Catalan province (it starts with 99)",
            "register-row \(Self.path):12:7: the municipality of INE code 08009 has no name",
            "register-row \(Self.path):13:25: this row has 5 fields, not 4 (ine_code,name,province,amb)",
        ]) { t in
            try t.write(Self.path, try t.read(Self.path) + rows.joined(separator: "\n") + "\n")
        }
    }

    func testAWrongHeaderIsOneErrorAtTheFirstLine() throws {
        let register = MunicipalityRegister(csv: "codi,nom,provincia,amb\n08123,Molins de Rei,Barcelona,yes\n")
        XCTAssertEqual(register.problems, [
            .init(line: 1, column: 1, endColumn: 23, message: "the register's header is 'codi,nom,provincia,amb', not 'ine_code,name,province,amb'",
                  help: "the first line names the columns ine_code,name,province,amb, in this order"),
        ])
        XCTAssertEqual(register.entries.count, 1, "the rows are still read")
    }

    /// A wrong row is not used: an office with its code is not matched to it.
    func testAWrongRowIsNotUsed() throws {
        let register = MunicipalityRegister(csv: "ine_code,name,province,amb\n08123,Molins de Rei,Barcelona,sí\n")
        XCTAssertNil(register.entry(code: "08123"))
        XCTAssertEqual(register.problems.map(\.column), [31])
    }

    /// A quote written twice inside a quoted field is one quote of the name, and the
    /// columns after it count it twice, as the line shows it (columns in scalars: "à" is one).
    func testADoubledQuoteIsOneQuoteOfTheName() throws {
        let register = MunicipalityRegister(csv: "ine_code,name,province,amb\n17079,\"L'Avià \"\"Nou\"\", vila\",Girona,sí\n")
        XCTAssertEqual(register.problems.map(\.column), [37])
        XCTAssertEqual(register.problems.map(\.endColumn), [39])
        let fixed = MunicipalityRegister(csv: "ine_code,name,province,amb\n17079,\"L'Avià \"\"Nou\"\", vila\",Girona,no\n")
        XCTAssertEqual(fixed.entries.map(\.name), ["L'Avià \"Nou\", vila"])
    }

    /// A name of spaces only is no name, as `trimmingCharacters(in: .whitespaces)` finds it:
    /// Unicode's space separators, the tab and the zero-width space; not a line break.
    func testANameOfSpacesIsNoName() throws {
        for name in ["\u{00A0}", " \t ", "\u{3000}\u{2009}", "\u{200B}", "\u{0085}", "a", " Sant Just "] {
            let csv = "ine_code,name,province,amb\n08123,\"\(name)\",Barcelona,yes\n"
            let blank = name.trimmingCharacters(in: .whitespaces).isEmpty
            XCTAssertEqual(MunicipalityRegister(csv: csv).problems.map(\.message),
                           blank ? ["the municipality of INE code 08123 has no name"] : [], "\(name.unicodeScalars.map(\.value))")
        }
    }
}
