import Model

/// Governance and coordination: the model's prose chapter `model/handbook/governance.md`
/// in the handbook's language, its `##` headings numbered as sections.
struct GovernanceChapter: ChapterBuilder {
    let anchor: String

    func build(_ c: HandbookContext, number: Int) -> ChapterContent {
        guard let doc = c.network.modelDocument(.handbookChapter, "governance") else {
            return ChapterContent(data: ["missing": c.markup.escape(c.words["governance.missing"])])
        }
        let body = c.bodies.render(doc, anchor: anchor, headingShift: 1)
        var sections = SectionNumbers(chapter: number)
        for h in body.headings where h.level == 3 {
            _ = sections.next(c.markup.escape(h.text), anchor: h.anchor)
        }
        let html = Bodies.numberHeadings(body.html, level: 3, numbers: sections.sections.map(\.number))
        return ChapterContent(data: ["summary": c.markup.text(doc.root?["summary"]), "body": html],
                              sections: sections.sections)
    }
}
