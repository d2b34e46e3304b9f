import Diagnostics
import Foundation
import Loading
import Model
import Presentation
import Rendering
import Resolution

/// The values of documents as a reader sees them: channel names instead of codes,
/// "2 dies" instead of `P2D`, role titles linked to the role. The same function
/// writes a local value and the model's value it replaces, so the two read alike.
public struct ValueText: Sendable {
    public let context: HandbookContext

    public init(_ context: HandbookContext) {
        self.context = context
    }

    var markup: Markup { context.markup }
    var words: Strings { context.words }
    var format: ValueFormatter { context.format }

    /// A value found under `key`. `parent` is the mapping that holds it (for a target's
    /// unit or direction); `unit` is the unit of an indicator when the value is one of
    /// its targets.
    ///
    /// A list or mapping of the model is described once per language and format for
    /// every handbook of the build (`DescribedValues`), when its words do not depend on
    /// the municipality.
    public func describe(_ node: Node?, key: String, parent: Node? = nil, unit: String? = nil) -> String {
        guard let node else { return "—" }
        guard let kept = context.modelLinks.described else { return describeAnew(node, key: key, parent: parent, unit: unit) }
        return kept.text(node, field: key) { describeAnew(node, key: key, parent: parent, unit: unit) }
    }

    /// `describe`, written again.
    func describeAnew(_ node: Node, key: String, parent: Node?, unit: String?) -> String {
        switch key {
        case "duration", "time_limit":
            return node.string.map { markup.escape(format.duration($0)) } ?? scalar(node)
        case "channels":
            return codes(node, prefix: "channel")
        case "audience":
            return codes(node, prefix: "audience")
        case "format":
            return codes(node, prefix: "service_format")
        case "area":
            return node.string.map(context.areaName) ?? scalar(node)
        case "cost":
            return cost(node)
        case "owner_role", "role", "reports_to":
            return node.string.map(context.roleLink) ?? scalar(node)
        case "related_services":
            return links(node, context.serviceLink)
        case "procedures", "services":
            return links(node, key == "services" ? context.serviceLink : context.procedureLink)
        case "indicators", "indicator":
            return node.sequence != nil ? links(node, context.indicatorLink) : (node.string.map(context.indicatorLink) ?? "")
        case "legal_basis":
            return legal(node)
        case "commitments":
            return markup.list((node.sequence ?? []).map(commitment))
        case "target":
            if let n = numeric(node) {
                let u = parent?.string(at: "unit") ?? unit
                return markup.escape(format.measure(n, unit: u))
            }
            if node.pairs != nil { return target(node, unit: unit) }
            return scalar(node)
        case "value":
            if let n = numeric(node) { return markup.escape(format.measure(n, unit: unit)) }
            return scalar(node)
        case "direction":
            return node.string.map { markup.escape(words["direction.\($0)"]) } ?? scalar(node)
        case "last_reviewed", "date", "start_date", "opening_date", "planned", "completed":
            return node.string.map { markup.escape(format.date($0)) } ?? scalar(node)
        case "steps":
            return markup.list((node.sequence ?? []).map { step in
                "\(markup.escape(step.string(at: "id") ?? "")): \(markup.text(step["action"]))"
            })
        default:
            return generic(node)
        }
    }

    /// A service commitment: `Dies fins a la primera cita: 3 dies`.
    public func commitment(_ item: Node) -> String {
        let target = describe(item["target"], key: "target", parent: item)
        let limit = item.string(at: "bound") == "min" ? words["direction.at-least"] : words["direction.at-most"]
        return "\(markup.text(item["metric"]))\(markup.escape(": "))" + markup.strong(Strings.fill(limit, ["value": target], escape: markup.escape))
    }

    /// An indicator target: `al menys 12` / `at most 3 days`.
    public func target(_ node: Node, unit: String?) -> String {
        guard let value = numeric(node["value"]) else { return generic(node) }
        let direction = node.string(at: "direction") ?? "at-least"
        return Strings.fill(words["direction.\(direction)"], ["value": markup.escape(format.measure(value, unit: unit))], escape: markup.escape)
    }

    func cost(_ node: Node) -> String {
        guard node.string(at: "type") == "fee" else { return markup.escape(words["cost.free"]) }
        let amount = numeric(node["amount"]).map { format.money($0) } ?? ""
        let basis = markup.text(node["legal_basis"])
        return basis.isEmpty ? markup.escape(amount) : "\(markup.escape(amount)) (\(basis))"
    }

    func codes(_ node: Node, prefix: String) -> String {
        let items = node.sequence?.compactMap(\.string) ?? node.string.map { [$0] } ?? []
        return markup.escape(format.list(items.map { words["\(prefix).\($0)"] }))
    }

    func links(_ node: Node, _ link: (String) -> String) -> String {
        let ids = node.sequence?.compactMap(\.string) ?? node.string.map { [$0] } ?? []
        return format.list(ids.map(link))
    }

    /// A list of legal references as `LegalCitation` words them: the title (linked to an
    /// https address) and the reference's pinpoint, or the reference alone without a title.
    func legal(_ node: Node) -> String {
        markup.list((node.sequence ?? []).map { ref in
            let title = markup.text(ref["title"])
            let name = ref.string(at: "ref") ?? ""
            let text = title.isEmpty ? markup.escape(name) : title
            let pinpoint = title.isEmpty ? "" : LegalCitation.pinpoint(name).map { markup.escape(", " + $0) } ?? ""
            if let url = ref.string(at: "url"), url.hasPrefix("https://") { return markup.external(url, text) + pinpoint }
            return text + pinpoint
        }, className: "legal")
    }

    func scalar(_ node: Node) -> String {
        switch node.value {
        case let .string(s): return markup.escape(s)
        case let .int(i): return markup.escape(format.number(Double(i)))
        case let .double(d): return markup.escape(format.number(d))
        case let .bool(b): return markup.escape(words[b ? "value.yes" : "value.no"])
        case .null: return "—"
        default: return generic(node)
        }
    }

    /// Any other value: a translatable text, a list, or `key: value` pairs.
    func generic(_ node: Node) -> String {
        if markup.localizer.text(node) != nil, node.pairs?.allSatisfy({ $0.key.keyText.count == 2 }) ?? true {
            return markup.text(node)
        }
        if let items = node.sequence { return markup.list(items.map(generic)) }
        if let pairs = node.pairs {
            return pairs.filter { $0.key.keyText != "$remove" }.map {
                "\(markup.escape($0.key.keyText)): \(describe($0.value, key: $0.key.keyText, parent: node))"
            }.joined(separator: "; ")
        }
        return scalar(node)
    }
}

/// The model's values `ValueText` has described in one language and format, kept for
/// every handbook of the build: a service's legal basis, channels or requirements read
/// the same in every handbook that shows the model's service (and in an adapted one, for
/// the fields the municipality kept). Described anew in each, they were 4% of the
/// handbooks' instructions at 200 municipalities (issue 13).
///
/// Only a list or a mapping of the model is kept: one written in a file of `model/`, all
/// of whose nodes come from that file (a list the resolution merged from the model's and
/// a municipality's items is described anew, and not kept: it would be kept once per
/// municipality and never found again). It is kept by the identity of its storage (the
/// array of its items or pairs, always native: equal storage, equal value; the node is
/// kept with its text, so that the storage is not freed and its address given to another
/// value), and only when its words depend on nothing but the value, the language and the
/// format: not when a field whose words depend on the municipality (the links to the
/// services and procedures it offers, `municipalFields`) names it or is named at any depth
/// of it, nor for a target or a value (their unit is the parent's). Safe to share between
/// threads.
final class DescribedValues: @unchecked Sendable {
    /// Fields whose words depend on more than the value: the municipality's links to
    /// its services and procedures; a target's or value's unit, read from the parent.
    static let municipalFields: Set<String> = ["related_services", "services", "procedures"]
    static let unitFields: Set<String> = ["target", "value"]

    struct Key: Hashable {
        let storage: UnsafeRawPointer
        let field: String
    }

    private let lock = NSLock()
    /// By storage and field: the node and its text.
    private var kept: [Key: (node: Node, text: String)] = [:]

    /// The storage of a non-empty list or mapping (nil for a scalar or an empty one): its
    /// address, used as the array's identity only.
    static func storage(_ node: Node) -> UnsafeRawPointer? {
        switch node.value {
        case let .sequence(items) where !items.isEmpty: return items.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
        case let .mapping(pairs) where !pairs.isEmpty: return pairs.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
        default: return nil
        }
    }

    /// Whether every node under `node` comes from `file` and no municipal field is named
    /// at any depth of it.
    static func keepable(_ node: Node, in file: SourceFile) -> Bool {
        switch node.value {
        case let .sequence(items): return items.allSatisfy { $0.span.source == file && keepable($0, in: file) }
        case let .mapping(pairs):
            return pairs.allSatisfy {
                $0.value.span.source == file && !municipalFields.contains($0.key.keyText) && keepable($0.value, in: file)
            }
        default: return true
        }
    }

    /// The text of `node` under `field`: kept, or made by `make` (and kept when it may be).
    func text(_ node: Node, field: String, make: () -> String) -> String {
        // The storage first: most values described are scalars.
        guard let storage = DescribedValues.storage(node), node.span.file.hasPrefix("model/"),
              !DescribedValues.municipalFields.contains(field), !DescribedValues.unitFields.contains(field)
        else { return make() }
        let key = Key(storage: storage, field: field)
        if let found = lock.withLock({ kept[key] }) { return found.text }
        let text = make()
        if DescribedValues.keepable(node, in: node.span.source) { lock.withLock { kept[key] = (node, text) } }
        return text
    }

    /// How many values are kept (for tests).
    var count: Int { lock.withLock { kept.count } }
}
