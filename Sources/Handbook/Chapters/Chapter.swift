import Presentation
import Rendering

/// The view model of a chapter template (`templates/handbook/chapters/<source>.mustache`):
/// its data, and the handbook's words as `ui` (`{{ui.key}}`), which the renderer sets.
public protocol ChapterView: ViewModel, Hashable {
    /// The UI strings of the handbook's language (`Strings.all`).
    var ui: WordTable { get set }
}

/// Numbers the sections of chapter `chapter`: `3.1`, `3.2`, …
struct SectionNumbers {
    let chapter: Int
    private(set) var sections: [HeadingView] = []

    init(chapter: Int) {
        self.chapter = chapter
    }

    /// Adds a section and returns its heading.
    mutating func next(_ title: TextView, anchor: String) -> HeadingView {
        let s = HeadingView(number: "\(chapter).\(sections.count + 1)", title: title, anchor: anchor)
        sections.append(s)
        return s
    }
}

/// What a chapter builder produces: the view model of its template and its numbered
/// sections (for the table of contents).
public struct ChapterContent {
    /// The view model of the chapter's template.
    public var model: any ChapterView
    /// The chapter's numbered sections, for the table of contents.
    public var sections: [HeadingView]
    /// The chapter's own lead, shown under its title in place of the outline's
    /// `description` (the governance chapter's `summary`): a chapter prints one lead, not
    /// the outline's and its own in a row (the language review of session 13, no. 12).
    public var lead: TextView?

    /// The content of a chapter.
    public init(model: any ChapterView, sections: [HeadingView] = [], lead: TextView? = nil) {
        self.model = model
        self.sections = sections
        self.lead = lead
    }
}

/// Builds the content of the chapters whose outline `source` it handles.
protocol ChapterBuilder {
    func build(_ c: HandbookContext, number: Int) -> ChapterContent
}
