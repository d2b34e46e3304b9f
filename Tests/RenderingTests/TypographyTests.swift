import Loading
@testable import Presentation
@testable import Rendering
import XCTest

/// The typography of writers' prose in the outputs (`Typography`; the language review of
/// session 13, no. 15): `’` inside words, a no-break space between a number and % or €.
final class TypographyTests: XCTestCase {
    func testApostrophesInsideWordsAndSpacesBeforeSignsChange() {
        XCTAssertEqual(Typography.prose("L'equip d'Òmnium obre l'1 d'octubre a l'àrea"),
                       "L\u{2019}equip d\u{2019}Òmnium obre l\u{2019}1 d\u{2019}octubre a l\u{2019}àrea")
        XCTAssertEqual(Typography.prose("El 96 % de les empreses; 90.000 € i 1.500,50 €."),
                       "El 96\u{00A0}% de les empreses; 90.000\u{00A0}€ i 1.500,50\u{00A0}€.")
        XCTAssertEqual(Typography.prose("The office's target is 96%."), "The office\u{2019}s target is 96%.")
        XCTAssertEqual(Typography.prose("Días hábiles: 5 € y 3 %"), "Días hábiles: 5\u{00A0}€ y 3\u{00A0}%")
        // After an accented letter (Latin-1, two bytes) too.
        XCTAssertEqual(Typography.prose("Què's"), "Què\u{2019}s")
    }

    func testQuotationMarksAndOtherSpacesStay() {
        for text in ["'entre cometes' i 'x", "rock 'n' roll", "la xifra %", "mil € i 5 euros", "el 5% i 5  %",
                     "×'a", "a'", "'", ""] {
            XCTAssertEqual(Typography.prose(text), text, text)
        }
        // A number and its sign alone.
        XCTAssertEqual(Typography.prose("96 %"), "96\u{00A0}%")
    }

    /// The possessive of a plural in English ("the offices' teams", the trial of session
    /// 29) curls outside a quotation; inside one, the `'` after the `s` closes it, and the
    /// pair stays straight.
    func testAPluralsPossessiveCurlsOutsideAQuotation() {
        XCTAssertEqual(Typography.prose("The offices' teams and the agencies'."),
                       "The offices\u{2019} teams and the agencies\u{2019}.")
        XCTAssertEqual(Typography.prose("All offices'"), "All offices\u{2019}")
        // After a quotation opened in the block, an `s'` may be its closing mark: none is
        // curled (the trial of session 30: "'the teams' files'" curled the last one alone).
        for text in ["He said 'the offices' and the offices' teams", "He said 'the teams' files' yesterday.",
                     "\"she told me 'the clients' files' were lost\""] {
            XCTAssertEqual(Typography.prose(text), text, text)
        }
        XCTAssertEqual(Typography.prose("The offices' teams said 'the teams' files'"), "The offices\u{2019} teams said 'the teams' files'")
        XCTAssertEqual(Typography.prose("els veïns' ('l'oficina')"), "els veïns\u{2019} ('l\u{2019}oficina')")
        XCTAssertEqual(Typography.prose("('l'oficina') i els veïns' —'mes'"), "('l\u{2019}oficina') i els veïns' —'mes'")
        // A quotation opens after anything but a letter or a digit, before a letter; not
        // before a digit ("'90s"), which is an elision.
        XCTAssertEqual(Typography.prose("«'Serveis municipals'» i ['dies','mesos'] als 90'"),
                       "«'Serveis municipals'» i ['dies','mesos'] als 90'")
        XCTAssertEqual(Typography.prose("In the '90s the offices' teams"), "In the '90s the offices\u{2019} teams")
        // A lone `s` is no word's end; an address stays as written.
        for text in ["s' a", "a s'", "'Is' it", "https://ex.cat/offices' x"] {
            XCTAssertEqual(Typography.prose(text), text, text)
        }
    }

    /// A quotation goes on across the text nodes of one Markdown block (a link, an
    /// emphasis, a line break split it; the review of session 30), and across a page's
    /// inline tags; a new block starts with none open.
    func testAQuotationGoesOnAcrossTheTextsOfOneBlock() {
        XCTAssertEqual(MarkdownHTML().render("Vegeu 'Serveis\nmunicipals' i 'les [oficines](x) actives'.\n\nThe offices' *teams*' work.\n"), """
            <p>Vegeu 'Serveis
            municipals' i 'les <a href="x">oficines</a> actives'.</p>
            <p>The offices\u{2019} <em>teams</em>' work.</p>

            """)
        // After it, in the same block, no `s'` is curled (the closing mark looks the same).
        XCTAssertEqual(MarkdownTypst().render("She said 'the *offices'* teams' to us. The offices' teams."),
                       "She said \\'the #emph[offices\\'] teams\\' to us\\. The offices\\' teams\\.")
        XCTAssertEqual(HTML.typesetText("<p>Vegeu 'les <a href=x>oficines</a> actives'</p><p>the offices' teams</p>"),
                       "<p>Vegeu 'les <a href=x>oficines</a> actives'</p><p>the offices\u{2019} teams</p>")
    }

    /// An apostrophe that ends a text node before a link or an emphasis starting with a
    /// letter is curled ("l'[empresa](x)": session 35's leftover, each text node was read
    /// alone), and so is one that starts a text after one ending with a letter
    /// ("[office](x)'s", session 36's trial); by a space, a code span or a block's edge not.
    func testAnApostropheBeforeALinkOrAnEmphasisIsCurled() {
        XCTAssertEqual(MarkdownHTML().render("Vegeu l'[empresa](x), d'**1** i l'*[oficina](y)*; l' `codi` i l'`codi`\n\nd'\n"), """
            <p>Vegeu l\u{2019}<a href="x">empresa</a>, d\u{2019}<strong>1</strong> i l\u{2019}<em><a href="y">oficina</a></em>; l' <code>codi</code> i l'<code>codi</code></p>
            <p>d'</p>

            """)
        XCTAssertEqual(MarkdownTypst().render("Vegeu l'[empresa](https://example.org/a)."),
                       "Vegeu l\u{2019}#link(\"https://example.org/a\")[empresa]\\.")
        XCTAssertEqual(HTML.typesetText("<p>Vegeu l'<a href=x>empresa</a> i l'<code>a</code></p><p>l'</p><p>a</p>"),
                       "<p>Vegeu l\u{2019}<a href=x>empresa</a> i l'<code>a</code></p><p>l'</p><p>a</p>")
        // After a link or an emphasis that ends with a letter, before a letter: the
        // possessive of English ("[office](x)'s"); not after code, a space or a block (and
        // after code, `'s` opens a quotation, as at a word's start: no `s'` after it curls).
        XCTAssertEqual(MarkdownHTML().render("The [office](x)'s team, the *Vallès*'s and `code`'s; the teams' plan\n"), """
            <p>The <a href="x">office</a>\u{2019}s team, the <em>Vallès</em>\u{2019}s and <code>code</code>'s; the teams' plan</p>

            """)
        XCTAssertEqual(HTML.typesetText("<p>The <a href=x>office</a>'s team, <code>a</code>'s</p><p>'s</p>"),
                       "<p>The <a href=x>office</a>\u{2019}s team, <code>a</code>'s</p><p>'s</p>")
    }

    /// An address written in a YAML text (no Markdown marks it) stays as written: a web
    /// address or an e-mail with an apostrophe, a `%` that escapes a byte (the regression
    /// hunt of session 14, no. 1); prose around it changes.
    func testAddressesInPlainTextStay() {
        XCTAssertEqual(Typography.prose("Vegeu https://example.cat/l'oficina?a=50 %25 o escriviu a o'brien@ex.cat, l'equip."),
                       "Vegeu https://example.cat/l'oficina?a=50 %25 o escriviu a o'brien@ex.cat, l\u{2019}equip.")
        XCTAssertEqual(Typography.prose("www.l'oficina.cat i l'altra"), "www.l'oficina.cat i l\u{2019}altra")
        XCTAssertEqual(Typography.prose("5 %, 5 €. i 5 %a"), "5\u{00A0}%, 5\u{00A0}€. i 5 %a")
    }

    /// Markdown bodies: text nodes change, code spans, code blocks and an autolink's
    /// address do not, nor the heading's anchor (made from the text as written).
    func testMarkdownTextChangesAndCodeAndAddressesStay() {
        let markdown = "## L'oficina\n\nL'equip atén el 96 % de `l'entrada 5 %` a <https://example.org/l'a>.\n\n```\nd'1 5 %\n```\n"
        XCTAssertEqual(MarkdownHTML().render(markdown), """
            <h2 id="loficina">L\u{2019}oficina</h2>
            <p>L\u{2019}equip atén el 96\u{00A0}% de <code>l'entrada 5 %</code> a <a href="https://example.org/l&#x27;a">https://example.org/l'a</a>.</p>
            <pre><code>d'1 5 %
            </code></pre>

            """)
        XCTAssertEqual(MarkdownTypst().render("L'equip atén el 96 % de `l'a` a [la web](https://example.org/l'a)."),
                       "L\u{2019}equip atén el 96\u{00A0}% de #raw(\"l'a\") a #link(\"https://example.org/l'a\")[la web]\\.")
    }

    /// The texts of the tree as the outputs read them; the writer's own through `pick`.
    func testTheLocalizerGivesTheTextWithItsTypography() {
        let (node, problems) = YAMLLoader().load(text: "title: {ca: \"L'oficina al 96 %\", en: \"The office's\"}\n", file: "t.yaml", lineOffset: 0)
        XCTAssertEqual(problems.map(\.message), [])
        let ca = Localizer(language: "ca", defaultLanguage: "ca"), en = Localizer(language: "en", defaultLanguage: "ca")
        XCTAssertEqual(ca.string(node?["title"]), "L\u{2019}oficina al 96\u{00A0}%")
        XCTAssertEqual(en.string(node?["title"]), "The office\u{2019}s")
        XCTAssertEqual(ca.pick(node?["title"])?.text, "L'oficina al 96 %")
        // A text in neither the page's language nor the default one is shown in the
        // language it is written in, and says so (session 38's trial: tagged as Catalan).
        let (english, _) = YAMLLoader().load(text: "name: {en: Ceramics support}\n", file: "t.yaml", lineOffset: 0)
        let es = Localizer(language: "es", defaultLanguage: "ca")
        XCTAssertEqual(es.pick(english?["name"]), Localizer.Text(text: "Ceramics support", isFallback: true, language: "en"))
        XCTAssertEqual(ca.pick(english?["name"]), Localizer.Text(text: "Ceramics support", isFallback: true, language: "en"))
    }

    /// A page whose reader text is written in its template (a compliance page): the text
    /// between tags changes, the tags, their attributes and code stay as written.
    func testTheTextOfAPageChangesAndItsTagsAndCodeStay() {
        XCTAssertEqual(HTML.typesetText("<p class='lead' title=\"l'a\">L'Agència s'ha compromès al 96 %</p><code>l'a</code> <pre>d'a</pre><script>x='l'</script> i l'1"),
                       "<p class='lead' title=\"l'a\">L\u{2019}Agència s\u{2019}ha compromès al 96\u{00A0}%</p><code>l'a</code> <pre>d'a</pre><script>x='l'</script> i l\u{2019}1")
        XCTAssertEqual(HTML.typesetText("d'a <b"), "d\u{2019}a <b")
    }
}
