import Loading
import Model
import Rendering
import Resolution

extension Pages {
    func modelService(_ id: String, _ language: SiteLanguage, _ path: String) -> PageContent {
        guard let doc = network.modelDocument(.service, id), let root = doc.root else { return notFound(language, path) }
        var context = serviceFacts(root, municipality: nil, language, path)
        context["body"] = site.bodies.render(doc, in: language, pagePath: path, headingShift: 1)
        context["status_label"] = language.label("service_status", root["status"]?.string ?? "")
        context["status"] = root["status"]?.string ?? ""
        let offeredBy: [[String: Any]] = site.municipalities.map { r in
            var row: [String: Any] = ["office": officeSummary(r.slug, language, path),
                                      "office_href": href(.office(r.slug), language, from: path, fragment: "services")]
            if let s = r.services.first(where: { $0.id == id }) {
                row["state"] = language.label("adoption", s.adoption.rawValue)
                row["offered"] = true
                row["overrides"] = s.overrides.map { overrideRow($0, ValueText(site: site, language: language)) }
                row["has_overrides"] = !s.overrides.isEmpty
            } else if let o = r.omitted.first(where: { $0.service == id }) {
                row["state"] = language.label("adoption", "omitted")
                row["offered"] = false
                row["reason"] = language.html(o.reason)
                row["has_reason"] = o.reason != nil
                row["has_overrides"] = false
            } else {
                row["state"] = language.label("adoption", "not-adopted")
                row["offered"] = false
                row["has_overrides"] = false
                row["has_reason"] = false
            }
            return row
        }
        context["offered_by"] = offeredBy
        context["is_model"] = true
        let name = language.string(root["name"]).nonEmpty ?? id
        return PageContent(title: name, description: language.string(root["summary"]),
                           breadcrumbs: [(language["nav_model"], .modelIndex)],
                           html: render("service", context, language),
                           jsonLD: site.options.structuredData.service(nil, id, language.code), section: .model)
    }

    func localService(_ slug: String, _ id: String, _ language: SiteLanguage, _ path: String) -> PageContent {
        guard let r = site.resolved[slug], let doc = r.files.services.first(where: { $0.id == id }), let root = doc.root else {
            return notFound(language, path)
        }
        var context = serviceFacts(root, municipality: slug, language, path)
        context["body"] = site.bodies.render(doc, in: language, pagePath: path, headingShift: 1)
        context["status_label"] = language.label("adoption", "local")
        context["status"] = "local"
        context["is_local"] = true
        context["office"] = officeSummary(slug, language, path)
        let name = language.string(root["name"]).nonEmpty ?? id
        let officeName = (officeSummary(slug, language, path)["name"] as? [String: Any])?["text"] as? String ?? slug
        return PageContent(title: name, description: language.string(root["summary"]),
                           breadcrumbs: [(officeName, .office(slug))],
                           html: render("service", context, language),
                           jsonLD: site.options.structuredData.service(slug, id, language.code), section: .home)
    }

    /// The fields of a service sheet as template data. Links to procedures and related
    /// services go to the municipality's own documents when it has them.
    func serviceFacts(_ root: Node, municipality: String?, _ language: SiteLanguage, _ path: String) -> [String: Any] {
        let values = ValueText(site: site, language: language)
        let local = municipality.flatMap { site.resolved[$0] }
        func serviceLink(_ id: String) -> [String: Any] {
            if let local, let doc = local.files.services.first(where: { $0.id == id }) {
                var l = language.text(doc.root?["name"])
                l["href"] = href(.localService(municipality: local.slug, id: id), language, from: path)
                return l
            }
            return modelLink(.service, id, .service(id), language, from: path)
        }
        func procedureLink(_ id: String) -> [String: Any] {
            if let local, let doc = local.files.procedures.first(where: { $0.id == id }) {
                var l = language.text(doc.root?["title"])
                l["href"] = href(.localProcedure(municipality: local.slug, id: id), language, from: path)
                return l
            }
            return modelLink(.procedure, id, .procedure(id), language, from: path)
        }
        let owner = root["owner_role"]?.string
        let legal: [[String: Any]] = (root["legal_basis"]?.sequence ?? []).map { l in
            let url = l["url"]?.string ?? ""
            return ["ref": l["ref"]?.string ?? "", "title": language.text(l["title"]), "has_title": l["title"] != nil,
                    "url": url, "has_url": url.hasPrefix("https://") || url.hasPrefix("http://")]
        }
        let commitments: [[String: Any]] = (root["commitments"]?.sequence ?? []).map { c in
            ["metric": language.text(c["metric"]), "target": values.html(c["target"], field: "target", parent: c)]
        }
        let related = (root["related_services"]?.sequence ?? []).compactMap(\.string).map(serviceLink)
        let procedures = (root["procedures"]?.sequence ?? []).compactMap(\.string).map(procedureLink)
        let indicators = (root["indicators"]?.sequence ?? []).compactMap(\.string).map {
            modelLink(.indicator, $0, .indicator($0), language, from: path)
        }
        let area = root["area"]?.string.flatMap(site.area)
        return [
            "name": language.text(root["name"]),
            "summary": language.text(root["summary"]),
            "area": language.text(area?["name"]),
            "audience": labels("audience", root["audience"], language),
            "format": labels("format", root["format"], language),
            "channels": labels("channel", root["channels"], language),
            "duration": root["duration"]?.string.map(language.formats.duration) ?? "",
            "cost": root["cost"].map(values.cost) ?? "",
            "requirements": texts(root["requirements"], language),
            "has_requirements": !(root["requirements"]?.sequence ?? []).isEmpty,
            "evidence": texts(root["evidence"], language),
            "has_evidence": !(root["evidence"]?.sequence ?? []).isEmpty,
            "outputs": texts(root["outputs"], language),
            "has_outputs": !(root["outputs"]?.sequence ?? []).isEmpty,
            "legal": legal, "has_legal": !legal.isEmpty,
            "authority": language.text(root["competent_authority"]),
            "operator": language.text(root["operator"]),
            "owner": owner.map { modelLink(.role, $0, .role($0), language, from: path) } ?? language.plain(""),
            "has_owner": owner != nil,
            "related": related, "has_related": !related.isEmpty,
            "procedures": procedures, "has_procedures": !procedures.isEmpty,
            "indicators": indicators, "has_indicators": !indicators.isEmpty,
            "commitments": commitments, "has_commitments": !commitments.isEmpty,
            "version": root["version"]?.string ?? "",
            "has_version": root["version"] != nil,
            "last_reviewed": language.formats.date(root["last_reviewed"]?.string),
            "last_reviewed_day": root["last_reviewed"]?.string ?? "",
            "has_last_reviewed": root["last_reviewed"] != nil,
        ]
    }
}
