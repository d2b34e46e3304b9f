import Foundation
import Loading
import Model
import Rendering
import Resolution

/// Builds the content of each page; one extension per kind of page.
struct Pages: Sendable {
    let site: SiteContext

    var network: Network { site.network }

    /// Every route of the site, in a stable order.
    func routes() -> [SiteRoute] {
        var out: [SiteRoute] = [.home, .modelIndex, .communication, .comparison, .progress, .downloads, .notFound]
        if site.options.search { out.append(.search) }
        for r in site.municipalities {
            out.append(.office(r.slug))
            for doc in r.files.services { out.append(.localService(municipality: r.slug, id: doc.id)) }
            for doc in r.files.procedures { out.append(.localProcedure(municipality: r.slug, id: doc.id)) }
        }
        out += network.modelDocuments(.service).map { .service($0.id) }
        out += network.modelDocuments(.procedure).map { .procedure($0.id) }
        out += network.modelDocuments(.role).map { .role($0.id) }
        out += network.modelDocuments(.trainingModule).map { .training($0.id) }
        out += network.modelDocuments(.indicator).map { .indicator($0.id) }
        return out
    }

    /// The content of one page in one language.
    func content(_ route: SiteRoute, _ language: SiteLanguage) -> PageContent {
        let path = route.path(language.code)
        switch route {
        case .home: return home(language, path)
        case let .office(m): return office(m, language, path)
        case let .localService(m, id): return localService(m, id, language, path)
        case let .localProcedure(m, id): return localProcedure(m, id, language, path)
        case .modelIndex: return modelIndex(language, path)
        case let .service(id): return modelService(id, language, path)
        case let .procedure(id): return modelProcedure(id, language, path)
        case let .role(id): return role(id, language, path)
        case let .training(id): return training(id, language, path)
        case let .indicator(id): return indicator(id, language, path)
        case .communication: return communication(language, path)
        case .comparison: return comparison(language, path)
        case .progress: return progress(language, path)
        case .downloads: return downloads(language, path)
        case .search: return search(language, path)
        case .notFound: return notFound(language, path)
        }
    }

    /// Renders a page template with the page's data and the interface words.
    func render(_ template: String, _ context: [String: Any], _ language: SiteLanguage) -> String {
        var c = context
        c["ui"] = language.ui.dictionary
        c["lang"] = language.code
        return site.templates.render(template, c)
    }

    /// `href` to a route from the page at `path`.
    func href(_ route: SiteRoute, _ language: SiteLanguage, from path: String, fragment: String? = nil) -> String {
        SitePath.relative(from: path, to: route.path(language.code), fragment: fragment)
    }

    /// A link to a model document as template data: `{href, text, fallback, lang}`.
    func modelLink(_ kind: Kind, _ id: String, _ route: SiteRoute, _ language: SiteLanguage, from path: String) -> [String: Any] {
        var out = site.title(kind, id, language)
        out["href"] = href(route, language, from: path)
        return out
    }

    /// The translatable texts of a list (`outputs`, `requirements`) as template data.
    func texts(_ node: Node?, _ language: SiteLanguage) -> [[String: Any]] {
        (node?.sequence ?? []).map { language.text($0) }
    }

    /// Labels of a list of enumeration values (`channels`), joined.
    func labels(_ enumeration: String, _ node: Node?, _ language: SiteLanguage) -> String {
        (node?.sequence ?? []).compactMap(\.string).map { language.label(enumeration, $0) }
            .joined(separator: language["list_separator"])
    }
}
