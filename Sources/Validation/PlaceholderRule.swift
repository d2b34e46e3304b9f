import Foundation
import Diagnostics
import Loading
import Model
import Resolution

/// An office that serves the public (pilot or open) has no text left that
/// `oae new municipality` marked as a placeholder, and its handbook holds no service or
/// procedure with a text `oae new service` or `oae new procedure` wrote as being drafted.
struct PlaceholderRule: MunicipalRule {
    static let rules = [
        RuleInfo("placeholder-text", "A placeholder text of 'oae new' is left in an office that serves the public, or in a service or procedure of its handbook."),
    ]

    /// The rule reads municipalities' own documents (and their offices' status), the
    /// services and procedures their handbooks hold, and the drafting texts of the
    /// interface strings: a change elsewhere keeps its diagnostics.
    func keeps(_ delta: ValidationContext.Delta) -> Bool {
        (delta.municipalities.isEmpty && !delta.shared && !delta.changed.contains { $0.hasPrefix("templates/strings/") })
            || (delta.bodiesOnly && !Self.readsMarkdownBodies)
    }

    /// The keys of `templates/strings/<lang>.yaml` whose texts `oae new service` and
    /// `oae new procedure` write for the writer to replace (Workflow's `DocumentScaffold`):
    /// "Servei en redacció", "Per definir: …".
    static let draftKeys = ["service_name", "service_summary", "service_output", "procedure_title", "procedure_purpose",
                            "procedure_trigger", "procedure_escalation", "step_action", "step_output"].map { "scaffold." + $0 }
    /// The key of the text `oae new` writes in each section of the body ("Per definir: el
    /// text d'aquesta secció."), a paragraph of its own.
    static let sectionKey = "scaffold.section"

    /// The rule reads the bodies for the sections still being drafted.
    static var readsMarkdownBodies: Bool { true }

    /// The texts of a service or procedure still as `oae new` wrote them, once each, in a
    /// document that some office serving the public has in its handbook.
    func checkShared(_ c: ValidationContext) -> [Diagnostic] {
        var drafts = Set<String>()
        var sectionDrafts: [String] = []
        for (key, file) in c.network.tree.uiStrings where key.hasPrefix("strings/") {
            for draft in Self.draftKeys { if let text = file.node.string(at: draft) { drafts.insert(text) } }
            if let text = file.node.string(at: Self.sectionKey), !text.isEmpty { sectionDrafts.append(text) }
        }
        guard !drafts.isEmpty || !sectionDrafts.isEmpty else { return [] }
        let languages = Set(c.network.settings.languages)
        // The documents that still hold a draft text (usually none), looked for before
        // which handbooks hold each document: the fields of the front matter, then the
        // sections of the body.
        let documents = c.network.modelDocuments(.service) + c.network.modelDocuments(.procedure)
            + c.network.municipalitySlugs.flatMap { c.network.municipalities[$0].map { $0.services + $0.procedures } ?? [] }
        // Every string of 28,000 documents at 947 municipalities, on one core after the
        // other rules had finished (45 ms, issue 13): on every core, and a string is
        // looked up in `drafts` only when some draft text has its length in bytes (both
        // are NFC, as the loader makes every string, so equal texts have equal lengths).
        let isDraft = DraftTexts(drafts)
        let sectionTexts = sectionDrafts, sectionSet = Set(sectionDrafts)
        let found = parallelMap(Array(documents.indices)) { i -> (doc: Document, at: SourceSpan, fields: [String], sections: [String])? in
            let doc = documents[i]
            var at: SourceSpan?
            var fields: [String] = []
            var sections: [String] = []
            if let root = doc.root {
                PlaceholderRule.strings(in: root, matching: isDraft.contains) { if at == nil { at = $0.span } }
                if at != nil { fields = Self.fields(in: root, matching: isDraft.contains, languages: languages) }
            }
            if let md = doc.markdown, sectionTexts.contains(where: { md.body.utf8Contains($0) }) {
                let drafted = Self.draftSections(md, path: doc.path, drafts: sectionSet)
                at = at ?? drafted.first?.at
                sections = drafted.map(\.heading)
            }
            return at.map { (doc, $0, fields, sections) }
        }.compactMap { $0 }
        guard !found.isEmpty else { return [] }
        var offices: [String: [ResolvedMunicipality]] = [:]
        for m in c.resolved {
            guard let status = m.status, status >= .pilot else { continue }
            for path in Set(m.services.map(\.document.path) + m.procedures.compactMap { ($0.variant ?? $0.model)?.path }) {
                offices[path, default: []].append(m)
            }
        }
        var out: [Diagnostic] = []
        for (doc, at, fields, sections) in found {
            guard let serving = offices[doc.path], let first = serving.first else { continue }
            let kind = doc.kind == .procedure ? "procedure" : "service"
            let whose = serving.count == 1
                ? "the handbook of \(first.slug), an office at status '\(first.status?.rawValue ?? "")'"
                : "the handbooks of \(serving.count) offices that serve the public (\(serving.map(\.slug).joined(separator: ", ")))"
            // One error per document, at its first drafted text, naming every field still
            // drafted (a new procedure gave 24 errors at once, one per text and language).
            out.append(.error("placeholder-text",
                              "placeholder text left by 'oae new \(kind)' in \(Self.places(fields: fields, sections: sections)), and the \(kind) is in \(whose)",
                              at: at, related: [RelatedLocation(first.statusSpan, "the status of \(first.slug)'s office")],
                              help: doc.kind == .procedure && doc.municipality == nil
                                  ? "write the real text in place of each, in every language: a model procedure is in the handbook of every office that does not replace it with a variant of its own"
                                  : "write the real text in place of each, in every language; until then keep the \(kind) out of the handbooks of offices that serve the public"))
        }
        return out
    }

    /// The draft texts of the interface strings, looked up by length first: nearly every
    /// string of the tree has a length no draft text has, and is not hashed.
    struct DraftTexts: Sendable {
        let texts: Set<String>
        /// `lengths[n]` when some draft text is `n` bytes long.
        let lengths: [Bool]

        init(_ texts: Set<String>) {
            self.texts = texts
            var lengths = [Bool](repeating: false, count: (texts.map(\.utf8.count).max() ?? 0) + 1)
            for t in texts { lengths[t.utf8.count] = true }
            self.lengths = lengths
        }

        func contains(_ text: String) -> Bool {
            let n = text.utf8.count
            return n < lengths.count && lengths[n] && texts.contains(text)
        }
    }

    /// The sections of a body that still hold a paragraph that is one of `drafts`, each
    /// once, by its heading, with the place of that paragraph (a paragraph before any
    /// heading is under the heading "").
    static func draftSections(_ md: MarkdownDocument, path: String, drafts: Set<String>) -> [(heading: String, at: SourceSpan)] {
        var sections: [(heading: String, at: SourceSpan)] = []
        var lineNumber = md.bodyLineOffset
        for line in md.body.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let text = line.trimmingCharacters(in: .whitespaces)
            guard drafts.contains(text) else { continue }
            var heading = ""
            for h in md.headings where h.span.start.line <= lineNumber { heading = h.text }
            if !sections.contains(where: { $0.heading == heading }) {
                sections.append((heading, SourceSpan(file: path, line: lineNumber, column: line.count - line.drop { $0 == " " }.count + 1)))
            }
        }
        return sections
    }

    /// Where the drafted texts are: `1 field (title)`, `2 fields (title, steps[s1].action)
    /// and 1 section (Context)`.
    static func places(fields: [String], sections: [String] = []) -> String {
        func part(_ names: [String], _ one: String, _ many: String) -> String? {
            names.isEmpty ? nil : "\(names.count) \(names.count == 1 ? one : many) (\(names.joined(separator: ", ")))"
        }
        let parts = [part(fields, "field", "fields"), part(sections, "section", "sections")].compactMap { $0 }
        return parts.isEmpty ? "its texts" : parts.joined(separator: " and ")
    }

    /// The fields of `node` with a string that `matching` accepts, once each, in document
    /// order: `title`, `steps[s1].action` (an item by its `id`, else its position from 0, as every rule numbers list items).
    /// A key that is one of `languages` is not part of the field: the field is the text.
    static func fields(in node: Node, matching: (String) -> Bool, languages: Set<String>) -> [String] {
        var found: [String] = []
        func walk(_ node: Node, _ path: String) {
            switch node.value {
            case let .string(text):
                if matching(text), !found.contains(path) { found.append(path) }
            case let .sequence(items):
                for (i, item) in items.enumerated() { walk(item, path + "[\(item.string(at: "id") ?? String(i))]") }
            case let .mapping(pairs):
                for pair in pairs {
                    let key = pair.key.keyText
                    walk(pair.value, languages.contains(key) ? path : path.isEmpty ? key : path + "." + key)
                }
            default:
                break
            }
        }
        walk(node, "")
        return found
    }

    func check(_ m: ResolvedMunicipality, _ c: ValidationContext) -> [Diagnostic] {
        guard let status = m.status, status >= .pilot else { return [] }
        var out: [Diagnostic] = []
        let languages = Set(c.network.settings.languages)
        for doc in m.files.all {
            guard let root = doc.root, doc.mayHoldPlaceholder else { continue }
            var first: Node?
            PlaceholderRule.strings(in: root) { node in if first == nil { first = node } }
            guard let first else { continue }
            // One error per file, at its first placeholder, naming every field that holds one.
            let fields = Self.fields(in: root, matching: Placeholder.isIn, languages: languages)
            out.append(.error("placeholder-text",
                              "placeholder text left by 'oae new municipality' in \(Self.places(fields: fields)), and the office is \(status.rawValue)",
                              at: first.span, related: [RelatedLocation(m.statusSpan, "the office's status")],
                              help: "write the real text in place of each, without '\(Placeholder.marker)'"))
        }
        return out
    }

    /// Calls `found` with every string of `node` that holds the placeholder, in document
    /// order (depth first, values of a mapping in order), without copying the nodes.
    static func strings(in node: Node, matching: (String) -> Bool = Placeholder.isIn, _ found: (Node) -> Void) {
        switch node.value {
        case let .string(text):
            if matching(text) { found(node) }
        case let .sequence(items):
            for i in items.indices { strings(in: items[i], matching: matching, found) }
        case let .mapping(pairs):
            for i in pairs.indices { strings(in: pairs[i].value, matching: matching, found) }
        default:
            break
        }
    }
}
