import Foundation
import XCTest

/// The handbook's print styles let long identifiers, addresses and words in table cells
/// wrap: laid out by WeasyPrint on A4, no text of a table runs past the page's text area.
final class TableWrapTests: XCTestCase {
    func testLongWordsInTableCellsStayOnThePage() throws {
        let python = ProcessInfo.processInfo.environment["OAE_PYTHON"]
            ?? HandbookTestSupport.packageRoot.appendingPathComponent(".venv/bin/python").path
        let css = HandbookTestSupport.packageRoot.appendingPathComponent("templates/handbook/handbook.css").path
        let script = """
            import sys
            from weasyprint import HTML, CSS
            from weasyprint.formatting_structure import boxes
            html = '''<!doctype html><html lang="ca"><head><meta charset="utf-8"><title>t</title></head><body>
            <table class="grid"><thead><tr><th>camp</th><th>exemple</th></tr></thead><tbody>
            <tr><td>identificador</td><td><code>urn:oae:seeds:sant-feliu-de-llobregat:procedures:welcome-and-triage-sant-feliu-de-llobregat-variant</code></td></tr>
            <tr><td>enllaç</td><td>https://sant-feliu-de-llobregat.example.cat/oae/cita-previa/serveis/creacio-d-empreses/assessorament-inicial-presencial</td></tr>
            <tr><td>CamelCaseIdentifierThatIsVeryLongAndHasNoBreakOpportunitiesAtAllInsideItsOwnCharactersXYZ</td><td>text</td></tr>
            </tbody></table></body></html>'''
            page = HTML(string=html).render(stylesheets=[CSS(filename=sys.argv[1])]).pages[0]._page_box
            root = page.children[0]
            right = root.position_x + root.margin_width()
            past = []
            def walk(box):
                if isinstance(box, boxes.TextBox) and box.position_x + box.width > right + 0.5:
                    past.append(box.text)
                for child in getattr(box, 'children', []):
                    walk(child)
            walk(page)
            print("past the page: " + " | ".join(past) if past else "fits")
            """
        let result = try HandbookTestSupport.run(python, ["-c", script, css])
        XCTAssertEqual(result.status, 0, "WeasyPrint is needed (scripts/setup.sh installs it): \(result.stderr)")
        XCTAssertEqual(result.stdout, "fits\n")
    }
}
