import Foundation
import Loading
import Model
import Rendering

/// Staffing and training: the office's posts against the model's minimum staffing,
/// the roles (with what each one owns in this office), the training plan as a
/// timeline before the opening date, and the training modules.
struct StaffingChapter: ChapterBuilder {
    func build(_ c: HandbookContext, number: Int) -> ChapterContent {
        var sections = SectionNumbers(chapter: number)
        let m = c.markup
        let plan = c.view.files.staffing?.root
        let staff = plan?["staff"]?.sequence ?? []
        var data: [String: Any] = [:]

        // Posts
        data["posts"] = sections.next(m.escape(c.words["staffing.posts"]), anchor: "staffing-posts")
        data["post_rows"] = staff.map { post -> [String: Any] in
            ["post": m.escape(post["id"]?.string ?? ""),
             "role": post["role"]?.string.map(c.roleLink) ?? "",
             "fte": m.escape(c.format.number(numeric(post["fte"]) ?? 0)),
             "start": post["start_date"]?.string.map { m.escape(c.format.date($0)) } ?? "",
             "modules": String(post["training"]?.sequence?.count ?? 0)]
        }
        data["no_posts"] = staff.isEmpty ? m.escape(c.words["staffing.no_posts"]) : nil
        if let recruitment = plan?["recruitment"] { data["recruitment"] = m.paragraphs(recruitment) }
        if let status = c.view.status {
            let phase = c.network.modelDocuments(.model).first?.root?["phases"]?.sequence?
                .first { $0["id"]?.string == status.rawValue }
            data["minimum_intro"] = m.escape(c.words("staffing.minimum_intro", ["phase": m.plain(phase?["name"])]))
            data["minimum_rows"] = c.network.settings.requirements.staffing.map { req -> [String: Any] in
                let have = staff.filter { $0["role"]?.string == req.role }.count
                let need = req.minimum[status] ?? 0
                return ["role": c.roleLink(req.role), "minimum": String(need), "have": String(have),
                        "short": have < need]
            }
        }

        // Roles
        data["roles"] = sections.next(m.escape(c.words["staffing.roles"]), anchor: "staffing-roles")
        data["role_list"] = c.network.modelDocuments(.role).map { role(for: $0, c) }

        // Training plan
        data["plan"] = sections.next(m.escape(c.words["staffing.plan"]), anchor: "staffing-plan")
        var entries: [TrainingTimeline.Entry] = []
        var rows: [[String: Any]] = []
        for post in staff {
            let postId = post["id"]?.string ?? ""
            let roleTitle = post["role"]?.string.flatMap { c.network.modelDocument(.role, $0) }.map { m.plain($0.root?["title"]) } ?? ""
            for t in post["training"]?.sequence ?? [] {
                let moduleId = t["module"]?.string ?? ""
                let module = c.network.modelDocument(.trainingModule, moduleId)
                let planned = t["planned"]?.string.flatMap(Day.init)
                let completed = t["completed"]?.string.flatMap(Day.init)
                entries.append(.init(post: "\(postId) · \(roleTitle)", module: module.map { m.plain($0.root?["title"]) } ?? moduleId,
                                     planned: planned, completed: completed))
                var status = completed == nil ? "pending" : "completed"
                if let completed, let opening = c.view.openingDate, completed > opening { status = "after_opening" }
                rows.append([
                    "post": m.escape(postId), "module": c.trainingLink(moduleId),
                    "hours": numeric(module?.root?["hours"]).map { m.escape(c.format.number($0)) } ?? "",
                    "planned": planned.map { m.escape(c.format.shortDate($0)) } ?? "—",
                    "completed": completed.map { m.escape(c.format.shortDate($0)) } ?? "—",
                    "status": m.escape(c.words["staffing.status.\(status)"]), "status_class": status,
                ])
            }
        }
        let timeline = TrainingTimeline(
            entries: entries, opening: c.view.openingDate,
            monthLabel: { c.words["month.short.\($0)"] },
            openingLabel: c.view.openingDate.map { c.words("staffing.opening_line", ["date": c.format.shortDate($0)]) } ?? "",
            title: c.words("staffing.timeline_title", ["office": c.officeName]),
            legendPlanned: c.words["staffing.legend_planned"], legendCompleted: c.words["staffing.legend_completed"])
        data["timeline"] = entries.isEmpty ? nil : timeline.svg()
        data["plan_rows"] = rows
        data["no_plan"] = rows.isEmpty ? m.escape(c.words["staffing.no_plan"]) : nil

        // Modules
        data["modules"] = sections.next(m.escape(c.words["staffing.modules"]), anchor: "staffing-modules")
        data["module_list"] = c.network.modelDocuments(.trainingModule).map { doc -> [String: Any] in
            let r = doc.root
            var roles = (r?["target_roles"]?.sequence ?? []).compactMap(\.string).map(c.roleLink)
            if roles.isEmpty { roles = ["—"] }
            return [
                "anchor": Anchors.training(doc.id), "title": m.text(r?["title"]),
                "description": m.text(r?["description"]),
                "facts": m.escape(c.words("staffing.module_facts", [
                    "hours": c.format.number(numeric(r?["hours"]) ?? 0),
                    "format": c.words["training_format.\(r?["format"]?.string ?? "")"],
                    "mandatory": c.words[r?["mandatory"]?.bool == true ? "staffing.mandatory" : "staffing.optional"],
                ])),
                "roles": c.format.list(roles),
                "outcomes": m.list((r?["outcomes"]?.sequence ?? []).map(m.text)),
                "contents": m.list((r?["contents"]?.sequence ?? []).map(m.text)),
            ]
        }
        return ChapterContent(data: data, sections: sections.sections)
    }

    /// A role with what it owns in this office: services, procedures, and the steps it
    /// takes in other procedures.
    func role(for doc: Document, _ c: HandbookContext) -> [String: Any] {
        let m = c.markup
        let r = doc.root
        let services = CatalogueChapter.ordered(c).filter { $0.fields["owner_role"]?.string == doc.id }.map { c.serviceLink($0.id) }
        let procedures = ProceduresChapter.ordered(c).filter { p in
            (p.localOwner?.role ?? p.fields["owner_role"]?.string) == doc.id
        }.map { c.procedureLink($0.id) }
        let steps = ProceduresChapter.ordered(c).filter { p in
            (p.fields["steps"]?.sequence ?? []).contains { $0["role"]?.string == doc.id }
        }.map { c.procedureLink($0.id) }
        var data: [String: Any] = [
            "anchor": Anchors.role(doc.id), "title": m.text(r?["title"]), "mission": m.text(r?["mission"]),
            "responsibilities": m.list((r?["responsibilities"]?.sequence ?? []).map(m.text)),
            "profile": m.text(r?["profile"]), "dedication": m.text(r?["dedication"]),
        ]
        if let boss = r?["reports_to"]?.string { data["reports_to"] = c.roleLink(boss) }
        if !services.isEmpty { data["owns_services"] = c.format.list(services) }
        if !procedures.isEmpty { data["owns_procedures"] = c.format.list(procedures) }
        if !steps.isEmpty { data["takes_part"] = c.format.list(steps) }
        return data
    }
}
