import Loading
import Model
import Rendering
import Resolution

/// What a municipality does with a model service, as the comparison tells it: each kind
/// has a symbol and a word (never colour alone), and whether it departs from the model.
enum ComparisonMark: String, CaseIterable, Sendable {
    /// Offered as the model describes it (core and recommended services).
    case asInModel = "as-in-model"
    /// Offered with fields the municipality overrides.
    case changed
    /// A recommended service the municipality does not offer, with its reason.
    case omitted
    /// An optional service the municipality offers.
    case takenUp = "taken-up"
    /// An optional service the municipality does not offer (the model's default).
    case notTakenUp = "not-taken-up"
    /// The municipality's own service, outside the model.
    case local

    var symbol: String {
        switch self {
        case .asInModel: return "✓"
        case .changed: return "✎"
        case .omitted: return "✕"
        case .takenUp: return "+"
        case .notTakenUp: return "–"
        case .local: return "★"
        }
    }

    /// Whether the mark is a difference from the model (and so shown in colour).
    var differs: Bool { self != .asInModel && self != .notTakenUp }

    var key: String { rawValue.replacingOccurrences(of: "-", with: "_") }
}

extension Pages {
    /// The word for what a municipality does with a service (`core`, `adopted`, …) on
    /// the site: an optional service offered is "taken up" (`compare.taken_up`), never
    /// "adopted", a word one letter from "adapted".
    func adoptionWord(_ state: String, _ language: SiteLanguage) -> String {
        switch state {
        case "adopted": return language["compare.taken_up"]
        case "not-adopted": return language["compare.not_taken_up"]
        default: return language.label("adoption", state)
        }
    }

    /// The catalogue comparison, built to stay small for any number of municipalities
    /// (no municipalities × services grid): first each municipality's differences from
    /// the model (omissions with their reasons, optional services taken up, local changes
    /// by field, local services), then a summary per model service. A "differences only"
    /// view hides what follows the model, with CSS `:target` (no script).
    func comparison(_ language: SiteLanguage, _ path: String) -> PageContent {
        let table = site.comparison
        func fieldNames(_ names: [String]) -> String {
            let tops = names.map { name -> String in
                let top = name.split(whereSeparator: { $0 == "." || $0 == "[" }).first.map(String.init) ?? name
                return language.formatter.inSentence(language.word("field", top))
            }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            return language.formatter.list(tops)
        }
        func word(_ mark: ComparisonMark) -> String { language["compare.\(mark.key)"] }
        let serviceLinks = table.rows.map { modelLink(.service, $0.service, .service($0.service), language, from: path) }
        // The reasons of omissions, each text once per service with the municipalities
        // that give it (a reason shared by many is not repeated for each).
        var reasons: [ComparisonView.Reason] = []
        var reasonIndex: [String: Int] = [:]
        for (r, row) in table.rows.enumerated() {
            for (k, cell) in row.cells.enumerated() where cell.state == "omitted" {
                let text = language.html(cell.reason)
                let key = "\(r)\u{0}\(text)"
                if reasonIndex[key] == nil {
                    reasonIndex[key] = reasons.count
                    reasons.append(.init(id: "reason-\(reasons.count + 1)", link: serviceLinks[r], text: text, municipalities: ""))
                }
                let i = reasonIndex[key]!
                let name = site.municipalityName(table.municipalities[k])
                reasons[i].municipalities += reasons[i].municipalities.isEmpty ? name : ", " + name
            }
        }
        let reasonWord = HTML.escape(language["compare.reason"])
        let municipalities = table.municipalities.enumerated().map { k, slug -> ComparisonView.Municipality in
            var marks: [ComparisonMark: [ComparisonView.Item]] = [:]
            var same = 0
            for (r, row) in table.rows.enumerated() {
                let cell = row.cells[k]
                func add(_ mark: ComparisonMark, _ detail: String) {
                    marks[mark, default: []].append(.init(link: serviceLinks[r], detail: detail, has_detail: !detail.isEmpty))
                }
                switch cell.state {
                case "omitted":
                    let id = reasons[reasonIndex["\(r)\u{0}\(language.html(cell.reason))"]!].id
                    add(.omitted, "<a href=\"#\(id)\">\(reasonWord)</a>")
                case "adopted":
                    add(.takenUp, cell.overridden.isEmpty ? "" : HTML.escape(word(.changed).lowercased() + ": " + fieldNames(cell.overridden)))
                // An optional service not offered is not "offered as the model describes it" (the
                // legend's words; session 38's trial counted 2 more than offered): the summary
                // per service tells it.
                case "not-adopted": break
                default:
                    if cell.overridden.isEmpty { same += 1 } else { add(.changed, HTML.escape(fieldNames(cell.overridden))) }
                }
            }
            for index in table.localServicesByMunicipality[slug] ?? [] {
                let service = table.localServices[index].service
                let doc = site.resolved[slug]?.files.services.first { $0.id == service }
                marks[.local, default: []].append(.init(
                    link: localLink(doc?.root?["name"], .localService(municipality: slug, id: service), language, from: path),
                    detail: "", has_detail: false))
            }
            let differences = ComparisonMark.allCases.compactMap { mark -> ComparisonView.Difference? in
                guard var items = marks[mark] else { return nil }
                for i in items.indices.dropLast() { items[i].separator = "; " }
                return .init(key: mark.rawValue, label: word(mark), items: items)
            }
            return .init(name: site.municipalityName(slug), href: href(.office(slug), language, from: path),
                         differs: !differences.isEmpty, differences: differences,
                         same: language.formatter.count("compare.same_count", same))
        }
        let total = table.municipalities.count
        let services = table.rows.enumerated().map { r, row -> ComparisonView.Service in
            let states = row.cells.map(\.state)
            let offered = states.filter { ["core", "recommended", "adopted"].contains($0) }.count
            let changed = row.cells.filter { !$0.overridden.isEmpty }.count
            let notOffered = states.filter { $0 == "omitted" || $0 == "not-adopted" }.count
            let optional = row.status == "optional"
            func count(_ n: Int, _ mark: ComparisonMark, deviates: Bool) -> ComparisonView.Count {
                .init(text: language.format("count_of", ["done": language.formatter.number(Double(n)),
                                                          "total": language.formatter.number(Double(total))]),
                      symbol: mark.symbol, differs: deviates && n > 0)
            }
            let offeredCount = count(offered, optional ? .takenUp : .asInModel, deviates: optional)
            let changedCount = count(changed, .changed, deviates: true)
            let notOfferedCount = count(notOffered, optional ? .notTakenUp : .omitted, deviates: !optional)
            return .init(link: serviceLinks[r], status: language.word("service_status", row.status),
                         offered: offeredCount, changed: changedCount, not_offered: notOfferedCount,
                         differs: offeredCount.differs || changedCount.differs || notOfferedCount.differs)
        }
        let differing = municipalities.filter(\.differs).count
        let view = ComparisonView(
            summary: language.format("compare.summary", ["differing": language.formatter.number(Double(differing)),
                                                         "total": language.formatter.number(Double(total))]),
            municipalities: municipalities, services: services, reasons: reasons, has_reasons: !reasons.isEmpty,
            legend: ComparisonMark.allCases.map { .init(key: $0.rawValue, symbol: $0.symbol, label: word($0),
                                                         explanation: language["compare.explained.\($0.key)"]) })
        return PageContent(title: language["comparison_heading"], description: language["comparison_intro"],
                           html: render("comparison", view, language), section: .comparison)
    }
}

/// The view model of `comparison.mustache`: differences by municipality, then a summary
/// by service.
struct ComparisonView: ViewModel {
    /// The services of a municipality with one mark (its symbol comes from the stylesheet).
    struct Difference: ViewModel {
        var key: String
        var label: String
        var items: [Item]
    }
    /// A service with a mark; `detail` is HTML: the fields changed, or a link to the
    /// reason of an omission.
    struct Item: ViewModel {
        var link: TextLink
        var detail: String
        var has_detail: Bool
        /// What follows the item: `; ` but after the last.
        var separator = ""
    }
    /// A reason given for leaving a service out, with the municipalities that give it.
    struct Reason: ViewModel {
        var id: String
        var link: TextLink
        /// HTML.
        var text: String
        var municipalities: String
    }
    struct Municipality: ViewModel {
        var name: String
        var href: String
        var differs: Bool
        var differences: [Difference]
        /// `12 serveis com al model`.
        var same: String
    }
    /// A count of municipalities in the summary (`3 de 4`), marked when it is a difference.
    struct Count: ViewModel { var text: String; var symbol: String; var differs: Bool }
    struct Service: ViewModel {
        var link: TextLink
        var status: String
        var offered: Count
        var changed: Count
        var not_offered: Count
        var differs: Bool
    }
    struct LegendEntry: ViewModel { var key: String; var symbol: String; var label: String; var explanation: String }

    var summary: String
    var municipalities: [Municipality]
    var services: [Service]
    var reasons: [Reason]
    var has_reasons: Bool
    var legend: [LegendEntry]
}
