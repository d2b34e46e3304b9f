import Model
import Rendering

/// The view model of `chapters/governance`: the model's prose chapter
/// `model/handbook/governance.md` in the handbook's language.
public struct GovernanceView: ChapterView {
    /// The UI strings of the language (`{{ui.key}}`), set by the renderer.
    public var ui: [String: String] = [:]
    /// Said when the model has no governance chapter.
    public var missing: String?
    /// The field of the same name, in the handbook's language.
    public var summary: TextView?
    /// The body, its `##` headings numbered as sections.
    public var body: BodyView?
}

/// Builds the governance chapter, its `##` headings numbered as sections.
struct GovernanceChapter: ChapterBuilder {
    let anchor: String

    func build(_ c: HandbookContext, number: Int) -> ChapterContent {
        guard let doc = c.network.modelDocument(.handbookChapter, "governance") else {
            return ChapterContent(model: GovernanceView(missing: c.words["governance.missing"]))
        }
        var body = c.bodies.render(doc, anchor: anchor, headingShift: 1)
        var sections = SectionNumbers(chapter: number)
        for h in body.headings where h.level == 3 {
            _ = sections.next(c.markup.plainView(h.text), anchor: h.anchor)
        }
        body.html = Bodies.numberHeadings(body.html, level: 3, numbers: sections.sections.map(\.number))
        let view = GovernanceView(summary: c.markup.view(doc.root?["summary"]),
                                  body: body.view(id: doc.id, defaultLanguage: c.network.settings.defaultLanguage))
        return ChapterContent(model: view, sections: sections.sections)
    }
}
