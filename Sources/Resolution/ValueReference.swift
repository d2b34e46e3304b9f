import Foundation
import Loading
import Model

/// A reference from model Markdown prose to an adaptable value, written
/// `{{value service/welcome-and-orientation/commitments/first-appointment/target}}`:
/// the kind (`service`, `procedure` or `indicator`), the document's id, then the path to
/// the value, where a segment after a keyed list (`commitments`, `steps`) is the id of
/// an item. Each handbook shows the municipality's own value (after its overrides); the
/// site's model pages show the model's.
public struct ValueReference: Sendable, Equatable {
    public var kind: Kind
    public var id: String
    public var path: [String]
    /// The reference as written, without the braces (`service/welcome-and-orientation/…`).
    public var text: String

    /// The kinds whose values prose may refer to (those a municipality adapts).
    public static let kinds: Set<Kind> = [.service, .procedure, .indicator]

    static let regex = try! NSRegularExpression(pattern: #"\{\{value ([a-z0-9-]+(?:/[a-z0-9_-]+)+)\}\}"#)

    /// The references in a text, with their ranges, in order.
    public static func find(in text: String) -> [(range: Range<String.Index>, reference: ValueReference)] {
        // Most texts have none: a byte search says so without the regular expression.
        guard text.utf8Contains("{{value ") else { return [] }
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).compactMap { match in
            guard let range = Range(match.range, in: text), let inner = Range(match.range(at: 1), in: text) else { return nil }
            let parts = text[inner].split(ascii: "/").map(String.init)
            guard parts.count >= 3 else { return nil }
            return (range, ValueReference(kind: Kind(parts[0]), id: parts[1], path: Array(parts.dropFirst(2)),
                                          text: String(text[inner])))
        }
    }

    /// The value at `path` in `root` and the mapping that holds it (for a sibling
    /// `unit`), or nil when the path leads nowhere or to a list or mapping (not one value).
    public func value(in root: Node) -> (value: Node, parent: Node?)? {
        guard let (node, parent) = node(in: root) else { return nil }
        return node.pairs == nil && node.sequence == nil ? (node, parent) : nil
    }

    /// The node at `path` in `root`, one value or not, and the node that holds it; nil
    /// when the path leads nowhere.
    public func node(in root: Node) -> (node: Node, parent: Node?)? {
        var node = root
        var parent: Node?
        var i = 0
        while i < path.count {
            let key = path[i]
            if let items = node.sequence {
                guard let item = items.first(where: { $0.string(at: "id") == key }) else { return nil }
                parent = node
                node = item
            } else {
                guard let next = node[key] else { return nil }
                parent = node
                node = next
            }
            i += 1
        }
        return (node, parent)
    }

    /// Where a text holds `{{` that does not start a reference as `find(in:)` reads them
    /// (`{{valeu …}}`, `{{ value … }}`, `{{value}}`, a reference left unclosed), outside
    /// code spans: the range from the braces to the closing ones, or to the line's end.
    /// Prose has no other use for double braces, and such text would be printed as it is.
    public static func malformed(in line: String) -> [Range<String.Index>] {
        guard line.utf8Contains("{{") else { return [] }
        let good = find(in: line).map(\.range)
        var out: [Range<String.Index>] = []
        var inCode = false
        var i = line.startIndex
        while i < line.endIndex {
            let c = line[i]
            if c == "`" { inCode.toggle(); i = line.index(after: i); continue }
            if !inCode, c == "{", line[i...].hasPrefix("{{") {
                if let range = good.first(where: { $0.lowerBound == i }) { i = range.upperBound; continue }
                let close = line[i...].range(of: "}}")?.upperBound ?? line.endIndex
                out.append(i..<close)
                i = close
                continue
            }
            i = line.index(after: i)
        }
        return out
    }

    /// The fields of the referenced document in a municipality's view (after its overrides).
    public func fields(in m: ResolvedMunicipality) -> Node? {
        switch kind {
        case .service: return m.services.first { $0.id == id }?.fields
        case .procedure: return m.procedures.first { $0.id == id }?.fields
        case .indicator: return m.indicators.first { $0.id == id }?.fields
        default: return nil
        }
    }

    /// Replaces every reference of `html` by `replacement(reference)`, keeping the
    /// reference as written when it gives nil.
    public static func substitute(_ html: String, _ replacement: (ValueReference) -> String?) -> String {
        substitute(html, places(in: html), replacement)
    }

    /// A reference found in a text, where it is given as UTF-8 offsets (`start..<end`,
    /// the braces included), so that a text shown in many handbooks is searched once
    /// (`places(in:)`) and its references replaced in each (`substitute(_:_:_:)`).
    public struct Place: Sendable, Equatable {
        public var start: Int
        public var end: Int
        public var reference: ValueReference
    }

    /// The references in a text, in order, as `find(in:)` gives them, by UTF-8 offsets.
    public static func places(in text: String) -> [Place] {
        let utf8 = text.utf8
        return find(in: text).map { range, reference in
            Place(start: utf8.distance(from: utf8.startIndex, to: range.lowerBound),
                  end: utf8.distance(from: utf8.startIndex, to: range.upperBound), reference: reference)
        }
    }

    /// Replaces the references of `html` found at `places` (`places(in: html)`) by
    /// `replacement(reference)`, keeping the reference as written when it gives nil.
    public static func substitute(_ html: String, _ places: [Place], _ replacement: (ValueReference) -> String?) -> String {
        guard !places.isEmpty else { return html }
        let utf8 = html.utf8
        var out = ""
        var last = utf8.startIndex
        for place in places {
            let start = utf8.index(utf8.startIndex, offsetBy: place.start)
            let end = utf8.index(utf8.startIndex, offsetBy: place.end)
            out += html[last..<start]
            out += replacement(place.reference) ?? String(html[start..<end])
            last = end
        }
        return out + html[last...]
    }
}
