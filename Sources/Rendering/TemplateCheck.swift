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

    public static func check(_ tree: LoadedTree, settings: ModelSettings) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for output in outputs(tree) {
            out += Templates.load(root: tree.root, folder: "templates/\(output)").1
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
