import Diagnostics
import Loading
import Model
import Resolution

/// What a municipality changed from the model, item by item, from its resolved view:
/// the services it omitted (with reasons) and adopted, every overridden value with the
/// model's value beside the local one, its own services, its procedure variants (with
/// the steps whose time limits differ), the local owners of procedures and the local
/// targets of indicators.
public struct ModelDiff: Sendable {
    public struct Omitted: Sendable {
        public var service: String
        public var name: LocalizedText?
        public var reason: LocalizedText?
        public var at: SourceSpan
    }

    public struct Adopted: Sendable {
        public var service: String
        public var name: LocalizedText?
        public var at: SourceSpan?
    }

    public struct Change: Sendable {
        public var kind: Kind
        public var target: String
        public var field: String
        public var model: Node?
        public var local: Node?
        public var removed: Bool
        public var at: SourceSpan
        public var modelAt: SourceSpan?
        /// The name of the service, procedure or indicator changed (the model's), for people.
        public var name: LocalizedText? = nil
        /// The unit of a commitment's target (`days`, `hours`, `percent`: its item's `unit`),
        /// for the text to write the values with it ("5 dies → 3 dies").
        public var unit: String? = nil
    }

    public struct LocalDocument: Sendable {
        public var id: String
        public var name: LocalizedText?
        public var file: String
    }

    public struct StepChange: Sendable {
        public var step: String
        /// The model's and the variant's time limits; nil where the step has none (or
        /// does not exist on that side).
        public var model: String?
        public var local: String?
        public var inModel: Bool
        public var inVariant: Bool
    }

    public struct Variant: Sendable {
        public var id: String
        public var replaces: String
        public var title: LocalizedText?
        public var file: String
        public var steps: [StepChange]
    }

    public struct Owner: Sendable {
        public var procedure: String
        public var role: String
        public var modelRole: String?
        public var at: SourceSpan
    }

    public var municipality: String
    public var modelId: String
    public var modelVersion: String
    public var baseModelVersion: String?
    public var omitted: [Omitted] = []
    public var adopted: [Adopted] = []
    /// Overrides of services and procedures.
    public var overrides: [Change] = []
    public var localServices: [LocalDocument] = []
    public var variants: [Variant] = []
    /// Local procedures that replace no model procedure.
    public var localProcedures: [LocalDocument] = []
    public var owners: [Owner] = []
    /// Overrides of indicators.
    public var indicatorTargets: [Change] = []

    public init(network: Network, resolved m: ResolvedMunicipality) {
        municipality = m.slug
        modelId = network.settings.id
        modelVersion = network.settings.version
        baseModelVersion = m.files.adaptation?.root?.string(at: "base_model_version")
        let name = { (kind: Kind, id: String, field: String) -> LocalizedText? in
            network.text(network.modelDocument(kind, id)?.root?[field])
        }
        omitted = m.omitted.map { Omitted(service: $0.service, name: name(.service, $0.service, "name"), reason: $0.reason, at: $0.span) }
        adopted = m.services.filter { $0.adoption == .adopted }
            .map { Adopted(service: $0.id, name: network.text($0.fields["name"]), at: $0.adoptedAt) }
        let change = { (o: FieldOverride) -> Change in
            Change(kind: o.kind, target: o.target, field: o.fieldName, model: o.modelValue, local: o.removes ? nil : o.localValue,
                   removed: o.removes, at: o.localValue.span, modelAt: o.modelValue?.span,
                   name: name(o.kind, o.target, o.kind == .procedure ? "title" : "name"),
                   unit: o.path.last.flatMap { if case .key("target") = $0 { o.parent?.string(at: "unit") } else { nil } })
        }
        overrides = (m.services.flatMap(\.overrides) + m.procedures.flatMap(\.overrides)).map(change)
        indicatorTargets = m.indicators.flatMap(\.overrides).map(change)
        localServices = m.services.filter { $0.adoption == .local }
            .map { LocalDocument(id: $0.id, name: network.text($0.fields["name"]), file: $0.document.path) }
        for p in m.procedures {
            guard let variant = p.variant else { continue }
            if let model = p.model {
                variants.append(Variant(id: variant.id, replaces: model.id, title: network.text(variant.root?["title"]),
                                        file: variant.path, steps: ModelDiff.stepChanges(model.root, variant.root)))
            } else {
                localProcedures.append(LocalDocument(id: variant.id, name: network.text(variant.root?["title"]), file: variant.path))
            }
        }
        owners = m.procedures.compactMap { p in
            guard let owner = p.localOwner else { return nil }
            return Owner(procedure: p.id, role: owner.role, modelRole: p.model?.root?.string(at: "owner_role"), at: owner.span)
        }.sorted { $0.procedure < $1.procedure }
    }

    /// Steps whose time limit differs between the model procedure and its variant,
    /// and steps only one of them has, in the model's order then the variant's.
    static func stepChanges(_ model: Node?, _ variant: Node?) -> [StepChange] {
        let modelSteps = model?.sequence(at: "steps") ?? []
        let variantSteps = variant?.sequence(at: "steps") ?? []
        let limit = { (step: Node?) in step?.string(at: "time_limit") }
        var out: [StepChange] = []
        for step in modelSteps {
            guard let id = step["id"]?.keyText else { continue }
            let other = variantSteps.first { $0["id"]?.keyText == id }
            let a = limit(step), b = limit(other)
            let same = a == b || (a.flatMap(ISODuration.init) != nil && a.flatMap(ISODuration.init) == b.flatMap(ISODuration.init))
            if other == nil || !same {
                out.append(StepChange(step: id, model: a, local: b, inModel: true, inVariant: other != nil))
            }
        }
        for step in variantSteps {
            guard let id = step["id"]?.keyText, !modelSteps.contains(where: { $0["id"]?.keyText == id }) else { continue }
            out.append(StepChange(step: id, model: nil, local: limit(step), inModel: false, inVariant: true))
        }
        return out
    }

    /// True when the municipality uses the model exactly as it is.
    public var isEmpty: Bool {
        omitted.isEmpty && adopted.isEmpty && overrides.isEmpty && localServices.isEmpty && variants.isEmpty
            && localProcedures.isEmpty && owners.isEmpty && indicatorTargets.isEmpty
    }
}
