import Diagnostics
import Loading
import Model
import Presentation
import Rendering
import Resolution

/// Everything a chapter needs to render one municipality's handbook in one language.
public struct HandbookContext: Sendable {
    public let input: BuildInput
    public let view: ResolvedMunicipality
    public let outline: Outline
    /// The interface words of the handbook's language (`templates/strings/<lang>.yaml`).
    public let words: Strings
    /// Numbers, money, dates, durations and counts in the handbook's language.
    public let format: ValueFormatter
    public let markup: Markup
    public let bodies: Bodies
    /// The chapter sources of the outline: a link is made only to a place the handbook has.
    public let sources: Set<String>

    public init(input: BuildInput, view: ResolvedMunicipality, language: String, outline: Outline) {
        self.input = input
        self.view = view
        self.outline = outline
        sources = Set(outline.chapters.map(\.source))
        let words = Strings(network: input.network, language: language)
        self.words = words
        format = ValueFormatter(strings: words)
        markup = Markup(words: words, localizer: input.localizer(language))
        let places = DocumentPlaces(network: input.network, view: view, language: language, outline: outline)
        bodies = Bodies(network: input.network, places: places, markup: markup)
    }

    public var network: Network { input.network }
    public var language: String { words.language }
    public var office: Node? { view.files.office?.root }

    /// The municipality's name (`Sant Feliu de Llobregat`), or its slug.
    public var municipalityName: String { office?["municipality"]?["name"]?.string ?? view.slug }

    /// The office's name in the handbook's language (plain text).
    public var officeName: String {
        let name = markup.plain(office?["name"])
        return name.isEmpty ? municipalityName : name
    }

    // MARK: Provenance

    /// True when a value was written in the municipality's folder.
    public func isLocal(_ node: Node?) -> Bool { node?.span.file.hasPrefix("seeds/") == true }

    /// `seeds/x/adaptation.yaml:14`: where a value was written.
    public func place(_ span: SourceSpan) -> String { "\(span.file):\(span.start.line)" }

    // MARK: Cross-references

    /// A link to the sheet of a service of the catalogue, or its name as text when the
    /// municipality does not offer it.
    public func serviceLink(_ id: String) -> String {
        if let s = view.services.first(where: { $0.id == id }) {
            return link("catalogue", Anchors.service(id), markup.text(s.fields["name"]))
        }
        let name = network.modelDocument(.service, id).map { markup.text($0.root?["name"]) } ?? markup.escape(id)
        return "<span class=\"not-offered\">\(name)</span>"
    }

    /// A link to a procedure of the handbook.
    public func procedureLink(_ id: String) -> String {
        if let p = view.procedures.first(where: { $0.id == id || $0.variant?.id == id }) {
            return link("procedures", Anchors.procedure(p.id), markup.text(p.fields["title"]))
        }
        return markup.escape(id)
    }

    /// A link to a role of the staffing chapter.
    public func roleLink(_ id: String) -> String {
        guard let doc = network.modelDocument(.role, id) else { return markup.escape(id) }
        return link("staffing", Anchors.role(id), markup.text(doc.root?["title"]))
    }

    /// A link to a training module of the staffing chapter.
    public func trainingLink(_ id: String) -> String {
        guard let doc = network.modelDocument(.trainingModule, id) else { return markup.escape(id) }
        return link("staffing", Anchors.training(id), markup.text(doc.root?["title"]))
    }

    /// A link to an indicator of the indicators chapter.
    public func indicatorLink(_ id: String) -> String {
        guard let doc = network.modelDocument(.indicator, id) else { return markup.escape(id) }
        return link("indicators", Anchors.indicator(id), markup.text(doc.root?["name"]))
    }

    /// A link to `anchor` when the outline has the chapter `source` that holds it, else
    /// the text alone.
    public func link(_ source: String, _ anchor: String, _ html: String, xref: Bool = true) -> String {
        sources.contains(source) ? markup.link(anchor, html, xref: xref) : html
    }

    /// The name of a thematic area of `model.yaml`.
    public func areaName(_ id: String) -> String {
        let areas = network.modelDocuments(.model).first?.root?["areas"]?.sequence ?? []
        return areas.first { $0["id"]?.string == id }.map { markup.text($0["name"]) } ?? markup.escape(id)
    }

    /// The position of an area in `model.yaml`, for ordering the catalogue.
    public func areaOrder(_ id: String) -> Int {
        let areas = network.modelDocuments(.model).first?.root?["areas"]?.sequence ?? []
        return areas.firstIndex { $0["id"]?.string == id } ?? areas.count
    }

    /// An item of the communication strategy (`audiences`, `messages`, `channels`).
    public func strategyItem(_ list: String, _ id: String) -> Node? {
        network.modelDocuments(.communicationStrategy).first?.root?[list]?.sequence?.first { $0["id"]?.string == id }
    }

    /// The chapter of the outline that holds `source`, if the outline has one.
    public func chapter(_ source: String) -> Outline.Chapter? {
        outline.chapters.first { $0.source == source }
    }
}
