import Foundation
import Rendering

/// Puts a page's content in the frame every page shares: `<html lang>`, the CSP, the
/// skip link, the header with the language switcher and the main navigation, the
/// breadcrumbs, and the footer with the source revision and date.
struct Layout: Sendable {
    let site: SiteContext

    /// `path` is where the page is written, when not at its route (the root's 404 page).
    func render(_ content: PageContent, route: SiteRoute, language: SiteLanguage, path: String? = nil) -> String {
        let path = path ?? route.path(language.code)
        let root = SitePath.toRoot(from: path)
        let input = site.input
        var crumbs: [[String: Any]] = []
        let trail = route == .home ? [] : [(label: language["nav_home"], route: SiteRoute.home)] + content.breadcrumbs
        for item in trail where item.route != route {
            crumbs.append(["label": item.label, "href": SitePath.relative(from: path, to: item.route.path(language.code))])
        }
        crumbs.append(["label": content.title, "href": false])
        let nav: [[String: Any]] = NavSection.allCases.filter { $0 != .search || site.options.search }.map { section in
            ["label": language["nav_\(section.rawValue)"],
             "href": SitePath.relative(from: path, to: section.route.path(language.code)),
             "current": content.section == section]
        }
        let languages: [[String: Any]] = site.languages.map { other in
            ["code": other.code, "name": other["language_name"],
             "href": SitePath.relative(from: path, to: route.path(other.code)),
             "current": other.code == language.code]
        }
        let revision = input.sourceRevision == "unversioned" ? language["footer_unversioned"] : String(input.sourceRevision.prefix(7))
        let hasFallback = content.html.contains("class=\"fallback\"")
        var context: [String: Any] = [
            "lang": language.code,
            "ui": language.ui.dictionary,
            "site_title": site.siteTitle(language),
            "title": content.title,
            "head_title": route == .home ? site.siteTitle(language) : "\(content.title) · \(site.siteTitle(language))",
            "csp": ContentSecurityPolicy.header(webAssembly: content.webAssembly),
            "stylesheet": root + "assets/site.css",
            "favicon": root + "assets/favicon.svg",
            "styles": content.styles.map { ["href": root + $0] },
            "scripts": content.scripts.map { ["src": root + $0] },
            "home_href": SitePath.relative(from: path, to: SiteRoute.home.path(language.code)),
            "languages": languages,
            "alternates": languages,
            "nav": nav,
            "breadcrumbs": crumbs,
            "indexed": content.indexed,
            "content": content.html,
            "fallback_note": hasFallback,
            "revision": revision,
            "revision_full": input.sourceRevision,
            "source_date": language.formats.date(input.sourceDay),
            "source_day": input.sourceDay.description,
            "model_version": site.network.settings.version,
            "tool_version": input.toolVersion,
            "data_href": SitePath.relative(from: path, to: SiteRoute.downloads.path(language.code), fragment: "open-data"),
        ]
        if !content.description.isEmpty { context["description"] = content.description }
        if site.options.search {
            context["search_href"] = SitePath.relative(from: path, to: SiteRoute.search.path(language.code))
        }
        if let json = content.jsonLD { context["json_ld"] = StructuredData.scriptText(json) }
        return site.templates.render("layout", context)
    }
}
