import Foundation
import Model
@testable import Handbook
import Rendering
import XCTest

/// What a reader of the example's handbooks sees where the language review of session 13
/// found faults that needed code: one lead under the governance chapter's title, the
/// sentence that sends to the staffing chapter with its full stop, a legal reference's
/// title with the articles it cites, the typography of the writers' prose.
final class ReaderWordingTests: XCTestCase {
    nonisolated(unsafe) static var root: URL!
    nonisolated(unsafe) static var input: BuildInput!

    override class func setUp() {
        root = try? HandbookTestSupport.exampleTree()
        input = root.map { HandbookTestSupport.input($0) }
    }

    override class func tearDown() {
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    func handbook(_ municipality: String, _ language: String) throws -> (html: String, typst: String) {
        let input = try XCTUnwrap(ReaderWordingTests.input)
        let (renderer, problems) = HandbookRenderer.load(input)
        XCTAssertEqual(problems, [])
        let view = try XCTUnwrap(input.resolved.first { $0.slug == municipality })
        return (renderer.render(view, language: language), renderer.renderTypst(view, language: language))
    }

    /// The governance chapter's own summary is its lead; the outline's shorter description
    /// (for the outline) is not printed above it as a second summary (review no. 12).
    func testTheGovernanceChapterHasOneLead() throws {
        let leads = [
            "ca": "Qui fa què a la xarxa d’oficines, com es coordinen l’agència, l’entitat sòcia de coneixement i els ajuntaments, com es fa el seguiment i com es proposen canvis al model.",
            "es": "Quién hace qué en la red de oficinas, cómo se coordinan la agencia, la entidad socia de conocimiento y los ayuntamientos, cómo se hace el seguimiento y cómo se proponen cambios en el modelo.",
            "en": "Who does what in the network of offices, how the agency, the knowledge partner and the city councils work together, how progress is monitored and how changes to the model are proposed.",
        ]
        for (language, lead) in leads {
            let (html, typst) = try handbook("molins-de-rei", language)
            let chapter = HandbookTestSupport.chapter("governance", in: html)
            XCTAssertTrue(chapter.contains("</h2>\n<p class=\"chapter-lead\">\(lead)</p>\n\n<div class=\"body\">"), chapter)
            XCTAssertFalse(chapter.contains("class=\"summary\""), chapter)
            let escaped = lead.replacingOccurrences(of: ".", with: "\\.")
            XCTAssertTrue(typst.contains("#block(text(size: 10.5pt, fill: muted)[\(escaped)])\n\n"), language)
            XCTAssertFalse(typst.contains("#block(text(weight: \"bold\")[\(escaped)])"), language)
        }
        // The other chapters keep the outline's description as their lead.
        let (html, _) = try handbook("molins-de-rei", "ca")
        XCTAssertTrue(HandbookTestSupport.chapter("glossary", in: html).contains("<p class=\"chapter-lead\">"), html)
    }

    /// Owners named, each the model's own, are named: the differences chapter says so, not
    /// that the municipality has named none (session 35's trial; Molins de Rei names five,
    /// as the model does). In both formats and every language.
    func testOwnersNamedAsTheModelsAreNotCalledMissing() throws {
        let same = ["ca": "Els responsables locals que el municipi ha designat són els que preveu el model.",
                    "es": "Los responsables locales que el municipio ha designado son los que prevé el modelo.",
                    "en": "The local owners the municipality has named are those the model gives."]
        let none = ["ca": "encara no ha designat responsables locals", "es": "aún no ha designado responsables locales",
                    "en": "has not named local owners"]
        for (language, text) in same {
            let (html, typst) = try handbook("molins-de-rei", language)
            let chapter = HandbookTestSupport.chapter("differences", in: html)
            XCTAssertTrue(chapter.contains("<p>\(text)</p>"), language)
            XCTAssertFalse(chapter.contains(none[language]!), language)
            XCTAssertTrue(typst.contains(text.replacingOccurrences(of: ".", with: "\\.")) || typst.contains(text), language)
            XCTAssertFalse(typst.contains(none[language]!), language)
        }
    }

    /// A campaign's message is quoted with the marks of the handbook's language (session
    /// 34's trial: the English handbook had «…», written into both templates).
    func testAMessageIsQuotedAsItsLanguageQuotes() throws {
        for (language, open, close) in [("ca", "«", "»"), ("es", "«", "»"), ("en", "“", "”")] {
            let (html, typst) = try handbook("cerdanyola-del-valles", language)
            let chapter = HandbookTestSupport.chapter("communication", in: html)
            let quoted = chapter.components(separatedBy: "<span class=\"small message\">").dropFirst()
            XCTAssertFalse(quoted.isEmpty, language)
            for message in quoted {
                let text = String(message.prefix { $0 != "<" })
                XCTAssertTrue(text.hasPrefix(open) && text.hasSuffix(close), "\(language): \(text)")
            }
            XCTAssertTrue(typst.contains("#text(size: 0.92em)[\(open)"), language)
        }
    }

    /// "…es detallen al capítol Equip i formació." ends with its full stop after the link,
    /// in HTML and in Typst (review no. 11).
    func testTheSentenceThatSendsToTheStaffingChapterEndsWithAFullStop() throws {
        let sentences = [
            "ca": ("Els perfils, la formació i el calendari de formació de l’equip es detallen al capítol", "Equip i formació"),
            "es": ("Los perfiles, la formación y el calendario de formación del equipo se detallan en el capítulo", "Equipo y formación"),
            "en": ("The team’s roles, training and training calendar are set out in the chapter", "Staffing and training"),
        ]
        for (language, (sentence, title)) in sentences {
            let (html, typst) = try handbook("molins-de-rei", language)
            XCTAssertTrue(html.contains("<p class=\"see\">\(sentence) <a class=\"xref\" href=\"#chapter-staffing\">\(title)</a>.</p>"), language)
            let typstSentence = sentence.replacingOccurrences(of: "&#39;", with: "\\'")
            XCTAssertTrue(typst.contains("\(typstSentence) #xref(lbl[chapter\\-staffing])[\(title)].\n"), language)
        }
    }

    /// A legal reference shows its title, linked, and not its short reference before it.
    func testALegalReferenceShowsItsTitle() throws {
        let (html, typst) = try handbook("sant-feliu-de-llobregat", "es")
        XCTAssertTrue(html.contains("<ul class=\"legal\"><li><a class=\"external\" href=\"https://www.boe.es/eli/es/l/2013/09/27/14\">Ley 14/2013, de 27 de septiembre, de apoyo a los emprendedores y su internacionalización</a></li>"), html)
        XCTAssertTrue(typst.contains("[#link(\"https://www.boe.es/eli/es/l/2013/09/27/14\")[Ley 14\\/2013, de 27 de septiembre, de apoyo a los emprendedores y su internacionalización]]"))
    }

    /// A reference that cites articles keeps them after the title (`LegalCitation`).
    func testALegalReferenceKeepsTheArticlesItCites() throws {
        let root = try HandbookTestSupport.exampleTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("model/services/company-creation.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(text.contains("  - ref: \"Ley 14/2013\"\n"))
        try text.replacingOccurrences(of: "  - ref: \"Ley 14/2013\"\n", with: "  - ref: \"Ley 14/2013, art. 13\"\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let input = HandbookTestSupport.input(root)
        let (renderer, _) = HandbookRenderer.load(input)
        let view = try XCTUnwrap(input.resolved.first { $0.slug == "sant-feliu-de-llobregat" })
        XCTAssertTrue(renderer.render(view, language: "ca").contains("<li><a class=\"external\" href=\"https://www.boe.es/eli/es/l/2013/09/27/14\">Llei 14/2013, de 27 de setembre, de suport als emprenedors i la seva internacionalització</a>, art. 13</li>"))
        XCTAssertTrue(renderer.renderTypst(view, language: "en").contains("[#link(\"https://www.boe.es/eli/es/l/2013/09/27/14\")[Law 14\\/2013, of 27 September, on support for entrepreneurs and their internationalisation], art\\. 13]"))
    }

    /// The interface words of a handbook have the typography of the writers' texts, in
    /// HTML and in Typst (the regression hunt of session 14, LOW 2).
    func testTheInterfaceWordsHaveTheTypography() throws {
        let (html, typst) = try handbook("molins-de-rei", "ca")
        XCTAssertTrue(html.contains("Calendari de formació de l\u{2019}equip"), html)
        XCTAssertFalse(html.contains("de l&#39;equip"), html)
        XCTAssertTrue(typst.contains("Calendari de formació de l\u{2019}equip"), typst)
        XCTAssertFalse(typst.contains("de l'equip"), typst)
    }

    /// The agreements annex says what it holds once: the outline's description is its
    /// lead, and the paragraph under it gives the day of the states alone (session 44's
    /// trial read "Els convenis en què es basa l'oficina" twice, in every handbook).
    func testTheAgreementsAnnexSaysWhatItHoldsOnce() throws {
        let leads = ["ca": "Els convenis en què es basa l’oficina", "es": "Los convenios en que se basa la oficina",
                     "en": "The agreements the office relies on"]
        for (language, lead) in leads {
            let (html, typst) = try handbook("sant-feliu-de-llobregat", language)
            XCTAssertEqual(HandbookTestSupport.chapter("agreements", in: html).components(separatedBy: lead).count, 2, language)
            XCTAssertEqual(typst.components(separatedBy: lead).count, 2, language)
        }
    }

    /// A tree outside git: the control page says so in the handbook's language, once, not
    /// with oae's token "unversioned" (session 44's trial, in every language).
    func testTheControlPageOfATreeOutsideGitSaysSoInItsLanguage() throws {
        let source = try XCTUnwrap(ReaderWordingTests.input)
        let input = BuildInput(root: source.root, network: source.network, resolved: source.resolved,
                               sourceRevision: SourceInfo.unversioned, sourceEpoch: source.sourceEpoch, toolVersion: source.toolVersion)
        let (renderer, problems) = HandbookRenderer.load(input)
        XCTAssertEqual(problems, [])
        let view = try XCTUnwrap(input.resolved.first { $0.slug == "molins-de-rei" })
        for (language, words) in [("ca", "sense control de versions"), ("es", "sin control de versiones"), ("en", "not under version control")] {
            let control = HandbookTestSupport.chapter("control", in: renderer.render(view, language: language))
            XCTAssertTrue(control.contains(words), control)
            XCTAssertFalse(control.contains("unversioned"), control)
            XCTAssertEqual(control.components(separatedBy: words).count, 2, control)
            let typst = renderer.renderTypst(view, language: language)
            XCTAssertTrue(typst.contains(words), language)
            XCTAssertFalse(typst.contains("unversioned"), language)
        }
    }
}
