import Model
import Resolution

/// The services × municipalities table: for each service of the model, what each
/// municipality does with it (core, recommended kept, optional adopted, omitted with a
/// reason, optional not adopted) and which fields it overrides; then each municipality's
/// own services, by municipality (a list, not a row per local service with a cell per
/// municipality: that grew with the square of the network, issue 13).
public struct CatalogueComparison: Sendable {
    public struct Cell: Sendable {
        /// `core`, `recommended`, `adopted`, `omitted`, `not-adopted`, `local`, or `none`
        /// (another municipality's own service).
        public var state: String
        public var reason: LocalizedText?
        /// The overridden fields, by their names (`channels`, `commitments[first-appointment].target`).
        public var overridden: [String]
    }

    public struct Row: Sendable {
        public var service: String
        /// The service's status in the model (`core`, `recommended`, `optional`) or `local`.
        public var status: String
        /// The municipality of a local service.
        public var municipality: String?
        public var cells: [Cell]
    }

    /// A municipality's own service.
    public struct LocalService: Sendable {
        public var service: String
        public var municipality: String
    }

    public var municipalities: [String]
    public var rows: [Row]
    /// Every municipality's own services, in the order of `municipalities`, then their own.
    public var localServices: [LocalService]
    /// The indices in `localServices` of each municipality's own services.
    public var localServicesByMunicipality: [String: [Int]]

    static let statusOrder = ["core": 0, "recommended": 1, "optional": 2]

    public init(network: Network, resolved: [ResolvedMunicipality]) {
        let views = resolved.sorted { $0.slug < $1.slug }
        municipalities = views.map(\.slug)
        let services = network.modelDocuments(.service).sorted {
            let a = CatalogueComparison.statusOrder[$0.root?.string(at: "status") ?? ""] ?? 3
            let b = CatalogueComparison.statusOrder[$1.root?.string(at: "status") ?? ""] ?? 3
            return a != b ? a < b : $0.id < $1.id
        }
        rows = services.map { doc in
            Row(service: doc.id, status: doc.root?.string(at: "status") ?? "", municipality: nil, cells: views.map { view in
                if let s = view.services.first(where: { $0.id == doc.id }) {
                    return Cell(state: s.adoption.rawValue, reason: nil, overridden: s.overrides.map(\.fieldName))
                }
                if let o = view.omitted.first(where: { $0.service == doc.id }) {
                    return Cell(state: "omitted", reason: o.reason, overridden: [])
                }
                return Cell(state: "not-adopted", reason: nil, overridden: [])
            })
        }
        let local = views.flatMap { view in
            view.services.filter { $0.adoption == .local }.map { LocalService(service: $0.id, municipality: view.slug) }
        }
        localServices = local
        localServicesByMunicipality = Dictionary(grouping: local.indices) { local[$0].municipality }
    }

    /// The table as text, one row a line: `service (status): cell | cell`, each cell its
    /// state, the overridden fields in brackets and the reason of an omission in the
    /// default language; a local service's row says `local` under its municipality and
    /// `none` under the others.
    public func text(defaultLanguage: String) -> String {
        var lines = ["service | " + municipalities.joined(separator: " | ")]
        let local = localServices.map { s in
            Row(service: s.service, status: "local", municipality: s.municipality, cells: municipalities.map {
                Cell(state: $0 == s.municipality ? "local" : "none", reason: nil, overridden: [])
            })
        }
        for row in rows + local {
            let cells = row.cells.map { cell -> String in
                var s = cell.state
                if !cell.overridden.isEmpty { s += " [" + cell.overridden.joined(separator: ", ") + "]" }
                if let r = cell.reason { s += " (" + r.text(defaultLanguage, fallback: defaultLanguage).text + ")" }
                return s
            }
            lines.append("\(row.service) (\(row.status)): " + cells.joined(separator: " | "))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
