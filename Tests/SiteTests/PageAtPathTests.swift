import Foundation
@testable import Site
import XCTest

/// The preview renders the one page a browser asks for (`SiteBuild.page(at:)`): the same
/// bytes as the build's page at that path, and nothing for a path the site does not have.
final class PageAtPathTests: XCTestCase {
    func testEveryPageByItsPathIsTheBuildsPage() throws {
        let tree = try SiteTree(example: true)
        defer { tree.remove() }
        let build = try SiteBuild(input: try tree.input(), options: SiteOptions(
            baseURL: "https://example.org/oae/", search: false, handbooks: nil, dataFiles: [], structuredData: .none))
        let pages = build.pages()
        XCTAssertEqual(pages.count, 272)  // 9 more in session 39: the three adhesions of the expansion plan, in 3 languages
        for (path, html) in pages { XCTAssertEqual(build.page(at: path), html, path) }
        for path in ["ca/offices/nowhere.html", "xx/index.html", "ca/", "ca", "ca/offices/molins-de-rei/services/x.html",
                     "ca/offices/sant-feliu-de-llobregat", "index.htm", "/ca/index.html"] {
            XCTAssertNil(build.page(at: path), path)
        }
    }
}
