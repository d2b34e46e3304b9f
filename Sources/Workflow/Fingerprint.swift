import Loading
import Model
import Rendering

/// A SHA-256 over exactly the data a chapter shows. Values are added without their
/// positions, so moving a line or reformatting a file changes nothing; mapping keys are
/// taken in sorted order, list items in their order.
struct Fingerprint {
    private var hash = ContentHash()

    mutating func add(_ label: String, _ node: Node?) {
        hash.update(label)
        var text = ""
        Fingerprint.canonical(node, into: &text)
        hash.update(text)
    }

    mutating func add(_ label: String, _ text: String?) {
        hash.update(label)
        hash.update(text.map { "s" + $0 } ?? "-")
    }

    /// A document's fields and body, and those of each of its translations.
    mutating func add(document: Document?, in network: Network) {
        guard let document else { add("document", "none"); return }
        add("document " + document.path, document.root)
        add("body", document.markdown?.body)
        for (language, translation) in (network.translations[document.path] ?? [:]).sorted(by: { $0.key < $1.key }) {
            add("translation " + language, translation.root)
            add("body", translation.markdown?.body)
        }
    }

    var digest: String { hash.hexDigest() }

    static func canonical(_ node: Node?, into out: inout String) {
        guard let node else { out += "~"; return }
        switch node.value {
        case .null: out += "n"
        case let .bool(b): out += b ? "T" : "F"
        case let .int(i): out += "i\(i);"
        case let .double(d): out += "d\(d);"
        case let .string(s): out += "s\(s.utf8.count):" + s
        case let .sequence(items):
            out += "[\(items.count)"
            for item in items { canonical(item, into: &out) }
            out += "]"
        case let .mapping(pairs):
            out += "{\(pairs.count)"
            for pair in pairs.sorted(by: { $0.key.keyText < $1.key.keyText }) {
                out += "k\(pair.key.keyText.utf8.count):" + pair.key.keyText
                canonical(pair.value, into: &out)
            }
            out += "}"
        }
    }
}
