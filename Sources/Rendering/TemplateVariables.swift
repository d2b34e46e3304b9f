import Diagnostics
import Foundation
import Loading

/// Checks that every tag of a Mustache template names something its view model has,
/// the way Mustache looks names up: in the innermost section's value first, then
/// outwards. A name that resolves nowhere would render as nothing; it is reported as
/// `template-unknown-variable` at the tag's file:line:col. Partials (`{{> name}}`) are
/// checked with the context of the tag that includes them; `{{ui.key}}` must name a key
/// of the UI strings.
public struct TemplateVariables {
    public static let rules = [
        RuleInfo("template-unknown-variable", "A template tag names nothing of its view model."),
    ]

    /// A tag of a template, with its place.
    struct Tag {
        enum Kind { case variable, section, inverted, close, partial }
        var kind: Kind
        var name: String
        var line: Int
        var column: Int
    }

    /// Template sources by name (`chapters/office`), with their paths.
    let sources: [String: (path: String, text: String)]
    /// The keys of the UI strings (for `ui.<key>`); nil skips that check.
    let uiKeys: Set<String>?

    public init(sources: [String: (path: String, text: String)], uiKeys: Set<String>?) {
        self.sources = sources
        self.uiKeys = uiKeys
    }

    /// Reads the `.mustache` files under `folder` of the tree.
    public init(root: URL, folder: String, uiKeys: Set<String>?) {
        var sources: [String: (path: String, text: String)] = [:]
        for path in FileTree.files(root: root, folders: [folder]) where path.hasSuffix(".mustache") {
            let name = String(path.dropFirst(folder.count + 1).dropLast(".mustache".count))
            if let text = FileTree.readText(root: root, path: path) { sources[name] = (path, text) }
        }
        self.init(sources: sources, uiKeys: uiKeys)
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
        for tag in TemplateVariables.tags(source.text) {
            let at = SourceSpan(file: source.path, line: tag.line, column: tag.column)
            switch tag.kind {
            case .close:
                if !open.isEmpty, stack.count > initial.count { open.removeLast(); stack.removeLast() }
            case .partial:
                let key = "\(tag.name)@\(stack.count)"
                if partials.insert(key).inserted { check(tag.name, stack: stack, into: &out, partials: &partials) }
            case .variable, .section, .inverted:
                let resolved = resolve(tag.name, in: stack)
                if resolved == nil { out.append(unknown(tag, at: at, stack: stack)) }
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
        let parts = name.split(separator: ".").map(String.init)
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

    private func unknown(_ tag: Tag, at: SourceSpan, stack: [ViewShape]) -> Diagnostic {
        if tag.name.hasPrefix("ui.") {
            let key = String(tag.name.dropFirst(3))
            return .error("template-unknown-variable", "'\(tag.name)' names no UI string", at: at,
                          help: Suggestions.didYouMean(tag.name, in: (uiKeys ?? []).map { "ui." + $0 }.sorted())
                              ?? "add '\(key)' to the UI strings, or use a key they have")
        }
        var names = Set<String>()
        for frame in stack { if case let .object(members) = frame { names.formUnion(members.keys) } }
        return .error("template-unknown-variable", "'\(tag.name)' names nothing this template is given", at: at,
                      help: Suggestions.didYouMean(tag.name.split(separator: ".").first.map(String.init) ?? tag.name, in: names.sorted())
                          ?? "the names here are: \(names.sorted().prefix(12).joined(separator: ", "))")
    }

    /// The tags of a template, with the line and column of each name (1-based, columns
    /// in characters). Comments and delimiter changes are skipped.
    static func tags(_ text: String) -> [Tag] {
        var out: [Tag] = []
        let chars = Array(text)
        var i = 0, line = 1, column = 1
        func advance() {
            if chars[i] == "\n" { line += 1; column = 1 } else { column += 1 }
            i += 1
        }
        while i < chars.count {
            guard chars[i] == "{", i + 1 < chars.count, chars[i + 1] == "{" else { advance(); continue }
            advance(); advance()
            var triple = false
            if i < chars.count, chars[i] == "{" { triple = true; advance() }
            var sigil: Character?
            if !triple, i < chars.count, "#^/>!&=%".contains(chars[i]) { sigil = chars[i]; advance() }
            while i < chars.count, chars[i] == " " { advance() }
            let (nameLine, nameColumn) = (line, column)
            var name = ""
            while i < chars.count, !(chars[i] == "}" && i + 1 < chars.count && chars[i + 1] == "}") {
                name.append(chars[i])
                advance()
            }
            advance(); advance()
            if triple, i < chars.count, chars[i] == "}" { advance() }
            name = name.trimmingCharacters(in: .whitespaces)
            let kind: Tag.Kind
            switch sigil {
            case "!"?, "="?, "%"?: continue  // comments, delimiters, pragmas (`{{% CONTENT_TYPE: TYPST}}`)
            case "#"?: kind = .section
            case "^"?: kind = .inverted
            case "/"?: kind = .close
            case ">"?: kind = .partial
            default: kind = .variable
            }
            out.append(Tag(kind: kind, name: name, line: nameLine, column: nameColumn))
        }
        return out
    }
}
