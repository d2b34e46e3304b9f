import Diagnostics
import Foundation
import Loading

/// Checks that every tag of a Mustache template names something its view model has,
/// the way Mustache looks names up: in the innermost section's value first, then
/// outwards. A name that resolves nowhere would render as nothing; it is reported as
/// `template-unknown-variable` at the tag's file:line:col. Partials (`{{> name}}`) are
/// checked with the context of the tag that includes them; `{{ui.key}}` must name a key
/// of the UI strings.
public struct TemplateVariables: Sendable {
    public static let rules = [
        RuleInfo("template-unknown-variable", "A template tag names nothing of its view model."),
        RuleInfo("template-unknown-partial", "A template includes a partial ({{> name}}) that is no template of its folder."),
        RuleInfo("template-variable-not-text", "A template's variable ({{name}}) names a list or a group of fields, which shows no text."),
    ]

    /// A tag of a template, with its place.
    struct Tag {
        enum Kind { case variable, section, inverted, close, partial }
        var kind: Kind
        var name: String
        var line: Int
        var column: Int
    }

    /// A template's path and its tags, read once (a partial is checked again in every
    /// context that includes it).
    struct Source {
        var path: String
        var tags: [Tag]
    }

    /// Template sources by name (`chapters/office`), with their paths and tags.
    let sources: [String: Source]
    /// The keys of the UI strings (for `ui.<key>`); nil skips that check.
    let uiKeys: Set<String>?
    /// The `{name}`s of the UI strings that have any: `{{ui.<key>}}` shows them as written.
    let uiPlaceholders: [String: Set<String>]

    public init(sources: [String: (path: String, text: String)], uiKeys: Set<String>?, uiPlaceholders: [String: Set<String>] = [:]) {
        self.init(tagged: sources.mapValues { Source(path: $0.path, tags: TemplateVariables.tags($0.text)) }, uiKeys: uiKeys,
                  uiPlaceholders: uiPlaceholders)
    }

    init(tagged: [String: Source], uiKeys: Set<String>?, uiPlaceholders: [String: Set<String>] = [:]) {
        self.sources = tagged
        self.uiKeys = uiKeys
        self.uiPlaceholders = uiPlaceholders
    }

    /// The `.mustache` files of `folder` (`TemplateMemo.sources`, invalid UTF-8 read as
    /// U+FFFD) by name, the path without the folder and the extension, with their tags.
    static func tagged(_ files: [TemplateMemo.Source], folder: String) -> [String: Source] {
        var out: [String: Source] = [:]
        for (path, bytes) in files {
            let name = String(path.dropFirst(folder.count + 1).dropLast(".mustache".count))
            out[name] = Source(path: path, tags: tags(bytes))
        }
        return out
    }

    /// The diagnostics of template `name` rendered from a value of `shape`.
    public func check(_ name: String, shape: ViewShape) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var seen = Set<String>()
        check(name, stack: [shape], into: &out, partials: &seen)
        return out
    }

    private func check(_ name: String, stack initial: [ViewShape], into out: inout [Diagnostic], partials: inout Set<String>) {
        guard let source = sources[name] else { return }
        var stack = initial
        var open: [String] = []
        // The file interned once, not once per tag (a lock and a hash of its path each).
        let file = SourceFile(source.path)
        for tag in source.tags {
            // The name underlined, not its first character alone (the trial's review): a tag
            // is on one line, its columns counted in scalars as the quoted line's.
            let at = SourceSpan(source: file, start: SourcePosition(line: tag.line, column: tag.column),
                                end: SourcePosition(line: tag.line, column: tag.column + max(1, tag.name.unicodeScalars.count)))
            switch tag.kind {
            case .close:
                if !open.isEmpty, stack.count > initial.count { open.removeLast(); stack.removeLast() }
            case .partial:
                // A partial that is not there renders as nothing (a page's title, gone).
                guard sources[tag.name] != nil else {
                    let folder = source.path.split(ascii: "/").prefix(2).joined(separator: "/")
                    out.append(.error("template-unknown-partial", "partial '\(tag.name)' is no template of \(folder)/", at: at,
                                      help: Suggestions.didYouMean(tag.name, in: sources.keys.sorted())
                                          ?? "a partial is a template of the same folder, named by its path without '.mustache'"))
                    continue
                }
                let key = "\(tag.name)@\(stack.count)"
                if partials.insert(key).inserted { check(tag.name, stack: stack, into: &out, partials: &partials) }
            case .variable, .section, .inverted:
                let resolved = resolve(tag.name, in: stack)
                if resolved == nil { out.append(unknown(tag, at: at, stack: stack)) }
                // A UI string with a placeholder shows its braces: only oae's code fills them
                // in, and a template has no way to (session 43's trial: a new key with
                // `{agency}` printed "Amb el suport de {agency}" on every page).
                if tag.kind == .variable, resolved != nil, tag.name.hasPrefix("ui."),
                   let names = uiPlaceholders[String(tag.name.dropFirst(3))] {
                    let listed = names.sorted().map { "{\($0)}" }.joined(separator: ", ")
                    out.append(.error("ui-string-placeholder",
                                      "'\(tag.name)' is shown as it is written, with \(listed): a template fills in no placeholder",
                                      at: at,
                                      help: "if oae's code fills this key in, show the view model's field that holds it filled instead (the example's templates name it); else write the words themselves in the text of '\(tag.name.dropFirst(3))' in templates/strings/, in every language"))
                }
                if tag.kind == .variable, let resolved, let what = TemplateVariables.notText(resolved) {
                    out.append(.error("template-variable-not-text", "'\(tag.name)' is \(what): a variable shows text, and shows nothing of it",
                                      at: at, help: "show each of its items or fields inside a section: {{#\(tag.name)}}…{{/\(tag.name)}}"))
                }
                if tag.kind == .section {
                    open.append(tag.name)
                    switch resolved {
                    case let .list(item)?: stack.append(item)
                    case let .object(members)?: stack.append(.object(members))
                    default: stack.append(.object([:]))  // a boolean or a string: names resolve outwards
                    }
                } else if tag.kind == .inverted {
                    open.append(tag.name)
                    stack.append(.object([:]))
                }
            }
        }
    }

    /// What `name` (possibly dotted) resolves to in the context stack, or nil.
    func resolve(_ name: String, in stack: [ViewShape]) -> ViewShape? {
        if name == "." { return .scalar }
        let parts = name.split(ascii: ".").map(String.init)
        guard let first = parts.first else { return .scalar }
        for frame in stack.reversed() {
            guard var shape = frame.member(first) else { continue }
            if case .recursive = frame { return .recursive }
            for part in parts.dropFirst() {
                if case .map = shape {
                    if first == "ui", let uiKeys, !uiKeys.contains(parts.dropFirst().joined(separator: ".")) { return nil }
                    return .scalar
                }
                guard let next = shape.member(part) else { return nil }
                shape = next
            }
            return shape
        }
        return nil
    }

    /// What a value of `shape` is, in words, when a variable tag cannot show it as text
    /// (oae's engine renders it as nothing; swift-mustache as Swift's description of it);
    /// nil for text, a number or a yes/no.
    static func notText(_ shape: ViewShape) -> String? {
        switch shape {
        case .list: return "a list"
        case .object, .map: return "a group of fields"
        case .scalar, .recursive: return nil
        }
    }

    private func unknown(_ tag: Tag, at: SourceSpan, stack: [ViewShape]) -> Diagnostic {
        if tag.name.hasPrefix("ui.") {
            let key = String(tag.name.dropFirst(3))
            return .error("template-unknown-variable", "'\(tag.name)' names no UI string", at: at,
                          help: Suggestions.didYouMean(tag.name, in: (uiKeys ?? []).map { "ui." + $0 }.sorted())
                              ?? "add '\(key)' to the UI strings, or use a key they have")
        }
        // A dotted name whose start is known (`office.status_lable`): the name is looked
        // for among the members where it stops, not among the template's (session 43's
        // trial was asked "did you mean 'office'?").
        let parts = tag.name.split(ascii: ".").map(String.init)
        if parts.count > 1, var shape = resolve(parts[0], in: stack) {
            var known = [parts[0]]
            while known.count < parts.count, let next = shape.member(parts[known.count]) {
                shape = next
                known.append(parts[known.count])
            }
            if known.count < parts.count, case let .object(members) = shape {
                let prefix = known.joined(separator: ".")
                let names = members.keys.sorted()
                return .error("template-unknown-variable", "'\(tag.name)' names nothing this template is given: '\(prefix)' has no '\(parts[known.count])'", at: at,
                              help: Suggestions.didYouMean(prefix + "." + parts[known.count], in: names.map { prefix + "." + $0 })
                                  ?? "the names of '\(prefix)' are: \(Self.listed(names))")
            }
        }
        var names = Set<String>()
        for frame in stack { if case let .object(members) = frame { names.formUnion(members.keys) } }
        return .error("template-unknown-variable", "'\(tag.name)' names nothing this template is given", at: at,
                      help: Suggestions.didYouMean(parts.first ?? tag.name, in: names.sorted())
                          ?? "the names here are: \(Self.listed(names.sorted()))")
    }

    /// Names for a help line: the first 12, and how many in all when there are more (the
    /// list was cut without a word).
    static func listed(_ names: [String]) -> String {
        names.count <= 12 ? names.joined(separator: ", ")
            : names.prefix(12).joined(separator: ", ") + ", … (\(names.count) in all)"
    }

    /// The tags of a template, with the line and column of each name (1-based; a line ends
    /// at each LF, a CRLF's too; columns count Unicode scalars, as `SourceText` quotes a
    /// line and places its caret). Comments and delimiter changes are skipped.
    static func tags(_ text: String) -> [Tag] {
        tags(Array(text.utf8))
    }

    /// The tags of a template's UTF-8 bytes (invalid bytes read as U+FFFD). Braces, sigils
    /// and spaces are compared as `Character`s, as swift-mustache reads a template (`{`
    /// followed by a combining mark is no brace). A template whose every scalar is its own
    /// character (`isAlone`: ASCII and the letters, signs and symbols that join no
    /// neighbour; 22 of the site's templates have accented letters, dashes and arrows) is
    /// read by byte, the same tags as by character; any other by character (the bytes
    /// read as `Character`s cost a third of the template check, issue 13).
    static func tags(_ bytes: [UInt8], byCharacter: Bool = false) -> [Tag] {
        bytes.withUnsafeBufferPointer { bytes in
            !byCharacter && eachScalarAlone(bytes) ? scan(bytes) : scan(Array(String(decoding: bytes, as: UTF8.self)))
        }
    }

    /// Whether the bytes are valid UTF-8 whose every scalar makes a `Character` of its own
    /// (a CRLF aside, which the scan reads the same either way: a line ends at its LF).
    static func eachScalarAlone(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if !bytes.contains(where: { $0 >= 0x80 }) { return true }
        guard let text = String(validating: bytes, as: UTF8.self) else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII || isAlone($0) }
    }

    /// Scalars that no grapheme rule of Unicode (UAX #29) joins to a neighbour, in the blocks
    /// writers of templates use: Latin-1 and Latin Extended (not the soft hyphen, a
    /// control), Greek and Cyrillic letters, general punctuation (not the zero-width and
    /// bidirectional controls, nor the line and paragraph separators), currency signs,
    /// letterlike symbols, arrows, miscellaneous symbols and dingbats (pictographs join
    /// only through a zero-width joiner, an emoji modifier or a variation selector, which
    /// are not among them). `TemplateVariablesTests` checks each against `Character`.
    static func isAlone(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00A0...0x02FF: return s.value != 0x00AD
        case 0x0370...0x03FF, 0x0400...0x0482, 0x048A...0x04FF: return true
        case 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20C0, 0x2100...0x214F, 0x2190...0x21FF, 0x2600...0x27BF: return true
        default: return false
        }
    }

    /// The tag scanner, over characters or over bytes that are each one character.
    private static func scan<C: RandomAccessCollection>(_ chars: C) -> [Tag] where C.Index == Int, C.Element: TagCharacter {
        var out: [Tag] = []
        let end = chars.endIndex
        var i = chars.startIndex, line = 1, column = 1
        func advance() {
            guard i < end else { return }
            if chars[i].isLineFeed { line += 1; column = 1 } else { column += chars[i].scalars }
            i += 1
        }
        while i < end {
            guard chars[i].isOpenBrace, i + 1 < end, chars[i + 1].isOpenBrace else { advance(); continue }
            advance(); advance()
            var triple = false
            if i < end, chars[i].isOpenBrace { triple = true; advance() }
            var sigil: UInt8?
            if !triple, i < end, let s = chars[i].sigil { sigil = s; advance() }
            while i < end, chars[i].isSpace { advance() }
            let (nameLine, nameColumn) = (line, column)
            let nameStart = i
            while i < end, !(chars[i].isCloseBrace && i + 1 < end && chars[i + 1].isCloseBrace) { advance() }
            let name = C.Element.trimmedText(chars[nameStart..<i])
            advance(); advance()
            if triple, i < end, chars[i].isCloseBrace { advance() }
            let kind: Tag.Kind
            switch sigil {
            case UInt8(ascii: "!")?, UInt8(ascii: "=")?, UInt8(ascii: "%")?: continue  // comments, delimiters, pragmas (`{{% CONTENT_TYPE: TYPST}}`)
            case UInt8(ascii: "#")?: kind = .section
            case UInt8(ascii: "^")?: kind = .inverted
            case UInt8(ascii: "/")?: kind = .close
            case UInt8(ascii: ">")?: kind = .partial
            default: kind = .variable
            }
            out.append(Tag(kind: kind, name: name, line: nameLine, column: nameColumn))
        }
        return out
    }
}

/// A character of a template as the tag scanner sees it: an ASCII byte or a `Character`.
/// (`isLineFeed`, not `isNewline`: an extension of `Character` named so would hide the
/// standard library's `Character.isNewline` in this module, which `CompiledTemplate`
/// reads as swift-mustache does.)
private protocol TagCharacter {
    /// `\n`, or the `Character` `\r\n`.
    var isLineFeed: Bool { get }
    /// How many scalars of the text this element starts (a byte that continues a scalar
    /// starts none).
    var scalars: Int { get }
    var isOpenBrace: Bool { get }
    var isCloseBrace: Bool { get }
    var isSpace: Bool { get }
    /// The tag's sigil (`#^/>!&=%`) this character is, as its ASCII byte, or nil.
    var sigil: UInt8? { get }
    /// The text of a tag's name without the blanks (U+0009 and the space separators,
    /// Unicode's Zs: Foundation's `CharacterSet.whitespaces`) around it.
    static func trimmedText<S: BidirectionalCollection>(_ chars: S) -> String where S.Element == Self
}

extension UInt8: TagCharacter {
    var isLineFeed: Bool { self == UInt8(ascii: "\n") }
    var scalars: Int { self & 0xC0 == 0x80 ? 0 : 1 }
    var isOpenBrace: Bool { self == UInt8(ascii: "{") }
    var isCloseBrace: Bool { self == UInt8(ascii: "}") }
    var isSpace: Bool { self == UInt8(ascii: " ") }
    var sigil: UInt8? { TemplateSigils.bytes.contains(self) ? self : nil }

    static func trimmedText<S: BidirectionalCollection>(_ chars: S) -> String where S.Element == UInt8 {
        // Not ASCII: as characters (a no-break space is a blank).
        if chars.contains(where: { $0 >= 0x80 }) { return Character.trimmedText(Array(String(decoding: Array(chars), as: UTF8.self))) }
        // In ASCII the blanks are the tab and the space.
        let blank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        var bytes = chars[...]
        while let first = bytes.first, blank(first) { bytes = bytes.dropFirst() }
        while let last = bytes.last, blank(last) { bytes = bytes.dropLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Character: TagCharacter {
    var isLineFeed: Bool { self == "\n" || self == "\r\n" }
    var scalars: Int { unicodeScalars.count }
    var isOpenBrace: Bool { self == "{" }
    var isCloseBrace: Bool { self == "}" }
    var isSpace: Bool { self == " " }
    var sigil: UInt8? {
        guard let ascii = asciiValue, TemplateSigils.bytes.contains(ascii) else { return nil }
        return ascii
    }

    static func trimmedText<S: BidirectionalCollection>(_ chars: S) -> String where S.Element == Character {
        let blank: (Unicode.Scalar) -> Bool = { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }
        // Most names have no blank at either end: their text as it is.
        guard let head = chars.first?.unicodeScalars.first, let tail = chars.last?.unicodeScalars.last else { return "" }
        if !blank(head), !blank(tail) { return String(chars) }
        let scalars = String(chars).unicodeScalars
        guard let first = scalars.firstIndex(where: { !blank($0) }), let last = scalars.lastIndex(where: { !blank($0) }) else { return "" }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[first...last])
        return String(out)
    }
}

/// The sigils after `{{` that make a tag other than a variable.
private enum TemplateSigils {
    static let bytes: [UInt8] = Array("#^/>!&=%".utf8)
}
