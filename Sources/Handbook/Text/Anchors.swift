import Loading
import Model
import Resolution

/// The anchors of a handbook: one per chapter, service, procedure, role, training
/// module, indicator and glossary term, so that cross-references are `#anchor` links.
public enum Anchors {
    public static func chapter(_ id: String) -> String { "chapter-\(id)" }
    public static func service(_ id: String) -> String { "service-\(id)" }
    public static func procedure(_ id: String) -> String { "procedure-\(id)" }
    public static func role(_ id: String) -> String { "role-\(id)" }
    public static func training(_ id: String) -> String { "training-\(id)" }
    public static func indicator(_ id: String) -> String { "indicator-\(id)" }
    public static func term(_ id: String) -> String { "term-\(id)" }
    public static func audience(_ id: String) -> String { "audience-\(id)" }
    public static func channel(_ id: String) -> String { "channel-\(id)" }
    /// The strategy's section in the communication chapter.
    public static let strategy = "communication-strategy"
    /// The prefix of the headings of a Markdown body rendered under `anchor`.
    public static func bodyPrefix(_ anchor: String) -> String { "\(anchor)--" }
}

/// Which documents of the tree a municipality's handbook shows, and where: the map a
/// Markdown link (`../procedures/welcome-and-triage.md#criteris`) is resolved with.
public struct DocumentPlaces: Sendable {
    /// Document path → the anchor of the place that shows it.
    public let anchors: [String: String]
    /// Document path → the heading anchors its body has in this handbook's language.
    public let headings: [String: Set<String>]

    public init(anchors: [String: String], headings: [String: Set<String>]) {
        self.anchors = anchors
        self.headings = headings
    }

    /// The places of one municipality's handbook in one language. With `cache`, the
    /// heading anchors of a body are made once per build for its document, language and
    /// anchor (every handbook of a language has the same for a model document).
    public init(network: Network, view: ResolvedMunicipality, language: String, outline: Outline, cache: BodyCache? = nil) {
        var anchors: [String: String] = [:]
        // The documents whose bodies the handbook shows (not translations), with their anchors.
        var bodies: [(doc: Document?, anchor: String)] = []
        let sources = Set(outline.chapters.map(\.source))
        if sources.contains("catalogue") {
            for service in view.services {
                let a = Anchors.service(service.id)
                anchors[service.document.path] = a
                bodies.append((service.document, a))
            }
        }
        if sources.contains("procedures") {
            for procedure in view.procedures {
                let a = Anchors.procedure(procedure.id)
                if let model = procedure.model { anchors[model.path] = a }
                if let variant = procedure.variant { anchors[variant.path] = a }
                bodies.append((procedure.variant ?? procedure.model, a))
            }
        }
        if sources.contains("staffing") {
            for doc in network.modelDocuments(.role) { anchors[doc.path] = Anchors.role(doc.id) }
            for doc in network.modelDocuments(.trainingModule) { anchors[doc.path] = Anchors.training(doc.id) }
        }
        if sources.contains("indicators") {
            for doc in view.indicators.map(\.document) { anchors[doc.path] = Anchors.indicator(doc.id) }
        }
        if outline.chapters.contains(where: { $0.source == "communication" }), let strategy = network.modelDocuments(.communicationStrategy).first {
            anchors[strategy.path] = Anchors.strategy
            bodies.append((strategy, Anchors.strategy))
        }
        if let chapter = outline.chapters.first(where: { $0.source == "governance" }),
           let doc = network.modelDocument(.handbookChapter, "governance") {
            anchors[doc.path] = Anchors.chapter(chapter.id)
            bodies.append((doc, Anchors.chapter(chapter.id)))
        }
        if let chapter = outline.chapters.first(where: { $0.source == "glossary" }),
           let glossary = network.modelDocuments(.glossary).first {
            anchors[glossary.path] = Anchors.chapter(chapter.id)
        }
        var headings: [String: Set<String>] = [:]
        // Each document is at hand: no search of the tree's documents per handbook (that
        // made the handbooks quadratic in the number of municipalities).
        for case let (original?, anchor) in bodies where !original.path.isEmpty {
            let path = original.path
            let make = { () -> Set<String> in
                let doc = network.body(of: original, in: language).doc
                let prefix = Anchors.bodyPrefix(anchor)
                return Set((doc.markdown?.headings ?? []).map { prefix + $0.anchor })
            }
            headings[path] = cache?.headings(path: path, language: language, anchor: anchor, make: make) ?? make()
        }
        self.init(anchors: anchors, headings: headings)
    }

    /// Where a link written in the document at `from` points in the handbook:
    /// `#anchor` for a document the handbook shows (and a heading of it when that
    /// heading exists in this language), the URL itself for web, mail and phone links,
    /// and nil for anything else (a document the handbook does not contain), which is
    /// then shown as plain text.
    public func resolve(_ destination: String, from: String) -> String? {
        resolve(DocumentPlaces.locate(destination, from: from))
    }

    /// What a link destination names, whatever the handbook: a web, mail or phone
    /// address, a file of the tree with a fragment, or nothing a handbook can show.
    public enum Location: Sendable {
        case url(String)
        case file(path: String, fragment: String)
        case nowhere
    }

    /// The location of a link written in the document at `from` (a pure function of
    /// both, which `BodyCache` keeps for every handbook of a build).
    public static func locate(_ destination: String, from: String) -> Location {
        if let scheme = TreePath.scheme(of: destination) {
            return ["http", "https", "mailto", "tel"].contains(scheme.lowercased()) ? .url(destination) : .nowhere
        }
        let linkTarget = TreePath.target(destination)
        let pathPart = linkTarget.path
        let fragment = linkTarget.fragment ?? ""
        if pathPart.isEmpty { return .file(path: from, fragment: fragment) }
        guard !pathPart.hasPrefix("/"),
              let resolved = TreePath.resolve(pathPart, from: from.split(ascii: "/").dropLast().map(String.init))
        else { return .nowhere }
        return .file(path: resolved, fragment: fragment)
    }

    /// Where a located link points in this handbook (see `resolve(_:from:)`).
    public func resolve(_ location: Location) -> String? {
        let target: String, fragment: String
        switch location {
        case let .url(url): return url
        case .nowhere: return nil
        case let .file(path, f): (target, fragment) = (path, f)
        }
        guard let anchor = anchors[target] else { return nil }
        if !fragment.isEmpty {
            let candidate = Anchors.bodyPrefix(anchor) + fragment
            if headings[target]?.contains(candidate) == true { return "#" + candidate }
        }
        return "#" + anchor
    }


}
