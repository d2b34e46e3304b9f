import Rendering
import Resolution

extension SiteRoute {
    /// The page of a service as a municipality offers it: its own service's page, else the
    /// model's. One answer for the office page, the charter and the open data's links.
    public static func page(of service: ResolvedService, municipality: String) -> SiteRoute {
        service.adoption == .local ? .localService(municipality: municipality, id: service.id) : .service(service.id)
    }

    /// The page of a procedure as a municipality follows it: its variant's or its own
    /// procedure's page, else the model's.
    public static func page(of procedure: ResolvedProcedure, municipality: String) -> SiteRoute {
        procedure.variant.map { .localProcedure(municipality: municipality, id: $0.id) } ?? .procedure(procedure.id)
    }
}
