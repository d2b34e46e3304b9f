import Diagnostics
import Loading
import Model
import Resolution

/// The expansion follows the pilot assessment: an office of the programme's area outside
/// the pilot wave serves the public only after the decision to expand, on the model
/// version that came out of the assessment (or a later one); the programme's area is
/// the metropolitan area of the official register (its `amb` column), and the expansion
/// plan names only municipalities of the register.
struct ExpansionRule: Rule {
    static let rules = [
        RuleInfo("municipality-outside-area", "A municipality is outside the programme's area (the metropolitan area of the register)."),
        RuleInfo("expansion-before-decision", "An office of an expansion wave serves the public before the decision to expand."),
        RuleInfo("expansion-model-version", "An expansion office adapts a model version older than the one the assessment gave."),
        RuleInfo("expansion-unknown-municipality", "The expansion plan names a municipality that is not in the register, or misnames it."),
        RuleInfo("expansion-wave-unknown", "An entry of the expansion plan names a wave the plan does not declare."),
        RuleInfo("expansion-stage-ignored", "The expansion plan gives a stage or an adhesion agreement to a municipality that has an office folder, whose stage is its office's status and whose agreements are its office's."),
        RuleInfo("expansion-adhesion-missing", "The expansion plan puts a municipality without an office folder at the stage 'agreement', but names no adhesion agreement of its council signed by the check date."),
        RuleInfo("expansion-stage-behind", "The expansion plan keeps a municipality without an office folder at the stage 'candidate', but names its council's adhesion agreement, signed by the check date."),
        RuleInfo("expansion-pilot-twice", "More than one wave of the expansion plan is marked as the pilot."),
        RuleInfo("expansion-opening-outside-wave", "An office opens (or opened) outside the dates of its wave in the expansion plan."),
        RuleInfo("expansion-office-without-wave", "An office serves the public, but the expansion plan places its municipality in no wave."),
        RuleInfo("expansion-plan-against-decision", "The expansion plan keeps waves the assessment's decision does not allow: any after 'stop', or, after 'extend-pilot', a pilot wave that ends by the decision or an expansion wave that starts before the extended pilot ends."),
        RuleInfo("assessment-office-not-serving", "An assessment assesses an office that did not serve the public during its period."),
        RuleInfo("assessment-model-version-unknown", "An assessment's decision names a model version that model/releases.yaml does not list."),
    ]

    /// `expansion-office-without-wave`: an office that serves the public (pilot or open)
    /// whose municipality the plan places in no wave (not listed, or listed without one).
    /// The expansion page counted it at its stage and left it out of every wave, and the
    /// assessment of the pilot did not see it (session 29's trial). At the office's status,
    /// with the wave of its opening date as the help when one holds it.
    func withoutWave(_ m: ResolvedMunicipality, office: Node, code: String, status: OfficeStatus,
                     plan: ExpansionPlan, register: MunicipalityRegister?) -> Diagnostic {
        let name = register?.entry(code: code)?.name ?? m.slug
        let opening = m.openingDate
        let wave = opening.flatMap { day in
            // A wave without a start or an end is open on that side, as for `expansion-opening-outside-wave`.
            plan.waves.first { $0.holds(day) }
        }
        let listed = plan.entry(ineCode: code) != nil
        return .warning("expansion-office-without-wave",
                        "\(name)'s office serves the public (status '\(status.rawValue)'\(opening.map { ", opened on \($0)" } ?? "")), but the expansion plan places it in no wave",
                        at: office["status"]?.span ?? m.statusSpan,
                        related: [RelatedLocation(plan.document.root?["municipalities"]?.span ?? .wholeFile(plan.document.path),
                                                  "the municipalities of the expansion plan")],
                        help: (listed ? "give \(name)'s entry in seeds/expansion.yaml" : "add \(name) (INE code \(code)) to the municipalities of seeds/expansion.yaml with")
                            + (wave.map { " 'wave: \($0.id)', the wave of its opening" } ?? " the wave it opened in"))
    }

    /// Whether the plan has an entry named as the register names the municipality of `code`
    /// (capitals, accents and apostrophes aside, `MunicipalityRegister.fold`) whose code is
    /// another, in a wave: the municipality is listed, with a wrong code.
    static func listedUnderAnotherCode(_ code: String, plan: ExpansionPlan, register: MunicipalityRegister?) -> Bool {
        guard let name = register?.entry(code: code)?.name else { return false }
        let folded = MunicipalityRegister.fold(name)
        // With a wave: once its code is corrected, the office is in that wave (an entry
        // without one leaves the office without a wave, which is told now).
        return plan.entries.contains { $0.ineCode != code && $0.wave != nil && MunicipalityRegister.fold($0.name) == folded }
    }

    /// Whether a wave's `pilot` is there but not true or false (`pilot: yes`, a YAML 1.1
    /// habit): the schema reports it at the value, and whether the wave is the pilot is
    /// unknown, so no rule here reads it as "not the pilot" (one error, at its cause; the
    /// pilot offices were told to go back to `planned`).
    static func pilotUnread(_ wave: ExpansionPlan.Wave) -> Bool {
        wave.node["pilot"].map { $0.bool == nil } ?? false
    }

    func check(_ c: ValidationContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        // The INE codes of the offices `expansion-before-decision` reported.
        var beforeDecision = Set<String>()
        let register = c.network.register
        let plan = c.network.expansionPlan
        let assessment = c.network.expansionAssessment
        for m in c.resolved {
            guard let office = m.files.office?.root, let codeNode = office["municipality"]?["ine_code"],
                  let code = codeNode.string else { continue }
            if let entry = register?.entry(code: code), !entry.metropolitan {
                out.append(.warning("municipality-outside-area",
                                    "\(entry.name) (INE code \(code)) is outside the programme's area, the metropolitan area of Barcelona",
                                    at: codeNode.span,
                                    help: "the programme covers the 36 municipalities of the metropolitan area (column 'amb' of model/reference/municipalities-catalonia.csv); check the municipality, or extend the programme's area first"))
            }
            // An entry with the municipality's name under another code is there, its code
            // wrong: that entry's `expansion-unknown-municipality` is the one error (session
            // 35's trial was told to add Sant Joan Despí, which the plan listed as 08218).
            if let plan, let status = m.status, status >= .pilot, plan.entry(ineCode: code)?.wave == nil,
               !Self.listedUnderAnotherCode(code, plan: plan, register: register) {
                out.append(withoutWave(m, office: office, code: code, status: status, plan: plan, register: register))
            }
            guard let plan, let wave = plan.wave(ineCode: code), !wave.pilot, !Self.pilotUnread(wave) else { continue }
            if let status = m.status, status >= .pilot {
                let statusNode = office["status"]
                // The office's wave is the plan's word: a writer who moved the municipality
                // to another wave sees the line they changed (session 43's trial was sent
                // only to the office's correct opening).
                let entry = plan.entry(ineCode: code)
                let placed = entry.flatMap { e in e.node["wave"].map {
                    RelatedLocation($0.span, "the expansion plan places \(e.name) in wave '\(wave.id)' here")
                } }
                let pilotWave = plan.waves.first(where: \.pilot).map { " (or, if it opened in the pilot, wave '\($0.id)' in the expansion plan)" } ?? ""
                if let assessment, let date = assessment.decisionDate, assessment.outcome?.expands == true {
                    if let opening = m.openingDate, opening < date {
                        beforeDecision.insert(code)
                        out.append(.error("expansion-before-decision",
                                          "office of wave '\(wave.id)' opened as '\(status.rawValue)' on \(opening), before the decision to expand on \(date)",
                                          at: office["opening_date"]?.span ?? m.statusSpan,
                                          related: (assessment.decisionDateNode.map { [RelatedLocation($0.span, "the decision of assessment '\(assessment.id)'")] } ?? []) + (placed.map { [$0] } ?? []),
                                          help: "set 'status: planned', or an opening date on or after \(date)\(pilotWave)"))
                    }
                } else {
                    let why = assessment.map { a in
                        a.outcome.map { "assessment '\(a.id)' decided '\($0.rawValue)'" } ?? "assessment '\(a.id)' has no decision"
                    } ?? "no assessment has decided to expand"
                    beforeDecision.insert(code)
                    out.append(.error("expansion-before-decision",
                                      "office of wave '\(wave.id)' is '\(status.rawValue)' before the decision to expand: \(why)",
                                      at: statusNode?.span ?? m.statusSpan,
                                      related: placed.map { [$0] } ?? [],
                                      help: "keep 'status: planned' until the assessment decides to expand\(pilotWave)"))
                }
            }
            // A version no release has is the assessment's own error (`modelVersions`), not
            // every expansion office's.
            if let required = assessment?.modelVersion, assessment?.outcome?.expands == true,
               c.network.releases.isEmpty || c.network.releases.contains(where: { $0.version == required }),
               let node = m.files.adaptation?.root?["base_model_version"], let version = node.string,
               semverLess(version, required) {
                out.append(.error("expansion-model-version",
                                  "the adaptation of an office of wave '\(wave.id)' follows model \(version), older than \(required), the version that came out of assessment '\(assessment!.id)'",
                                  at: node.span,
                                  related: assessment?.modelVersionNode.map { [RelatedLocation($0.span, "the model version of the decision")] } ?? [],
                                  help: "review the adaptation against model \(required), then set base_model_version: \(required) or later"))
            }
        }
        if let plan {
            // A wave of the expansion cannot start before the decision to expand: its
            // offices may not open before it (the plan's waves follow the assessment).
            if let assessment, assessment.outcome?.expands == true, let decided = assessment.decisionDate {
                for wave in plan.waves where !wave.pilot && !Self.pilotUnread(wave) {
                    guard let start = wave.start, start < decided, let node = wave.node["start"] else { continue }
                    out.append(.error("expansion-before-decision",
                                      "wave '\(wave.id)' starts on \(start), before the decision to expand on \(decided)",
                                      at: node.span,
                                      related: assessment.decisionDateNode.map { [RelatedLocation($0.span, "the decision of assessment '\(assessment.id)'")] } ?? [],
                                      help: "start the wave on or after \(decided): its offices open only once the assessment has decided to expand"))
                }
            }
            // One pilot: a second wave marked pilot would let its offices open before the
            // decision to expand, unseen.
            let pilots = plan.waves.filter(\.pilot)
            for wave in pilots.dropFirst() {
                guard let node = wave.node["pilot"], let first = pilots.first?.node["pilot"] else { continue }
                out.append(.error("expansion-pilot-twice",
                                  "wave '\(wave.id)' is marked as the pilot, as wave '\(pilots[0].id)' is: the plan has one pilot wave",
                                  at: node.span, related: [RelatedLocation(first.span, "the first pilot wave")],
                                  help: "remove 'pilot: true' from the wave that expands the network (its offices open after the decision to expand)"))
            }
            let waves = Set(plan.waves.map(\.id))
            // The municipalities with an office folder, by INE code: their stage is their
            // office's status, and a stage in the plan is not read (expansion.schema.yaml).
            var folders: [String: (slug: String, status: String)] = [:]
            var openings: [String: (day: Day, node: Node)] = [:]
            for m in c.resolved {
                if let code = m.files.office?.root?["municipality"]?.string(at: "ine_code") {
                    folders[code] = (m.slug, m.status?.rawValue ?? "")
                    if let day = m.openingDate, let node = m.files.office?.root?["opening_date"] { openings[code] = (day, node) }
                }
            }
            let wavesByID = Dictionary(plan.waves.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for entry in plan.entries {
                if let stage = entry.node["stage"], let folder = folders[entry.ineCode] {
                    out.append(.warning("expansion-stage-ignored",
                                        "\(entry.name) has an office folder, seeds/\(folder.slug)/: its stage is its office's status ('\(folder.status)'), and this '\(stage.string ?? "")' is not read",
                                        at: stage.span,
                                        help: "remove 'stage' from this entry (its wave stays); the office's 'status' in seeds/\(folder.slug)/office.yaml says where it is"))
                }
                out += adhesion(entry, folder: folders[entry.ineCode]?.slug, plan: plan, c)
                if let wave = entry.wave, !waves.contains(wave), let node = entry.node["wave"] {
                    out.append(.error("expansion-wave-unknown", "no wave '\(wave)' in the expansion plan", at: node.span,
                                      help: Suggestions.didYouMean(wave, in: waves.sorted()) ?? "waves: \(waves.sorted().joined(separator: ", "))"))
                }
                // An office's opening date within its wave's dates (session 26's trial: an
                // office moved to a later wave kept its opening date, unseen).
                // An office open before the decision to expand is that error alone.
                if let id = entry.wave, let wave = wavesByID[id], let node = entry.node["wave"], let opening = openings[entry.ineCode],
                   !beforeDecision.contains(entry.ineCode),
                   !wave.holds(opening.day) {
                    let dates = [wave.start.map { "from \($0)" }, wave.end.map { "to \($0)" }].compactMap { $0 }.joined(separator: " ")
                    out.append(.warning("expansion-opening-outside-wave",
                                        "\(entry.name) is in wave '\(id)' (\(dates)), but its office's opening date is \(opening.day)",
                                        at: node.span, related: [RelatedLocation(opening.node.span, "the office's opening date")],
                                        help: "put the municipality in the wave of its opening, or correct the office's opening_date"))
                }
                guard let register, let codeNode = entry.node["ine_code"] else { continue }
                if let known = register.entry(code: entry.ineCode) {
                    if MunicipalityRegister.fold(known.name) != MunicipalityRegister.fold(entry.name) {
                        // The register knows the name: its code is the help (session 26's trial).
                        out.append(.error("expansion-unknown-municipality", "INE code \(entry.ineCode) is \(known.name), not '\(entry.name)'",
                                          at: codeNode.span,
                                          help: MunicipalityRule.correction(for: entry.name, register).map { "\($0); write the name and code as the register does" }
                                              ?? "write the name and code as the register does"))
                        continue
                    }
                    // A typographic apostrophe (L’Hospitalet) is the register's ' (the plan's name is not shown).
                    if known.name != entry.name.replacingOccurrences(of: "’", with: "'"), let nameNode = entry.node["name"] {
                        // The code's own name written otherwise (capitals, accents), as an
                        // office's is `ine-code-mismatch` (session 26's trial: "sant joan despi"
                        // went through, the site showing the register's name).
                        out.append(.error("expansion-unknown-municipality",
                                          "'\(entry.name)' is not the official name of INE code \(entry.ineCode), \(known.name)",
                                          at: nameNode.span, related: [RelatedLocation(codeNode.span, "the INE code")],
                                          help: "write the name as the register does, with its capitals and accents: \(known.name)"))
                    }
                    if !known.metropolitan {
                        out.append(.warning("municipality-outside-area",
                                            "\(known.name) (INE code \(entry.ineCode)) is outside the programme's area, the metropolitan area of Barcelona",
                                            at: codeNode.span, help: "the expansion plan lists municipalities of the metropolitan area"))
                    }
                } else {
                    out.append(.error("expansion-unknown-municipality", "INE code \(entry.ineCode) is not a municipality of Catalonia",
                                      at: codeNode.span,
                                      help: MunicipalityRule.correction(for: entry.name, register)
                                          ?? "write the code of model/reference/municipalities-catalonia.csv"))
                }
            }
        }
        if let plan, let assessment { out += againstDecision(plan, assessment) }
        out += assessedOffices(c)
        out += modelVersions(c)
        return out
    }

    /// `expansion-adhesion-missing`: a municipality without an office folder at the stage
    /// `agreement` (its council has signed the adhesion) names its adhesion agreement, an
    /// adhesion among the programme's agreements signed by the day of the check, as an
    /// office's status `agreement` or later needs one (`agreement-adhesion-missing`). The
    /// expansion page said "agreement signed: yes" of three municipalities whose agreement no
    /// file held (session 38's trial). Not when the id is another rule's error (`ref-unknown`,
    /// the schema's) or the agreement's type or date is (`date-after-check-day`). An entry of
    /// a municipality with an office folder that names an agreement: `expansion-stage-ignored`.
    func adhesion(_ entry: ExpansionPlan.Entry, folder: String?, plan: ExpansionPlan, _ c: ValidationContext) -> [Diagnostic] {
        let named = entry.node["agreement"]
        if let folder {
            guard let named else { return [] }
            return [.warning("expansion-stage-ignored",
                             "\(entry.name) has an office folder, seeds/\(folder)/: the agreements it relies on are its office's, and this 'agreement' is not read",
                             at: named.span,
                             help: "remove 'agreement' from this entry; move the adhesion to seeds/\(folder)/agreements/ and list its id under the office's 'agreements'")]
        }
        guard entry.stage == "agreement", let stage = entry.node["stage"] else { return behind(entry, plan: plan, c) }
        guard let named, let id = named.string else {
            return [.error("expansion-adhesion-missing",
                           "\(entry.name) is at the stage 'agreement' (its council has signed the adhesion), but the plan names no adhesion agreement",
                           at: stage.span,
                           help: "add the adhesion as seeds/agreements/<id>.yaml (type: adhesion, with signed_on) and name it in this entry with 'agreement: <id>', or keep the stage 'candidate' until it is signed")]
        }
        guard !c.refused(named, in: plan.document.path), let doc = c.network.modelDocument(.agreement, id),
              let type = doc.root?["type"], !c.refused(type, in: doc.path) else { return [] }
        let related = [RelatedLocation(stage.span, "the municipality's stage")]
        guard doc.agreementType == .adhesion else {
            return [.error("expansion-adhesion-missing",
                           "agreement '\(id)' is a \(type.string ?? "?") agreement, not the adhesion of \(entry.name)'s council",
                           at: named.span, related: related,
                           help: "name the council's adhesion agreement (type: adhesion) here")]
        }
        // Each council signs its own adhesion: one another entry names first, or one an
        // office relies on, is not this municipality's (the review of session 39: Esplugues
        // named Sant Joan Despí's, and its page said "signed").
        if let first = plan.entries.first(where: { $0.agreement == id })?.node["agreement"], first.span != named.span {
            return [.error("expansion-adhesion-missing",
                           "agreement '\(id)' is named by another entry of the plan: each council signs its own adhesion",
                           at: named.span, related: [RelatedLocation(first.span, "the first entry that names it")],
                           help: "name \(entry.name)'s own adhesion here")]
        }
        if let office = c.network.municipalitiesRelyingByAgreement()[doc.path]?.first {
            return [.error("expansion-adhesion-missing",
                           "agreement '\(id)' is the adhesion \(office)'s office relies on: each council signs its own",
                           at: named.span, related: related,
                           help: "name \(entry.name)'s own adhesion here")]
        }
        let day = c.checkDay ?? c.asOf
        if let signed = doc.signedOn, signed <= day || CheckDayRule.reports(signed, c) { return [] }
        if c.refused(doc.root?["signed_on"], in: doc.path) { return [] }
        let when = doc.signedOn.map { "it is dated \($0), after the check date \(day)" } ?? "it has no signing date (as of \(day))"
        let agreement = RelatedLocation(doc.root?["signed_on"]?.span ?? .wholeFile(doc.path), "the agreement's signing date")
        return [.error("expansion-adhesion-missing",
                       "adhesion agreement '\(id)' is not signed: \(when), and \(entry.name) is at the stage 'agreement'",
                       at: named.span, related: related + [agreement],
                       help: "set the agreement's signed_on once every party has signed, or keep the stage 'candidate'")]
    }

    /// `expansion-stage-behind` (a warning): a municipality without an office folder kept
    /// at the stage `candidate` (written, or by default) whose entry names an adhesion
    /// signed by the day of the check, its own (named by no earlier entry, relied on by no
    /// office). The plan reads a candidate's agreement as not signed: the expansion page
    /// said "agreement signed: no" of a council that had signed (session 39's review).
    func behind(_ entry: ExpansionPlan.Entry, plan: ExpansionPlan, _ c: ValidationContext) -> [Diagnostic] {
        guard entry.stage == nil || entry.stage == "candidate", let named = entry.node["agreement"], let id = named.string,
              !c.refused(named, in: plan.document.path), let doc = c.network.modelDocument(.agreement, id),
              doc.agreementType == .adhesion, let signed = doc.signedOn, signed <= (c.checkDay ?? c.asOf),
              plan.entries.first(where: { $0.agreement == id })?.node["agreement"]?.span == named.span,
              c.network.municipalitiesRelyingByAgreement()[doc.path] == nil else { return [] }
        let stage = entry.node["stage"]
        return [.warning("expansion-stage-behind",
                         "\(entry.name)'s adhesion agreement '\(id)' was signed on \(signed), but the plan keeps \(entry.name) at the stage 'candidate'",
                         at: stage?.span ?? named.span,
                         related: [RelatedLocation(doc.root?["signed_on"]?.span ?? .wholeFile(doc.path), "the agreement's signing date")],
                         help: stage == nil ? "add 'stage: agreement' to this entry" : "set 'stage: agreement': the expansion page says a candidate has not signed")]
    }

    /// Whether `span` is the `agreement` of an entry of the expansion plan whose
    /// municipality has an office folder (`expansion-stage-ignored`: it is not read).
    static func unreadAgreement(at span: SourceSpan, _ c: ValidationContext) -> Bool {
        guard let entry = c.network.expansionPlan?.entries.first(where: { $0.node["agreement"]?.span == span }) else { return false }
        return c.resolved.contains { $0.files.office?.root?["municipality"]?.string(at: "ine_code") == entry.ineCode }
    }

    /// `expansion-plan-against-decision` (a warning; session 26's trial: an assessment
    /// decided `stop` while the plan kept its dated expansion waves, unseen). After `stop`
    /// no wave expands the network. After `extend-pilot` the pilot goes on past the
    /// decision, and the network expands only after it (the next assessment decides): the
    /// pilot wave ends after the decision, and each expansion wave starts after the pilot
    /// wave's end. An office of a wave that serves is `expansion-before-decision`'s error.
    func againstDecision(_ plan: ExpansionPlan, _ a: AssessmentRecord) -> [Diagnostic] {
        guard let outcome = a.outcome, !outcome.expands, let decided = a.decisionDate else { return [] }
        let decision = a.decisionDateNode.map { [RelatedLocation($0.span, "the decision of assessment '\(a.id)'")] } ?? []
        let expansion = plan.waves.filter { !$0.pilot && !Self.pilotUnread($0) }
        switch outcome {
        case .stop:
            return expansion.map { wave in
                .warning("expansion-plan-against-decision",
                         "wave '\(wave.id)' expands the network, but assessment '\(a.id)' decided on \(decided) to stop the programme",
                         at: (wave.node["id"] ?? wave.node).span, related: decision,
                         help: "remove the expansion waves from seeds/expansion.yaml (and the wave of their municipalities), or correct the decision's outcome if the assessment decided to expand")
            }
        case .extendPilot:
            guard let pilot = plan.waves.first(where: \.pilot), let end = pilot.end, let endNode = pilot.node["end"] else { return [] }
            if end <= decided {
                return [.warning("expansion-plan-against-decision",
                                 "the pilot wave ends on \(end), but assessment '\(a.id)' decided on \(decided) to extend the pilot",
                                 at: endNode.span, related: decision,
                                 help: "set the pilot wave's end to the day the extended pilot ends, and start the expansion waves after it")]
            }
            return expansion.compactMap { wave in
                guard let start = wave.start, start <= end, let node = wave.node["start"] else { return nil }
                return .warning("expansion-plan-against-decision",
                                "wave '\(wave.id)' starts on \(start), but the pilot, which assessment '\(a.id)' decided on \(decided) to extend, runs until \(end)",
                                at: node.span, related: [RelatedLocation(endNode.span, "the pilot wave's end")] + decision,
                                help: "start the wave after the extended pilot (the next assessment decides whether the network expands), or correct the pilot wave's end")
            }
        case .expand, .expandWithChanges:
            return []
        }
    }

    /// The model version an assessment's decision gives is one of the model's releases
    /// (model/releases.yaml): expansion offices adapt it, so a typo there would send every
    /// one of them after a version that does not exist.
    func modelVersions(_ c: ValidationContext) -> [Diagnostic] {
        let releases = c.network.releases.map(\.version)
        guard !releases.isEmpty else { return [] }
        return c.network.assessments.compactMap { a in
            guard let node = a.modelVersionNode, let version = node.string, !releases.contains(version) else { return nil }
            return .error("assessment-model-version-unknown",
                          "assessment '\(a.id)' gives model version \(version), which model/releases.yaml does not list (releases: \(releases.joined(separator: ", ")))",
                          at: node.span,
                          help: "write the version of the release that came out of the assessment, or add that release to model/releases.yaml")
        }
    }

    /// An assessment assesses offices that served the public during its period: at
    /// `pilot` or `open`, opened on or before the period's end. An opening date after the
    /// quarter of one of the office's reports is report-before-opening, the one error.
    func assessedOffices(_ c: ValidationContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for a in c.network.assessments {
            guard let end = a.end else { continue }
            for item in a.document.root?.sequence(at: "offices") ?? [] {
                guard let slug = item.string, let m = c.resolved.first(where: { $0.slug == slug }), let status = m.status else { continue }
                if status < .pilot {
                    out.append(.error("assessment-office-not-serving",
                                      "assessment '\(a.id)' assesses '\(slug)', which is '\(status.rawValue)' and has not served the public",
                                      at: item.span, related: [RelatedLocation(m.statusSpan, "the office's status")],
                                      help: "name the offices that served during the period assessed (pilot or open)"))
                } else if let opening = m.openingDate, opening > end,
                          !m.files.reports.contains(where: { r in
                              r.root?["period"].flatMap { p in p["year"]?.int.flatMap { y in p["quarter"]?.int.map { Quarter(year: y, quarter: $0) } } }
                                  .map { $0.lastDay < opening } ?? false
                          }) {
                    out.append(.error("assessment-office-not-serving",
                                      "assessment '\(a.id)' assesses '\(slug)', which opened on \(opening), after the period assessed ended on \(end)",
                                      at: item.span,
                                      related: m.files.office?.root?["opening_date"].map { [RelatedLocation($0.span, "the office's opening date")] } ?? [],
                                      help: "name the offices that served during the period assessed, or correct the opening date"))
                }
            }
        }
        return out
    }
}
