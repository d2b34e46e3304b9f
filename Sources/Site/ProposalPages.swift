import Loading
import Model
import Presentation
import Rendering

/// How the model changes: the proposals (by status, each with who proposed it, why, the
/// documents it changes and the decision) and the changelog (the releases, newest first,
/// with the proposals each published and the offices that follow it).
extension Pages {
    /// The statuses in the order the proposals page lists them.
    static let proposalStatuses = ["under-review", "draft", "accepted", "rejected"]

    func proposalRoutes() -> [SiteRoute] {
        var out: [SiteRoute] = []
        if !network.modelDocuments(.proposal).isEmpty { out.append(.proposals) }
        if !network.releases.isEmpty { out.append(.changelog) }
        return out
    }

    /// The release that published a proposal, if any.
    func release(publishing id: String) -> ModelRelease? {
        network.releases.first { $0.proposals.contains(id) }
    }

    /// A link to a document a proposal changes, or its name when it has no page.
    func changedDocument(_ item: Node, _ language: SiteLanguage, from path: String) -> ProposalsView.Document {
        let routes: [(String, Kind, (String) -> SiteRoute)] = [
            ("service", .service, SiteRoute.service), ("procedure", .procedure, SiteRoute.procedure),
            ("role", .role, SiteRoute.role), ("training-module", .trainingModule, SiteRoute.training),
            ("indicator", .indicator, SiteRoute.indicator),
        ]
        for (key, kind, route) in routes {
            if let id = item.string(at: key) {
                return .init(kind: language.label("proposal_document", key), link: modelLink(kind, id, route(id), language, from: path), has_link: true)
            }
        }
        if let id = item.string(at: "checklist-item") {
            let entry = network.modelDocuments(.checklistTemplate).first?.root?.sequence(at: "items")?.first { $0.string(at: "id") == id }
            return .init(kind: language.label("proposal_document", "checklist-item"),
                         link: TextLink(entry.map { language.text($0["title"]) } ?? language.plain(id), href: ""), has_link: false)
        }
        // The handbook outline and the model's own file: named by their titles.
        let key = ["handbook-outline", "model"].first { item[$0] != nil } ?? "model"
        let kind: Kind = key == "model" ? .model : .handbookOutline
        let title = network.modelDocuments(kind).first?.root?["title"]
        return .init(kind: language.label("proposal_document", key),
                     link: TextLink(title.map { language.text($0) } ?? language.plain(item.string(at: key) ?? ""), href: ""), has_link: false)
    }

    func proposals(_ language: SiteLanguage, _ path: String) -> PageContent {
        let docs = network.modelDocuments(.proposal)
        let groups = Pages.proposalStatuses.compactMap { status -> ProposalsView.Group? in
            let members = docs.filter { $0.root?.string(at: "status") == status }
                .sorted { ($0.root?.string(at: "submitted_on") ?? "", $0.id) > ($1.root?.string(at: "submitted_on") ?? "", $1.id) }
            guard !members.isEmpty else { return nil }
            return .init(id: "status-\(status)", status: language.label("proposal_status", status), proposals: members.map { doc in
                let root = doc.root
                let by = root?["proposed_by"]
                let slug = by?.string(at: "by") == "municipality" ? by?.string(at: "municipality") : nil
                let decision = root?["decision"]
                let published = release(publishing: doc.id)
                return .init(
                    id: "proposal-\(doc.id)", title: language.text(root?["title"]),
                    status: status, status_label: language.label("proposal_status", status),
                    proposer: slug.map { site.municipalityName($0) } ?? language["proposal_by_agency"],
                    proposer_href: slug.map { href(.office($0), language, from: path) } ?? "", has_proposer_href: slug != nil,
                    submitted_on: language.date(root?.string(at: "submitted_on")), submitted_day: root?.string(at: "submitted_on") ?? "",
                    rationale: language.paragraphs(root?["rationale"]),
                    changes: (root?.sequence(at: "changes") ?? []).map { item in
                        .init(document: changedDocument(item, language, from: path), change: language.text(item["change"]))
                    },
                    has_decision: decision != nil,
                    // HTML: the body not translated is marked and tagged with its language
                    // (it read as the page's; session 45's trial).
                    decision: Strings.fill(HTML.escape(language["proposal_decision"]),
                                           ["body": language.html(decision?["body"]),
                                            "date": HTML.escape(language.date(decision?.string(at: "date")))]),
                    reasons: language.paragraphs(decision?["reasons"]), has_reasons: decision?["reasons"] != nil,
                    has_release: published != nil,
                    release: published.map { language.format("proposal_published_in", ["version": $0.version]) } ?? "",
                    release_href: published.map { href(.changelog, language, from: path, fragment: "release-\($0.version)") } ?? "")
            })
        }
        let view = ProposalsView(intro: language["proposals_intro"], groups: groups,
                                 has_changelog: !network.releases.isEmpty, changelog_href: href(.changelog, language, from: path))
        return PageContent(title: language["proposals_heading"], description: language["proposals_intro"],
                           breadcrumbs: [(language["nav_model"], .modelIndex)],
                           html: render("proposals", view, language), section: .model)
    }

    func changelog(_ language: SiteLanguage, _ path: String) -> PageContent {
        let followers = Dictionary(grouping: site.municipalities) { $0.files.adaptation?.root?.string(at: "base_model_version") ?? "" }
        let releases = network.releases.reversed().map { r in
            ChangelogView.Release(
                id: "release-\(r.version)", version: r.version,
                date: r.date.map(language.formatter.date) ?? "", day: r.date?.description ?? "",
                current: r.version == network.settings.version,
                summary: language.text(r.summary),
                proposals: r.proposals.map { id in
                    TextLink(language.text(network.modelDocument(.proposal, id)?.root?["title"]),
                             href: href(.proposals, language, from: path, fragment: "proposal-\(id)"))
                },
                has_proposals: !r.proposals.isEmpty,
                offices: (followers[r.version] ?? []).map { .init(name: site.municipalityName($0.slug), href: href(.office($0.slug), language, from: path)) },
                has_offices: !(followers[r.version] ?? []).isEmpty)
        }
        let view = ChangelogView(intro: language.format("changelog_intro", ["version": network.settings.version]),
                                 releases: Array(releases),
                                 has_proposals_page: !network.modelDocuments(.proposal).isEmpty,
                                 proposals_href: href(.proposals, language, from: path))
        return PageContent(title: language["changelog_heading"], description: language.format("changelog_intro", ["version": network.settings.version]),
                           breadcrumbs: [(language["nav_model"], .modelIndex)],
                           html: render("changelog", view, language), section: .model)
    }
}

/// The view model of `proposals.mustache`: the proposals grouped by status.
struct ProposalsView: ViewModel {
    struct Document: ViewModel { var kind: String; var link: TextLink; var has_link: Bool }
    struct Change: ViewModel { var document: Document; var change: TextView }
    struct Proposal: ViewModel {
        var id: String
        var title: TextView
        var status: String
        var status_label: String
        var proposer: String
        var proposer_href: String
        var has_proposer_href: Bool
        var submitted_on: String
        var submitted_day: String
        /// The rationale as paragraphs of HTML.
        var rationale: String
        var changes: [Change]
        var has_decision: Bool
        /// `Comitè tècnic de la xarxa, 5 d'octubre de 2026`, as HTML (the body marked when
        /// not translated).
        var decision: String
        var reasons: String
        var has_reasons: Bool
        var has_release: Bool
        var release: String
        var release_href: String
    }
    struct Group: ViewModel { var id: String; var status: String; var proposals: [Proposal] }

    var intro: String
    var groups: [Group]
    var has_changelog: Bool
    var changelog_href: String
}

/// The view model of `changelog.mustache`: the releases, newest first.
struct ChangelogView: ViewModel {
    struct Release: ViewModel {
        var id: String
        var version: String
        var date: String
        var day: String
        /// The model's current version.
        var current: Bool
        var summary: TextView
        var proposals: [TextLink]
        var has_proposals: Bool
        var offices: [AgreementsView.Office]
        var has_offices: Bool
    }

    var intro: String
    var releases: [Release]
    var has_proposals_page: Bool
    var proposals_href: String
}
