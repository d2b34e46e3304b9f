import Diagnostics
import Loading
import Model

/// Every translatable text comes in every language of the model, and every Markdown
/// document has its translation files. Missing translations are warnings (errors with
/// `--strict`): the handbook falls back to the default language and marks it.
struct TranslationRule: DocumentRule {
    static let rules = [
        RuleInfo("translation-missing", "A text or document lacks a language of the model."),
        RuleInfo("translation-orphan", "A translation file has no original, or a language the model does not have."),
    ]

    static let languageNames = ["ca": "Catalan", "es": "Spanish", "en": "English", "fr": "French", "oc": "Occitan"]

    static func describe(_ languages: [String]) -> String {
        languages.map { "\(languageNames[$0] ?? $0) (\($0))" }.joined(separator: ", ")
    }

    /// A document's warnings read its own values, the languages of the model, which
    /// translation files it has and whether their bodies have text: the others keep theirs
    /// while the tree has the same documents, neither the schemas nor the settings changed,
    /// and no translation file (`<id>.<lang>.md`) changed.
    func keepsOtherDocuments(_ delta: ValidationContext.Delta) -> Bool {
        delta.sameDocuments && !delta.changed.contains { path in
            let parts = path.split(separator: "/").last?.split(separator: ".") ?? []
            return parts.count >= 3 && parts.last == "md" && parts[parts.count - 2].count == 2
        }
    }

    func prepare(_ c: ValidationContext) {}

    func checkRest(_ c: ValidationContext) -> [Diagnostic] { orphans(c) }

    func check(_ doc: Document, _: Void, _ c: ValidationContext) -> [Diagnostic] {
        let languages = c.settings.languages
        let defaultLanguage = c.settings.defaultLanguage
        var out: [Diagnostic] = []
        do {
            let annotated = c.schemaResults[doc.path]?.annotated ?? []
            // By index: binding each value would copy it.
            for i in annotated.indices where annotated[i].annotations.i18n && !annotated[i].isKey {
                // Only the node: copying the whole value cost a retain of each reference in it.
                let node = annotated[i].node
                guard let missing = TranslationRule.missing(node, languages, defaultLanguage: defaultLanguage),
                      !missing.isEmpty else { continue }
                out.append(.warning("translation-missing",
                                    "'\(annotated[i].path.fieldName)' has no \(TranslationRule.describe(missing)) text",
                                    at: node.span,
                                    help: node.string != nil
                                        ? "write the text as a mapping: '\(defaultLanguage):' with this text, then one line per language"
                                        : "add \(missing.map { "'\($0):'" }.joined(separator: " and "))"))
            }
            // A text that could not be read (its own error says so) asks for no translation.
            if doc.markdown != nil, c.network.kinds.declaration(doc.kind)?.isMarkdown == true {
                let have = c.network.translations[doc.path] ?? [:]
                let missing = languages.filter { $0 != defaultLanguage && have[$0] == nil }
                if !missing.isEmpty {
                    let stem = String(doc.path.split(separator: "/").last!.dropLast(3))
                    out.append(.warning("translation-missing",
                                        "the text of this \(doc.kind.rawValue) has no \(TranslationRule.describe(missing)) translation",
                                        at: .wholeFile(doc.path),
                                        help: "add \(missing.map { "\(stem).\($0).md" }.joined(separator: " and ")) beside it"))
                }
                // A translation file whose body has no text translates nothing: the outputs
                // show the original's text in its place (`Network.translation(of:in:)`).
                if let body = doc.markdown?.body, !MarkdownDocument.isBlank(body) {
                    for language in languages where language != defaultLanguage {
                        guard let t = have[language], let md = t.markdown, MarkdownDocument.isBlank(md.body) else { continue }
                        out.append(.warning("translation-missing",
                                            "this \(TranslationRule.describe([language])) translation has no text, so the "
                                                + "\(TranslationRule.describe([defaultLanguage])) text is shown in its place, marked as not translated",
                                            at: SourceSpan(file: t.path, line: md.bodyLineOffset + 1, column: 1),
                                            help: "write the translation of \(doc.path)'s text after the front matter"))
                    }
                }
            }
        }
        return out
    }

    /// `LocalizedText(node, defaultLanguage:)?.missing(languages)`, without making the
    /// text's dictionary: a string has only the default language; a mapping has each
    /// language that is a key with a string value that is not blank; nil for any other node,
    /// and for a mapping whose texts are all blank (there is nothing to translate).
    static func missing(_ node: Node, _ languages: [String], defaultLanguage: String) -> [String]? {
        switch node.value {
        case .string:
            return languages.filter { $0 != defaultLanguage }
        case let .mapping(pairs):
            let missing = languages.filter { language in
                !pairs.indices.contains { pairs[$0].key.isKey(language) && !(pairs[$0].value.string?.isBlankText ?? true) }
            }
            // Blank in every language: nothing to translate from (an empty text is another
            // rule's, as `omission-reason-missing`), so no translation is asked for.
            if missing.count == languages.count, pairs.contains(where: { $0.value.string != nil }),
               pairs.allSatisfy({ $0.value.string?.isBlankText ?? true }) { return nil }
            return missing
        default:
            return nil
        }
    }

    private func orphans(_ c: ValidationContext) -> [Diagnostic] {
        let languages = c.settings.languages
        let defaultLanguage = c.settings.defaultLanguage
        var out: [Diagnostic] = []
        let originals = Set(c.documents.map(\.path))
        for (original, byLanguage) in c.network.translations.sorted(by: { $0.key < $1.key }) {
            for (language, doc) in byLanguage.sorted(by: { $0.key < $1.key }) {
                if !originals.contains(original) {
                    out.append(.warning("translation-orphan", "this translation has no original '\(original)'",
                                        at: .wholeFile(doc.path), help: "rename it after the document it translates"))
                } else if language == defaultLanguage {
                    // Not "not a language of the model": it is the model's first one.
                    out.append(.warning("translation-orphan",
                                        "'\(language)' is the default language: its text is the original's, \(original), and this file is not read",
                                        at: .wholeFile(doc.path), help: "move what it says into \(original), then remove it"))
                } else if !languages.contains(language) {
                    out.append(.warning("translation-orphan",
                                        "'\(language)' is not a translation language of the model (\(languages.joined(separator: ", ")))",
                                        at: .wholeFile(doc.path), help: nil))
                }
            }
        }
        return out
    }
}
