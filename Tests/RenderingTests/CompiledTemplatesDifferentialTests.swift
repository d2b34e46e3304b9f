import Foundation
import Mustache
@testable import Rendering
import XCTest

/// The compiled parser (`CompiledTemplate`) and swift-mustache's give the same verdict on
/// every template: what swift-mustache refuses, the compiled parser refuses (as a syntax
/// error); what it accepts, the compiled parser accepts and renders to the same bytes, or
/// refuses as something oae does not render (transforms, inheritance, dynamic partials,
/// delimiters that are not ASCII). `Templates.parse` asks swift-mustache about a template
/// only when the compiled parser refuses it, on the strength of this.
final class CompiledTemplatesDifferentialTests: XCTestCase {
    enum Verdict: Equatable { case accepted, refused, unsupported }

    /// The context every template renders from, and the partial `p` they may include.
    static let context = TemplateValue.object([
        .init(name: "name", value: .string("A <b> & 'c'")),
        .init(name: "a", value: .object([.init(name: "b", value: .string("ab")), .init(name: "c", value: .bool(true))])),
        .init(name: "items", value: .list([.object([.init(name: "name", value: .string("x"))]),
                                           .object([.init(name: "name", value: .string("y"))])])),
        .init(name: "flag", value: .bool(true)),
        .init(name: "off", value: .bool(false)),
        .init(name: "empty", value: .list([])),
        .init(name: "K", value: .string("kelvin")),
        .init(name: "n", value: .int(3)),
    ])
    static let partial = "P{{name}}\n  q\n"

    /// The verdict of both parsers on `text`, with a message for each disagreement.
    static func compare(_ text: String) -> (verdict: Verdict?, problem: String?) {
        Typst.registerContentType()
        let reference = try? MustacheTemplate(string: text)
        let compiled: CompiledTemplate
        do {
            compiled = try CompiledTemplate(text)
        } catch let error as CompiledTemplate.ParseError {
            if error.swiftMustacheRefuses, reference != nil {
                return (nil, "\(shown(text)): refused as a syntax error ('\(error.description)'), swift-mustache accepts it")
            }
            return (reference == nil ? .refused : .unsupported, nil)
        } catch {
            return (nil, "\(shown(text)): \(error)")
        }
        guard let reference else { return (nil, "\(shown(text)): compiled, swift-mustache refuses it") }
        var library = MustacheLibrary()
        library.register(reference, named: "t")
        library.register(try! MustacheTemplate(string: partial), named: "p")
        let expected = library.render(mustacheValue(context), withTemplate: "t") ?? ""
        let got = compiled.render(context, library: ["p": try! CompiledTemplate(partial)])
        guard got == expected else {
            return (nil, "\(shown(text)): renders \(shown(got)), swift-mustache \(shown(expected))")
        }
        return (.accepted, nil)
    }

    /// `text` quoted, with every scalar that is not printable ASCII written `\u{…}`.
    static func shown(_ text: String) -> String {
        "\"" + text.unicodeScalars.map { $0.value >= 0x20 && $0.value < 0x7F ? String($0) : "\\u{\(String($0.value, radix: 16))}" }.joined() + "\""
    }

    /// `value` for swift-mustache, as `TemplateValue.mustacheContext` gives it, but with its
    /// lists and objects as nothing where a variable names them, as the compiled engine
    /// writes them (swift-mustache writes Swift's description of an array or a dictionary,
    /// the keys in an order that changes from one process to the next; oae's templates
    /// name lists and objects only as sections).
    static func mustacheValue(_ value: TemplateValue) -> Any {
        switch value {
        case let .list(items): return SilentList(elements: items.map(mustacheValue))
        case let .object(members):
            return SilentObject(members: Dictionary(members.map { ($0.name, mustacheValue($0.value)) }, uniquingKeysWith: { $1 }))
        default: return value.mustacheContext
        }
    }

    struct SilentObject: MustacheParent, MustacheCustomRenderable {
        let members: [String: Any]
        func child(named name: String) -> Any? { members[name] }
        var renderText: String { "" }
        var isNull: Bool { false }
    }

    /// (swift-mustache looks names up in it by reflection: `elements` is no name of `context`.)
    struct SilentList: MustacheSequence, MustacheCustomRenderable {
        let elements: [Any]
        func makeIterator() -> IndexingIterator<[Any]> { elements.makeIterator() }
        var renderText: String { "" }
        var isNull: Bool { false }
    }

    /// Edge cases of each rule of swift-mustache's parser, with the verdict both give.
    static let corpus: [(String, Verdict)] = [
        // Names: the characters, dots, `.` alone, whitespace, brackets.
        ("{{name}}", .accepted), ("{{ name }}", .accepted), ("{{\tname\n}}", .accepted), ("{{a.b}}", .accepted),
        ("{{.}}", .accepted), ("{{a.}}", .accepted), ("{{.a}}", .accepted), ("{{#name}}{{.}}{{/name}}", .accepted),
        ("{{a.b.}}", .accepted), ("{{#a}}{{.b}}{{/a}}", .accepted), ("{{a..b}}", .accepted), ("{{}}", .accepted),
        ("{{ }}", .accepted), ("{{#n}}{{}}{{/n}}", .accepted), ("{{a b}}", .refused), ("{{a,b}}", .refused), ("{{a-b_c?d*}}", .accepted), ("{{é}}", .refused),
        ("{{a)}}", .refused), ("{{(a}}", .refused), ("{{f(a)}}", .unsupported), ("{{f(g(a))}}", .unsupported),
        ("{{f(g(a)}}", .refused), ("{{f(a))}}", .refused), ("{{f(a)b}}", .refused), ("{{()}}", .unsupported),
        ("{{\u{212A}}}", .accepted), ("{{#\u{212A}}}x{{/K}}", .accepted), ("{{\u{A0}name\u{A0}}}", .accepted),
        ("{{\u{3000}name}}", .accepted), ("{{ \u{301}name}}", .accepted), ("{{name\u{301}}}", .refused),
        // Sections: open and close matched by the name as written.
        ("{{#a}}x{{/a}}", .accepted), ("{{#a}}x{{/a.}}", .refused), ("{{#a.}}x{{/a}}", .refused), ("{{#a.}}x{{/a.}}", .accepted),
        ("{{#a..b}}x{{/a.b}}", .refused), ("{{# a }}x{{/a}}", .accepted), ("{{#a}}x{{/ a\t}}", .accepted),
        ("{{#a}}{{#b}}{{/a}}{{/b}}", .refused), ("{{#a}}", .refused), ("{{/a}}", .refused), ("{{#a}}{{/a}}{{/a}}", .refused),
        ("{{#items}}[{{name}}]{{/items}}", .accepted), ("{{#a}}{{b}}{{/a}}", .accepted), ("{{#.}}x{{/.}}", .accepted),
        ("{{#}}x{{/}}", .accepted), ("{{#f(a)}}x{{/f(a)}}", .unsupported),
        // Inverted sections.
        ("{{^empty}}none{{/empty}}", .accepted), ("{{^off}}x{{/off}}{{^flag}}y{{/flag}}", .accepted), ("{{^a}}x", .refused),
        ("{{^a}}x{{/a }}", .accepted), ("{{^a}}x{{/b}}", .refused),
        ("{{^empty}}[{{.name}}|{{name}}]{{#.}}x{{/.}}{{^.}}y{{/.}}{{/empty}}", .accepted),
        // Comments, with the end found as swift-mustache finds it.
        ("{{! c }}x", .accepted), ("{{! c", .refused), ("{{!}}", .accepted), ("{{! { } }}", .accepted), ("{{! c }\u{301}}", .refused),
        ("{{! c }}\u{301}", .refused), ("{{=<% %>=}}<%! c %%>x", .refused), ("{{=<% %>=}}<%! c %>x", .accepted),
        ("{{=<% %>=}}<%! c %%>x%>", .accepted), ("  {{! c }}\n", .accepted), ("a {{! c }} b", .accepted),
        // Triple mustaches and &.
        ("{{{name}}}", .accepted), ("{{{ name }}}", .accepted), ("{{{name}}", .refused), ("{{{name}", .refused),
        ("{{{name}}}\u{301}", .refused), ("{{&name}}", .accepted), ("{{& name}}", .accepted), ("{{&name", .refused),
        ("{{=<% %>=}}<%{name%>}", .accepted), ("{{=<% %>=}}<%{name%>", .refused),
        // Partials.
        ("{{>p}}", .accepted), ("{{> p }}", .accepted), ("  {{>p}}\n", .accepted), ("x {{>p}}\n", .accepted),
        ("{{>a/b.c}}", .accepted), ("{{>*p}}", .unsupported), ("{{> }}", .accepted), ("{{>p", .refused), ("{{>p q}}", .refused),
        // Inheritance.
        ("{{<p}}{{/p}}", .unsupported), ("{{$a}}x{{/a}}", .unsupported),
        // Set delimiters.
        ("{{=<% %>=}}<%name%>", .accepted), ("{{= <% %> =}}<% name %>{{name}}", .accepted), ("{{=<% %>=}}<%#a%>x<%/a%>", .accepted),
        ("{{=<% %>}}", .refused), ("{{=<%=}}", .refused), ("{{=<% =}}", .refused), ("{{=<% %>=}", .refused), ("{{=<% %>", .refused),
        ("{{=<% %>=}}<%name", .refused), ("{{=<% %>=}}<%={{ }}=%>{{name}}", .accepted), ("{{=| |=}}|name|", .accepted),
        ("{{=a=b c=}}a=bnamec", .refused), ("{{=a=b c=}}a=b name c", .accepted), ("{{=« »=}}«name»", .unsupported), ("{{=<% %>=}}<", .refused),
        ("{{=<% %>=}}a<b<%name%>", .accepted), ("{{=<%% %>=}}<%", .refused), ("{{=KK %>=}}\u{212A}x", .accepted),
        ("{{=KK %>=}}\u{212A}\u{212A}name%>", .accepted),
        // Pragmas.
        ("{{% CONTENT_TYPE: TEXT}}{{name}}", .accepted), ("{{%CONTENT_TYPE:HTML}}{{name}}", .accepted),
        ("{{% CONTENT_TYPE: XML}}", .refused), ("{{% OTHER: TEXT}}", .refused), ("{{% CONTENT_TYPE TEXT}}", .refused),
        ("{{% CONTENT_TYPE: }}", .refused),
        // Standalone lines and newlines.
        ("{{#flag}}\nx\n{{/flag}}\n", .accepted), ("  {{#flag}}  \n  x\n  {{/flag}}  \r\n", .accepted),
        ("{{#flag}}\ry{{/flag}}", .accepted), ("{{#flag}}\u{0B}y{{/flag}}", .accepted), ("{{#flag}}\u{0C}y{{/flag}}", .accepted),
        ("{{#flag}}\u{85}y{{/flag}}", .accepted), ("{{#flag}}\u{2028}y{{/flag}}", .accepted), ("{{#flag}} \u{301}\ny{{/flag}}", .accepted),
        ("{{\nname}}", .accepted), ("{{\rname}}", .accepted), ("{{\r\nname}}", .accepted), ("{{\u{2028}name}}", .accepted),
        (" \u{301}{{#flag}}\nx{{/flag}}", .accepted), ("\t{{! c }}\r\n{{name}}", .accepted),
        // Text and the start delimiter.
        ("a{", .refused), ("a{b", .accepted), ("a{{", .accepted), ("{", .refused), ("{x}", .accepted), ("}}", .accepted),
        ("{\u{301}{name}}", .accepted), ("{{\u{301}name}}", .accepted), ("\u{600}{{name}}", .accepted), ("x\u{600}{{name}}", .accepted),
        // Grapheme clusters after a tag's closing delimiter (`}` with a mark is not `}`).
        ("{{name}}\u{301}", .refused), ("{{name}}\u{FE0F}", .refused), ("{{name}}\u{200D}", .refused), ("{{name}}\u{903}", .refused),
        ("{{#a}}x{{/a}}\u{FE0F}", .refused), ("{{name}\u{301}}", .refused), ("{{name}}e\u{301}", .accepted), ("{{name}}\u{1F600}", .accepted),
        ("é{{name}}ü\n{{#items}}·{{name}}·{{/items}}", .accepted), ("{{name}}\u{600}x", .accepted), ("{{name}\u{600}}", .refused),
    ]

    func testTheCorpusGetsTheSameVerdictFromBothParsers() {
        XCTAssertGreaterThanOrEqual(Self.corpus.count, 60)
        for (text, expected) in Self.corpus {
            let (verdict, problem) = Self.compare(text)
            if let problem { XCTFail(problem); continue }
            XCTAssertEqual(verdict, expected, Self.shown(text))
        }
    }

    /// Templates drawn from a grammar of tags, names, text, newlines and marks that
    /// cluster with what they follow: both parsers agree on every one.
    func testRandomTemplatesGetTheSameVerdictFromBothParsers() {
        let opens = ["{{", "{{", "{{ ", "{{{", "{{&", "{{!", "{{>", "{{=", "{{%", "{{#", "{{^", "{{/", "{{<", "{{$"]
        // The names of sections, and of other tags.
        let sections = ["a", "a.", "a.b", ".", "", "items", "name", "flag", "off", "empty", "K", "\u{212A}", " a ", "f(a)", "a)"]
        let names = ["name", "n", ".", "", "a", "items", "K", "\u{212A}", "a.b", "a.b.", ".name", " name ", "x", "flag", "off", "a)", "(a", "f(a)", "é",
                     "a b", "<% %>=", "| |=", "CONTENT_TYPE: TEXT", "p", "*p"]
        let closes = Array(repeating: "}}", count: 12) + ["}}}", "}", "=}}", "%>", "|", ""]
        let texts = ["x", " ", "  ", "\t", "\n", "\r\n", "\r", "é", "{", "}", "<%", "%>", "|", "K", "\u{212A}", "\u{301}", "\u{FE0F}",
                     "\u{600}", "\u{A0}", "\u{2028}", "\u{85}", "\u{0B}", "·"]
        var random = SplitMix64(seed: 15)
        var kinds: [Verdict: Int] = [:]
        var problems: [String] = []
        for _ in 0..<4000 {
            var text = ""
            var open: [String] = []
            for _ in 0..<random.below(7) + 1 {
                switch random.below(7) {
                case 0, 1:
                    text += texts[random.below(texts.count)]
                case 2:
                    // A section, to be closed (or not) later with its name, or another.
                    let name = sections[random.below(sections.count)]
                    text += (random.below(2) == 0 ? "{{#" : "{{^") + name + "}}"
                    open.append(name)
                case 3 where !open.isEmpty:
                    let name = random.below(6) == 0 ? sections[random.below(sections.count)] : open.removeLast()
                    text += "{{/" + name + "}}"
                default:
                    let tag = opens[random.below(opens.count)]
                    let name = ["{{#", "{{^", "{{/"].contains(tag) ? sections : names
                    text += tag + name[random.below(name.count)] + closes[random.below(closes.count)]
                }
                if random.below(8) == 0 { text += texts[random.below(texts.count)] }
            }
            while let name = open.popLast(), random.below(6) != 0 { text += "{{/" + name + "}}" }
            let (verdict, problem) = Self.compare(text)
            if let problem { problems.append(problem) }
            if let verdict { kinds[verdict, default: 0] += 1 }
        }
        XCTAssertEqual(problems, [], problems.prefix(20).joined(separator: "\n"))
        // The grammar reaches each verdict often.
        XCTAssertGreaterThan(kinds[.accepted] ?? 0, 600, "\(kinds)")
        XCTAssertGreaterThan(kinds[.refused] ?? 0, 600, "\(kinds)")
        XCTAssertGreaterThan(kinds[.unsupported] ?? 0, 20, "\(kinds)")
    }

    /// The scalars whose `Character` equals an ASCII one are those the parser knows
    /// (`CompiledTemplate.Characters.asciiEquivalents`), as swift-mustache's sets of
    /// characters find them.
    func testTheScalarsEqualToAnASCIICharacterAreKnown() {
        let ascii = Set((0..<128).map { Character(Unicode.Scalar(UInt8($0))) })
        var found: [UInt32: UInt8] = [:]
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), ascii.contains(Character(scalar)) else { continue }
            found[value] = (0..<128).map(UInt8.init).first { Character(Unicode.Scalar($0)) == Character(scalar) }
        }
        XCTAssertEqual(found, CompiledTemplate.Characters.asciiEquivalents)
    }

    /// Where a refused template is refused: the line and the column in characters.
    func testARefusalSaysWhereItStopped() {
        for (text, line, column, message) in [
            ("x\n{{#a}}\n{{/a.}}", 3, 4, "'{{/a.}}' closes section 'a'"),
            ("é\u{301}{{name}}\u{301}", 1, 8, "a tag is not closed with '}}'"),
            ("a\n{{#b}}", 2, 7, "section 'b' is never closed"),
            ("x\n  {{a)}}", 2, 5, "'a)' is not a name: its brackets do not pair"),
        ] {
            XCTAssertThrowsError(try CompiledTemplate(text), text) { error in
                let error = error as? CompiledTemplate.ParseError
                XCTAssertEqual(error?.description, message, text)
                XCTAssertEqual(error.map { [$0.line, $0.column] }, [line, column], text)
                XCTAssertEqual(error?.swiftMustacheRefuses, true)
            }
        }
    }
}

/// A seeded generator (SplitMix64), for a randomized test that gives the same templates
/// on every run.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// A number in `0..<bound`.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
