import Presentation
import Model
import Rendering

/// The view model of `chapters/control`, the control page: what this handbook is and
/// what it was made from, and how to read its markers.
public struct ControlView: ChapterView {
    /// A fact of the handbook: label, value and an aside (`codi INE 08211`).
    public struct Fact: ViewModel, Hashable {
        public var label: String
        public var value: TextView
        /// A note in brackets after the value.
        public var aside: String?
        /// The value is a code (a revision); `long` for the full hash.
        public var code: Bool
        public var long: Bool
    }

    /// A marker of the handbook and what it means.
    public struct Marker: ViewModel, Hashable {
        /// The badge class (`local`, `local-service`, `local-variant`), nil for the fallback marker.
        public var badge: String?
        public var label: String
        /// True for the marker of untranslated text.
        public var fallback: Bool
        public var text: String
        /// True for the asterisk after a service the office does not offer.
        public var not_offered = false
    }

    /// The UI strings of the language (`{{ui.key}}`), set by the renderer.
    public var ui: WordTable = [:]
    public var purpose: String
    public var rows: [Fact]
    public var legend: [Marker]
    /// The default language, shown by the fallback marker.
    public var default_language: String
    public var fallback_note: String
    /// A release of the model newer than the version the office follows.
    public struct Update: ViewModel, Hashable {
        public var version: String
        /// The release date in words.
        public var date: String
        public var summary: TextView?
    }
    /// The releases since the office's `base_model_version`, oldest first.
    public var updates: [Update] = []
    public var has_updates = false
    /// `L'oficina segueix la versió 1.0.0; des d'aleshores s'han publicat:`
    public var updates_intro = ""
}

/// Builds the control page: municipality, office, model and version, source revision
/// and date, language, oae's version, and the legend of markers.
struct ControlChapter: ChapterBuilder {
    func build(_ c: HandbookContext, number: Int) -> ChapterContent {
        let m = c.markup
        let settings = c.network.settings
        let revision = c.input.sourceRevision
        let short = revision.count > 12 && revision.allSatisfy(\.isHexDigit) ? String(revision.prefix(12)) : revision
        let status = c.office?.string(at: "status")
        let phases = c.network.modelDocuments(.model).first?.root?.sequence(at: "phases") ?? []
        var rows: [ControlView.Fact] = []
        func row(_ key: String, _ value: TextView, aside: String? = nil, code: Bool = false, long: Bool = false) {
            rows.append(.init(label: c.words[key == "phase" ? "office_phase" : "control.\(key)"], value: value, aside: aside, code: code, long: long))
        }
        row("municipality", m.plainView(c.municipalityName),
            aside: c.office?["municipality"]?.string(at: "ine_code").map { c.words("control.ine", ["code": $0]) })
        row("office", m.view(c.office?["name"]) ?? m.plainView(""))
        if let phase = phases.first(where: { $0.string(at: "id") == status }) {
            row("phase", m.view(phase["name"]) ?? m.plainView(""))
        }
        if let opening = c.view.openingDate { row("opening", m.plainView(c.format.date(opening))) }
        row("model", m.view(c.network.modelDocuments(.model).first?.root?["title"]) ?? m.plainView(""), aside: settings.id)
        row("model_version", m.plainView(settings.version))
        if let base = c.view.files.adaptation?.root?.string(at: "base_model_version") {
            row("base_version", m.plainView(base))
        }
        if revision == SourceInfo.unversioned {
            // A tree outside git: said in the handbook's language, as the site's footer says
            // it, not as oae's token ("Revisió de les fonts unversioned" in every language;
            // session 44's trial), and once.
            row("revision", m.plainView(c.words["footer_unversioned"]))
        } else {
            row("revision", m.plainView(short), aside: c.input.sourceModified ? c.words["control.revision_modified"] : nil, code: true)
            row("revision_full", m.plainView(revision), code: true, long: true)
        }
        row("source_date", m.plainView(c.format.date(c.input.sourceDay)))
        row("language", m.plainView(c.words["language.\(c.language)"]), aside: c.language)
        row("tool", m.plainView("oae \(c.input.toolVersion)"))

        let defaultName = c.words["language.\(settings.defaultLanguage)"]
        let legend: [ControlView.Marker] = [
            .init(badge: "local", label: c.words["badge_local"], fallback: false, text: c.words["legend.local"]),
            .init(badge: "local-service", label: c.words["badge.local_service"], fallback: false, text: c.words["legend.local_service"]),
            .init(badge: "local-variant", label: c.words["badge_local_variant"], fallback: false, text: c.words["legend.local_variant"]),
            .init(badge: nil, label: settings.defaultLanguage, fallback: true, text: c.words("legend.fallback", ["language": defaultName])),
            // Told in words too: the asterisk alone, after a service's name, said nothing in
            // the HTML and was explained nowhere (session 38's trial).
            .init(badge: nil, label: "*", fallback: false, text: c.words["legend.not_offered"], not_offered: true),
        ]
        var view = ControlView(purpose: c.words("control.purpose", ["municipality": c.municipalityName]), rows: rows,
                               legend: legend, default_language: settings.defaultLanguage,
                               fallback_note: m.fallbackNote(settings.defaultLanguage))
        if let base = c.view.files.adaptation?.root?.string(at: "base_model_version") {
            view.updates = c.network.releases(after: base).map { r in
                .init(version: r.version, date: r.date.map(c.format.date) ?? "", summary: m.view(r.summary))
            }
            view.has_updates = !view.updates.isEmpty
            view.updates_intro = c.words("control.updates_intro", ["base": base, "version": settings.version])
        }
        return ChapterContent(model: view)
    }
}
