import Loading
import Model
import Rendering
import Resolution

extension Pages {
    func modelIndex(_ language: SiteLanguage, _ path: String) -> PageContent {
        let model = network.model[.model]?.values.first?.root
        let services = network.modelDocuments(.service)
        let areas: [[String: Any]] = site.areas.compactMap { area in
            guard let id = area["id"]?.string else { return nil }
            let members = services.filter { $0.root?["area"]?.string == id }
            guard !members.isEmpty else { return nil }
            return ["id": "area-\(id)", "name": language.text(area["name"]), "description": language.text(area["description"]),
                    "has_description": area["description"] != nil,
                    "services": members.map { doc -> [String: Any] in
                        ["link": modelLink(.service, doc.id, .service(doc.id), language, from: path),
                         "status": language.label("service_status", doc.root?["status"]?.string ?? ""),
                         "summary": language.text(doc.root?["summary"])]
                    }]
        }
        let procedures: [[String: Any]] = network.modelDocuments(.procedure).map { doc in
            ["link": modelLink(.procedure, doc.id, .procedure(doc.id), language, from: path),
             "type": language.label("procedure_type", doc.root?["type"]?.string ?? "procedure"),
             "purpose": language.text(doc.root?["purpose"])]
        }
        let roles: [[String: Any]] = network.modelDocuments(.role).map { doc in
            ["link": modelLink(.role, doc.id, .role(doc.id), language, from: path), "mission": language.text(doc.root?["mission"])]
        }
        let training: [[String: Any]] = network.modelDocuments(.trainingModule).map { doc in
            ["link": modelLink(.trainingModule, doc.id, .training(doc.id), language, from: path),
             "hours": language.format("hours_value", ["n": language.formats.number(doc.root?["hours"]?.number ?? 0)]),
             "format": language.label("training_format", doc.root?["format"]?.string ?? ""),
             "mandatory": language[doc.root?["mandatory"]?.bool == true ? "mandatory" : "optional_module"]]
        }
        let indicators: [[String: Any]] = network.modelDocuments(.indicator).map { doc in
            ["link": modelLink(.indicator, doc.id, .indicator(doc.id), language, from: path),
             "type": language.label("type", doc.root?["type"]?.string ?? ""),
             "unit": language.label("unit", doc.root?["unit"]?.string ?? ""),
             "frequency": language.label("frequency", doc.root?["frequency"]?.string ?? "")]
        }
        let strategy = network.model[.communicationStrategy]?.values.first
        let context: [String: Any] = [
            "model_title": language.text(model?["title"]),
            "model_description": language.text(model?["description"]),
            "has_description": model?["description"] != nil,
            "version": network.settings.version,
            "areas": areas, "procedures": procedures, "roles": roles, "training": training, "indicators": indicators,
            "has_strategy": strategy != nil,
            "strategy": strategy.map { doc -> [String: Any] in
                var l = language.text(doc.root?["title"])
                l["href"] = href(.communication, language, from: path)
                return l
            } ?? [:],
            "strategy_summary": language.text(strategy?.root?["summary"]),
        ]
        return PageContent(title: language["model_heading"], description: language.string(model?["description"]),
                           html: render("model-index", context, language), section: .model)
    }

    func role(_ id: String, _ language: SiteLanguage, _ path: String) -> PageContent {
        guard let root = network.modelDocument(.role, id)?.root else { return notFound(language, path) }
        let modules = network.modelDocuments(.trainingModule).filter { doc in
            (doc.root?["target_roles"]?.sequence ?? []).contains { $0.string == id }
        }.map { doc -> [String: Any] in
            ["link": modelLink(.trainingModule, doc.id, .training(doc.id), language, from: path),
             "hours": language.format("hours_value", ["n": language.formats.number(doc.root?["hours"]?.number ?? 0)]),
             "mandatory": language[doc.root?["mandatory"]?.bool == true ? "mandatory" : "optional_module"]]
        }
        let services = network.modelDocuments(.service).filter { $0.root?["owner_role"]?.string == id }
            .map { modelLink(.service, $0.id, .service($0.id), language, from: path) }
        let procedures = network.modelDocuments(.procedure).filter { $0.root?["owner_role"]?.string == id }
            .map { modelLink(.procedure, $0.id, .procedure($0.id), language, from: path) }
        let minimum = network.settings.requirements.staffing.first { $0.role == id }
        let minimums: [[String: Any]] = OfficeStatus.allCases.compactMap { s in
            minimum?.minimum[s].map { ["status": site.statusLabel(s.rawValue, language), "minimum": String($0)] }
        }
        let reportsTo = root["reports_to"]?.string
        let context: [String: Any] = [
            "title": language.text(root["title"]),
            "mission": language.text(root["mission"]),
            "responsibilities": texts(root["responsibilities"], language),
            "profile": language.text(root["profile"]), "has_profile": root["profile"] != nil,
            "dedication": language.text(root["dedication"]), "has_dedication": root["dedication"] != nil,
            "reports_to": reportsTo.map { modelLink(.role, $0, .role($0), language, from: path) } ?? [:],
            "has_reports_to": reportsTo != nil,
            "modules": modules, "has_modules": !modules.isEmpty,
            "services": services, "has_services": !services.isEmpty,
            "procedures": procedures, "has_procedures": !procedures.isEmpty,
            "minimums": minimums, "has_minimums": !minimums.isEmpty,
        ]
        return PageContent(title: language.string(root["title"]).nonEmpty ?? id, description: language.string(root["mission"]),
                           breadcrumbs: [(language["nav_model"], .modelIndex)],
                           html: render("role", context, language), section: .model)
    }

    func training(_ id: String, _ language: SiteLanguage, _ path: String) -> PageContent {
        guard let root = network.modelDocument(.trainingModule, id)?.root else { return notFound(language, path) }
        let roles = (root["target_roles"]?.sequence ?? []).compactMap(\.string).map {
            modelLink(.role, $0, .role($0), language, from: path)
        }
        let context: [String: Any] = [
            "title": language.text(root["title"]),
            "description": language.text(root["description"]), "has_description": root["description"] != nil,
            "hours": language.format("hours_value", ["n": language.formats.number(root["hours"]?.number ?? 0)]),
            "format": language.label("training_format", root["format"]?.string ?? ""),
            "mandatory": language[root["mandatory"]?.bool == true ? "mandatory" : "optional_module"],
            "roles": roles,
            "outcomes": texts(root["outcomes"], language),
            "contents": texts(root["contents"], language), "has_contents": !(root["contents"]?.sequence ?? []).isEmpty,
        ]
        return PageContent(title: language.string(root["title"]).nonEmpty ?? id, description: language.string(root["description"]),
                           breadcrumbs: [(language["nav_model"], .modelIndex)],
                           html: render("training-module", context, language), section: .model)
    }

    func indicator(_ id: String, _ language: SiteLanguage, _ path: String) -> PageContent {
        guard let root = network.modelDocument(.indicator, id)?.root else { return notFound(language, path) }
        let values = ValueText(site: site, language: language)
        let unit = root["unit"]?.string ?? "count"
        let targets: [[String: Any]] = site.municipalities.map { r in
            let target = r.indicators.first { $0.id == id }?.fields["target"]
            return ["office": site.municipalityName(r.slug), "href": href(.office(r.slug), language, from: path, fragment: "progress"),
                    "target": values.html(target, field: "target", unit: unit),
                    "local": OfficeProgress.isLocal(target?["value"])]
        }
        let chart = indicatorChart(id, language, path)
        var context: [String: Any] = [
            "title": language.text(root["name"]),
            "definition": language.text(root["definition"]),
            "unit": language.label("unit", unit),
            "type": language.label("type", root["type"]?.string ?? ""),
            "frequency": language.label("frequency", root["frequency"]?.string ?? ""),
            "target": values.html(root["target"], field: "target", unit: unit),
            "source": language.text(root["source"]), "has_source": root["source"] != nil,
            "targets": targets,
        ]
        for (k, v) in chart { context[k] = v }
        return PageContent(title: language.string(root["name"]).nonEmpty ?? id, description: language.string(root["definition"]),
                           breadcrumbs: [(language["nav_model"], .modelIndex)],
                           html: render("indicator", context, language), section: .model)
    }

    func communication(_ language: SiteLanguage, _ path: String) -> PageContent {
        guard let doc = network.model[.communicationStrategy]?.values.first, let root = doc.root else {
            return notFound(language, path)
        }
        let audiences = (root["audiences"]?.sequence ?? [])
        let audienceNames = Dictionary(audiences.compactMap { a in a["id"]?.string.map { ($0, a["name"]) } }) { a, _ in a }
        let context: [String: Any] = [
            "title": language.text(root["title"]),
            "summary": language.text(root["summary"]), "has_summary": root["summary"] != nil,
            "audiences": audiences.map { a -> [String: Any] in
                ["name": language.text(a["name"]), "description": language.text(a["description"]),
                 "required": a["required"]?.bool == true]
            },
            "messages": (root["messages"]?.sequence ?? []).map { m -> [String: Any] in
                ["audience": language.text(m["audience"]?.string.flatMap { audienceNames[$0] } ?? nil), "message": language.text(m["text"])]
            },
            "channels": (root["channels"]?.sequence ?? []).map { c -> [String: Any] in
                ["name": language.text(c["name"]), "description": language.text(c["description"])]
            },
            "body": site.bodies.render(doc, in: language, pagePath: path, headingShift: 1),
        ]
        return PageContent(title: language.string(root["title"]).nonEmpty ?? language["communication_heading"],
                           description: language.string(root["summary"]),
                           breadcrumbs: [(language["nav_model"], .modelIndex)],
                           html: render("communication", context, language), section: .model)
    }
}
