import Diagnostics
import Loading

extension Kind {
    /// A collaboration agreement (`seeds/agreements/<id>.yaml`, programme level, or
    /// `seeds/<municipality>/agreements/<id>.yaml`).
    public static let agreement: Kind = "agreement"
}

/// The types of agreement the programme signs (`type` of `agreement.schema.yaml`).
public enum AgreementType: String, CaseIterable, Sendable {
    /// Between the agency and its knowledge partner: the partner transfers its methods.
    case knowledgeTransfer = "knowledge-transfer"
    /// A council joins the network and undertakes to run an office by the model.
    case adhesion
    /// The office becomes a PAE (Punt d'Atenció a l'Emprenedor) of the CIRCE network
    /// (Real Decreto 127/2015 on PAE and the CIRCE system).
    case paeRegistration = "pae-registration"
    /// Referrals between the office and local entities.
    case referralProtocol = "referral-protocol"
}

/// A reference from a municipality's documents to an agreement it relies on: the
/// node that names it (in the office's `agreements` or an opening checklist item's
/// `agreement`) and the agreement when it exists.
public struct AgreementReliance: Sendable {
    public var id: String
    /// The node holding the id, for positions.
    public var node: Node
    public var document: Document?
}

extension Network {
    /// Every agreement of the tree: the programme's, then each municipality's, by path
    /// (gathered once per network).
    public var agreements: [Document] {
        memo.agreements {
            (modelDocuments(.agreement) + municipalitySlugs.flatMap { municipalities[$0]?.documents(.agreement) ?? [] })
                .sorted { $0.path < $1.path }
        }
    }

    /// After `init(tree:annotations:patching:changed:)`: the agreements and reliances the
    /// previous network had gathered, made this network's by the documents that changed
    /// (`changed`, at the same paths, with the same ids): a changed agreement in place of
    /// its last version, and the reliances of each municipality whose office or opening
    /// checklist changed made again. At 947 municipalities gathering them took a twentieth
    /// of a save of `oae serve` (the site asks for both on every save).
    func carryAgreementViews(from previous: Network, changed: [Document]) {
        let (agreements, relying) = previous.memo.agreementViews
        var carried = agreements
        if carried != nil {
            for doc in changed where doc.kind == .agreement && doc.language == nil {
                if let i = carried!.firstIndex(where: { $0.path == doc.path }) { carried![i] = doc }
            }
        }
        var relied = relying
        if relied != nil {
            let touched = Set(changed.compactMap { doc -> String? in
                guard doc.language == nil, doc.kind == .office || doc.kind == .openingChecklist else { return nil }
                return doc.municipality
            })
            for slug in touched.sorted() {
                let before = Set(previous.reliedAgreements(slug).compactMap { $0.document?.path })
                let after = Set(reliedAgreements(slug).compactMap { $0.document?.path })
                for path in before.subtracting(after) {
                    relied![path]?.removeAll { $0 == slug }
                    if relied![path]?.isEmpty == true { relied![path] = nil }
                }
                // Each list in the order of `municipalitySlugs` (sorted).
                for path in after.subtracting(before) {
                    var slugs = relied![path] ?? []
                    slugs.insert(slug, at: slugs.firstIndex { $0 > slug } ?? slugs.endIndex)
                    relied![path] = slugs
                }
            }
        }
        memo.keep(agreements: carried, relying: relied)
    }

    /// The agreement `id` as a municipality's documents see it: its own, else the
    /// programme's.
    public func agreement(_ id: String, municipality: String) -> Document? {
        municipalities[municipality]?.documents(.agreement).first { $0.id == id } ?? modelDocument(.agreement, id)
    }

    /// The adhesion agreement a municipality's office relies on that was signed first, on or
    /// before `day`; nil when it relies on none signed by then (the expansion page's "agreement
    /// signed"; `agreement-adhesion-missing` tells the office at the stage `agreement` or later).
    public func signedAdhesion(_ municipality: String, by day: Day) -> Document? {
        reliedAgreements(municipality).compactMap { r -> (Document, Day)? in
            guard let doc = r.document, doc.agreementType == .adhesion, let signed = doc.signedOn, signed <= day else { return nil }
            return (doc, signed)
        }.min { $0.1 < $1.1 }?.0
    }

    /// The agreements a municipality's office relies on: those its office lists under
    /// `agreements`, then those its opening checklist items name, each id once (at its
    /// first mention).
    public func reliedAgreements(_ municipality: String) -> [AgreementReliance] {
        guard let files = municipalities[municipality] else { return [] }
        var nodes = files.office?.root?.sequence(at: "agreements") ?? []
        nodes += (files.checklist?.root?.sequence(at: "items") ?? []).compactMap { $0["agreement"] }
        var seen: Set<String> = []
        return nodes.compactMap { node in
            guard let id = node.string, seen.insert(id).inserted else { return nil }
            return AgreementReliance(id: id, node: node, document: agreement(id, municipality: municipality))
        }
    }
}

extension Document {
    /// An agreement's type.
    public var agreementType: AgreementType? { root?.string(at: "type").flatMap(AgreementType.init(rawValue:)) }
    /// The day an agreement was signed; nil while unsigned.
    public var signedOn: Day? { root?.string(at: "signed_on").flatMap(Day.init) }
    /// The last day an agreement is in force.
    public var validUntil: Day? { root?.string(at: "valid_until").flatMap(Day.init) }
    /// The day the parties agreed to extend the agreement (Llei 40/2015, art. 49.h.2), its
    /// `valid_until` being then the extended end; nil when it was not extended.
    public var extendedOn: Day? { root?.string(at: "extended_on").flatMap(Day.init) }
    /// The last day of an extended agreement's first term, when written (`first_valid_until`:
    /// what `valid_until` said before the extension).
    public var firstValidUntil: Day? { root?.string(at: "first_valid_until").flatMap(Day.init) }
    /// The last day of the agreement's first term as far as the file tells: its
    /// `first_valid_until`, else `AgreementTerm.years` after its signing (the longest a
    /// first term may run), else nil (unsigned, none written).
    public var firstTermEnd: Day? { firstValidUntil ?? signedOn?.adding(years: AgreementTerm.years) }

    /// What the outputs tell of the agreement's end (nil when it gives none): its
    /// `valid_until` and the day it was extended; after an extension agreed once the first
    /// term had ended, that term's end instead, the extension told as late. A late
    /// extension extends nothing (Llei 40/2015, art. 49.h.2; `inForceUntil`): the site and
    /// the handbooks showed its new end beside the state "ended".
    public var agreementEnd: AgreementEnd? {
        guard let until = validUntil else { return nil }
        guard let extended = extendedOn, let first = firstTermEnd, extended > first else {
            return AgreementEnd(day: until, extendedOn: extendedOn, late: false)
        }
        return AgreementEnd(day: min(until, first), extendedOn: extended, late: true)
    }
}

/// An agreement's end as the outputs tell it (`Document.agreementEnd`).
public struct AgreementEnd: Sendable, Equatable {
    /// The last day in force.
    public var day: Day
    /// The day the parties agreed to extend it, if they did.
    public var extendedOn: Day?
    /// Whether that extension was agreed after the first term had ended, and so extends
    /// nothing: `day` is then the first term's end.
    public var late: Bool

    public init(day: Day, extendedOn: Day?, late: Bool) {
        self.day = day
        self.extendedOn = extendedOn
        self.late = late
    }
}

/// The term of an agreement between administrations: at most four years, which the parties
/// may extend, before they end, by up to four more (Llei 40/2015, art. 49.h). A term in
/// years counts from the day after the signing and ends on the same day of the month in
/// its last year, or on that month's last day when it has no such day (Llei 39/2015, art.
/// 30.4): signed on 2025-07-14, in force until 2029-07-14 at most.
public enum AgreementTerm {
    public static let years = 4
}

/// Where an agreement stands on a day: what the agreement rules check and what the
/// handbook and the site show.
public enum AgreementState: String, Sendable {
    /// No signing date, or one after the day.
    case unsigned
    /// Signed and in force for more than `AgreementState.warningDays` more days.
    case inForce = "in-force"
    /// In force, but it ends within `AgreementState.warningDays` days.
    case ending
    /// Its last day in force has passed.
    case ended

    /// How many days before an agreement ends it is `ending` (the `agreement-expiring` warning).
    public static let warningDays = 90

    public init(signedOn: Day?, validUntil: Day?, on day: Day) {
        if let until = validUntil, until < day { self = .ended; return }
        guard let signed = signedOn, signed <= day else { self = .unsigned; return }
        if let until = validUntil, until.ordinal - day.ordinal <= AgreementState.warningDays { self = .ending; return }
        self = .inForce
    }
}

extension Document {
    /// Where the agreement stands on `day`.
    public func agreementState(on day: Day) -> AgreementState {
        AgreementState(signedOn: signedOn, validUntil: inForceUntil(on: day), on: day)
    }

    /// The last day an agreement is in force as of `day`: its `valid_until`, but no later
    /// than the end of its first term (`firstTermEnd`: its `first_valid_until`, else
    /// `AgreementTerm.years` after its signing) when its extension was agreed after that
    /// end, or is dated after `day` (not agreed yet): an extension is agreed before the
    /// term ends (Llei 40/2015, art. 49.h.2), and a late one extends nothing (session 27's
    /// trial: an agreement extended a month after its four years was shown in force, and
    /// not told ended; session 28: a two-year protocol extended after its end was not seen
    /// until its first end was written).
    public func inForceUntil(on day: Day) -> Day? {
        guard let until = validUntil else { return nil }
        guard let extended = extendedOn, let firstEnd = firstTermEnd else { return until }
        guard extended > firstEnd || extended > day else { return until }
        return min(until, firstEnd)
    }

    /// The days on which what the outputs tell of the agreement may change: its state
    /// (`agreementState(on:)`) on its signing, and for each end it may be in force until
    /// (`inForceUntil`: its `valid_until`; when extended, its first term's end too) the first
    /// day it is `ending` (`AgreementState.warningDays` before) and the day after it
    /// (`ended`); and the day of its extension, from which an extension agreed in time
    /// counts, and the outputs tell it agreed, no longer planned (`extensionNote`; the review
    /// of session 29: a protocol extended within four years without `first_valid_until` kept
    /// "planned" after the day). No other day: a handbook is rendered again on each.
    public var agreementStateChanges: [Day] {
        var days = [signedOn].compactMap { $0 }
        var ends = [validUntil].compactMap { $0 }
        if extendedOn != nil, let first = firstTermEnd, let until = validUntil, first < until { ends.append(first) }
        if let extended = extendedOn { days.append(extended) }
        for end in ends {
            days.append(Day(ordinal: end.ordinal - AgreementState.warningDays))
            days.append(Day(ordinal: end.ordinal + 1))
        }
        return days
    }

    /// The agreement's money lines added up, in euros.
    public var agreementMoney: Double {
        (root?.sequence(at: "money") ?? []).compactMap { $0["amount"]?.number }.reduce(0, +)
    }
}

extension Network {
    /// The municipalities whose offices rely on each agreement, by the agreement's path:
    /// slugs in the order of `municipalitySlugs`. One pass over the offices, so that the
    /// agreement pages of a network of 947 offices do not look at every office once per
    /// agreement.
    public func municipalitiesRelyingByAgreement() -> [String: [String]] {
        memo.relying { gatherRelying() }
    }

    private func gatherRelying() -> [String: [String]] {
        var relying: [String: [String]] = [:]
        for slug in municipalitySlugs {
            var seen: Set<String> = []
            for reliance in reliedAgreements(slug) {
                guard let path = reliance.document?.path, seen.insert(path).inserted else { continue }
                relying[path, default: []].append(slug)
            }
        }
        return relying
    }
}
