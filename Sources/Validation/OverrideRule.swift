import Diagnostics
import Loading
import Model
import Resolution
import Schema

/// A municipality overrides only fields the schema marks `x-adaptable`, only tightens
/// a bound (`x-bound`), and only overrides documents its view contains. Local procedure
/// variants are held to the same bounds as the procedure they replace.
struct OverrideRule: MunicipalRule {
    static let rules = [
        RuleInfo("override-not-adaptable", "An override changes a field the model does not let municipalities adapt."),
        RuleInfo("override-loosens-bound", "An override or variant loosens a bound the model sets."),
        RuleInfo("override-unknown-target", "An override names a document the municipality does not offer."),
        RuleInfo("override-redundant", "An override sets the value the model already has."),
        RuleInfo("override-remove-unknown", "An override removes an item of a list by an id the model's list does not have."),
        RuleInfo("override-replaced-procedure", "An override names a model procedure the municipality replaces with its own variant."),
        RuleInfo("override-local-document", "An override names a service or procedure of the municipality's own, whose file holds its fields."),
    ]

    func check(_ m: ResolvedMunicipality, _ c: ValidationContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let annotations = c.network.annotations
        for stray in m.strayOverrides {
            // A kind whose folder is reported missing (tree-folder-missing): that is the one error.
            if c.network.modelDocuments(stray.kind).isEmpty,
               let folder = c.network.tree.kinds.declaration(stray.kind)?.places.first.map({ $0.dropLast().joined(separator: "/") }),
               UnexpectedFolderRule.missingFolders(c.network.tree).contains(folder) { continue }
            // A target no document of the tree has: `ref-unknown` reports this very key, with
            // its did-you-mean; that is the one error (regression hunt of session 14, LOW 7).
            if ReferenceRule.reportsUnknown(stray.id, stray.kind.rawValue, municipality: m.slug, c) { continue }
            // A model document of that id that did not load (its YAML or Markdown error is
            // reported at it): the municipality's view lacks it for that reason alone.
            // An omitted service is not offered whatever its file says: that is still said.
            if let doc = c.network.modelDocument(stray.kind, stray.id), doc.root == nil,
               !m.omitted.contains(where: { $0.service == stray.id }) { continue }
            let why = stray.kind == .service && c.network.modelDocument(.service, stray.id) != nil
                ? "the municipality does not offer it (omitted, or optional and not adopted)"
                : "no such \(stray.kind.rawValue)"
            let offerable = stray.kind == .service && c.network.serviceStatus(stray.id) == .optional
            out.append(.error("override-unknown-target",
                              "override of \(stray.kind.rawValue) '\(stray.id)': \(why)", at: stray.span,
                              help: offerable ? "remove the override, or adopt the service first" : "remove the override"))
        }
        // An override of a model procedure the office replaces with its variant changes
        // the variant, not the model's procedure: the one error, at its key (the
        // comparisons with "the model's value" would compare with the variant's).
        var replaced = Set<String>()
        let procedureOverrides = m.files.adaptation?.root?["overrides"]?["procedures"]
        for p in m.procedures {
            guard let variant = p.variant, p.model != nil, let pair = procedureOverrides?.pair(p.id) else { continue }
            replaced.insert(p.id)
            out.append(.error("override-replaced-procedure",
                              "override of procedure '\(p.id)': \(m.slug) replaces it with its variant '\(variant.id)', so the change belongs there",
                              at: pair.key.span,
                              related: [RelatedLocation(variant.root?["variant_of"]?.span ?? .wholeFile(variant.path), "the variant")],
                              help: "make the change in \(variant.path) and remove this override"))
        }
        let changedTexts = OverrideRule.changedTexts(m.allOverrides.filter { !$0.removes }, annotations)
        out += untranslated(m, c, replaced: replaced)
        // An override of a service or procedure of the municipality's own changes nothing:
        // overrides apply to the model's documents, and its file holds its fields (session
        // 44's review: a check without a word, and the change in no output).
        let overrides = m.files.adaptation?.root?["overrides"]
        for (kind, pairs) in [(Kind.service, overrides?["services"]?.pairs ?? []), (.procedure, overrides?["procedures"]?.pairs ?? [])] {
            for pair in pairs {
                let id = pair.key.keyText
                let own = kind == .service ? m.services.first { $0.id == id && $0.adoption == .local }?.document.path
                    : m.procedures.first { $0.id == id && $0.model == nil }?.variant?.path
                guard let own else { continue }
                out.append(.error("override-local-document",
                                  "override of \(kind.rawValue) '\(id)': it is \(m.slug)'s own \(kind.rawValue), whose file holds its fields; overrides change the model's",
                                  at: pair.key.span, related: [RelatedLocation(.wholeFile(own), "its file")],
                                  help: "make the change in \(own) and remove this override"))
            }
        }
        var reportedFields = Set<String>()
        for o in m.allOverrides where !(o.kind == .procedure && replaced.contains(o.target)) {
            guard case let .key(field)? = o.path.first else { continue }
            let top = annotations.annotations(o.kind, at: [.key(field)])
            if !top.adaptable {
                let key = "\(o.kind)/\(o.target)/\(field)"
                if reportedFields.insert(key).inserted {
                    // At the field's key (`name:`), not at the value merged (the `ca:` text of
                    // `name`, session 38's trial).
                    let fieldKey = m.files.adaptation?.root?["overrides"]?["\(o.kind.rawValue)s"]?[o.target]?.pair(field)?.key
                    out.append(.error("override-not-adaptable",
                                      "field '\(field)' of \(o.kind.rawValue) '\(o.target)' is not adaptable",
                                      at: fieldKey?.span ?? o.localValue.span,
                                      help: adaptableHelp(o.kind, annotations)))
                }
                continue
            }
            if o.removesNothing {
                let key = annotations.annotations(o.kind, at: o.schemaPath).key ?? "id"
                let known = o.parent?.sequence?.compactMap { $0[key]?.keyText } ?? []
                let id = o.localValue[key]?.keyText ?? ""
                let list = Array(o.path.dropLast()).fieldName
                // The ids when they are few (a procedure's steps), else the close ones.
                let named = known.count <= 10 ? "the model's \(list) are " + known.map { "'\($0)'" }.joined(separator: ", ")
                                              : Suggestions.didYouMean(id, in: known)
                out.append(.error("override-remove-unknown",
                                  "'\(id)' is removed from \(list) of \(o.kind.rawValue) '\(o.target)', but the model's \(list) have no item '\(id)'",
                                  at: o.localValue[key]?.span ?? o.localValue.span,
                                  related: o.parent.map { [RelatedLocation($0.span, "the model's \(list)")] } ?? [],
                                  help: (named.map { $0 + ": " } ?? "") + "correct the id, or remove this item if nothing is to be removed"))
                continue
            }
            if o.changesNothing {
                out.append(.warning("override-redundant",
                                    "\(o.fieldName) of \(o.kind.rawValue) '\(o.target)' is named with no field to change",
                                    at: o.localValue.pairs?.first?.value.span ?? o.localValue.span,
                                    related: o.modelValue.map { [RelatedLocation($0.span, "the model's item")] } ?? [],
                                    help: "remove the item, or add the field it changes under it"))
                continue
            }
            if let model = o.modelValue, !o.removes, Merger.same(o.localValue, model),
               !OverrideRule.confirmsTranslation(o, changed: changedTexts, annotations) {
                // A list or a mapping at its key (a list's span starts at its first item),
                // its value written out.
                let whole = o.localValue.sequence != nil || o.localValue.pairs != nil
                let at = whole ? m.files.adaptation?.root.flatMap { OverrideRule.key(of: o.localValue, in: $0) }?.span : nil
                out.append(.warning("override-redundant",
                                    "\(o.fieldName) of \(o.kind.rawValue) '\(o.target)' is overridden with the model's own value, \(OverrideRule.shown(o.localValue))"
                                        + (o.localValue.sameValue(as: model) ? "" : " (the model writes it \(OverrideRule.shown(model)))"),
                                    at: at ?? o.localValue.span, related: [RelatedLocation(model.span, "the model's value")],
                                    help: "remove the override: the model's value applies without it (the outputs do not list it as a local change)"))
                continue
            }
            if let problem = loosened(o, annotations) { out.append(problem) }
        }
        for p in m.procedures {
            guard let variant = p.variant, p.model != nil else { continue }
            out += variantBounds(variant, model: p.model!, c)
        }
        return out
    }

    /// The text (`x-i18n`) whose one language an override writes, merged into the model's
    /// mapping of languages (`steps[s2].action.ca`): the text's path and the language.
    static func language(of o: FieldOverride, _ annotations: SchemaAnnotations) -> (text: String, language: String)? {
        guard o.schemaPath.count > 1, case let .key(language)? = o.schemaPath.last,
              annotations.annotations(o.kind, at: Array(o.schemaPath.dropLast())).i18n else { return nil }
        return ("\(o.kind.rawValue)/\(o.target)/\(Array(o.path.dropLast()).fieldName)", language)
    }

    /// The texts of which an override changes one language or more (by `language(of:)`'s path).
    static func changedTexts(_ overrides: [FieldOverride], _ annotations: SchemaAnnotations) -> Set<String> {
        Set(overrides.compactMap { o -> String? in
            guard let (text, _) = language(of: o, annotations), let model = o.modelValue.map({ Merger.same(o.localValue, $0) }),
                  !model else { return nil }
            return text
        })
    }

    /// A language written with the model's own text beside another language of the same
    /// text that changes: it says that translation still holds (what `untranslated` asks
    /// for), and is no redundant override.
    static func confirmsTranslation(_ o: FieldOverride, changed: Set<String>, _ annotations: SchemaAnnotations) -> Bool {
        guard let (text, _) = language(of: o, annotations) else { return false }
        return changed.contains(text)
    }

    /// `translation-missing` for the texts an override writes (session 44's trial: a
    /// Catalan `action:` of a step passed a clean check, and the English handbook showed it
    /// in Catalan). A text written whole (a string, a mapping of languages, or inside a new
    /// item) lacks the languages `TranslationRule.missing` says; a text whose default
    /// language alone is changed, merged into the model's mapping (`action: {ca: …}`),
    /// keeps the model's other languages, which translate the model's text, not this one.
    func untranslated(_ m: ResolvedMunicipality, _ c: ValidationContext, replaced: Set<String>) -> [Diagnostic] {
        let annotations = c.network.annotations
        let languages = c.settings.languages, defaultLanguage = c.settings.defaultLanguage
        var out: [Diagnostic] = []
        // Texts merged language by language: the languages written, the first override.
        var merged: [String: (first: FieldOverride, languages: Set<String>, changed: Set<String>)] = [:]
        var order: [String] = []
        for o in m.allOverrides where !o.removes && !o.changesNothing && !(o.kind == .procedure && replaced.contains(o.target)) {
            // A field that is not adaptable is its own error.
            guard case let .key(field)? = o.path.first, annotations.annotations(o.kind, at: [.key(field)]).adaptable else { continue }
            if let (text, language) = OverrideRule.language(of: o, annotations) {
                if merged[text] == nil { order.append(text); merged[text] = (o, [], []) }
                merged[text]!.languages.insert(language)
                if !(o.modelValue.map { Merger.same(o.localValue, $0) } ?? false) { merged[text]!.changed.insert(language) }
                continue
            }
            for (node, path) in texts(in: o.localValue, kind: o.kind, schemaPath: o.schemaPath, path: o.path, annotations) {
                guard let missing = TranslationRule.missing(node, languages, defaultLanguage: defaultLanguage), !missing.isEmpty else { continue }
                out.append(TranslationRule.missingText("'\(path.fieldName)' of \(o.kind.rawValue) '\(o.target)'", node, missing,
                                                       defaultLanguage: defaultLanguage))
            }
        }
        for text in order {
            let (o, written, changed) = merged[text]!
            guard changed.contains(defaultLanguage) else { continue }
            let stale = languages.filter { !written.contains($0) }
            guard !stale.isEmpty else { continue }
            let field = Array(o.path.dropLast()).fieldName
            // The languages changed, in the model's order ("only the Catalan" when Spanish was
            // changed too read as false; the review).
            let changedLanguages = languages.filter { changed.contains($0) }
            let lead = changedLanguages.count == 1 ? "only the \(TranslationRule.describe(changedLanguages)) text"
                : "the \(TranslationRule.describe(changedLanguages)) texts"
            out.append(.warning("translation-missing",
                                "\(lead) of '\(field)' of \(o.kind.rawValue) '\(o.target)' \(changedLanguages.count == 1 ? "is" : "are") overridden: its \(TranslationRule.describe(stale)) \(stale.count == 1 ? "text stays" : "texts stay") the model's, which \(stale.count == 1 ? "translates" : "translate") the model's text, not this one",
                                at: o.localValue.span,
                                related: o.parent.map { [RelatedLocation($0.span, "the model's texts")] } ?? [],
                                help: "add \(stale.map { "'\($0):'" }.joined(separator: " and ")) with the translation of this text (the model's own, if it still fits)"))
        }
        return out
    }

    /// The texts (`x-i18n`) in a value an override writes whole, with their paths.
    func texts(in node: Node, kind: Kind, schemaPath: [PathComponent], path: [PathComponent],
               _ annotations: SchemaAnnotations) -> [(Node, [PathComponent])] {
        let here = annotations.annotations(kind, at: schemaPath)
        // A list of texts is i18n as its items are: each item is a text.
        if here.i18n, node.sequence == nil { return [(node, path)] }
        switch node.value {
        case let .mapping(pairs):
            return pairs.flatMap { pair -> [(Node, [PathComponent])] in
                let key = pair.key.keyText
                guard !key.hasPrefix("$") else { return [] }
                return texts(in: pair.value, kind: kind, schemaPath: schemaPath + [.key(key)], path: path + [.key(key)], annotations)
            }
        case let .sequence(items):
            return items.indices.flatMap { i -> [(Node, [PathComponent])] in
                let named = here.key.flatMap { items[i][$0]?.keyText }.map { PathComponent.key("[\($0)]") } ?? .index(i)
                return texts(in: items[i], kind: kind, schemaPath: schemaPath + [.index(i)], path: path + [named], annotations)
            }
        default:
            return []
        }
    }

    /// The key whose value is `value` (found by its position) anywhere in `node`.
    static func key(of value: Node, in node: Node) -> Node? {
        switch node.value {
        case let .mapping(pairs):
            for pair in pairs {
                if pair.value.span == value.span { return pair.key }
                if pair.value.span.start <= value.span.start, value.span.end <= pair.value.span.end,
                   let key = key(of: value, in: pair.value) { return key }
            }
        case let .sequence(items):
            for item in items where item.span.start <= value.span.start && value.span.end <= item.span.end {
                if let key = key(of: value, in: item) { return key }
            }
        default:
            break
        }
        return nil
    }

    /// A value as a message shows it: a scalar as written, a list of scalars in flow style
    /// (`[in-person, phone]`), a mapping or a list of mappings by its shape.
    static func shown(_ node: Node) -> String {
        guard let items = node.sequence else { return node.display }
        return "[" + items.map(\.display).joined(separator: ", ") + "]"
    }

    private func adaptableHelp(_ kind: Kind, _ annotations: SchemaAnnotations) -> String {
        let fields = annotations.adaptableFields(kind)
        return fields.isEmpty ? "this kind has no adaptable fields"
            : "a municipality may adapt: \(fields.joined(separator: ", "))"
    }

    /// The bound that applies to a value: its schema's `x-bound`, where `direction`
    /// follows the sibling `direction` field and a sibling `bound` field overrides it.
    static func effectiveBound(_ declared: String?, parent: Node?) -> String? {
        guard var bound = declared else { return nil }
        if bound == "direction" {
            switch parent?.string(at: "direction") {
            case "at-least"?: bound = "min"
            case "at-most"?: bound = "max"
            default: return nil
            }
        }
        if let explicit = parent?.string(at: "bound"), explicit == "min" || explicit == "max" { bound = explicit }
        return bound
    }

    /// Compares two values of a bound: numbers, or ISO 8601 durations.
    static func compare(_ a: Node, _ b: Node) -> Int? {
        if let x = a.number, let y = b.number { return x < y ? -1 : x > y ? 1 : 0 }
        if let x = a.string.flatMap(ISODuration.init), let y = b.string.flatMap(ISODuration.init) {
            return x < y ? -1 : x == y ? 0 : 1
        }
        return nil
    }

    private func loosened(_ o: FieldOverride, _ annotations: SchemaAnnotations) -> Diagnostic? {
        guard let model = o.modelValue,
              let bound = OverrideRule.effectiveBound(annotations.annotations(o.kind, at: o.schemaPath).bound?.rawValue, parent: o.parent),
              let order = OverrideRule.compare(o.localValue, model) else { return nil }
        let loosens = bound == "max" ? order > 0 : order < 0
        guard loosens else { return nil }
        let verb = bound == "max" ? "lowered" : "raised"
        return .error("override-loosens-bound",
                      "\(o.fieldName) of \(o.kind.rawValue) '\(o.target)' may only be \(verb): the model sets \(model.display), this sets \(o.localValue.display)",
                      at: o.localValue.span,
                      related: [RelatedLocation(model.span, "the model's value")],
                      help: "use a value no \(bound == "max" ? "higher" : "lower") than \(model.display), or propose a model change")
    }

    /// A variant's steps may not take longer than the model's steps of the same id.
    private func variantBounds(_ variant: Document, model: Document, _ c: ValidationContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let modelSteps = model.root?.sequence(at: "steps") ?? []
        for (i, step) in (variant.root?.sequence(at: "steps") ?? []).enumerated() {
            guard let id = step.string(at: "id"),
                  let modelStep = modelSteps.first(where: { $0.string(at: "id") == id }) else { continue }
            for field in ["time_limit"] {
                guard let local = step[field], let base = modelStep[field],
                      let bound = c.network.annotations.annotations(.procedure, at: [.key("steps"), .index(i), .key(field)]).bound?.rawValue,
                      let order = OverrideRule.compare(local, base) else { continue }
                if bound == "max" ? order > 0 : order < 0 {
                    out.append(.error("override-loosens-bound",
                                      "step '\(id)' of variant '\(variant.id)' takes \(local.display), longer than the \(base.display) of procedure '\(model.id)'",
                                      at: local.span, related: [RelatedLocation(base.span, "the model's time limit")],
                                      help: "a local variant may only shorten the model's time limits"))
                }
            }
        }
        return out
    }
}
