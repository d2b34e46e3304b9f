import JSON

/// The schema.org descriptions embedded in office and service pages, given by the
/// open data step (the site does not know the vocabulary; it only places the data).
public struct StructuredData: Sendable {
    /// The `GovernmentOffice` of a municipality's office, in a language.
    public var office: @Sendable (_ municipality: String, _ language: String) -> JSONValue?
    /// The `GovernmentService` of a service: a municipality's own service when
    /// `municipality` is set, else a model service with every office that offers it.
    public var service: @Sendable (_ municipality: String?, _ id: String, _ language: String) -> JSONValue?

    public init(office: @escaping @Sendable (String, String) -> JSONValue?,
                service: @escaping @Sendable (String?, String, String) -> JSONValue?) {
        self.office = office
        self.service = service
    }

    /// No structured data.
    public static let none = StructuredData(office: { _, _ in nil }, service: { _, _, _ in nil })

    /// JSON for a `<script type="application/ld+json">` element: `<` is written as
    /// `\u003c`, so no text of the tree can close the element.
    public static func scriptText(_ value: JSONValue) -> String {
        String(decoding: scriptBytes(value), as: UTF8.self)
    }

    /// `scriptText` as UTF-8 bytes, inserted into the layout as they are (`RenderedText`):
    /// made into a `String` and validated again, each office's and service's description
    /// cost a quarter more (issue 13).
    public static func scriptBytes(_ value: JSONValue) -> [UInt8] {
        let json = value.bytes(pretty: true)
        // Most have no `<`: then the bytes are the text as they are, not copied byte by byte.
        guard json.contains(UInt8(ascii: "<")) else { return json }
        var out: [UInt8] = []
        out.reserveCapacity(json.count + 16)
        for b in json {
            if b == UInt8(ascii: "<") { out += "\\u003c".utf8 } else { out.append(b) }
        }
        return out
    }
}
