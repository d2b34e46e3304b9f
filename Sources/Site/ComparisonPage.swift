import Loading
import Model
import Rendering
import Resolution

extension Pages {
    func comparison(_ language: SiteLanguage, _ path: String) -> PageContent {
        let table = CatalogueComparison(network: network, resolved: site.municipalities)
        func fieldNames(_ names: [String]) -> String {
            let tops = names.map { name -> String in
                let top = name.split(whereSeparator: { $0 == "." || $0 == "[" }).first.map(String.init) ?? name
                return language.label("field", top)
            }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            return language.formatter.list(tops)
        }
        func cells(_ row: CatalogueComparison.Row) -> [ComparisonCell] {
            row.cells.map { cell in
                ComparisonCell(state: cell.state, label: language.label("adoption", cell.state),
                               omitted: cell.state == "omitted",
                               offered: ["core", "recommended", "adopted", "local"].contains(cell.state),
                               local: cell.state == "local",
                               none: cell.state == "none" || cell.state == "not-adopted",
                               reason: language.html(cell.reason), has_reason: cell.reason != nil,
                               overridden: fieldNames(cell.overridden), has_overridden: !cell.overridden.isEmpty)
            }
        }
        let rows = table.rows.map { row in
            ComparisonView.Row(link: modelLink(.service, row.service, .service(row.service), language, from: path),
                               status: language.word("service_status", row.status), cells: cells(row))
        }
        let localRows = table.localRows.map { row in
            let m = row.municipality ?? ""
            let doc = site.resolved[m]?.files.services.first { $0.id == row.service }
            return ComparisonView.Row(link: localLink(doc?.root?["name"], .localService(municipality: m, id: row.service),
                                                      language, from: path),
                                      status: language.label("adoption", "local"), cells: cells(row))
        }
        let states = ["core", "recommended", "adopted", "omitted", "not-adopted", "local"]
        let view = ComparisonView(
            municipalities: table.municipalities.map { .init(name: site.municipalityName($0), href: href(.office($0), language, from: path)) },
            column_count: String(table.municipalities.count + 1),
            rows: rows,
            local_rows: localRows, has_local_rows: !localRows.isEmpty,
            legend: states.map { .init(label: language.label("adoption", $0), explanation: language["adoption_explained.\($0)"]) })
        return PageContent(title: language["comparison_heading"], description: language["comparison_intro"],
                           html: render("comparison", view, language), section: .comparison)
    }
}

/// The view model of `comparison-cell.mustache`: what one municipality does with one service.
struct ComparisonCell: ViewModel {
    var state: String
    var label: String
    var omitted: Bool
    var offered: Bool
    var local: Bool
    var none: Bool
    var reason: String
    var has_reason: Bool
    var overridden: String
    var has_overridden: Bool
}

/// The view model of `comparison.mustache`: the services × municipalities table.
struct ComparisonView: ViewModel {
    struct Municipality: ViewModel { var name: String; var href: String }
    struct Row: ViewModel { var link: TextLink; var status: String; var cells: [ComparisonCell] }
    struct LegendEntry: ViewModel { var label: String; var explanation: String }

    var municipalities: [Municipality]
    var column_count: String
    var rows: [Row]
    var local_rows: [Row]
    var has_local_rows: Bool
    var legend: [LegendEntry]
}
