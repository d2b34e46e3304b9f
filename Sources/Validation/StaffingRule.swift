import Diagnostics
import Loading
import Model
import Resolution

/// Each office has at least the staff per role that `model.yaml` requires at its status.
struct StaffingRule: MunicipalRule {
    static let rules = [
        RuleInfo("staffing-below-minimum", "An office has fewer staff in a role than the model requires at its status."),
    ]

    /// A municipality's own staffing against the model's minimums: `oae serve` checks one
    /// again when only its files changed.
    func check(_ m: ResolvedMunicipality, _ c: ValidationContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        // Without a staffing plan, its absence is the error (municipality-file-missing).
        // A plan that did not load: its error is the one.
        guard let status = m.status, let plan = m.files.staffing, plan.root != nil else { return out }
        let staff = plan.root?.sequence(at: "staff") ?? []
        let roles = StaffRoles(m, c)
        for req in c.settings.requirements.staffing {
            guard let minimum = req.minimum[status], minimum > 0 else { continue }
            let count = roles.posts.filter { $0.role == req.role && ($0.post["fte"]?.number ?? 1) > 0 }.count
            // A post whose role is misspelt may be the one missing: its error at the role
            // is the one (the help here would ask for a second post of the role).
            guard count + roles.unsure.count < minimum else { continue }
            // At the fte of a post of the role that counts for nothing (`fte: 0`, which the
            // schema refuses: its error is then the one), else at the `staff` key: the list
            // lacks a post, none of its tokens is wrong.
            let idle = staff.first { $0.string(at: "role") == req.role && ($0["fte"]?.number ?? 1) <= 0 }?["fte"]
            let at = idle?.span ?? plan.root?.pair("staff")?.key.span ?? .wholeFile(plan.path)
            let name = c.network.modelDocument(.role, req.role)?.root?["title"]
                .flatMap { LocalizedText($0, defaultLanguage: c.settings.defaultLanguage)?.text("en", fallback: c.settings.defaultLanguage).text }
            let role = name.map { "\($0) ('\(req.role)')" } ?? "'\(req.role)'"
            out.append(.error("staffing-below-minimum",
                              "an office at status '\(status.rawValue)' needs at least \(minimum) \(minimum == 1 ? "post" : "posts") of \(role); the staffing plan of \(m.slug) has \(count)",
                              at: at,
                              related: [RelatedLocation(req.minimumNodes[status]?.span ?? req.span, "the model's minimum")],
                              help: "add a post with 'role: \(req.role)' to the staffing plan"))
        }
        return out
    }
}

/// The posts of a municipality's staffing plan by role, for the rules that count posts of
/// a role or look up which roles the office has. A post whose role the schema refused or
/// that names no role of the model (or has none) holds a role the writer has yet to spell out (its own
/// error says so at the role): it is `unsure`, and a rule that would conclude that no post
/// holds a role (or too few do) says nothing while one is, since that post may be the one.
struct StaffRoles {
    /// Each post with a role of the model, in the plan's order.
    var posts: [(post: Node, role: String)] = []
    /// The posts whose role is missing, refused or unknown.
    var unsure: [Node] = []

    init(_ m: ResolvedMunicipality, _ c: ValidationContext) {
        guard let plan = m.files.staffing else { return }
        for post in plan.root?.sequence(at: "staff") ?? [] {
            let node = post["role"]
            if let role = node?.string, !c.refused(node, in: plan.path), c.network.modelDocument(.role, role) != nil {
                posts.append((post, role))
            } else {
                unsure.append(post)
            }
        }
    }

    /// The roles the posts hold.
    var roles: Set<String> { Set(posts.map(\.role)) }
}
