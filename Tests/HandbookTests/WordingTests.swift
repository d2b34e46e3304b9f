import Foundation
@testable import Handbook
import Rendering
import XCTest

/// The handbook's sentences as a reader of the language writes them: counts with their
/// plural forms (and the zero form), amounts and durations through the presentation
/// layer the site uses too.
final class WordingTests: FixtureTreeTestCase {
    func edit(_ path: String, _ change: (String) -> String) throws {
        let url = root.appendingPathComponent(path)
        try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
    }

    /// One optional service adopted and none omitted: "1 servei opcional adoptat", "no n'ha
    /// omès cap", never "1 d'opcionals adoptats" or "n'ha omès 0".
    func testCatalogueCountsReadAsCatalan() throws {
        try edit("seeds/sant-feliu-de-llobregat/adaptation.yaml") { text in
            text.replacingOccurrences(of: """
                omitted:
                  - service: grants-information
                    reason: {ca: L'ofereix un altre servei municipal., es: Lo ofrece otro servicio municipal.}

                """, with: "")
        }
        let input = HandbookTestSupport.input(root)
        let catalogue = HandbookTestSupport.chapter("catalogue", in: try HandbookTestSupport.render(input, "sant-feliu-de-llobregat", "ca"))
        XCTAssertTrue(catalogue.contains("1 servei opcional adoptat"), catalogue)
        XCTAssertTrue(catalogue.contains("no n’ha omès cap"), catalogue)
        XCTAssertFalse(catalogue.contains("d’opcionals"), catalogue)
        XCTAssertFalse(catalogue.contains("omès 0"), catalogue)
        let es = HandbookTestSupport.chapter("catalogue", in: try HandbookTestSupport.render(input, "sant-feliu-de-llobregat", "es"))
        XCTAssertTrue(es.contains("1 servicio opcional adoptado"), es)
        XCTAssertTrue(es.contains("no ha omitido ninguno"), es)
    }

    /// An office that has not opened (a candidate, one with an agreement, a planned one)
    /// is "to open on" its date on the cover and in its chapter, never "open since".
    func testAnOfficeThatHasNotOpenedIsNeverOpenSince() throws {
        for (status, word) in [("candidate", "Candidata"), ("agreement", "Conveni"), ("planned", "Planificada")] {
            try edit("seeds/molins-de-rei/office.yaml") { text in
                text.replacingOccurrences(of: #"(?m)^status: \w+$"#, with: "status: \(status)", options: .regularExpression)
            }
            let html = try HandbookTestSupport.render(HandbookTestSupport.input(root), "molins-de-rei", "ca")
            XCTAssertTrue(html.contains("\(word) · obertura prevista l’1 de març de 2027"), "\(status): " + html.prefix(3000))
            XCTAssertTrue(html.contains("Obertura prevista l’1 de març de 2027."), status)
            XCTAssertFalse(html.contains("des de l’1 de març"), status)
        }
    }

    /// A fee of 1800 and a session of PT1H read "1.800 €" and "1 hora" in Catalan, written
    /// by the same formatter as the site's.
    func testFeeAndDurationReadAsCatalan() throws {
        try edit("model/services/business-transfer.md") { text in
            text.replacingOccurrences(of: "cost: {type: free}",
                                      with: "cost: {type: fee, amount: 1800, legal_basis: {ca: Ordenança fiscal 3.2, es: Ordenanza fiscal 3.2}}")
        }
        let input = HandbookTestSupport.input(root)
        let catalogue = HandbookTestSupport.chapter("catalogue", in: try HandbookTestSupport.render(input, "sant-feliu-de-llobregat", "ca"))
        XCTAssertTrue(catalogue.contains("<td>1.800\u{00A0}€ (Ordenança fiscal 3.2)</td>"), catalogue)
        XCTAssertTrue(catalogue.contains("<tr class=\"field-duration\"><th scope=\"row\">Durada d’una sessió</th><td>1 hora</td></tr>"), catalogue)
    }
}
