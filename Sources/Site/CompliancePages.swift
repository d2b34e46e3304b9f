import Diagnostics
import Model
import Rendering

extension Pages {
    /// The compliance pages every footer links to, each written per language as a template
    /// `pages/<name>.<lang>.mustache` (a language without one gets the default language's):
    /// the accessibility statement, which follows the model statement of Commission
    /// Implementing Decision (EU) 2018/1523 (compliance status, non-accessible content,
    /// preparation date and method, feedback and contact, enforcement procedure, last
    /// review) as Directive (EU) 2016/2102, article 7, and Royal Decree 1112/2018 require;
    /// the legal notice; and the contact page.
    func compliance(_ route: SiteRoute, _ language: SiteLanguage, _ path: String) -> PageContent {
        let name = Pages.compliancePage(route)
        let view = ComplianceView(
            site_address: site.options.baseURL,
            accessibility_href: href(.accessibility, language, from: path),
            legal_href: href(.legalNotice, language, from: path),
            contact_href: href(.contact, language, from: path),
            offices_href: href(.offices, language, from: path),
            model_version: network.settings.version,
            source_date: language.formatter.date(site.input.sourceDay),
            source_day: site.input.sourceDay.description)
        let title = language["\(name.replacingOccurrences(of: "-", with: "_"))_heading"]
        if site.templates.names.contains("pages/\(name).\(language.code)") {
            return PageContent(title: title, html: Array(HTML.typesetText(String(decoding: render("pages/\(name).\(language.code)", view, language),
                                                                                  as: UTF8.self)).utf8))
        }
        // A language without its own: the default language's page, in that language from
        // its heading on and marked so (session 45's trial read a Catalan accessibility
        // statement under `lang="oc"`, unmarked: WCAG 3.1.2), as a text not translated is.
        let original = site.languages.first { $0.code == site.input.defaultLanguage } ?? language
        let body = HTML.typesetText(String(decoding: render("pages/\(name).\(original.code)", view, original), as: UTF8.self))
        let mark = "<p class=\"note\"><span class=\"fallback-mark\">\(HTML.escape(language["untranslated"]))</span> \(HTML.escape(language["untranslated_block"]))</p>\n"
        return PageContent(title: title, html: Array((mark + "<div lang=\"\(original.code)\" class=\"fallback\">\n" + body + "</div>\n").utf8))
    }

    /// The templates of the compliance pages in the languages oae ships them in.
    static let complianceTemplates = ["accessibility", "legal-notice", "contact"].flatMap { name in
        ["ca", "es", "en"].map { "pages/\(name).\($0)" }
    }

    /// The name of a compliance page's templates.
    static func compliancePage(_ route: SiteRoute) -> String {
        switch route {
        case .legalNotice: return "legal-notice"
        case .contact: return "contact"
        default: return "accessibility"
        }
    }
}

/// The view model of the compliance pages (`pages/accessibility.<lang>.mustache`,
/// `pages/legal-notice.<lang>.mustache`, `pages/contact.<lang>.mustache`).
struct ComplianceView: ViewModel {
    /// The site's public address (`https://…/`).
    var site_address: String
    var accessibility_href: String
    var legal_href: String
    var contact_href: String
    var offices_href: String
    var model_version: String
    var source_date: String
    var source_day: String
}

extension SiteBuild {
    /// `translation-missing` for each compliance page without a template in a language
    /// of the model: the page is shown in the default language, marked.
    public static func untranslatedCompliancePages(_ templates: [String], languages: [String], defaultLanguage: String) -> [Diagnostic] {
        let folder = SiteSettings.templateFolder + "/"
        let names = Set(templates)
        // A page misnamed (`contact.FR.mustache`, `contact.fra.mustache` for `fr`): read by
        // nothing, and the translator was told only to write the page it had written (session
        // 45's review). A page in a language the model does not list is one prepared or set
        // aside, as a strings file is (`ui-string-language`).
        let pages = ["accessibility", "legal-notice", "contact"]
        let unread = templates.sorted().compactMap { path -> Diagnostic? in
            guard path.hasPrefix(folder + "pages/"), path.hasSuffix(".mustache") else { return nil }
            let parts = path.dropFirst((folder + "pages/").count).dropLast(".mustache".count).split(separator: ".", maxSplits: 1)
            guard parts.count == 2, pages.contains(String(parts[0])), !languages.contains(String(parts[1])) else { return nil }
            let code = String(parts[1])
            let meant = LanguageNames.meant(code, in: languages)
            guard meant != nil || !TreeLayout.isLanguageCode(code) else { return nil }
            return .warning("translation-orphan", "'\(code)' is not a language of the model (\(languages.joined(separator: ", "))), so nothing reads this page",
                            at: .wholeFile(path),
                            help: meant.map { "rename it \(folder)pages/\(parts[0]).\($0).mustache" }
                                ?? "name it after a language of model/model.yaml (\(folder)pages/\(parts[0]).<language>.mustache)")
        }
        return unread + pages.flatMap { name -> [Diagnostic] in
            let original = folder + "pages/\(name).\(defaultLanguage).mustache"
            guard names.contains(original) else { return [] }
            return languages.filter { !names.contains(folder + "pages/\(name).\($0).mustache") }.map { language in
                .warning("translation-missing",
                         "the \(name.replacingOccurrences(of: "-", with: " ")) page has no \(LanguageNames.described(language)) text, so its \(language) page shows the \(LanguageNames.described(defaultLanguage)) text, marked",
                         at: .wholeFile(original), help: "translate it into \(folder)pages/\(name).\(language).mustache")
            }
        }
    }

}
