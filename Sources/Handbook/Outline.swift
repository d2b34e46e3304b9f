import Loading
import Model

/// The handbook outline of the model (`model/handbook/outline.yaml`): the chapters in
/// order, each with the source of its content.
public struct Outline: Sendable {
    public struct Chapter: Sendable {
        public var id: String
        public var title: Node?
        /// What the chapter holds: `control`, `office`, `governance`, `catalogue`,
        /// `procedures`, `staffing`, `communication`, `indicators`, `checklist`,
        /// `differences` or `glossary`.
        public var source: String
        public var description: Node?
    }

    public var title: Node?
    public var chapters: [Chapter]

    public init(network: Network) {
        let root = network.modelDocuments(.handbookOutline).first?.root
        title = root?["title"]
        chapters = (root?.sequence(at: "chapters") ?? []).compactMap { item in
            guard let id = item.string(at: "id"), let source = item.string(at: "source") else { return nil }
            return Chapter(id: id, title: item["title"], source: source, description: item["description"])
        }
    }
}
