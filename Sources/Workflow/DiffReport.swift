import Diagnostics
import JSON
import Loading
import Model
import Presentation

/// `oae diff` as text (in English, for the command line) and as JSON.
///
/// The JSON shape (version 1; members may be added, never renamed or removed):
/// ```
/// {"version": 1, "municipality": slug,
///  "model": {"id", "version"}, "base_model_version": string|null,
///  "omitted": [{"service", "name": i18n|null, "reason": i18n|null, "at": "file:line:column"}],
///  "adopted": [{"service", "name": i18n|null, "at": string|null}],
///  "overrides": [change], "indicator_targets": [change],
///  "local_services": [{"service", "name": i18n|null, "file"}],
///  "procedure_variants": [{"procedure", "replaces", "title": i18n|null, "file",
///                          "steps": [{"step", "model_time_limit", "local_time_limit", "in_model", "in_variant"}]}],
///  "local_procedures": [{"procedure", "title": i18n|null, "file"}],
///  "procedure_owners": [{"procedure", "role", "model_role": string|null, "at"}]}
/// change = {"kind": "service"|"procedure"|"indicator", "target", "field", "model": value|null,
///           "local": value|null, "removed": bool, "at", "model_at": string|null}
/// ```
/// `i18n` is an object of language codes to texts.
public enum DiffReport {
    public static func json(_ d: ModelDiff) -> JSONValue {
        let i18n = { (t: LocalizedText?) -> JSONValue in
            guard let t else { return .null }
            return .object(t.values.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })
        }
        let change = { (c: ModelDiff.Change) -> JSONValue in
            .object([
                ("kind", .string(c.kind.rawValue)), ("target", .string(c.target)), ("field", .string(c.field)),
                ("model", NodeValue.json(c.model)), ("local", NodeValue.json(c.local)), ("removed", .bool(c.removed)),
                ("at", .string(c.at.description)), ("model_at", .optional(c.modelAt?.description)),
            ])
        }
        return .object([
            ("version", .int(1)),
            ("municipality", .string(d.municipality)),
            ("model", .object([("id", .string(d.modelId)), ("version", .string(d.modelVersion))])),
            ("base_model_version", .optional(d.baseModelVersion)),
            ("omitted", .array(d.omitted.map {
                .object([("service", .string($0.service)), ("name", i18n($0.name)), ("reason", i18n($0.reason)),
                         ("at", .string($0.at.description))])
            })),
            ("adopted", .array(d.adopted.map {
                .object([("service", .string($0.service)), ("name", i18n($0.name)), ("at", .optional($0.at?.description))])
            })),
            ("overrides", .array(d.overrides.map(change))),
            ("indicator_targets", .array(d.indicatorTargets.map(change))),
            ("local_services", .array(d.localServices.map {
                .object([("service", .string($0.id)), ("name", i18n($0.name)), ("file", .string($0.file))])
            })),
            ("procedure_variants", .array(d.variants.map { v in
                .object([
                    ("procedure", .string(v.id)), ("replaces", .string(v.replaces)), ("title", i18n(v.title)),
                    ("file", .string(v.file)),
                    ("steps", .array(v.steps.map {
                        .object([("step", .string($0.step)), ("model_time_limit", .optional($0.model)),
                                 ("local_time_limit", .optional($0.local)), ("in_model", .bool($0.inModel)),
                                 ("in_variant", .bool($0.inVariant))])
                    })),
                ])
            })),
            ("local_procedures", .array(d.localProcedures.map {
                .object([("procedure", .string($0.id)), ("title", i18n($0.name)), ("file", .string($0.file))])
            })),
            ("procedure_owners", .array(d.owners.map {
                .object([("procedure", .string($0.procedure)), ("role", .string($0.role)),
                         ("model_role", .optional($0.modelRole)), ("at", .string($0.at.description))])
            })),
        ])
    }

    /// A text of the tree in the report's language, on one line; marked `[ca]` when it
    /// is in another language because the report's is missing.
    static func text(_ t: LocalizedText?, in language: String) -> String? {
        guard let t else { return nil }
        let (text, fallback) = t.text(language, fallback: t.values.keys.sorted().first ?? language)
        let oneLine = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard fallback else { return oneLine }
        let other = t.values.first { $0.value == text }?.key ?? language
        return "[\(other)] " + oneLine
    }

    static func place(_ span: SourceSpan) -> String { "\(span.file):\(span.start.line)" }

    /// A value on one line in flow style (`NodeValue.text`), each text in several languages
    /// (a mapping of language codes to strings) in `language`, wherever it stands.
    static func shown(_ node: Node, in language: String) -> String {
        switch node.value {
        case let .mapping(pairs) where !pairs.isEmpty && pairs.allSatisfy({ TreeLayout.isLanguageCode($0.key.keyText) && $0.value.string != nil }):
            return text(LocalizedText(node, defaultLanguage: language), in: language) ?? ""
        case let .sequence(items):
            return "[" + items.map { shown($0, in: language) }.joined(separator: ", ") + "]"
        case let .mapping(pairs):
            return "{" + pairs.map { "\($0.key.keyText): \(shown($0.value, in: language))" }.joined(separator: ", ") + "}"
        default:
            return NodeValue.text(node, limit: .max)
        }
    }

    /// The report as text, in the language of `words` (the model's default language, or `--lang`):
    /// its phrases are the `diff.*` strings, time limits are written as durations.
    public static func text(_ d: ModelDiff, words: ValueFormatter) -> String {
        let s = words.strings
        let named = { (id: String, t: LocalizedText?) in text(t, in: words.language).map { "\(id) (\($0))" } ?? id }
        let limit = { (iso: String?) in iso.map(words.duration) ?? s["diff.no_time_limit"] }
        var out = s("diff.heading", ["municipality": d.municipality, "model": d.modelId, "version": d.modelVersion]) + "\n"
        if let base = d.baseModelVersion {
            out += (base == d.modelVersion ? s["diff.based_on_this"]
                                           : s("diff.based_on_other", ["base": base, "version": d.modelVersion])) + "\n"
        }
        if d.isEmpty { return out + "\n" + s["diff.no_differences"] + "\n" }
        func section(_ key: String, _ lines: [String]) {
            guard !lines.isEmpty else { return }
            out += "\n\(s[key]) (\(lines.count))\n" + lines.map { "  - " + $0 + "\n" }.joined()
        }
        section("diff.omitted", d.omitted.map { o in
            "\(named(o.service, o.name)): \(text(o.reason, in: words.language) ?? s["diff.no_reason"]) (\(place(o.at)))"
        })
        section("diff.adopted", d.adopted.map { a in
            named(a.service, a.name) + (a.at.map { " (\(place($0)))" } ?? "")
        })
        let describe = { (c: ModelDiff.Change) -> String in
            // The target named as in the other sections: its id, then its name.
            let values: Placeholders = ["kind": s["diff.kind.\(c.kind.rawValue)"], "target": named(c.target, c.name), "field": c.field]
            if c.removed { return s("diff.item_removed", values) + " (\(place(c.at)))" }
            // A number with a unit (a commitment's target) is written with it: "5 dies → 3 dies";
            // a duration (a session's `duration`) in words, as a variant's time limits are:
            // "1 hora i 30 minuts → 1 hora", not "PT1H30M → PT1H" (session 38's trial).
            let value = { (node: Node?) -> String in
                if let unit = c.unit, let n = node?.number { return words.measure(n, unit: unit) }
                if let text = node?.string, ISODuration(text) != nil { return words.duration(text) }
                // Its texts in several languages in the report's, also in a list or a new
                // item (session 44's trial, then its review, read the `{ca: …}` mappings).
                guard let node else { return NodeValue.text(nil) }
                let shown = DiffReport.shown(node, in: words.language)
                return shown.count > 120 ? String(shown.prefix(119)) + "…" : shown
            }
            let from = c.model == nil ? s["diff.not_in_model"] : value(c.model)
            return s("diff.field_changed", values.adding("from", from).adding("to", value(c.local)))
                + " (\(place(c.at)))"
        }
        section("diff.overrides", d.overrides.map(describe))
        section("diff.local_services", d.localServices.map { "\(named($0.id, $0.name)) (\($0.file))" })
        var variantLines: [String] = []
        for v in d.variants {
            var line = s("diff.replaces", ["variant": v.id, "procedure": v.replaces]) + " (\(v.file))"
            for step in v.steps {
                let phrase: String
                switch (step.inModel, step.inVariant) {
                case (true, true):
                    phrase = s("diff.step_time_limit", ["step": step.step, "from": limit(step.model), "to": limit(step.local)])
                case (true, false):
                    phrase = s("diff.step_only_in_model", ["step": step.step])
                default:
                    phrase = step.local.map { s("diff.step_added_with_limit", ["step": step.step, "limit": words.duration($0)]) }
                        ?? s("diff.step_added", ["step": step.step])
                }
                line += "\n      " + phrase
            }
            if v.steps.isEmpty { line += "\n      " + s["diff.steps_kept"] }
            variantLines.append(line)
        }
        section("diff.variants", variantLines)
        section("diff.local_procedures", d.localProcedures.map { "\(named($0.id, $0.name)) (\($0.file))" })
        section("diff.owners", d.owners.map { o in
            let model = o.modelRole.map { " " + ($0 == o.role ? s["diff.owner_as_in_model"] : s("diff.owner_model", ["role": $0])) } ?? ""
            return "\(o.procedure): \(o.role)\(model) (\(place(o.at)))"
        })
        section("diff.targets", d.indicatorTargets.map { c in
            let to = c.removed ? s["diff.removed"] : NodeValue.text(c.local)
            let from = c.model == nil ? s["diff.not_in_model"] : NodeValue.text(c.model)
            return s("diff.indicator_target", ["target": named(c.target, c.name), "field": c.field, "from": from, "to": to]) + " (\(place(c.at)))"
        })
        return out
    }
}
