import Diagnostics
import Foundation
import Loading
import Model

/// Checks what `oae check` can know of the templates before a build: every Mustache
/// template parses, and every output's UI strings exist in every language of the model
/// with the keys of the default language.
public enum TemplateCheck {
    public static let rules = Templates.rules + UIStrings.rules

    /// The outputs that have a folder under templates/.
    public static func outputs(_ tree: LoadedTree) -> [String] {
        Set(tree.templates.compactMap { $0.split(separator: "/").dropFirst().first.map(String.init) }
            .filter { !$0.contains(".") }).sorted()
    }

    /// The UI strings of every output: present in every language, with every key.
    /// (Templates are checked by each output step: `TemplateStepCheck`.)
    public static func check(_ tree: LoadedTree, settings: ModelSettings) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for output in outputs(tree) {
            guard let base = tree.uiStrings["\(output)/\(settings.defaultLanguage)"] else { continue }
            for language in settings.languages where language != settings.defaultLanguage {
                guard let strings = tree.uiStrings["\(output)/\(language)"] else {
                    out.append(.warning("ui-string-missing",
                                        "the \(output) has no UI strings in '\(language)'; its pages will show the \(settings.defaultLanguage) words",
                                        at: .wholeFile(base.path),
                                        help: "add templates/\(output)/strings/\(language).yaml"))
                    continue
                }
                let missing = UIStrings.missingKeys(strings.node, comparedTo: base.node)
                if !missing.isEmpty {
                    out.append(.warning("ui-string-missing",
                                        "\(missing.count) UI string\(missing.count == 1 ? "" : "s") of the \(output) missing in '\(language)': \(missing.prefix(8).joined(separator: ", "))\(missing.count > 8 ? ", …" : "")",
                                        at: .wholeFile(strings.path),
                                        help: "translate them from \(base.path)"))
                }
            }
        }
        return out
    }
}

/// The template check of one output step: every template of its folder parses, every
/// template it needs is there, and every tag names something of the view model the
/// template is rendered from (`template-syntax`, `template-missing`,
/// `template-unknown-variable`).
public enum TemplateStepCheck {
    /// `views` gives the view model shape of each template the step renders; `uiKeys`
    /// the keys `{{ui.…}}` may name.
    public static func check(_ tree: LoadedTree, folder: String, required: [String],
                             views: [String: ViewShape] = [:], uiKeys: Set<String>? = nil) -> [Diagnostic] {
        guard tree.templates.contains(where: { $0.hasPrefix(folder + "/") }) else {
            return [.error("template-missing", "the folder \(folder)/ is missing, so a build cannot write this output",
                           at: .wholeFile(folder + "/"), help: "restore \(folder)/ from the example tree")]
        }
        let (templates, problems) = Templates.load(root: tree.root, folder: folder)
        let missing = templates.require(required, folder: folder)
        guard problems.isEmpty else { return problems + missing }
        let variables = TemplateVariables(root: tree.root, folder: folder, uiKeys: uiKeys)
        return missing + views.sorted { $0.key < $1.key }.flatMap { variables.check($0.key, shape: $0.value) }
    }
}
