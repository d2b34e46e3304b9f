import Diagnostics
import Loading
import Model
import Presentation
import Rendering
import Resolution

/// Everything a chapter needs to render one municipality's handbook in one language.
/// A class: the chapters and value writers (`ValueText`) pass it around constantly, and
/// copying a struct of a dozen references cost a retain and a release each (issue 13).
/// Immutable once made.
public final class HandbookContext: @unchecked Sendable {
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
    /// The cross-references to the model's places, the same in every handbook of the
    /// language (made once per build by the renderer), and those to this municipality's
    /// services and procedures (made once per handbook): chapters ask for the same links
    /// many times (a role's services, a sheet's related services).
    let modelLinks: ModelLinks
    let localLinks: LocalLinks
    /// The parts of view models shared by the handbooks of a build (nil builds every part).
    let parts: ViewPartCache?

    /// The context of one handbook; `format` is the markup its values are rendered in
    /// (HTML for the HTML handbook, Typst for the PDF); `words` are the language's
    /// interface words when already loaded, and `bodyCache` shares the rendered Markdown
    /// bodies between the handbooks of a build.
    public convenience init(input: BuildInput, view: ResolvedMunicipality, language: String, outline: Outline,
                            format: MarkupFormat = .html, words: Strings? = nil, bodyCache: BodyCache? = nil) {
        self.init(input: input, view: view, language: language, outline: outline, format: format, words: words,
                  bodyCache: bodyCache, links: nil)
    }

    /// The context of one handbook with the model's links of its language already made
    /// (`ModelLinks`, shared by the renderer's handbooks of that language and format).
    /// `formatter`, when given, is the formatter of `words` made once for the build's
    /// handbooks of the language (`ValueFormatter.forReaders`), which keeps the durations
    /// and dates it has worded for all of them.
    init(input: BuildInput, view: ResolvedMunicipality, language: String, outline: Outline,
         format: MarkupFormat, words: Strings?, formatter: ValueFormatter? = nil, bodyCache: BodyCache?, links: ModelLinks?,
         parts: ViewPartCache? = nil) {
        self.input = input
        self.parts = parts
        self.view = view
        self.outline = outline
        let sources = Set(outline.chapters.map(\.source))
        self.sources = sources
        let given = words?.forReaders()
        let words = given ?? Strings.forReaders(network: input.network, language: language)
        self.words = words
        assert(formatter.map { $0.language == language && $0.strings.typeset } ?? true, "a formatter of another language's words")
        self.format = formatter ?? given.map(ValueFormatter.init) ?? ValueFormatter.forReaders(network: input.network, language: language)
        let markup = Markup(words: words, localizer: input.localizer(language), format: format)
        self.markup = markup
        let links = links ?? ModelLinks(network: input.network, markup: markup, sources: sources)
        modelLinks = links
        localLinks = LocalLinks(view: view, markup: markup, sources: sources)
        let municipality = view.files.office?.root?["municipality"]?.string(at: "name").map(Typography.prose) ?? view.slug
        municipalityName = municipality
        let name = markup.plain(view.files.office?.root?["name"])
        officeName = name.isEmpty ? municipality : name
        let places = DocumentPlaces(network: input.network, view: view, language: language, outline: outline, cache: bodyCache)
        bodies = Bodies(network: input.network, places: places, markup: markup, cache: bodyCache)
        // Model prose that names an adaptable value shows the municipality's own. (The
        // context holds its bodies, which hold this function: it must not hold the context.)
        bodies.values = { [unowned self] reference in
            let context = self
            guard let fields = reference.fields(in: context.view), let (value, parent) = reference.value(in: fields) else { return nil }
            let key = reference.path.last ?? ""
            let text = ValueText(context).describe(value, key: key, parent: parent, unit: parent?.string(at: "unit"))
            let local = value.span.file.hasPrefix("seeds/")
            if context.markup.format == .typst { return text }
            return "<span class=\"adaptable-value\(local ? " local" : "")\">\(text)</span>"
        }
    }

    public var network: Network { input.network }
    public var language: String { words.language }
    public var office: Node? { view.files.office?.root }

    /// The municipality's name (`Sant Feliu de Llobregat`, with the outputs' `Typography`:
    /// `L’Hospitalet de Llobregat`), or its slug.
    public let municipalityName: String

    /// The office's name in the handbook's language (plain text).
    public let officeName: String

    // MARK: Provenance

    /// True when a value was written in the municipality's folder.
    public func isLocal(_ node: Node?) -> Bool { node?.span.file.hasPrefix("seeds/") == true }

    /// `seeds/x/adaptation.yaml:14`: where a value was written.
    public func place(_ span: SourceSpan) -> String { "\(span.file):\(span.start.line)" }

    // MARK: Cross-references

    /// A link to the sheet of a service of the catalogue, or its name as text when the
    /// municipality does not offer it.
    public func serviceLinkView(_ id: String) -> LinkView {
        localLinks.services[id] ?? modelLinks.services[id] ?? LinkView(label: markup.plainView(id), not_offered: true)
    }

    /// A link to a procedure of the handbook.
    public func procedureLinkView(_ id: String) -> LinkView {
        localLinks.procedures[id] ?? LinkView(label: markup.plainView(id))
    }

    /// A link to a role of the staffing chapter.
    public func roleLinkView(_ id: String) -> LinkView {
        modelLinks.roles[id] ?? LinkView(label: markup.plainView(id))
    }

    /// A link to a training module of the staffing chapter.
    public func trainingLinkView(_ id: String) -> LinkView {
        modelLinks.training[id] ?? LinkView(label: markup.plainView(id))
    }

    /// A link to an indicator of the indicators chapter.
    public func indicatorLinkView(_ id: String) -> LinkView {
        modelLinks.indicators[id] ?? LinkView(label: markup.plainView(id))
    }

    /// A link to `anchor` in the chapter `source` labelled with the translatable `name`;
    /// without a name (an unknown id) the id as text, without the chapter in the outline
    /// the name alone.
    static func linkView(_ source: String, _ anchor: String, _ name: Node?, _ id: String, markup: Markup,
                         sources: Set<String>) -> LinkView {
        guard let name else { return LinkView(label: markup.plainView(id)) }
        return LinkView(link_anchor: sources.contains(source) ? anchor : nil, label: markup.view(name) ?? markup.plainView(""))
    }

    /// `linkView` in this handbook's language and outline.
    func linkView(_ source: String, _ anchor: String, _ name: Node?, _ id: String) -> LinkView {
        HandbookContext.linkView(source, anchor, name, id, markup: markup, sources: sources)
    }

    /// Links as a list in running text, or nil when there are none.
    public func links(_ links: [LinkView]) -> LinksView? {
        guard !links.isEmpty else { return nil }
        return LinksView(items: zip(links, format.separators(links.count)).map { LinksView.Item(link: $0, separator: $1) })
    }

    // The same links as HTML, for values written in Swift (lists of linked values).

    /// `serviceLinkView` as HTML.
    public func serviceLink(_ id: String) -> String {
        localLinks.serviceHTML[id] ?? modelLinks.serviceHTML[id] ?? markup.html(serviceLinkView(id))
    }
    /// `procedureLinkView` as HTML.
    public func procedureLink(_ id: String) -> String { localLinks.procedureHTML[id] ?? markup.html(procedureLinkView(id)) }
    /// `roleLinkView` as HTML.
    public func roleLink(_ id: String) -> String { modelLinks.roleHTML[id] ?? markup.html(roleLinkView(id)) }
    /// `trainingLinkView` as HTML.
    public func trainingLink(_ id: String) -> String { markup.html(trainingLinkView(id)) }
    /// `indicatorLinkView` as HTML.
    public func indicatorLink(_ id: String) -> String { modelLinks.indicatorHTML[id] ?? markup.html(indicatorLinkView(id)) }

    /// The name of a thematic area of `model.yaml`.
    public func areaName(_ id: String) -> String { modelLinks.areas[id]?.html ?? markup.html(area(id)) }

    /// The name of a thematic area as a text value (its id when the model has no such area).
    public func area(_ id: String) -> TextView {
        modelLinks.areas[id]?.name ?? markup.plainView(id)
    }

    /// The position of an area in `model.yaml`, for ordering the catalogue.
    public func areaOrder(_ id: String) -> Int {
        modelLinks.areas[id]?.order ?? modelLinks.areaCount
    }

    /// An item of the communication strategy (`audiences`, `messages`, `channels`).
    public func strategyItem(_ list: String, _ id: String) -> Node? {
        network.modelDocuments(.communicationStrategy).first?.root?.sequence(at: list)?.first { $0.string(at: "id") == id }
    }

    /// The chapter of the outline that holds `source`, if the outline has one.
    public func chapter(_ source: String) -> Outline.Chapter? {
        outline.chapters.first { $0.source == source }
    }
}
