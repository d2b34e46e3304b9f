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
        guard let status = m.status, m.files.staffing != nil else { return out }
        let staff = m.files.staffing?.root?["staff"]?.sequence ?? []
        for req in c.settings.requirements.staffing {
            guard let minimum = req.minimum[status], minimum > 0 else { continue }
            let count = staff.filter { $0["role"]?.string == req.role && ($0["fte"]?.number ?? 1) > 0 }.count
            guard count < minimum else { continue }
            // At the fte of a post of the role that counts for nothing (`fte: 0`, which the
            // schema refuses: its error is then the one), else at the `staff` key: the list
            // lacks a post, none of its tokens is wrong.
            let idle = staff.first { $0["role"]?.string == req.role && ($0["fte"]?.number ?? 1) <= 0 }?["fte"]
            let at = idle?.span ?? m.files.staffing?.root?.pair("staff")?.key.span
                ?? m.files.staffing.map { .wholeFile($0.path) } ?? m.statusSpan
            out.append(.error("staffing-below-minimum",
                              "an office at status '\(status.rawValue)' needs at least \(minimum) \(req.role); the staffing plan of \(m.slug) has \(count)",
                              at: at,
                              related: [RelatedLocation(req.minimumNodes[status]?.span ?? req.span, "the model's minimum")],
                              help: "add a post with 'role: \(req.role)' to the staffing plan"))
        }
        return out
    }
}
