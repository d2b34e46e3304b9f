import Foundation
import Loading
import Model
import Rendering
import Resolution

/// Renders one municipality's handbook in one language as a single self-contained
/// HTML file: cover, table of contents, and the chapters of the model's outline in
/// order, numbered, with the print stylesheet inline. A pure function of the build
/// input: the same tree gives the same bytes.
public struct HandbookRenderer: Sendable {
    /// The template folder, relative to the tree's root.
    public static let folder = "templates/handbook"
    /// The stylesheet inlined into every handbook.
    public static let stylesheet = "templates/handbook/handbook.css"
    /// The chapter sources the renderer knows, each with its template `chapters/<source>`.
    public static let sources = ["control", "office", "governance", "catalogue", "procedures", "staffing",
                                 "communication", "indicators", "checklist", "differences", "glossary"]
    /// Every template a handbook needs.
    public static let requiredTemplates = ["handbook"] + sources.map { "chapters/\($0)" }

    public let input: BuildInput
    public let templates: Templates
    public let css: String
    public let outline: Outline

    public init(input: BuildInput, templates: Templates, css: String) {
        self.input = input
        self.templates = templates
        self.css = css
        outline = Outline(network: input.network)
    }

    /// Loads the templates and the stylesheet of the tree; the problems say what is
    /// missing or broken.
    public static func load(_ input: BuildInput) -> (HandbookRenderer, [String]) {
        let (templates, diagnostics) = Templates.load(root: input.root, folder: folder)
        var problems = (diagnostics + templates.require(requiredTemplates, folder: folder)).map { "\($0.span): \($0.message)" }
        let css = FileTree.readText(root: input.root, path: stylesheet) ?? ""
        if css.isEmpty { problems.append("\(stylesheet): the handbook's stylesheet is missing") }
        return (HandbookRenderer(input: input, templates: templates, css: css), problems)
    }

    public func render(_ view: ResolvedMunicipality, language: String) -> String {
        let c = HandbookContext(input: input, view: view, language: language, outline: outline)
        let m = c.markup
        var toc: [[String: Any]] = []
        var chapters: [[String: Any]] = []
        for (i, chapter) in outline.chapters.enumerated() {
            let number = i + 1
            let anchor = Anchors.chapter(chapter.id)
            let content = builder(chapter.source, anchor: anchor)?.build(c, number: number) ?? ChapterContent(data: [:])
            var data = content.data
            data["ui"] = c.words.all
            let title = m.text(chapter.title)
            let html = templates.names.contains("chapters/\(chapter.source)") ? templates.render("chapters/\(chapter.source)", data) : ""
            var entry: [String: Any] = ["anchor": anchor, "number": String(number), "title": title,
                                        "source": chapter.source, "html": html]
            let description = m.text(chapter.description)
            if !description.isEmpty { entry["description"] = description }
            chapters.append(entry)
            toc.append(["anchor": anchor, "number": String(number), "title": title,
                        "sections": content.sections.map(\.data), "has_sections": !content.sections.isEmpty])
        }
        let created = HandbookRenderer.timestamp(input.sourceEpoch)
        let handbookTitle = m.text(outline.title)
        let page: [String: Any] = [
            "lang": language, "ui": c.words.all, "css": css,
            "title": handbookTitle.isEmpty ? m.escape(c.words["handbook.title"]) : handbookTitle,
            "plain_title": m.plain(outline.title).isEmpty ? c.words["handbook.title"] : m.plain(outline.title),
            "municipality": c.municipalityName, "office": m.text(c.office?["name"]), "office_plain": c.officeName,
            "slug": view.slug,
            "model_version": c.network.settings.version, "model_title": m.text(c.network.modelDocuments(.model).first?.root?["title"]),
            "source_date": c.format.date(input.sourceDay),
            "language_name": c.words["language.\(language)"],
            "cover_line": c.words("cover.line", ["version": c.network.settings.version, "date": c.format.date(input.sourceDay)]),
            "cover_status": coverStatus(c),
            "created": created, "generator": "oae \(input.toolVersion)",
            "toc": toc, "chapters": chapters,
        ]
        return templates.render("handbook", page)
    }

    /// `Prova pilot · oberta des del 13 d'abril de 2026`.
    func coverStatus(_ c: HandbookContext) -> String {
        let phases = c.network.modelDocuments(.model).first?.root?["phases"]?.sequence ?? []
        let phase = phases.first { $0["id"]?.string == c.view.status?.rawValue }.map { c.markup.plain($0["name"]) }
        let opening = c.view.openingDate.map {
            c.words(c.view.status == .planned ? "cover.planned" : "cover.opened", ["date": c.format.date($0)])
        }
        return [phase, opening].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
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
