import Handbook
import XCTest

/// A Typst failure is told by its first error, placed in the template when the line it
/// quotes is written there as it is (session 43's trial: one unclosed parenthesis in the
/// Typst template gave 582 lines at a temporary file already deleted).
final class TypstFailureTests: XCTestCase {
    /// The report of the `typst` package for `#let accent = rgb("#0b5394"` (its closing
    /// parenthesis removed) at line 9 of the template: the first two of its errors.
    let report = """
        unclosed delimiter
        error: unclosed delimiter
          ┌─ .out.staging-1215/__typst_py_bytes__.typ:8:17
          │
        8 │ #let accent = rgb("#0b5394"
          │                  ^

        error: the character `#` is not valid in code
          ┌─ .out.staging-1215/__typst_py_bytes__.typ:9:0
          │
        9 │ #let muted = rgb("#5b6670")
          │ ^
          │
          = hint: you are already in code mode
          = hint: try removing the `#`

        error: the character `#` is not valid in code
          ┌─ .out.staging-1215/__typst_py_bytes__.typ:10:0
        """

    let template = (path: "templates/handbook-typst/handbook.mustache",
                    text: "// the handbook\n#import \"x.typ\"\n\n\n\n\n\n\n#let accent = rgb(\"#0b5394\"\n#let muted = rgb(\"#5b6670\")\n")

    func testTheFirstErrorIsPlacedInTheTemplate() {
        XCTAssertEqual(TypstFailure.explain(report, templates: [template]), """
            templates/handbook-typst/handbook.mustache:9:18: unclosed delimiter
              │
            9 │ #let accent = rgb("#0b5394"
              │                  ^
            (more errors follow, often from this one: mend it first)
            """)
    }

    /// A line the templates do not hold as it is (rendered from tags, or written twice) is
    /// placed in the rendered source.
    func testALineNotInTheTemplatesIsPlacedInTheSource() {
        let twice = (path: template.path, text: template.text + "#let accent = rgb(\"#0b5394\"\n")
        XCTAssertEqual(TypstFailure.explain(report, templates: [twice]).split(separator: "\n").first.map(String.init),
                       "line 9, column 18 of the handbook's Typst source (rendered from templates/handbook-typst/): unclosed delimiter")
        // A message without Typst's report is kept as it is.
        XCTAssertEqual(TypstFailure.explain("the worker stopped", templates: [template]), "the worker stopped")
    }

    /// A line of a chapter's loop, rendered from tags, is placed in the template by the
    /// text around its tags; a column past its first tag cannot be, and is the line's start.
    func testALineWithTagsIsPlacedByItsText() {
        let loop = (path: "templates/handbook-typst/handbook.mustache",
                    text: "{{#chapters}}\n#blok(width: 100%)[{{{title}}}]\n{{/chapters}}\n")
        let failure = """
            unknown variable: blok
            error: unknown variable: blok
                ┌─ .out.staging-1/__typst_py_bytes__.typ:159:1
                │
            159 │ #blok(width: 100%)[Serveis]
                │  ^^^^
            """
        XCTAssertEqual(TypstFailure.explain(failure, templates: [loop]), """
            templates/handbook-typst/handbook.mustache:2:2: unknown variable: blok
              │
            2 │ #blok(width: 100%)[Serveis]
              │  ^^^^
            """)
    }

    /// The same error in many handbooks is said once, with the handbooks in their order.
    func testTheSameErrorIsSaidOnce() {
        let failures = [("b/ca", "x: one\nb"), ("a/es", "x: one\na"), ("a/ca", "x: one\nca"), ("c/ca", "x: one\nc"), ("d/en", "y: two")]
        XCTAssertEqual(HandbookBuildError.renderFailed(failures).description, """
            Typst failed:
              a/ca, a/es, b/ca and 1 more handbook:
                x: one
                ca
              d/en:
                y: two
            """)
    }
}
