import Foundation
import Model
import Rendering
@testable import Site
import XCTest

/// The proposals and changelog pages of the fixture network: release 0.9.0, then 1.0.0
/// (current) publishing the accepted proposal 'retail-support'.
final class ProposalPagesTests: XCTestCase {
    var tree: SiteTree!

    override func setUpWithError() throws { tree = try SiteTree() }
    override func tearDown() { tree.remove() }

    func pages() throws -> [String: String] {
        return try sitePages(try tree.input())
    }

    func testTheChangelogListsReleasesNewestFirstWithTheirProposalsAndOffices() throws {
        try tree.replace("seeds/molins-de-rei/adaptation.yaml", "base_model_version: 1.0.0", "base_model_version: 0.9.0")
        let page = try pages()["ca/model/changelog.html"] ?? ""
        let newest = try XCTUnwrap(page.range(of: "<h2 id=\"release-1.0.0\">Versió 1.0.0 <span class=\"muted\">· <time datetime=\"2026-01-19\">19 de gener de 2026</time></span> <span class=\"badge done\">Vigent</span></h2>"), page)
        let oldest = try XCTUnwrap(page.range(of: "<h2 id=\"release-0.9.0\">Versió 0.9.0"), page)
        XCTAssertLessThan(newest.lowerBound, oldest.lowerBound)
        XCTAssertTrue(page.flat.contains("<ul><li><a href=\"proposals.html#proposal-retail-support\">Suport al comerç</a></li></ul>"), page)
        XCTAssertTrue(page.flat.contains("<h3 id=\"release-0.9.0-offices\">Oficines que segueixen aquesta versió</h3><ul><li><a href=\"../offices/molins-de-rei.html\">Molins de Rei</a></li></ul>"), page)
    }

    func testTheProposalsPageGroupsByStatusWithTheDecision() throws {
        try tree.write("model/proposals/two-advisors.yaml", """
            id: two-advisors
            title: {ca: Dos assessors, es: Dos asesores}
            proposed_by: {by: agency}
            submitted_on: 2026-02-01
            rationale: {ca: Més demanda., es: Más demanda.}
            changes:
              - role: business-advisor
                change: {ca: Mínim de dos., es: Mínimo de dos.}
            status: under-review

            """)
        let page = try pages()["es/model/proposals.html"] ?? ""
        let review = try XCTUnwrap(page.range(of: "<h2 id=\"status-under-review\">En estudio</h2>"), page)
        let accepted = try XCTUnwrap(page.range(of: "<h2 id=\"status-accepted\">Aceptada</h2>"), page)
        XCTAssertLessThan(review.lowerBound, accepted.lowerBound)
        XCTAssertTrue(page.flat.contains("<dt>Propuesta por</dt><dd>La agencia</dd>"), page)
        XCTAssertTrue(page.flat.contains("<dt>Propuesta por</dt><dd><a href=\"../offices/sant-feliu-de-llobregat.html\">Sant Feliu de Llobregat</a></dd>"), page)
        XCTAssertTrue(page.flat.contains("<dt>Decisión</dt><dd>Comité técnico, 12 de enero de 2026</dd>"), page)
        XCTAssertTrue(page.flat.contains("<dt>Publicada en</dt><dd><a href=\"changelog.html#release-1.0.0\">la versión 1.0.0</a></dd>"), page)
        XCTAssertTrue(page.flat.contains("<li>Perfil: <a href=\"roles/business-advisor.html\">"), page)
        let index = try pages()["ca/model/index.html"] ?? ""
        XCTAssertTrue(index.contains("<p><a href=\"proposals.html\">Propostes de canvi del model</a> · <a href=\"changelog.html\">Historial de versions del model</a></p>"), index)
    }
}
