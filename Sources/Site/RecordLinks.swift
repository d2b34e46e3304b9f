import Model
import Rendering

/// Links to the programme's records (agreements, and the pages built from them) from
/// the pages that existed before them: an office's page and the progress page.
extension Pages {
    /// An office's records: its service charter, the agreements it relies on, its budgets
    /// (each year's row of the budgets page) and its row on the expansion page, when the
    /// expansion lists it. (The budgets and the expansion were reached only from the
    /// progress page; session 44's trial.)
    func officeRecords(_ slug: String, _ language: SiteLanguage, from path: String) -> [TextLink] {
        var out = [TextLink(language.plain(language["charter_heading"]), href: href(.charter(slug), language, from: path))]
            + network.reliedAgreements(slug).compactMap { r in
                r.document.map { TextLink(language.text($0.root?["title"]), href: href(.agreement($0.id), language, from: path)) }
            }
        if site.hasBudgets {
            out += site.budgets.filter { $0.municipality == slug }.map { b in
                TextLink(language.plain(language.format("office_budget", ["year": String(b.year)])),
                         href: href(.budgets, language, from: path) + "#" + Pages.budgetAnchor(slug, b.year))
            }
        }
        if let code = expansionRow(of: slug) {
            out.append(TextLink(language.plain(language["expansion_heading"]),
                                href: href(.expansion, language, from: path) + "#" + Pages.expansionAnchor(code)))
        }
        return out
    }

    /// The id of a budget's row on the budgets page.
    static func budgetAnchor(_ municipality: String, _ year: Int) -> String { "budget-\(municipality)-\(year)" }

    /// The id of a municipality's row on the expansion page, by its INE code.
    static func expansionAnchor(_ ineCode: String) -> String { "municipality-\(ineCode)" }

    /// The INE code of an office's municipality when the expansion page has a row for it:
    /// there is an expansion plan and the register places the municipality in the
    /// programme's area (the page lists those).
    func expansionRow(of slug: String) -> String? {
        guard network.expansionPlan != nil,
              let code = site.office(slug)?["municipality"]?.string(at: "ine_code"),
              network.register?.entries.contains(where: { $0.metropolitan && $0.ineCode == code }) == true else { return nil }
        return code
    }

    /// The programme's record pages, for the progress page.
    func programmeRecords(_ language: SiteLanguage, from path: String) -> [TextLink] {
        var out: [TextLink] = network.modelDocuments(.assessment).map { doc in
            TextLink(language.text(doc.root?["title"]), href: href(.assessment(doc.id), language, from: path))
        }
        if network.expansionPlan != nil {
            out.append(TextLink(language.plain(language["expansion_heading"]), href: href(.expansion, language, from: path)))
        }
        if !site.agreements.isEmpty {
            out.append(TextLink(language.plain(language["agreements_heading"]), href: href(.agreements, language, from: path)))
        }
        if site.hasBudgets {
            out.append(TextLink(language.plain(language["budgets_heading"]), href: href(.budgets, language, from: path)))
        }
        return out
    }
}

/// A link of a list separated by dots (`last` ends it).
struct HistoryLink: ViewModel {
    var href: String
    var text: String
    var fallback: Bool
    var lang: String
    var last: Bool
}

extension Pages {
    /// The model index's links to the change proposals and the changelog.
    func modelHistoryLinks(_ language: SiteLanguage, from path: String) -> [HistoryLink] {
        let routes = proposalRoutes()
        return routes.enumerated().map { i, route in
            let key = route == .proposals ? "proposals_heading" : "changelog_heading"
            return HistoryLink(href: href(route, language, from: path), text: language[key], fallback: false,
                               lang: language.code, last: i == routes.count - 1)
        }
    }
}
