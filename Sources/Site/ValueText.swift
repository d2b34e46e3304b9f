import Loading
import Model
import Presentation
import Rendering
import Resolution

/// Writes the value of a field of the model for people, as escaped HTML: enumerations by
/// their labels, roles by their titles, translatable texts in the page's language (marked
/// when they fall back). The words and formats of values (durations, money, measures)
/// are the presentation layer's (`SiteLanguage.formatter`), the same as the handbooks'.
struct ValueText: Sendable {
    let site: SiteContext
    let language: SiteLanguage

    /// Enumerations shown as labels, by the field that holds them.
    static let enumerations = ["channels": "channel", "format": "service_format", "audience": "audience",
                               "unit": "unit", "type": "type", "frequency": "frequency"]

    /// `field` is the name of the field holding the value (the last key of its path);
    /// `parent` the mapping around it (for the unit of a target).
    func html(_ node: Node?, field: String, parent: Node? = nil, unit: String? = nil) -> String {
        guard let node else { return "" }
        let formatter = language.formatter
        switch field {
        case "duration", "time_limit":
            return HTML.escape(node.string.map(language.duration) ?? plain(node))
        case "cost":
            return HTML.escape(cost(node))
        case "owner_role", "role":
            return node.string.map { HTML.escape(site.titleString(.role, $0, language)) } ?? plain(node)
        case "target":
            if let n = node.number {
                return HTML.escape(formatter.measure(n, unit: parent?.string(at: "unit") ?? unit ?? "count"))
            }
            if node.pairs != nil {
                let value = node["value"].map { html($0, field: "value", unit: unit) } ?? ""
                guard let direction = node.string(at: "direction") else { return value }
                return Strings.fill(HTML.escape(language["direction.\(direction)"]), ["value": value])
            }
        case "direction":
            if let d = node.string {
                return HTML.escape(language.format("direction.\(d)", ["value": ""]).trimmingCharacters(in: .whitespaces))
            }
        case "value":
            if let n = node.number { return HTML.escape(formatter.measure(n, unit: unit ?? "count")) }
        case "commitments":
            return (node.sequence ?? []).map { item in
                let metric = language.html(item["metric"])
                let target = item["target"].map { html($0, field: "target", parent: item) } ?? ""
                return "\(metric): \(target)"
            }.joined(separator: "; ")
        case "steps":
            return (node.sequence ?? []).map { language.html($0["action"]) }.joined(separator: "; ")
        default:
            break
        }
        if let enumeration = ValueText.enumerations[field] {
            if let s = node.string { return HTML.escape(language.label(enumeration, s)) }
            if let items = node.sequence {
                return HTML.escape(language.labels(enumeration, items.compactMap(\.string)))
            }
        }
        return generic(node)
    }

    /// Any value: a translatable text in the page's language, a list joined, a mapping as
    /// `key: value` pairs.
    func generic(_ node: Node) -> String {
        switch node.value {
        case .sequence(let items):
            return items.map(generic).joined(separator: "; ")
        case .mapping(let pairs):
            if LocalizedText(node, defaultLanguage: site.network.settings.defaultLanguage) != nil,
               pairs.allSatisfy({ site.input.languages.contains($0.key.keyText) }) {
                return language.html(node)
            }
            return pairs.map { "\(HTML.escape(language.label("field", $0.key.keyText))): \(html($0.value, field: $0.key.keyText, parent: node))" }
                .joined(separator: "; ")
        case .string:
            return language.html(node)
        default:
            return HTML.escape(plain(node))
        }
    }

    func plain(_ node: Node) -> String {
        switch node.value {
        case .null: return ""
        case .bool(let b): return language[b ? "answer_yes" : "answer_no"]
        case .int(let i): return String(i)
        case .double(let d): return language.formatter.number(d)
        case .string(let s): return s
        default: return ""
        }
    }

    /// `Gratuït`, or the amount and its legal basis.
    func cost(_ node: Node) -> String {
        guard node.string(at: "type") == "fee" else { return language["cost_free"] }
        let amount = node["amount"]?.number.map(language.formatter.money) ?? ""
        let basis = language.string(node["legal_basis"])
        return basis.isEmpty ? amount : "\(amount) (\(basis))"
    }

    /// A readable name for the place of an override: `Canals`, `Compromisos · «…» · Objectiu` (the
    /// quotation marks of the language: “…” in English).
    func fieldLabel(_ override: FieldOverride) -> String {
        var parts: [String] = []
        var i = 0
        let path = override.path
        while i < path.count {
            guard case let .key(k) = path[i] else { i += 1; continue }
            if k.hasPrefix("["), k.hasSuffix("]") {
                let id = String(k.dropFirst().dropLast())
                let item = override.parent
                if let metric = item?["metric"], item?.string(at: "id") == id {
                    parts.append(language["quote_open"] + language.string(metric) + language["quote_close"])
                } else if i > 0, case .key("steps") = path[i - 1] {
                    parts.append(language.format("step_label", ["id": id]))
                } else {
                    parts.append(id)
                }
            } else {
                parts.append(language.label("field", k))
            }
            i += 1
        }
        return parts.joined(separator: " · ")
    }

    /// The field name that holds the overridden value (for `html(_:field:)`).
    static func leaf(_ override: FieldOverride) -> String {
        for step in override.path.reversed() {
            if case let .key(k) = step, !k.hasPrefix("[") { return k }
        }
        return ""
    }
}
