import Foundation
@testable import Site
import XCTest

/// The indicator charts of a network with more offices than a chart tells apart: the
/// lowest value, the median and the highest per quarter (`ChartSummary`).
final class ChartSummaryTests: XCTestCase {
    func testLowestMedianAndHighestPerQuarterOverTheOfficesWithAValue() {
        let summary = ChartSummary(values: [[4, 10, nil], [2, nil, nil], [9, 30, nil], [7, 20, nil]], categories: 3)
        XCTAssertEqual(summary.reporting, [4, 3, 0])
        XCTAssertEqual(summary.series[0], [2, 10, nil])
        // Even count: the mean of the two middle values (4 and 7); odd count: the middle one.
        XCTAssertEqual(summary.series[1], [5.5, 20, nil])
        XCTAssertEqual(summary.series[2], [9, 30, nil])
    }

    func testAShortRowCountsAsNoValue() {
        let summary = ChartSummary(values: [[1], [3, 5]], categories: 2)
        XCTAssertEqual(summary.reporting, [2, 1])
        XCTAssertEqual(summary.series, [[1, 5], [2, 5], [3, 5]])
    }

    /// Targets of both directions ("at most 4" and "at least 8", each office's own where the
    /// model sets none) have no band: a value inside it could miss both (session 47's review).
    func testTargetsOfBothDirectionsHaveNoBand() throws {
        let tree = try SiteTree(example: true)
        defer { tree.remove() }
        let indicator = try tree.read("model/indicators/companies-created.yaml")
        try tree.write("model/indicators/companies-created.yaml",
                       indicator.replacingOccurrences(of: "target:\n  value: 6\n  direction: at-least\n  period: quarter\n", with: ""))
        let cerdanyola = try tree.read("seeds/cerdanyola-del-valles/adaptation.yaml")
        try tree.write("seeds/cerdanyola-del-valles/adaptation.yaml", cerdanyola.replacingOccurrences(
            of: "    companies-created:\n      target:\n        value: 8\n",
            with: "    companies-created:\n      target:\n        value: 8\n        direction: at-least\n        period: quarter\n"))
        let santFeliu = try tree.read("seeds/sant-feliu-de-llobregat/adaptation.yaml")
        try tree.write("seeds/sant-feliu-de-llobregat/adaptation.yaml", santFeliu.replacingOccurrences(
            of: "  indicators:\n",
            with: "  indicators:\n    companies-created:\n      target:\n        value: 4\n        direction: at-most\n        period: quarter\n"))
        let build = try SiteBuild(input: try tree.input(), options: SiteOptions(
            baseURL: "https://example.org/oae/", search: false, handbooks: nil, dataFiles: [], structuredData: .none))
        let ca = try XCTUnwrap(build.site.languages.first { $0.code == "ca" })
        let companies = Pages(site: build.site).makeIndicatorChart("companies-created", ca, summariseAbove: 1)
        XCTAssertTrue(companies.summary)
        XCTAssertTrue(companies.chart_svg.contains("Les oficines tenen objectius diferents per trimestre: com a màxim 4 en el trimestre (1 oficina) i com a mínim 8 en el trimestre (1 oficina)."),
                      companies.chart_svg)
        XCTAssertFalse(companies.chart_svg.contains("target-band"), companies.chart_svg)
        XCTAssertFalse(companies.has_target_range)
    }

    /// The example network's two reporting offices, summarised as a larger network is:
    /// the figures of people attended, and the tables each page shows.
    func testTheExampleSummarisedGivesItsFiguresAndTheIndicatorPageKeepsEachOffice() throws {
        let tree = try SiteTree(example: true)
        defer { tree.remove() }
        let build = try SiteBuild(input: try tree.input(), options: SiteOptions(
            baseURL: "https://example.org/oae/", search: false, handbooks: nil, dataFiles: [], structuredData: .none))
        let pages = Pages(site: build.site)
        let ca = try XCTUnwrap(build.site.languages.first { $0.code == "ca" })
        let chart = pages.makeIndicatorChart("people-attended", ca, summariseAbove: 1)
        XCTAssertTrue(chart.summary)
        // Sant Feliu 118 and 142, Cerdanyola 104 and 131 (seeds/*/reports, illustrative).
        XCTAssertEqual(chart.summary_rows.map { "\($0.quarter) \($0.offices) \($0.minimum) \($0.median) \($0.maximum)" },
                       ["T2 2026 2 104 111 118", "T3 2026 2 131 136,5 142"])
        XCTAssertEqual(chart.chart_rows.count, 4)
        XCTAssertEqual(chart.chart_caption, "Persones ateses: valor mínim, mediana i valor màxim de les oficines per trimestre.")
        XCTAssertTrue(chart.chart_svg.contains(">Mínim</text>") && chart.chart_svg.contains(">Mediana</text>")
                      && chart.chart_svg.contains(">Màxim</text>"), chart.chart_svg)
        XCTAssertFalse(chart.chart_svg.contains("Sant Feliu"))
        let table = String(decoding: pages.render("chart", chart, ca), as: UTF8.self)
        // With how many missed the target (both: 131 and 142 under 180; session 45's trial
        // could not tell from the summary who missed), and the targets said under the chart.
        XCTAssertTrue(table.contains("<tr><th scope=\"row\">T3 2026</th><td>2</td><td>131</td><td>136,5</td><td>142</td><td>2</td></tr>"), table)
        XCTAssertTrue(table.contains("</figure>\n<p class=\"chart-note\">Les marques discontínues sobre les barres indiquen l’objectiu del trimestre (com a mínim 180 en el trimestre);"), table)
        XCTAssertFalse(table.contains("Sant Feliu"), table)
        // The notes of the quarter each office opened during go with each office's values (the
        // indicator page's table), not under the summary.
        XCTAssertEqual(chart.partial_notes.map { $0.components(separatedBy: ";").first ?? "" },
                       ["Cerdanyola del Vallès, 2n trimestre de 2026: l’oficina va obrir el 20 d’abril de 2026",
                        "Sant Feliu de Llobregat, 2n trimestre de 2026: l’oficina va obrir el 13 d’abril de 2026"])
        XCTAssertFalse(table.contains("l’oficina va obrir"), table)
        // Both offices aim at 180 people a quarter, and both opened during the second
        // quarter of 2026, where each one's target is that of its days open: a mark at 180
        // over each bar of the third quarter (lowest, median, highest), none over the
        // second, and the target worded once in the description, which says why.
        XCTAssertEqual(chart.chart_svg.components(separatedBy: "class=\"target-line\"").count - 1, 3, chart.chart_svg)
        XCTAssertTrue(chart.chart_svg.contains("Les marques discontínues sobre les barres indiquen l’objectiu del trimestre (com a mínim 180 en el trimestre); "
                                               + "no n’hi ha el trimestre en què va obrir alguna oficina: el seu objectiu és el dels dies que va estar oberta, "
                                               + "i la taula dels valors de cada oficina el dona."), chart.chart_svg)
        XCTAssertFalse(chart.chart_svg.contains("La línia discontínua"), chart.chart_svg)
        // Companies created: Cerdanyola aims at 8 a quarter, Sant Feliu at 6; a summary draws
        // no line for targets that differ, and says them. It draws a band per quarter from
        // the lowest target to the highest (session 45's trial), and says what it is.
        let companies = pages.makeIndicatorChart("companies-created", ca, summariseAbove: 1)
        XCTAssertFalse(companies.chart_svg.contains("target-line"))
        // None on the second quarter, which both opened during (their targets there are those
        // of their days open, 5.2 and 6.9: session 47's review found a band the note did not
        // explain); the table gives each quarter's range.
        XCTAssertEqual(companies.chart_svg.components(separatedBy: "class=\"target-band\"").count - 1, 1, companies.chart_svg)
        XCTAssertTrue(companies.chart_svg.contains(">objectius de les oficines</text></g>"), companies.chart_svg)
        XCTAssertTrue(companies.target_note?.hasSuffix(" La franja ombrejada de cada trimestre va de l’objectiu més baix al més alt de les oficines amb objectiu i dades aquell trimestre. "
                                                       + "No n’hi ha el trimestre en què va obrir alguna oficina: el seu objectiu és el dels dies que va estar oberta, i la taula dels valors de cada oficina el dona.") == true,
                      companies.target_note ?? "")
        XCTAssertTrue(companies.chart_svg.contains("la taula dels valors de cada oficina el dona.</desc>"), companies.chart_svg)
        XCTAssertTrue(companies.has_target_range)
        XCTAssertEqual(companies.summary_rows.map { "\($0.quarter) \($0.targets ?? "nil")" }, ["T2 2026 –", "T3 2026 6–8"])
        let companiesTable = String(decoding: pages.render("chart", companies, ca), as: UTF8.self)
        XCTAssertTrue(companiesTable.contains("<th scope=\"col\">Objectius de les oficines</th></tr></thead>"), companiesTable)
        XCTAssertTrue(companiesTable.contains("<td>6–8</td></tr>"), companiesTable)
        // A summary with one target has no such column.
        XCTAssertFalse(chart.has_target_range)
        XCTAssertFalse(table.contains("Objectius de les oficines"), table)
        // Each target worded once; the words sorted by value.
        // How many offices have each (session 42's trial: whose was not said).
        XCTAssertTrue(companies.chart_svg.contains("Les oficines tenen objectius diferents per trimestre: com a mínim 6 en el trimestre (1 oficina) i com a mínim 8 en el trimestre (1 oficina)."), companies.chart_svg)
        // A chart of each office names them.
        let companiesPerOffice = pages.makeIndicatorChart("companies-created", ca)
        XCTAssertTrue(companiesPerOffice.chart_svg.contains("Les oficines tenen objectius diferents per trimestre: com a mínim 6 en el trimestre (Sant Feliu de Llobregat) i com a mínim 8 en el trimestre (Cerdanyola del Vallès)."), companiesPerOffice.chart_svg)
        XCTAssertFalse(companies.chart_svg.contains("La línia discontínua"))
        // Up to six offices, one bar per office.
        let perOffice = pages.makeIndicatorChart("people-attended", ca)
        XCTAssertFalse(perOffice.summary)
        XCTAssertEqual(perOffice.summary_rows.count, 0)
        XCTAssertTrue(perOffice.chart_svg.contains("Sant Feliu"))
    }
}
