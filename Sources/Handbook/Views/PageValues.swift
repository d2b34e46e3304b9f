import Rendering

// The template values of the handbook's page and of the chapters whose views are the
// largest (catalogue, procedures, staffing, indicators, communication), written directly
// (`TemplateValueConvertible`): encoded through the `Encoder`, their top levels were
// about 3% of the handbooks' CPU at 947 municipalities (issue 13). Each lists its members
// as the synthesized `Encodable` conformance does (declaration order, an absent optional
// left out); `TemplateValueConvertibleTests` compares the two on every handbook of the
// example.

extension HandbookView: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(19)
        m.append("lang", .string(lang))
        m.append("ui", .words(ui))
        m.append("css", .string(css))
        m.append("title", title.templateValue)
        m.append("plain_title", .string(plain_title))
        m.append("municipality", .string(municipality))
        m.append("meta_description", .string(meta_description))
        m.append("office", office?.templateValue)
        m.append("office_plain", .string(office_plain))
        m.append("slug", .string(slug))
        m.append("model_version", .string(model_version))
        m.append("model_title", model_title?.templateValue)
        m.append("source_date", .string(source_date))
        m.append("language_name", .string(language_name))
        m.append("cover_line", .string(cover_line))
        m.append("cover_status", .string(cover_status))
        m.append("cover_phase", cover_phase?.templateValue)
        m.append("cover_opening", cover_opening.map(TemplateValue.string))
        m.append("created", .string(created))
        m.append("generator", .string(generator))
        m.append("toc", .list(toc.map(\.templateValue)))
        m.append("chapters", .list(chapters.map(\.templateValue)))
        return .object(m)
    }
}

extension HandbookView.TocEntry: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        .object([.init(name: "anchor", value: .string(anchor)), .init(name: "number", value: .string(number)),
                 .init(name: "title", value: title.templateValue), .init(name: "sections", value: .list(sections.map(\.templateValue))),
                 .init(name: "has_sections", value: .bool(has_sections))])
    }
}

extension HandbookView.Chapter: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(6)
        m.append("anchor", .string(anchor))
        m.append("number", .string(number))
        m.append("title", title.templateValue)
        m.append("source", .string(source))
        m.append("html", html.templateValue)
        m.append("description", description?.templateValue)
        return .object(m)
    }
}

extension CatalogueView: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(5)
        m.append("ui", .words(ui))
        m.append("intro", .string(intro))
        m.append("omitted_note", omitted_note.map(TemplateValue.string))
        m.append("summary", .list(summary.map(\.templateValue)))
        m.append("sheets", .list(sheets.map(\.templateValue)))
        return .object(m)
    }
}

extension ProceduresView: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        .object([.init(name: "ui", value: .words(ui)), .init(name: "intro", value: .string(intro)),
                 .init(name: "summary", value: .list(summary.map(\.templateValue))),
                 .init(name: "sheets", value: .list(sheets.map(\.templateValue))),
                 .init(name: "owner_label", value: .string(owner_label)), .init(name: "legal_label", value: .string(legal_label)),
                 .init(name: "indicators_label", value: .string(indicators_label))])
    }
}

extension StaffingView: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(17)
        m.append("recruitment_calendar", .list(recruitment_calendar.map(\.templateValue)))
        m.append("has_recruitment_calendar", .bool(has_recruitment_calendar))
        m.append("ui", .words(ui))
        m.append("posts", posts.templateValue)
        m.append("post_rows", .list(post_rows.map(\.templateValue)))
        m.append("no_posts", no_posts.map(TemplateValue.string))
        m.append("recruitment", recruitment?.templateValue)
        m.append("minimum_intro", minimum_intro.map(TemplateValue.string))
        m.append("minimum_rows", .list(minimum_rows.map(\.templateValue)))
        m.append("roles", roles.templateValue)
        m.append("role_list", .list(role_list.map(\.templateValue)))
        m.append("plan", plan.templateValue)
        m.append("no_plan", no_plan.map(TemplateValue.string))
        m.append("timeline", timeline.map(TemplateValue.string))
        m.append("plan_rows", .list(plan_rows.map(\.templateValue)))
        m.append("modules", modules.templateValue)
        m.append("module_list", .list(module_list.map(\.templateValue)))
        return .object(m)
    }
}

extension IndicatorsView: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(10)
        m.append("ui", .words(ui))
        m.append("definitions", definitions.templateValue)
        m.append("indicator_list", .list(indicator_list.map(\.templateValue)))
        m.append("values", values.templateValue)
        m.append("no_reports", no_reports.map(TemplateValue.string))
        m.append("quarters", .list(quarters.map(\.templateValue)))
        m.append("value_rows", .list(value_rows.map(\.templateValue)))
        m.append("value_notes", .list(value_notes.map(\.templateValue)))
        m.append("partial_notes", .list(partial_notes.map { .string($0) }))
        m.append("reports", reports.templateValue)
        m.append("report_list", .list(report_list.map(\.templateValue)))
        return .object(m)
    }
}

extension CommunicationView: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(14)
        m.append("ui", .words(ui))
        m.append("strategy", strategy?.templateValue)
        m.append("strategy_summary", strategy_summary?.templateValue)
        m.append("strategy_body", strategy_body?.templateValue)
        m.append("audiences", .list(audiences.map(\.templateValue)))
        m.append("messages", .list(messages.map(\.templateValue)))
        m.append("channels", .list(channels.map(\.templateValue)))
        m.append("plan", plan.templateValue)
        m.append("no_plan", no_plan.map(TemplateValue.string))
        m.append("facts", .list(facts.map(\.templateValue)))
        m.append("objectives", objectives?.templateValue)
        m.append("calendar", calendar?.templateValue)
        m.append("no_actions", no_actions.map(TemplateValue.string))
        m.append("months", .list(months.map(\.templateValue)))
        return .object(m)
    }
}
