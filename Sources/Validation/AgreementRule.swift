import Diagnostics
import Loading
import Model
import Resolution

/// Agreements hold an office up: a council whose office is at the `agreement` stage or
/// beyond has signed its adhesion to the network, and the agreements an office relies on
/// are in force as of the check date (a warning 90 days before one ends). An agreement's
/// own dates and money lines agree with it, and its term is at most the four years of Llei
/// 40/2015, art. 49.h (eight when extended).
struct AgreementRule: MunicipalRule {
    static let rules = [
        RuleInfo("agreement-adhesion-missing", "An office at the agreement stage or beyond relies on no signed adhesion agreement."),
        RuleInfo("agreement-adhesion-shared", "An adhesion agreement, one council's, stands among the programme's agreements (seeds/agreements/) instead of in its municipality's folder."),
        RuleInfo("agreement-expiring", "An agreement an office relies on ends within 90 days of the check date."),
        RuleInfo("agreement-expired", "An agreement an office relies on has ended by the check date."),
        RuleInfo("agreement-dates-inverted", "An agreement's dates are out of order: it ends before it was signed, or was extended before it was signed or after it ended, or its first term ends before the signing or after the extended end."),
        RuleInfo("agreement-term-too-long", "An agreement is in force for more than the four years of Llei 40/2015, art. 49.h, or is extended by more than four more years, or was extended after its first term had ended."),
        RuleInfo("agreement-party-unknown", "An agreement's money line names a party the agreement does not list."),
        RuleInfo("agreement-unlisted", "A signed agreement in force in a municipality's folder is listed by no office nor opening checklist."),
        RuleInfo("agreement-signed-after-opening", "An office opened before the adhesion agreement it relies on was signed."),
        RuleInfo("checklist-done-before-agreement", "An opening checklist item is done before the agreement it relies on was signed."),
    ]

    /// How many days before an agreement ends `agreement-expiring` warns.
    static let warningDays = AgreementState.warningDays

    /// An office's `agreement-adhesion-missing`: it reads the municipality's office,
    /// checklist and the agreements they name (its own, or the programme's: a change
    /// there is a shared change, every municipality is checked again).
    func check(_ m: ResolvedMunicipality, _ c: ValidationContext) -> [Diagnostic] {
        let relied = c.network.reliedAgreements(m.slug)
        let settled = settledBefore(m, relied, c)
        guard m.reached(.agreement) else { return settled }
        // An office whose `agreements` the schema refuses (a string, not a list: session
        // 38's trial) relies on what it names all the same: that error is the one.
        if let office = m.files.office, c.refused(office.root?["agreements"], in: office.path) { return settled }
        return settled + adhesion(m, relied, c)
    }

    /// `checklist-done-before-agreement`: an opening checklist item done (`done: true`, its
    /// `date`) before the agreement it names was signed (session 26's trial: an item done
    /// eight months before its agreement went through). Not when either date is another
    /// rule's error (`date-after-check-day`).
    func settledBefore(_ m: ResolvedMunicipality, _ relied: [AgreementReliance], _ c: ValidationContext) -> [Diagnostic] {
        guard let checklist = m.files.checklist, let items = checklist.root?.sequence(at: "items") else { return [] }
        return items.compactMap { item in
            guard item["done"]?.bool == true, let dateNode = item["date"], let done = dateNode.string.flatMap(Day.init),
                  !CheckDayRule.reports(done, c), let id = item.string(at: "agreement"),
                  let agreement = relied.first(where: { $0.id == id })?.document, let signed = agreement.signedOn,
                  !CheckDayRule.reports(signed, c), done < signed else { return nil }
            return .error("checklist-done-before-agreement",
                          "checklist item '\(item.string(at: "item") ?? "?")' was done on \(done), before agreement '\(id)', which it relies on, was signed on \(signed)",
                          at: dateNode.span,
                          related: agreement.root?["signed_on"].map { [RelatedLocation($0.span, "the agreement's signing date")] } ?? [],
                          help: "correct the item's date or the agreement's signed_on (often the year), or mark the item not done until the agreement is signed")
        }
    }

    /// Each agreement's own dates and money lines, and whether the agreements offices
    /// rely on are in force: made on every run (the offices relying on an agreement are
    /// gathered only for one that ends within `warningDays`). These diagnostics stand at
    /// the agreements, the adhesion ones at the offices: the report's order (by file and
    /// position) does not depend on which come first.
    func checkShared(_ c: ValidationContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var relying: [String: [String]]?
        var resolved: Set<String>?
        for doc in c.network.agreements {
            guard let root = doc.root else { continue }
            if doc.municipality == nil, doc.agreementType == .adhesion, let d = shared(doc, root, c) { out.append(d) }
            if let slug = doc.municipality, let d = unlisted(doc, root, slug, c) { out.append(d) }
            // An end before the signing is the one error of a wrong year: not also "ended"
            // (whichever date's error is told: this one, or `date-after-check-day`'s).
            let (inverted, endInDoubt) = dates(doc, root, c)
            out += inverted
            out += term(doc, root, c)
            out += parties(root)
            if endInDoubt { continue }
            if let signed = doc.signedOn, let until = doc.validUntil, until < signed { continue }
            guard ending(doc, c.asOf) else { continue }
            // The offices relying on it, in the order of the resolved views, with the nodes naming it.
            if relying == nil {
                relying = c.network.municipalitiesRelyingByAgreement()
                resolved = Set(c.resolved.map(\.slug))
            }
            let users = (relying![doc.path] ?? []).filter { resolved!.contains($0) }.compactMap { slug -> (municipality: String, node: Node)? in
                c.network.reliedAgreements(slug).first { $0.document?.path == doc.path }.map { (slug, $0.node) }
            }
            if !users.isEmpty { out += validity(doc, root, users, c.asOf) }
        }
        return out
    }

    /// `agreement-adhesion-shared`: an adhesion (one council joins the network) saved among
    /// the programme's agreements, where the offices still find it, but the municipality's
    /// records, handbook annex and `oae show` list it as the programme's (session 37's trial
    /// put Esplugues' adhesion there, and nothing said so). The help names the folder of
    /// the one municipality that relies on it, when one does. Not told of one that more
    /// than one office relies on (moved to one's folder, it would be unknown to the others:
    /// the review of session 37), nor of one whose id another agreement has (`id-duplicate`
    /// is the one error).
    func shared(_ doc: Document, _ root: Node, _ c: ValidationContext) -> Diagnostic? {
        let users = c.network.municipalitiesRelyingByAgreement()[doc.path] ?? []
        guard users.count <= 1, !c.network.agreements.contains(where: { $0.id == doc.id && $0.path != doc.path }) else { return nil }
        // The adhesion of a municipality that has no folder yet, which the expansion plan
        // names (`expansion-adhesion-missing`): the programme's folder is its place until
        // the office folder is made.
        if users.isEmpty, let plan = c.network.expansionPlan {
            let folders = Set(c.resolved.compactMap { $0.files.office?.root?["municipality"]?.string(at: "ine_code") })
            if plan.entries.contains(where: { $0.agreement == doc.id && !folders.contains($0.ineCode) }) { return nil }
        }
        let name = doc.path.split(ascii: "/").last.map(String.init) ?? "\(doc.id).yaml"
        let folder = users.count == 1 ? "seeds/\(users[0])/agreements/" : "seeds/<municipality>/agreements/"
        return .warning("agreement-adhesion-shared",
                        "agreement '\(doc.id)' is an adhesion, one council's, but stands among the programme's agreements (seeds/agreements/)",
                        at: root["type"]?.span ?? .wholeFile(doc.path),
                        help: "move it to \(folder)\(name), the folder of the municipality that signs it (git mv)"
                            + (users.isEmpty ? "; while the municipality has no office folder, name it in its entry of seeds/expansion.yaml instead ('agreement: \(doc.id)')" : ""))
    }

    /// `agreement-unlisted`: a signed agreement in force, saved in a municipality's folder,
    /// that neither the office's `agreements` nor an item of its opening checklist names.
    /// The office's handbook leaves it out and the site lists no office relying on it
    /// (session 43's trial filed a referral protocol and nothing said so). Not told of an
    /// agreement not signed yet (a draft), nor of one ended by the check day (kept as
    /// history), nor of one whose id another has (`id-duplicate` is the one error), nor of
    /// one another office lists (`ref-unknown`), nor while the office's `agreements` is the
    /// schema's error.
    func unlisted(_ doc: Document, _ root: Node, _ slug: String, _ c: ValidationContext) -> Diagnostic? {
        guard let office = c.network.municipalities[slug]?.office, let officeRoot = office.root,
              let signed = doc.signedOn, !CheckDayRule.reports(signed, c), signed <= (c.checkDay ?? c.asOf),
              doc.validUntil.map({ $0 >= c.asOf }) ?? true,
              !c.refused(officeRoot["agreements"], in: office.path),
              (c.network.municipalitiesRelyingByAgreement()[doc.path] ?? []).isEmpty,
              !c.network.agreements.contains(where: { $0.id == doc.id && $0.path != doc.path }) else { return nil }
        // Another office lists it: the file was moved or copied out of that office's folder,
        // and `ref-unknown` at that office's list is the one error (listing it here would
        // have this office rely on another council's agreement: the trial's review).
        if c.network.municipalitySlugs.contains(where: { other in
            other != slug && (c.network.municipalities[other]?.office?.root?.sequence(at: "agreements") ?? []).contains { $0.string == doc.id }
        }) { return nil }
        // An office that needs its adhesion and lists none: `agreement-adhesion-missing` names this one.
        if doc.agreementType == .adhesion, c.resolved.first(where: { $0.slug == slug })?.reached(.agreement) == true,
           Self.unlistedAdhesion(slug, day: c.checkDay ?? c.asOf, c)?.path == doc.path { return nil }
        return .warning("agreement-unlisted",
                        "agreement '\(doc.id)' is in \(slug)'s folder, but the office lists it nowhere: its handbook leaves it out, and the site shows no office relying on it",
                        at: root["id"]?.span ?? .wholeFile(doc.path),
                        related: officeRoot["agreements"].map { [RelatedLocation($0.span, "the agreements the office lists")] } ?? [],
                        help: "add '- \(doc.id)' under 'agreements:' in \(office.path) (or name it in an item of the opening checklist); if it belongs to another municipality, move it to that one's folder")
    }

    /// Whether `validity` can say something of an agreement: it ends within `warningDays` of `asOf`.
    func ending(_ doc: Document, _ asOf: Day) -> Bool {
        guard let until = doc.inForceUntil(on: asOf) else { return false }
        return until.ordinal - asOf.ordinal <= AgreementRule.warningDays
    }

    /// `agreement-adhesion-missing`: among the agreements the office relies on, one is an
    /// adhesion signed on or before the check date.
    func adhesion(_ m: ResolvedMunicipality, _ relied: [AgreementReliance], _ c: ValidationContext) -> [Diagnostic] {
        // An agreement the office names whose file did not load may be the adhesion: its
        // error is the one.
        if relied.contains(where: { $0.document.unread }) { return [] }
        let adhesions = relied.filter { $0.document?.agreementType == .adhesion }
        // Signed by the day of the check: the day given, or today for `oae check` (the
        // day `date-after-check-day` reads), else the day the dates come from.
        let day = c.checkDay ?? c.asOf
        if let signed = adhesions.compactMap({ a in a.document?.signedOn.flatMap { $0 <= day ? (a, $0) : nil } }).min(by: { $0.1 < $1.1 }) {
            return openedBefore(m, adhesion: signed.0, signedOn: signed.1)
        }
        // What follows concludes that no adhesion is signed; not from a slip that has its own
        // error (session 35's trial and its review): an id that names no agreement (it may be
        // the adhesion's, misspelt: `ref-unknown`), an agreement whose type the schema
        // refused or that has none (it may be the adhesion), an adhesion whose signing date
        // the schema refused (`2026-02-30`: a date, not a valid one).
        if relied.contains(where: { $0.document == nil }) { return [] }
        if relied.contains(where: { r in r.document.map { $0.root?["type"] == nil || c.refused($0.root?["type"], in: $0.path) } ?? false }) {
            return []
        }
        if adhesions.contains(where: { a in a.document.map { c.refused($0.root?["signed_on"], in: $0.path) } ?? false }) { return [] }
        // A signing date after the day of the check is `date-after-check-day`'s error.
        if adhesions.contains(where: { ($0.document?.signedOn).map { CheckDayRule.reports($0, c) } ?? false }) { return [] }
        let status = m.status!.rawValue
        if let unsigned = adhesions.first {
            let when = unsigned.document?.signedOn.map { "it is dated \($0), after the check date \(day)" }
                ?? "it has no signing date (as of \(day))"
            return [.error("agreement-adhesion-missing",
                           "adhesion agreement '\(unsigned.id)' is not signed: \(when), and the office is at status '\(status)'",
                           at: unsigned.node.span, related: [RelatedLocation(m.statusSpan, "the office's status")],
                           help: "set the agreement's signed_on once every party has signed, or keep the office at status 'candidate'")]
        }
        // A signed adhesion in the office's folder that it does not list: the fix is the list.
        if let kept = Self.unlistedAdhesion(m.slug, day: day, c) {
            return [.error("agreement-adhesion-missing",
                           "the office is at status '\(status)', but relies on no signed adhesion agreement of its council: '\(kept.id)', in its folder, is not in its list",
                           at: m.statusSpan,
                           related: [RelatedLocation(kept.root?["id"]?.span ?? .wholeFile(kept.path), "the council's adhesion")],
                           help: "add '- \(kept.id)' under 'agreements:' in \(m.files.office?.path ?? "seeds/\(m.slug)/office.yaml")")]
        }
        return [.error("agreement-adhesion-missing",
                       "the office is at status '\(status)', but relies on no signed adhesion agreement of its council",
                       at: m.statusSpan,
                       help: "add the adhesion agreement as seeds/\(m.slug)/agreements/<id>.yaml (type: adhesion, with signed_on) and list its id under the office's 'agreements'")]
    }

    /// A signed adhesion (by `day`) saved in the municipality's folder, when the office
    /// relies on no adhesion at all: `agreement-adhesion-missing` names it, and
    /// `agreement-unlisted` is not told of it too.
    static func unlistedAdhesion(_ slug: String, day: Day, _ c: ValidationContext) -> Document? {
        guard !c.network.reliedAgreements(slug).contains(where: { $0.document?.agreementType == .adhesion }) else { return nil }
        return c.network.agreements.first { $0.municipality == slug && $0.agreementType == .adhesion && ($0.signedOn.map { $0 <= day } ?? false) }
    }

    /// `agreement-signed-after-opening`: an office that serves the public (a pilot or open)
    /// opened before the first adhesion it relies on was signed; it served under the
    /// programme without its council's adhesion (session 26's trial: a typo in either date
    /// went through).
    func openedBefore(_ m: ResolvedMunicipality, adhesion: AgreementReliance, signedOn: Day) -> [Diagnostic] {
        guard let status = m.status, status >= .pilot, let opened = m.openingDate, opened < signedOn,
              let node = m.files.office?.root?["opening_date"] else { return [] }
        let signing = adhesion.document?.root?["signed_on"]
        return [.error("agreement-signed-after-opening",
                       "the office opened on \(opened), before its adhesion agreement '\(adhesion.id)' was signed on \(signedOn)",
                       at: node.span, related: signing.map { [RelatedLocation($0.span, "the adhesion's signing date")] } ?? [],
                       help: "correct the opening date or the agreement's signed_on (often the year): an office serves under the programme once its council has signed the adhesion")]
    }

    /// `agreement-expired` and `agreement-expiring`, once per agreement, with every
    /// office that relies on it as a related location.
    func validity(_ doc: Document, _ root: Node, _ users: [(municipality: String, node: Node)], _ asOf: Day) -> [Diagnostic] {
        guard let node = root["valid_until"], let until = doc.inForceUntil(on: asOf) else { return [] }
        let days = until.ordinal - asOf.ordinal
        guard days <= AgreementRule.warningDays else { return [] }
        // An end before valid_until: that of the first term, the extension coming after it.
        let (first, it) = doc.firstValidUntil != nil ? ("its first term", "it") : ("its first \(AgreementTerm.years) years", "them")
        let firstTerm = until == doc.validUntil ? ""
            : ", the end of \(first) (its extension of \(doc.extendedOn!) \(doc.extendedOn! > asOf ? "is not agreed yet" : "came after \(it)"))"
        let names = users.map(\.municipality)
        let who = names.count == 1 ? "\(names[0]) relies on it" : "\(names.joined(separator: ", ")) rely on it"
        let related = users.map { RelatedLocation($0.node.span, "\($0.municipality) relies on it here") }
        // Extended in time, its new end not written (session 27's trial).
        let unwritten = doc.extendedOn.map { firstTerm.isEmpty && $0 <= asOf && until <= (doc.firstTermEnd ?? until) } ?? false
        // Never signed: it was never in force (session 43's trial read "was in force until").
        if days < 0, doc.signedOn == nil {
            return [.error("agreement-expired",
                           "agreement '\(doc.id)' was never signed, and its valid_until, \(until), has passed (as of \(asOf)); \(who)",
                           at: node.span, related: related,
                           help: "sign it with new dates (its signed_on and a valid_until to come), or record the agreement signed in its place; or stop relying on it")]
        }
        if days < 0 {
            return [.error("agreement-expired",
                           "agreement '\(doc.id)' was in force until \(until)\(firstTerm) and has ended (as of \(asOf)); \(who)",
                           at: node.span, related: related,
                           help: unwritten ? "it was extended on \(doc.extendedOn!): write the extended end in valid_until"
                               : "record the agreement that replaces it (an agreement that has ended cannot be extended), or, if the parties extended it before it ended, its extended_on and new valid_until; or stop relying on it")]
        }
        let when = days == 0 ? "today" : days == 1 ? "in 1 day" : "in \(days) days"
        return [.warning("agreement-expiring",
                         "agreement '\(doc.id)' ends on \(until)\(firstTerm), \(when) (as of \(asOf)); \(who)",
                         at: node.span, related: related,
                         help: "start its renewal now: before it ends, the parties may extend it by up to four years (record extended_on and the new valid_until) or sign a new agreement (Llei 40/2015, art. 49.h)")]
    }

    /// `agreement-dates-inverted`: an end before the signing, an extension before the
    /// signing, of an agreement not signed, or after the end; not of a date after the day
    /// the check was given (`date-after-check-day`'s error, the one of that token).
    /// `endInDoubt` when the error says the end itself may be wrong (an end before the
    /// signing, an extension after it: most often the new end not written in valid_until;
    /// a first term's end out of order, which the end in force is read from): the
    /// agreement is then not also told "ended".
    func dates(_ doc: Document, _ root: Node, _ c: ValidationContext) -> (diagnostics: [Diagnostic], endInDoubt: Bool) {
        let signed = doc.signedOn.flatMap { CheckDayRule.reports($0, c) ? nil : $0 }
        let signing = root["signed_on"].map { [RelatedLocation($0.span, "the signing date")] } ?? []
        if let signed, let node = root["valid_until"], let until = doc.validUntil, until < signed {
            return ([.error("agreement-dates-inverted", "agreement '\(doc.id)' ends on \(until), before it was signed on \(signed)",
                            at: node.span, related: signing, help: "correct valid_until or signed_on")], true)
        }
        // The first term's end (written when the agreement was extended) between the signing
        // and the extended end: the end in force is read from it.
        if let firstNode = root["first_valid_until"], let first = doc.firstValidUntil {
            if let signed, first < signed {
                return ([.error("agreement-dates-inverted", "agreement '\(doc.id)' ended its first term on \(first), before it was signed on \(signed)",
                                at: firstNode.span, related: signing, help: "correct first_valid_until (the valid_until the agreement had before its extension) or signed_on")], true)
            }
            if let until = doc.validUntil, let untilNode = root["valid_until"], first > until {
                return ([.error("agreement-dates-inverted", "agreement '\(doc.id)' ended its first term on \(first), after its extended end on \(until)",
                                at: firstNode.span, related: [RelatedLocation(untilNode.span, "its last day in force")],
                                help: "set valid_until to the extended end, and first_valid_until to the end the agreement had before it")], true)
            }
        }
        guard let node = root["extended_on"], let extended = doc.extendedOn, !CheckDayRule.reports(extended, c) else { return ([], false) }
        if let until = doc.validUntil, let untilNode = root["valid_until"], extended > until {
            return ([.error("agreement-dates-inverted", "agreement '\(doc.id)' was extended on \(extended), after it ended on \(until)",
                            at: node.span, related: [RelatedLocation(untilNode.span, "its last day in force")],
                            help: "set valid_until to the extended end, or correct extended_on")], true)
        }
        if root["signed_on"] == nil {
            return ([.error("agreement-dates-inverted", "agreement '\(doc.id)' was extended on \(extended), but has no signing date",
                            at: node.span, help: "add signed_on, the day the last party signed; an agreement is extended once it is in force")], false)
        }
        if let signed, extended < signed {
            return ([.error("agreement-dates-inverted", "agreement '\(doc.id)' was extended on \(extended), before it was signed on \(signed)",
                            at: node.span, related: signing, help: "correct extended_on or signed_on")], false)
        }
        return ([], false)
    }

    /// `agreement-term-too-long` (a warning: a law of its own may provide for a longer
    /// term, art. 49.h.1): an agreement in force for more than four years from its
    /// signing (`AgreementTerm.years`); when it was extended (`extended_on`, whatever its
    /// day), one extended after its first term had ended (its `first_valid_until`, else four
    /// years after the signing), a first term of more than four years, or an extension of
    /// more than four years from the first term's end (else eight years from the signing,
    /// art. 49.h.2). Not when `agreement-dates-inverted` or `date-after-check-day` holds the
    /// signing or the end, nor when the extension's date or the first term's end is
    /// refused or out of order (what was agreed is unknown).
    func term(_ doc: Document, _ root: Node, _ c: ValidationContext) -> [Diagnostic] {
        guard let signed = doc.signedOn, !CheckDayRule.reports(signed, c), let until = doc.validUntil, signed <= until,
              let untilNode = root["valid_until"] else { return [] }
        let years = AgreementTerm.years
        let firstEnd = signed.adding(years: years)
        let signing = root["signed_on"].map { [RelatedLocation($0.span, "the signing date")] } ?? []
        let span = "from its signing on \(signed) to \(until), a term of \(AgreementRule.duration(Day(ordinal: signed.ordinal + 1), through: until))"
        if let node = root["extended_on"] {
            // An extension date the schema refused, or out of order with the others, is its
            // own error: what the parties agreed is unknown.
            guard let extended = doc.extendedOn, !c.refused(node, in: doc.path), signed <= extended, extended <= until else { return [] }
            // The first term's end when written (out of order, it is its own error), else
            // the longest a first term may run.
            let firstNode = root["first_valid_until"]
            if let firstNode, c.refused(firstNode, in: doc.path) { return [] }
            let written = doc.firstValidUntil
            if let written, written < signed || written > until { return [] }
            let first = written ?? firstEnd
            let firstRelated = firstNode.map { [RelatedLocation($0.span, "the end of its first term")] } ?? signing
            // One after the day of the check is that error's; the limits hold all the same.
            if extended > first, !CheckDayRule.reports(extended, c) {
                let ended = written == nil ? "its first \(years) years had ended on \(first)" : "its first term had ended on \(first)"
                return [.warning("agreement-term-too-long",
                                 "agreement '\(doc.id)' was extended on \(extended), after \(ended)",
                                 at: node.span, related: firstRelated,
                                 help: "an agreement is extended before its term ends (Llei 40/2015, art. 49.h.2); once it has ended, the parties sign a new one: record it as a new agreement, or correct extended_on")]
            }
            var out: [Diagnostic] = []
            if let written, let firstNode, written > firstEnd {
                let firstSpan = "from its signing on \(signed) to \(written), a term of \(AgreementRule.duration(Day(ordinal: signed.ordinal + 1), through: written))"
                out.append(.warning("agreement-term-too-long",
                                    "agreement '\(doc.id)' ran its first term \(firstSpan): more than the \(years) years of Llei 40/2015, art. 49.h",
                                    at: firstNode.span, related: signing,
                                    help: "correct first_valid_until (the valid_until the agreement had before its extension), unless a law of its own provided for a longer term"))
            }
            guard let written else {
                let limit = signed.adding(years: 2 * years)
                guard until > limit else { return out }
                return out + [.warning("agreement-term-too-long",
                                       "agreement '\(doc.id)' runs \(span): more than its \(years) years and the \(years) of an extension (Llei 40/2015, art. 49.h)",
                                       at: untilNode.span, related: signing,
                                       help: "end it by \(limit), unless a law of its own provides for a longer term; after that, the parties sign a new agreement")]
            }
            // An extension of at most four years, from the day after the first term's end.
            let limit = written.adding(years: years)
            guard until > limit else { return out }
            let length = AgreementRule.duration(Day(ordinal: written.ordinal + 1), through: until)
            return out + [.warning("agreement-term-too-long",
                                   "agreement '\(doc.id)' is extended from the end of its first term on \(written) to \(until), an extension of \(length): more than the \(years) years of Llei 40/2015, art. 49.h.2",
                                   at: untilNode.span, related: firstRelated,
                                   help: "end it by \(limit), unless a law of its own provides for a longer term; after that, the parties sign a new agreement")]
        }
        guard until > firstEnd else { return [] }
        return [.warning("agreement-term-too-long",
                         "agreement '\(doc.id)' runs \(span): more than the \(years) years of Llei 40/2015, art. 49.h",
                         at: untilNode.span, related: signing,
                         help: "end it by \(firstEnd), \(years) years after its signing (Llei 39/2015, art. 30.4), unless a law of its own provides for a longer term; if the parties agreed to extend it, record the day in extended_on (by up to \(years) more years)")]
    }

    /// A term in words: "4 years and 7 months", "4 years, 1 month and 3 days".
    static func duration(_ first: Day, through last: Day) -> String {
        let (months, days) = first.months(through: last)
        let parts = [(months / 12, "year"), (months % 12, "month"), (days, "day")].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)\($0.0 == 1 ? "" : "s")" }
        guard parts.count > 1 else { return parts.first ?? "0 days" }
        return parts.dropLast().joined(separator: ", ") + " and " + parts.last!
    }

    /// `agreement-party-unknown`.
    func parties(_ root: Node) -> [Diagnostic] {
        let ids = Set((root.sequence(at: "parties") ?? []).compactMap { $0.string(at: "id") })
        return (root.sequence(at: "money") ?? []).compactMap { line in
            guard let node = line["party"], let party = node.string, !ids.contains(party) else { return nil }
            return .error("agreement-party-unknown",
                          "money line names party '\(party)', which the agreement does not list",
                          at: node.span, help: Suggestions.didYouMean(party, in: ids.sorted())
                              ?? (ids.isEmpty ? "list the party under 'parties' first" : "use the id of one of the agreement's parties: \(ids.sorted().joined(separator: ", "))"))
        }
    }
}
