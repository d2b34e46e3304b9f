import Diagnostics
import Loading
import Model
import Resolution

/// The model's releases and the proposals behind them agree with each other, and each
/// office knows what changed since the version it follows.
struct ReleaseRule: Rule {
    static let rules = [
        RuleInfo("base-model-outdated", "An adaptation follows an older release of the model than the current one."),
        RuleInfo("release-version-mismatch", "The model's version is not its last release."),
        RuleInfo("release-order", "A release is not newer than the one before it."),
        RuleInfo("release-proposal-not-accepted", "A release publishes a proposal that is not accepted."),
        RuleInfo("release-before-decision", "A release publishes a proposal decided after the release's date."),
        RuleInfo("proposal-municipality-unknown", "A proposal names a municipality the network does not have."),
        RuleInfo("proposal-decision-undecided", "A proposal that is not decided (draft, under review) has a decision."),
    ]

    /// `release-version-mismatch`, or nil. Not when the history or the model's version is
    /// not read as written (a release's unquoted `1.1`, a model.yaml without its version:
    /// their own errors), nor when the model's version is a release but the releases are out
    /// of order (`release-order`'s error: which release is the last is not known). The help
    /// is advice that can be followed: add the release when the version is newer than every
    /// release; otherwise set the version to the last release.
    func versionMismatch(_ c: ValidationContext) -> Diagnostic? {
        let releases = c.network.releases
        let current = c.settings.version
        guard let history = c.network.modelDocuments(.releaseHistory).first,
              !(history.root?.sequence(at: "releases") ?? []).contains(where: { $0["version"].map { $0.string == nil } ?? false }),
              let model = c.network.model[.model]?.values.first?.root, model.string(at: "version") != nil,
              let v = SemanticVersion(current), let last = releases.last, last.version != current else { return nil }
        let versions = releases.compactMap { SemanticVersion($0.version) }
        let disordered = zip(versions, versions.dropFirst()).contains { $0.1 <= $0.0 }
        let isReleased = releases.contains { $0.version == current }
        if isReleased && disordered { return nil }
        let help: String
        if isReleased {
            help = "set the model's version to \(last.version), its last release"
        } else if disordered {
            // A release's version mistyped (1.0.5 for 1.2.0) is often both.
            help = "correct the release out of order (release-order), or add release \(current) to model/releases.yaml"
        } else if versions.allSatisfy({ $0 < v }) {
            help = "add release \(current) to model/releases.yaml, after release \(last.version)"
        } else {
            help = "set the model's version to \(last.version), its last release (\(current) is older and was never released)"
        }
        return .error("release-version-mismatch", "the model is at version \(current), but its last release is \(last.version)",
                      at: model["version"]?.span ?? .wholeFile(history.path),
                      related: [RelatedLocation(last.node["version"]!.span, "the last release")], help: help)
    }

    func check(_ c: ValidationContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let releases = c.network.releases
        let current = c.settings.version
        // While the model's version is `release-version-mismatch`'s error, the offices are
        // not also told that nothing was released in between (session 26's trial).
        let mismatch = versionMismatch(c)
        for m in c.resolved where mismatch == nil {
            guard let node = m.files.adaptation?.root?["base_model_version"], let base = node.string,
                  let b = SemanticVersion(base), let v = SemanticVersion(current), b < v,
                  // A version no release has is base-model-version's error, not an older release.
                  releases.isEmpty || releases.contains(where: { $0.version == base }) else { continue }
            let since = c.network.releases(after: base)
            let list = since.map { r in r.date.map { "\(r.version) (\($0))" } ?? r.version }.joined(separator: ", ")
            out.append(.warning("base-model-outdated",
                                since.isEmpty ? "the adaptation follows model version \(base); the model is at \(current), and model/releases.yaml lists no release in between"
                                              : "the adaptation follows model version \(base); released since: \(list)",
                                at: node.span, related: since.map { RelatedLocation($0.node["version"]!.span, "release \($0.version)") },
                                help: "read what changed (the handbook's control page lists it), adjust the adaptation, then set base_model_version: \(current)"))
        }
        guard let history = c.network.modelDocuments(.releaseHistory).first else { return out }
        var previous: ModelRelease?
        for r in releases {
            if let p = previous, let a = SemanticVersion(p.version), let b = SemanticVersion(r.version) {
                if b <= a {
                    out.append(.error("release-order", "release \(r.version) comes after release \(p.version) but is not newer",
                                      at: r.node["version"]!.span, related: [RelatedLocation(p.node["version"]!.span, "release \(p.version)")],
                                      help: "list the releases oldest first, each with a higher version"))
                } else if let da = p.date, let db = r.date, db < da {
                    out.append(.error("release-order", "release \(r.version) is dated \(db), before release \(p.version) (\(da))",
                                      at: r.node["date"]!.span, related: [RelatedLocation(p.node["date"]!.span, "release \(p.version)")],
                                      help: "correct the date of one of the releases"))
                }
            }
            previous = r
            for item in r.node.sequence(at: "proposals") ?? [] {
                guard let id = item.string, let proposal = c.network.modelDocument(.proposal, id)?.root else { continue }
                if let status = proposal["status"], status.string != "accepted" {
                    out.append(.error("release-proposal-not-accepted",
                                      "release \(r.version) publishes proposal '\(id)', which is \(status.display)",
                                      at: item.span, related: [RelatedLocation(status.span, "the proposal's status")],
                                      help: "publish only accepted proposals: record the decision in the proposal, or remove it from the release"))
                } else if let released = r.date, let decidedNode = proposal["decision"]?["date"],
                          let decided = decidedNode.string.flatMap(Day.init), released < decided {
                    out.append(.error("release-before-decision",
                                      "release \(r.version) of \(released) publishes proposal '\(id)', decided only on \(decided)",
                                      at: item.span, related: [RelatedLocation(decidedNode.span, "the proposal's decision")],
                                      help: "correct the date of the decision or of the release: a release publishes proposals decided before it"))
                }
            }
        }
        if let mismatch { out.append(mismatch) }
        for doc in c.network.modelDocuments(.proposal) {
            // A decision is recorded with the status it gives (accepted or rejected): the
            // proposal pages and the releases read the status.
            if let status = doc.root?["status"], let state = status.string, state == "draft" || state == "under-review",
               let decision = doc.root?.pair("decision") {
                out.append(.error("proposal-decision-undecided",
                                  "proposal '\(doc.root?.string(at: "id") ?? doc.id)' is \(state), but has a decision\(decision.value["date"].map { " of \($0.display)" } ?? "")",
                                  at: decision.key.span, related: [RelatedLocation(status.span, "the proposal's status")],
                                  help: "set the status the decision gave (accepted or rejected), or remove the decision until it is taken"))
            }
        }
        for doc in c.network.modelDocuments(.proposal) {
            guard let node = doc.root?["proposed_by"]?["municipality"], let slug = node.string,
                  c.network.municipalities[slug] == nil else { continue }
            // Named by its id, as `id-mismatch` names it (session 43's trial read the file's name here).
            out.append(.error("proposal-municipality-unknown", "proposal '\(doc.root?.string(at: "id") ?? doc.id)' is proposed by '\(slug)', which is not a municipality of the network",
                              at: node.span, help: Suggestions.didYouMean(slug, in: c.network.municipalitySlugs) ?? "use the name of a folder under seeds/"))
        }
        return out
    }
}
