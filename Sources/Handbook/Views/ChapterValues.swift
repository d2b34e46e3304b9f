import Rendering

// The template values of the staffing, communication and indicators chapters' rows,
// written directly (`TemplateValueConvertible`), as `SheetValues.swift` does for the
// sheets: these three chapters went through the `Encoder` for ~7% of the handbooks' CPU
// (issue 13). Each lists its members as the synthesized `Encodable` conformance does
// (declaration order, an absent optional left out); `TemplateValueConvertibleTests`
// compares the two.

extension Rows: TemplateValueConvertible where Row: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        .object([.init(name: "rows", value: .list(rows.map(\.templateValue)))])
    }
}

extension StaffingView.RecruitmentRow: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        .object([.init(name: "post", value: .string(post)), .init(name: "post_role", value: .string(post_role)),
                 .init(name: "system", value: .string(system)), .init(name: "job_group", value: .string(job_group)),
                 .init(name: "catalan_level", value: .string(catalan_level)),
                 .init(name: "rules_approved", value: .string(rules_approved)),
                 .init(name: "call_published", value: .string(call_published)),
                 .init(name: "selection", value: .string(selection)), .init(name: "start", value: .string(start))])
    }
}

extension StaffingView.Post: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(5)
        m.append("post", .string(post))
        m.append("role", role?.templateValue)
        m.append("fte", .string(fte))
        m.append("start", .string(start))
        m.append("modules", .string(modules))
        return .object(m)
    }
}

extension StaffingView.Minimum: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        .object([.init(name: "role", value: role.templateValue), .init(name: "minimum", value: .string(minimum)),
                 .init(name: "have", value: .string(have)), .init(name: "short", value: .bool(short))])
    }
}

extension StaffingView.Role: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(10)
        m.append("anchor", .string(anchor))
        m.append("title", title?.templateValue)
        m.append("mission", mission?.templateValue)
        m.append("responsibilities", responsibilities?.templateValue)
        m.append("profile", profile?.templateValue)
        m.append("dedication", dedication?.templateValue)
        m.append("reports_to", reports_to?.templateValue)
        m.append("owns_services", owns_services?.templateValue)
        m.append("owns_procedures", owns_procedures?.templateValue)
        m.append("takes_part", takes_part?.templateValue)
        return .object(m)
    }
}

extension StaffingView.Training: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        .object([.init(name: "post", value: .string(post)), .init(name: "post_role", value: .string(post_role)),
                 .init(name: "module", value: module.templateValue), .init(name: "hours", value: .string(hours)),
                 .init(name: "planned", value: .string(planned)), .init(name: "completed", value: .string(completed)),
                 .init(name: "status", value: .string(status)), .init(name: "status_class", value: .string(status_class))])
    }
}

extension StaffingView.Module: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(7)
        m.append("anchor", .string(anchor))
        m.append("title", title?.templateValue)
        m.append("description", description?.templateValue)
        m.append("facts", .string(facts))
        m.append("roles", roles?.templateValue)
        m.append("outcomes", outcomes?.templateValue)
        m.append("contents", contents?.templateValue)
        return .object(m)
    }
}

extension CommunicationView.Item: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(4)
        m.append("anchor", .string(anchor))
        m.append("name", name?.templateValue)
        m.append("description", description?.templateValue)
        m.append("required", required.map(TemplateValue.string))
        return .object(m)
    }
}

extension CommunicationView.Message: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.append("audience", audience?.templateValue)
        m.append("text", text?.templateValue)
        return .object(m)
    }
}

extension CommunicationView.Month: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        .object([.init(name: "month", value: .string(month)), .init(name: "anchor", value: .string(anchor)),
                 .init(name: "actions", value: .list(actions.map(\.templateValue)))])
    }
}

extension CommunicationView.Action: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(9)
        m.append("date", .string(date))
        m.append("title", title?.templateValue)
        m.append("description", description?.templateValue)
        m.append("message", message?.templateValue)
        m.append("indicator", indicator?.templateValue)
        m.append("audience", audience?.templateValue)
        m.append("channel", channel?.templateValue)
        m.append("owner", owner?.templateValue)
        m.append("budget", .string(budget))
        return .object(m)
    }
}

extension IndicatorsView.Indicator: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(10)
        m.append("anchor", .string(anchor))
        m.append("name", name?.templateValue)
        m.append("definition", definition?.templateValue)
        m.append("unit", .string(unit))
        m.append("type", .string(type))
        m.append("frequency", .string(frequency))
        m.append("target", .string(target))
        m.append("target_local", target_local?.templateValue)
        m.append("target_source", target_source.map(TemplateValue.string))
        m.append("source", source?.templateValue)
        return .object(m)
    }
}

extension IndicatorsView.Column: TemplateValueConvertible {
    public var templateValue: TemplateValue { .object([.init(name: "label", value: .string(label))]) }
}

extension IndicatorsView.ValueRow: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(4)
        m.append("indicator", indicator.templateValue)
        m.append("target", .string(target))
        m.append("target_local", target_local?.templateValue)
        m.append("cells", .list(cells.map(\.templateValue)))
        return .object(m)
    }
}

extension IndicatorsView.Cell: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(4)
        m.append("value", .string(value))
        m.append("status", .string(status))
        m.append("status_class", .string(status_class))
        m.append("note", note.map(TemplateValue.string))
        return .object(m)
    }
}

extension IndicatorsView.ValueNote: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(4)
        m.append("number", .string(number))
        m.append("quarter", .string(quarter))
        m.append("indicator", indicator?.templateValue)
        m.append("text", text?.templateValue)
        return .object(m)
    }
}

extension IndicatorsView.Report: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(6)
        m.append("anchor", .string(anchor))
        m.append("title", .string(title))
        m.append("submitted", submitted.map(TemplateValue.string))
        m.append("file", .string(file))
        m.append("narrative", narrative?.templateValue)
        m.append("milestones", milestones?.templateValue)
        return .object(m)
    }
}
