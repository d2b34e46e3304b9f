import Loading
import Model

/// A new model document (`oae new service ID`, `oae new procedure ID`): every required
/// field present, each with a comment taken from the `description` of its schema, and
/// values that pass the schema. Texts say plainly that they are still being drafted;
/// lists of allowed values are written in full, for the writer to keep those that apply;
/// the body has the sections the model's documents of the kind use, each with a text
/// being drafted.
/// Only the main (Catalan) file is written: `oae check` lists the missing translations.
public struct DocumentScaffold {
    public let network: Network
    public let kind: Kind
    public let id: String
    /// The date written as `last_reviewed`.
    public let day: Day

    public init(network: Network, kind: Kind, id: String, day: Day) {
        self.network = network
        self.kind = kind
        self.id = id
        self.day = day
    }

    public var path: String { kind == .service ? "model/services/\(id).md" : "model/procedures/\(id).md" }
    var languages: [String] { network.settings.languages }
    /// The translation files of the new document's body, each language of the model but the
    /// default (`x.es.md and x.en.md`; the trial of session 45 added `oc`, which it omitted).
    var translationFiles: String {
        let files = languages.filter { $0 != network.settings.defaultLanguage }.map { "\(id).\($0).md" }
        return files.count <= 1 ? files.joined() : files.dropLast().joined(separator: ", ") + " and " + files.last!
    }
    var schema: Node? { network.annotations.root(of: kind) }
    var phrases: Phrases { Phrases(network: network) }

    /// The description of a property of the kind's schema.
    func describe(_ field: String, in properties: Node? = nil) -> String {
        (properties ?? schema?["properties"])?[field]?.string(at: "description") ?? field
    }

    /// The values an enumerated list may hold, from the schema.
    func allowed(_ field: String) -> [String] {
        (schema?["properties"]?[field]?["items"]?.sequence(at: "enum") ?? []).compactMap(\.string)
    }

    var required: [String] { (schema?.sequence(at: "required") ?? []).compactMap(\.string) }

    func ids(_ kind: Kind) -> [String] { network.modelDocuments(kind).map(\.id) }

    /// The role that owns a new document: a business advisor where the model has one.
    var defaultRole: String { ids(.role).contains("business-advisor") ? "business-advisor" : ids(.role).first ?? "business-advisor" }

    public func file() -> ScaffoldFile {
        let fields = kind == .service ? serviceFields() : procedureFields()
        var t = "---\n"
        t += YAMLText.comment(0, "A new \(kind.rawValue) of the model, written by `oae new \(kind.rawValue)`. Each field has a comment that says what it holds. Replace the texts marked as being drafted, in every language of the model; the body below the front matter is in \(LanguageNames.english[network.settings.defaultLanguage] ?? network.settings.defaultLanguage), and its translations go in \(translationFiles) beside this file.")
        for (name, text) in fields {
            t += "\n" + YAMLText.comment(0, (required.contains(name) ? "Required. " : "") + describe(name)) + text
        }
        let optional = (schema?["properties"]?.pairs ?? []).map(\.key.keyText)
            .filter { name in !fields.contains { $0.0 == name } && !(kind == .procedure && name == "variant_of") }
        if !optional.isEmpty {
            t += "\n" + YAMLText.comment(0, "Optional fields:\n" + optional.map { "  \($0): \(describe($0))" }.joined(separator: "\n"))
        }
        // Each section holds a text that says it is being drafted, in the body's language:
        // placeholder-text reports the sections left so once an office serving the public
        // has the document (empty sections passed, and printed as empty headings).
        let draft = phrases.texts("section")[network.settings.defaultLanguage] ?? ""
        t += "---\n\n" + bodyHeadings().map { "## \($0)\n\n\(draft)\n" }.joined(separator: "\n")
        return ScaffoldFile(path: path, text: t)
    }

    func i18n(_ key: String, _ texts: [String: String]) -> String {
        YAMLText.i18n(0, key, texts, languages: languages)
    }

    func list(_ key: String, _ values: [String], note: String) -> String {
        YAMLText.comment(0, note) + "\(key):\n" + values.map { "  - \(YAMLText.scalar($0))\n" }.joined()
    }

    func serviceFields() -> [(String, String)] {
        let areas = (network.modelDocuments(.model).first?.root?.sequence(at: "areas") ?? []).compactMap { $0.string(at: "id") }
        return [
            ("id", YAMLText.line(0, "id", id)),
            ("name", i18n("name", phrases.texts("service_name"))),
            ("summary", i18n("summary", phrases.texts("service_summary"))),
            ("area", YAMLText.comment(0, "One of: \(areas.joined(separator: ", ")).")
                + YAMLText.line(0, "area", areas.first ?? "welcome")),
            ("audience", list("audience", allowed("audience"), note: "Every allowed value is listed: keep those that apply.")),
            ("format", list("format", allowed("format"), note: "Every allowed value is listed: keep those that apply.")),
            ("channels", list("channels", allowed("channels"), note: "Every allowed value is listed: keep those that apply.")),
            ("duration", YAMLText.comment(0, "PT45M is 45 minutes, PT1H30M an hour and a half, P1D a day.")
                + YAMLText.line(0, "duration", "PT1H")),
            ("cost", YAMLText.comment(0, "Or a fee: {type: fee, amount: <euros>, legal_basis: <the ordinance>}.")
                + "cost:\n  type: free\n"),
            ("outputs", "outputs:\n" + YAMLText.i18nItem(1, phrases.texts("service_output"), languages: languages)),
            ("competent_authority", i18n("competent_authority", phrases.texts("competent_authority"))),
            ("operator", i18n("operator", phrases.texts("operator"))),
            ("owner_role", YAMLText.comment(0, "One of: \(ids(.role).joined(separator: ", ")).")
                + YAMLText.line(0, "owner_role", defaultRole)),
            ("status", YAMLText.comment(0, "A new service starts as optional: a municipality offers it only when it adopts it. Make it recommended or core once the network agrees.")
                + YAMLText.line(0, "status", ServiceStatus.optional.rawValue)),
            ("version", YAMLText.line(0, "version", "0.1.0")),
            ("last_reviewed", YAMLText.line(0, "last_reviewed", day.description)),
        ]
    }

    func procedureFields() -> [(String, String)] {
        let stepProperties = schema?["properties"]?["steps"]?["items"]?["properties"]
        var steps = "steps:\n"
        for n in 1...2 {
            steps += YAMLText.line(1, "- id", "s\(n)")
            if n == 1 {
                steps += YAMLText.comment(2, "role: \(describe("role", in: stepProperties)) action: \(describe("action", in: stepProperties)) output: \(describe("output", in: stepProperties)) time_limit (optional): \(describe("time_limit", in: stepProperties))")
            }
            steps += YAMLText.line(2, "role", defaultRole)
            steps += YAMLText.i18n(2, "action", phrases.texts("step_action"), languages: languages)
            steps += YAMLText.i18n(2, "output", phrases.texts("step_output"), languages: languages)
            steps += YAMLText.line(2, "time_limit", "P2D")
        }
        return [
            ("id", YAMLText.line(0, "id", id)),
            ("type", YAMLText.comment(0, "procedure or methodology.") + YAMLText.line(0, "type", "procedure")),
            ("title", i18n("title", phrases.texts("procedure_title"))),
            ("purpose", i18n("purpose", phrases.texts("procedure_purpose"))),
            ("trigger", i18n("trigger", phrases.texts("procedure_trigger"))),
            ("owner_role", YAMLText.comment(0, "One of: \(ids(.role).joined(separator: ", ")).")
                + YAMLText.line(0, "owner_role", defaultRole)),
            ("steps", YAMLText.comment(0, "At least two steps; ids s1, s2… stay stable, because municipalities override steps by id.") + steps),
            ("escalation", i18n("escalation", phrases.texts("procedure_escalation"))),
            ("version", YAMLText.line(0, "version", "0.1.0")),
            ("last_reviewed", YAMLText.line(0, "last_reviewed", day.description)),
        ]
    }

    /// The sections the model's documents of this kind use most: the second-level
    /// headings shared by the most documents, in the order they stand.
    func bodyHeadings() -> [String] {
        var counts: [[String]: Int] = [:]
        for doc in network.modelDocuments(kind) {
            let headings = (doc.markdown?.headings ?? []).filter { $0.level == 2 }.map(\.text)
            if !headings.isEmpty { counts[headings, default: 0] += 1 }
        }
        return counts.max { ($0.value, $1.key.joined()) < ($1.value, $0.key.joined()) }?.key ?? []
    }
}
