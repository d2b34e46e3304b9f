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
    public private(set) var bodies: Bodies
    /// The chapter sources of the outline: a link is made only to a place the handbook has.
    public let sources: Set<String>

    /// The context of one handbook; `format` is the markup its values are rendered in
    /// (HTML for the HTML handbook, Typst for the PDF); `words` are the language's
    /// interface words when already loaded, and `bodyCache` shares the rendered Markdown
    /// bodies between the handbooks of a build.
    public init(input: BuildInput, view: ResolvedMunicipality, language: String, outline: Outline,
                format: MarkupFormat = .html, words: Strings? = nil, bodyCache: BodyCache? = nil) {
        self.input = input
        self.view = view
        self.outline = outline
        sources = Set(outline.chapters.map(\.source))
        let words = words ?? Strings(network: input.network, language: language)
        self.words = words
        self.format = ValueFormatter(strings: words)
        markup = Markup(words: words, localizer: input.localizer(language), format: format)
        let places = DocumentPlaces(network: input.network, view: view, language: language, outline: outline)
        bodies = Bodies(network: input.network, places: places, markup: markup, cache: bodyCache)
        // Model prose that names an adaptable value shows the municipality's own.
        let context = self
        bodies.values = { reference in
            guard let fields = reference.fields(in: context.view), let (value, parent) = reference.value(in: fields) else { return nil }
            let key = reference.path.last ?? ""
            let text = ValueText(context).describe(value, key: key, parent: parent, unit: parent?["unit"]?.string)
            let local = value.span.file.hasPrefix("seeds/")
            if context.markup.format == .typst { return text }
            return "<span class=\"adaptable-value\(local ? " local" : "")\">\(text)</span>"
        }
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
    public func serviceLinkView(_ id: String) -> LinkView {
        if let s = view.services.first(where: { $0.id == id }) {
            return linkView("catalogue", Anchors.service(id), s.fields["name"], id)
        }
        var name = linkView("", "", network.modelDocument(.service, id)?.root?["name"], id)
        name.not_offered = true
        return name
    }

    /// A link to a procedure of the handbook.
    public func procedureLinkView(_ id: String) -> LinkView {
        guard let p = view.procedures.first(where: { $0.id == id || $0.variant?.id == id }) else { return linkView("", "", nil, id) }
        return linkView("procedures", Anchors.procedure(p.id), p.fields["title"], id)
    }

    /// A link to a role of the staffing chapter.
    public func roleLinkView(_ id: String) -> LinkView {
        linkView("staffing", Anchors.role(id), network.modelDocument(.role, id)?.root?["title"], id)
    }

    /// A link to a training module of the staffing chapter.
    public func trainingLinkView(_ id: String) -> LinkView {
        linkView("staffing", Anchors.training(id), network.modelDocument(.trainingModule, id)?.root?["title"], id)
    }

    /// A link to an indicator of the indicators chapter.
    public func indicatorLinkView(_ id: String) -> LinkView {
        linkView("indicators", Anchors.indicator(id), network.modelDocument(.indicator, id)?.root?["name"], id)
    }

    /// A link to `anchor` in the chapter `source` labelled with the translatable `name`;
    /// without a name (an unknown id) the id as text, without the chapter in the outline
    /// the name alone.
    func linkView(_ source: String, _ anchor: String, _ name: Node?, _ id: String) -> LinkView {
        guard let name else { return LinkView(label: markup.plainView(id)) }
        return LinkView(link_anchor: sources.contains(source) ? anchor : nil, label: markup.view(name) ?? markup.plainView(""))
    }

    /// Links as a list in running text, or nil when there are none.
    public func links(_ links: [LinkView]) -> LinksView? {
        guard !links.isEmpty else { return nil }
        return LinksView(items: zip(links, format.separators(links.count)).map { LinksView.Item(link: $0, separator: $1) })
    }

    // The same links as HTML, for values written in Swift (lists of linked values).

    /// `serviceLinkView` as HTML.
    public func serviceLink(_ id: String) -> String { markup.html(serviceLinkView(id)) }
    /// `procedureLinkView` as HTML.
    public func procedureLink(_ id: String) -> String { markup.html(procedureLinkView(id)) }
    /// `roleLinkView` as HTML.
    public func roleLink(_ id: String) -> String { markup.html(roleLinkView(id)) }
    /// `trainingLinkView` as HTML.
    public func trainingLink(_ id: String) -> String { markup.html(trainingLinkView(id)) }
    /// `indicatorLinkView` as HTML.
    public func indicatorLink(_ id: String) -> String { markup.html(indicatorLinkView(id)) }

    /// The name of a thematic area of `model.yaml`.
    public func areaName(_ id: String) -> String { markup.html(area(id)) }

    /// The name of a thematic area as a text value (its id when the model has no such area).
    public func area(_ id: String) -> TextView {
        let areas = network.modelDocuments(.model).first?.root?["areas"]?.sequence ?? []
        return areas.first { $0["id"]?.string == id }.flatMap { markup.view($0["name"]) } ?? markup.plainView(id)
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
