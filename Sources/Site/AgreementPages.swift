import Loading
import Model
import Presentation
import Rendering

/// The agreements of the programme and of the municipalities: a list, and a page for
/// each with its parties, obligations, money and validity as of the site's source day.
extension Pages {
    func agreementRoutes() -> [SiteRoute] {
        let all = site.agreements
        return all.isEmpty ? [] : [.agreements] + all.map { .agreement($0.id) }
    }

    /// The state of an agreement on the day the site tells states as of (`BuildInput.stateDay`), as a badge.
    func agreementState(_ doc: Document, _ language: SiteLanguage) -> AgreementStateView {
        let state = doc.agreementState(on: site.input.stateDay)
        return AgreementStateView(state: state.rawValue, label: language.label("agreement_state", state.rawValue),
                                  as_of: language.format("agreement_state_as_of", ["date": language.formatter.date(site.input.stateDay)]))
    }

    /// Links to the offices that rely on an agreement.
    func relyingOffices(_ doc: Document, _ language: SiteLanguage, from path: String) -> [AgreementsView.Office] {
        (site.relying[doc.path] ?? []).map { .init(name: site.municipalityName($0), href: href(.office($0), language, from: path)) }
    }

    func agreements(_ language: SiteLanguage, _ path: String) -> PageContent {
        let groups = AgreementType.allCases.compactMap { type -> AgreementsView.Group? in
            // By title in the page's language (they came as the programme's folder, then
            // the offices', each by id; session 44's trial).
            let docs = ReadingOrder.sorted(site.agreements.filter { $0.agreementType == type },
                                           name: { language.text($0.root?["title"]).text }, id: \.id)
            guard !docs.isEmpty else { return nil }
            return .init(id: "type-\(type.rawValue)", type: language.label("agreement_type", type.rawValue), agreements: docs.map { doc in
                let root = doc.root
                return .init(link: TextLink(language.text(root?["title"]), href: href(.agreement(doc.id), language, from: path)),
                             parties: language.formatter.list((root?.sequence(at: "parties") ?? []).map { language.string($0["name"]) }),
                             signed_on: language.formatter.signing(doc.signedOn, asOf: site.input.stateDay, none: "—"),
                             signed_day: doc.signedOn?.description ?? "",
                             valid_until: doc.agreementEnd.map { language.formatter.date($0.day) } ?? "",
                             valid_day: doc.agreementEnd?.day.description ?? "",
                             extension_note: language.formatter.extensionNote(doc.agreementEnd, asOf: site.input.stateDay),
                             has_extension: doc.extendedOn != nil,
                             state: agreementState(doc, language),
                             offices: relyingOffices(doc, language, from: path))
            })
        }
        // The agreements that end soon first, the soonest first, with the days left: they
        // were a badge among 74 rows in three tables (session 45's trial).
        let today = site.input.stateDay
        let ending = site.agreements.filter { $0.agreementState(on: today) == .ending }
            .compactMap { doc -> (Document, Day)? in doc.agreementEnd.map { (doc, $0.day) } }
            .sorted { ($0.1, $0.0.id) < ($1.1, $1.0.id) }
            .map { doc, end in
                let offices = (site.relying[doc.path] ?? []).map(site.municipalityName)
                return AgreementsView.Ending(
                    link: TextLink(language.text(doc.root?["title"]), href: href(.agreement(doc.id), language, from: path)),
                    offices: offices.isEmpty ? nil : language.formatter.list(offices),
                    when: language.formatter.count("agreements_ending_when", end.ordinal - today.ordinal,
                                                   ["date": language.formatter.date(end)]))
            }
        let view = AgreementsView(intro: language.format("agreements_intro", ["date": language.formatter.date(site.input.stateDay)]),
                                  ending: ending, has_ending: !ending.isEmpty, groups: groups)
        return PageContent(title: language["agreements_heading"], description: language["agreements_description"],
                           breadcrumbs: [(language["nav_progress"], .progress)],
                           html: render("agreements", view, language), section: .progress)
    }

    func agreement(_ id: String, _ language: SiteLanguage, _ path: String) -> PageContent {
        guard let doc = site.agreementsByID[id], let root = doc.root else { return notFound(language, path) }
        let parties = (root.sequence(at: "parties") ?? []).map { p in
            AgreementView.Party(id: "party-\(p.string(at: "id") ?? "")", name: language.text(p["name"]),
                                signatory: language.text(p["signatory"]), has_signatory: p["signatory"] != nil,
                                obligations: texts(p["obligations"], language))
        }
        let partyNames = Dictionary((root.sequence(at: "parties") ?? []).compactMap { p in p.string(at: "id").map { ($0, p["name"]) } }) { a, _ in a }
        let money = (root.sequence(at: "money") ?? []).map { line in
            AgreementView.Money(party: language.text(line.string(at: "party").flatMap { partyNames[$0] } ?? line["party"]),
                                purpose: language.text(line["purpose"]),
                                amount: language.formatter.money(line["amount"]?.number ?? 0))
        }
        let legal = (root.sequence(at: "legal_basis") ?? []).map { legalCitation($0, language) }
        let municipality = doc.municipality
        let view = AgreementView(
            title: language.text(root["title"]),
            summary: language.text(root["summary"]), has_summary: root["summary"] != nil,
            type: language.label("agreement_type", root.string(at: "type") ?? ""),
            scope: municipality.map { site.municipalityName($0) } ?? language["agreement_scope_programme"],
            state: agreementState(doc, language),
            signed_on: language.formatter.signing(doc.signedOn, asOf: site.input.stateDay, none: language["agreement_unsigned"]),
            signed_day: doc.signedOn?.description ?? "", has_signed: doc.signedOn != nil,
            valid_until: doc.agreementEnd.map { language.formatter.date($0.day) } ?? "", valid_day: doc.agreementEnd?.day.description ?? "",
            extension_note: language.formatter.extensionNote(doc.agreementEnd, asOf: site.input.stateDay), has_extension: doc.extendedOn != nil,
            offices: relyingOffices(doc, language, from: path),
            parties: parties,
            money: money, has_money: !money.isEmpty, money_total: language.formatter.money(doc.agreementMoney),
            legal: legal, has_legal: !legal.isEmpty,
            list_href: href(.agreements, language, from: path))
        return PageContent(title: language.string(root["title"]).nonEmpty ?? id, description: language.string(root["summary"]),
                           breadcrumbs: [(language["nav_progress"], .progress), (language["agreements_heading"], .agreements)],
                           html: render("agreement", view, language), section: .progress)
    }
}

/// An agreement's state as a badge: `state` is the class (`in-force`, `ending`, `ended`,
/// `unsigned`), `label` its words, `as_of` the day it is computed for.
struct AgreementStateView: ViewModel {
    var state: String
    var label: String
    var as_of: String
}

/// The view model of `agreements.mustache`: the agreements by type.
struct AgreementsView: ViewModel {
    struct Office: ViewModel { var name: String; var href: String }
    struct Row: ViewModel {
        var link: TextLink
        var parties: String
        var signed_on: String
        var signed_day: String
        var valid_until: String
        var valid_day: String
        /// "extended on …" (`ValueFormatter.extensionNote`), shown after the end's date.
        var extension_note: String
        var has_extension: Bool
        var state: AgreementStateView
        var offices: [Office]
    }
    struct Group: ViewModel {
        var id: String
        var type: String
        var agreements: [Row]
    }

    /// An agreement that ends soon: its link, the offices relying on it, and when it ends.
    struct Ending: ViewModel {
        var link: TextLink
        var offices: String?
        var when: String
    }

    var intro: String
    /// The agreements ending soon (`AgreementState.ending`), the soonest first.
    var ending: [Ending]
    var has_ending: Bool
    var groups: [Group]
}

/// The view model of `agreement.mustache`.
struct AgreementView: ViewModel {
    struct Party: ViewModel {
        var id: String
        var name: TextView
        var signatory: TextView
        var has_signatory: Bool
        var obligations: [TextView]
    }
    struct Money: ViewModel { var party: TextView; var purpose: TextView; var amount: String }

    var title: TextView
    var summary: TextView
    var has_summary: Bool
    var type: String
    /// The municipality the agreement belongs to, or "the programme".
    var scope: String
    var state: AgreementStateView
    var signed_on: String
    var signed_day: String
    var has_signed: Bool
    var valid_until: String
    var valid_day: String
    /// "extended on …" (`ValueFormatter.extensionNote`), shown after the end's date.
    var extension_note: String
    var has_extension: Bool
    var offices: [AgreementsView.Office]
    var parties: [Party]
    var money: [Money]
    var has_money: Bool
    var money_total: String
    var legal: [ServiceView.Legal]
    var has_legal: Bool
    var list_href: String
}
