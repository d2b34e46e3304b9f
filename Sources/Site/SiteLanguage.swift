import Foundation
import Loading
import Model
import Presentation
import Rendering

/// What rendering a page in one language needs: the interface words and the value
/// formats of the presentation layer (`templates/strings/<lang>.yaml`), and the
/// translated texts of the tree (with fallback to the default language).
public struct SiteLanguage: Sendable {
    /// The language's code (`ca`).
    public let code: String
    /// The interface words of the language.
    public let strings: Strings
    /// Numbers, money, dates, periods, durations and lists, as the handbooks write them.
    public let formatter: ValueFormatter
    /// Picks the texts of the tree in this language, with fallback.
    public let localizer: Localizer
    /// Every plain interface word, for templates (`{{ui.key}}`).
    public let ui: WordTable
    /// Each date written in the tree, as `date` writes it, once (pages show the same
    /// opening, review and signing dates thousands of times at 947 municipalities).
    private let dates = Memo<String, String>()
    /// Each duration written in the tree, as `duration` writes it, once (every service and
    /// procedure page, model and local, writes one of a handful).
    private let durations = Memo<String, String>()
    /// Phrases made from a value of a few (`PhraseKind`), each made once.
    private let phrases = Memo<PhraseKey, String>()

    /// What a memoised phrase (`phrase`) is made from.
    enum PhraseKind: Sendable, Hashable {
        /// An indicator status as HTML (`Pages.statusHTML`).
        case indicatorStatus
        /// A target beside quarterly values as HTML (`Pages.targetHTML`), by its unit,
        /// value, direction, period, sum and source.
        case target
    }

    /// A memoised phrase's key: its kind and the value it is made from.
    struct PhraseKey: Sendable, Hashable {
        var kind: PhraseKind
        var value: String
    }

    /// The language of `strings`, whose texts of the tree `localizer` picks.
    public init(strings: Strings, localizer: Localizer) {
        self.code = strings.language
        self.strings = strings
        self.formatter = ValueFormatter(strings: strings)
        self.localizer = localizer
        self.ui = strings.all
    }

    /// An interface word.
    public subscript(key: String) -> String { strings[key] }

    /// An interface word with `{name}` placeholders filled in.
    public func format(_ key: String, _ values: Placeholders) -> String { strings(key, values) }

    /// The word for a value of an enumeration (`channel`, `in-person`) as running text
    /// (`presencial`); the value itself when the strings lack it.
    public func word(_ enumeration: String, _ value: String) -> String {
        let key = "\(enumeration).\(value)"
        return strings.has(key) ? strings[key] : value
    }

    /// The word for a value of an enumeration as a label (`Presencial`).
    public func label(_ enumeration: String, _ value: String) -> String {
        formatter.label(word(enumeration, value))
    }

    /// The words of enumeration values joined as the language joins a list, as a label
    /// (`Presencial, telèfon i videotrucada`).
    public func labels(_ enumeration: String, _ values: [String]) -> String {
        formatter.label(formatter.list(values.map { word(enumeration, $0) }))
    }

    /// A date written in YAML (`2026-04-13`) in words; "" when absent.
    public func date(_ text: String?) -> String {
        guard let text else { return "" }
        return dates.value(text) { formatter.date(text) }
    }

    /// An ISO 8601 duration in words (`ValueFormatter.duration`).
    public func duration(_ iso: String) -> String {
        durations.value(iso) { formatter.duration(iso) }
    }

    /// The phrase of `kind` for `value` in this language, made by `make` the first time.
    func phrase(_ kind: PhraseKind, _ value: String, _ make: () -> String) -> String {
        phrases.value(PhraseKey(kind: kind, value: value), make)
    }

    /// A translatable field as template data (see `text.mustache`).
    func text(_ node: Node?) -> TextView {
        guard let t = localizer.text(node) else { return TextView(text: "", fallback: false, lang: code) }
        return TextView(text: t.text, fallback: t.isFallback, lang: t.language)
    }

    /// A plain string as template data, in this language.
    func plain(_ s: String) -> TextView { TextView(text: s, fallback: false, lang: code) }

    /// The text of a translatable field, without marks (for titles and attributes).
    public func string(_ node: Node?) -> String { localizer.string(node) }

    /// A translatable field as HTML: escaped, and marked when it falls back to the default
    /// language (`<span lang="ca" class="fallback">…</span>` and a visible marker).
    public func html(_ node: Node?) -> String {
        guard let t = localizer.text(node) else { return "" }
        return html(t)
    }

    /// A text already picked by the localizer, as HTML.
    public func html(_ t: Localizer.Text) -> String {
        html(t.text, fallback: t.isFallback, language: t.language)
    }

    /// A translatable text already read (an omission's reason), as HTML.
    public func html(_ t: LocalizedText?) -> String {
        guard let t else { return "" }
        let (text, fallback) = t.text(code, fallback: localizer.defaultLanguage)
        return html(Typography.prose(text), fallback: fallback, language: fallback ? localizer.defaultLanguage : code)
    }

    func html(_ text: String, fallback: Bool, language: String) -> String {
        guard fallback else { return HTML.escape(text) }
        return "<span lang=\"\(language)\" class=\"fallback\">\(HTML.escape(text))</span>"
            + " <span class=\"fallback-mark\">\(HTML.escape(strings["untranslated"]))</span>"
    }

    /// A text of several paragraphs (blank lines between them) as escaped `<p>` elements,
    /// marked as a whole when it falls back.
    public func paragraphs(_ node: Node?) -> String {
        guard let t = localizer.text(node) else { return "" }
        let paras = SiteLanguage.paragraphs(t.text)
        guard t.isFallback else { return paras }
        return fallbackBlock(paras, language: t.language)
    }

    /// `text` split at blank lines (`\n\n`), each piece trimmed of white space and
    /// newlines at both ends (as `trimmingCharacters(in: .whitespacesAndNewlines)`) and
    /// escaped in a `<p>`; empty pieces dropped; the paragraphs joined by `\n`. On the
    /// UTF-8 bytes: an ASCII byte at an end is trimmed by its value, anything else by its
    /// scalar (a no-break space is white space too).
    static func paragraphs(_ text: String) -> String {
        var text = text
        return text.withUTF8 { b -> String in
            var out: [UInt8] = []
            out.reserveCapacity(b.count + 32)
            var start = 0
            while start <= b.count {
                // The next blank line.
                var end = start
                while end + 1 < b.count, !(b[end] == 0x0A && b[end + 1] == 0x0A) { end += 1 }
                let blank = end + 1 < b.count
                if !blank { end = b.count }
                let piece = trimmed(UnsafeBufferPointer(rebasing: b[start..<end]))
                if !piece.isEmpty {
                    if !out.isEmpty { out.append(0x0A) }
                    out.append(contentsOf: "<p>".utf8)
                    HTML.escape(String(decoding: piece, as: UTF8.self), into: &out)
                    out.append(contentsOf: "</p>".utf8)
                }
                guard blank else { break }
                start = end + 2
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// `bytes` without white space and newlines at either end (`CharacterSet
    /// .whitespacesAndNewlines`, scalar by scalar).
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var lower = 0, upper = bytes.count
        while lower < upper {
            let b = bytes[lower]
            if b < 0x80 {
                guard b == 0x20 || (0x09...0x0D).contains(b) else { break }
                lower += 1
            } else {
                // The scalar starting here.
                var length = 1
                while lower + length < upper, bytes[lower + length] & 0xC0 == 0x80 { length += 1 }
                guard isSpace(UnsafeBufferPointer(rebasing: bytes[lower..<(lower + length)])) else { break }
                lower += length
            }
        }
        while upper > lower {
            let b = bytes[upper - 1]
            if b < 0x80 {
                guard b == 0x20 || (0x09...0x0D).contains(b) else { break }
                upper -= 1
            } else {
                var first = upper - 1
                while first > lower, bytes[first] & 0xC0 == 0x80 { first -= 1 }
                guard isSpace(UnsafeBufferPointer(rebasing: bytes[first..<upper])) else { break }
                upper = first
            }
        }
        return UnsafeBufferPointer(rebasing: bytes[lower..<upper])
    }

    /// Whether the bytes of one non-ASCII scalar are white space or a newline.
    private static func isSpace(_ scalar: UnsafeBufferPointer<UInt8>) -> Bool {
        let scalars = String(decoding: scalar, as: UTF8.self).unicodeScalars
        guard scalars.count == 1, let s = scalars.first else { return false }
        return CharacterSet.whitespacesAndNewlines.contains(s)
    }

    /// Wraps HTML in the default language shown in place of a missing translation.
    public func fallbackBlock(_ html: String, language: String) -> String {
        "<div lang=\"\(language)\" class=\"fallback\">\n<p class=\"fallback-note\" lang=\"\(code)\">"
            + HTML.escape(strings["untranslated_block"]) + "</p>\n" + html + "\n</div>"
    }
}

/// A translatable text as a template shows it (`text.mustache`): the text, whether it
/// falls back to the default language, and the language it is in.
struct TextView: ViewModel {
    var text: String
    var fallback: Bool
    var lang: String
}

/// A link whose label is a translatable text (`{{#link}}{{>text}}{{/link}}`).
struct TextLink: ViewModel {
    var href: String
    var text: String
    var fallback: Bool
    var lang: String

    init(_ label: TextView, href: String) {
        self.href = href
        text = label.text
        fallback = label.fallback
        lang = label.lang
    }
}
