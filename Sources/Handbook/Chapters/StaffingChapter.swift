import Presentation
import Foundation
import Loading
import Model
import Rendering
import Resolution

/// The view model of `chapters/staffing`: the office's posts against the model's
/// minimum staffing, the roles (with what each one owns in this office), the training
/// plan as a timeline before the opening date, and the training modules.
public struct StaffingView: ChapterView {
    /// A post's recruitment plan, as a row of the calendar: the selection system, job
    /// group and Catalan level, then the milestones' dates in words ("" when not given).
    public struct RecruitmentRow: ViewModel, Hashable {
        /// The post's id, for the writers; `post_role` names it for readers.
        public var post: String
        public var post_role: String
        public var system: String
        public var job_group: String
        public var catalan_level: String
        public var rules_approved: String
        public var call_published: String
        public var selection: String
        public var start: String
    }
    /// The recruitment calendar of the posts that have a plan.
    public var recruitment_calendar: [RecruitmentRow] = []
    public var has_recruitment_calendar = false

    /// A post of the staffing plan.
    public struct Post: ViewModel, Hashable {
        public var post: String
        /// The post's role, linked.
        public var role: LinkView?
        public var fte: String
        public var start: String
        public var modules: String
    }

    /// A role of the model's minimum staffing for the office's phase.
    public struct Minimum: ViewModel, Hashable {
        public var role: LinkView
        public var minimum: String
        public var have: String
        public var short: Bool
    }

    /// A role with what it owns in this office (links, HTML).
    public struct Role: ViewModel, Hashable {
        /// The `id` that cross-references link to.
        public var anchor: String
        /// The name, in the handbook's language.
        public var title: TextView?
        /// The field of the same name, in the handbook's language.
        public var mission: TextView?
        public var responsibilities: Rows<TextView>?
        /// The field of the same name, in the handbook's language.
        public var profile: TextView?
        /// The field of the same name, in the handbook's language.
        public var dedication: TextView?
        public var reports_to: LinkView?
        /// The services it owns, the procedures it owns and those it takes steps in.
        public var owns_services: LinksView?
        public var owns_procedures: LinksView?
        public var takes_part: LinksView?
    }

    /// A module of a post's training plan.
    public struct Training: ViewModel, Hashable {
        /// The post's id (`coord-1`), for the writers.
        public var post: String
        /// The post for readers: its role's title, numbered when several posts share the
        /// role (`Tècnic/a d'assessorament (2)`).
        public var post_role: String
        /// The module, linked to its entry.
        public var module: LinkView
        public var hours: String
        public var planned: String
        public var completed: String
        public var status: String
        /// `completed`, `pending` or `after_opening`.
        public var status_class: String
    }

    /// A training module of the model.
    public struct Module: ViewModel, Hashable {
        /// The `id` that cross-references link to.
        public var anchor: String
        /// The name, in the handbook's language.
        public var title: TextView?
        /// The field of the same name, in the handbook's language.
        public var description: TextView?
        /// `12 hores · en línia · obligatori`.
        public var facts: String
        /// The roles it is for, linked; nil for none.
        public var roles: LinksView?
        public var outcomes: Rows<TextView>?
        public var contents: Rows<TextView>?
    }

    /// The UI strings of the language (`{{ui.key}}`), set by the renderer.
    public var ui: WordTable = [:]
    /// The heading of the section.
    public var posts: HeadingView
    public var post_rows: [Post]
    /// Said instead when there is nothing to list.
    public var no_posts: String?
    public var recruitment: ParagraphsView?
    public var minimum_intro: String?
    public var minimum_rows: [Minimum]
    /// The heading of the section.
    public var roles: HeadingView
    public var role_list: [Role]
    /// The heading of the section.
    public var plan: HeadingView
    /// Said instead when there is nothing to list.
    public var no_plan: String?
    /// The training plan drawn as inline SVG.
    public var timeline: String?
    public var plan_rows: [Training]
    /// The heading of the section.
    public var modules: HeadingView
    public var module_list: [Module]
}

/// Builds the staffing and training chapter.
struct StaffingChapter: ChapterBuilder {
    func build(_ c: HandbookContext, number: Int) -> ChapterContent {
        var sections = SectionNumbers(chapter: number)
        let m = c.markup
        let plan = c.view.files.staffing?.root
        let staff = plan?.sequence(at: "staff") ?? []
        func heading(_ key: String, _ anchor: String) -> HeadingView { sections.next(m.plainView(c.words[key]), anchor: anchor) }

        // Posts
        let posts = heading("staffing.posts", "staffing-posts")
        let postRows = staff.map { post in
            StaffingView.Post(post: post.string(at: "id") ?? "", role: post.string(at: "role").map(c.roleLinkView),
                              fte: c.format.fte(numeric(post["fte"]) ?? 0),
                              start: post.string(at: "start_date").map(c.format.date) ?? "",
                              modules: String(post.sequence(at: "training")?.count ?? 0))
        }
        var minimumIntro: String?
        var minimumRows: [StaffingView.Minimum] = []
        if let status = c.view.status {
            let phase = c.network.modelDocuments(.model).first?.root?.sequence(at: "phases")?
                .first { $0.string(at: "id") == status.rawValue }
            minimumIntro = c.words("staffing.minimum_intro", ["phase": m.plain(phase?["name"])])
            minimumRows = c.network.settings.requirements.staffing.map { req in
                let have = staff.filter { $0.string(at: "role") == req.role }.count
                let need = req.minimum[status] ?? 0
                return .init(role: c.roleLinkView(req.role), minimum: String(need), have: String(have), short: have < need)
            }
        }

        // Roles
        let roles = heading("staffing.roles", "staffing-roles")
        // Sorted once for every role, not once per role.
        let services = CatalogueChapter.ordered(c), procedures = ProceduresChapter.ordered(c)
        let work = RoleWork.byRole(services: services, procedures: procedures)
        let roleList = c.network.modelDocuments(.role).map { role(for: $0, c, work: work) }

        // Training plan
        let planHeading = heading("staffing.plan", "staffing-plan")
        var entries: [TrainingTimeline.Entry] = []
        var rows: [StaffingView.Training] = []
        let postLabels = StaffingChapter.postLabels(staff, c)
        for post in staff {
            let postId = post.string(at: "id") ?? ""
            let roleTitle = postLabels[postId] ?? postId
            for t in post.sequence(at: "training") ?? [] {
                let moduleId = t.string(at: "module") ?? ""
                let module = c.network.modelDocument(.trainingModule, moduleId)
                let planned = t.string(at: "planned").flatMap(Day.init)
                let completed = t.string(at: "completed").flatMap(Day.init)
                entries.append(.init(post: roleTitle, module: module.map { m.plain($0.root?["title"]) } ?? moduleId,
                                     planned: planned, completed: completed))
                var status = completed == nil ? "pending" : "completed"
                if let completed, let opening = c.view.openingDate, completed > opening { status = "after_opening" }
                rows.append(.init(post: postId, post_role: roleTitle, module: c.trainingLinkView(moduleId),
                                  hours: numeric(module?.root?["hours"]).map { c.format.number($0) } ?? "",
                                  planned: planned.map(c.format.shortDate) ?? "—",
                                  completed: completed.map(c.format.shortDate) ?? "—",
                                  status: c.words[status == "after_opening" ? "staffing.done_after_opening" : "status.\(status == "completed" ? "done" : "pending")"], status_class: status))
            }
        }
        let timeline = TrainingTimeline(
            entries: entries, opening: c.view.openingDate,
            monthLabel: { c.words["month.short.\($0)"] },
            openingLabel: c.view.openingDate.map { c.words("staffing.opening_line", ["date": c.format.shortDate($0)]) } ?? "",
            title: c.words("staffing.timeline_title", ["office": c.officeName]),
            legendPlanned: c.words["staffing.legend_planned"], legendCompleted: c.words["staffing.legend_completed"])

        // Modules
        let modules = heading("staffing.modules", "staffing-modules")
        // The model's modules read the same in every handbook of the language and format:
        // built once for them all (`ViewPartCache`; 1.4% of the handbooks' instructions at 200
        // municipalities when built for each, issue 13).
        let buildModules = { c.network.modelDocuments(.trainingModule).map { doc -> StaffingView.Module in
            let r = doc.root
            let facts = c.words("staffing.module_facts", [
                "hours": c.format.count("duration.hour", numeric(r?["hours"]) ?? 0),
                "format": c.words["training_format.\(r?.string(at: "format") ?? "")"],
                "mandatory": c.words[r?["mandatory"]?.bool == true ? "staffing.mandatory" : "staffing.optional"],
            ])
            return .init(anchor: Anchors.training(doc.id), title: m.view(r?["title"]), description: m.view(r?["description"]),
                         facts: facts, roles: c.links((r?.sequence(at: "target_roles") ?? []).compactMap(\.string).map(c.roleLinkView)), outcomes: textList(r?["outcomes"], m),
                         contents: textList(r?["contents"], m))
        } }
        let moduleList = c.parts.map { $0.part(ModulesKey(language: c.language, format: m.format), build: buildModules) } ?? buildModules()
        var view = StaffingView(
            posts: posts, post_rows: postRows, no_posts: staff.isEmpty ? c.words["staffing_none"] : nil,
            recruitment: m.paragraphsView(plan?["recruitment"]), minimum_intro: minimumIntro, minimum_rows: minimumRows,
            roles: roles, role_list: roleList, plan: planHeading, no_plan: rows.isEmpty ? c.words["staffing.no_plan"] : nil,
            timeline: entries.isEmpty ? nil : m.image(svg: timeline.svg(), alt: timeline.title), plan_rows: rows, modules: modules, module_list: moduleList)
        view.recruitment_calendar = staff.compactMap { post -> StaffingView.RecruitmentRow? in
            guard let r = post["recruitment"] else { return nil }
            let day = { (node: Node?) in node?.string.map(c.format.date) ?? "" }
            let postId = post.string(at: "id") ?? ""
            return .init(post: postId, post_role: postLabels[postId] ?? postId, system: c.format.label(c.words["recruitment_system.\(r.string(at: "system") ?? "")"]),
                         job_group: r.string(at: "job_group") ?? "", catalan_level: r.string(at: "catalan_level") ?? "",
                         rules_approved: day(r["milestones"]?["rules_approved"]), call_published: day(r["milestones"]?["call_published"]),
                         selection: day(r["milestones"]?["selection"]), start: day(post["start_date"]))
        }
        view.has_recruitment_calendar = !view.recruitment_calendar.isEmpty
        return ChapterContent(model: view, sections: sections.sections)
    }

    /// Each post named for readers by its role's title, numbered when several posts share
    /// the role (`Tècnic/a d'assessorament (2)`), by post id.
    static func postLabels(_ staff: [Node], _ c: HandbookContext) -> [String: String] {
        let roleCounts = Dictionary(grouping: staff.compactMap { $0.string(at: "role") }, by: { $0 }).mapValues(\.count)
        var roleSeen: [String: Int] = [:]
        var out: [String: String] = [:]
        for post in staff {
            let postId = post.string(at: "id") ?? ""
            let roleId = post.string(at: "role") ?? ""
            var title = c.network.modelDocument(.role, roleId).map { c.markup.plain($0.root?["title"]) } ?? postId
            roleSeen[roleId, default: 0] += 1
            if roleCounts[roleId, default: 0] > 1 { title += " (\(roleSeen[roleId]!))" }
            out[postId] = title
        }
        return out
    }

    /// The key of the model's training modules in one language and format.
    struct ModulesKey: Hashable, Sendable {
        let language: String
        let format: MarkupFormat
    }

    /// The texts of a list field, or nil when it has none.
    func textList(_ node: Node?, _ m: Markup) -> Rows<TextView>? {
        .of((node?.sequence ?? []).compactMap(m.view))
    }

    /// What each role owns and takes part in, by the role's id, in the handbook's order:
    /// read in one pass over the services and procedures (not once per role).
    struct RoleWork {
        var services: [String] = []
        var procedures: [String] = []
        var steps: [String] = []

        static func byRole(services: [ResolvedService], procedures: [ResolvedProcedure]) -> [String: RoleWork] {
            var work: [String: RoleWork] = [:]
            for i in services.indices {
                if let role = services[i].fields.string(at: "owner_role") { work[role, default: .init()].services.append(services[i].id) }
            }
            for i in procedures.indices {
                let p = procedures[i]
                if let role = p.localOwner?.role ?? p.fields.string(at: "owner_role") { work[role, default: .init()].procedures.append(p.id) }
                var named = Set<String>()
                for step in p.fields.sequence(at: "steps") ?? [] {
                    if let role = step.string(at: "role"), named.insert(role).inserted { work[role, default: .init()].steps.append(p.id) }
                }
            }
            return work
        }
    }

    /// A role with what it owns in this office: services, procedures, and the steps it
    /// takes in other procedures.
    func role(for doc: Document, _ c: HandbookContext, work: [String: RoleWork]) -> StaffingView.Role {
        let m = c.markup
        let r = doc.root
        let mine = work[doc.id] ?? RoleWork()
        let services = mine.services.map(c.serviceLinkView)
        let procedures = mine.procedures.map(c.procedureLinkView)
        let steps = mine.steps.map(c.procedureLinkView)
        return .init(anchor: Anchors.role(doc.id), title: m.view(r?["title"]), mission: m.view(r?["mission"]),
                     responsibilities: textList(r?["responsibilities"], m), profile: m.view(r?["profile"]),
                     dedication: m.view(r?["dedication"]), reports_to: r?.string(at: "reports_to").map(c.roleLinkView),
                     owns_services: c.links(services), owns_procedures: c.links(procedures), takes_part: c.links(steps))
    }
}
