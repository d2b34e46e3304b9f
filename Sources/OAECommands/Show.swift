import ArgumentParser
import Diagnostics
import Foundation
import JSON
import Loading
import Model
import Resolution
import Workflow

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Prints a municipality's resolved view: the model plus its local layer.",
        discussion: "With --provenance every value says where it came from (model or local, file:line:column), and each override shows the model's value beside the local one.")

    @OptionGroup var tree: TreeOptions

    @Argument(help: "The municipality: its folder under seeds/, its name (\"Sant Feliu de Llobregat\") or its INE code (\"08211\").")
    var municipality: String

    @Option(name: .long, help: "yaml or json.")
    var format: ShowFormat = .yaml

    @Flag(name: .long, help: "Give each value its source.")
    var provenance = false

    func run() throws {
        let loaded = TreeLoader.load(root: tree.rootURL)
        try stopOnLoadErrors(loaded, command: "show")
        let network = Network(tree: loaded)
        guard let municipality = MunicipalityLookup.folder(for: municipality, in: network) else {
            throw ValidationError(MunicipalityLookup.noFolder(municipality, in: network))
        }
        // A budget's figures are given when what they add up is what the check reads: the
        // rules run when the municipality has budgets.
        let checked = network.budgets(municipality).isEmpty ? [] : CheckRun.diagnose(network: network, root: tree.rootURL)
        let view = ShowRun.view(network, municipality: municipality, provenance: provenance, diagnostics: checked)
        writeStdout(format == .json ? view.serialized() + "\n" : YAMLWriter.write(view))
    }
}

enum ShowFormat: String, ExpressibleByArgument, CaseIterable {
    case yaml, json
}

/// The resolved view as data, for `oae show`.
public enum ShowRun {
    /// `diagnostics`: the check's, of which an error in a file a budget reads leaves that
    /// budget's figures out (`computed`), as the check does not add them up either.
    public static func view(_ network: Network, municipality: String, provenance: Bool, diagnostics: [Diagnostic] = []) -> JSONValue {
        let errorFiles = Dictionary(diagnostics.filter { $0.severity == .error }.map { ($0.span.file, $0.span) }, uniquingKeysWith: { a, _ in a })
        guard let m = Resolver.resolve(network, municipality: municipality) else { return .null }
        let value = { (node: Node?) -> JSONValue in node.map { convert($0, provenance: provenance, municipality: municipality) } ?? .null }
        let services: [JSONValue] = m.services.map { s in
            .object([
                ("id", .string(s.id)),
                ("adoption", .string(s.adoption.rawValue)),
                ("source", .string(s.document.path)),
                ("fields", value(s.fields)),
                ("overrides", .array(s.overrides.map(override))),
            ])
        }
        let procedures: [JSONValue] = m.procedures.map { p in
            var members: [(String, JSONValue)] = [("id", .string(p.id))]
            members.append(("source", .string((p.variant ?? p.model)?.path ?? "")))
            if let v = p.variant, p.model != nil { members.append(("variant", .string(v.id))) }
            members.append(("local_owner", p.localOwner.map { owner in
                provenance ? .object([("value", .string(owner.role)), ("from", .string("local")),
                                      ("at", .string(owner.span.description))]) : .string(owner.role)
            } ?? .null))
            members.append(("fields", value(p.fields)))
            members.append(("overrides", .array(p.overrides.map(override))))
            return .object(members)
        }
        let indicators: [JSONValue] = m.indicators.map { i in
            .object([("id", .string(i.id)), ("fields", value(i.fields)), ("overrides", .array(i.overrides.map(override)))])
        }
        // The municipality's other records (agreements, budgets, follow-up, recruitment…),
        // by kind, from the kind table: a kind added there shows here without a change.
        let shown: Set<Kind> = [.office, .adaptation, .service, .procedure, .staffingPlan, .communicationPlan,
                                .openingChecklist, .progressReport]
        var records: [(String, JSONValue)] = []
        for declaration in network.kinds.declarations where declaration.isMunicipal && !shown.contains(declaration.kind) {
            let documents = m.files.documents(declaration.kind).filter { $0.language == nil }.sorted { $0.id < $1.id }
            let key = declaration.kind.rawValue.replacingOccurrences(of: "-", with: "_")
            if declaration.identity == .municipality {
                records.append((key, value(documents.first?.root)))
            } else {
                // A budget with the figures oae computes from it (the site's budgets page, budgets.csv).
                let budgets = declaration.kind == .budget
                    ? Dictionary(network.budgets(m.slug).map { ($0.document.path, $0) }, uniquingKeysWith: { a, _ in a }) : [:]
                records.append((key + (key.hasSuffix("s") ? "" : "s"), .array(documents.map { doc in
                    guard let budget = budgets[doc.path], case .object(let members) = value(doc.root) else { return value(doc.root) }
                    let read = [doc.path, m.files.staffing?.path, m.files.communicationPlan?.path].compactMap { $0 } + m.files.reports.map(\.path)
                    if let wrong = read.lazy.compactMap({ errorFiles[$0] }).first {
                        return .object(members + [("computed", .string("not given: \(wrong) has an error (oae check), and the figures would add up what it reads wrong"))])
                    }
                    return .object(members + [("computed", computed(budget))])
                })))
            }
        }
        // The programme's agreements the office relies on (its own are among its records).
        let programme = network.reliedAgreements(m.slug).compactMap(\.document).filter { $0.municipality == nil }
        if !programme.isEmpty { records.append(("programme_agreements", .array(programme.map { value($0.root) }))) }
        return .object([
            ("municipality", .string(m.slug)),
            ("model", .object([("id", .string(network.settings.id)), ("version", .string(network.settings.version))])),
            ("office", value(m.files.office?.root)),
            ("adaptation", .object([
                ("source", .optional(m.files.adaptation?.path)),
                ("base_model_version", value(m.files.adaptation?.root?["base_model_version"])),
                ("notes", value(m.files.adaptation?.root?["notes"])),
            ])),
            ("services", .array(services)),
            ("omitted", .array(m.omitted.map { o in
                .object([("service", .string(o.service)),
                         ("reason", value(m.files.adaptation?.root?.sequence(at: "omitted")?.first { $0.string(at: "service") == o.service }?["reason"])),
                         ("at", .string(o.span.description))])
            })),
            ("procedures", .array(procedures)),
            ("indicators", .array(indicators)),
            ("staffing", value(m.files.staffing?.root)),
            ("communication_plan", value(m.files.communicationPlan?.root)),
            ("checklist", value(m.files.checklist?.root)),
            ("reports", .array(m.files.reports.sorted { $0.id < $1.id }.map { value($0.root) })),
        ] + records)
    }

    /// What oae computes of a budget, as the budgets page and budgets.csv give it: each
    /// post's cost (its FTE in the staffing plan × its yearly cost), the communication
    /// plan's actions of the year, the total, the funding, whether it covers the total, and
    /// the cost per person attended with the quarters it is computed from. Euros to the cent.
    static func computed(_ b: OfficeBudget) -> JSONValue {
        let euros = { (x: Double) -> JSONValue in .double((x * 100).rounded() / 100) }
        var members: [(String, JSONValue)] = [
            ("posts", .array(b.posts.map { line in
                .object([("post", .string(line.post)), ("fte", line.fte.map { .double($0) } ?? .null), ("cost", euros(line.cost))])
            })),
            ("communication", euros(b.communication)),
            ("total", euros(b.total)),
            ("funded", euros(b.funded)),
            ("covered", .bool(b.covered)),
        ]
        if !b.covered { members.append(("short_by", euros(b.total - b.funded))) }
        members += [
            ("people_attended", b.peopleAttended.map { .double($0) } ?? .null),
            ("quarters_reported", .int(b.quartersReported)),
            ("quarters_open", .int(b.quartersOpen)),
            ("cost_per_person_attended", b.costPerPersonAttended.map(euros) ?? .null),
        ]
        return .object(members)
    }

    static func override(_ o: FieldOverride) -> JSONValue {
        .object([
            ("field", .string(o.fieldName)),
            ("model", o.modelValue.map { convert($0, provenance: false) } ?? .null),
            ("local", o.removes ? .string("(removed)") : convert(o.localValue, provenance: false)),
            ("model_at", .optional(o.modelValue?.span.description)),
            ("local_at", .string(o.localValue.span.description)),
        ])
    }

    /// A node as JSON; with provenance, each scalar becomes {value, from, at}: `from` is
    /// `model` (model/), `local` (the municipality's folder, `municipality`) or `programme`
    /// (the programme's records in seeds/, such as its agreements).
    static func convert(_ node: Node, provenance: Bool, municipality: String? = nil) -> JSONValue {
        switch node.value {
        case let .mapping(pairs):
            return .object(pairs.map { ($0.key.keyText, convert($0.value, provenance: provenance, municipality: municipality)) })
        case let .sequence(items):
            return .array(items.map { convert($0, provenance: provenance, municipality: municipality) })
        default:
            let plain = scalar(node)
            guard provenance else { return plain }
            let file = node.span.file
            let from = !file.hasPrefix("seeds/") ? "model"
                : municipality.map { file.hasPrefix("seeds/\($0)/") ? "local" : "programme" } ?? "local"
            return .object([("value", plain), ("from", .string(from)), ("at", .string(node.span.description))])
        }
    }

    static func scalar(_ node: Node) -> JSONValue {
        switch node.value {
        case .null: return .null
        case let .bool(b): return .bool(b)
        case let .int(i): return .int(i)
        case let .double(d): return .double(d)
        case let .string(s): return .string(s)
        default: return .null
        }
    }
}
