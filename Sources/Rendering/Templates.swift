import Diagnostics
import Foundation
import Loading
import Mustache

/// The Mustache templates of one output (`templates/handbook/`, `templates/site/`),
/// loaded once. Values rendered with `{{ }}` are HTML-escaped; only `{{{ }}}` inserts
/// HTML, and the outputs use it only for HTML that oae rendered itself.
public struct Templates: Sendable {
    public static let rules = [
        RuleInfo("template-syntax", "A Mustache template does not parse."),
        RuleInfo("template-missing", "A template an output needs is missing."),
    ] + TemplateVariables.rules

    let library: MustacheLibrary
    /// The same templates compiled (`CompiledTemplates`), which render the typed view
    /// models; nil when a template uses what the compiler does not handle.
    let compiled: CompiledTemplates?
    public let names: Set<String>

    /// Loads every `.mustache` file under `folder` (relative to `root`), named by its
    /// path without the extension (`page`, `partials/header`).
    public static func load(root: URL, folder: String) -> (Templates, [Diagnostic]) {
        Typst.registerContentType()
        var library = MustacheLibrary()
        var names = Set<String>()
        var problems: [Diagnostic] = []
        var sources: [String: String] = [:]
        for path in FileTree.files(root: root, folders: [folder]) where path.hasSuffix(".mustache") {
            let name = String(path.dropFirst(folder.count + 1).dropLast(".mustache".count))
            let text = FileTree.readText(root: root, path: path) ?? ""
            do {
                library.register(try MustacheTemplate(string: text), named: name)
                names.insert(name)
                sources[name] = text
            } catch let error as MustacheTemplate.ParserError {
                problems.append(.error("template-syntax", "template does not parse: \(error.error)",
                                       at: SourceSpan(file: path, line: error.context.lineNumber,
                                                      column: max(1, error.context.columnNumber)),
                                       help: "check that every {{#section}} has its {{/section}} and every tag is closed"))
            } catch {
                problems.append(.error("template-syntax", "template does not parse: \(error)", at: .wholeFile(path)))
            }
        }
        return (Templates(library: library, names: names, compiled: CompiledTemplates.compile(sources)), problems)
    }

    public init(library: MustacheLibrary, names: Set<String>, compiled: CompiledTemplates? = nil) {
        self.library = library
        self.names = names
        self.compiled = compiled
    }

    /// Renders a template; an empty string when it does not exist (reported by
    /// `require` at check time).
    public func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    /// Renders a template from its typed view model.
    public func render<Model: ViewModel>(_ name: String, _ model: Model) -> String {
        let value = TemplateValue.of(model)
        if let compiled { return compiled.render(name, value) }
        return library.render(value.mustacheContext, withTemplate: name) ?? ""
    }

    /// Diagnostics for the templates an output needs and does not have.
    public func require(_ needed: [String], folder: String) -> [Diagnostic] {
        needed.filter { !names.contains($0) }.map {
            .error("template-missing", "the template '\($0)' is missing", at: .wholeFile("\(folder)/\($0).mustache"),
                   help: "restore \(folder)/\($0).mustache")
        }
    }
}
