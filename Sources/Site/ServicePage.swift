import Loading
import Model
import Presentation
import Rendering
import Resolution

extension Pages {
    func modelService(_ id: String, _ language: SiteLanguage, _ path: String) -> PageContent {
        guard let doc = network.modelDocument(.service, id), let root = doc.root else { return notFound(language, path) }
        let values = ValueText(site: site, language: language)
        var view = serviceFacts(root, municipality: nil, language, path)
        view.body = site.bodies.render(doc, in: language, pagePath: path, headingShift: 1)
        view.status_label = language.label("service_status", root.string(at: "status") ?? "")
        view.status = root.string(at: "status") ?? ""
        view.is_model = true
        // Each municipality read where it is (`SiteContext.eachMunicipality`).
        view.offered_by = site.eachMunicipality { r in
            var row = ServiceView.Office(office: officeSummary(r.slug, language, path),
                                         office_href: href(.office(r.slug), language, from: path, fragment: "services"),
                                         state: adoptionWord("not-adopted", language), offered: false,
                                         overrides: [], has_overrides: false, reason: "", has_reason: false)
            if let s = r.services.first(where: { $0.id == id }) {
                row.state = adoptionWord(s.adoption.rawValue, language)
                row.offered = true
                row.overrides = s.overrides.map { overrideRow($0, values) }
                row.has_overrides = !s.overrides.isEmpty
            } else if let o = r.omitted.first(where: { $0.service == id }) {
                row.state = language.label("adoption", "omitted")
                row.reason = language.html(o.reason)
                row.has_reason = o.reason != nil
            }
            return row
        }
        return PageContent(title: language.string(root["name"]).nonEmpty ?? id, description: language.string(root["summary"]),
                           breadcrumbs: [(language["nav_model"], .modelIndex)],
                           html: render("service", view, language),
                           jsonLD: site.options.structuredData.service(nil, id, language.code), section: .model)
    }

    func localService(_ slug: String, _ id: String, _ language: SiteLanguage, _ path: String) -> PageContent {
        guard let r = site.resolved[slug], let doc = r.files.services.first(where: { $0.id == id }), let root = doc.root else {
            return notFound(language, path)
        }
        var view = serviceFacts(root, municipality: slug, language, path)
        let office = officeSummary(slug, language, path)
        view.body = site.bodies.render(doc, in: language, pagePath: path, headingShift: 1)
        view.status_label = language.label("adoption", "local")
        view.status = "local"
        view.is_local = true
        view.office = office
        return PageContent(title: language.string(root["name"]).nonEmpty ?? id, description: language.string(root["summary"]),
                           breadcrumbs: [(office.name.text.nonEmpty ?? slug, .office(slug))],
                           html: render("service", view, language),
                           jsonLD: site.options.structuredData.service(slug, id, language.code), section: .offices)
    }

    /// A link to a service or procedure of the municipality's own when it has one by that
    /// id, else to the model's.
    func documentLink(_ kind: Kind, _ id: String, in local: ResolvedMunicipality?, _ language: SiteLanguage,
                      from path: String) -> TextLink {
        let own = kind == .service ? local?.files.services : local?.files.procedures
        if let local, let doc = own?.first(where: { $0.id == id }) {
            let route: SiteRoute = kind == .service ? .localService(municipality: local.slug, id: id)
                                                    : .localProcedure(municipality: local.slug, id: id)
            return localLink(doc.root?[kind == .service ? "name" : "title"], route, language, from: path)
        }
        return modelLink(kind, id, kind == .service ? .service(id) : .procedure(id), language, from: path)
    }

    /// A legal basis (`ref`, `title`, `url`) as cited on a page (`legal.mustache`): its
    /// title and the reference's pinpoint (`LegalCitation`); without a title, the reference
    /// marked with its language when that is not the page's.
    func legalCitation(_ l: Node, _ language: SiteLanguage) -> ServiceView.Legal {
        let url = l.string(at: "url") ?? ""
        let ref = l.string(at: "ref") ?? ""
        let refLanguage = Pages.citationLanguage(ref, title: l["title"]).flatMap { $0 == language.code ? nil : $0 }
        let pinpoint = LegalCitation.pinpoint(ref)
        return ServiceView.Legal(ref: ref, ref_lang: refLanguage ?? "", has_ref_lang: refLanguage != nil,
                                 title: language.text(l["title"]), has_title: l["title"] != nil,
                                 pinpoint: pinpoint ?? "", has_pinpoint: pinpoint != nil,
                                 url: url, has_url: url.hasPrefix("https://") || url.hasPrefix("http://"))
    }

    /// The fields of a service sheet. Links to procedures and related services go to the
    /// municipality's own documents when it has them.
    func serviceFacts(_ root: Node, municipality: String?, _ language: SiteLanguage, _ path: String) -> ServiceView {
        let values = ValueText(site: site, language: language)
        let local = municipality.flatMap { site.resolved[$0] }
        let owner = root.string(at: "owner_role")
        let legal = (root.sequence(at: "legal_basis") ?? []).map { legalCitation($0, language) }
        // The target with its direction, as the charter and the handbook write it ("com a
        // màxim 5 dies"): the metric names what is counted, not the limit.
        let commitments = (root.sequence(at: "commitments") ?? []).map { c in
            let bound = c.string(at: "bound") == "min" ? "direction.at-least" : "direction.at-most"
            return ServiceView.Commitment(metric: language.text(c["metric"]),
                                          target: Strings.fill(HTML.escape(language[bound]),
                                                               ["value": values.html(c["target"], field: "target", parent: c)]))
        }
        let related = (root.sequence(at: "related_services") ?? []).compactMap(\.string).map {
            documentLink(.service, $0, in: local, language, from: path)
        }
        let procedures = (root.sequence(at: "procedures") ?? []).compactMap(\.string).map {
            documentLink(.procedure, $0, in: local, language, from: path)
        }
        let indicators = (root.sequence(at: "indicators") ?? []).compactMap(\.string).map {
            modelLink(.indicator, $0, .indicator($0), language, from: path)
        }
        let area = root.string(at: "area").flatMap(site.area)
        return ServiceView(
            name: language.text(root["name"]),
            summary: language.text(root["summary"]),
            area: language.text(area?["name"]),
            audience: labels("audience", root["audience"], language),
            format: labels("service_format", root["format"], language),
            channels: labels("channel", root["channels"], language),
            duration: root.string(at: "duration").map(language.duration) ?? "",
            cost: root["cost"].map(values.cost) ?? "",
            requirements: texts(root["requirements"], language),
            has_requirements: !(root.sequence(at: "requirements") ?? []).isEmpty,
            evidence: texts(root["evidence"], language),
            has_evidence: !(root.sequence(at: "evidence") ?? []).isEmpty,
            outputs: texts(root["outputs"], language),
            has_outputs: !(root.sequence(at: "outputs") ?? []).isEmpty,
            legal: legal, has_legal: !legal.isEmpty,
            authority: language.text(root["competent_authority"]),
            operator: language.text(root["operator"]),
            owner: owner.map { modelLink(.role, $0, .role($0), language, from: path) },
            has_owner: owner != nil,
            related: related, has_related: !related.isEmpty,
            procedures: procedures, has_procedures: !procedures.isEmpty,
            indicators: indicators, has_indicators: !indicators.isEmpty,
            commitments: commitments, has_commitments: !commitments.isEmpty,
            review: ReviewFacts(root, language),
            body: "", status: "", status_label: "", is_model: false, is_local: false, offered_by: [], office: nil)
    }
}

/// The view model of `service.mustache`: a service of the model (with what each office
/// does with it) or a municipality's own service.
struct ServiceView: ViewModel {
    struct Legal: ViewModel {
        var ref: String
        /// The language of the citation when it is not the page's (`es` for "Ley 14/2013"
        /// on a Catalan page), for its `lang` attribute (WCAG 2.1 3.1.2).
        var ref_lang: String
        var has_ref_lang: Bool
        var title: TextView
        var has_title: Bool
        /// The part of the norm the reference cites ("art. 47-53"), shown after the title.
        var pinpoint: String
        var has_pinpoint: Bool
        var url: String
        var has_url: Bool
    }
    struct Commitment: ViewModel { var metric: TextView; var target: String }
    /// What one office does with a service of the model.
    struct Office: ViewModel {
        var office: OfficeSummary
        var office_href: String
        var state: String
        var offered: Bool
        var overrides: [OverrideRow]
        var has_overrides: Bool
        var reason: String
        var has_reason: Bool
    }

    var name: TextView
    var summary: TextView
    var area: TextView
    var audience: String
    var format: String
    var channels: String
    var duration: String
    var cost: String
    var requirements: [TextView]
    var has_requirements: Bool
    var evidence: [TextView]
    var has_evidence: Bool
    var outputs: [TextView]
    var has_outputs: Bool
    var legal: [Legal]
    var has_legal: Bool
    var authority: TextView
    var `operator`: TextView
    var owner: TextLink?
    var has_owner: Bool
    var related: [TextLink]
    var has_related: Bool
    var procedures: [TextLink]
    var has_procedures: Bool
    var indicators: [TextLink]
    var has_indicators: Bool
    var commitments: [Commitment]
    var has_commitments: Bool
    var review: ReviewFacts
    var body: String
    var status: String
    var status_label: String
    var is_model: Bool
    var is_local: Bool
    var offered_by: [Office]
    /// The municipality of a local service.
    var office: OfficeSummary?
}

/// The version and the last review of a document, as its fact sheet shows them.
struct ReviewFacts: ViewModel {
    var version: String
    var has_version: Bool
    var last_reviewed: String
    var last_reviewed_day: String
    var has_last_reviewed: Bool

    init(_ root: Node, _ language: SiteLanguage) {
        version = root.string(at: "version") ?? ""
        has_version = root["version"] != nil
        last_reviewed = language.date(root.string(at: "last_reviewed"))
        last_reviewed_day = root.string(at: "last_reviewed") ?? ""
        has_last_reviewed = root["last_reviewed"] != nil
    }
}

extension Pages {
    /// The language a law is cited in: the language of the title translation that starts
    /// with the citation ("Ley 14/2013" is the start of the Spanish title, "Llei 18/2020"
    /// of the Catalan one), or nil when none does.
    static func citationLanguage(_ ref: String, title: Node?) -> String? {
        guard !ref.isEmpty, let pairs = title?.pairs else { return nil }
        return pairs.first { $0.value.string?.hasPrefix(ref) == true }?.key.string
    }
}
