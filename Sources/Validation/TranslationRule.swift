import Diagnostics
import Loading
import Model

/// Every translatable text comes in every language of the model, and every Markdown
/// document has its translation files. Missing translations are warnings (errors with
/// `--strict`): the handbook falls back to the default language and marks it. A
/// translation file's front matter holds only `id` (docs/tree-and-kinds.md): the outputs
/// read a translation's body alone (`Network.translation(of:in:)`), so any other field
/// there would be published nowhere.
struct TranslationRule: DocumentRule {
    static let rules = [
        RuleInfo("translation-missing", "A text or document lacks a language of the model."),
        RuleInfo("translation-orphan", "A translation file has no original, or a language the model does not have."),
        RuleInfo("translation-language", "A text is written in a language the model does not have: no output shows it."),
        RuleInfo("translation-default", "The model's default language is not one of its languages."),
        RuleInfo("translation-sections", "A Markdown translation has fewer headings than the text it translates: a section is missing."),
        RuleInfo("translation-field", "A translation file's front matter has a field other than id, which nothing reads."),
    ]

    static func describe(_ languages: [String]) -> String {
        languages.map(LanguageNames.described).joined(separator: ", ")
    }

    /// A document's warnings read its own values, the languages of the model, which
    /// translation files it has and whether their bodies have text: the others keep theirs
    /// while the tree has the same documents, neither the schemas nor the settings changed,
    /// and no translation file (`<id>.<lang>.md`) changed.
    /// It reads the bodies: whether one has text, and a translation's headings against its
    /// original's (a heading added to a body is a change to check again).
    static var readsMarkdownBodies: Bool { true }

    func keepsOtherDocuments(_ delta: ValidationContext.Delta) -> Bool {
        delta.sameDocuments && !delta.changed.contains { path in
            let parts = path.split(ascii: "/").last?.split(ascii: ".") ?? []
            return parts.count >= 3 && parts.last == "md" && TreeLayout.isLanguageCode(String(parts[parts.count - 2]))
        }
    }

    func prepare(_ c: ValidationContext) {}

    func checkRest(_ c: ValidationContext) -> [Diagnostic] { defaultLanguage(c) + orphans(c) }

    /// `translation-default`: `default_language` not among `languages` (the schemas take any
    /// tag, so nothing else says it; the outputs read the list's first language instead).
    private func defaultLanguage(_ c: ValidationContext) -> [Diagnostic] {
        guard c.settings.languagesRead, let root = c.network.modelDocuments(.model).first?.root,
              let node = root["default_language"], let written = node.string, !c.settings.languages.contains(written) else { return [] }
        let meant = LanguageNames.meant(written, in: c.settings.languages)
        return [.error("translation-default",
                       "the default language '\(written)' is not one of the model's languages (\(c.settings.languages.joined(separator: ", ")))",
                       at: node.span, related: TranslationRule.languagesSetting(c).map { [RelatedLocation($0.span, "the model's languages")] } ?? [],
                       help: meant.map { "did you mean '\($0)'?" }
                           ?? "write one of them, or add '- \(written)' to languages: plain texts and Markdown bodies are read as the default language")]
    }

    func check(_ doc: Document, _: Void, _ c: ValidationContext) -> [Diagnostic] {
        let languages = c.settings.languages
        let defaultLanguage = c.settings.defaultLanguage
        var out: [Diagnostic] = []
        do {
            if let annotated = c.schemaResults[doc.path]?.annotated {
                // By index, the parts each value needs.
                for i in annotated.indices where annotated.isTranslatable(at: i) && !annotated.isKey(at: i) {
                    let node = annotated.node(at: i)
                    let other = TranslationRule.otherLanguages(node, c)
                    out += other.diagnostics
                    // A language written otherwise (`esp:`) is that one error, not also missing.
                    guard let missing = TranslationRule.missing(node, languages, defaultLanguage: defaultLanguage)?.filter({ !other.meant.contains($0) }),
                          !missing.isEmpty else { continue }
                    out.append(TranslationRule.missingText("'\(annotated.path(at: i).fieldName)'", node, missing, defaultLanguage: defaultLanguage))
                }
            }
            // A text that could not be read (its own error says so) asks for no translation.
            // The bodies missing are those the outputs show in another language's place,
            // marked (`Network.body(of:in:)`, which the handbooks and the site read): for
            // any default language, and whatever other translation files there are (a file
            // in the default language is `translation-orphan`'s and translates nothing). A
            // body without text is shown, and marked, nowhere.
            if let body = doc.markdown?.body, c.network.kinds.declaration(doc.kind)?.isMarkdown == true,
               !MarkdownDocument.isBlank(body) {
                let have = c.network.translations[doc.path] ?? [:]
                let shownInstead = languages.filter { c.network.body(of: doc, in: $0).isFallback }
                let missing = shownInstead.filter { have[$0] == nil }
                if !missing.isEmpty {
                    let stem = String(doc.path.split(ascii: "/").last!.dropLast(3))
                    out.append(.warning("translation-missing",
                                        "the text of this \(doc.kind.rawValue) has no \(TranslationRule.describe(missing)) translation",
                                        at: .wholeFile(doc.path),
                                        help: "add \(missing.map { "\(stem).\($0).md" }.joined(separator: " and ")) beside it"))
                }
                // A translation file whose body has no text translates nothing: the outputs
                // show the original's text in its place.
                for language in shownInstead {
                    guard let t = have[language], let md = t.markdown else { continue }
                    out.append(.warning("translation-missing",
                                        "this \(TranslationRule.describe([language])) translation has no text, so the "
                                            + "\(TranslationRule.describe([defaultLanguage])) text is shown in its place, marked as not translated",
                                        at: SourceSpan(file: t.path, line: md.bodyLineOffset + 1, column: 1),
                                        help: "write the translation of \(doc.path)'s text after the front matter"))
                }
                // The model's languages only: a file in another is `translation-orphan`'s.
                out += sections(doc, have.filter { languages.contains($0.key) }, shownInstead: Set(shownInstead))
            }
        }
        return out
    }

    /// `translation-language` for each language of a text (a mapping of languages) that is
    /// not one of the model's: the schemas take any language tag, so that a language is
    /// added in one place (`languages` in model/model.yaml); a text in another one was
    /// published nowhere (session 45's trial wrote Aranese texts, `oc:`, and left `oc` out
    /// of the model's languages: no word). A language of the model written otherwise (`cat`,
    /// `esp`, `ca-es`: `meant`) is an error, its text lost to a typo; another language is a
    /// warning, as a translation file in it is (`translation-orphan`): a network that stops
    /// publishing a language keeps its texts, and the help offers the model's languages.
    static func otherLanguages(_ node: Node, _ c: ValidationContext) -> (diagnostics: [Diagnostic], meant: Set<String>) {
        guard case let .mapping(pairs) = node.value, c.settings.languagesRead else { return ([], []) }
        let languages = c.settings.languages
        var out: [Diagnostic] = [], meant: Set<String> = []
        for k in pairs.indices {
            // The key's text alone read for every text: the key node copied, a retain and
            // a release of its text each (issue 13).
            let code = pairs[k].key.keyText
            guard !languages.contains(code), TreeLayout.isLanguageCode(code) else { continue }
            let key = pairs[k].key
            let message = "'\(code)' is not a language of the model (\(languages.joined(separator: ", "))), so no output shows this text"
            let related = languagesSetting(c).map { [RelatedLocation($0.span, "the model's languages")] } ?? []
            if let language = LanguageNames.meant(code, in: languages) {
                meant.insert(language)
                out.append(.error("translation-language", message, at: key.span, related: related, help: languageHelp(code, languages)))
            } else {
                out.append(.warning("translation-language", message, at: key.span, related: related, help: languageHelp(code, languages)))
            }
        }
        return (out, meant)
    }

    /// The help for a language `code` the model does not have: the model's language it
    /// means (`LanguageNames.meant`), else where the model's languages are listed.
    static func languageHelp(_ code: String, _ languages: [String]) -> String {
        if let meant = LanguageNames.meant(code, in: languages) {
            return "did you mean '\(meant)'? The model writes \(LanguageNames.english[meant] ?? meant) as '\(meant)'"
        }
        return "to publish the model in \(LanguageNames.described(code)), add '- \(code)' to languages in model/model.yaml "
            + "(its interface strings then go in templates/strings/\(code).yaml)"
    }

    /// The `languages` list of model/model.yaml, when it is written.
    static func languagesSetting(_ c: ValidationContext) -> Node? {
        c.network.modelDocuments(.model).first?.root?["languages"]
    }

    /// `translation-missing` for a text (`node`: a string, or a mapping of languages) that
    /// lacks `missing`; `named` is how the message names it (`'items[0].note'`).
    static func missingText(_ named: String, _ node: Node, _ missing: [String], defaultLanguage: String) -> Diagnostic {
        .warning("translation-missing", "\(named) has no \(describe(missing)) text", at: node.span,
                 help: node.string != nil
                     ? "write the text as a mapping: '\(defaultLanguage):' with this text, then one line per language"
                     : "add \(missing.map { "'\($0):'" }.joined(separator: " and "))")
    }

    /// `translation-sections`: a translation whose body has fewer headings than the text it
    /// translates: a section deleted from it, or left out, was published without a word,
    /// and no mark said the text was incomplete (session 43's trial). The headings of both
    /// are listed: which one is missing cannot be told from translated titles (matching
    /// them by level named a section that was there: the trial's review), the writer pairs
    /// them. Told at the translation's first heading. Not for a translation without text
    /// (`translation-missing`), nor for one without headings (a short text written as one,
    /// not section by section).
    func sections(_ doc: Document, _ have: [String: Document], shownInstead: Set<String>) -> [Diagnostic] {
        guard let original = doc.markdown?.headings, !original.isEmpty else { return [] }
        return have.keys.sorted().compactMap { language -> Diagnostic? in
            guard !shownInstead.contains(language), let t = have[language], let md = t.markdown,
                  let first = md.headings.first, md.headings.count < original.count else { return nil }
            let missing = original.count - md.headings.count
            let listed = { (headings: [MarkdownDocument.Heading]) in headings.map { "'\($0.text)'" }.joined(separator: ", ") }
            return .warning("translation-sections",
                            "this \(TranslationRule.describe([language])) translation has \(md.headings.count) \(md.headings.count == 1 ? "heading" : "headings") where the text it translates has \(original.count): \(missing == 1 ? "a section is" : "\(missing) sections are") missing",
                            at: first.span,
                            related: [RelatedLocation(original[0].span, "the first heading of the text it translates")],
                            notes: ["the headings of \(doc.path): \(listed(original))",
                                    "the headings of this translation: \(listed(md.headings))"],
                            help: "translate the \(missing == 1 ? "section" : "sections") this file lacks; until then \(TranslationRule.describe([language])) readers do not see \(missing == 1 ? "it" : "them")")
        }
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
        let setting = c.network.modelDocuments(.model).first?.root?["default_language"]
        // With model.yaml unread, its languages are not known (the settings' defaults stand
        // in): its error is the one, not every translation's language.
        let languagesUnread = c.network.modelDocuments(.model).first.map { $0.root == nil } ?? false
        for (original, byLanguage) in c.network.translations.sorted(by: { $0.key < $1.key }) {
            for (language, doc) in byLanguage.sorted(by: { $0.key < $1.key }) {
                if !originals.contains(original) {
                    out.append(.warning("translation-orphan", "this translation has no original '\(original)'",
                                        at: .wholeFile(doc.path), help: "rename it after the document it translates"))
                } else if languagesUnread {
                    // Not the language warnings (the languages are not known); its fields still.
                    out += TranslationRule.fields(doc, original: original, c)
                } else if language == defaultLanguage {
                    // Not "not a language of the model": it is the model's default one, in
                    // which plain texts and the original's body are read.
                    let name = TranslationRule.describe([language])
                    out.append(.warning("translation-orphan",
                                        "\(name) is the default language, so \(original)'s own text is read as \(name) and this file is not read",
                                        at: .wholeFile(doc.path),
                                        related: setting.map { [RelatedLocation($0.span, "the model's default language")] } ?? [],
                                        help: "if \(original) is written in \(name), move what this file says into it and remove this file; "
                                            + "if not, set default_language to the language it is written in"))
                } else if !languages.contains(language), LanguageNames.meant(language, in: languages) != nil {
                    // A model language written otherwise (`x.fra.md`): an error, as such a
                    // text's key is (`translation-language`; session 45's review).
                    out.append(.error("translation-orphan",
                                      "'\(language)' is not a translation language of the model (\(languages.joined(separator: ", ")))",
                                      at: .wholeFile(doc.path),
                                      related: TranslationRule.languagesSetting(c).map { [RelatedLocation($0.span, "the model's languages")] } ?? [],
                                      help: TranslationRule.languageHelp(language, languages)))
                } else if !languages.contains(language) {
                    out.append(.warning("translation-orphan",
                                        "'\(language)' is not a translation language of the model (\(languages.joined(separator: ", ")))",
                                        at: .wholeFile(doc.path),
                                        related: TranslationRule.languagesSetting(c).map { [RelatedLocation($0.span, "the model's languages")] } ?? [],
                                        help: TranslationRule.languageHelp(language, languages)))
                } else {
                    out += TranslationRule.fields(doc, original: original, c)
                }
            }
        }
        return out
    }

    /// Each field of a translation's front matter other than `id`, an error at its key:
    /// one the kind does not have says so, with a did-you-mean that says where the field
    /// meant is written (`nme` → the name is written in the original, not here: following
    /// "did you mean 'name'?" led to the next error, the regression hunt of session 14,
    /// LOW 7); a translatable one is
    /// written in the original, as a mapping by language; any other is the original's, one
    /// value for every language.
    static func fields(_ doc: Document, original: String, _ c: ValidationContext) -> [Diagnostic] {
        guard let language = doc.language, let pairs = doc.root?.pairs else { return [] }
        let name = describe([language])
        let file = original.split(ascii: "/").last.map(String.init) ?? original
        // The fields the kind's schema names (none known: every field is taken as one).
        let known = (c.network.annotations.root(of: doc.kind)?["properties"]?.pairs ?? []).map(\.key.keyText)
        return pairs.filter { !$0.key.isKey("id") }.map { pair in
            let field = pair.key.keyText
            if !known.isEmpty, !known.contains(field) {
                let help: String
                if let meant = Suggestions.closest(to: field, in: known, limit: 1).first {
                    let place = meant == "id" ? "write it 'id', the one field a translation's front matter holds"
                        : c.network.annotations.annotations(doc.kind, at: [.key(meant)]).i18n
                        ? "the \(name) \(meant) is written in \(file), as '\(meant): {\(c.settings.defaultLanguage): …, \(language): …}'; remove this line"
                        : "'\(meant)' is a field of \(file), one value for every language; remove this line"
                    help = "did you mean '\(meant)'? \(place)"
                } else {
                    help = "remove it here: a translation's front matter holds only 'id'"
                }
                return .error("translation-field",
                              "'\(field)' is not read from a translation file, and a \(doc.kind.rawValue) has no field '\(field)'",
                              at: pair.key.span, help: help)
            }
            if c.network.annotations.annotations(doc.kind, at: [.key(field)]).i18n {
                return .error("translation-field",
                              "'\(field)' is not read from a translation file: the \(name) \(field) is written in \(original)",
                              at: pair.key.span,
                              help: "write it in \(file) as '\(field): {\(c.settings.defaultLanguage): …, \(language): …}' and remove it here; a translation's front matter holds only 'id'")
            }
            return .error("translation-field",
                          "'\(field)' is not read from a translation file: it is a field of \(original), one value for every language",
                          at: pair.key.span,
                          help: "remove it here (a translation's front matter holds only 'id'); to change it, change it in \(file)")
        }
    }
}
