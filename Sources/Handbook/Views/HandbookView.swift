import Loading
import Model
import Rendering
import Presentation

/// The view model of the handbook page (`templates/handbook/handbook.mustache`): the
/// cover, the table of contents and the chapters in the outline's order.
public struct HandbookView: ViewModel, Hashable {
    /// An entry of the table of contents: a chapter and its numbered sections.
    public struct TocEntry: ViewModel, Hashable {
        /// The chapter's anchor.
        public var anchor: String
        /// The chapter's number.
        public var number: String
        /// The chapter's title.
        public var title: TextView
        /// The chapter's numbered sections.
        public var sections: [HeadingView]
        /// True when `sections` is not empty.
        public var has_sections: Bool
    }

    /// A chapter of the page: its heading, lead and rendered body.
    public struct Chapter: ViewModel, Hashable {
        /// The chapter's anchor (`chapter-office`).
        public var anchor: String
        /// The chapter's number.
        public var number: String
        /// The chapter's title.
        public var title: TextView
        /// The chapter's source (`office`, `catalogue`…), which names its template.
        public var source: String
        /// The chapter rendered by its template, in the handbook's format (HTML, or Typst
        /// for the PDF; empty before rendering), as the bytes the renderer wrote.
        public var html: RenderedText
        /// The chapter's lead, from the outline.
        public var description: TextView?
    }

    /// The handbook's language.
    public var lang: String
    /// The UI strings of the language (`{{ui.key}}`).
    public var ui: WordTable
    /// The print stylesheet, inlined.
    public var css: String
    /// The handbook's title (the outline's, else `handbook.title`).
    public var title: TextView
    /// The handbook's title as plain text (for `<title>`).
    public var plain_title: String
    /// The municipality's name.
    public var municipality: String
    /// The page's description for its metadata (`meta_description`, with the municipality
    /// after its preposition; not `description`, which a chapter's lead would find).
    public var meta_description: String
    /// The office's name, and the same as plain text (for the author metadata).
    public var office: TextView?
    public var office_plain: String
    /// The municipality's folder name.
    public var slug: String
    /// The model's version and title.
    public var model_version: String
    public var model_title: TextView?
    /// The date of the sources, written out (`24 de novembre de 2025`).
    public var source_date: String
    /// The language's name in itself (`català`).
    public var language_name: String
    /// `Model bàsic d'operacions, versió 1.0.0 · Fonts del 24 de novembre de 2025`.
    public var cover_line: String
    /// `Prova pilot · oberta des del 13 d'abril de 2026`, as plain text (the templates of
    /// earlier versions show it).
    public var cover_status: String
    /// The office's phase on the cover, marked when its name is not translated (the plain
    /// `cover_status` read a Catalan phase name as the handbook's language; session 45's
    /// review), and the words of its opening, when it has a date.
    public var cover_phase: TextView?
    public var cover_opening: String?
    /// The creation time for the PDF's metadata (`2025-11-24T16:00:00Z`).
    public var created: String
    /// `oae 1.2.0`.
    public var generator: String
    /// The table of contents.
    public var toc: [TocEntry] = []
    /// The chapters in the outline's order.
    public var chapters: [Chapter] = []
}

extension HandbookView {
    init(_ c: HandbookContext, css: String, created: String) {
        let m = c.markup
        let outlineTitle = m.plain(c.outline.title)
        let sourceDate = c.format.date(c.input.sourceDay)
        self.init(lang: c.language, ui: c.words.all, css: css,
                  title: m.view(c.outline.title).flatMap { $0.text.isEmpty ? nil : $0 } ?? m.plainView(c.words["handbook.title"]),
                  plain_title: outlineTitle.isEmpty ? c.words["handbook.title"] : outlineTitle,
                  municipality: c.municipalityName,
                  meta_description: c.words("meta_description", ["municipality": c.municipalityName]),
                  office: m.view(c.office?["name"]), office_plain: c.officeName,
                  slug: c.view.slug, model_version: c.network.settings.version,
                  model_title: m.view(c.network.modelDocuments(.model).first?.root?["title"]),
                  source_date: sourceDate, language_name: c.words["language.\(c.language)"],
                  cover_line: c.words("cover.line", ["version": c.network.settings.version, "date": sourceDate]),
                  cover_status: HandbookView.coverStatus(c), cover_phase: HandbookView.coverPhase(c), cover_opening: HandbookView.coverOpening(c),
                  created: created, generator: "oae \(c.input.toolVersion)")
    }

    /// `Prova pilot · oberta des del 13 d'abril de 2026`; `Candidata · obertura prevista el
    /// 3 de maig de 2027` (a status the model has no phase for is named by its word).
    static func coverStatus(_ c: HandbookContext) -> String {
        let phase = phaseNode(c).map { c.markup.plain($0["name"]) } ?? c.view.status.map { c.words["status.\($0.rawValue)"] }
        return [phase, coverOpening(c)].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
    }

    /// The phase of the model the office is in, when the model names it.
    static func phaseNode(_ c: HandbookContext) -> Node? {
        let phases = c.network.modelDocuments(.model).first?.root?.sequence(at: "phases") ?? []
        return phases.first { $0.string(at: "id") == c.view.status?.rawValue }
    }

    /// The office's phase as a text of the model (marked when not translated), else its word.
    static func coverPhase(_ c: HandbookContext) -> TextView? {
        if let node = phaseNode(c), let view = c.markup.view(node["name"]) { return view }
        return c.view.status.map { c.markup.plainView(c.words["status.\($0.rawValue)"]) }
    }

    /// `oberta des del 13 d'abril de 2026`, `obertura prevista el 3 de maig de 2027`.
    static func coverOpening(_ c: HandbookContext) -> String? {
        c.view.openingDate.map { c.words(c.view.opensLater ? "cover.planned" : "cover.opened", ["date": c.format.date($0)]) }
    }
}
