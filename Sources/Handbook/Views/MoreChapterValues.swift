import Rendering

// The template values of the office, differences and control chapters and of their
// rows, written directly (`TemplateValueConvertible`): encoded through the `Encoder`,
// they were the last chapter views of a handbook that were, about 2% of the handbooks'
// CPU at 947 municipalities (issue 13). Each lists its members as the synthesized
// `Encodable` conformance does (declaration order, an absent optional left out);
// `TemplateValueConvertibleTests` compares the two on every handbook of the example.

extension OfficeView.Phase: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        .object([.init(name: "name", value: name.templateValue), .init(name: "description", value: description.templateValue)])
    }
}

extension OfficeView.Line: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        .object([.init(name: "text", value: .string(text)), .init(name: "more", value: .bool(more))])
    }
}

extension OfficeView.Contact: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(3)
        m.append("label", .string(label))
        m.append("lines", .list(lines.map(\.templateValue)))
        m.append("href", href.map(TemplateValue.string))
        return .object(m)
    }
}

extension OfficeView.Hours: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        .object([.init(name: "days", value: .string(days)), .init(name: "time", value: .string(time))])
    }
}

extension OfficeView.Post: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(4)
        m.append("post", .string(post))
        m.append("role", role?.templateValue)
        m.append("fte", .string(fte))
        m.append("start", .string(start))
        return .object(m)
    }
}

extension OfficeView: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(17)
        m.append("ui", .words(ui))
        m.append("profile", profile.templateValue)
        m.append("description", description?.templateValue)
        m.append("phase", phase?.templateValue)
        m.append("opening", opening.map(TemplateValue.string))
        m.append("contact", contact.templateValue)
        m.append("contact_rows", .list(contact_rows.map(\.templateValue)))
        m.append("contact_empty", .bool(contact_empty))
        m.append("hours", hours.templateValue)
        m.append("hour_rows", .list(hour_rows.map(\.templateValue)))
        m.append("hours_empty", .bool(hours_empty))
        m.append("team", team.templateValue)
        m.append("team_rows", .list(team_rows.map(\.templateValue)))
        m.append("team_total", .string(team_total))
        m.append("team_empty", .bool(team_empty))
        m.append("staffing_link", staffing_link?.templateValue)
        m.append("approach", approach?.templateValue)
        m.append("notes", notes?.templateValue)
        m.append("notes_source", notes_source.map(TemplateValue.string))
        return .object(m)
    }
}

extension DifferencesView.Fact: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        .object([.init(name: "label", value: .string(label)), .init(name: "value", value: .string(value)),
                 .init(name: "source", value: .string(source))])
    }
}

extension DifferencesView.Service: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(3)
        m.append("service", service.templateValue)
        m.append("summary", summary?.templateValue)
        m.append("source", .string(source))
        return .object(m)
    }
}

extension DifferencesView.Omission: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(4)
        m.append("service", service.templateValue)
        m.append("status", .string(status))
        m.append("reason", reason?.templateValue)
        m.append("source", .string(source))
        return .object(m)
    }
}

extension DifferencesView.Override: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        .object([.init(name: "document", value: document.templateValue), .init(name: "field", value: .string(field)),
                 .init(name: "model", value: .string(model)), .init(name: "local", value: .string(local)),
                 .init(name: "source", value: .string(source))])
    }
}

extension DifferencesView.Variant: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        .object([.init(name: "procedure", value: procedure.templateValue), .init(name: "replaces", value: replaces.templateValue),
                 .init(name: "source", value: .string(source))])
    }
}

extension DifferencesView.Owner: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(4)
        m.append("procedure", procedure.templateValue)
        m.append("owner", owner.templateValue)
        m.append("model_owner", model_owner?.templateValue)
        m.append("source", .string(source))
        return .object(m)
    }
}

extension DifferencesView.AgencyTarget: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(5)
        m.append("indicator", indicator.templateValue)
        m.append("model", .string(model))
        m.append("agency", .string(agency))
        m.append("reason", reason?.templateValue)
        m.append("source", .string(source))
        return .object(m)
    }
}

extension DifferencesView: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(26)
        m.append("ui", .words(ui))
        m.append("approach", approach.templateValue)
        m.append("facts", .list(facts.map(\.templateValue)))
        m.append("notes", notes?.templateValue)
        m.append("notes_source", notes_source.map(TemplateValue.string))
        m.append("no_adaptation", no_adaptation.map(TemplateValue.string))
        m.append("adopted", adopted.templateValue)
        m.append("adopted_table", adopted_table?.templateValue)
        m.append("no_adopted", .string(no_adopted))
        m.append("omitted", omitted.templateValue)
        m.append("omitted_table", omitted_table?.templateValue)
        m.append("no_omitted", .string(no_omitted))
        m.append("overrides", overrides.templateValue)
        m.append("override_table", override_table?.templateValue)
        m.append("no_overrides", .string(no_overrides))
        m.append("local_services", local_services.templateValue)
        m.append("local_service_table", local_service_table?.templateValue)
        m.append("no_local_services", .string(no_local_services))
        m.append("variants", variants.templateValue)
        m.append("variant_table", variant_table?.templateValue)
        m.append("no_variants", .string(no_variants))
        m.append("owners", owners.templateValue)
        m.append("owner_table", owner_table?.templateValue)
        m.append("no_owners", .string(no_owners))
        m.append("agency_targets", agency_targets?.templateValue)
        m.append("agency_target_table", agency_target_table?.templateValue)
        return .object(m)
    }
}

extension ControlView.Fact: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(5)
        m.append("label", .string(label))
        m.append("value", value.templateValue)
        m.append("aside", aside.map(TemplateValue.string))
        m.append("code", .bool(code))
        m.append("long", .bool(long))
        return .object(m)
    }
}

extension ControlView.Marker: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(4)
        m.append("badge", badge.map(TemplateValue.string))
        m.append("label", .string(label))
        m.append("fallback", .bool(fallback))
        m.append("text", .string(text))
        m.append("not_offered", .bool(not_offered))
        return .object(m)
    }
}

extension ControlView.Update: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(3)
        m.append("version", .string(version))
        m.append("date", .string(date))
        m.append("summary", summary?.templateValue)
        return .object(m)
    }
}

extension ControlView: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(9)
        m.append("ui", .words(ui))
        m.append("purpose", .string(purpose))
        m.append("rows", .list(rows.map(\.templateValue)))
        m.append("legend", .list(legend.map(\.templateValue)))
        m.append("default_language", .string(default_language))
        m.append("fallback_note", .string(fallback_note))
        m.append("updates", .list(updates.map(\.templateValue)))
        m.append("has_updates", .bool(has_updates))
        m.append("updates_intro", .string(updates_intro))
        return .object(m)
    }
}
