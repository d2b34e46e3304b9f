import Rendering

// The template values of the service and procedure sheets and their summary rows, written
// directly (`TemplateValueConvertible`): the catalogue and the procedures are 58% of a
// handbook's bytes, and their rows are encoded by the hundred per handbook (issue 13).
// Each lists its members as the synthesized `Encodable` conformance does (declaration
// order, an absent optional left out); `TemplateValueConvertibleTests` compares the two.
// A sheet kept in `ViewPartCache` (shown unchanged in many handbooks) has a shared slot:
// its value is made once and its section rendered once per build (`RenderMemo`).

extension CatalogueView.Adoption: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        .object([.init(name: "kind", value: .string(kind)), .init(name: "label", value: .string(label))])
    }
}

extension CatalogueView.Summary: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(4)
        m.append("link", link.templateValue)
        m.append("area", area?.templateValue)
        m.append("adoption", adoption.templateValue)
        m.append("owner", owner?.templateValue)
        return .object(m)
    }
}

extension CatalogueView.Field: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(5)
        m.append("field", .string(field))
        m.append("label", .string(label))
        m.append("value", .string(value))
        m.append("local", .bool(local))
        m.append("note", note?.templateValue)
        return .object(m)
    }
}

extension CatalogueView.Sheet: TemplateValueConvertible {
    public var templateValue: TemplateValue { slot.value { members } }

    /// The sheet's members, as its `Encodable` conformance writes them.
    var members: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(11)
        m.append("number", .string(number))
        m.append("title", title.templateValue)
        m.append("anchor", .string(anchor))
        m.append("adoption", adoption.templateValue)
        m.append("local_note", local_note.map(TemplateValue.string))
        m.append("adopted_note", adopted_note.map(TemplateValue.string))
        m.append("rows", .list(rows.map(\.templateValue)))
        m.append("body", body.templateValue)
        m.append("meta", .string(meta))
        m.append("source", .string(source))
        return .object(m)
    }
}

extension ProceduresView.Owner: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(4)
        m.append("role", role?.templateValue)
        m.append("is_local", .bool(is_local))
        m.append("model_role", model_role.map(TemplateValue.string))
        m.append("source", source.map(TemplateValue.string))
        return .object(m)
    }
}

extension ProceduresView.Summary: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        .object([.init(name: "link", value: link.templateValue), .init(name: "type", value: .string(type)),
                 .init(name: "owner", value: owner.templateValue), .init(name: "steps", value: .string(steps)),
                 .init(name: "variant", value: .bool(variant))])
    }
}

extension ProceduresView.Step: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(9)
        m.append("number", .string(number))
        m.append("id", .string(id))
        m.append("role", role?.templateValue)
        m.append("role_local", role_local?.templateValue)
        m.append("action", action?.templateValue)
        m.append("output", output?.templateValue)
        m.append("time_limit", .string(time_limit))
        m.append("time_limit_local", time_limit_local?.templateValue)
        m.append("new_step", new_step.map(TemplateValue.string))
        return .object(m)
    }
}

extension ProceduresView.Sheet: TemplateValueConvertible {
    public var templateValue: TemplateValue { slot.value { members } }

    /// The sheet's members, as its `Encodable` conformance writes them.
    var members: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(18)
        m.append("number", .string(number))
        m.append("title", title.templateValue)
        m.append("anchor", .string(anchor))
        m.append("type", .string(type))
        m.append("variant", .bool(variant))
        m.append("variant_note", variant_note.map(TemplateValue.string))
        m.append("variant_source", variant_source.map(TemplateValue.string))
        m.append("purpose", purpose?.templateValue)
        m.append("trigger", trigger?.templateValue)
        m.append("owner", owner.templateValue)
        m.append("services", services?.templateValue)
        m.append("steps", .list(steps.map(\.templateValue)))
        m.append("escalation", escalation?.templateValue)
        m.append("legal", legal.map(TemplateValue.string))
        m.append("indicators", indicators?.templateValue)
        m.append("body", body?.templateValue)
        m.append("meta", meta.map(TemplateValue.string))
        m.append("source", source.map(TemplateValue.string))
        return .object(m)
    }
}
