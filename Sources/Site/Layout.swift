import Foundation
import Loading
import Model
import Rendering

/// Puts a page's content in the frame every page shares: `<html lang>`, the CSP, the
/// skip link, the header with the language switcher and the main navigation, the
/// breadcrumbs, and the footer with the source revision and date.
struct Layout: Sendable {
    let site: SiteContext

    /// `path` is where the page is written, when not at its route (the root's 404 page).
    /// With `rootBase` (the site's base path, `/` or `/oae/`), every link of the frame is
    /// root-relative, for a page a server may send for any address (the 404 page).
    func render(_ content: PageContent, route: SiteRoute, language: SiteLanguage, path: String? = nil,
                rootBase: String? = nil) -> [UInt8] {
        let path = path ?? route.path(language.code)
        let input = site.input
        func link(_ target: String, _ fragment: String? = nil) -> String {
            guard let rootBase else { return SitePath.relative(from: path, to: target, fragment: fragment) }
            return rootBase + SitePath.encode(target) + (fragment.map { "#" + $0 } ?? "")
        }
        /// `link` to the page of `target` in the language `code` (the page's, by default).
        func link(_ target: SiteRoute, in code: String? = nil, _ fragment: String? = nil) -> String {
            guard rootBase == nil else { return link(target.path(code ?? language.code), fragment) }
            return SitePath.relative(from: path, to: target, language: code ?? language.code, fragment: fragment)
        }
        var crumbs: [LayoutView.Crumb] = []
        for item in trail(content, route: route, language: language) where item.route != route || item.fragment != nil {
            crumbs.append(.init(label: item.label, href: link(item.route, item.fragment), label_lang: item.lang))
        }
        crumbs.append(.init(label: content.title, href: nil, label_lang: content.titleLanguage))
        let section = content.section ?? Layout.section(of: route)
        let nav = NavSection.allCases.filter { $0 != .search || site.options.search }.map { item in
            let current: String? = section != item ? nil : (item.route == route ? "page" : "true")
            return LayoutView.NavItem(label: language["nav_\(item.rawValue)"], href: link(item.route),
                                      current: current != nil, current_value: current ?? "")
        }
        let languages = site.languages.map { other in
            LayoutView.LanguageLink(code: other.code, name: site.languageName(other.code),
                                    href: link(rootBase == nil ? route : .home, in: other.code),
                                    current: other.code == language.code)
        }
        let footer = [SiteRoute.accessibility, .legalNotice, .contact].map { target in
            LayoutView.NavItem(label: language[Layout.footerKey(target)], href: link(target),
                               current: target == route, current_value: target == route ? "page" : "")
        }
        // An office's pages carry the revision and date of its own inputs (`SourceStamps`).
        let stamp: SourceStamps.Stamp = switch route {
        case .office(let m), .localService(let m, _), .localProcedure(let m, _): input.stamps.officePage(m)
        default: input.stamps.tree
        }
        let revision = stamp.revision == SourceInfo.unversioned ? language["footer_unversioned"]
            : String(stamp.revision.prefix(7)) + (stamp.modified ? " " + language["footer_modified"] : "")
        let view = LayoutView(
            site_title: site.siteTitle(language),
            site_title_lang: site.siteTitleLanguage(language).nonEmpty,
            title: content.title,
            head_title: route == .home ? site.siteTitle(language) : "\(content.title) · \(site.siteTitle(language))",
            description: content.description.nonEmpty,
            csp: ContentSecurityPolicy.header(webAssembly: content.webAssembly),
            stylesheet: link(SiteAsset.stylesheet),
            favicon: link(SiteAsset.favicon),
            styles: content.styles.map { .init(href: link($0)) },
            scripts: content.scripts.map { .init(src: link($0)) },
            home_href: link(SiteRoute.home),
            search_href: site.options.search ? link(SiteRoute.search) : nil,
            languages: languages,
            alternates: rootBase == nil ? languages : [],
            nav: nav,
            breadcrumbs: crumbs,
            indexed: content.indexed,
            search_kind: language[Layout.searchKindKey(route)],
            content: RenderedText(utf8: Layout.body(content, route: route, language: language)),
            fallback_note: HTMLBytes.contains("class=\"fallback\"", in: content.html),
            json_ld: content.jsonLD.map { RenderedText(utf8: StructuredData.scriptBytes($0)) },
            revision: revision,
            // Its tooltip too, in the page's language, outside git (the review read "unversioned").
            revision_full: stamp.revision == SourceInfo.unversioned ? revision : stamp.revision,
            source_date: site.dates.value("\(stamp.epoch)\n\(language.code)") { language.formatter.date(Day(unixSeconds: stamp.epoch)) },
            source_day: site.days.value(stamp.epoch) { Day(unixSeconds: stamp.epoch).description },
            model_version: site.network.settings.version,
            tool_version: input.toolVersion,
            data_href: link(SiteRoute.openData),
            page_address: site.options.baseURL + SitePath.encode(path),
            footer_links: footer)
        return site.templates.renderUTF8("layout", PageView(view, language))
    }
}

extension Layout {
    /// A page's content as the layout inserts it, in UTF-8: its tables in scroll regions
    /// (`ScrollRegions`), a contents list on long pages but the home page (`Contents`),
    /// and the marks for the search index (`searchable`), each pass on the bytes.
    static func body(_ content: PageContent, route: SiteRoute, language: SiteLanguage) -> [UInt8] {
        let wrapped = ScrollRegions.wrap(content.html, fallback: content.title)
        return searchable(route == .home ? wrapped : Contents.insert(wrapped, label: language["on_this_page"]))
    }
}

/// The view model of `layout.mustache`: the frame around every page.
struct LayoutView: ViewModel {
    /// An entry of the breadcrumbs; the current page has no `href`.
    /// `label_lang` is the label's language when it is not the page's (a fallback); not
    /// `lang`, which a crumb without it would find in the page's view.
    struct Crumb: ViewModel { var label: String; var href: String?; var label_lang: String? }
    /// An entry of the main navigation.
    /// `current_value` is `page` on the page itself, `true` on a page of its section.
    struct NavItem: ViewModel { var label: String; var href: String; var current: Bool; var current_value: String }
    /// The same page in another language.
    struct LanguageLink: ViewModel { var code: String; var name: String; var href: String; var current: Bool }
    struct Stylesheet: ViewModel { var href: String }
    struct Script: ViewModel { var src: String }

    var site_title: String
    /// The language of `site_title` when it is not the page's (not translated), else nil.
    var site_title_lang: String?
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
    /// What the page is, for the search results (Pagefind's `kind` filter and meta).
    var search_kind: String
    /// The page's content, as UTF-8 bytes inserted as they are (`{{{content}}}`).
    var content: RenderedText
    var fallback_note: Bool
    var json_ld: RenderedText?
    var revision: String
    var revision_full: String
    var source_date: String
    var source_day: String
    var model_version: String
    var tool_version: String
    var data_href: String
    /// The page's public address, printed in the footer of a printout.
    var page_address: String
    /// The compliance pages: accessibility statement, legal notice, contact.
    var footer_links: [NavItem]
}
