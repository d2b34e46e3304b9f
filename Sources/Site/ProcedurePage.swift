import Loading
import Model
import Rendering
import Resolution

extension Pages {
    func modelProcedure(_ id: String, _ language: SiteLanguage, _ path: String) -> PageContent {
        guard let doc = network.modelDocument(.procedure, id), let root = doc.root else { return notFound(language, path) }
        let values = ValueText(site: site, language: language)
        var view = procedureFacts(root, municipality: nil, language, path)
        view.body = site.bodies.render(doc, in: language, pagePath: path, headingShift: 1)
        let required = network.settings.requirements.procedures.first { $0.procedure == id }
        view.required_from = required.map { site.statusLabel($0.from.rawValue, language) } ?? ""
        view.is_required = required != nil
        view.is_model = true
        view.offices = site.eachMunicipality { r in
            let p = r.procedures.first { $0.id == id }
            let ownerRole = p?.localOwner?.role
            return ProcedureView.Office(
                office: officeSummary(r.slug, language, path),
                office_href: href(.office(r.slug), language, from: path, fragment: "procedures"),
                has_owner: ownerRole != nil,
                owner: ownerRole.map { site.titleString(.role, $0, language) } ?? "",
                owner_href: ownerRole.map { href(.role($0), language, from: path) } ?? "",
                has_variant: p?.variant != nil,
                variant: p?.variant.map { localLink($0.root?["title"], .localProcedure(municipality: r.slug, id: $0.id), language, from: path) },
                overrides: (p?.overrides ?? []).map { overrideRow($0, values) },
                has_overrides: !(p?.overrides ?? []).isEmpty)
        }
        return PageContent(title: language.string(root["title"]).nonEmpty ?? id, description: language.string(root["purpose"]),
                           breadcrumbs: [(language["nav_model"], .modelIndex)],
                           html: render("procedure", view, language), section: .model)
    }

    func localProcedure(_ slug: String, _ id: String, _ language: SiteLanguage, _ path: String) -> PageContent {
        guard let r = site.resolved[slug], let doc = r.files.procedures.first(where: { $0.id == id }), let root = doc.root else {
            return notFound(language, path)
        }
        var view = procedureFacts(root, municipality: slug, language, path)
        let office = officeSummary(slug, language, path)
        view.body = site.bodies.render(doc, in: language, pagePath: path, headingShift: 1)
        view.is_local = true
        view.office = office
        if let base = root.string(at: "variant_of") {
            view.variant_of = modelLink(.procedure, base, .procedure(base), language, from: path)
            view.is_variant = true
        }
        if let owner = r.procedures.first(where: { $0.variant?.id == id })?.localOwner?.role {
            view.local_owner = modelLink(.role, owner, .role(owner), language, from: path)
            view.has_local_owner = true
        }
        return PageContent(title: language.string(root["title"]).nonEmpty ?? id, description: language.string(root["purpose"]),
                           breadcrumbs: [(office.name.text.nonEmpty ?? slug, .office(slug))],
                           html: render("procedure", view, language), section: .offices)
    }

    /// The fields of a procedure.
    func procedureFacts(_ root: Node, municipality: String?, _ language: SiteLanguage, _ path: String) -> ProcedureView {
        let local = municipality.flatMap { site.resolved[$0] }
        let steps = (root.sequence(at: "steps") ?? []).enumerated().map { i, s in
            let role = s.string(at: "role") ?? ""
            return ProcedureView.Step(
                number: String(i + 1), id: s.string(at: "id") ?? "",
                role: site.titleString(.role, role, language), role_href: href(.role(role), language, from: path),
                action: language.text(s["action"]), output: language.text(s["output"]),
                time_limit: s.string(at: "time_limit").map(language.duration) ?? "")
        }
        let services = (root.sequence(at: "services") ?? []).compactMap(\.string).map {
            documentLink(.service, $0, in: local, language, from: path)
        }
        let owner = root.string(at: "owner_role")
        return ProcedureView(
            title: language.text(root["title"]),
            type: language.label("procedure_type", root.string(at: "type") ?? "procedure"),
            purpose: language.text(root["purpose"]),
            trigger: language.text(root["trigger"]),
            escalation: language.text(root["escalation"]), has_escalation: root["escalation"] != nil,
            owner: owner.map { modelLink(.role, $0, .role($0), language, from: path) }, has_owner: owner != nil,
            services: services, has_services: !services.isEmpty,
            steps: steps,
            review: ReviewFacts(root, language),
            body: "", required_from: "", is_required: false, is_model: false, offices: [],
            is_local: false, office: nil, is_variant: false, variant_of: nil, has_local_owner: false, local_owner: nil)
    }
}

/// The view model of `procedure.mustache`: a procedure of the model (with each office's
/// owner and variant) or a municipality's own procedure or variant.
struct ProcedureView: ViewModel {
    struct Step: ViewModel {
        var number: String
        var id: String
        var role: String
        var role_href: String
        var action: TextView
        var output: TextView
        var time_limit: String
    }
    /// What one office does with a procedure of the model.
    struct Office: ViewModel {
        var office: OfficeSummary
        var office_href: String
        var has_owner: Bool
        var owner: String
        var owner_href: String
        var has_variant: Bool
        var variant: TextLink?
        var overrides: [OverrideRow]
        var has_overrides: Bool
    }

    var title: TextView
    var type: String
    var purpose: TextView
    var trigger: TextView
    var escalation: TextView
    var has_escalation: Bool
    var owner: TextLink?
    var has_owner: Bool
    var services: [TextLink]
    var has_services: Bool
    var steps: [Step]
    var review: ReviewFacts
    var body: String
    var required_from: String
    var is_required: Bool
    var is_model: Bool
    var offices: [Office]
    var is_local: Bool
    /// The municipality of a local procedure.
    var office: OfficeSummary?
    var is_variant: Bool
    var variant_of: TextLink?
    var has_local_owner: Bool
    var local_owner: TextLink?
}
