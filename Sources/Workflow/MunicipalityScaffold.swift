import Loading
import Model

/// A file to write, relative to the tree's root.
public struct ScaffoldFile: Sendable, Equatable {
    public var path: String
    public var text: String
}

/// The folder of a new, planned municipality, filled from the model: an office with its
/// official name and INE code, an adaptation on the model's version, a staffing plan
/// with the posts the office needs to open and their mandatory training, a communication
/// plan that reaches every required audience, and the opening checklist. Values that
/// are not known yet (address, phone, opening hours) are not invented: a comment asks
/// for them. The result passes `oae check` as it is.
public struct MunicipalityScaffold {
    public let network: Network
    public let entry: MunicipalityRegister.Entry
    public let opening: Day

    public init(network: Network, entry: MunicipalityRegister.Entry, opening: Day) {
        self.network = network
        self.entry = entry
        self.opening = opening
    }

    public var slug: String { MunicipalityLookup.slug(entry.name) }
    var languages: [String] { network.settings.languages }
    var phrases: Phrases { Phrases(network: network) }
    var folder: String { "seeds/\(slug)" }

    public func files() -> [ScaffoldFile] {
        var files = [office(), adaptation(), staffing()]
        if let plan = communicationPlan() { files.append(plan) }
        files.append(checklist())
        return files
    }

    var header: String {
        "Written by `oae new municipality` from model \(network.settings.id) \(network.settings.version). "
            + "Complete what the comments ask for; `oae check` validates the file."
    }

    // MARK: office.yaml

    func office() -> ScaffoldFile {
        var t = YAMLText.comment(0, "The office of \(entry.name). " + header)
        t += YAMLText.line(0, "id", slug)
        t += "municipality:\n"
        t += YAMLText.comment(1, "Official name and INE code, from model/reference/\(MunicipalityRegister.fileName).")
        t += YAMLText.line(1, "name", YAMLText.scalar(entry.name))
        t += YAMLText.line(1, "ine_code", YAMLText.quoted(entry.ineCode))
        t += YAMLText.i18n(0, "name", phrases.officeName(entry.name), languages: languages)
        t += YAMLText.comment(0, """
            address: the office's postal address, once the premises are chosen:
              address:
                street: <street and number>
                postal_code: "<five digits>"
                locality: \(entry.name)
            coordinates: the position of the office (WGS 84), as {lat: …, lon: …}.
            channels: the office's phone, email, web page and appointment link, once they exist.
            opening_hours: groups of days with the same hours, for example:
              - days: [mo, tu, we, th, fr]
                opens: "09:00"
                closes: "14:00"
            description: a short presentation of the office, in every language of the model.
            """)
        if let stage = plannedStage, stage != OfficeStatus.candidate.rawValue {
            t += YAMLText.comment(0, "\(Self.planPath) has \(entry.name) at stage '\(stage)'. " + Self.stageAdvice(stage, slug: slug, agreement: plannedAgreement))
        } else {
            t += YAMLText.comment(0, "A candidate until the council signs its adhesion to the network (add it under agreements/ and list it below as agreements: [its id]); then agreement, planned, and pilot with the real opening date when it opens.")
        }
        t += YAMLText.line(0, "status", OfficeStatus.candidate.rawValue)
        t += YAMLText.comment(0, "The planned opening date. The mandatory training and the communication actions below are dated before it: move them with it.")
        t += YAMLText.line(0, "opening_date", opening.description)
        return ScaffoldFile(path: "\(folder)/office.yaml", text: t)
    }

    /// The stage `seeds/expansion.yaml` gives the municipality (`agreement`), if it has one.
    /// The office is written as a candidate all the same: a later status needs the signed
    /// adhesion agreement, which oae cannot write, and the office's status replaces the
    /// plan's stage once the folder exists (rule expansion-stage-ignored).
    public var plannedStage: String? { network.expansionPlan?.entry(ineCode: entry.ineCode)?.stage }
    /// The adhesion agreement the plan's entry names (among the programme's agreements
    /// until the folder exists: `expansion-adhesion-missing`).
    public var plannedAgreement: String? { network.expansionPlan?.entry(ineCode: entry.ineCode)?.agreement }

    /// The expansion plan's file.
    public static let planPath = "seeds/expansion.yaml"

    /// What to do for an office the plan has at `stage` (past candidate): the steps that make
    /// its status say the same. With the adhesion the plan's entry names (`agreement`, among
    /// the programme's agreements), the step is to move it into the new folder, and the
    /// entry loses its `agreement` too (`expansion-stage-ignored`).
    public static func stageAdvice(_ stage: String, slug: String, agreement: String? = nil) -> String {
        guard let agreement else {
            return "The office starts as a candidate: add the signed adhesion agreement as seeds/\(slug)/agreements/<id>.yaml, "
                + "list its id in seeds/\(slug)/office.yaml as agreements: [its id], set status: \(stage), and remove 'stage' from its entry in "
                + "\(Self.planPath) (the office's status is its stage from then on)."
        }
        return "The office starts as a candidate: move its adhesion to its folder (git mv seeds/agreements/\(agreement).yaml seeds/\(slug)/agreements/), "
            + "list it in seeds/\(slug)/office.yaml as agreements: [\(agreement)], set status: \(stage), and remove 'stage' and 'agreement' from its entry in "
            + "\(Self.planPath) (the office's status is its stage from then on)."
    }

    // MARK: adaptation.yaml

    func adaptation() -> ScaffoldFile {
        var t = YAMLText.comment(0, "How \(entry.name) adapts the model. " + header)
        t += YAMLText.line(0, "municipality", slug)
        t += YAMLText.line(0, "base_model_version", YAMLText.scalar(network.settings.version))
        let optional = network.modelDocuments(.service).filter { network.serviceStatus($0.id) == .optional }.map(\.id)
        let recommended = network.modelDocuments(.service).filter { network.serviceStatus($0.id) == .recommended }.map(\.id)
        if !optional.isEmpty {
            t += YAMLText.comment(0, "adopted: the optional services the office will offer, among: \(optional.joined(separator: ", ")).")
        }
        if !recommended.isEmpty {
            t += YAMLText.comment(0, "omitted: recommended services the office will not offer, each with its reason ({service, reason}); the recommended services are: \(recommended.joined(separator: ", ")). Core services are always offered.")
        }
        t += YAMLText.comment(0, "overrides: local values of the fields the model marks adaptable (see model/schema/README.md).")
        let required = network.settings.requirements.procedures
        if !required.isEmpty {
            let list = required.map { "\($0.procedure) (from \($0.from.rawValue))" }.joined(separator: ", ")
            t += YAMLText.comment(0, "procedure_owners: the local owner role of each procedure the model requires: \(list).")
        }
        t += YAMLText.comment(0, "notes: a short statement of the local approach, in every language of the model.")
        return ScaffoldFile(path: "\(folder)/adaptation.yaml", text: t)
    }

    // MARK: staffing.yaml

    /// Roles and the number of posts the office needs to open: the larger of the
    /// model's minimum for a planned office and for a pilot, the status it opens at.
    var posts: [(role: String, count: Int)] {
        network.settings.requirements.staffing.compactMap { req in
            let count = max(req.minimum[.planned] ?? 0, req.minimum[.pilot] ?? 0)
            return count > 0 ? (req.role, count) : nil
        }
    }

    /// The mandatory modules of a role, prerequisites first; among those ready, the ones
    /// more modules of the model build on come first, then by id.
    func mandatoryModules(for role: String) -> [String] {
        let modules = network.modelDocuments(.trainingModule).filter { doc in
            doc.root?["mandatory"]?.bool == true
                && (doc.root?.sequence(at: "target_roles") ?? []).contains { $0.string == role }
        }
        let ids = Set(modules.map(\.id))
        var prerequisites: [String: [String]] = [:]
        for doc in modules {
            prerequisites[doc.id] = (doc.root?.sequence(at: "prerequisites") ?? []).compactMap(\.string).filter(ids.contains)
        }
        // How many modules of the whole model build on each module (the induction first).
        var dependents: [String: Int] = [:]
        for doc in network.modelDocuments(.trainingModule) {
            for p in doc.root?.sequence(at: "prerequisites") ?? [] { if let id = p.string { dependents[id, default: 0] += 1 } }
        }
        var ordered: [String] = []
        var placed = Set<String>()
        while ordered.count < ids.count {
            let ready = ids.subtracting(placed)
                .filter { (prerequisites[$0] ?? []).allSatisfy(placed.contains) }
                .sorted { (dependents[$0] ?? 0, $1) > (dependents[$1] ?? 0, $0) }
                .first
            // A cycle (reported by oae check) must not stop the plan: take the rest by id.
            let next = ready ?? ids.subtracting(placed).sorted()[0]
            ordered.append(next)
            placed.insert(next)
        }
        return ordered
    }

    static let postPrefixes = [
        "office-coordinator": "coord", "business-advisor": "adv", "front-desk-officer": "front",
        "permits-specialist": "permits", "communication-officer": "comms",
    ]

    func staffing() -> ScaffoldFile {
        var t = YAMLText.comment(0, "The posts of the office of \(entry.name) and their training. " + header)
        t += YAMLText.comment(0, "One post per role the model requires for the office to open as a pilot, with the mandatory modules of its role planned weekly before the opening date. Posts are named by a code, never by a person's name.")
        t += YAMLText.line(0, "municipality", slug)
        t += "staff:\n"
        for (role, count) in posts {
            let modules = mandatoryModules(for: role)
            let dates = PlanningCalendar.weeksBefore(opening, count: modules.count + 1)
            for n in 1...count {
                t += YAMLText.line(1, "- id", "\(MunicipalityScaffold.postPrefixes[role] ?? role)-\(n)")
                t += YAMLText.line(2, "role", role)
                t += YAMLText.comment(2, "fte: the post's dedication (1 is full time); adjust it to the real post.")
                t += YAMLText.line(2, "fte", "1")
                t += YAMLText.line(2, "start_date", dates[0].description)
                if !modules.isEmpty {
                    t += YAMLText.pad(2) + "training:\n"
                    for (module, day) in zip(modules, dates.dropFirst()) {
                        t += YAMLText.line(3, "- module", module)
                        t += YAMLText.line(4, "planned", day.description)
                    }
                }
            }
        }
        t += YAMLText.comment(0, "recruitment: how the posts will be filled (internal call, public call, secondment), in every language of the model.")
        return ScaffoldFile(path: "\(folder)/staffing.yaml", text: t)
    }

    // MARK: communication-plan.yaml

    /// A channel of the strategy that suits each audience of the example model, when the
    /// strategy has it; otherwise the strategy's first channel.
    static let preferredChannels = [
        "entrepreneurs": "social-media", "self-employed": "social-media", "smes": "newsletter",
        "local-retail": "street-signage", "partners": "business-associations", "municipal-staff": "events",
        "general-public": "local-press",
    ]

    func communicationPlan() -> ScaffoldFile? {
        guard let strategy = network.modelDocuments(.communicationStrategy).first?.root else { return nil }
        let all = strategy.sequence(at: "audiences") ?? []
        var audiences = all.filter { $0["required"]?.bool == true }
        if audiences.isEmpty { audiences = Array(all.prefix(1)) }
        let messages = strategy.sequence(at: "messages") ?? []
        let channels = (strategy.sequence(at: "channels") ?? []).compactMap { $0.string(at: "id") }
        guard !audiences.isEmpty, let firstMessage = messages.first?.string(at: "id"), let firstChannel = channels.first else {
            return nil
        }
        let owner = posts.first?.role ?? network.modelDocuments(.role).first?.id ?? "office-coordinator"
        let dates = PlanningCalendar.weeksBefore(opening, count: audiences.count)
        let start = min(PlanningCalendar.firstOfMonth(opening, plus: -3), PlanningCalendar.firstOfMonth(dates[0], plus: 0))
        let end = PlanningCalendar.lastOfMonth(opening, plus: 3)

        var t = YAMLText.comment(0, "The communication plan of the office of \(entry.name). " + header)
        t += YAMLText.comment(0, "One dated action for each audience the strategy requires, in the weeks before the opening. Add a budget to the plan and to each action once it is known.")
        t += YAMLText.line(0, "municipality", slug)
        t += "period:\n"
        t += YAMLText.line(1, "start", start.description)
        t += YAMLText.line(1, "end", end.description)
        // A made-up objective, marked as a placeholder (rule placeholder-text once the office opens).
        let objective = phrases.texts("communication_objective").mapValues { Placeholder.marker + " " + $0 }
        t += "objectives:\n" + YAMLText.i18nItem(1, objective, languages: languages)
        t += "actions:\n"
        for (audience, day) in zip(audiences, dates) {
            guard let id = audience.string(at: "id") else { continue }
            let message = messages.first { $0.string(at: "audience") == id }?.string(at: "id") ?? firstMessage
            let preferred = MunicipalityScaffold.preferredChannels[id]
            let channel = preferred.flatMap { channels.contains($0) ? $0 : nil } ?? firstChannel
            let names = network.text(audience["name"])?.values ?? [network.settings.defaultLanguage: id]
            t += YAMLText.line(1, "- id", "present-to-\(id)")
            t += YAMLText.line(2, "date", day.description)
            t += YAMLText.i18n(2, "title", phrases.presentingTo(names), languages: languages)
            t += YAMLText.line(2, "audience", id)
            t += YAMLText.line(2, "message", message)
            t += YAMLText.line(2, "channel", channel)
            t += YAMLText.line(2, "owner", owner)
        }
        return ScaffoldFile(path: "\(folder)/communication-plan.yaml", text: t)
    }

    // MARK: checklist.yaml

    func checklist() -> ScaffoldFile {
        var t = YAMLText.comment(0, "The opening checklist of the office of \(entry.name). " + header)
        t += YAMLText.comment(0, "Mark each item done (done: true) with the date it was done; every item must be done before the office opens.")
        t += YAMLText.line(0, "municipality", slug)
        let items = (network.modelDocuments(.checklistTemplate).first?.root?.sequence(at: "items") ?? [])
            .compactMap { $0.string(at: "id") }
        if items.isEmpty {
            t += "items: []\n"
        } else {
            t += "items:\n"
            for item in items {
                t += YAMLText.line(1, "- item", item)
                t += YAMLText.line(2, "done", "false")
            }
        }
        return ScaffoldFile(path: "\(folder)/checklist.yaml", text: t)
    }
}
