import Loading
import Model
import Rendering

/// The office: its profile and phase, address and channels, opening hours, the team
/// of the staffing plan, and the municipality's own statement of its approach.
struct OfficeChapter: ChapterBuilder {
    static let weekdays = ["mo", "tu", "we", "th", "fr", "sa", "su"]

    func build(_ c: HandbookContext, number: Int) -> ChapterContent {
        var sections = SectionNumbers(chapter: number)
        let office = c.office
        let m = c.markup
        var data: [String: Any] = [:]

        // Profile
        data["profile"] = sections.next(m.escape(c.words["office.profile"]), anchor: "office-profile")
        data["description"] = m.paragraphs(office?["description"])
        let phases = c.network.modelDocuments(.model).first?.root?["phases"]?.sequence ?? []
        if let status = office?["status"]?.string, let phase = phases.first(where: { $0["id"]?.string == status }) {
            data["phase"] = ["name": m.text(phase["name"]), "description": m.text(phase["description"])]
        }
        if let opening = c.view.openingDate {
            let key = c.view.status == .planned ? "office.opening_planned" : "office.opening_date"
            data["opening"] = m.escape(c.words(key, ["date": c.format.date(opening)]))
        }

        // Address and channels
        data["contact"] = sections.next(m.escape(c.words["office.contact"]), anchor: "office-contact")
        var contact: [[String: Any]] = []
        if let address = office?["address"] {
            let lines = [address["street"]?.string, [address["postal_code"]?.string, address["locality"]?.string]
                .compactMap { $0 }.joined(separator: " ")].compactMap { $0 }.filter { !$0.isEmpty }
            contact.append(["label": c.words["office.address"], "value": lines.map(m.escape).joined(separator: "<br>")])
        }
        if let lat = numeric(office?["coordinates"]?["lat"]), let lon = numeric(office?["coordinates"]?["lon"]) {
            contact.append(["label": c.words["office.coordinates"],
                            "value": m.escape("\(c.format.number(lat, decimals: 4)), \(c.format.number(lon, decimals: 4))")])
        }
        let channels = office?["channels"]
        if let phone = channels?["phone"]?.string {
            let digits = phone.filter { $0.isNumber || $0 == "+" }
            contact.append(["label": c.words["office.phone"], "value": m.external("tel:\(digits)", m.escape(phone))])
        }
        if let email = channels?["email"]?.string {
            contact.append(["label": c.words["office.email"], "value": m.external("mailto:\(email)", m.escape(email))])
        }
        for key in ["web", "appointments"] {
            if let url = channels?[key]?.string {
                contact.append(["label": c.words["office.\(key)"], "value": m.external(url, m.escape(url))])
            }
        }
        data["contact_rows"] = contact

        // Opening hours
        data["hours"] = sections.next(m.escape(c.words["office.hours"]), anchor: "office-hours")
        data["hour_rows"] = (office?["opening_hours"]?.sequence ?? []).map { slot -> [String: Any] in
            let days = (slot["days"]?.sequence ?? []).compactMap(\.string)
            return ["days": m.escape(dayText(days, c)),
                    "time": m.escape(c.words("office.time_range", ["opens": slot["opens"]?.string ?? "", "closes": slot["closes"]?.string ?? ""]))]
        }

        // Team
        data["team"] = sections.next(m.escape(c.words["office.team"]), anchor: "office-team")
        let staff = c.view.files.staffing?.root?["staff"]?.sequence ?? []
        var total = 0.0
        data["team_rows"] = staff.map { post -> [String: Any] in
            let fte = numeric(post["fte"]) ?? 0
            total += fte
            return ["post": m.escape(post["id"]?.string ?? ""),
                    "role": post["role"]?.string.map(c.roleLink) ?? "",
                    "fte": m.escape(c.format.number(fte)),
                    "start": post["start_date"]?.string.map { m.escape(c.format.date($0)) } ?? ""]
        }
        data["team_total"] = m.escape(c.format.number(total))
        data["team_empty"] = staff.isEmpty
        data["staffing_link"] = c.chapter("staffing").map { m.link(Anchors.chapter($0.id), m.text($0.title)) } ?? ""

        // Local approach
        if let notes = c.view.files.adaptation?.root?["notes"] {
            data["approach"] = sections.next(m.escape(c.words["office.approach"]), anchor: "office-approach")
            data["notes"] = m.paragraphs(notes)
            data["notes_source"] = m.escape(c.place(notes.span))
        }
        return ChapterContent(data: data, sections: sections.sections)
    }

    /// `de dilluns a divendres`, `dimarts i dijous`.
    func dayText(_ days: [String], _ c: HandbookContext) -> String {
        let indices = days.compactMap { OfficeChapter.weekdays.firstIndex(of: $0) }.sorted()
        guard let first = indices.first, let last = indices.last else { return "" }
        if indices.count >= 3, last - first + 1 == indices.count {
            return c.words("days.range", ["from": c.words["day.\(OfficeChapter.weekdays[first])"],
                                          "to": c.words["day.\(OfficeChapter.weekdays[last])"]])
        }
        return c.format.list(indices.map { c.words["day.\(OfficeChapter.weekdays[$0])"] })
    }
}
