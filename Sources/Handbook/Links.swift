import Loading
import Model
import Rendering
import Resolution

/// The cross-references to the model's places in one language and format: its roles,
/// training modules and indicators, the services a municipality may not offer, and the
/// thematic areas. They are the same in every handbook of the language, so the renderer
/// makes them once per build (`HandbookRenderer`) instead of looking each one up in the
/// tree every time a chapter names it.
struct ModelLinks: Sendable {
    /// By role id: a link to the role's entry of the staffing chapter.
    var roles: [String: LinkView] = [:]
    /// By training module id: a link to the module in the staffing chapter.
    var training: [String: LinkView] = [:]
    /// By indicator id: a link to the indicator's definition.
    var indicators: [String: LinkView] = [:]
    /// By service id: the service's name marked as not offered (a municipality that
    /// offers it links to its sheet instead, `LocalLinks`).
    var services: [String: LinkView] = [:]
    /// The same links as markup (`Markup.html`).
    var roleHTML: [String: String] = [:]
    var indicatorHTML: [String: String] = [:]
    var serviceHTML: [String: String] = [:]
    /// By area id (the first of an id in `model.yaml`): its name, its position, and the
    /// name as markup.
    var areas: [String: (name: TextView, order: Int, html: String)] = [:]
    /// How many areas `model.yaml` lists (the position of an unknown area).
    var areaCount = 0
    /// The model's values as `ValueText` describes them in this language and format
    /// (nil: every value is described anew).
    var described: DescribedValues? = DescribedValues()

    init(network: Network, markup m: Markup, sources: Set<String>) {
        func link(_ source: String, _ anchor: String, _ name: Node?, _ id: String) -> LinkView {
            HandbookContext.linkView(source, anchor, name, id, markup: m, sources: sources)
        }
        for doc in network.modelDocuments(.role) {
            let view = link("staffing", Anchors.role(doc.id), network.modelDocument(.role, doc.id)?.root?["title"], doc.id)
            roles[doc.id] = view
            roleHTML[doc.id] = m.html(view)
        }
        for doc in network.modelDocuments(.trainingModule) {
            training[doc.id] = link("staffing", Anchors.training(doc.id),
                                    network.modelDocument(.trainingModule, doc.id)?.root?["title"], doc.id)
        }
        for doc in network.modelDocuments(.indicator) {
            let view = link("indicators", Anchors.indicator(doc.id), network.modelDocument(.indicator, doc.id)?.root?["name"], doc.id)
            indicators[doc.id] = view
            indicatorHTML[doc.id] = m.html(view)
        }
        for doc in network.modelDocuments(.service) {
            var view = link("", "", network.modelDocument(.service, doc.id)?.root?["name"], doc.id)
            view.not_offered = true
            services[doc.id] = view
            serviceHTML[doc.id] = m.html(view)
        }
        let list = network.modelDocuments(.model).first?.root?.sequence(at: "areas") ?? []
        areaCount = list.count
        for (i, area) in list.enumerated() {
            guard let id = area.string(at: "id"), areas[id] == nil else { continue }
            let name = m.view(area["name"]) ?? m.plainView(id)
            areas[id] = (name, i, m.html(name))
        }
    }
}

/// The cross-references to one municipality's services and procedures (its own names,
/// its local variants' titles), made once per handbook.
struct LocalLinks: Sendable {
    /// By service id: a link to the sheet of a service the municipality offers.
    var services: [String: LinkView] = [:]
    /// By procedure id and by local variant id: a link to the procedure's sheet.
    var procedures: [String: LinkView] = [:]
    /// The same links as markup (`Markup.html`).
    var serviceHTML: [String: String] = [:]
    var procedureHTML: [String: String] = [:]

    init(view: ResolvedMunicipality, markup m: Markup, sources: Set<String>) {
        // The first of an id wins, as a search of the lists in order would find it.
        for s in view.services where services[s.id] == nil {
            let link = HandbookContext.linkView("catalogue", Anchors.service(s.id), s.fields["name"], s.id, markup: m, sources: sources)
            services[s.id] = link
            serviceHTML[s.id] = m.html(link)
        }
        for p in view.procedures {
            for id in [p.id, p.variant?.id].compactMap({ $0 }) where procedures[id] == nil {
                let link = HandbookContext.linkView("procedures", Anchors.procedure(p.id), p.fields["title"], id,
                                                    markup: m, sources: sources)
                procedures[id] = link
                procedureHTML[id] = m.html(link)
            }
        }
    }
}
