import Foundation
import Loading
import Model
import Rendering
import Resolution

/// Renders the Markdown bodies of the tree for a page: in the page's language when a
/// translation exists (else in the default language, marked), with every link to a file
/// of the tree rewritten to the page that shows it, relative to the page.
struct MarkdownBodies: Sendable {
    let network: Network
    /// The documents of the tree (not translations) by path, made when a link first asks
    /// (`oae serve` makes the site's context on every save, and renders a page or two).
    private let index: DocumentsByPath

    init(network: Network) {
        self.network = network
        index = DocumentsByPath(network)
    }
    /// Heading anchors get this prefix so that they never clash with the page's own ids.
    static let anchorPrefix = "text-"

    /// The body of `document` in `language`, as HTML, from the page at `pagePath`.
    func render(_ document: Document, in language: SiteLanguage, pagePath: String, headingShift: Int = 0) -> String {
        let (shown, fallback) = version(of: document, language.code)
        guard let markdown = shown.markdown else { return "" }
        let folder = document.path.split(ascii: "/").dropLast().map(String.init)
        let lang = language.code
        // Footnotes are prefixed per document, as a page may show several bodies.
        let renderer = MarkdownHTML(headingShift: headingShift, anchorPrefix: MarkdownBodies.anchorPrefix,
                                    footnotePrefix: "\(MarkdownBodies.anchorPrefix)\(document.kind.rawValue)-\(document.id)-",
                                    footnoteBackLabel: language["footnote.back"]) { [self] destination in
            link(destination, from: folder, language: lang, pagePath: pagePath)
        }
        // Model prose that names an adaptable value (`{{value …}}`) shows the model's value.
        let html = ValueReference.substitute(renderer.render(markdown.body)) { reference in
            guard ValueReference.kinds.contains(reference.kind), let root = network.modelDocument(reference.kind, reference.id)?.root,
                  let (value, parent) = reference.value(in: root) else { return nil }
            let text: String
            if reference.path.last == "time_limit" || reference.path.last == "duration", let d = value.string {
                text = language.duration(d)
            } else if let n = value.number {
                text = language.formatter.measure(n, unit: parent?.string(at: "unit"))
            } else {
                text = value.string ?? ""
            }
            return "<span class=\"adaptable-value\">\(HTML.escape(text))</span>"
        }
        return fallback ? language.fallbackBlock(html, language: network.settings.defaultLanguage) : html
    }

    /// The document shown in `language`: its translation, or itself (a fallback when the
    /// language is not the default one).
    func version(of document: Document, _ language: String) -> (Document, Bool) {
        network.body(of: document, in: language)
    }

    /// The href a Markdown link should have on the page, or nil to keep it as written
    /// (web, mail and phone links).
    func link(_ destination: String, from folder: [String], language: String, pagePath: String) -> String? {
        if TreePath.scheme(of: destination) != nil { return nil }
        let linkTarget = TreePath.target(destination)
        let pathPart = linkTarget.path
        let anchor = linkTarget.fragment
        if pathPart.isEmpty {
            guard let anchor, !anchor.isEmpty else { return "#" }
            return "#" + MarkdownBodies.anchorPrefix + anchor
        }
        guard !pathPart.hasPrefix("/"), let treePath = TreePath.resolve(pathPart, from: folder) else {
            // `oae check` refuses links that leave the tree; if one gets here, it goes nowhere.
            return "#"
        }
        let route = MarkdownBodies.route(forTreePath: treePath)
        var fragment: String?
        if let anchor, !anchor.isEmpty, let target = document(atTreePath: treePath) {
            let (shown, _) = version(of: target, language)
            if shown.markdown?.headings.contains(where: { $0.anchor == anchor }) == true {
                fragment = MarkdownBodies.anchorPrefix + anchor
            }
        }
        return SitePath.relative(from: pagePath, to: route, language: language, fragment: fragment)
    }

    func document(atTreePath path: String) -> Document? {
        index.byPath[path]
    }

    /// The page that shows a file of the tree.
    static func route(forTreePath path: String) -> SiteRoute {
        let parts = path.split(ascii: "/").map(String.init)
        guard let name = parts.last else { return .modelIndex }
        var id = String(name.split(ascii: ".").first ?? "")
        if id.isEmpty { id = name }
        switch parts.first {
        case "model" where parts.count == 3:
            switch parts[1] {
            case "services": return .service(id)
            case "procedures": return .procedure(id)
            case "roles": return .role(id)
            case "training": return .training(id)
            case "indicators": return .indicator(id)
            case "communication": return .communication
            default: return .modelIndex
            }
        case "seeds" where parts.count == 2:
            return .home
        case "seeds" where parts.count == 3:
            return .office(parts[1])
        case "seeds" where parts.count == 4:
            switch parts[2] {
            case "services": return .localService(municipality: parts[1], id: id)
            case "procedures": return .localProcedure(municipality: parts[1], id: id)
            default: return .office(parts[1])
            }
        default:
            return .modelIndex
        }
    }


}

/// The documents of a network (not translations) by path, made on first use.
final class DocumentsByPath: @unchecked Sendable {
    private let network: Network
    private let lock = NSLock()
    private var made: [String: Document]?

    init(_ network: Network) { self.network = network }

    var byPath: [String: Document] {
        lock.withLock {
            if let made { return made }
            var byPath: [String: Document] = [:]
            let documents = network.tree.documents
            // By index: binding each document would copy it.
            for i in documents.indices where documents[i].language == nil { byPath[documents[i].path] = documents[i] }
            made = byPath
            return byPath
        }
    }
}
