/// A numbered section of a chapter, as the table of contents lists it.
public struct Section: Sendable, Equatable {
    public var number: String
    /// The title as HTML (escaped text, possibly with a fallback marker).
    public var title: String
    public var anchor: String

    /// Template data: `{number, title, anchor}`.
    var data: [String: Any] { ["number": number, "title": title, "anchor": anchor] }
}

/// Numbers the sections of chapter `chapter`: `3.1`, `3.2`, …
struct SectionNumbers {
    let chapter: Int
    private(set) var sections: [Section] = []

    init(chapter: Int) {
        self.chapter = chapter
    }

    /// Adds a section and returns its template data.
    mutating func next(_ title: String, anchor: String) -> [String: Any] {
        let s = Section(number: "\(chapter).\(sections.count + 1)", title: title, anchor: anchor)
        sections.append(s)
        return s.data
    }
}

/// What a chapter builder produces: the data for its template
/// (`templates/handbook/chapters/<source>.mustache`) and its numbered sections.
public struct ChapterContent {
    public var data: [String: Any]
    public var sections: [Section]

    public init(data: [String: Any], sections: [Section] = []) {
        self.data = data
        self.sections = sections
    }
}

/// Builds the content of the chapters whose outline `source` it handles.
protocol ChapterBuilder {
    func build(_ c: HandbookContext, number: Int) -> ChapterContent
}
