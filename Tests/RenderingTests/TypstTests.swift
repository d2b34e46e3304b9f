import Rendering
import XCTest

/// Text becomes Typst markup that shows it verbatim, and Markdown becomes Typst with the
/// same anchors and links as the HTML.
final class TypstTests: XCTestCase {
    func testEveryMarkupCharacterIsEscaped() {
        XCTAssertEqual(Typst.escape(##"#read("/etc/passwd") $x$ <l> @r *a* _b_ `c` = [d] \ ~ - + 1. 'e' {f}: g"##),
                       ##"\#read(\"\/etc\/passwd\") \$x\$ \<l\> \@r \*a\* \_b\_ \`c\` \= \[d\] \\ \~ \- \+ 1\. \'e\' \{f\}\: g"##)
        XCTAssertEqual(Typst.escape("una\nlínia\tnova"), "una línia nova", "a text never starts a markup line")
        XCTAssertEqual(Typst.escape("Sant Feliu de Llobregat"), "Sant Feliu de Llobregat")
        // A long word may break every 12 characters (an empty box, no character), escapes kept;
        // a `(` after the box stays text.
        XCTAssertEqual(Typst.escape("a https://seu.example.cat/tramits/x b"),
                       "a https\\:\\/\\/seu\\.#box(width: 0pt);example\\.cat\\/#box(width: 0pt);tramits\\/x b")
        XCTAssertEqual(Typst.escape("abcdefghijkl(mnopqrstuvwxyz)"), "abcdefghijkl#box(width: 0pt);(mnopqrstuvw#box(width: 0pt);xyz)")
    }

    func testStringsAndLabels() {
        XCTAssertEqual(Typst.string("a \"b\" \\ c\nd"), #""a \"b\" \\ c\nd""#)
        XCTAssertEqual(Typst.label("service-company-creation"), #"label("service-company-creation")"#)
        XCTAssertEqual(Typst.label("x\")) #read(\"y"), #"label("x\")) #read(\"y")"#)
    }

    func testMarkdownBecomesTypst() {
        let markdown = """
            ## Com funciona

            Un *text* amb **força**, `codi #1` i un [enllaç](#lloc) i [fora](https://example.cat/a).
            Una [pàgina desconeguda](altres.md) i ~~ratllat~~.

            - u
            - dos

            1. primer
            2. segon

            > cita

            | A | B |
            |---|--:|
            | 1 | 2 |

            Nota[^n].

            [^n]: La nota.
            """
        let typst = MarkdownTypst(headingShift: 1, anchorPrefix: "s--") { $0 == "altres.md" ? "oae-unlinked:" : nil }
        XCTAssertEqual(typst.render(markdown), """
            #heading(level: 3, numbering: none, outlined: false)[Com funciona] #label("s--com-funciona")

            Un #emph[text] amb #strong[força], #raw("codi #1") i un #link(label("lloc"))[enllaç] i #link("https://example.cat/a")[fora]\\. Una pàgina desconeguda i #strike[ratllat]\\.

            #list([u], [dos])

            #enum(start: 1, [primer], [segon])

            #quote(block: true)[cita]

            #table(columns: 2, align: (left, right,), table.header([A], [B]), [1], [2])

            Nota#footnote[La nota\\.]\\.
            """)
    }

    func testNumberedSectionsAndWriterTextStayText() {
        let typst = MarkdownTypst(headingShift: 0, sectionLevel: 2, sectionNumbers: ["3.1"])
        XCTAssertEqual(typst.render("## Actors\n\n#read(\"/etc/passwd\") <x> @x $y$\n\n<b>raw</b>\n\n## Altres"), """
            #heading(level: 2, numbering: none)[3\\.1 Actors] #label("actors")

            \\#read(\\"\\/etc\\/passwd\\") \\<x\\> \\@x \\$y\\$

            \\<b\\>raw\\<\\/b\\>

            #heading(level: 2, numbering: none, outlined: false)[Altres] #label("altres")
            """)
    }
}
