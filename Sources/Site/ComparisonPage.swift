import Loading
import Model
import Rendering
import Resolution

extension Pages {
    func comparison(_ language: SiteLanguage, _ path: String) -> PageContent {
        let table = CatalogueComparison(network: network, resolved: site.municipalities)
        func fieldNames(_ names: [String]) -> String {
            names.map { name -> String in
                let top = name.split(whereSeparator: { $0 == "." || $0 == "[" }).first.map(String.init) ?? name
                return language.label("field", top)
            }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                .joined(separator: language["list_separator"])
        }
        func cells(_ row: CatalogueComparison.Row) -> [[String: Any]] {
            row.cells.map { cell in
                [
                    "state": cell.state,
                    "label": language.label("adoption", cell.state),
                    "omitted": cell.state == "omitted",
                    "offered": ["core", "recommended", "adopted", "local"].contains(cell.state),
                    "local": cell.state == "local",
                    "none": cell.state == "none" || cell.state == "not-adopted",
                    "reason": language.html(cell.reason),
                    "has_reason": cell.reason != nil,
                    "overridden": fieldNames(cell.overridden),
                    "has_overridden": !cell.overridden.isEmpty,
                ]
            }
        }
        let rows: [[String: Any]] = table.rows.map { row in
            ["link": modelLink(.service, row.service, .service(row.service), language, from: path),
             "status": language.label("service_status", row.status), "cells": cells(row)]
        }
        let localRows: [[String: Any]] = table.localRows.map { row in
            let m = row.municipality ?? ""
            let doc = site.resolved[m]?.files.services.first { $0.id == row.service }
            var link = language.text(doc?.root?["name"])
            link["href"] = href(.localService(municipality: m, id: row.service), language, from: path)
            return ["link": link, "status": language.label("adoption", "local"), "cells": cells(row)]
        }
        let states = ["core", "recommended", "adopted", "omitted", "not-adopted", "local"]
        let context: [String: Any] = [
            "municipalities": table.municipalities.map { ["name": site.municipalityName($0), "href": href(.office($0), language, from: path)] },
            "column_count": String(table.municipalities.count + 1),
            "rows": rows,
            "local_rows": localRows, "has_local_rows": !localRows.isEmpty,
            "legend": states.map { ["label": language.label("adoption", $0), "explanation": language["adoption_explained.\($0)"]] },
        ]
        return PageContent(title: language["comparison_heading"], description: language["comparison_intro"],
                           html: render("comparison", context, language), section: .comparison)
    }
}
