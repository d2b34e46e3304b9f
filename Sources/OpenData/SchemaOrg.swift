import JSON
import Loading
import Model
import Resolution

/// schema.org descriptions of the offices (`GovernmentOffice`, with address, position and
/// opening hours) and of their services (`GovernmentService`), for search engines and
/// other readers of the pages, in one language each.
struct SchemaOrg: Sendable {
    let vocabulary: Vocabulary
    let resolved: [String: ResolvedMunicipality]
    /// The municipalities that offer each service, by service id, in slug order, with their
    /// office's name: made once, since every model service's page asks for its providers
    /// (42 pages × 3 languages walked and copied all 947 municipalities at 947).
    let providers: [String: [Provider]]

    /// A municipality that offers a service: its slug, its office's name, its own name.
    struct Provider: Sendable {
        var slug: String
        var name: Node?
        var city: String
    }

    init(vocabulary: Vocabulary, resolved: [String: ResolvedMunicipality]) {
        self.vocabulary = vocabulary
        self.resolved = resolved
        var providers: [String: [Provider]] = [:]
        for slug in resolved.keys.sorted() {
            guard let r = resolved[slug] else { continue }
            let office = r.files.office?.root
            let provider = Provider(slug: slug, name: office?["name"], city: office?["municipality"]?.string(at: "name") ?? slug)
            for id in Set(r.services.map(\.id)) { providers[id, default: []].append(provider) }
        }
        self.providers = providers
    }

    static let days = ["mo": "Monday", "tu": "Tuesday", "we": "Wednesday", "th": "Thursday", "fr": "Friday",
                       "sa": "Saturday", "su": "Sunday"]

    func officeID(_ m: String) -> String { vocabulary.id("\(m)/office") }

    /// The office of a municipality.
    func office(_ m: String, language: String, context: Bool = true) -> JSONValue? {
        guard let r = resolved[m], let office = r.files.office?.root else { return nil }
        let v = vocabulary
        let name = office["municipality"]?.string(at: "name") ?? m
        let address = office["address"]
        // The hours hold from the opening day (`validFrom`): an office still to open was
        // published with hours and nothing to say they were not yet kept (session 38's trial).
        let opening = office.string(at: "opening_date")
        let hours: [JSONValue] = (office.sequence(at: "opening_hours") ?? []).map { h in
            var pairs: [(String, JSONValue)] = [
                ("@type", .string("OpeningHoursSpecification")),
                ("dayOfWeek", .array((h.sequence(at: "days") ?? []).compactMap(\.string).compactMap { SchemaOrg.days[$0] }
                    .map { .string("https://schema.org/\($0)") })),
                ("opens", .string(h.string(at: "opens") ?? "")),
                ("closes", .string(h.string(at: "closes") ?? "")),
            ]
            if let opening { pairs.append(("validFrom", .string(opening))) }
            return .object(pairs)
        }
        var pairs: [(String, JSONValue)] = []
        if context { pairs.append(("@context", .string("https://schema.org"))) }
        pairs += [
            ("@type", .string("GovernmentOffice")),
            ("@id", .string(officeID(m))),
            ("name", .string(v.text(office["name"], language) ?? name)),
        ]
        if let d = v.text(office["description"], language) { pairs.append(("description", .string(d))) }
        if let web = office["channels"]?.string(at: "web") { pairs.append(("url", .string(web))) }
        if let phone = office["channels"]?.string(at: "phone") { pairs.append(("telephone", .string(phone))) }
        if let email = office["channels"]?.string(at: "email") { pairs.append(("email", .string(email))) }
        var postal: [(String, JSONValue)] = [("@type", .string("PostalAddress"))]
        if let street = address?.string(at: "street") { postal.append(("streetAddress", .string(street))) }
        if let code = address?.string(at: "postal_code") { postal.append(("postalCode", .string(code))) }
        postal.append(("addressLocality", .string(address?.string(at: "locality") ?? name)))
        postal.append(("addressCountry", .string("ES")))
        pairs.append(("address", .object(postal)))
        if let lat = office["coordinates"]?["lat"]?.number, let lon = office["coordinates"]?["lon"]?.number {
            pairs.append(("geo", .object([("@type", .string("GeoCoordinates")), ("latitude", .double(lat)), ("longitude", .double(lon))])))
        }
        if !hours.isEmpty { pairs.append(("openingHoursSpecification", .array(hours))) }
        pairs.append(("areaServed", city(m)))
        if let ine = office["municipality"]?.string(at: "ine_code") {
            pairs.append(("identifier", .object([("@type", .string("PropertyValue")), ("propertyID", .string("INE")),
                                                 ("value", .string(ine))])))
        }
        return .object(pairs)
    }

    func city(_ m: String) -> JSONValue {
        let name = resolved[m]?.files.office?.root?["municipality"]?.string(at: "name") ?? m
        return .object([("@type", .string("City")), ("name", .string(name))])
    }

    /// A service: a municipality's (its own, or a model service as it offers it), or a
    /// model service with every office that offers it (`municipality` nil).
    func service(_ municipality: String?, _ id: String, language: String) -> JSONValue? {
        let v = vocabulary
        let providers: [Provider]
        let fields: Node?
        let serviceID: String
        if let municipality {
            guard let r = resolved[municipality], let s = r.services.first(where: { $0.id == id }) else { return nil }
            let office = r.files.office?.root
            providers = [Provider(slug: r.slug, name: office?["name"], city: office?["municipality"]?.string(at: "name") ?? r.slug)]
            fields = s.fields
            serviceID = v.id("\(municipality)/service/\(id)")
        } else {
            guard let doc = v.network.modelDocument(.service, id) else { return nil }
            providers = self.providers[id] ?? []
            fields = doc.root
            serviceID = v.id("model/service/\(id)")
        }
        var pairs: [(String, JSONValue)] = [
            ("@context", .string("https://schema.org")),
            ("@type", .string("GovernmentService")),
            ("@id", .string(serviceID)),
            ("name", .string(v.text(fields?["name"], language) ?? id)),
        ]
        if let d = v.text(fields?["summary"], language) { pairs.append(("description", .string(d))) }
        if let a = fields?.string(at: "area"),
           let area = v.network.model[.model]?.values.first?.root?.sequence(at: "areas")?.first(where: { $0.string(at: "id") == a }),
           let label = v.text(area["name"], language) {
            pairs.append(("serviceType", .string(label)))
        }
        pairs.append(("provider", .array(providers.map { r in
            .object([("@type", .string("GovernmentOffice")), ("@id", .string(officeID(r.slug))),
                     ("name", .string(v.text(r.name, language) ?? r.slug))])
        })))
        pairs.append(("areaServed", .array(providers.map { .object([("@type", .string("City")), ("name", .string($0.city))]) })))
        let channels: [JSONValue] = (fields?.sequence(at: "channels") ?? []).compactMap(\.string).map { ch in
            .object([("@type", .string("ServiceChannel")), ("name", .string(v.label(language, "channel.\(ch)") ?? ch))])
        }
        if !channels.isEmpty { pairs.append(("availableChannel", .array(channels))) }
        let audience = (fields?.sequence(at: "audience") ?? []).compactMap(\.string).map { v.label(language, "audience.\($0)") ?? $0 }
        if !audience.isEmpty {
            pairs.append(("audience", .object([("@type", .string("BusinessAudience")),
                                               ("audienceType", .string(audience.joined(separator: ", ")))])))
        }
        if let cost = fields?["cost"] {
            let amount = cost.string(at: "type") == "fee" ? (cost["amount"]?.number ?? 0) : 0
            pairs.append(("offers", .object([("@type", .string("Offer")), ("price", .string(CSVTable.number(amount))),
                                             ("priceCurrency", .string("EUR"))])))
        }
        return .object(pairs)
    }
}
