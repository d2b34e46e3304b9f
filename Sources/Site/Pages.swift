import Foundation
import Loading
import Model
import Presentation
import Rendering
import Resolution

/// Builds the content of each page; one extension per kind of page, each with the typed
/// view model its template is rendered from.
struct Pages: Sendable {
    let site: SiteContext

    var network: Network { site.network }

    /// Every route of the site, in a stable order.
    func routes() -> [SiteRoute] {
        var out: [SiteRoute] = [.home, .modelIndex, .communication, .comparison, .progress, .downloads, .openData, .notFound]
        out += [.offices, .accessibility, .legalNotice, .contact]
        if site.options.search { out.append(.search) }
        for r in site.municipalities {
            out.append(.office(r.slug))
            out.append(.charter(r.slug))
            for doc in r.files.services { out.append(.localService(municipality: r.slug, id: doc.id)) }
            for doc in r.files.procedures { out.append(.localProcedure(municipality: r.slug, id: doc.id)) }
        }
        out += network.modelDocuments(.service).map { .service($0.id) }
        out += network.modelDocuments(.procedure).map { .procedure($0.id) }
        out += network.modelDocuments(.role).map { .role($0.id) }
        out += network.modelDocuments(.trainingModule).map { .training($0.id) }
        out += network.modelDocuments(.indicator).map { .indicator($0.id) }
        out += agreementRoutes()
        out += proposalRoutes()
        out += network.modelDocuments(.assessment).flatMap { [SiteRoute.assessment($0.id), .assessmentPrint($0.id)] }
        if network.expansionPlan != nil { out.append(.expansion) }
        if site.hasBudgets { out.append(.budgets) }
        return out
    }

    /// The content of one page in one language.
    func content(_ route: SiteRoute, _ language: SiteLanguage) -> PageContent {
        let path = route.path(language.code)
        switch route {
        case .home: return home(language, path)
        case let .office(m): return office(m, language, path)
        case let .localService(m, id): return localService(m, id, language, path)
        case let .localProcedure(m, id): return localProcedure(m, id, language, path)
        case .modelIndex: return modelIndex(language, path)
        case let .service(id): return modelService(id, language, path)
        case let .procedure(id): return modelProcedure(id, language, path)
        case let .role(id): return role(id, language, path)
        case let .training(id): return training(id, language, path)
        case let .indicator(id): return indicator(id, language, path)
        case .communication: return communication(language, path)
        case .comparison: return comparison(language, path)
        case .progress: return progress(language, path)
        case .downloads: return downloads(language, path)
        case .openData: return openData(language, path)
        case .search: return search(language, path)
        case .notFound: return notFound(language, path)
        case .offices: return offices(language, path)
        case .accessibility, .legalNotice, .contact: return compliance(route, language, path)
        case .agreements: return agreements(language, path)
        case let .agreement(id): return agreement(id, language, path)
        case .proposals: return proposals(language, path)
        case .changelog: return changelog(language, path)
        case let .charter(m): return charter(m, language, path)
        case let .assessment(id): return assessment(id, printable: false, language, path)
        case let .assessmentPrint(id): return assessment(id, printable: true, language, path)
        case .expansion: return expansion(language, path)
        case .budgets: return budgets(language, path)
        }
    }

    /// Renders a page template from its view model, with the interface words, as UTF-8
    /// bytes (the layout's passes work on the bytes: decoding them into a `String` and
    /// back cost 3% of the pages' CPU at 947 municipalities, issue 13).
    func render<Body: ViewModel>(_ template: String, _ body: Body, _ language: SiteLanguage) -> [UInt8] {
        site.templates.renderUTF8(template, PageView(body, language))
    }

    /// `href` to a route from the page at `path`.
    func href(_ route: SiteRoute, _ language: SiteLanguage, from path: String, fragment: String? = nil) -> String {
        SitePath.relative(from: path, to: route, language: language.code, fragment: fragment)
    }

    /// A link to a model document, labelled with its title.
    func modelLink(_ kind: Kind, _ id: String, _ route: SiteRoute, _ language: SiteLanguage, from path: String) -> TextLink {
        TextLink(site.title(kind, id, language), href: href(route, language, from: path))
    }

    /// A link to a local document of a municipality (`name` or `title` as its label).
    func localLink(_ label: Node?, _ route: SiteRoute, _ language: SiteLanguage, from path: String) -> TextLink {
        TextLink(language.text(label), href: href(route, language, from: path))
    }

    /// The translatable texts of a list (`outputs`, `requirements`).
    func texts(_ node: Node?, _ language: SiteLanguage) -> [TextView] {
        (node?.sequence ?? []).map { language.text($0) }
    }

    /// Labels of a list of enumeration values (`channels`), joined as a list.
    func labels(_ enumeration: String, _ node: Node?, _ language: SiteLanguage) -> String {
        language.labels(enumeration, (node?.sequence ?? []).compactMap(\.string))
    }
}

/// A page's view model with what every page template has besides: the interface words
/// (`{{ui.key}}`) and the page's language (`{{lang}}`). Encoded flat, so the template
/// sees the body's names and these side by side.
struct PageView<Body: ViewModel>: ViewModel {
    var body: Body
    var ui: WordTable
    var lang: String

    init(_ body: Body, _ language: SiteLanguage) {
        self.body = body
        ui = language.ui
        lang = language.code
    }

    enum CodingKeys: String, CodingKey { case ui, lang }

    init(from decoder: Decoder) throws {
        body = try Body(from: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        ui = try c.decode(WordTable.self, forKey: .ui)
        lang = try c.decode(String.self, forKey: .lang)
    }

    func encode(to encoder: Encoder) throws {
        try body.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ui, forKey: .ui)
        try c.encode(lang, forKey: .lang)
    }
}

extension Pages {
    /// An office's services in the order a reader looks them up: by area, in the model's
    /// order of areas, then by name in the page's language (the model's order, by id, read
    /// as no order at all in Catalan and Spanish; sessions 43 and 44's trials).
    func inReadingOrder(_ services: [ResolvedService], _ language: SiteLanguage) -> [ResolvedService] {
        let areaOrder = Dictionary(site.areas.enumerated().compactMap { i, a in a.string(at: "id").map { ($0, i) } }) { a, _ in a }
        let byName = inReadingOrder(services, name: { language.text($0.fields["name"]).text }, id: \.id)
        // Each service's area looked up once, not in each comparison.
        var keyed: [(service: ResolvedService, area: Int, order: Int)] = []
        keyed.reserveCapacity(byName.count)
        for (i, s) in byName.enumerated() {
            let area: Int = s.fields.string(at: "area").flatMap { areaOrder[$0] } ?? Int.max
            keyed.append((s, area, i))
        }
        keyed.sort { a, b in a.area != b.area ? a.area < b.area : a.order < b.order }
        return keyed.map(\.service)
    }

    /// An office's procedures by title in the page's language.
    func inReadingOrder(_ procedures: [ResolvedProcedure], _ language: SiteLanguage) -> [ResolvedProcedure] {
        inReadingOrder(procedures, name: { language.text($0.fields["title"]).text }, id: \.id)
    }

    /// `ReadingOrder.sorted`, each name's key made once per build (`SiteContext.readingKeys`):
    /// the offices' pages and charters sort the same names again and again.
    func inReadingOrder<T>(_ items: [T], name: (T) -> String, id: (T) -> String) -> [T] {
        let keys = items.map { item in let n = name(item); return site.readingKeys.value(n) { ReadingOrder.key(n) } }
        return ReadingOrder.order(keys, ids: items.map(id)).map { items[$0] }
    }
}
