import Diagnostics
import Foundation
import Loading
import Model
import Mustache

/// The Mustache templates of one output (`templates/handbook/`, `templates/site/`),
/// loaded once. Values rendered with `{{ }}` are HTML-escaped; only `{{{ }}}` inserts
/// HTML, and the outputs use it only for HTML that oae rendered itself.
public struct Templates: Sendable {
    public static let rules = [
        RuleInfo("template-syntax", "A Mustache template does not parse."),
        RuleInfo("template-missing", "A template an output needs is missing."),
    ] + TemplateVariables.rules

    /// swift-mustache's parse of every template, the reference engine: made when first
    /// rendered with (`OAE_TEMPLATE_ENGINE=swift-mustache`, the engine tests).
    let referenceLibrary: ReferenceLibrary
    /// swift-mustache's parse of every template.
    var library: MustacheLibrary { referenceLibrary.library }
    /// The same templates compiled for `TemplateValue`s: what the outputs render with.
    let compiled: CompiledTemplate.Library
    public let names: Set<String>
    /// The sections over shared values rendered so far, reused by the next pages
    /// (`RenderMemo`; one per set of templates, whose partials they were rendered with).
    public let memo = RenderMemo()
    /// Render with swift-mustache instead of the compiled templates: set by
    /// `OAE_TEMPLATE_ENGINE=swift-mustache` when the templates are loaded, to compare the
    /// two engines or to fall back on the reference.
    public var reference = false

    /// The environment variable that chooses the reference engine.
    public static let engineVariable = "OAE_TEMPLATE_ENGINE"
    /// Read with `getenv` each time it is asked (a test sets it): `ProcessInfo`'s
    /// `environment` made a dictionary of the whole environment for each template parsed.
    static var referenceChosen: Bool {
        guard let value = getenv(engineVariable) else { return false }
        return String(cString: value) == "swift-mustache"
    }

    /// Loads every `.mustache` file under `folder` (relative to `root`), named by its
    /// path without the extension (`page`, `partials/header`). `files`: the folder's
    /// files when the caller has read them (`TemplateMemo.sources`), else they are read.
    public static func load(root: URL, folder: String, files: [TemplateMemo.Source]? = nil) -> (Templates, [Diagnostic]) {
        let files = files ?? TemplateMemo.sources(root: root, folder: folder)
        let reference = referenceChosen
        var (templates, problems) = TemplateMemo.shared.value("load \(root.path) \(folder)", files: files) { parse(files, folder: folder) }
        templates.reference = reference
        return (templates, problems)
    }

    /// Compiles every template. swift-mustache parses a template only when the compiled
    /// parser refuses it, for its words on the error (or to tell a template it refuses from
    /// one that uses what oae does not render): the compiled parser accepts no template
    /// swift-mustache refuses (`CompiledTemplatesDifferentialTests`), and parsing every
    /// folder with both was 21 ms of CPU per build at any network size (issue 13).
    static func parse(_ files: [TemplateMemo.Source], folder: String) -> (Templates, [Diagnostic]) {
        Typst.registerContentType()
        var texts: [(name: String, text: String)] = []
        var compiled: [String: CompiledTemplate] = [:]
        var problems: [Diagnostic] = []
        for (path, bytes) in files {
            let name = String(path.dropFirst(folder.count + 1).dropLast(".mustache".count))
            let text = String(validating: bytes, as: UTF8.self) ?? ""
            do {
                let template = try CompiledTemplate(text)
                // The reference engine renders with swift-mustache: its refusal is the
                // check's error then, at the tag, not a template rendered as nothing.
                if referenceChosen {
                    do {
                        _ = try MustacheTemplate(string: text)
                    } catch {
                        problems.append(Templates.syntaxError(error, compiled: nil, path: path, text: text))
                        continue
                    }
                }
                compiled[name] = template
                texts.append((name, text))
            } catch {
                do {
                    _ = try MustacheTemplate(string: text)
                    let refusal = error as? CompiledTemplate.ParseError
                    problems.append(.error("template-syntax", "template cannot be rendered: \(refusal?.description ?? "\(error)")",
                                           at: SourceSpan(file: path, line: refusal?.line ?? 1, column: refusal?.column ?? 1),
                                           help: "oae renders Mustache's variables, sections, inverted sections, partials, comments, set delimiters and the CONTENT_TYPE pragma"))
                } catch let mustacheError {
                    problems.append(Templates.syntaxError(mustacheError, compiled: error as? CompiledTemplate.ParseError, path: path, text: text))
                }
            }
        }
        return (Templates(referenceLibrary: ReferenceLibrary(texts), compiled: compiled), problems)
    }

    /// A parse error of swift-mustache in words, at the tag that causes it: a section that
    /// is never closed stands where it opens (the parser stops at the end of the file), a
    /// section closed with another name at its closing tag.
    /// Other errors are the compiled parser's (`compiled`), which says what it expected
    /// where it stopped (swift-mustache says "overflow", or "unfinishedName" for a name
    /// with unpaired brackets).
    static func syntaxError(_ error: Error, compiled: CompiledTemplate.ParseError?, path: String, text: String) -> Diagnostic {
        let help = "check that every {{#section}} has its {{/section}} and every tag is closed"
        guard let error = error as? MustacheTemplate.ParserError else {
            return .error("template-syntax", "template does not parse: \(error)", at: .wholeFile(path), help: help)
        }
        let at = SourceSpan(file: path, line: error.context.lineNumber, column: max(1, error.context.columnNumber))
        switch error.error as? MustacheTemplate.Error {
        case .expectedSectionEnd?, .sectionCloseNameIncorrect?: break
        default:
            if let compiled, compiled.swiftMustacheRefuses {
                return .error("template-syntax", compiled.description, at: SourceSpan(file: path, line: compiled.line, column: compiled.column), help: help)
            }
        }
        switch error.error as? MustacheTemplate.Error {
        case .expectedSectionEnd?, .sectionCloseNameIncorrect?:
            // The sections as opened and closed, innermost last.
            var open: [TemplateVariables.Tag] = []
            for tag in TemplateVariables.tags(text) {
                switch tag.kind {
                case .section, .inverted: open.append(tag)
                case .close:
                    guard let last = open.last else { continue }
                    if last.name != tag.name {
                        return .error("template-syntax", "'{{/\(tag.name)}}' closes section '\(last.name)', opened at line \(last.line)",
                                      at: SourceSpan(file: path, line: tag.line, column: tag.column),
                                      help: "close '\(last.name)' with {{/\(last.name)}} first, or correct the name")
                    }
                    open.removeLast()
                default: continue
                }
            }
            if let unclosed = open.last {
                return .error("template-syntax", "section '\(unclosed.name)' is never closed",
                              at: SourceSpan(file: path, line: unclosed.line, column: unclosed.column),
                              help: "close it with {{/\(unclosed.name)}} where its part of the template ends")
            }
            return .error("template-syntax", "a section is never closed, or closed with another name", at: at, help: help)
        case .unfinishedName?:
            return .error("template-syntax", "a tag is not closed with }}", at: at, help: help)
        case .invalidSetDelimiter?:
            return .error("template-syntax", "a set-delimiter tag is not '{{=<% %>=}}'-like", at: at, help: help)
        default:
            return .error("template-syntax", "template does not parse: \(error.error)", at: at, help: help)
        }
    }

    /// Templates from their texts by name, for tests; throws the first that does not parse.
    public static func compiling(_ sources: [String: String]) throws -> Templates {
        var compiled: [String: CompiledTemplate] = [:]
        for (name, text) in sources {
            _ = try MustacheTemplate(string: text)
            compiled[name] = try CompiledTemplate(text)
        }
        return Templates(referenceLibrary: ReferenceLibrary(sources.map { ($0.key, $0.value) }), compiled: compiled)
    }

    init(referenceLibrary: ReferenceLibrary, compiled: [String: CompiledTemplate]) {
        self.referenceLibrary = referenceLibrary
        self.compiled = CompiledTemplate.Library(compiled)
        self.names = Set(compiled.keys)
    }

    /// Renders a template; an empty string when it does not exist (reported by
    /// `require` at check time).
    public func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    /// Renders a template from its typed view model.
    public func render<Model: ViewModel>(_ name: String, _ model: Model) -> String {
        if reference { return renderWithMustache(name, model) }
        return String(decoding: compiled[name]?.renderUTF8(TemplateValue.of(model), library: compiled, memo: memo) ?? [], as: UTF8.self)
    }

    /// Renders a template from its typed view model as UTF-8 bytes (for a file: the
    /// text is not decoded and validated again). `capacity`: the bytes the output is
    /// expected to have, if known (`CompiledTemplate.renderUTF8`).
    public func renderUTF8<Model: ViewModel>(_ name: String, _ model: Model, capacity: Int = 16_384) -> [UInt8] {
        if reference { return Array(renderWithMustache(name, model).utf8) }
        return compiled[name]?.renderUTF8(TemplateValue.of(model), library: compiled, capacity: capacity, memo: memo) ?? []
    }

    /// Renders a template from its typed view model as rendered text (to be inserted
    /// into another template without being decoded again).
    public func renderText<Model: ViewModel>(_ name: String, _ model: Model) -> RenderedText {
        RenderedText(utf8: renderUTF8(name, model))
    }

    /// Renders a template from its typed view model with swift-mustache, the reference
    /// the compiled templates are tested against (`TemplateEngineTests`).
    public func renderWithMustache<Model: ViewModel>(_ name: String, _ model: Model) -> String {
        library.render(TemplateValue.of(model).mustacheContext, withTemplate: name) ?? ""
    }

    /// Diagnostics for the templates an output needs and does not have.
    public func require(_ needed: [String], folder: String) -> [Diagnostic] {
        needed.filter { !names.contains($0) }.map {
            .error("template-missing", "the template '\($0)' is missing", at: .wholeFile("\(folder)/\($0).mustache"),
                   help: "restore \(folder)/\($0).mustache")
        }
    }
}

/// swift-mustache's library of a folder's templates, parsed when first asked for (only
/// the reference engine renders with it). Safe to share between threads.
final class ReferenceLibrary: @unchecked Sendable {
    private let texts: [(name: String, text: String)]
    private let lock = NSLock()
    private var parsed: MustacheLibrary?

    /// `texts`: each template's name and text, every one of which the compiled parser accepted.
    init(_ texts: [(name: String, text: String)]) { self.texts = texts }

    /// The library. Every template is in it: the compiled parser accepts no template that
    /// swift-mustache refuses (`CompiledTemplatesDifferentialTests`), and when the reference
    /// engine is chosen, `Templates.parse` reports a refusal as the check's error and leaves
    /// the template out. Were one refused here all the same, it would be left out (rendered
    /// as nothing, as a missing template is), not stop the program.
    var library: MustacheLibrary {
        lock.withLock {
            if let parsed { return parsed }
            var library = MustacheLibrary()
            for (name, text) in texts {
                if let template = try? MustacheTemplate(string: text) { library.register(template, named: name) }
            }
            parsed = library
            return library
        }
    }
}

/// What was made from a template folder, kept with the bytes it was made from: the
/// check, the build and every save of `oae serve` parse a folder's templates once for as
/// long as none of its files changes. Every call still reads the files and compares them
/// byte for byte. Safe to share between threads.
public final class TemplateMemo: @unchecked Sendable {
    /// A template file: its path in the tree and its bytes.
    public typealias Source = (path: String, bytes: [UInt8])

    public static let shared = TemplateMemo()
    private let lock = NSLock()
    private var entries: [String: (files: [Source], value: Any)] = [:]

    /// The `.mustache` files under `folder`, sorted by path, with their bytes; not those
    /// of `templates/site/root/`, which the site copies as they are (`TreeLayout.siteRootFolder`).
    public static func sources(root: URL, folder: String) -> [Source] {
        let copied = TreeLayout.siteRootFolder + "/"
        return FileTree.files(root: root, folders: [folder]).filter { $0.hasSuffix(".mustache") && !$0.hasPrefix(copied) }.compactMap { path in
            guard case let .success(bytes) = FileTree.read(root: root, path: path) else { return (path, []) }
            return (path, bytes)
        }
    }

    /// The value made from `files` under `key`: made again when the files differ from
    /// those it was last made from.
    public func value<T>(_ key: String, files: [Source], make: () -> T) -> T {
        if let entry = lock.withLock({ entries[key] }), let value = entry.value as? T,
           entry.files.count == files.count,
           zip(entry.files, files).allSatisfy({ $0.path == $1.path && $0.bytes == $1.bytes }) {
            return value
        }
        let value = make()
        lock.withLock { entries[key] = (files, value) }
        return value
    }
}
