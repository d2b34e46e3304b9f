import Loading
import Model
import Publishing
import Rendering
import Resolution

extension Pages {
    func office(_ slug: String, _ language: SiteLanguage, _ path: String) -> PageContent {
        guard let r = site.resolved[slug] else { return notFound(language, path) }
        let office = r.files.office?.root ?? network.municipalities[slug]?.office?.root
        let values = ValueText(site: site, language: language)
        let summary = officeSummary(slug, language, path)
        let progress = site.progress(r.slug)!
        let formatter = language.formatter

        let hours = officeHours(office, language)
        let contact = officeContact(office, language)

        // Services, with what the municipality changed, in reading order.
        let services = inReadingOrder(r.services, language).map { s in
            let route = SiteRoute.page(of: s, municipality: slug)
            return OfficeView.Service(
                link: TextLink(s.fields["name"].map(language.text) ?? language.plain(s.id), href: href(route, language, from: path)), id: s.id,
                adoption: adoptionWord(s.adoption.rawValue, language), local: s.adoption == .local,
                area: language.string(s.fields.string(at: "area").flatMap(site.area)?["name"]),
                overrides: s.overrides.map { overrideRow($0, values) }, has_overrides: !s.overrides.isEmpty)
        }
        let omitted = r.omitted.map { o in
            OfficeView.Omission(link: modelLink(.service, o.service, .service(o.service), language, from: path),
                                reason: language.html(o.reason))
        }

        // Procedures, with local owners and variants, by title in the page's language.
        let procedures = inReadingOrder(r.procedures, language).map { p in
            let route = SiteRoute.page(of: p, municipality: slug)
            let ownerRole = p.localOwner?.role ?? p.fields.string(at: "owner_role") ?? ""
            return OfficeView.Procedure(
                link: localLink(p.fields["title"], route, language, from: path),
                type: language.label("procedure_type", p.fields.string(at: "type") ?? "procedure"),
                variant: p.variant != nil, own: p.model == nil,
                owner: site.titleString(.role, ownerRole, language), owner_href: href(.role(ownerRole), language, from: path),
                owner_local: p.localOwner != nil,
                overrides: p.overrides.map { overrideRow($0, values) }, has_overrides: !p.overrides.isEmpty)
        }

        // Team.
        let staff = (r.files.staffing?.root?.sequence(at: "staff") ?? []).map { s in
            let training = s.sequence(at: "training") ?? []
            let role = s.string(at: "role") ?? ""
            return OfficeView.Member(
                post: s.string(at: "id") ?? "", role: site.titleString(.role, role, language),
                role_href: href(.role(role), language, from: path),
                fte: formatter.fte(s["fte"]?.number ?? 0), start: language.date(s.string(at: "start_date")),
                training: countOf(training.filter { $0["completed"] != nil }.count, training.count, language))
        }

        // Indicators per quarter, with the municipality's targets.
        let results = site.results(slug)
        let indicators = r.indicators.map { i in
            let unit = i.fields.string(at: "unit") ?? "count"
            return OfficeView.Indicator(
                link: modelLink(.indicator, i.id, .indicator(i.id), language, from: path),
                values: progress.reports.map { rep in
                    let result = results?.result(i.id, rep.quarter)
                    return .init(text: rep.values[i.id].map { formatter.measure($0, unit: unit, against: result?.target?.quarterValue) } ?? "–",
                                 status: result.map { statusHTML($0.status, language) } ?? "")
                },
                target: targetHTML(results?.targets[i.id], unit: unit, language))
        }
        let reports = progress.reports.reversed().map { rep in
            let root = rep.document.root
            return OfficeView.Report(
                id: "report-\(rep.quarter.id)",
                title: language.format("indicators.report_title", ["quarter": formatter.quarter(rep.quarter)]),
                quarter: formatter.quarter(rep.quarter),
                submitted: language.date(root?.string(at: "submitted")), has_submitted: root?["submitted"] != nil,
                milestones: texts(root?["milestones"], language),
                has_milestones: !(root?.sequence(at: "milestones") ?? []).isEmpty,
                narrative: language.paragraphs(root?["narrative"]),
                notes: (root?.sequence(at: "values") ?? []).compactMap { v in
                    guard let note = v["note"], let id = v.string(at: "indicator") else { return nil }
                    return .init(indicator: site.title(.indicator, id, language), note: language.text(note))
                })
        }
        // The office's items read once, not once per item of the template.
        let localItems = r.files.checklist?.root?.sequence(at: "items") ?? []
        let checklistItems = (network.model[.checklistTemplate]?.values.first?.root?.sequence(at: "items") ?? []).map { item in
            let id = item.string(at: "id") ?? ""
            let local = localItems.first { $0.string(at: "item") == id }
            return OfficeView.ChecklistItem(
                title: language.text(item["title"]), done: local?["done"]?.bool == true,
                date: language.date(local?.string(at: "date")), has_note: local?["note"] != nil, note: language.text(local?["note"]))
        }
        let handbooks = handbookLinks(slug, language, path)
        let records = officeRecords(slug, language, from: path)
        let adaptation = r.files.adaptation?.root
        let view = OfficeView(
            office: summary, name: summary.name,
            ine_code: office?["municipality"]?.string(at: "ine_code") ?? "",
            description: language.paragraphs(office?["description"]),
            notes: language.paragraphs(adaptation?["notes"]),
            has_notes: adaptation?["notes"] != nil,
            base_model_version: adaptation?.string(at: "base_model_version") ?? "",
            hours: hours, has_hours: !hours.isEmpty,
            contact: contact, has_contact: !contact.isEmpty,
            services: services,
            omitted: omitted, has_omitted: !omitted.isEmpty,
            procedures: procedures,
            staff: staff, has_staff: !staff.isEmpty,
            fte: formatter.fte(progress.fte),
            checklist: countOf(progress.checklistDone, progress.checklistTotal, language),
            checklist_items: checklistItems,
            training: countOf(progress.trainingCompleted, progress.trainingPlanned, language),
            quarters: progress.reports.map { .init(label: formatter.quarter($0.quarter, short: true)) },
            follow_up: followUp(slug, language), indicators: indicators,
            partial_notes: progress.reports.compactMap { formatter.partialQuarterNote($0.quarter, opening: r.openingDate) },
            has_reports: !reports.isEmpty,
            reports: reports,
            handbooks: handbooks, has_handbooks: !handbooks.isEmpty,
            handbooks_built: site.options.handbooks != nil,
            progress_href: href(.progress, language, from: path),
            comparison_href: href(.comparison, language, from: path),
            records: records, has_records: !records.isEmpty)
        return PageContent(title: summary.name.text.nonEmpty ?? slug, titleLanguage: summary.name.fallback ? summary.name.lang : nil,
                           description: language.string(office?["description"]),
                           breadcrumbs: [], html: render("office", view, language),
                           jsonLD: site.options.structuredData.office(slug, language.code), section: .offices)
    }

    /// An office's opening hours, one row per group of days.
    func officeHours(_ office: Node?, _ language: SiteLanguage) -> [OfficeView.Hours] {
        let formatter = language.formatter
        return (office?.sequence(at: "opening_hours") ?? []).map { h in
            OfficeView.Hours(days: formatter.label(formatter.weekdays((h.sequence(at: "days") ?? []).compactMap(\.string))),
                             opens: h.string(at: "opens") ?? "", closes: h.string(at: "closes") ?? "")
        }
    }

    /// An office's phone, email, web page and appointment link, as links.
    func officeContact(_ office: Node?, _ language: SiteLanguage) -> [OfficeView.Contact] {
        let channels = office?["channels"]
        var contact: [OfficeView.Contact] = []
        if let phone = channels?.string(at: "phone") {
            contact.append(.init(label: language["channel_phone"], text: phone, href: "tel:" + phone.filter { $0 == "+" || $0.isNumber }))
        }
        if let email = channels?.string(at: "email") {
            contact.append(.init(label: language["channel_email"], text: email, href: "mailto:" + email))
        }
        for (key, label) in [("web", "channel_web"), ("appointments", "channel_appointments")] {
            if let web = channels?.string(at: key), web.hasPrefix("https://") || web.hasPrefix("http://") {
                contact.append(.init(label: language[label], text: web, href: web))
            }
        }
        return contact
    }

    /// `3 de 5`: how many of a total are done.
    func countOf(_ done: Int, _ total: Int, _ language: SiteLanguage) -> String {
        language.format("count_of", ["done": language.formatter.number(Double(done)),
                                     "total": language.formatter.number(Double(total))])
    }

    /// One changed value: where, the local value and the model's.
    func overrideRow(_ o: FieldOverride, _ values: ValueText) -> OverrideRow {
        let leaf = ValueText.leaf(o)
        return OverrideRow(
            field: values.fieldLabel(o),
            local: o.removes ? HTML.escape(values.language["override_removed"]) : values.html(o.localValue, field: leaf, parent: o.parent),
            model: o.modelValue.map { values.html($0, field: leaf, parent: o.parent) } ?? HTML.escape(values.language["override_added"]))
    }

    /// The handbooks of a municipality, as download links.
    func handbookLinks(_ slug: String, _ language: SiteLanguage, _ path: String) -> [HandbookLink] {
        (site.options.handbooks?.entries(of: slug) ?? []).flatMap { e -> [HandbookLink] in
            let langName = site.languageName(e.language)
            func link(_ file: String, format: String, type: String, bytes: Int) -> HandbookLink {
                HandbookLink(language: langName, hreflang: e.language, format: format, type: type,
                             size: language.formatter.kilobytes(bytes),
                             href: SitePath.relative(from: path, to: SitePath.encode(HandbookManifest.sitePath(file))))
            }
            return [link(e.html, format: "HTML", type: "text/html", bytes: e.htmlBytes)]
                + (e.pdf.map { [link($0, format: "PDF", type: "application/pdf", bytes: e.pdfBytes ?? 0)] } ?? [])
        }
    }
}

/// A value a municipality changed, with the model's (HTML, escaped by `ValueText`).
struct OverrideRow: ViewModel {
    var field: String
    var local: String
    var model: String
}

/// A handbook file to download.
struct HandbookLink: ViewModel {
    var language: String
    var hreflang: String
    var format: String
    var type: String
    var size: String
    var href: String
}

/// The view model of `office.mustache`: one municipality's office.
struct OfficeView: ViewModel {
    struct Hours: ViewModel { var days: String; var opens: String; var closes: String }
    struct Contact: ViewModel { var label: String; var text: String; var href: String }
    struct Service: ViewModel {
        var link: TextLink
        var id: String
        var adoption: String
        var local: Bool
        var area: String
        var overrides: [OverrideRow]
        var has_overrides: Bool
    }
    struct Omission: ViewModel { var link: TextLink; var reason: String }
    struct Procedure: ViewModel {
        var link: TextLink
        var type: String
        var variant: Bool
        var own: Bool
        var owner: String
        var owner_href: String
        var owner_local: Bool
        var overrides: [OverrideRow]
        var has_overrides: Bool
    }
    struct Member: ViewModel {
        var post: String
        var role: String
        var role_href: String
        var fte: String
        var start: String
        var training: String
    }
    /// A quarter's value with its status (HTML: text and colour).
    struct Cell: ViewModel { var text: String; var status: String }
    struct Indicator: ViewModel {
        var link: TextLink
        var values: [Cell]
        /// The office's target with its period and where it comes from (HTML).
        var target: String
    }
    struct Note: ViewModel { var indicator: TextView; var note: TextView }
    struct Report: ViewModel {
        var id: String
        /// "Informe del 3r trimestre de 2026".
        var title: String
        /// "3r trimestre de 2026" (what `title` holds; templates written before `title` read it).
        var quarter: String
        var submitted: String
        var has_submitted: Bool
        var milestones: [TextView]
        var has_milestones: Bool
        var narrative: String
        var notes: [Note]
    }
    struct ChecklistItem: ViewModel {
        var title: TextView
        var done: Bool
        var date: String
        var has_note: Bool
        var note: TextView
    }
    struct Quarter: ViewModel { var label: String }

    var office: OfficeSummary
    var name: TextView
    var ine_code: String
    var description: String
    var notes: String
    var has_notes: Bool
    var base_model_version: String
    var hours: [Hours]
    var has_hours: Bool
    var contact: [Contact]
    var has_contact: Bool
    var services: [Service]
    var omitted: [Omission]
    var has_omitted: Bool
    var procedures: [Procedure]
    var staff: [Member]
    var has_staff: Bool
    var fte: String
    var checklist: String
    var checklist_items: [ChecklistItem]
    var training: String
    var quarters: [Quarter]
    /// The agency's follow-up of the office.
    var follow_up: FollowUpView
    var indicators: [Indicator]
    /// The quarter the office opened during, said under the table (its counts' targets are
    /// those of the days it was open); empty when none.
    var partial_notes: [String]
    var has_reports: Bool
    var reports: [Report]
    var handbooks: [HandbookLink]
    var has_handbooks: Bool
    var handbooks_built: Bool
    var progress_href: String
    var comparison_href: String
    /// The agreements the office relies on, and its other records.
    var records: [TextLink]
    var has_records: Bool
}
