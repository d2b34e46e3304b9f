import Presentation
import Loading
import Model
import Rendering

/// The view model of `chapters/agreements`, an annex: the agreements the office relies
/// on, each with its facts, what each party undertakes and the money committed.
public struct AgreementsView: ChapterView {
    public struct Party: ViewModel, Hashable {
        public var name: TextView
        public var obligations: [TextView]
    }
    public struct Money: ViewModel, Hashable {
        public var party: TextView
        public var purpose: TextView?
        /// `45.000 €`.
        public var amount: String
    }
    public struct Agreement: ViewModel, Hashable {
        public var heading: HeadingView
        public var summary: TextView?
        /// `adhesió a la xarxa`, as a label.
        public var type: String
        /// The signing date in words, or `Encara no s'ha signat`.
        public var signed_on: String
        public var valid_until: String
        /// `in-force`, `ending`, `ended` or `unsigned` (a class), and its words.
        public var state: String
        public var state_label: String
        public var parties: [Party]
        public var money: [Money]
        public var has_money: Bool
        public var money_total: String
    }

    /// The UI strings of the language (`{{ui.key}}`), set by the renderer.
    public var ui: WordTable = [:]
    /// What the annex holds and the day the states are given for.
    public var intro: String
    public var agreements: [Agreement]
    public var has_agreements: Bool
}

/// Builds the annex of agreements from the office's `agreements` and the agreements its
/// opening checklist names; states are as of `BuildInput.recordStateDay`.
struct AgreementsChapter: ChapterBuilder {
    func build(_ c: HandbookContext, number: Int) -> ChapterContent {
        let m = c.markup
        var sections = SectionNumbers(chapter: number)
        let day = c.input.recordStateDay(c.view.slug)
        let agreements = c.network.reliedAgreements(c.view.slug).compactMap(\.document).map { doc -> AgreementsView.Agreement in
            let root = doc.root
            let names = Dictionary((root?.sequence(at: "parties") ?? []).compactMap { p in p.string(at: "id").map { ($0, p["name"]) } }) { a, _ in a }
            let state = doc.agreementState(on: day)
            let money = (root?.sequence(at: "money") ?? []).map { line in
                AgreementsView.Money(party: m.view(line.string(at: "party").flatMap { names[$0] } ?? nil) ?? m.plainView(line.string(at: "party") ?? ""),
                                     purpose: m.view(line["purpose"]), amount: c.format.money(line["amount"]?.number ?? 0))
            }
            return .init(
                heading: sections.next(m.view(root?["title"]) ?? m.plainView(doc.id), anchor: "agreement-\(doc.id)"),
                summary: m.view(root?["summary"]),
                type: c.format.label(c.words["agreement_type.\(root?.string(at: "type") ?? "")"]),
                signed_on: c.format.signing(doc.signedOn, asOf: day, none: c.words["agreement_unsigned"]),
                valid_until: c.format.validity(doc.agreementEnd, asOf: day),
                state: state.rawValue, state_label: c.format.label(c.words["agreement_state.\(state.rawValue)"]),
                parties: (root?.sequence(at: "parties") ?? []).map { p in
                    .init(name: m.view(p["name"]) ?? m.plainView(p.string(at: "id") ?? ""),
                          obligations: (p.sequence(at: "obligations") ?? []).compactMap { m.view($0) })
                },
                money: money, has_money: !money.isEmpty, money_total: c.format.money(doc.agreementMoney))
        }
        let view = AgreementsView(intro: c.words("agreements_annex_intro", ["date": c.format.date(day)]),
                                  agreements: agreements, has_agreements: !agreements.isEmpty)
        return ChapterContent(model: view, sections: sections.sections)
    }
}
