import Model
@testable import Resolution
import XCTest

/// `{{value …}}` references in rendered prose: found once (`places(in:)`), then replaced
/// in each handbook (`substitute(_:_:_:)`) with the bytes a search and replace of the
/// text gives.
final class ValueReferenceTests: XCTestCase {
    static let html = "<p>Primera cita en {{value service/welcome/commitments/first-appointment/target}}; "
        + "àrea {{value indicator/x/target}}, fora {{value nope}} i {{value procedure/p/steps/s1/time_limit}}.</p>"

    /// The places are UTF-8 offsets of each whole reference (the à before the second
    /// counts two bytes), with what each says; text that only looks like one is none.
    func testThePlacesOfTheReferencesAreUTF8Offsets() {
        let places = ValueReference.places(in: ValueReferenceTests.html)
        XCTAssertEqual(places.map(\.start), [19, 89, 141])
        XCTAssertEqual(places.map(\.end), [81, 117, 182])
        let bytes = Array(ValueReferenceTests.html.utf8)
        XCTAssertEqual(places.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) },
                       ["{{value service/welcome/commitments/first-appointment/target}}", "{{value indicator/x/target}}",
                        "{{value procedure/p/steps/s1/time_limit}}"])
        XCTAssertEqual(places[0].reference, ValueReference(kind: .service, id: "welcome", path: ["commitments", "first-appointment", "target"],
                                                           text: "service/welcome/commitments/first-appointment/target"))
        XCTAssertEqual(places[2].reference.path, ["steps", "s1", "time_limit"])
        XCTAssertEqual(ValueReference.places(in: "<p>{{value}} {{valor x/y/z}}</p>"), [])
    }

    /// Substituting at the places found once gives the bytes of substituting in the text,
    /// for every answer (a value, nil: kept as written) and for a text with none.
    func testSubstitutingAtThePlacesFoundOnceIsSubstitutingInTheText() {
        let html = ValueReferenceTests.html
        let places = ValueReference.places(in: html)
        let answer: (ValueReference) -> String? = { $0.kind == .indicator ? nil : "<strong>\($0.path.last!)·é</strong>" }
        let expected = "<p>Primera cita en <strong>target·é</strong>; àrea {{value indicator/x/target}}, fora {{value nope}} i "
            + "<strong>time_limit·é</strong>.</p>"
        XCTAssertEqual(Array(ValueReference.substitute(html, places, answer).utf8), Array(expected.utf8))
        XCTAssertEqual(Array(ValueReference.substitute(html, answer).utf8), Array(expected.utf8))
        XCTAssertEqual(ValueReference.substitute("<p>res</p>", [], answer), "<p>res</p>")
    }
}
