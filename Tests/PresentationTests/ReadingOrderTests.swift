import XCTest
@testable import Presentation

/// `ReadingOrder`: names sorted as a reader looks them up, every name folded once.
final class ReadingOrderTests: XCTestCase {
    func testAccentsAndCaseSortTogether() {
        let names = ["Òdena", "Zona", "oficina", "Àger", "Abrera", "Sant Feliu", "Santa Coloma", "Éssers"]
        XCTAssertEqual(ReadingOrder.sorted(names, name: { $0 }, id: { $0 }),
                       ["Abrera", "Àger", "Éssers", "Òdena", "oficina", "Sant Feliu", "Santa Coloma", "Zona"])
    }

    func testTiesByIdStableFromBuildToBuild() {
        let items = [("Tràmits", "b"), ("tramits", "a"), ("TRÀMITS", "c")]
        XCTAssertEqual(ReadingOrder.sorted(items, name: \.0, id: \.1).map(\.1), ["a", "b", "c"])
        XCTAssertTrue(ReadingOrder.precedes("Tràmits", "tramits", then: ("a", "b")))
        XCTAssertFalse(ReadingOrder.precedes("Tràmits", "tramits", then: ("b", "a")))
    }

    func testKeyFoldsCaseAndAccents() {
        XCTAssertEqual(ReadingOrder.key("L'Hospitalet de Llobregat"), "l'hospitalet de llobregat")
        XCTAssertEqual(ReadingOrder.key("Òdena"), "odena")
        XCTAssertEqual(ReadingOrder.key("Çà i Ñ"), "ca i n")
    }
}
