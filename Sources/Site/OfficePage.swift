import Publishing
import Loading
import Model
import Rendering
import Resolution

extension Pages {
    static let weekdays = ["mo", "tu", "we", "th", "fr", "sa", "su"]

    func office(_ slug: String, _ language: SiteLanguage, _ path: String) -> PageContent {
        guard let r = site.resolved[slug] else { return notFound(language, path) }
        let office = site.office(slug)
        let values = ValueText(site: site, language: language)
        let summary = officeSummary(slug, language, path)
        let progress = OfficeProgress(r, network: network)

        let hours: [[String: Any]] = (office?["opening_hours"]?.sequence ?? []).map { h in
            ["days": (h["days"]?.sequence ?? []).compactMap(\.string).map { language.label("day", $0) }
                .joined(separator: language["list_separator"]),
             "opens": h["opens"]?.string ?? "", "closes": h["closes"]?.string ?? ""]
        }
        let channels = office?["channels"]
        var contact: [[String: Any]] = []
        if let phone = channels?["phone"]?.string {
            contact.append(["label": language["channel_phone"], "text": phone,
                            "href": "tel:" + phone.filter { $0 == "+" || $0.isNumber }])
        }
        if let email = channels?["email"]?.string {
            contact.append(["label": language["channel_email"], "text": email, "href": "mailto:" + email])
        }
        if let web = channels?["web"]?.string, web.hasPrefix("https://") || web.hasPrefix("http://") {
            contact.append(["label": language["channel_web"], "text": web, "href": web])
        }
        if let web = channels?["appointments"]?.string, web.hasPrefix("https://") || web.hasPrefix("http://") {
            contact.append(["label": language["channel_appointments"], "text": web, "href": web])
        }

        // Services, with what the municipality changed.
        let services: [[String: Any]] = r.services.map { s in
            let route: SiteRoute = s.adoption == .local ? .localService(municipality: slug, id: s.id) : .service(s.id)
            let name = s.fields["name"].map(language.text) ?? language.plain(s.id)
            var link = name
            link["href"] = href(route, language, from: path)
            return [
                "link": link,
                "id": s.id,
                "adoption": language.label("adoption", s.adoption.rawValue),
                "local": s.adoption == .local,
                "area": language.string(s.fields["area"]?.string.flatMap(site.area)?["name"]),
                "overrides": s.overrides.map { overrideRow($0, values) },
                "has_overrides": !s.overrides.isEmpty,
            ]
        }
        let omitted: [[String: Any]] = r.omitted.map { o in
            ["link": modelLink(.service, o.service, .service(o.service), language, from: path),
             "reason": language.html(o.reason)]
        }

        // Procedures, with local owners and variants.
        let procedures: [[String: Any]] = r.procedures.map { p in
            let variant = p.variant
            let route: SiteRoute = variant.map { .localProcedure(municipality: slug, id: $0.id) } ?? .procedure(p.id)
            var link = language.text(p.fields["title"])
            link["href"] = href(route, language, from: path)
            let ownerRole = p.localOwner?.role ?? p.fields["owner_role"]?.string ?? ""
            return [
                "link": link,
                "type": language.label("procedure_type", p.fields["type"]?.string ?? "procedure"),
                "variant": variant != nil,
                "own": p.model == nil,
                "owner": site.titleString(.role, ownerRole, language),
                "owner_href": href(.role(ownerRole), language, from: path),
                "owner_local": p.localOwner != nil,
                "overrides": p.overrides.map { overrideRow($0, values) },
                "has_overrides": !p.overrides.isEmpty,
            ]
        }

        // Team.
        let staff: [[String: Any]] = (r.files.staffing?.root?["staff"]?.sequence ?? []).map { s in
            let training = s["training"]?.sequence ?? []
            let completed = training.filter { $0["completed"] != nil }.count
            let role = s["role"]?.string ?? ""
            return ["post": s["id"]?.string ?? "", "role": site.titleString(.role, role, language),
                    "role_href": href(.role(role), language, from: path),
                    "fte": language.formats.number(s["fte"]?.number ?? 0),
                    "start": language.formats.date(s["start_date"]?.string),
                    "training": language.format("count_of", ["done": String(completed), "total": String(training.count)])]
        }

        // Indicators per quarter, with the municipality's targets.
        let quarters = progress.reports.map(\.quarter)
        let indicators: [[String: Any]] = r.indicators.map { i in
            let unit = i.fields["unit"]?.string ?? "count"
            let target = i.fields["target"]
            return [
                "link": modelLink(.indicator, i.id, .indicator(i.id), language, from: path),
                "values": progress.reports.map { rep in
                    ["text": rep.values[i.id].map { language.formats.measure($0, unit: unit) } ?? "–"]
                },
                "target": values.html(target, field: "target", unit: unit),
                "target_local": OfficeProgress.isLocal(target?["value"]),
            ]
        }
        let reports: [[String: Any]] = progress.reports.reversed().map { rep in
            let root = rep.document.root
            return [
                "id": "report-\(rep.quarter.id)",
                "quarter": language.formats.quarter(rep.quarter),
                "submitted": language.formats.date(root?["submitted"]?.string),
                "has_submitted": root?["submitted"] != nil,
                "milestones": texts(root?["milestones"], language),
                "has_milestones": !(root?["milestones"]?.sequence ?? []).isEmpty,
                "narrative": language.paragraphs(root?["narrative"]),
                "notes": (root?["values"]?.sequence ?? []).compactMap { v -> [String: Any]? in
                    guard let note = v["note"], let id = v["indicator"]?.string else { return nil }
                    return ["indicator": site.title(.indicator, id, language), "note": language.text(note)]
                },
            ]
        }
        let checklistItems: [[String: Any]] = (network.model[.checklistTemplate]?.values.first?.root?["items"]?.sequence ?? []).map { item in
            let id = item["id"]?.string ?? ""
            let local = (r.files.checklist?.root?["items"]?.sequence ?? []).first { $0["item"]?.string == id }
            return ["title": language.text(item["title"]), "done": local?["done"]?.bool == true,
                    "date": language.formats.date(local?["date"]?.string), "has_note": local?["note"] != nil,
                    "note": language.text(local?["note"])]
        }

        let name = summary["name"] as? [String: Any] ?? language.plain(slug)
        let title = (name["text"] as? String) ?? slug
        let context: [String: Any] = [
            "office": summary,
            "name": name,
            "ine_code": office?["municipality"]?["ine_code"]?.string ?? "",
            "description": language.paragraphs(office?["description"]),
            "notes": language.paragraphs(r.files.adaptation?.root?["notes"]),
            "has_notes": r.files.adaptation?.root?["notes"] != nil,
            "base_model_version": r.files.adaptation?.root?["base_model_version"]?.string ?? "",
            "hours": hours, "has_hours": !hours.isEmpty,
            "contact": contact, "has_contact": !contact.isEmpty,
            "services": services,
            "omitted": omitted, "has_omitted": !omitted.isEmpty,
            "procedures": procedures,
            "staff": staff, "has_staff": !staff.isEmpty,
            "fte": language.formats.number(progress.fte),
            "checklist": language.format("count_of", ["done": String(progress.checklistDone), "total": String(progress.checklistTotal)]),
            "checklist_done": String(progress.checklistDone), "checklist_total": String(progress.checklistTotal),
            "checklist_items": checklistItems,
            "training": language.format("count_of", ["done": String(progress.trainingCompleted), "total": String(progress.trainingPlanned)]),
            "quarters": quarters.map { ["label": language.formats.quarter($0)] },
            "indicators": indicators, "has_reports": !reports.isEmpty,
            "reports": reports,
            "handbooks": handbookLinks(slug, language, path),
            "has_handbooks": !handbookLinks(slug, language, path).isEmpty,
            "handbooks_built": site.options.handbooks != nil,
            "progress_href": href(.progress, language, from: path),
            "comparison_href": href(.comparison, language, from: path),
        ]
        return PageContent(title: title, description: language.string(office?["description"]),
                           breadcrumbs: [], html: render("office", context, language),
                           jsonLD: site.options.structuredData.office(slug, language.code), section: .home)
    }

    /// One changed value: where, the local value and the model's.
    func overrideRow(_ o: FieldOverride, _ values: ValueText) -> [String: Any] {
        let leaf = ValueText.leaf(o)
        return [
            "field": values.fieldLabel(o),
            "local": o.removes ? values.language["override_removed"] : values.html(o.localValue, field: leaf, parent: o.parent),
            "model": o.modelValue.map { values.html($0, field: leaf, parent: o.parent) } ?? values.language["override_added"],
        ]
    }

    /// The handbooks of a municipality, as download links.
    func handbookLinks(_ slug: String, _ language: SiteLanguage, _ path: String) -> [[String: Any]] {
        (site.options.handbooks?.entries ?? []).filter { $0.municipality == slug }.flatMap { e -> [[String: Any]] in
            let langName = site.languages.first { $0.code == e.language }?["language_name"] ?? e.language
            var out: [[String: Any]] = [[
                "language": langName, "hreflang": e.language, "format": "HTML", "type": "text/html",
                "size": language.formats.kilobytes(e.htmlBytes),
                "href": SitePath.relative(from: path, to: SitePath.encode(HandbookManifest.sitePath(e.html))),
            ]]
            if let pdf = e.pdf {
                out.append(["language": langName, "hreflang": e.language, "format": "PDF", "type": "application/pdf",
                            "size": language.formats.kilobytes(e.pdfBytes ?? 0),
                            "href": SitePath.relative(from: path, to: SitePath.encode(HandbookManifest.sitePath(pdf)))])
            }
            return out
        }
    }
}
