import Rendering
import XCTest

/// The routes' paths, made from their parts (`SiteRoute.pathParts`) without making a
/// string per link, and the links between pages made from them.
final class SiteRouteTests: XCTestCase {
    /// Every route, with its path under the language folder.
    static let routes: [(SiteRoute, String)] = [
        (.home, "index.html"), (.office("abrera"), "offices/abrera.html"),
        (.localService(municipality: "abrera", id: "local-retail"), "offices/abrera/services/local-retail.html"),
        (.localProcedure(municipality: "abrera", id: "welcome"), "offices/abrera/procedures/welcome.html"),
        (.modelIndex, "model/index.html"), (.service("company-creation"), "model/services/company-creation.html"),
        (.procedure("triage"), "model/procedures/triage.html"), (.role("advisor"), "model/roles/advisor.html"),
        (.training("t1"), "model/training/t1.html"), (.indicator("i1"), "model/indicators/i1.html"),
        (.communication, "model/communication.html"), (.comparison, "comparison.html"), (.progress, "progress.html"),
        (.downloads, "downloads.html"), (.openData, "data.html"), (.search, "search.html"), (.notFound, "404.html"),
        (.offices, "offices/index.html"), (.accessibility, "accessibility.html"), (.legalNotice, "legal-notice.html"),
        (.contact, "contact.html"), (.agreements, "agreements/index.html"), (.agreement("a-1"), "agreements/a-1.html"),
        (.proposals, "model/proposals.html"), (.changelog, "model/changelog.html"), (.charter("abrera"), "offices/abrera/charter.html"),
        (.assessment("pilot"), "assessments/pilot.html"), (.assessmentPrint("pilot"), "assessments/pilot-print.html"),
        (.expansion, "expansion.html"), (.budgets, "budgets.html"),
    ]

    func testEveryRouteHasItsPathInEveryLanguage() {
        for (route, path) in Self.routes {
            XCTAssertEqual(route.pathInLanguage, path)
            XCTAssertEqual(route.path("ca"), "ca/" + path)
            XCTAssertEqual(route.withPath(nil) { $0.count }, path.utf8.count)
        }
        // A name of more than a small string's 15 bytes, and one that is not ASCII.
        XCTAssertEqual(SiteRoute.localService(municipality: "sant-feliu-de-llobregat", id: "assessorament-per-a-la-creacio").path("es"),
                       "es/offices/sant-feliu-de-llobregat/services/assessorament-per-a-la-creacio.html")
        XCTAssertEqual(SiteRoute.office("l’hospitalet").path("en"), "en/offices/l’hospitalet.html")
    }

    /// A link to a route is the link to its path, from any page, with or without a fragment.
    func testALinkToARouteIsTheLinkToItsPath() {
        let froms = ["index.html", "ca/index.html", "ca/offices/abrera.html", "ca/offices/abrera/services/local-retail.html",
                     "es/model/services/company-creation.html", "ca/offices/ab.html"]
        for from in froms {
            for (route, _) in Self.routes {
                for language in ["ca", "es"] {
                    for fragment in [nil, "services"] {
                        XCTAssertEqual(SitePath.relative(from: from, to: route, language: language, fragment: fragment),
                                       SitePath.relative(from: from, to: route.path(language), fragment: fragment), "\(from) → \(route)")
                    }
                }
            }
        }
        XCTAssertEqual(SitePath.relative(from: "ca/offices/abrera/charter.html", to: .office("abrera"), language: "ca", fragment: "hours"),
                       "../abrera.html#hours")
        XCTAssertEqual(SitePath.relative(from: "ca/offices/abrera.html", to: .home, language: "es"), "../../es/index.html")
    }
}
