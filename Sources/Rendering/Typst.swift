import Mustache
import Presentation

/// Typst helpers for text that becomes Typst markup (the handbook's PDF source).
///
/// Writer text can never become Typst code: in markup, every ASCII character Typst
/// gives a meaning to — `#` (code), `$` (maths), `*` `_` (emphasis), `` ` `` (raw), `<`
/// `>` (labels), `@` (references), `=` `-` `+` `/` and `.` (headings, lists, term lists,
/// numbered lists, comments, shorthands), `[` `]` (content), `\` (escapes), `~`
/// (no-break space), `'` and `"` (smart quotes) — is written as a backslash escape,
/// which Typst shows as the character itself (Typst reference, "Syntax: escape
/// sequences"). Line breaks become spaces, so a text never starts a new markup line.
/// A word of `longWord` characters or more (an identifier, an address) gets a break
/// opportunity every `breakEvery` characters, so that it may break rather than run past
/// the page's edge: an empty box (`breakOpportunity`), which Typst's line breaker takes as
/// a place to break and which adds no character to the PDF's text. (A zero-width space,
/// U+200B, did the same but stayed in the text: an address copied from the PDF, or found by
/// its search, held invisible characters.)
public enum Typst {
    /// The length from which a word may break anywhere.
    public static let longWord = 26
    /// How often a long word may break.
    public static let breakEvery = 12
    /// Markup for a place where a line may break, showing nothing: a box of no width (an
    /// inline object, a break opportunity by UAX #14 as Typst applies it). The `;` ends the
    /// embedded expression, so a `(` that follows is text, not a call.
    public static let breakOpportunity = "#box(width: 0pt);"

    /// Escapes text for Typst markup, so that it shows verbatim, its directional controls
    /// kept inside it (`BidiControls`).
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 8)
        var word: [Unicode.Scalar] = []
        func flush() {
            let long = word.count >= longWord
            for (i, ch) in word.enumerated() {
                if long, i > 0, i % breakEvery == 0 { out += breakOpportunity }
                switch ch {
                case "\\", "#", "$", "*", "_", "`", "<", ">", "@", "=", "[", "]", "/", "~", "-", "+", ".", "'", "\"", ":", "{", "}":
                    out += "\\"
                    out.unicodeScalars.append(ch)
                default: out.unicodeScalars.append(ch)
                }
            }
            word.removeAll(keepingCapacity: true)
        }
        var bidi = BidiControls()
        for ch in s.unicodeScalars {
            switch ch {
            case "\n", "\r", "\t", "\u{2028}", "\u{2029}": flush(); out += " "
            case " ": flush(); out += " "
            case "\u{202A}"..."\u{202E}", "\u{2066}"..."\u{2069}":
                if bidi.keeps(ch.value) { word.append(ch) }
            default: word.append(ch)
            }
        }
        flush()
        return bidi.addsNothing ? out : bidi.prefix + out + bidi.suffix
    }

    /// A Typst string literal (`"…"`) holding `s` as it is, for values passed as data (an
    /// address, a label, an alternative text, an SVG): a reader's text passed this way is
    /// first made one (`Typography.prose`, or `BidiControls.balanced` for a code span), an
    /// address never (a link's destination must keep its bytes).
    public static func string(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for ch in s.unicodeScalars {
            switch ch {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out + "\""
    }

    /// The Typst expression of the label of an anchor of the handbook
    /// (`label("service-company-creation")`), for a code position (an argument, or
    /// after `#` in markup). A label made from a string may hold any character, so an
    /// anchor made from a writer's heading needs no rewriting.
    public static func label(_ anchor: String) -> String {
        "label(" + string(anchor) + ")"
    }

    /// The name of the Mustache content type of Typst templates: a template that starts
    /// with `{{% CONTENT_TYPE: TYPST}}` escapes `{{value}}` with `escape`.
    public static let contentType = "TYPST"

    /// Registers the Typst content type with the Mustache library (once per process;
    /// `Templates.load` calls it).
    public static func registerContentType() { _ = registration }

    private static let registration: Void = {
        MustacheContentTypes.register(TypstContentType(), named: contentType)
    }()
}

/// Mustache's escaping for Typst templates.
struct TypstContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { Typst.escape(text) }
}
