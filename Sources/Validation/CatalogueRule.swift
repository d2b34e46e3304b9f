import Diagnostics
import Loading
import Model
import Resolution

/// What a municipality may do with the catalogue: core services cannot be omitted,
/// recommended ones can with a reason, optional ones are adopted.
struct CatalogueRule: MunicipalRule {
    static let rules = [
        RuleInfo("core-service-omitted", "A core service is omitted."),
        RuleInfo("omission-reason-missing", "An omitted service has no reason."),
        RuleInfo("omitted-not-recommended", "An omitted service is not a recommended service."),
        RuleInfo("adopted-not-optional", "An adopted service is not an optional service."),
        RuleInfo("base-model-version", "An adaptation is based on a version of the model that was never released (none of model/releases.yaml, nor the model's own)."),
        RuleInfo("service-adopted-and-omitted", "An adaptation both adopts and omits a service."),
        RuleInfo("omitted-local-service", "An adaptation omits one of the municipality's own services."),
        RuleInfo("local-service-status", "A municipality's own service has a status of the model (core, recommended, optional)."),
    ]

    func check(_ m: ResolvedMunicipality, _ c: ValidationContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for doc in m.files.services {
            guard let node = doc.root?["status"], let status = node.string, status != ServiceStatus.local.rawValue,
                  ServiceStatus(rawValue: status) != nil else { continue }
            out.append(.error("local-service-status",
                              "local service '\(doc.id)' has status '\(status)', which only services of the model have",
                              at: node.span,
                              help: "set 'status: local'; to make it \(status) for every office, propose it to the model"))
        }
        let adopted = Set((m.files.adaptation?.root?.sequence(at: "adopted") ?? []).compactMap(\.string))
        for o in m.omitted {
            let model = c.network.modelDocument(.service, o.service)
            let statusSpan = model?.root?["status"]?.span
            switch c.network.serviceStatus(o.service) {
            case .core?:
                out.append(.error("core-service-omitted", "core service '\(o.service)' cannot be omitted", at: o.span,
                                  related: statusSpan.map { [RelatedLocation($0, "the service is marked core")] } ?? [],
                                  help: "remove this item, or propose a model change"))
            case .recommended?:
                let blank = o.reason.map { $0.values.values.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } } ?? true
                if blank {
                    out.append(.error("omission-reason-missing",
                                      "recommended service '\(o.service)' is omitted without a reason", at: o.span,
                                      help: "add 'reason:' saying why the municipality does not offer it"))
                }
            case .optional? where !adopted.contains(o.service):  // adopted too: service-adopted-and-omitted
                out.append(.warning("omitted-not-recommended",
                                    "optional service '\(o.service)' needs no omission: optional services are offered only when adopted",
                                    at: o.span, help: "remove this item"))
            default:
                // A local service is the municipality's own: omitting it contradicts its file
                // (the outputs listed it both as offered and as not). Else unknown: ref-unknown.
                if let local = m.files.services.first(where: { $0.id == o.service }) {
                    out.append(.error("omitted-local-service",
                                      "'\(o.service)' is a service of \(m.slug)'s own (\(local.path)): 'omitted' lists services of the model the office does not offer",
                                      at: o.span,
                                      help: "remove this item; to stop offering the local service, remove \(local.path)"))
                }
            }
        }
        for item in m.files.adaptation?.root?.sequence(at: "adopted") ?? [] {
            guard let id = item.string else { continue }
            // Adopted and omitted at once: the two lists contradict each other, whatever the status.
            if let omission = m.omitted.first(where: { $0.service == id }) {
                out.append(.error("service-adopted-and-omitted", "service '\(id)' is both adopted and omitted",
                                  at: item.span, related: [RelatedLocation(omission.span, "omitted")],
                                  help: "keep it in one list: 'adopted' to offer it, 'omitted' (with a reason) not to"))
                continue
            }
            guard let status = c.network.serviceStatus(id), status != .optional else { continue }
            out.append(.warning("adopted-not-optional",
                                "\(status.rawValue) service '\(id)' needs no adoption: every office offers it unless it omits it",
                                at: item.span, help: "only optional services are adopted; remove this item"))
        }
        // A version of the model that was never released: neither the model's own nor one of
        // its release history (an older release is `base-model-outdated`, ReleaseRule). Without
        // a release history, a version newer than the model's.
        if let node = m.files.adaptation?.root?["base_model_version"], let version = node.string, version != c.settings.version {
            let released = c.network.releases.map(\.version)
            let unknown = c.network.modelDocuments(.releaseHistory).isEmpty
                ? !(SemanticVersion(version).flatMap { v in SemanticVersion(c.settings.version).map { v < $0 } } ?? false)
                : !released.contains(version)
            if unknown {
                let list = released.isEmpty ? "" : " (released: \(released.joined(separator: ", ")))"
                out.append(.error("base-model-version",
                                  "the adaptation is based on model version \(version), which was never released; the model is at \(c.settings.version)\(list)",
                                  at: node.span,
                                  help: "set base_model_version to the release the adaptation was written against; for the current model, review what changed, then set \(c.settings.version)"))
            }
        }
        return out
    }
}
