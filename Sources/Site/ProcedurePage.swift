import Loading
import Model
import Rendering
import Resolution

extension Pages {
    func modelProcedure(_ id: String, _ language: SiteLanguage, _ path: String) -> PageContent {
        guard let doc = network.modelDocument(.procedure, id), let root = doc.root else { return notFound(language, path) }
        var context = procedureFacts(root, municipality: nil, language, path)
        context["body"] = site.bodies.render(doc, in: language, pagePath: path, headingShift: 1)
        let required = network.settings.requirements.procedures.first { $0.procedure == id }
        context["required_from"] = required.map { site.statusLabel($0.from.rawValue, language) } ?? ""
        context["is_required"] = required != nil
        context["is_model"] = true
        context["offices"] = site.municipalities.map { r -> [String: Any] in
            let p = r.procedures.first { $0.id == id }
            let ownerRole = p?.localOwner?.role
            var row: [String: Any] = [
                "office": officeSummary(r.slug, language, path),
                "office_href": href(.office(r.slug), language, from: path, fragment: "procedures"),
                "has_owner": ownerRole != nil,
                "owner": ownerRole.map { site.titleString(.role, $0, language) } ?? "",
                "owner_href": ownerRole.map { href(.role($0), language, from: path) } ?? "",
                "has_variant": p?.variant != nil,
                "overrides": (p?.overrides ?? []).map { overrideRow($0, ValueText(site: site, language: language)) },
                "has_overrides": !(p?.overrides ?? []).isEmpty,
            ]
            if let v = p?.variant {
                var link = language.text(v.root?["title"])
                link["href"] = href(.localProcedure(municipality: r.slug, id: v.id), language, from: path)
                row["variant"] = link
            }
            return row
        }
        let title = language.string(root["title"]).nonEmpty ?? id
        return PageContent(title: title, description: language.string(root["purpose"]),
                           breadcrumbs: [(language["nav_model"], .modelIndex)],
                           html: render("procedure", context, language), section: .model)
    }

    func localProcedure(_ slug: String, _ id: String, _ language: SiteLanguage, _ path: String) -> PageContent {
        guard let r = site.resolved[slug], let doc = r.files.procedures.first(where: { $0.id == id }), let root = doc.root else {
            return notFound(language, path)
        }
        var context = procedureFacts(root, municipality: slug, language, path)
        context["body"] = site.bodies.render(doc, in: language, pagePath: path, headingShift: 1)
        context["is_local"] = true
        context["office"] = officeSummary(slug, language, path)
        if let base = root["variant_of"]?.string {
            context["variant_of"] = modelLink(.procedure, base, .procedure(base), language, from: path)
            context["is_variant"] = true
        }
        let owner = r.procedures.first { $0.variant?.id == id }?.localOwner?.role
        if let owner {
            context["local_owner"] = modelLink(.role, owner, .role(owner), language, from: path)
            context["has_local_owner"] = true
        }
        let title = language.string(root["title"]).nonEmpty ?? id
        let officeName = (officeSummary(slug, language, path)["name"] as? [String: Any])?["text"] as? String ?? slug
        return PageContent(title: title, description: language.string(root["purpose"]),
                           breadcrumbs: [(officeName, .office(slug))],
                           html: render("procedure", context, language), section: .home)
    }

    /// The fields of a procedure as template data.
    func procedureFacts(_ root: Node, municipality: String?, _ language: SiteLanguage, _ path: String) -> [String: Any] {
        let local = municipality.flatMap { site.resolved[$0] }
        let steps: [[String: Any]] = (root["steps"]?.sequence ?? []).enumerated().map { i, s in
            let role = s["role"]?.string ?? ""
            return ["number": String(i + 1), "id": s["id"]?.string ?? "",
                    "role": site.titleString(.role, role, language), "role_href": href(.role(role), language, from: path),
                    "action": language.text(s["action"]), "output": language.text(s["output"]),
                    "time_limit": s["time_limit"]?.string.map(language.formats.duration) ?? ""]
        }
        let services: [[String: Any]] = (root["services"]?.sequence ?? []).compactMap(\.string).map { id in
            if let local, let doc = local.files.services.first(where: { $0.id == id }) {
                var l = language.text(doc.root?["name"])
                l["href"] = href(.localService(municipality: local.slug, id: id), language, from: path)
                return l
            }
            return modelLink(.service, id, .service(id), language, from: path)
        }
        let owner = root["owner_role"]?.string
        return [
            "title": language.text(root["title"]),
            "type": language.label("procedure_type", root["type"]?.string ?? "procedure"),
            "purpose": language.text(root["purpose"]),
            "trigger": language.text(root["trigger"]),
            "escalation": language.text(root["escalation"]),
            "has_escalation": root["escalation"] != nil,
            "owner": owner.map { modelLink(.role, $0, .role($0), language, from: path) } ?? language.plain(""),
            "has_owner": owner != nil,
            "services": services, "has_services": !services.isEmpty,
            "steps": steps,
            "version": root["version"]?.string ?? "", "has_version": root["version"] != nil,
            "last_reviewed": language.formats.date(root["last_reviewed"]?.string),
            "last_reviewed_day": root["last_reviewed"]?.string ?? "",
            "has_last_reviewed": root["last_reviewed"] != nil,
        ]
    }
}
