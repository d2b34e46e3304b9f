import Loading
import Model
import Rendering
import Resolution

extension Pages {
    func modelIndex(_ language: SiteLanguage, _ path: String) -> PageContent {
        let model = network.model[.model]?.values.first?.root
        let services = network.modelDocuments(.service)
        let areas = site.areas.compactMap { area -> ModelIndexView.Area? in
            guard let id = area.string(at: "id") else { return nil }
            let members = services.filter { $0.root?.string(at: "area") == id }
            guard !members.isEmpty else { return nil }
            return .init(id: "area-\(id)", name: language.text(area["name"]), description: language.text(area["description"]),
                         has_description: area["description"] != nil,
                         services: members.map { doc in
                             .init(link: modelLink(.service, doc.id, .service(doc.id), language, from: path),
                                   status: language.word("service_status", doc.root?.string(at: "status") ?? ""),
                                   summary: language.text(doc.root?["summary"]))
                         })
        }
        let procedures = network.modelDocuments(.procedure).map { doc in
            ModelIndexView.Procedure(link: modelLink(.procedure, doc.id, .procedure(doc.id), language, from: path),
                                     type: language.label("procedure_type", doc.root?.string(at: "type") ?? "procedure"),
                                     purpose: language.text(doc.root?["purpose"]))
        }
        let roles = network.modelDocuments(.role).map { doc in
            ModelIndexView.Role(link: modelLink(.role, doc.id, .role(doc.id), language, from: path),
                                mission: language.text(doc.root?["mission"]))
        }
        let training = network.modelDocuments(.trainingModule).map { doc in
            ModelIndexView.Training(link: modelLink(.trainingModule, doc.id, .training(doc.id), language, from: path),
                                    hours: hours(doc.root, language),
                                    format: language.label("training_format", doc.root?.string(at: "format") ?? ""),
                                    mandatory: mandatory(doc.root, language))
        }
        let indicators = network.modelDocuments(.indicator).map { doc in
            ModelIndexView.Indicator(link: modelLink(.indicator, doc.id, .indicator(doc.id), language, from: path),
                                     type: language.label("type", doc.root?.string(at: "type") ?? ""),
                                     unit: language.label("unit", doc.root?.string(at: "unit") ?? ""),
                                     frequency: language.label("frequency", doc.root?.string(at: "frequency") ?? ""))
        }
        let strategy = network.model[.communicationStrategy]?.values.first
        let view = ModelIndexView(
            model_title: language.text(model?["title"]),
            model_description: language.text(model?["description"]), has_description: model?["description"] != nil,
            version: network.settings.version,
            areas: areas, procedures: procedures, roles: roles, training: training, indicators: indicators,
            has_strategy: strategy != nil,
            strategy: strategy.map { localLink($0.root?["title"], .communication, language, from: path) },
            strategy_summary: language.text(strategy?.root?["summary"]),
            history: modelHistoryLinks(language, from: path), has_history: !proposalRoutes().isEmpty)
        return PageContent(title: language["model_heading"], description: language.string(model?["description"]),
                           html: render("model-index", view, language), section: .model)
    }

    /// The hours of a training module in words (`12 hores`).
    func hours(_ root: Node?, _ language: SiteLanguage) -> String {
        language.formatter.count("duration.hour", root?["hours"]?.number ?? 0, decimals: 1)
    }

    /// Whether a training module is mandatory, as a label.
    func mandatory(_ root: Node?, _ language: SiteLanguage) -> String {
        language[root?["mandatory"]?.bool == true ? "mandatory" : "optional_module"]
    }

    func role(_ id: String, _ language: SiteLanguage, _ path: String) -> PageContent {
        guard let root = network.modelDocument(.role, id)?.root else { return notFound(language, path) }
        let modules = network.modelDocuments(.trainingModule).filter { doc in
            (doc.root?.sequence(at: "target_roles") ?? []).contains { $0.string == id }
        }.map { doc in
            RoleView.Module(link: modelLink(.trainingModule, doc.id, .training(doc.id), language, from: path),
                            hours: hours(doc.root, language), mandatory: mandatory(doc.root, language))
        }
        let services = network.modelDocuments(.service).filter { $0.root?.string(at: "owner_role") == id }
            .map { modelLink(.service, $0.id, .service($0.id), language, from: path) }
        let procedures = network.modelDocuments(.procedure).filter { $0.root?.string(at: "owner_role") == id }
            .map { modelLink(.procedure, $0.id, .procedure($0.id), language, from: path) }
        let minimum = network.settings.requirements.staffing.first { $0.role == id }
        let minimums = OfficeStatus.allCases.compactMap { s in
            minimum?.minimum[s].map { RoleView.Minimum(status: site.statusLabel(s.rawValue, language), minimum: String($0)) }
        }
        let reportsTo = root.string(at: "reports_to")
        let view = RoleView(
            title: language.text(root["title"]),
            mission: language.text(root["mission"]),
            responsibilities: texts(root["responsibilities"], language),
            profile: language.text(root["profile"]), has_profile: root["profile"] != nil,
            dedication: language.text(root["dedication"]), has_dedication: root["dedication"] != nil,
            reports_to: reportsTo.map { modelLink(.role, $0, .role($0), language, from: path) },
            has_reports_to: reportsTo != nil,
            modules: modules, has_modules: !modules.isEmpty,
            services: services, has_services: !services.isEmpty,
            procedures: procedures, has_procedures: !procedures.isEmpty,
            minimums: minimums, has_minimums: !minimums.isEmpty)
        return PageContent(title: language.string(root["title"]).nonEmpty ?? id, description: language.string(root["mission"]),
                           breadcrumbs: [(language["nav_model"], .modelIndex)],
                           html: render("role", view, language), section: .model)
    }

    func training(_ id: String, _ language: SiteLanguage, _ path: String) -> PageContent {
        guard let root = network.modelDocument(.trainingModule, id)?.root else { return notFound(language, path) }
        let roles = (root.sequence(at: "target_roles") ?? []).compactMap(\.string).map {
            modelLink(.role, $0, .role($0), language, from: path)
        }
        let view = TrainingView(
            title: language.text(root["title"]),
            description: language.text(root["description"]), has_description: root["description"] != nil,
            hours: hours(root, language),
            format: language.label("training_format", root.string(at: "format") ?? ""),
            mandatory: mandatory(root, language),
            roles: roles,
            outcomes: texts(root["outcomes"], language),
            contents: texts(root["contents"], language), has_contents: !(root.sequence(at: "contents") ?? []).isEmpty)
        return PageContent(title: language.string(root["title"]).nonEmpty ?? id, description: language.string(root["description"]),
                           breadcrumbs: [(language["nav_model"], .modelIndex)],
                           html: render("training-module", view, language), section: .model)
    }

    func indicator(_ id: String, _ language: SiteLanguage, _ path: String) -> PageContent {
        guard let root = network.modelDocument(.indicator, id)?.root else { return notFound(language, path) }
        let unit = root.string(at: "unit") ?? "count"
        // Each office's target as its results are compared with it (its band, its own, the
        // agency's): the model's value with an override read "at least 60" where the office
        // page and the values below said 120 a quarter (session 45's trial).
        // The offices' targets are a handful of distinct ones: each worded once (`targetHTML`;
        // per office, 6,600 times at 200 municipalities, they were 1.6% of a site build).
        let targets = site.eachMunicipality { r in
            let target = site.results(r.slug)?.targets[id]
            let local: Bool = if case .local? = target?.source { true } else { false }
            return IndicatorView.Target(office: site.municipalityName(r.slug),
                                        href: href(.office(r.slug), language, from: path, fragment: "progress"),
                                        target: targetHTML(target, unit: unit, language), local: local)
        }
        let view = IndicatorView(
            title: language.text(root["name"]),
            definition: language.text(root["definition"]),
            unit: language.label("unit", unit),
            type: language.label("type", root.string(at: "type") ?? ""),
            frequency: language.label("frequency", root.string(at: "frequency") ?? ""),
            target: modelTargetHTML(root, language),
            source: language.text(root["source"]), has_source: root["source"] != nil,
            targets: targets,
            chart: indicatorChart(id, language))
        return PageContent(title: language.string(root["name"]).nonEmpty ?? id, description: language.string(root["definition"]),
                           breadcrumbs: [(language["nav_model"], .modelIndex)],
                           html: render("indicator", view, language), section: .model)
    }

    func communication(_ language: SiteLanguage, _ path: String) -> PageContent {
        guard let doc = network.model[.communicationStrategy]?.values.first, let root = doc.root else {
            return notFound(language, path)
        }
        let audiences = (root.sequence(at: "audiences") ?? [])
        let audienceNames = Dictionary(audiences.compactMap { a in a.string(at: "id").map { ($0, a["name"]) } }) { a, _ in a }
        let view = CommunicationView(
            title: language.text(root["title"]),
            summary: language.text(root["summary"]), has_summary: root["summary"] != nil,
            audiences: audiences.map { a in
                .init(name: language.text(a["name"]), description: language.text(a["description"]),
                      required: a["required"]?.bool == true)
            },
            messages: (root.sequence(at: "messages") ?? []).map { m in
                .init(audience: language.text(m.string(at: "audience").flatMap { audienceNames[$0] } ?? nil),
                      message: language.text(m["text"]))
            },
            channels: (root.sequence(at: "channels") ?? []).map { c in
                .init(name: language.text(c["name"]), description: language.text(c["description"]))
            },
            body: site.bodies.render(doc, in: language, pagePath: path, headingShift: 1))
        return PageContent(title: language.string(root["title"]).nonEmpty ?? language["communication_heading"],
                           description: language.string(root["summary"]),
                           breadcrumbs: [(language["nav_model"], .modelIndex)],
                           html: render("communication", view, language), section: .model)
    }
}

/// The view model of `model-index.mustache`: the model's documents, by kind.
struct ModelIndexView: ViewModel {
    struct Service: ViewModel { var link: TextLink; var status: String; var summary: TextView }
    struct Area: ViewModel {
        var id: String
        var name: TextView
        var description: TextView
        var has_description: Bool
        var services: [Service]
    }
    struct Procedure: ViewModel { var link: TextLink; var type: String; var purpose: TextView }
    struct Role: ViewModel { var link: TextLink; var mission: TextView }
    struct Training: ViewModel { var link: TextLink; var hours: String; var format: String; var mandatory: String }
    struct Indicator: ViewModel { var link: TextLink; var type: String; var unit: String; var frequency: String }

    var model_title: TextView
    var model_description: TextView
    var has_description: Bool
    var version: String
    var areas: [Area]
    var procedures: [Procedure]
    var roles: [Role]
    var training: [Training]
    var indicators: [Indicator]
    var has_strategy: Bool
    var strategy: TextLink?
    var strategy_summary: TextView
    /// Links to the model's change proposals and changelog.
    var history: [HistoryLink]
    var has_history: Bool
}

/// The view model of `role.mustache`.
struct RoleView: ViewModel {
    struct Module: ViewModel { var link: TextLink; var hours: String; var mandatory: String }
    struct Minimum: ViewModel { var status: String; var minimum: String }

    var title: TextView
    var mission: TextView
    var responsibilities: [TextView]
    var profile: TextView
    var has_profile: Bool
    var dedication: TextView
    var has_dedication: Bool
    var reports_to: TextLink?
    var has_reports_to: Bool
    var modules: [Module]
    var has_modules: Bool
    var services: [TextLink]
    var has_services: Bool
    var procedures: [TextLink]
    var has_procedures: Bool
    var minimums: [Minimum]
    var has_minimums: Bool
}

/// The view model of `training-module.mustache`.
struct TrainingView: ViewModel {
    var title: TextView
    var description: TextView
    var has_description: Bool
    var hours: String
    var format: String
    var mandatory: String
    var roles: [TextLink]
    var outcomes: [TextView]
    var contents: [TextView]
    var has_contents: Bool
}

/// The view model of `indicator.mustache`.
struct IndicatorView: ViewModel {
    struct Target: ViewModel {
        var office: String; var href: String; var target: String
        /// Whether the office set its own target (`target` says so in words; the templates
        /// of earlier versions show a badge).
        var local: Bool
    }

    var title: TextView
    var definition: TextView
    var unit: String
    var type: String
    var frequency: String
    var target: String
    var source: TextView
    var has_source: Bool
    var targets: [Target]
    var chart: ChartView
}

/// The view model of `communication.mustache`: the communication strategy.
struct CommunicationView: ViewModel {
    struct Audience: ViewModel { var name: TextView; var description: TextView; var required: Bool }
    struct Message: ViewModel { var audience: TextView; var message: TextView }
    struct Channel: ViewModel { var name: TextView; var description: TextView }

    var title: TextView
    var summary: TextView
    var has_summary: Bool
    var audiences: [Audience]
    var messages: [Message]
    var channels: [Channel]
    var body: String
}
