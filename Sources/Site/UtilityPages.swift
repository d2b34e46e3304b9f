import Loading
import Foundation
import Model
import Rendering

extension Pages {
    func downloads(_ language: SiteLanguage, _ path: String) -> PageContent {
        let groups = site.municipalities.compactMap { r -> DownloadsView.Group? in
            let links = handbookLinks(r.slug, language, path)
            guard !links.isEmpty else { return nil }
            return .init(office: officeSummary(r.slug, language, path), handbooks: links)
        }
        let data = site.options.dataFiles.map { file in
            let name = String(file.path.split(ascii: "/").last ?? "")
            return DownloadsView.DataFile(name: name, href: SitePath.relative(from: path, to: "data/" + SitePath.encode(file.path)),
                                          size: language.formatter.kilobytes(file.bytes),
                                          format: language[Pages.dataFormatKey(name)],
                                          description: dataDescription(name, language))
        }
        let view = DownloadsView(data_page_href: href(.openData, language, from: path), handbooks_built: site.options.handbooks != nil,
                                 groups: groups, has_groups: !groups.isEmpty, data: data, has_data: !data.isEmpty)
        return PageContent(title: language["downloads_heading"], description: language["downloads_intro"],
                           html: render("downloads", view, language), section: .downloads)
    }

    static func dataFormatKey(_ name: String) -> String {
        if name == "catalog.jsonld" { return "data_format.dcat" }
        if name.hasPrefix("catalogue") { return "data_format_cpsv" }
        if name.hasSuffix(".jsonld") { return "data_format_schema_org" }
        if name.hasSuffix(".csv-metadata.json") { return "data_format.csvw" }
        if name.hasSuffix(".ods") { return "data_format.ods" }
        return "data_format.csv"
    }

    func dataDescription(_ name: String, _ language: SiteLanguage) -> String {
        if name == "catalogue.jsonld" { return language["data_catalogue_all"] }
        if name.hasPrefix("catalogue-"), name.hasSuffix(".jsonld") {
            let slug = String(name.dropFirst("catalogue-".count).dropLast(".jsonld".count))
            return language.format("data_catalogue_one", ["municipality": site.municipalityName(slug)])
        }
        if name == "services.csv" { return language["data_services_csv"] }
        if name == "indicator-values.csv" { return language["data_indicators_csv"] }
        if name == "offices.jsonld" { return language["data_offices_jsonld"] }
        if name == "offices.csv" { return language["data_file.offices_csv"] }
        if name == "budgets.csv" { return language["data_file.budgets_csv"] }
        if name == "catalog.jsonld" { return language["data_file.catalog"] }
        if name.hasSuffix(".ods") { return language["data_file.ods"] }
        if name.hasSuffix(".csv-metadata.json") {
            return language.format("data_file.csvw", ["file": String(name.dropLast("-metadata.json".count))])
        }
        return name
    }

    func search(_ language: SiteLanguage, _ path: String) -> PageContent {
        PageContent(title: language["search_heading"], html: render("search", EmptyView(), language), indexed: false,
                    section: .search, styles: ["pagefind/pagefind-ui.css"],
                    scripts: ["pagefind/pagefind-ui.js", SiteAsset.search], webAssembly: true)
    }

    func notFound(_ language: SiteLanguage, _ path: String) -> PageContent {
        let view = NotFoundView(home_href: href(.home, language, from: path),
                                model_href: href(.modelIndex, language, from: path),
                                search_href: site.options.search ? href(.search, language, from: path) : "",
                                has_search: site.options.search)
        return PageContent(title: language["not_found_heading"], html: render("not-found", view, language), indexed: false)
    }
}

/// The view model of `downloads.mustache`: the handbooks and the open data files.
struct DownloadsView: ViewModel {
    struct Group: ViewModel { var office: OfficeSummary; var handbooks: [HandbookLink] }
    struct DataFile: ViewModel { var name: String; var href: String; var size: String; var format: String; var description: String }

    var data_page_href: String
    var handbooks_built: Bool
    var groups: [Group]
    var has_groups: Bool
    var data: [DataFile]
    var has_data: Bool
}

/// The view model of `not-found.mustache`: where to go from a page that does not exist.
struct NotFoundView: ViewModel {
    var home_href: String
    var model_href: String
    var search_href: String
    var has_search: Bool
}

/// A page whose template uses only the interface words (`search.mustache`).
struct EmptyView: ViewModel {}

extension Pages {
    /// The page the server sends for any missing address (`404.html` at the site's root,
    /// as GitHub Pages and nginx's `error_page` do): its links start at the site's base
    /// path, so they work at any depth, and it says the same in every language. A small
    /// script (`assets/not-found.js`) shows only the language the missing address is in;
    /// without it every language shows, each marked with its `lang`.
    func notFoundAnywhere(_ language: SiteLanguage, base: String) -> PageContent {
        let languages = ([language] + site.languages.filter { $0.code != language.code }).map { other in
            NotFoundAnywhereView.Language(
                code: other.code, heading: other["not_found_heading"], text: other["not_found_text"],
                home_label: other["nav_home"], home_href: base + SiteRoute.home.path(other.code),
                offices_label: other["nav_offices"], offices_href: base + SiteRoute.offices.path(other.code),
                model_label: other["nav_model"], model_href: base + SiteRoute.modelIndex.path(other.code),
                search_label: other["nav_search"], search_href: base + SiteRoute.search.path(other.code),
                has_search: site.options.search)
        }
        return PageContent(title: language["not_found_heading"],
                           html: render("not-found-anywhere", NotFoundAnywhereView(base: base, languages: languages), language),
                           indexed: false, scripts: [SiteAsset.notFound])
    }
}

/// The view model of `not-found-anywhere.mustache`: the root 404 page, in every language.
struct NotFoundAnywhereView: ViewModel {
    struct Language: ViewModel {
        var code: String
        var heading: String
        var text: String
        var home_label: String
        var home_href: String
        var offices_label: String
        var offices_href: String
        var model_label: String
        var model_href: String
        var search_label: String
        var search_href: String
        var has_search: Bool
    }

    /// The site's base path (`/`), for the script that picks the language.
    var base: String
    var languages: [Language]
}
