import Loading
import Model
import Rendering

extension Pages {
    /// The statuses in the order the home page lists them: the most advanced first.
    static let statusOrder = ["open", "pilot", "planned"]

    func home(_ language: SiteLanguage, _ path: String) -> PageContent {
        let programme = network.modelDocument(.programme, "programme")
        let offices = site.municipalities
        var groups: [HomeView.Group] = []
        for status in Pages.statusOrder {
            let members = offices.filter { $0.status?.rawValue == status }
            guard !members.isEmpty else { continue }
            let phase = site.phases.first { $0.id == status }
            groups.append(.init(id: "status-\(status)", status: status, label: site.statusLabel(status, language),
                                description: language.text(phase?.description), has_description: phase?.description != nil,
                                count: String(members.count),
                                offices: members.map { officeSummary($0.slug, language, path) }))
        }
        let points: [OfficeMap.Point] = offices.compactMap { r in
            guard let c = site.office(r.slug)?["coordinates"], let lat = c["lat"]?.number, let lon = c["lon"]?.number else { return nil }
            return OfficeMap.Point(label: site.municipalityName(r.slug), latitude: lat, longitude: lon,
                                   status: r.status?.rawValue ?? "planned")
        }
        let map = OfficeMap(
            points: points,
            title: language["map_title"],
            description: language.formatter.count("map_description", points.count),
            legend: Pages.statusOrder.reversed().map { ($0, site.statusLabel($0, language)) })
        let root = programme?.root
        let view = HomeView(
            title: language.text(root?["title"]),
            summary: language.text(root?["summary"]), has_summary: root?["summary"] != nil,
            agency: language.text(root?["agency"]), partner: language.text(root?["partner"]),
            has_partners: root?["agency"] != nil,
            programme_html: programme.map { site.bodies.render($0, in: language, pagePath: path, headingShift: 1) } ?? "",
            office_count: String(offices.count),
            groups: groups,
            map_svg: points.isEmpty ? "" : map.svg(id: "office-map"), has_map: !points.isEmpty,
            offices: offices.map { officeSummary($0.slug, language, path) },
            model_href: href(.modelIndex, language, from: path),
            comparison_href: href(.comparison, language, from: path),
            progress_href: href(.progress, language, from: path),
            downloads_href: href(.downloads, language, from: path))
        return PageContent(title: site.siteTitle(language), description: language.string(root?["summary"]),
                           html: render("home", view, language), section: .home)
    }

    /// An office in a list: its name, link, status, place and opening date.
    func officeSummary(_ slug: String, _ language: SiteLanguage, _ path: String) -> OfficeSummary {
        // Made once per office and language (the model's pages list every office), then
        // linked from the page at `path`.
        var summary = site.summaries.value(SlugInLanguage(slug: slug, language: language.code)) { officeSummary(slug, language) }
        summary.href = href(.office(slug), language, from: path)
        return summary
    }

    /// An office's summary without its link.
    private func officeSummary(_ slug: String, _ language: SiteLanguage) -> OfficeSummary {
        let office = site.office(slug)
        let status = site.resolved[slug]?.status?.rawValue ?? "planned"
        let lat = office?["coordinates"]?["lat"]?.number
        let lon = office?["coordinates"]?["lon"]?.number
        var coordinates: String?
        if let lat, let lon {
            coordinates = language.formatter.coordinates(lat: lat, lon: lon)
        }
        let address = language.formatter.addressLines(street: office?["address"]?.string(at: "street"),
                                                      postalCode: office?["address"]?.string(at: "postal_code"),
                                                      locality: office?["address"]?.string(at: "locality")).joined(separator: ", ")
        return OfficeSummary(
            slug: slug,
            name: office?["name"] == nil ? language.plain(site.municipalityName(slug)) : language.text(office?["name"]),
            municipality: site.municipalityName(slug),
            of_municipality: language.format("of_municipality", ["municipality": site.municipalityName(slug)]),
            href: "",
            status: status,
            status_label: site.statusLabel(status, language),
            opening_date: language.date(office?.string(at: "opening_date")),
            opening_day: office?.string(at: "opening_date") ?? "",
            address: address,
            has_address: !address.isEmpty,
            has_coordinates: coordinates != nil,
            coordinates: coordinates)
    }
}

/// An office as the lists of the site show it (home, comparison, progress, downloads).
struct OfficeSummary: ViewModel {
    var slug: String
    var name: TextView
    var municipality: String
    /// "del Prat de Llobregat": the municipality after the language's "of" (`of_municipality`).
    var of_municipality: String
    var href: String
    var status: String
    var status_label: String
    var opening_date: String
    var opening_day: String
    /// The street, postal code and locality, as one line; empty when the office has given
    /// none (a planned office, as `oae new municipality` writes it).
    var address: String
    /// Whether `address` says anything: the office page says the address is still to be
    /// given rather than leave its row empty (session 37's trial).
    var has_address: Bool
    var has_coordinates: Bool
    var coordinates: String?
}

/// The view model of `home.mustache`.
struct HomeView: ViewModel {
    /// The offices of one status.
    struct Group: ViewModel {
        var id: String
        var status: String
        var label: String
        var description: TextView
        var has_description: Bool
        var count: String
        var offices: [OfficeSummary]
    }

    var title: TextView
    var summary: TextView
    var has_summary: Bool
    var agency: TextView
    var partner: TextView
    var has_partners: Bool
    var programme_html: String
    var office_count: String
    var groups: [Group]
    var map_svg: String
    var has_map: Bool
    var offices: [OfficeSummary]
    var model_href: String
    var comparison_href: String
    var progress_href: String
    var downloads_href: String
}
