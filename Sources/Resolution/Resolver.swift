import Diagnostics
import Loading
import Model

/// How a service came into a municipality's catalogue.
public enum Adoption: String, Sendable {
    /// A core service of the model: always offered.
    case core
    /// A recommended service the municipality did not omit.
    case recommended
    /// An optional service the municipality adopted.
    case adopted
    /// The municipality's own service.
    case local
}

public struct ResolvedService: Sendable {
    public var id: String
    public var adoption: Adoption
    /// The model's document, or the local one for a local service.
    public var document: Document
    /// The front matter after the municipality's overrides.
    public var fields: Node
    public var overrides: [FieldOverride]
    /// Overrides that set the model's own value (`Merger.redundant`): not changes.
    public var redundantOverrides: [FieldOverride] = []
    /// Where the municipality adopted it (an optional service), if it did.
    public var adoptedAt: SourceSpan?
}

public struct Omission: Sendable {
    public var service: String
    public var reason: LocalizedText?
    public var span: SourceSpan
}

public struct ResolvedProcedure: Sendable {
    public var id: String
    /// The model procedure.
    public var model: Document?
    /// The municipality's variant that replaces it, if any.
    public var variant: Document?
    public var fields: Node
    public var overrides: [FieldOverride]
    /// Overrides that set the model's own value (`Merger.redundant`): not changes.
    public var redundantOverrides: [FieldOverride] = []
    /// The local owner role named in `procedure_owners`, with where it was named.
    public var localOwner: (role: String, span: SourceSpan)?
}

public struct ResolvedIndicator: Sendable {
    public var id: String
    public var document: Document
    public var fields: Node
    public var overrides: [FieldOverride]
    /// Overrides that set the model's own value (`Merger.redundant`): not changes.
    public var redundantOverrides: [FieldOverride] = []
}

/// A municipality's view: the model plus its local layer. Values keep their spans, so
/// each one says whether it comes from the model or the municipality, and from which line.
public struct ResolvedMunicipality: Sendable {
    public var slug: String
    public var files: MunicipalityFiles
    public var status: OfficeStatus?
    public var openingDate: Day?

    /// Whether the office has not opened yet: a candidate, one with an agreement, or a
    /// planned office (its opening date is when it is to open, not when it did).
    public var opensLater: Bool { status.map { $0 <= .planned } ?? false }
    public var services: [ResolvedService]
    public var omitted: [Omission]
    public var procedures: [ResolvedProcedure]
    public var indicators: [ResolvedIndicator]
    /// Overrides that name a document the municipality's view does not contain.
    public var strayOverrides: [(kind: Kind, id: String, span: SourceSpan)]

    /// Every override, the redundant ones too (`redundantOverrides`), for the rules on them.
    public var allOverrides: [FieldOverride] {
        services.flatMap { $0.overrides + $0.redundantOverrides } + procedures.flatMap { $0.overrides + $0.redundantOverrides }
            + indicators.flatMap { $0.overrides + $0.redundantOverrides }
    }
}

public enum Resolver {
    public static func resolve(_ network: Network, municipality slug: String) -> ResolvedMunicipality? {
        guard let files = network.municipalities[slug] else { return nil }
        let office = files.office?.root
        let adaptation = files.adaptation?.root
        let overrides = adaptation?["overrides"]
        var stray: [(Kind, String, SourceSpan)] = []

        // Services: core always, recommended unless omitted, optional when adopted, local.
        var omitted: [Omission] = []
        for item in adaptation?.sequence(at: "omitted") ?? [] {
            guard let id = item.string(at: "service") else { continue }
            omitted.append(Omission(service: id, reason: network.text(item["reason"]), span: item["service"]!.span))
        }
        let omittedIds = Set(omitted.map(\.service))
        var adopted: [String: SourceSpan] = [:]
        for item in adaptation?.sequence(at: "adopted") ?? [] {
            if let id = item.string { adopted[id] = item.span }
        }
        // Each list reserved at its largest size: grown item by item, it was copied into
        // fresh memory at every doubling (1.4% of `oae check` at 947 municipalities, most
        // of it page faults, issue 13).
        let modelServices = network.modelDocuments(.service)
        var services: [ResolvedService] = []
        services.reserveCapacity(modelServices.count + files.services.count)
        for doc in modelServices {
            let adoption: Adoption
            switch network.serviceStatus(doc.id) {
            case .core?: adoption = .core
            case .recommended? where !omittedIds.contains(doc.id): adoption = .recommended
            case .optional? where adopted[doc.id] != nil: adoption = .adopted
            default: continue
            }
            var merger = Merger(annotations: network.annotations, kind: .service, target: doc.id)
            var fields = doc.root ?? Node(.mapping([]), span: .wholeFile(doc.path))
            if let local = overrides?["services"]?[doc.id] { fields = merger.merge(fields, local) }
            services.append(ResolvedService(id: doc.id, adoption: adoption, document: doc, fields: fields,
                                            overrides: merger.overrides, redundantOverrides: merger.redundant,
                                            adoptedAt: adopted[doc.id]))
        }
        for doc in files.services.sorted(by: { $0.id < $1.id }) {
            services.append(ResolvedService(id: doc.id, adoption: .local, document: doc,
                                            fields: doc.root ?? Node(.mapping([]), span: .wholeFile(doc.path)),
                                            overrides: [], adoptedAt: nil))
        }
        let offered = Set(services.map(\.id))
        for pair in overrides?["services"]?.pairs ?? [] where !offered.contains(pair.key.keyText) {
            stray.append((.service, pair.key.keyText, pair.key.span))
        }

        // Procedures: every model procedure, replaced by a local variant where one exists.
        var variants: [String: Document] = [:]
        for doc in files.procedures {
            if let base = doc.root?.string(at: "variant_of") { variants[base] = doc }
        }
        var owners: [String: (String, SourceSpan)] = [:]
        for pair in adaptation?["procedure_owners"]?.pairs ?? [] {
            if let role = pair.value.string { owners[pair.key.keyText] = (role, pair.value.span) }
        }
        let modelProcedures = network.modelDocuments(.procedure)
        var procedures: [ResolvedProcedure] = []
        procedures.reserveCapacity(modelProcedures.count + files.procedures.count)
        for doc in modelProcedures {
            var merger = Merger(annotations: network.annotations, kind: .procedure, target: doc.id)
            let variant = variants[doc.id]
            var fields = variant?.root ?? doc.root ?? Node(.mapping([]), span: .wholeFile(doc.path))
            if let local = overrides?["procedures"]?[doc.id] { fields = merger.merge(fields, local) }
            procedures.append(ResolvedProcedure(id: doc.id, model: doc, variant: variant, fields: fields,
                                                overrides: merger.overrides, redundantOverrides: merger.redundant,
                                                localOwner: owners[doc.id]))
        }
        for doc in files.procedures.sorted(by: { $0.id < $1.id }) where doc.root?.string(at: "variant_of") == nil {
            procedures.append(ResolvedProcedure(id: doc.id, model: nil, variant: doc,
                                                fields: doc.root ?? Node(.mapping([]), span: .wholeFile(doc.path)),
                                                overrides: [], localOwner: owners[doc.id]))
        }
        let procedureIds = Set(procedures.map(\.id))
        for pair in overrides?["procedures"]?.pairs ?? [] where !procedureIds.contains(pair.key.keyText) {
            stray.append((.procedure, pair.key.keyText, pair.key.span))
        }

        // Indicators: every model indicator, with local targets.
        let modelIndicators = network.modelDocuments(.indicator)
        var indicators: [ResolvedIndicator] = []
        indicators.reserveCapacity(modelIndicators.count)
        for doc in modelIndicators {
            var merger = Merger(annotations: network.annotations, kind: .indicator, target: doc.id)
            var fields = doc.root ?? Node(.mapping([]), span: .wholeFile(doc.path))
            if let local = overrides?["indicators"]?[doc.id] { fields = merger.merge(fields, local) }
            indicators.append(ResolvedIndicator(id: doc.id, document: doc, fields: fields, overrides: merger.overrides,
                                                redundantOverrides: merger.redundant))
        }
        let indicatorIds = Set(indicators.map(\.id))
        for pair in overrides?["indicators"]?.pairs ?? [] where !indicatorIds.contains(pair.key.keyText) {
            stray.append((.indicator, pair.key.keyText, pair.key.span))
        }

        return ResolvedMunicipality(
            slug: slug, files: files,
            status: office?.string(at: "status").flatMap(OfficeStatus.init(rawValue:)),
            openingDate: office?.string(at: "opening_date").flatMap(Day.init),
            services: services, omitted: omitted, procedures: procedures, indicators: indicators,
            strayOverrides: stray)
    }
}

extension ResolvedMunicipality {
    /// The view with `documents` (by path) in place of the documents of the same paths,
    /// and the municipality's folder as `files` now has it. Exactly the view `Resolver`
    /// makes when those documents changed only in their Markdown bodies: the front
    /// matter, from which every field is resolved, is the same.
    public func replacing(_ documents: [String: Document], files: MunicipalityFiles) -> ResolvedMunicipality {
        var view = self
        view.files = files
        for i in view.services.indices {
            if let doc = documents[view.services[i].document.path] { view.services[i].document = doc }
        }
        for i in view.procedures.indices {
            if let path = view.procedures[i].model?.path, let doc = documents[path] { view.procedures[i].model = doc }
            if let path = view.procedures[i].variant?.path, let doc = documents[path] { view.procedures[i].variant = doc }
        }
        for i in view.indicators.indices {
            if let doc = documents[view.indicators[i].document.path] { view.indicators[i].document = doc }
        }
        return view
    }
}
