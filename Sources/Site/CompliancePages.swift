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
        let template = site.templates.names.contains("pages/\(name).\(language.code)")
            ? "pages/\(name).\(language.code)" : "pages/\(name).\(site.input.defaultLanguage)"
        return PageContent(title: language["\(name.replacingOccurrences(of: "-", with: "_"))_heading"],
                           html: Array(HTML.typesetText(String(decoding: render(template, view, language), as: UTF8.self)).utf8))
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
