import Loading
import Model
import Rendering

extension Pages {
    /// The statuses in the order the home page lists them: the most advanced first.
    static let statusOrder = ["open", "pilot", "planned"]

    func home(_ language: SiteLanguage, _ path: String) -> PageContent {
        let programme = network.modelDocument(.programme, "programme")
        let offices = site.municipalities
        var groups: [[String: Any]] = []
        for status in Pages.statusOrder {
            let members = offices.filter { $0.status?.rawValue == status }
            guard !members.isEmpty else { continue }
            let phase = site.phases.first { $0.id == status }
            groups.append([
                "id": "status-\(status)",
                "status": status,
                "label": site.statusLabel(status, language),
                "description": language.text(phase?.description),
                "has_description": phase?.description != nil,
                "count": String(members.count),
                "offices": members.map { officeSummary($0.slug, language, path) },
            ])
        }
        let points: [OfficeMap.Point] = offices.compactMap { r in
            guard let c = site.office(r.slug)?["coordinates"], let lat = c["lat"]?.number, let lon = c["lon"]?.number else { return nil }
            return OfficeMap.Point(label: site.municipalityName(r.slug), latitude: lat, longitude: lon,
                                   status: r.status?.rawValue ?? "planned")
        }
        let map = OfficeMap(
            points: points,
            title: language["map_title"],
            description: language.format("map_description", ["count": String(points.count)]),
            legend: Pages.statusOrder.reversed().map { ($0, site.statusLabel($0, language)) })
        let title = site.siteTitle(language)
        let context: [String: Any] = [
            "title": language.text(programme?.root?["title"]),
            "summary": language.text(programme?.root?["summary"]),
            "has_summary": programme?.root?["summary"] != nil,
            "agency": language.text(programme?.root?["agency"]),
            "partner": language.text(programme?.root?["partner"]),
            "has_partners": programme?.root?["agency"] != nil,
            "programme_html": programme.map { site.bodies.render($0, in: language, pagePath: path, headingShift: 1) } ?? "",
            "office_count": String(offices.count),
            "groups": groups,
            "map_svg": points.isEmpty ? "" : map.svg(id: "office-map"),
            "has_map": !points.isEmpty,
            "offices": offices.map { officeSummary($0.slug, language, path) },
            "model_href": href(.modelIndex, language, from: path),
            "comparison_href": href(.comparison, language, from: path),
            "progress_href": href(.progress, language, from: path),
            "downloads_href": href(.downloads, language, from: path),
        ]
        return PageContent(title: title, description: language.string(programme?.root?["summary"]),
                           html: render("home", context, language), section: .home)
    }

    /// An office in a list: its name, link, status, place and opening date.
    func officeSummary(_ slug: String, _ language: SiteLanguage, _ path: String) -> [String: Any] {
        let office = site.office(slug)
        let status = site.resolved[slug]?.status?.rawValue ?? "planned"
        let lat = office?["coordinates"]?["lat"]?.number
        let lon = office?["coordinates"]?["lon"]?.number
        var out: [String: Any] = [
            "slug": slug,
            "name": office?["name"] == nil ? language.plain(site.municipalityName(slug)) : language.text(office?["name"]),
            "municipality": site.municipalityName(slug),
            "href": href(.office(slug), language, from: path),
            "status": status,
            "status_label": site.statusLabel(status, language),
            "opening_date": language.formats.date(office?["opening_date"]?.string),
            "opening_day": office?["opening_date"]?.string ?? "",
            "address": [office?["address"]?["street"]?.string, office?["address"]?["postal_code"]?.string,
                        office?["address"]?["locality"]?.string].compactMap { $0 }.joined(separator: ", "),
            "has_coordinates": lat != nil && lon != nil,
        ]
        if let lat, let lon {
            out["coordinates"] = language.format("coordinates_value", [
                "lat": language.formats.number(lat, decimals: 4, fixed: true),
                "lon": language.formats.number(lon, decimals: 4, fixed: true)])
        }
        return out
    }
}
