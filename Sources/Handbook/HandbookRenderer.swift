import Foundation
import Loading
import Model
import Presentation
import Rendering
import Resolution

/// Renders one municipality's handbook in one language as a single self-contained
/// HTML file (cover, table of contents, and the chapters of the model's outline in
/// order, numbered, with the print stylesheet inline), and as the Typst source of its
/// PDF, from the same view models with the templates of `templates/handbook-typst/`.
/// A pure function of the build input: the same tree gives the same bytes.
public struct HandbookRenderer: Sendable {
    /// The template folder, relative to the tree's root.
    public static let folder = "templates/handbook"
    /// The folder of the Typst templates of the PDF (the same names as `folder`'s).
    public static let typstFolder = "templates/handbook-typst"
    /// The stylesheet inlined into every handbook.
    public static let stylesheet = "templates/handbook/handbook.css"
    /// The chapter sources the renderer knows, each with its template `chapters/<source>`.
    public static let sources = ["control", "office", "governance", "catalogue", "procedures", "staffing",
                                 "communication", "indicators", "checklist", "differences", "glossary",
                                 "agreements"]
    /// Every template a handbook needs.
    public static let requiredTemplates = ["handbook"] + sources.map { "chapters/\($0)" } + partials.keys.sorted()

    /// The partials the templates include, with the view model each is rendered from.
    static let partials: [String: any ViewModel.Type] = ["partials/text": TextView.self, "partials/paragraphs": ParagraphsView.self,
                                                         "partials/heading": HeadingView.self, "partials/local": LocalView.self,
                                                         "partials/owner": ProceduresView.Owner.self,
                                                         "partials/link": LinkView.self, "partials/links": LinksView.self]

    /// The view model type of each chapter source.
    static let chapterViews: [String: any ChapterView.Type] = [
        "control": ControlView.self, "office": OfficeView.self, "governance": GovernanceView.self,
        "catalogue": CatalogueView.self, "procedures": ProceduresView.self, "staffing": StaffingView.self,
        "communication": CommunicationView.self, "indicators": IndicatorsView.self,
        "checklist": ChecklistView.self, "differences": DifferencesView.self, "glossary": GlossaryView.self,
        "agreements": AgreementsView.self,
    ]

    /// The shape of the view model of every template (`handbook`, `chapters/office`,
    /// `partials/text`), for the template check (`template-unknown-variable`). A
    /// partial's shape has the `ui` table of the chapter that includes it. Read from
    /// `recordedViewShapes` (`RecordedViewShapes.swift`), which the tests keep equal to
    /// `viewModelShapes()`.
    public static let views: [String: ViewShape] = ViewShape.table(recordedViewShapes)

    /// The shape of the view model of each template, recorded from the types.
    public static func viewModelShapes() -> [String: ViewShape] {
        func shape<T: ViewModel>(_ type: T.Type) -> ViewShape { ViewShape.of(type) }
        var out: [String: ViewShape] = ["handbook": shape(HandbookView.self)]
        for (source, type) in chapterViews { out["chapters/\(source)"] = shape(type) }
        // A partial is rendered inside a chapter, whose `ui` it sees.
        for (name, type) in partials {
            guard case let .object(members) = shape(type) else { continue }
            out[name] = .object(members.merging(["ui": .map]) { a, _ in a })
        }
        return out
    }

    /// The checked tree and what the build knows of it.
    public let input: BuildInput
    /// The templates of `templates/handbook/`.
    public let templates: Templates
    /// The templates of `templates/handbook-typst/`.
    public let typstTemplates: Templates
    /// The stylesheet inlined into every handbook.
    public let css: String
    /// The model's outline: the chapters and their order.
    public let outline: Outline
    /// The Markdown bodies rendered so far, shared by every handbook this renderer makes.
    public let bodyCache = BodyCache()
    /// The chapters rendered so far, by view model, shared by every handbook this renderer
    /// makes; nil renders every chapter (for tests that compare).
    public let chapterCache: ChapterCache?
    /// Parts of chapters (service and procedure sheets) built so far, shared by every handbook this
    /// renderer makes; nil builds every part (for tests that compare).
    public let partCache: ViewPartCache?
    /// The chapters that show the model alone (nothing of the municipality, not even
    /// their number): built once per language and format for the build.
    static let modelOnly: Set<String> = ["glossary"]
    /// The contents of the `modelOnly` chapters built so far.
    let modelChapters = ModelChapters()
    /// The interface words of each language of the model, loaded once.
    let words: [String: Strings]
    /// The formatter of each language's words, made once (it keeps what it has worded).
    let formatters: [String: ValueFormatter]
    /// The links to the model's places by language and format (`<lang>/<format>`), made once.
    let links: [String: ModelLinks]

    /// A renderer of the handbooks of `input`. `keepsDescribedValues` false describes
    /// every value of the model anew in each handbook (`DescribedValues`; for tests that
    /// compare).
    public init(input: BuildInput, templates: Templates, typstTemplates: Templates, css: String,
                chapterCache: ChapterCache? = ChapterCache(), partCache: ViewPartCache? = ViewPartCache(),
                keepsDescribedValues: Bool = true) {
        self.input = input
        self.chapterCache = chapterCache
        self.partCache = partCache
        self.templates = templates
        self.typstTemplates = typstTemplates
        self.css = css
        outline = Outline(network: input.network)
        let words = Dictionary(input.languages.map { ($0, Strings.forReaders(network: input.network, language: $0)) }) { a, _ in a }
        self.words = words
        formatters = Dictionary(input.languages.map { ($0, ValueFormatter.forReaders(network: input.network, language: $0)) }) { a, _ in a }
        let sources = Set(outline.chapters.map(\.source))
        var links: [String: ModelLinks] = [:]
        for (language, strings) in words {
            for format in [MarkupFormat.html, .typst] {
                let markup = Markup(words: strings, localizer: input.localizer(language), format: format)
                var made = ModelLinks(network: input.network, markup: markup, sources: sources)
                if !keepsDescribedValues { made.described = nil }
                links["\(language)/\(format.rawValue)"] = made
            }
        }
        self.links = links
    }

    /// Loads the templates and the stylesheet of the tree; the problems say what is
    /// missing or broken. `chapterCache` nil renders every chapter of every handbook.
    public static func load(_ input: BuildInput, chapterCache: ChapterCache? = ChapterCache(),
                            partCache: ViewPartCache? = ViewPartCache(),
                            keepsDescribedValues: Bool = true) -> (HandbookRenderer, [String]) {
        let (templates, diagnostics) = Templates.load(root: input.root, folder: folder)
        let (typst, typstDiagnostics) = Templates.load(root: input.root, folder: typstFolder)
        var problems = (diagnostics + templates.require(requiredTemplates, folder: folder)
            + typstDiagnostics + typst.require(requiredTemplates, folder: typstFolder)).map { "\($0.span): \($0.message)" }
        let css = FileTree.readText(root: input.root, path: stylesheet) ?? ""
        if css.isEmpty { problems.append("\(stylesheet): the handbook's stylesheet is missing") }
        return (HandbookRenderer(input: input, templates: templates, typstTemplates: typst, css: css, chapterCache: chapterCache,
                                 partCache: partCache, keepsDescribedValues: keepsDescribedValues),
                problems)
    }

    /// The handbook of one municipality in one language as view models: the page, and
    /// each chapter's model in the order of the outline, with the values oae renders
    /// itself (links, bodies) in `format` (the page's chapters then have no `html`).
    public func document(_ view: ResolvedMunicipality, language: String,
                         format: MarkupFormat = .html) -> (page: HandbookView, chapters: [any ChapterView]) {
        // The revision and date of this handbook's own inputs (`SourceStamps`).
        let input = self.input.handbook(view.slug)
        let c = HandbookContext(input: input, view: view, language: language, outline: outline, format: format,
                                words: words[language], formatter: formatters[language], bodyCache: bodyCache, links: links["\(language)/\(format.rawValue)"], parts: partCache)
        var page = HandbookView(c, css: css, created: HandbookRenderer.timestamp(input.sourceEpoch))
        var models: [any ChapterView] = []
        for (i, chapter) in outline.chapters.enumerated() {
            let number = i + 1
            let anchor = Anchors.chapter(chapter.id)
            let content = HandbookRenderer.modelOnly.contains(chapter.source)
                ? modelChapters.content("\(chapter.source)/\(language)/\(format.rawValue)") { builder(chapter.source, anchor: anchor)?.build(c, number: number) }
                : builder(chapter.source, anchor: anchor)?.build(c, number: number)
            var model = content?.model ?? EmptyChapterView()
            model.ui = c.words.all
            models.append(model)
            let title = c.markup.view(chapter.title) ?? c.markup.plainView("")
            page.chapters.append(HandbookView.Chapter(anchor: anchor, number: String(number), title: title,
                                                      source: chapter.source, html: RenderedText(utf8: []),
                                                      description: content?.lead ?? c.markup.view(chapter.description)))
            let sections = content?.sections ?? []
            page.toc.append(HandbookView.TocEntry(anchor: anchor, number: String(number), title: title,
                                                  sections: sections, has_sections: !sections.isEmpty))
        }
        return (page, models)
    }

    /// The handbook as one HTML page.
    public func render(_ view: ResolvedMunicipality, language: String) -> String {
        render(view, language: language, format: .html, with: templates)
    }

    /// The handbook as one HTML page, as UTF-8 bytes (for its file).
    public func renderUTF8(_ view: ResolvedMunicipality, language: String) -> [UInt8] {
        page(view, language: language, format: .html, with: templates) { page in
            // The page is its chapters, the stylesheet and some 40 KB of cover, contents and markup.
            let capacity = page.chapters.reduce(css.utf8.count + 65_536) { $0 + $1.html.utf8.count }
            return templates.renderUTF8("handbook", page, capacity: capacity)
        }
    }

    /// The handbook as one Typst document, the source of its PDF.
    public func renderTypst(_ view: ResolvedMunicipality, language: String) -> String {
        render(view, language: language, format: .typst, with: typstTemplates)
    }

    /// The handbook in `format` cut for comparing two trees (`oae impact`): each chapter's id
    /// (`office`) with what it shows (its number, title, lead and body, as rendered), and
    /// the frame, the whole document rendered with every chapter's number, title, lead and
    /// body and the table of contents left out (the cover, the stylesheet, the page's header
    /// and footer), a change of which changes the pages of every chapter. The contents list
    /// the chapters' titles and sections, which their chapters' parts hold.
    public func comparableParts(_ view: ResolvedMunicipality, language: String,
                                format: MarkupFormat) -> (frame: String, chapters: [(id: String, markup: String)]) {
        let templates = format == .html ? templates : typstTemplates
        return page(view, language: language, format: format, with: templates) { page in
            let chapters = page.chapters.map { c in
                (id: c.anchor.hasPrefix("chapter-") ? String(c.anchor.dropFirst("chapter-".count)) : c.anchor,
                 markup: [c.number, c.title.text, c.title.lang, c.description?.text ?? "", c.html.string].joined(separator: "\u{0}"))
            }
            var frame = page
            frame.toc = []
            for i in frame.chapters.indices {
                frame.chapters[i].anchor = "chapter-\(i + 1)"
                frame.chapters[i].number = ""
                frame.chapters[i].title = TextView(text: "", lang: language)
                frame.chapters[i].description = nil
                frame.chapters[i].html = RenderedText(utf8: [])
            }
            return (templates.render("handbook", frame), chapters)
        }
    }

    func render(_ view: ResolvedMunicipality, language: String, format: MarkupFormat, with templates: Templates) -> String {
        page(view, language: language, format: format, with: templates) { templates.render("handbook", $0) }
    }

    /// The page's view with its chapters rendered, rendered by `render`.
    func page<Out>(_ view: ResolvedMunicipality, language: String, format: MarkupFormat, with templates: Templates,
                   render: (HandbookView) -> Out) -> Out {
        var (page, models) = document(view, language: language, format: format)
        for (i, model) in models.enumerated() {
            let source = page.chapters[i].source
            page.chapters[i].html = chapter(model, source: source, language: language, format: format, with: templates)
        }
        return render(page)
    }

    /// A chapter's markup from its view model, reused from `chapterCache` when an equal
    /// view model was rendered already.
    func chapter<Model: ChapterView>(_ model: Model, source: String, language: String, format: MarkupFormat,
                                     with templates: Templates) -> RenderedText {
        let name = "chapters/\(source)"
        guard templates.names.contains(name) else { return RenderedText(utf8: []) }
        guard let chapterCache else { return templates.renderText(name, model) }
        return chapterCache.html(source: source, language: language, format: format, model: model) {
            templates.renderText(name, model)
        }
    }

    func builder(_ source: String, anchor: String) -> (any ChapterBuilder)? {
        switch source {
        case "control": return ControlChapter()
        case "office": return OfficeChapter()
        case "governance": return GovernanceChapter(anchor: anchor)
        case "catalogue": return CatalogueChapter()
        case "procedures": return ProceduresChapter()
        case "staffing": return StaffingChapter()
        case "communication": return CommunicationChapter()
        case "indicators": return IndicatorsChapter()
        case "checklist": return ChecklistChapter()
        case "differences": return DifferencesChapter()
        case "glossary": return GlossaryChapter()
        case "agreements": return AgreementsChapter()
        default: return nil
        }
    }

    /// `2026-11-25T09:14:00Z` for a Unix time (for the PDF's creation date).
    static func timestamp(_ epoch: Int) -> String {
        let day = Day(unixSeconds: epoch)
        let seconds = ((epoch % 86_400) + 86_400) % 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        return "\(day)T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))Z"
    }
}

/// The view model of a chapter whose source oae does not know (its template is empty).
struct EmptyChapterView: ChapterView {
    var ui: WordTable = [:]
}

/// The contents of the chapters that show the model alone (`HandbookRenderer.modelOnly`),
/// by source, language and format, built by the first handbook that asks. Safe to share
/// between threads; two threads that miss at once both build it (the same content).
final class ModelChapters: @unchecked Sendable {
    private let lock = NSLock()
    private var contents: [String: ChapterContent?] = [:]

    func content(_ key: String, build: () -> ChapterContent?) -> ChapterContent? {
        if let known = lock.withLock({ contents[key] }) { return known }
        let made = build()
        lock.withLock { contents[key] = made }
        return made
    }
}
