import Presentation
import Loading
import Model
import Rendering

/// The view model of `chapters/office`: the office's profile and phase, address and
/// channels, opening hours, the team of the staffing plan, and the municipality's own
/// statement of its approach.
public struct OfficeView: ChapterView {
    /// The office's phase of the model (`Prova pilot`) and what it means.
    public struct Phase: ViewModel, Hashable {
        /// The name, in the handbook's language.
        public var name: TextView
        /// The field of the same name, in the handbook's language.
        public var description: TextView
    }

    /// A way to reach the office: a label and a value, with the link it opens.
    public struct Contact: ViewModel, Hashable {
        public var label: String
        /// The lines of the value (an address has two); `more` when another follows.
        public var lines: [Line]
        /// `tel:`, `mailto:` or a web address; nil for plain text.
        public var href: String?

        init(label: String, lines: [String], href: String? = nil) {
            self.label = label
            self.lines = lines.enumerated().map { Line(text: $1, more: $0 < lines.count - 1) }
            self.href = href
        }
    }

    /// A line of a contact value.
    public struct Line: ViewModel, Hashable {
        public var text: String
        public var more: Bool
    }

    /// A row of the opening hours: `de dilluns a divendres`, `de 9:00 a 14:00`.
    public struct Hours: ViewModel, Hashable {
        public var days: String
        public var time: String
    }

    /// A post of the team.
    public struct Post: ViewModel, Hashable {
        public var post: String
        /// The post's role, linked to the staffing chapter.
        public var role: LinkView?
        public var fte: String
        public var start: String
    }

    /// The UI strings of the language (`{{ui.key}}`), set by the renderer.
    public var ui: WordTable = [:]
    /// The heading of the section.
    public var profile: HeadingView
    public var description: ParagraphsView?
    public var phase: Phase?
    /// `Oberta des del 13 d'abril de 2026.`
    public var opening: String?
    /// The heading of the section.
    public var contact: HeadingView
    public var contact_rows: [Contact]
    /// The office gives no address, position nor channel yet (a new office): the section
    /// says so instead of an empty table (`ui.office_no_contact`).
    public var contact_empty: Bool
    /// The heading of the section.
    public var hours: HeadingView
    public var hour_rows: [Hours]
    /// The office gives no opening hours yet: said instead of a table without rows
    /// (`ui.office_no_hours`).
    public var hours_empty: Bool
    /// The heading of the section.
    public var team: HeadingView
    public var team_rows: [Post]
    public var team_total: String
    public var team_empty: Bool
    /// The staffing chapter, linked; nil when the outline has none.
    public var staffing_link: LinkView?
    /// The heading of the section.
    public var approach: HeadingView?
    /// The municipality's notes on its approach.
    public var notes: ParagraphsView?
    /// Where the notes were written (`seeds/x/adaptation.yaml:14`).
    public var notes_source: String?
}

struct OfficeChapter: ChapterBuilder {
    func build(_ c: HandbookContext, number: Int) -> ChapterContent {
        var sections = SectionNumbers(chapter: number)
        let office = c.office
        let m = c.markup
        let f = c.format
        func heading(_ key: String, _ anchor: String) -> HeadingView { sections.next(m.plainView(c.words[key]), anchor: anchor) }

        let profile = heading("office.profile", "office-profile")
        let phases = c.network.modelDocuments(.model).first?.root?.sequence(at: "phases") ?? []
        let phase = office?.string(at: "status").flatMap { status in phases.first { $0.string(at: "id") == status } }
            .map { OfficeView.Phase(name: m.view($0["name"]) ?? m.plainView(""), description: m.view($0["description"]) ?? m.plainView("")) }
        let opening = c.view.openingDate.map {
            c.words(c.view.opensLater ? "office.opening_planned" : "office.opening_date", ["date": f.date($0)])
        }

        let contact = heading("office.contact", "office-contact")
        var rows: [OfficeView.Contact] = []
        if let address = office?["address"] {
            let lines = f.addressLines(street: address.string(at: "street"), postalCode: address.string(at: "postal_code"),
                                       locality: address.string(at: "locality"))
            rows.append(.init(label: c.words["office.address"], lines: lines))
        }
        if let lat = numeric(office?["coordinates"]?["lat"]), let lon = numeric(office?["coordinates"]?["lon"]) {
            rows.append(.init(label: c.words["office.coordinates"],
                              lines: [f.coordinates(lat: lat, lon: lon)]))
        }
        let channels = office?["channels"]
        if let phone = channels?.string(at: "phone") {
            rows.append(.init(label: c.words["office.phone"], lines: [phone], href: "tel:" + phone.filter { $0.isNumber || $0 == "+" }))
        }
        if let email = channels?.string(at: "email") {
            rows.append(.init(label: c.words["office.email"], lines: [email], href: "mailto:\(email)"))
        }
        for key in ["web", "appointments"] {
            if let url = channels?.string(at: key) { rows.append(.init(label: c.words["office.\(key)"], lines: [url], href: url)) }
        }

        let hours = heading("office.hours", "office-hours")
        let hourRows = (office?.sequence(at: "opening_hours") ?? []).map { slot in
            OfficeView.Hours(days: f.weekdays((slot.sequence(at: "days") ?? []).compactMap(\.string)),
                             time: c.words("office.time_range", ["opens": slot.string(at: "opens") ?? "", "closes": slot.string(at: "closes") ?? ""]))
        }

        let team = heading("office.team", "office-team")
        let staff = c.view.files.staffing?.root?.sequence(at: "staff") ?? []
        let ftes = staff.map { numeric($0["fte"]) ?? 0 }
        let posts = zip(staff, ftes).map { post, fte in
            OfficeView.Post(post: post.string(at: "id") ?? "", role: post.string(at: "role").map(c.roleLinkView),
                            fte: f.fte(fte), start: post.string(at: "start_date").map(f.date) ?? "")
        }

        let notes = c.view.files.adaptation?.root?["notes"]
        let approach = notes.map { _ in heading("office.approach", "office-approach") }
        let view = OfficeView(
            profile: profile, description: m.paragraphsView(office?["description"]), phase: phase, opening: opening,
            contact: contact, contact_rows: rows, contact_empty: rows.isEmpty, hours: hours, hour_rows: hourRows,
            hours_empty: hourRows.isEmpty,
            team: team, team_rows: posts, team_total: f.fte(ftes.reduce(0, +)), team_empty: staff.isEmpty,
            staffing_link: c.chapter("staffing").map { LinkView(link_anchor: Anchors.chapter($0.id), label: m.view($0.title) ?? m.plainView("")) },
            approach: approach, notes: m.paragraphsView(notes), notes_source: notes.map { c.place($0.span) })
        return ChapterContent(model: view, sections: sections.sections)
    }
}
