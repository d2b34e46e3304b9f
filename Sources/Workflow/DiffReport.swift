import Diagnostics
import JSON
import Model

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

    /// English text where the document has it, else the default language marked as such.
    static func english(_ t: LocalizedText?, defaultLanguage: String) -> String? {
        guard let t else { return nil }
        let (text, fallback) = t.text("en", fallback: defaultLanguage)
        let oneLine = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard fallback else { return oneLine }
        let language = t.values.first { $0.value == text }?.key ?? defaultLanguage
        return "[\(language)] " + oneLine
    }

    static func place(_ span: SourceSpan) -> String { "\(span.file):\(span.start.line)" }

    public static func text(_ d: ModelDiff, defaultLanguage: String) -> String {
        let en = { (t: LocalizedText?) in english(t, defaultLanguage: defaultLanguage) }
        let named = { (id: String, t: LocalizedText?) in en(t).map { "\(id) (\($0))" } ?? id }
        var out = "\(d.municipality): differences from the model \(d.modelId) \(d.modelVersion)\n"
        if let base = d.baseModelVersion {
            out += base == d.modelVersion ? "The adaptation is based on this version of the model.\n"
                                          : "The adaptation is based on model version \(base), not \(d.modelVersion).\n"
        }
        if d.isEmpty { return out + "\nNo differences: the municipality uses the model as it is.\n" }
        func section(_ title: String, _ lines: [String]) {
            guard !lines.isEmpty else { return }
            out += "\n\(title) (\(lines.count))\n" + lines.map { "  - " + $0 + "\n" }.joined()
        }
        section("Omitted services", d.omitted.map { o in
            "\(named(o.service, o.name)): \(en(o.reason) ?? "no reason given") (\(place(o.at)))"
        })
        section("Adopted optional services", d.adopted.map { a in
            named(a.service, a.name) + (a.at.map { " (\(place($0)))" } ?? "")
        })
        let describe = { (c: ModelDiff.Change) -> String in
            if c.removed { return "item \(c.field) of \(c.kind.rawValue) \(c.target): removed (\(place(c.at)))" }
            let to = NodeValue.text(c.local)
            let from = c.model == nil ? "(not in the model)" : NodeValue.text(c.model)
            return "field \(c.field) of \(c.kind.rawValue) \(c.target): \(from) → \(to) (\(place(c.at)))"
        }
        section("Overridden values", d.overrides.map(describe))
        section("Local services", d.localServices.map { "\(named($0.id, $0.name)) (\($0.file))" })
        var variantLines: [String] = []
        for v in d.variants {
            var line = "\(v.id) replaces \(v.replaces) (\(v.file))"
            for s in v.steps {
                switch (s.inModel, s.inVariant) {
                case (true, true): line += "\n      step \(s.step): time limit \(s.model ?? "none") → \(s.local ?? "none")"
                case (true, false): line += "\n      step \(s.step): in the model, not in the variant"
                default: line += "\n      step \(s.step): added by the variant" + (s.local.map { ", time limit \($0)" } ?? "")
                }
            }
            if v.steps.isEmpty { line += "\n      the steps keep the model's time limits" }
            variantLines.append(line)
        }
        section("Local procedure variants", variantLines)
        section("Local procedures", d.localProcedures.map { "\(named($0.id, $0.name)) (\($0.file))" })
        section("Local owners of procedures", d.owners.map { o in
            let model = o.modelRole.map { $0 == o.role ? " (as in the model)" : " (model: \($0))" } ?? ""
            return "\(o.procedure): \(o.role)\(model) (\(place(o.at)))"
        })
        section("Local indicator targets", d.indicatorTargets.map { c in
            let to = c.removed ? "(removed)" : NodeValue.text(c.local)
            let from = c.model == nil ? "(not in the model)" : NodeValue.text(c.model)
            return "indicator \(c.target): \(c.field) \(from) → \(to) (\(place(c.at)))"
        })
        return out
    }
}
