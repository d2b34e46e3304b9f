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
        var crumbs: [LayoutView.Crumb] = []
        let trail = route == .home ? [] : [(label: language["nav_home"], route: SiteRoute.home)] + content.breadcrumbs
        for item in trail where item.route != route {
            crumbs.append(.init(label: item.label, href: SitePath.relative(from: path, to: item.route.path(language.code))))
        }
        crumbs.append(.init(label: content.title, href: nil))
        let nav = NavSection.allCases.filter { $0 != .search || site.options.search }.map { section in
            LayoutView.NavItem(label: language["nav_\(section.rawValue)"],
                               href: SitePath.relative(from: path, to: section.route.path(language.code)),
                               current: content.section == section)
        }
        let languages = site.languages.map { other in
            LayoutView.LanguageLink(code: other.code, name: other["language_name"],
                                    href: SitePath.relative(from: path, to: route.path(other.code)),
                                    current: other.code == language.code)
        }
        let revision = input.sourceRevision == "unversioned" ? language["footer_unversioned"] : String(input.sourceRevision.prefix(7))
        let view = LayoutView(
            site_title: site.siteTitle(language),
            title: content.title,
            head_title: route == .home ? site.siteTitle(language) : "\(content.title) · \(site.siteTitle(language))",
            description: content.description.nonEmpty,
            csp: ContentSecurityPolicy.header(webAssembly: content.webAssembly),
            stylesheet: root + "assets/site.css",
            favicon: root + "assets/favicon.svg",
            styles: content.styles.map { .init(href: root + $0) },
            scripts: content.scripts.map { .init(src: root + $0) },
            home_href: SitePath.relative(from: path, to: SiteRoute.home.path(language.code)),
            search_href: site.options.search ? SitePath.relative(from: path, to: SiteRoute.search.path(language.code)) : nil,
            languages: languages,
            alternates: languages,
            nav: nav,
            breadcrumbs: crumbs,
            indexed: content.indexed,
            content: content.html,
            fallback_note: content.html.contains("class=\"fallback\""),
            json_ld: content.jsonLD.map(StructuredData.scriptText),
            revision: revision,
            revision_full: input.sourceRevision,
            source_date: language.formatter.date(input.sourceDay),
            source_day: input.sourceDay.description,
            model_version: site.network.settings.version,
            tool_version: input.toolVersion,
            data_href: SitePath.relative(from: path, to: SiteRoute.openData.path(language.code)))
        return site.templates.render("layout", PageView(view, language))
    }
}

/// The view model of `layout.mustache`: the frame around every page.
struct LayoutView: ViewModel {
    /// An entry of the breadcrumbs; the current page has no `href`.
    struct Crumb: ViewModel { var label: String; var href: String? }
    /// An entry of the main navigation.
    struct NavItem: ViewModel { var label: String; var href: String; var current: Bool }
    /// The same page in another language.
    struct LanguageLink: ViewModel { var code: String; var name: String; var href: String; var current: Bool }
    struct Stylesheet: ViewModel { var href: String }
    struct Script: ViewModel { var src: String }

    var site_title: String
    var title: String
    var head_title: String
    var description: String?
    var csp: String
    var stylesheet: String
    var favicon: String
    var styles: [Stylesheet]
    var scripts: [Script]
    var home_href: String
    var search_href: String?
    var languages: [LanguageLink]
    var alternates: [LanguageLink]
    var nav: [NavItem]
    var breadcrumbs: [Crumb]
    var indexed: Bool
    var content: String
    var fallback_note: Bool
    var json_ld: String?
    var revision: String
    var revision_full: String
    var source_date: String
    var source_day: String
    var model_version: String
    var tool_version: String
    var data_href: String
}
