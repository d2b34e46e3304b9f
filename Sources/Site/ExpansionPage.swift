import Loading
import Model
import Presentation
import Rendering
import Resolution

extension Pages {
    /// The stages of the expansion, in order (`candidate` → `open`).
    static let expansionStages = ["candidate", "agreement", "planned", "pilot", "open"]

    /// The expansion across the programme's area: every municipality of the metropolitan
    /// area (from the official register) with its stage, its wave and, for those with an
    /// office folder, its readiness (opening checklist, posts filled by the day of the
    /// build, mandatory training complete, adhesion agreement signed by the day of the
    /// build), and the map of the offices.
    /// A municipality with an office folder takes its stage from the office's status;
    /// the others from the expansion plan (`candidate` when the plan does not list them).
    func expansion(_ language: SiteLanguage, _ path: String) -> PageContent {
        let formatter = language.formatter
        let plan = network.expansionPlan
        let register = network.register?.entries.filter(\.metropolitan) ?? []
        let today = site.input.stateDay
        let officesByCode = Dictionary(site.municipalities.compactMap { r -> (String, ResolvedMunicipality)? in
            guard let code = r.files.office?.root?["municipality"]?.string(at: "ine_code") else { return nil }
            return (code, r)
        }, uniquingKeysWith: { a, _ in a })
        let waveNames = Dictionary((plan?.waves ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var rows: [ExpansionView.Row] = []
        for entry in register.sorted(by: { MunicipalityRegister.fold($0.name) < MunicipalityRegister.fold($1.name) }) {
            let planned = plan?.entry(ineCode: entry.ineCode)
            let office = officesByCode[entry.ineCode]
            let stage = office?.status?.rawValue ?? planned?.stage ?? "candidate"
            let wave = planned?.wave.flatMap { waveNames[$0] }
            var readiness: [ExpansionView.Check] = []
            if let office {
                let progress = site.progress(office.slug)!
                let staff = office.files.staffing?.root?.sequence(at: "staff") ?? []
                let filled = OfficeProgress.filled(staff, by: today).count
                let trained = staff.filter { member in
                    guard let role = member.string(at: "role") else { return false }
                    // Completed on or before the day of the page, as posts are filled by it.
                    let done = Set((member.sequence(at: "training") ?? [])
                        .filter { ($0.string(at: "completed")).flatMap(Day.init).map { $0 <= today } ?? false }
                        .compactMap { $0.string(at: "module") })
                    return mandatoryModules(for: role).allSatisfy(done.contains)
                }.count
                // The day it opens, or opened: the next wave's readiness is read against it
                // (session 45's trial found the opening day only on other pages).
                let opening = site.office(office.slug)?.string(at: "opening_date").flatMap(Day.init)
                readiness = (opening.map { day in
                    [ExpansionView.Check(label: language[day <= today ? "readiness_opened" : "readiness_opening"], value: formatter.date(day),
                                         complete: day <= today)]
                } ?? []) + [
                    check("readiness_checklist", progress.checklistDone, progress.checklistTotal, language),
                    check("readiness_posts", filled, staff.count, language),
                    check("readiness_training", trained, staff.count, language),
                ]
            }
            // From the records, not the stage (session 38's trial read "agreement signed: yes"
            // of municipalities whose agreement no file held): an adhesion the office relies
            // on, or the one the plan names, signed by the page's day.
            let adhesion = office.map { network.signedAdhesion($0.slug, by: today) }
                ?? planned.flatMap { plan?.signedAdhesion($0, by: today, in: network) }
            let signed = adhesion != nil
            // The agreement linked, so that a reviewer reaches it from the row (session 44's
            // trial found the expansion's adhesions only on the agreements page).
            // One ending soon says when ("yes" of an adhesion ending in 47 days; session 45's trial).
            let ends = adhesion.flatMap { $0.agreementState(on: today) == .ending ? $0.agreementEnd?.day : nil }
            readiness.append(.init(label: language["readiness_agreement"],
                                   value: ends.map { language.format("readiness_yes_ending", ["date": formatter.date($0)]) }
                                       ?? language[signed ? "readiness_yes" : "readiness_no"], complete: signed,
                                   href: adhesion.map { href(.agreement($0.id), language, from: path) } ?? "", has_href: adhesion != nil))
            rows.append(.init(
                id: Pages.expansionAnchor(entry.ineCode), municipality: Typography.prose(entry.name), ine_code: entry.ineCode,
                href: office.map { href(.office($0.slug), language, from: path) } ?? "", has_office: office != nil,
                stage: stage, stage_label: language["stage.\(stage)"],
                wave: wave.map { language.string($0.node["name"]) } ?? "–",
                readiness: readiness, note: language.text(planned?.node["note"]), has_note: planned?.node["note"] != nil))
        }
        let waves = (plan?.waves ?? []).map { w in
            ExpansionView.Wave(id: "wave-\(w.id)", name: language.string(w.node["name"]),
                               dates: language.format("wave_dates", ["start": w.start.map(formatter.date) ?? "", "end": w.end.map(formatter.date) ?? ""]),
                               count: formatter.count("wave_municipalities", register.filter { plan?.entry(ineCode: $0.ineCode)?.wave == w.id }.count))
        }
        let stages = Pages.expansionStages.map { s in
            ExpansionView.StageCount(stage: s, label: language["stage.\(s)"], count: formatter.number(Double(rows.filter { $0.stage == s }.count)))
        }
        let points: [OfficeMap.Point] = site.municipalities.compactMap { r in
            guard let c = site.office(r.slug)?["coordinates"], let lat = c["lat"]?.number, let lon = c["lon"]?.number else { return nil }
            return OfficeMap.Point(label: site.municipalityName(r.slug), latitude: lat, longitude: lon, status: r.status?.rawValue ?? "planned")
        }
        let map = OfficeMap(points: points, title: language["map_title"],
                            description: formatter.count("map_description_above", points.count),
                            legend: Pages.statusOrder.reversed().map { ($0, site.statusLabel($0, language)) })
        let assessment = network.expansionAssessment
        let view = ExpansionView(
            intro: language.format("expansion_intro", ["count": formatter.number(Double(rows.count)), "date": formatter.date(today)]),
            has_assessment: assessment != nil,
            assessment_href: assessment.map { href(.assessment($0.id), language, from: path) } ?? "",
            assessment_title: assessment.map { language.string($0.document.root?["title"]) } ?? "",
            waves: waves, stages: stages, rows: rows, map_svg: map.svg(id: "expansion-map"))
        return PageContent(title: language["expansion_heading"], description: view.intro,
                           html: render("expansion", view, language), section: .progress)
    }

    /// The mandatory training modules of a role.
    func mandatoryModules(for role: String) -> [String] {
        network.modelDocuments(.trainingModule).filter { doc in
            doc.root?["mandatory"]?.bool == true
                && (doc.root?.sequence(at: "target_roles") ?? []).contains { $0.string == role }
        }.map(\.id)
    }

    func check(_ key: String, _ done: Int, _ total: Int, _ language: SiteLanguage) -> ExpansionView.Check {
        .init(label: language[key], value: countOf(done, total, language), complete: total > 0 && done == total)
    }
}

/// The view model of `expansion.mustache`.
struct ExpansionView: ViewModel {
    struct Wave: ViewModel { var id: String; var name: String; var dates: String; var count: String }
    struct StageCount: ViewModel { var stage: String; var label: String; var count: String }
    /// One part of a municipality's readiness (`Checklist: 9 of 12`), complete or not.
    struct Check: ViewModel {
        var label: String
        var value: String
        var complete: Bool
        /// The page of the record that completes it (the adhesion), or "".
        var href: String = ""
        var has_href: Bool = false
    }
    struct Row: ViewModel {
        /// The row's id, which an office page links (`Pages.expansionAnchor`).
        var id: String
        var municipality: String
        var ine_code: String
        var href: String
        var has_office: Bool
        var stage: String
        var stage_label: String
        var wave: String
        var readiness: [Check]
        var note: TextView
        var has_note: Bool
    }

    var intro: String
    var has_assessment: Bool
    var assessment_href: String
    var assessment_title: String
    var waves: [Wave]
    var stages: [StageCount]
    var rows: [Row]
    var map_svg: String
}
