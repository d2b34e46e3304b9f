import Diagnostics
import Loading
import Model
import Resolution

/// An office's own facts agree with each other and with the world: its hours close after
/// they open and give each day's hours once, it stands in Catalonia, its postal code is of
/// its municipality's province, a planned office whose opening date has passed says
/// that it opened, and an office that serves says where and when (`unpublished`).
struct OfficeRule: MunicipalRule {
    static let rules = [
        RuleInfo("office-hours-inverted", "Opening hours close at or before the time they open."),
        RuleInfo("office-hours-overlap", "Two groups of opening hours overlap on a day both name."),
        RuleInfo("office-coordinates-outside", "An office's coordinates are outside Catalonia."),
        RuleInfo("office-postal-code-province", "An office's postal code is of another province than its municipality."),
        RuleInfo("office-opening-passed", "An office that has not opened (candidate, agreement, planned) has an opening date that has passed."),
        RuleInfo("office-unpublished", "A pilot or open office has no address or no opening hours."),
    ]

    /// A box around Catalonia (WGS 84 degrees), generous at the edges.
    static let latitudes = 40.5...42.9
    static let longitudes = 0.15...3.35

    /// Catalonia's provinces by the first two digits of INE codes and postal codes.
    static let provinces = MunicipalityRegister.provinces

    func check(_ m: ResolvedMunicipality, _ c: ValidationContext) -> [Diagnostic] {
        guard let doc = m.files.office, let office = doc.root else { return [] }
        // Hours with a time or a day the schema refused ("25:00", "9:00", "mon") are the
        // schema's error alone: nothing is concluded from them.
        let groups = (office.sequence(at: "opening_hours") ?? []).filter { group in
            !["opens", "closes"].contains { c.refused(group[$0], in: doc.path) }
                && !(group.sequence(at: "days") ?? []).contains { c.refused($0, in: doc.path) }
        }
        var out = inverted(groups) + overlapping(groups) + coordinates(office) + postalCode(office) + unpublished(m, office)
        if m.opensLater, let status = m.status, let node = office["opening_date"], let day = node.string.flatMap(Day.init), day < c.asOf {
            let stage = status == .candidate ? "a candidate" : status == .agreement ? "at the agreement stage" : status.rawValue
            out.append(.error("office-opening-passed",
                              "the office is still \(stage), but its opening date \(day) has passed (as of \(c.asOf))",
                              at: node.span, related: [RelatedLocation(m.statusSpan, "the office's status")],
                              help: "if the office has opened, set its status (pilot or open) and the real opening date; otherwise move the opening date"))
        }
        return out
    }

    /// The address and the opening hours an office publishes once it serves (status
    /// `pilot` or `open`): the office's page of the site, its handbook's office chapter
    /// and the open data (CPSV-AP's channel) show them, and an office that serves without
    /// them cannot be found (PRODUCT.md, "office": address, opening hours; the schema's
    /// `address` and `opening_hours`, optional while an office is planned). An error at
    /// the status for each one absent (an empty list of hours is none); nothing for an
    /// office that has not opened.
    func unpublished(_ m: ResolvedMunicipality, _ office: Node) -> [Diagnostic] {
        guard let status = m.status, status >= .pilot else { return [] }
        let fields = [
            ("address", "its address", "add 'address:' with street, postal_code and locality"),
            ("opening_hours", "its opening hours", "add 'opening_hours:', a list of groups with days, opens and closes (HH:MM)"),
        ]
        return fields.compactMap { field, what, help in
            let node = office[field]
            if let node, node.sequence.map({ !$0.isEmpty }) ?? true { return nil }
            return .error("office-unpublished",
                          "the office is \(status == .pilot ? "a pilot" : "open"), and an office that serves publishes \(what); office.yaml has none",
                          at: node?.span ?? m.statusSpan,
                          related: node == nil ? [] : [RelatedLocation(m.statusSpan, "the office's status")],
                          help: "\(help): the office's page, its handbook and the open data show them")
        }
    }

    /// Each group of hours (of `opening_hours`) that closes at or before it opens.
    func inverted(_ groups: [Node]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for group in groups {
            // "HH:MM" on a 24-hour clock (the schema's pattern) compares as text.
            guard let opens = group.string(at: "opens"), let closesNode = group["closes"], let closes = closesNode.string,
                  opens.count == 5, closes.count == 5, closes <= opens else { continue }
            out.append(.error("office-hours-inverted",
                              "the office closes at \(closes), \(closes == opens ? "when" : "before") it opens at \(opens)",
                              at: closesNode.span, related: [RelatedLocation(group["opens"]!.span, "the opening time")],
                              help: "correct the times (24-hour clock, HH:MM); hours that go past midnight are not supported"))
        }
        return out
    }

    /// A group of hours that overlaps an earlier group on a day both name (09:00–14:00 on
    /// weekdays, 12:00–18:30 on Thursdays): the site would list the day twice, its hours
    /// contradicting each other. At the later group's opening time, once per pair of groups;
    /// a group whose hours are inverted is `office-hours-inverted`'s.
    func overlapping(_ groups: [Node]) -> [Diagnostic] {
        let groups = groups.compactMap { group -> (Node, [String], String, String)? in
            guard let opens = group.string(at: "opens"), let closes = group.string(at: "closes"),
                  opens.count == 5, closes.count == 5, opens < closes else { return nil }
            return (group, (group.sequence(at: "days") ?? []).compactMap(\.string), opens, closes)
        }
        var out: [Diagnostic] = []
        for j in groups.indices {
            for i in 0..<j {
                let (earlier, laterGroup) = (groups[i], groups[j])
                let days = laterGroup.1.filter(earlier.1.contains)
                // Hours that touch (14:00 then 14:00) do not overlap.
                guard !days.isEmpty, laterGroup.2 < earlier.3, earlier.2 < laterGroup.3,
                      let opensNode = laterGroup.0["opens"] else { continue }
                out.append(.error("office-hours-overlap",
                                  "on \(days.joined(separator: ", ")) the hours \(laterGroup.2)–\(laterGroup.3) overlap the hours \(earlier.2)–\(earlier.3) given before",
                                  at: opensNode.span, related: [RelatedLocation(earlier.0.span, "the other hours of \(days.joined(separator: ", "))")],
                                  help: OfficeRule.overlapHelp(days, earlier: (earlier.2, earlier.3), later: (laterGroup.2, laterGroup.3))))
                break
            }
        }
        return out
    }

    /// The help of `office-hours-overlap`, from the hours at fault ("HH:MM" texts): the
    /// later group within the earlier one on `days` adds nothing there; else the two
    /// groups' hours, made to meet where they overlapped, give each day's hours once.
    static func overlapHelp(_ days: [String], earlier: (opens: String, closes: String), later: (opens: String, closes: String)) -> String {
        let list = days.joined(separator: ", ")
        if earlier.opens <= later.opens, later.closes <= earlier.closes {
            return "give each day's hours once: \(earlier.opens)–\(earlier.closes) already covers \(later.opens)–\(later.closes) on \(list), so take \(list) out of the later group"
        }
        let split = later.opens < earlier.opens
            ? "\(later.opens)–\(earlier.opens) and \(earlier.opens)–\(earlier.closes)"
            : "\(earlier.opens)–\(earlier.closes) and \(earlier.closes)–\(later.closes)"
        return "give each day's hours once: correct a time so that the groups do not overlap on \(list) (\(split)), or take \(list) out of one group"
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
        let municipality = office["municipality"]?.string(at: "name") ?? "the municipality"
        let codeProvince = OfficeRule.provinces[String(code.prefix(2))].map { "the province of \($0)" } ?? "no province of Catalonia"
        return [.error("office-postal-code-province",
                       "postal code \(code) is of \(codeProvince), but \(municipality) (INE code \(ine)) is in the province of \(province)",
                       at: node.span, related: [RelatedLocation(ineNode.span, "the municipality's INE code")],
                       help: "postal codes of the province of \(province) start with \(ine.prefix(2)); correct the postal code")]
    }
}
