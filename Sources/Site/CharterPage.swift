import Loading
import Model
import Rendering
import Resolution

/// The service charter (carta de serveis) of an office, with the minimum content of Llei
/// 19/2014, art. 59: the services, the commitments with the indicators that measure them,
/// the rights and duties of the people served, the channels and hours, and how to
/// complain or suggest. Written from the office, its resolved catalogue and
/// `model/charter.yaml`; its print stylesheet fits it on one A4 page.
extension Pages {
    func charter(_ slug: String, _ language: SiteLanguage, _ path: String) -> PageContent {
        guard let r = site.resolved[slug] else { return notFound(language, path) }
        let office = site.office(slug)
        let template = network.modelDocuments(.charterTemplate).first?.root
        let officeText = language.text(office?["name"])
        let officeName = officeText.text.nonEmpty ?? site.municipalityName(slug)
        let offered = inReadingOrder(r.services, language)
        let services = offered.map { s -> CharterView.Service in
            let route = SiteRoute.page(of: s, municipality: slug)
            return .init(link: TextLink(s.fields["name"].map(language.text) ?? language.plain(s.id), href: href(route, language, from: path)),
                         summary: language.text(s.fields["summary"]))
        }
        let commitments = offered.flatMap { s in
            (s.fields.sequence(at: "commitments") ?? []).map { c -> CharterView.Commitment in
                let unit = c.string(at: "unit") ?? "count"
                let value = language.formatter.measure(c["target"]?.number ?? 0, unit: unit)
                let bound = c.string(at: "bound") == "min" ? "at-least" : "at-most"
                let indicators = (s.fields.sequence(at: "indicators") ?? []).compactMap(\.string).map {
                    modelLink(.indicator, $0, .indicator($0), language, from: path)
                }
                return .init(service: s.fields["name"].map(language.text) ?? language.plain(s.id), metric: language.text(c["metric"]),
                             target: language.format("direction.\(bound)", ["value": value]),
                             local: s.overrides.contains { $0.fieldName == "commitments" || $0.fieldName.hasPrefix("commitments[\(c.string(at: "id") ?? "")]") },
                             indicators: indicators, has_indicators: !indicators.isEmpty)
            }
        }
        let complaints = template?["complaints"]
        let procedure = complaints?.string(at: "procedure")
        let indicator = complaints?.string(at: "indicator")
        let legal = (template?.sequence(at: "legal_basis") ?? []).map { legalCitation($0, language) }
        let hours = officeHours(office, language)
        let contact = officeContact(office, language)
        let address = officeSummary(slug, language, path).address
        // An office not open yet says so where a reader of the printed sheet sees it (session
        // 44's trial: a planned office's charter read as an open one's, hours and all).
        let notice: String? = (r.status ?? .planned) >= .pilot ? nil
            : r.openingDate.map { language.format("charter_opens_on", ["date": language.formatter.date($0)]) } ?? language["charter_not_open"]
        let view = CharterView(
            office: officeName,
            office_name: officeText.text.isEmpty ? language.plain(officeName) : officeText,
            opening_notice: notice ?? "", has_opening_notice: notice != nil,
            intro: language.text(template?["intro"]), has_intro: template?["intro"] != nil,
            address: address, has_address: !address.isEmpty,
            services: services,
            commitments: commitments, has_commitments: !commitments.isEmpty,
            has_template: template != nil,
            rights: texts(template?["rights"], language), duties: texts(template?["duties"], language),
            complaints: language.text(complaints?["text"]),
            complaints_procedure: procedure.map { modelLink(.procedure, $0, .procedure($0), language, from: path) },
            has_complaints_procedure: procedure != nil,
            complaints_indicator: indicator.map { modelLink(.indicator, $0, .indicator($0), language, from: path) },
            has_complaints_indicator: indicator != nil,
            hours: hours, has_hours: !hours.isEmpty, contact: contact, has_contact: !contact.isEmpty,
            has_channels: !address.isEmpty || !hours.isEmpty || !contact.isEmpty,
            legal: legal,
            as_of: language.format("charter_as_of", ["date": language.formatter.date(site.input.sourceDay),
                                                     "version": network.settings.version]),
            office_href: href(.office(slug), language, from: path))
        return PageContent(title: language.format("charter_title", ["office": officeName]),
                           description: language.format("charter_description", ["office": officeName]),
                           breadcrumbs: [(officeName, .office(slug))],
                           html: render("charter", view, language), section: .offices, styles: [SiteAsset.charter])
    }
}

/// The view model of `charter.mustache`.
struct CharterView: ViewModel {
    struct Service: ViewModel { var link: TextLink; var summary: TextView }
    struct Commitment: ViewModel {
        var service: TextView
        var metric: TextView
        /// `com a màxim 3 dies`.
        var target: String
        /// The municipality tightened the model's target.
        var local: Bool
        var indicators: [TextLink]
        var has_indicators: Bool
    }

    /// The office's name as plain text (`{{office}}`, as templates written before
    /// `office_name` show it).
    var office: String
    /// The office's name, marked when shown in another language (a fallback).
    var office_name: TextView
    /// For an office not open yet: when it opens, or that it has not opened.
    var opening_notice: String
    var has_opening_notice: Bool
    var intro: TextView
    var has_intro: Bool
    var address: String
    var has_address: Bool
    var services: [Service]
    var commitments: [Commitment]
    var has_commitments: Bool
    /// Whether `model/charter.yaml` exists (rights, duties and complaints come from it).
    var has_template: Bool
    var rights: [TextView]
    var duties: [TextView]
    var complaints: TextView
    var complaints_procedure: TextLink?
    var has_complaints_procedure: Bool
    var complaints_indicator: TextLink?
    var has_complaints_indicator: Bool
    var hours: [OfficeView.Hours]
    var has_hours: Bool
    var contact: [OfficeView.Contact]
    var has_contact: Bool
    /// Whether the office has given an address, hours or a channel: else the charter says
    /// they are still to be given (`ui.office_no_contact`), not an empty section.
    var has_channels: Bool
    var legal: [ServiceView.Legal]
    var as_of: String
    var office_href: String
}
