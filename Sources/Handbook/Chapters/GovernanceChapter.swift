import Presentation
import Model
import Rendering

/// The view model of `chapters/governance`: the model's prose chapter
/// `model/handbook/governance.md` in the handbook's language (its `summary` is the
/// chapter's lead, `ChapterContent.lead`).
public struct GovernanceView: ChapterView {
    /// The UI strings of the language (`{{ui.key}}`), set by the renderer.
    public var ui: WordTable = [:]
    /// Said when the model has no governance chapter.
    public var missing: String?
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
        var sections = SectionNumbers(chapter: number)
        let source = c.bodies.source(of: doc).doc
        for h in c.bodies.headings(source, Anchors.bodyPrefix(anchor), 1) where h.level == 3 {
            _ = sections.next(c.markup.plainView(h.text), anchor: h.anchor)
        }
        let body = c.bodies.render(doc, anchor: anchor, headingShift: 1, sections: (3, sections.sections.map(\.number)))
        let view = GovernanceView(body: body.view(id: doc.id, defaultLanguage: c.network.settings.defaultLanguage))
        return ChapterContent(model: view, sections: sections.sections, lead: c.markup.view(doc.root?["summary"]))
    }
}
