import Diagnostics
import Foundation
import Loading
import Model
import Presentation

/// Checks the interface strings before a build: `templates/strings/<lang>.yaml` exists
/// for every language of the model, with every key of the default language's file, and
/// each text's placeholders and plural forms (`StringsCheck`). (Templates are checked by
/// each output step: `TemplateStepCheck`.)
public enum TemplateCheck {
    public static let rules = Templates.rules + StringsCheck.rules + [
        RuleInfo("ui-string-missing", "A UI string lacks a language, or a key the default language has."),
    ]

    public static func check(_ tree: LoadedTree, settings: ModelSettings) -> [Diagnostic] {
        guard let base = tree.uiStrings["strings/\(settings.defaultLanguage)"] else { return [] }
        var out = StringsCheck.check(tree, settings: settings)
        for language in settings.languages where language != settings.defaultLanguage {
            guard let strings = tree.uiStrings["strings/\(language)"] else {
                out.append(.warning("ui-string-missing",
                                    "there are no interface strings in '\(language)'; handbooks and pages in it will show the \(settings.defaultLanguage) words",
                                    at: .wholeFile(base.path),
                                    help: "add templates/strings/\(language).yaml"))
                continue
            }
            let missing = missingKeys(strings.node, comparedTo: base.node)
            if !missing.isEmpty {
                out.append(.warning("ui-string-missing",
                                    "\(missing.count) interface string\(missing.count == 1 ? "" : "s") missing in '\(language)': \(missing.prefix(8).joined(separator: ", "))\(missing.count > 8 ? ", …" : "")",
                                    at: .wholeFile(strings.path),
                                    help: "translate them from \(base.path)"))
            }
        }
        return out
    }

    /// Keys the default language has and `node` lacks.
    static func missingKeys(_ node: Node, comparedTo base: Node) -> [String] {
        let have = Set((node.pairs ?? []).map(\.key.keyText))
        return (base.pairs ?? []).map(\.key.keyText).filter { !have.contains($0) }
    }
}

/// The template check of one output step: every template of its folder parses, every
/// template it needs is there, and every tag names something of the view model the
/// template is rendered from (`template-syntax`, `template-missing`,
/// `template-unknown-variable`).
public enum TemplateStepCheck {
    /// `views` gives the view model shape of each template the step renders; `uiKeys`
    /// the keys `{{ui.…}}` may name, and `uiPlaceholders` the `{name}`s of those whose
    /// texts have any (`Strings.placeholders`), which a template shows as written.
    public static func check(_ tree: LoadedTree, folder: String, required: [String],
                             views: [String: ViewShape] = [:], uiKeys: Set<String>? = nil,
                             uiPlaceholders: [String: Set<String>] = [:]) -> [Diagnostic] {
        guard tree.templates.contains(where: { $0.hasPrefix(folder + "/") }) else {
            return [.error("template-missing", "the folder \(folder)/ is missing, so a build cannot write this output",
                           at: .wholeFile(folder + "/"), help: "restore \(folder)/ from the example tree")]
        }
        // The interface strings' keys count as one more source: the check depends on them.
        let keys = uiKeys.map { keys in
            Array(keys.sorted().map { key in ([key] + (uiPlaceholders[key] ?? []).sorted()).joined(separator: " ") }
                .joined(separator: "\n").utf8)
        } ?? []
        let sources = TemplateMemo.sources(root: tree.root, folder: folder)
        let files = sources + [(path: "ui keys", bytes: keys)]
        let key = "check \(tree.root.path) \(folder) \(required) \(views.keys.sorted())"
        // A template the walk left out (a symbolic link, a FIFO) is its own error there
        // (`tree-symlink`), not also missing.
        let skipped = Set(tree.diagnostics.filter { TreeLoader.walkRules.contains($0.rule) }.map(\.span.file))
        let found = TemplateMemo.shared.value(key, files: files) { () -> [Diagnostic] in
            let (templates, problems) = Templates.load(root: tree.root, folder: folder, files: sources)
            // A template that is there but does not parse is not also missing.
            let unparsed = Set(problems.map(\.span.file))
            let missing = templates.require(required, folder: folder).filter { !unparsed.contains($0.span.file) }
            guard problems.isEmpty else { return problems + missing }
            let variables = TemplateVariables(tagged: tagged(root: tree.root, folder: folder, files: sources), uiKeys: uiKeys,
                                              uiPlaceholders: uiPlaceholders)
            // Each view on every core: the build waits for this check once its rules are done.
            let sorted = views.sorted { $0.key < $1.key }
            return missing + parallelMap(Array(sorted.indices)) { variables.check(sorted[$0].key, shape: sorted[$0].value) }.flatMap { $0 }
        }
        return skipped.isEmpty ? found : found.filter { !($0.rule == "template-missing" && skipped.contains($0.span.file)) }
    }

    /// Makes what `check` of `folder` reads from the template files alone: every
    /// template parsed (`Templates.load`) and its tags (`TemplateVariables`), kept in
    /// `TemplateMemo` for `check`, and for a build, to find them made. For `oae check` to
    /// parse while the tree loads: what needs the network (the interface strings' keys)
    /// is left to `check`.
    public static func prepare(root: URL, folder: String) {
        let sources = TemplateMemo.sources(root: root, folder: folder)
        _ = Templates.load(root: root, folder: folder, files: sources)
        _ = tagged(root: root, folder: folder, files: sources)
    }

    /// The tags of every template of `folder`, made once for the same bytes.
    private static func tagged(root: URL, folder: String, files: [TemplateMemo.Source]) -> [String: TemplateVariables.Source] {
        TemplateMemo.shared.value("tags \(root.path) \(folder)", files: files) { TemplateVariables.tagged(files, folder: folder) }
    }
}
