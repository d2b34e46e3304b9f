import Diagnostics
import Loading
import Model
import Resolution

/// An office's own facts agree with each other and with the world: its hours close after
/// they open, it stands in Catalonia, its postal code is of its municipality's province,
/// and a planned office whose opening date has passed says that it opened.
struct OfficeRule: MunicipalRule {
    static let rules = [
        RuleInfo("office-hours-inverted", "Opening hours close at or before the time they open."),
        RuleInfo("office-coordinates-outside", "An office's coordinates are outside Catalonia."),
        RuleInfo("office-postal-code-province", "An office's postal code is of another province than its municipality."),
        RuleInfo("office-opening-passed", "An office that has not opened (candidate, agreement, planned) has an opening date that has passed."),
    ]

    /// A box around Catalonia (WGS 84 degrees), generous at the edges.
    static let latitudes = 40.5...42.9
    static let longitudes = 0.15...3.35

    /// Catalonia's provinces by the first two digits of INE codes and postal codes.
    static let provinces = MunicipalityRegister.provinces

    func check(_ m: ResolvedMunicipality, _ c: ValidationContext) -> [Diagnostic] {
        guard let office = m.files.office?.root else { return [] }
        var out = hours(office) + coordinates(office) + postalCode(office)
        if m.opensLater, let status = m.status, let node = office["opening_date"], let day = node.string.flatMap(Day.init), day < c.asOf {
            let stage = status == .candidate ? "a candidate" : status == .agreement ? "at the agreement stage" : status.rawValue
            out.append(.error("office-opening-passed",
                              "the office is still \(stage), but its opening date \(day) has passed (as of \(c.asOf))",
                              at: node.span, related: [RelatedLocation(m.statusSpan, "the office's status")],
                              help: "if the office has opened, set its status (pilot or open) and the real opening date; otherwise move the opening date"))
        }
        return out
    }

    func hours(_ office: Node) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for group in office["opening_hours"]?.sequence ?? [] {
            // "HH:MM" on a 24-hour clock (the schema's pattern) compares as text.
            guard let opens = group["opens"]?.string, let closesNode = group["closes"], let closes = closesNode.string,
                  opens.count == 5, closes.count == 5, closes <= opens else { continue }
            out.append(.error("office-hours-inverted",
                              "the office closes at \(closes), \(closes == opens ? "when" : "before") it opens at \(opens)",
                              at: closesNode.span, related: [RelatedLocation(group["opens"]!.span, "the opening time")],
                              help: "correct the times (24-hour clock, HH:MM); hours that go past midnight are not supported"))
        }
        return out
    }

    func coordinates(_ office: Node) -> [Diagnostic] {
        guard let node = office["coordinates"], let latNode = node["lat"], let lonNode = node["lon"],
              let lat = latNode.number, let lon = lonNode.number else { return [] }
        let inside = { (lat: Double, lon: Double) in OfficeRule.latitudes.contains(lat) && OfficeRule.longitudes.contains(lon) }
        if inside(lat, lon) { return [] }
        let box = "latitude \(OfficeRule.latitudes.lowerBound) to \(OfficeRule.latitudes.upperBound), longitude \(OfficeRule.longitudes.lowerBound) to \(OfficeRule.longitudes.upperBound)"
        if inside(lon, lat) {
            return [.error("office-coordinates-outside",
                           "latitude and longitude look swapped: lat \(latNode.display), lon \(lonNode.display) is outside Catalonia, the other way round it is inside",
                           at: node.span, help: "swap the values of lat and lon")]
        }
        let (wrong, name) = OfficeRule.latitudes.contains(lat) ? (lonNode, "longitude") : (latNode, "latitude")
        return [.error("office-coordinates-outside",
                       "\(name) \(wrong.display) is outside Catalonia (\(box))",
                       at: wrong.span, help: "take the office's position (WGS 84, decimal degrees) from a map")]
    }

    func postalCode(_ office: Node) -> [Diagnostic] {
        guard let node = office["address"]?["postal_code"], let code = node.string, code.count == 5,
              let ineNode = office["municipality"]?["ine_code"], let ine = ineNode.string,
              let province = OfficeRule.provinces[String(ine.prefix(2))], code.prefix(2) != ine.prefix(2) else { return [] }
        let municipality = office["municipality"]?["name"]?.string ?? "the municipality"
        let codeProvince = OfficeRule.provinces[String(code.prefix(2))].map { "the province of \($0)" } ?? "no province of Catalonia"
        return [.error("office-postal-code-province",
                       "postal code \(code) is of \(codeProvince), but \(municipality) (INE code \(ine)) is in the province of \(province)",
                       at: node.span, related: [RelatedLocation(ineNode.span, "the municipality's INE code")],
                       help: "postal codes of the province of \(province) start with \(ine.prefix(2)); correct the postal code")]
    }
}
