import Rendering

// The views that every page of the site has by the dozen write their `TemplateValue`
// directly (`TemplateValueConvertible`), without the `Encoder`'s containers: the frame of
// every page (`PageView`, `LayoutView` and its links) and the translatable texts and links
// of the page bodies (issue 13). Each lists its members as the synthesized `Encodable`
// conformance does (declaration order, an absent optional left out);
// `SiteViewValuesTests` compares the two.

extension TextView: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object([.init(name: "text", value: .string(text)), .init(name: "fallback", value: .bool(fallback)),
                 .init(name: "lang", value: .string(lang))])
    }
}

extension TextLink: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object([.init(name: "href", value: .string(href)), .init(name: "text", value: .string(text)),
                 .init(name: "fallback", value: .bool(fallback)), .init(name: "lang", value: .string(lang))])
    }
}

extension PageView: TemplateValueConvertible {
    /// The body's members, then `ui` and `lang` (as `encode(to:)` writes them into one object).
    var templateValue: TemplateValue {
        var members: [TemplateValue.Member] = []
        if case let .object(own) = TemplateValue.of(body) { members = own }
        members.append("ui", .words(ui))
        members.append("lang", .string(lang))
        return .object(members)
    }
}

extension LayoutView.Crumb: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = [.init(name: "label", value: .string(label))]
        m.append("href", href.map(TemplateValue.string))
        m.append("label_lang", label_lang.map(TemplateValue.string))
        return .object(m)
    }
}

extension LayoutView.NavItem: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object([.init(name: "label", value: .string(label)), .init(name: "href", value: .string(href)),
                 .init(name: "current", value: .bool(current)), .init(name: "current_value", value: .string(current_value))])
    }
}

extension LayoutView.LanguageLink: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object([.init(name: "code", value: .string(code)), .init(name: "name", value: .string(name)),
                 .init(name: "href", value: .string(href)), .init(name: "current", value: .bool(current))])
    }
}

extension LayoutView: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(32)
        m.append("site_title", .string(site_title))
        m.append("site_title_lang", site_title_lang.map(TemplateValue.string))
        m.append("title", .string(title))
        m.append("head_title", .string(head_title))
        m.append("description", description.map(TemplateValue.string))
        m.append("csp", .string(csp))
        m.append("stylesheet", .string(stylesheet))
        m.append("favicon", .string(favicon))
        m.append("styles", .list(styles.map { .object([.init(name: "href", value: .string($0.href))]) }))
        m.append("scripts", .list(scripts.map { .object([.init(name: "src", value: .string($0.src))]) }))
        m.append("home_href", .string(home_href))
        m.append("search_href", search_href.map(TemplateValue.string))
        m.append("languages", .list(languages.map(\.templateValue)))
        m.append("alternates", .list(alternates.map(\.templateValue)))
        m.append("nav", .list(nav.map(\.templateValue)))
        m.append("breadcrumbs", .list(breadcrumbs.map(\.templateValue)))
        m.append("indexed", .bool(indexed))
        m.append("search_kind", .string(search_kind))
        m.append("content", .utf8(content.utf8))
        m.append("fallback_note", .bool(fallback_note))
        m.append("json_ld", json_ld.map { .utf8($0.utf8) })
        m.append("revision", .string(revision))
        m.append("revision_full", .string(revision_full))
        m.append("source_date", .string(source_date))
        m.append("source_day", .string(source_day))
        m.append("model_version", .string(model_version))
        m.append("tool_version", .string(tool_version))
        m.append("data_href", .string(data_href))
        m.append("page_address", .string(page_address))
        m.append("footer_links", .list(footer_links.map(\.templateValue)))
        return .object(m)
    }
}
