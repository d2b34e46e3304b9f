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
        RuleInfo("ui-string-unknown", "A language's strings file has a key the default language's does not have: nothing reads it."),
        RuleInfo("ui-string-language", "A strings file is not named after a language of the model as it writes it: nothing reads it."),
    ]

    public static func check(_ tree: LoadedTree, settings: ModelSettings) -> [Diagnostic] {
        guard let base = tree.uiStrings["strings/\(settings.defaultLanguage)"] else { return [] }
        var out = StringsCheck.check(tree, settings: settings)
        out += languageNames(base, settings: settings)
        for language in settings.languages where language != settings.defaultLanguage {
            guard let strings = tree.uiStrings["strings/\(language)"] else {
                // A file that is there and could not be read has its own error (session 45's
                // trial was also told to add the file it had).
                guard !tree.paths.contains("templates/strings/\(language).yaml") else { continue }
                out.append(.warning("ui-string-missing",
                                    "there are no interface strings in '\(language)'; handbooks and pages in it will show the \(settings.defaultLanguage) words",
                                    at: .wholeFile(base.path),
                                    help: "add templates/strings/\(language).yaml"))
                continue
            }
            let missing = missingKeys(strings.node, comparedTo: base.node)
            // The name of a language of the model is read in every language: when the default
            // language's file lacks it, that file is told (`languageNames`), not this one.
            let unknown = unknownKeys(strings.node, comparedTo: base.node)
                .filter { key in !settings.languages.contains { "language.\($0)" == key.keyText } }
            if !missing.isEmpty {
                out.append(.warning("ui-string-missing",
                                    "\(missing.count) interface string\(missing.count == 1 ? "" : "s") missing in '\(language)': \(missing.prefix(8).joined(separator: ", "))\(missing.count > 8 ? ", …" : "")",
                                    at: .wholeFile(strings.path),
                                    help: "translate them from \(base.path)"))
            }
            // Each key the default language lacks, at its line: a misspelt key (`nav_progres`)
            // was told only as the key missing, at the file's first line (session 45's trial).
            for key in unknown {
                let meant = Suggestions.closest(to: key.keyText, in: missing, limit: 1).first
                out.append(.warning("ui-string-unknown",
                                    "'\(key.keyText)' is not a key of \(base.path), so nothing reads it",
                                    at: key.span,
                                    help: meant.map { "did you mean '\($0)'?" } ?? "remove it, or add it to \(base.path) first, the file that defines the keys"))
            }
        }
        // A file whose name is no language tag (`aranes.yaml`, `OC.yaml`), or a model
        // language's written otherwise (`fra.yaml`, `fr_FR.yaml`): read by nothing, and its
        // plural forms were asked of a code no language has (session 45's trial). Another
        // tag the model does not list is a language prepared or set aside: its texts say so
        // (`translation-language`).
        for (key, strings) in tree.uiStrings.sorted(by: { $0.key < $1.key }) where key.hasPrefix("strings/") {
            let language = String(key.dropFirst("strings/".count))
            let meant = language.lowercased().replacingOccurrences(of: "_", with: "-")
            guard !settings.languages.contains(language),
                  !TreeLayout.isLanguageCode(language) || LanguageNames.meant(meant, in: settings.languages) != nil else { continue }
            out.append(.warning("ui-string-language",
                                "'\(language)' is not a language of the model (\(settings.languages.joined(separator: ", "))), so nothing reads \(strings.path)",
                                at: .wholeFile(strings.path),
                                help: (LanguageNames.meant(meant, in: settings.languages) ?? (TreeLayout.isLanguageCode(meant) ? meant : nil))
                                    .map { "a language is written as model/model.yaml lists it: rename it templates/strings/\($0).yaml" }
                                    ?? "name the file after a language of model/model.yaml (\(settings.languages.map { "\($0).yaml" }.joined(separator: ", ")))"))
        }
        return out
    }

    /// `ui-string-missing` for each language of the model without its name in the default
    /// language's strings (`language.<code>`): the handbooks' control page and the open
    /// data's column titles read it, and printed the key (`Office name (language.oc)`;
    /// session 45's trial, which added a language as the README said).
    static func languageNames(_ base: (path: String, node: Node), settings: ModelSettings) -> [Diagnostic] {
        let keys = (base.node.pairs ?? []).map(\.key)
        let named = keys.filter { $0.keyText.hasPrefix("language.") }
        return settings.languages.filter { language in !keys.contains { $0.keyText == "language.\(language)" } }.map { language in
            .warning("ui-string-missing", "\(base.path) has no name for '\(language)' ('language.\(language)'), which the handbooks and the open data print",
                     at: named.last?.span ?? .wholeFile(base.path),
                     help: "add 'language.\(language): …' with the language's name, as the other 'language.' keys, here and in every strings file")
        }
    }

    /// The keys of `node` that the default language's strings do not have, as written.
    static func unknownKeys(_ node: Node, comparedTo base: Node) -> [Node] {
        let known = Set((base.pairs ?? []).map(\.key.keyText))
        return (node.pairs ?? []).map(\.key).filter { !known.contains($0.keyText) }
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
