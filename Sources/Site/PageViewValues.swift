import Rendering

// The template values of the site's page views, written directly
// (`TemplateValueConvertible`): made through the `Encoder`, they were an eighth of the
// pages' CPU at 947 municipalities (issue 13: a container, a dynamic cast and a generic
// metadata lookup for every value). Each lists its members as the synthesized `Encodable`
// conformance does: in declaration order, an absent optional left out. A member added to a
// view must be added here too: `SiteViewValuesTests` renders every page of the example
// through the encoder as well and compares the bytes.

extension AgreementStateView: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(3)
        m.append("state", .string(state))
        m.append("label", .string(label))
        m.append("as_of", .string(as_of))
        return .object(m)
    }
}

extension AgreementView: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(21)
        m.append("title", title.templateValue)
        m.append("summary", summary.templateValue)
        m.append("has_summary", .bool(has_summary))
        m.append("type", .string(type))
        m.append("scope", .string(scope))
        m.append("state", state.templateValue)
        m.append("signed_on", .string(signed_on))
        m.append("signed_day", .string(signed_day))
        m.append("has_signed", .bool(has_signed))
        m.append("valid_until", .string(valid_until))
        m.append("valid_day", .string(valid_day))
        m.append("extension_note", .string(extension_note))
        m.append("has_extension", .bool(has_extension))
        m.append("offices", .list(offices.map(\.templateValue)))
        m.append("parties", .list(parties.map(\.templateValue)))
        m.append("money", .list(money.map(\.templateValue)))
        m.append("has_money", .bool(has_money))
        m.append("money_total", .string(money_total))
        m.append("legal", .list(legal.map(\.templateValue)))
        m.append("has_legal", .bool(has_legal))
        m.append("list_href", .string(list_href))
        return .object(m)
    }
}

extension AgreementView.Money: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(3)
        m.append("party", party.templateValue)
        m.append("purpose", purpose.templateValue)
        m.append("amount", .string(amount))
        return .object(m)
    }
}

extension AgreementView.Party: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(5)
        m.append("id", .string(id))
        m.append("name", name.templateValue)
        m.append("signatory", signatory.templateValue)
        m.append("has_signatory", .bool(has_signatory))
        m.append("obligations", .list(obligations.map(\.templateValue)))
        return .object(m)
    }
}

extension AgreementsView: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(4)
        m.append("intro", .string(intro))
        m.append("ending", .list(ending.map(\.templateValue)))
        m.append("has_ending", .bool(has_ending))
        m.append("groups", .list(groups.map(\.templateValue)))
        return .object(m)
    }
}

extension AgreementsView.Ending: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(3)
        m.append("link", link.templateValue)
        m.append("offices", offices.map(TemplateValue.string))
        m.append("when", .string(when))
        return .object(m)
    }
}

extension AgreementsView.Group: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(3)
        m.append("id", .string(id))
        m.append("type", .string(type))
        m.append("agreements", .list(agreements.map(\.templateValue)))
        return .object(m)
    }
}

extension AgreementsView.Office: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(2)
        m.append("name", .string(name))
        m.append("href", .string(href))
        return .object(m)
    }
}

extension AgreementsView.Row: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(10)
        m.append("link", link.templateValue)
        m.append("parties", .string(parties))
        m.append("signed_on", .string(signed_on))
        m.append("signed_day", .string(signed_day))
        m.append("valid_until", .string(valid_until))
        m.append("valid_day", .string(valid_day))
        m.append("extension_note", .string(extension_note))
        m.append("has_extension", .bool(has_extension))
        m.append("state", state.templateValue)
        m.append("offices", .list(offices.map(\.templateValue)))
        return .object(m)
    }
}

extension AssessmentView: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(19)
        m.append("title", .string(title))
        m.append("printable", .bool(printable))
        m.append("other_href", .string(other_href))
        m.append("body", .string(body))
        m.append("offices_assessed", .string(offices_assessed))
        m.append("period", .string(period))
        m.append("outcome", .string(outcome))
        m.append("outcome_class", .string(outcome_class))
        m.append("decision_body", decision_body.templateValue)
        m.append("decision_date", .string(decision_date))
        m.append("decision_day", .string(decision_day))
        m.append("model_version", .string(model_version))
        m.append("decision_summary", decision_summary.templateValue)
        m.append("criteria", .list(criteria.map(\.templateValue)))
        m.append("results", .list(results.map(\.templateValue)))
        m.append("results_summary", .string(results_summary))
        m.append("recommendations", .list(recommendations.map(\.templateValue)))
        m.append("deferred", .list(deferred.map(\.templateValue)))
        m.append("has_deferred", .bool(has_deferred))
        m.append("deferred_decided", deferred_decided.map(TemplateValue.string))
        m.append("deferred_elsewhere", deferred_elsewhere.map(TemplateValue.string))
        return .object(m)
    }
}

extension AssessmentView.Change: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(2)
        m.append("kind", .string(kind))
        m.append("link", link.templateValue)
        return .object(m)
    }
}

extension AssessmentView.Column: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(1)
        m.append("label", .string(label))
        return .object(m)
    }
}

extension AssessmentView.Criterion: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(5)
        m.append("id", .string(id))
        m.append("name", .string(name))
        m.append("question", question.templateValue)
        m.append("evidence", .list(evidence.map(\.templateValue)))
        m.append("findings", findings.templateValue)
        return .object(m)
    }
}

extension AssessmentView.Deferred: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(4)
        m.append("href", href.map(TemplateValue.string))
        m.append("municipality", .string(municipality))
        m.append("what", .string(what))
        m.append("text", text.templateValue)
        return .object(m)
    }
}

extension AssessmentView.OfficeResults: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(4)
        m.append("office", office.templateValue)
        m.append("id", .string(id))
        m.append("quarters", .list(quarters.map(\.templateValue)))
        m.append("rows", .list(rows.map(\.templateValue)))
        m.append("partial_notes", .list(partial_notes.map { .string($0) }))
        return .object(m)
    }
}

extension AssessmentView.Recommendation: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(3)
        m.append("id", .string(id))
        m.append("text", text.templateValue)
        m.append("changes", .list(changes.map(\.templateValue)))
        return .object(m)
    }
}

extension AssessmentView.ResultCell: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(2)
        m.append("value", .string(value))
        m.append("status", .string(status))
        return .object(m)
    }
}

extension AssessmentView.ResultRow: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(3)
        m.append("indicator", indicator.templateValue)
        m.append("target", .string(target))
        m.append("cells", .list(cells.map(\.templateValue)))
        return .object(m)
    }
}

extension BudgetsView: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(4)
        m.append("intro", .string(intro))
        m.append("rows", .list(rows.map(\.templateValue)))
        m.append("totals", .list(totals.map(\.templateValue)))
        m.append("has_totals", .bool(has_totals))
        return .object(m)
    }
}

extension BudgetsView.Amount: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(3)
        m.append("label", .string(label))
        m.append("amount", .string(amount))
        m.append("note", .string(note))
        return .object(m)
    }
}

extension BudgetsView.Row: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(13)
        m.append("id", .string(id))
        m.append("office", .string(office))
        m.append("href", .string(href))
        m.append("year", .string(year))
        m.append("total", .string(total))
        m.append("lines", .list(lines.map(\.templateValue)))
        m.append("funding", .list(funding.map(\.templateValue)))
        m.append("funded", .string(funded))
        m.append("covered", .bool(covered))
        m.append("status", .string(status))
        m.append("cost_per_person", .string(cost_per_person))
        m.append("has_cost", .bool(has_cost))
        m.append("people", .string(people))
        return .object(m)
    }
}

extension CharterView: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(25)
        m.append("office", .string(office))
        m.append("office_name", office_name.templateValue)
        m.append("opening_notice", .string(opening_notice))
        m.append("has_opening_notice", .bool(has_opening_notice))
        m.append("intro", intro.templateValue)
        m.append("has_intro", .bool(has_intro))
        m.append("address", .string(address))
        m.append("has_address", .bool(has_address))
        m.append("services", .list(services.map(\.templateValue)))
        m.append("commitments", .list(commitments.map(\.templateValue)))
        m.append("has_commitments", .bool(has_commitments))
        m.append("has_template", .bool(has_template))
        m.append("rights", .list(rights.map(\.templateValue)))
        m.append("duties", .list(duties.map(\.templateValue)))
        m.append("complaints", complaints.templateValue)
        m.append("complaints_procedure", complaints_procedure?.templateValue)
        m.append("has_complaints_procedure", .bool(has_complaints_procedure))
        m.append("complaints_indicator", complaints_indicator?.templateValue)
        m.append("has_complaints_indicator", .bool(has_complaints_indicator))
        m.append("hours", .list(hours.map(\.templateValue)))
        m.append("has_hours", .bool(has_hours))
        m.append("contact", .list(contact.map(\.templateValue)))
        m.append("has_contact", .bool(has_contact))
        m.append("has_channels", .bool(has_channels))
        m.append("legal", .list(legal.map(\.templateValue)))
        m.append("as_of", .string(as_of))
        m.append("office_href", .string(office_href))
        return .object(m)
    }
}

extension CharterView.Commitment: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(6)
        m.append("service", service.templateValue)
        m.append("metric", metric.templateValue)
        m.append("target", .string(target))
        m.append("local", .bool(local))
        m.append("indicators", .list(indicators.map(\.templateValue)))
        m.append("has_indicators", .bool(has_indicators))
        return .object(m)
    }
}

extension CharterView.Service: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(2)
        m.append("link", link.templateValue)
        m.append("summary", summary.templateValue)
        return .object(m)
    }
}

extension ComparisonView: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(6)
        m.append("summary", .string(summary))
        m.append("municipalities", .list(municipalities.map(\.templateValue)))
        m.append("services", .list(services.map(\.templateValue)))
        m.append("reasons", .list(reasons.map(\.templateValue)))
        m.append("has_reasons", .bool(has_reasons))
        m.append("legend", .list(legend.map(\.templateValue)))
        return .object(m)
    }
}

extension ComparisonView.Count: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(3)
        m.append("text", .string(text))
        m.append("symbol", .string(symbol))
        m.append("differs", .bool(differs))
        return .object(m)
    }
}

extension ComparisonView.Difference: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(3)
        m.append("key", .string(key))
        m.append("label", .string(label))
        m.append("items", .list(items.map(\.templateValue)))
        return .object(m)
    }
}

extension ComparisonView.Item: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(4)
        m.append("link", link.templateValue)
        m.append("detail", .string(detail))
        m.append("has_detail", .bool(has_detail))
        m.append("separator", .string(separator))
        return .object(m)
    }
}

extension ComparisonView.LegendEntry: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(4)
        m.append("key", .string(key))
        m.append("symbol", .string(symbol))
        m.append("label", .string(label))
        m.append("explanation", .string(explanation))
        return .object(m)
    }
}

extension ComparisonView.Municipality: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(5)
        m.append("name", .string(name))
        m.append("href", .string(href))
        m.append("differs", .bool(differs))
        m.append("differences", .list(differences.map(\.templateValue)))
        m.append("same", .string(same))
        return .object(m)
    }
}

extension ComparisonView.Reason: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(4)
        m.append("id", .string(id))
        m.append("link", link.templateValue)
        m.append("text", .string(text))
        m.append("municipalities", .string(municipalities))
        return .object(m)
    }
}

extension ComparisonView.Service: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(6)
        m.append("link", link.templateValue)
        m.append("status", .string(status))
        m.append("offered", offered.templateValue)
        m.append("changed", changed.templateValue)
        m.append("not_offered", not_offered.templateValue)
        m.append("differs", .bool(differs))
        return .object(m)
    }
}

extension ComplianceView: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(8)
        m.append("site_address", .string(site_address))
        m.append("accessibility_href", .string(accessibility_href))
        m.append("legal_href", .string(legal_href))
        m.append("contact_href", .string(contact_href))
        m.append("offices_href", .string(offices_href))
        m.append("model_version", .string(model_version))
        m.append("source_date", .string(source_date))
        m.append("source_day", .string(source_day))
        return .object(m)
    }
}

extension DataPageView: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(11)
        m.append("licence_before", .string(licence_before))
        m.append("licence_after", .string(licence_after))
        m.append("licence_name", .string(licence_name))
        m.append("licence_href", .string(licence_href))
        m.append("catalog_href", .string(catalog_href))
        m.append("catalog_name", .string(catalog_name))
        m.append("has_catalog", .bool(has_catalog))
        m.append("spreadsheet_href", .string(spreadsheet_href))
        m.append("spreadsheet_name", .string(spreadsheet_name))
        m.append("has_spreadsheet", .bool(has_spreadsheet))
        m.append("datasets", .list(datasets.map(\.templateValue)))
        return .object(m)
    }
}

extension DataPageView.Dataset: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(6)
        m.append("id", .string(id))
        m.append("title", .string(title))
        m.append("description", .string(description))
        m.append("files", .list(files.map(\.templateValue)))
        m.append("fields", .list(fields.map(\.templateValue)))
        m.append("has_fields", .bool(has_fields))
        return .object(m)
    }
}

extension DataPageView.Field: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(4)
        m.append("name", .string(name))
        m.append("title", .string(title))
        m.append("type", .string(type))
        m.append("description", .string(description))
        return .object(m)
    }
}

extension DataPageView.File: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(5)
        m.append("name", .string(name))
        m.append("href", .string(href))
        m.append("media_type", .string(media_type))
        m.append("format", .string(format))
        m.append("size", .string(size))
        return .object(m)
    }
}

extension ExpansionView: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(8)
        m.append("intro", .string(intro))
        m.append("has_assessment", .bool(has_assessment))
        m.append("assessment_href", .string(assessment_href))
        m.append("assessment_title", .string(assessment_title))
        m.append("waves", .list(waves.map(\.templateValue)))
        m.append("stages", .list(stages.map(\.templateValue)))
        m.append("rows", .list(rows.map(\.templateValue)))
        m.append("map_svg", .string(map_svg))
        return .object(m)
    }
}

extension ExpansionView.Check: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(5)
        m.append("label", .string(label))
        m.append("value", .string(value))
        m.append("complete", .bool(complete))
        m.append("href", .string(href))
        m.append("has_href", .bool(has_href))
        return .object(m)
    }
}

extension ExpansionView.Row: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(11)
        m.append("id", .string(id))
        m.append("municipality", .string(municipality))
        m.append("ine_code", .string(ine_code))
        m.append("href", .string(href))
        m.append("has_office", .bool(has_office))
        m.append("stage", .string(stage))
        m.append("stage_label", .string(stage_label))
        m.append("wave", .string(wave))
        m.append("readiness", .list(readiness.map(\.templateValue)))
        m.append("note", note.templateValue)
        m.append("has_note", .bool(has_note))
        return .object(m)
    }
}

extension ExpansionView.StageCount: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(3)
        m.append("stage", .string(stage))
        m.append("label", .string(label))
        m.append("count", .string(count))
        return .object(m)
    }
}

extension ExpansionView.Wave: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(4)
        m.append("id", .string(id))
        m.append("name", .string(name))
        m.append("dates", .string(dates))
        m.append("count", .string(count))
        return .object(m)
    }
}

extension FollowUpView: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(8)
        m.append("has_follow_up", .bool(has_follow_up))
        m.append("visits", .list(visits.map(\.templateValue)))
        m.append("actions", .list(actions.map(\.templateValue)))
        m.append("issues", .list(issues.map(\.templateValue)))
        m.append("has_visits", .bool(has_visits))
        m.append("has_actions", .bool(has_actions))
        m.append("has_issues", .bool(has_issues))
        m.append("issues_as_of", .string(issues_as_of))
        return .object(m)
    }
}

extension FollowUpView.Entry: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(5)
        m.append("title", title.templateValue)
        m.append("owner", owner.templateValue)
        m.append("dates", .string(dates))
        m.append("status", .string(status))
        m.append("status_label", .string(status_label))
        return .object(m)
    }
}

extension HomeView: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(16)
        m.append("title", title.templateValue)
        m.append("summary", summary.templateValue)
        m.append("has_summary", .bool(has_summary))
        m.append("agency", agency.templateValue)
        m.append("partner", partner.templateValue)
        m.append("has_partners", .bool(has_partners))
        m.append("programme_html", .string(programme_html))
        m.append("office_count", .string(office_count))
        m.append("groups", .list(groups.map(\.templateValue)))
        m.append("map_svg", .string(map_svg))
        m.append("has_map", .bool(has_map))
        m.append("offices", .list(offices.map(\.templateValue)))
        m.append("model_href", .string(model_href))
        m.append("comparison_href", .string(comparison_href))
        m.append("progress_href", .string(progress_href))
        m.append("downloads_href", .string(downloads_href))
        return .object(m)
    }
}

extension HomeView.Group: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(7)
        m.append("id", .string(id))
        m.append("status", .string(status))
        m.append("label", .string(label))
        m.append("description", description.templateValue)
        m.append("has_description", .bool(has_description))
        m.append("count", .string(count))
        m.append("offices", .list(offices.map(\.templateValue)))
        return .object(m)
    }
}

extension OfficeSummary: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(12)
        m.append("slug", .string(slug))
        m.append("name", name.templateValue)
        m.append("municipality", .string(municipality))
        m.append("of_municipality", .string(of_municipality))
        m.append("href", .string(href))
        m.append("status", .string(status))
        m.append("status_label", .string(status_label))
        m.append("opening_date", .string(opening_date))
        m.append("opening_day", .string(opening_day))
        m.append("address", .string(address))
        m.append("has_address", .bool(has_address))
        m.append("has_coordinates", .bool(has_coordinates))
        m.append("coordinates", coordinates.map(TemplateValue.string))
        return .object(m)
    }
}

extension CommunicationView: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(7)
        m.append("title", title.templateValue)
        m.append("summary", summary.templateValue)
        m.append("has_summary", .bool(has_summary))
        m.append("audiences", .list(audiences.map(\.templateValue)))
        m.append("messages", .list(messages.map(\.templateValue)))
        m.append("channels", .list(channels.map(\.templateValue)))
        m.append("body", .string(body))
        return .object(m)
    }
}

extension CommunicationView.Audience: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(3)
        m.append("name", name.templateValue)
        m.append("description", description.templateValue)
        m.append("required", .bool(required))
        return .object(m)
    }
}

extension CommunicationView.Channel: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(2)
        m.append("name", name.templateValue)
        m.append("description", description.templateValue)
        return .object(m)
    }
}

extension CommunicationView.Message: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(2)
        m.append("audience", audience.templateValue)
        m.append("message", message.templateValue)
        return .object(m)
    }
}

extension IndicatorView: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(10)
        m.append("title", title.templateValue)
        m.append("definition", definition.templateValue)
        m.append("unit", .string(unit))
        m.append("type", .string(type))
        m.append("frequency", .string(frequency))
        m.append("target", .string(target))
        m.append("source", source.templateValue)
        m.append("has_source", .bool(has_source))
        m.append("targets", .list(targets.map(\.templateValue)))
        m.append("chart", chart.templateValue)
        return .object(m)
    }
}

extension IndicatorView.Target: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(4)
        m.append("office", .string(office))
        m.append("href", .string(href))
        m.append("target", .string(target))
        m.append("local", .bool(local))
        return .object(m)
    }
}

extension ModelIndexView: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(14)
        m.append("model_title", model_title.templateValue)
        m.append("model_description", model_description.templateValue)
        m.append("has_description", .bool(has_description))
        m.append("version", .string(version))
        m.append("areas", .list(areas.map(\.templateValue)))
        m.append("procedures", .list(procedures.map(\.templateValue)))
        m.append("roles", .list(roles.map(\.templateValue)))
        m.append("training", .list(training.map(\.templateValue)))
        m.append("indicators", .list(indicators.map(\.templateValue)))
        m.append("has_strategy", .bool(has_strategy))
        m.append("strategy", strategy?.templateValue)
        m.append("strategy_summary", strategy_summary.templateValue)
        m.append("history", .list(history.map(\.templateValue)))
        m.append("has_history", .bool(has_history))
        return .object(m)
    }
}

extension ModelIndexView.Area: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(5)
        m.append("id", .string(id))
        m.append("name", name.templateValue)
        m.append("description", description.templateValue)
        m.append("has_description", .bool(has_description))
        m.append("services", .list(services.map(\.templateValue)))
        return .object(m)
    }
}

extension ModelIndexView.Indicator: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(4)
        m.append("link", link.templateValue)
        m.append("type", .string(type))
        m.append("unit", .string(unit))
        m.append("frequency", .string(frequency))
        return .object(m)
    }
}

extension ModelIndexView.Procedure: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(3)
        m.append("link", link.templateValue)
        m.append("type", .string(type))
        m.append("purpose", purpose.templateValue)
        return .object(m)
    }
}

extension ModelIndexView.Role: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(2)
        m.append("link", link.templateValue)
        m.append("mission", mission.templateValue)
        return .object(m)
    }
}

extension ModelIndexView.Service: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(3)
        m.append("link", link.templateValue)
        m.append("status", .string(status))
        m.append("summary", summary.templateValue)
        return .object(m)
    }
}

extension ModelIndexView.Training: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(4)
        m.append("link", link.templateValue)
        m.append("hours", .string(hours))
        m.append("format", .string(format))
        m.append("mandatory", .string(mandatory))
        return .object(m)
    }
}

extension RoleView: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(17)
        m.append("title", title.templateValue)
        m.append("mission", mission.templateValue)
        m.append("responsibilities", .list(responsibilities.map(\.templateValue)))
        m.append("profile", profile.templateValue)
        m.append("has_profile", .bool(has_profile))
        m.append("dedication", dedication.templateValue)
        m.append("has_dedication", .bool(has_dedication))
        m.append("reports_to", reports_to?.templateValue)
        m.append("has_reports_to", .bool(has_reports_to))
        m.append("modules", .list(modules.map(\.templateValue)))
        m.append("has_modules", .bool(has_modules))
        m.append("services", .list(services.map(\.templateValue)))
        m.append("has_services", .bool(has_services))
        m.append("procedures", .list(procedures.map(\.templateValue)))
        m.append("has_procedures", .bool(has_procedures))
        m.append("minimums", .list(minimums.map(\.templateValue)))
        m.append("has_minimums", .bool(has_minimums))
        return .object(m)
    }
}

extension RoleView.Minimum: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(2)
        m.append("status", .string(status))
        m.append("minimum", .string(minimum))
        return .object(m)
    }
}

extension RoleView.Module: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(3)
        m.append("link", link.templateValue)
        m.append("hours", .string(hours))
        m.append("mandatory", .string(mandatory))
        return .object(m)
    }
}

extension TrainingView: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(10)
        m.append("title", title.templateValue)
        m.append("description", description.templateValue)
        m.append("has_description", .bool(has_description))
        m.append("hours", .string(hours))
        m.append("format", .string(format))
        m.append("mandatory", .string(mandatory))
        m.append("roles", .list(roles.map(\.templateValue)))
        m.append("outcomes", .list(outcomes.map(\.templateValue)))
        m.append("contents", .list(contents.map(\.templateValue)))
        m.append("has_contents", .bool(has_contents))
        return .object(m)
    }
}

extension HandbookLink: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(6)
        m.append("language", .string(language))
        m.append("hreflang", .string(hreflang))
        m.append("format", .string(format))
        m.append("type", .string(type))
        m.append("size", .string(size))
        m.append("href", .string(href))
        return .object(m)
    }
}

extension OfficeView: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(33)
        m.append("office", office.templateValue)
        m.append("name", name.templateValue)
        m.append("ine_code", .string(ine_code))
        m.append("description", .string(description))
        m.append("notes", .string(notes))
        m.append("has_notes", .bool(has_notes))
        m.append("base_model_version", .string(base_model_version))
        m.append("hours", .list(hours.map(\.templateValue)))
        m.append("has_hours", .bool(has_hours))
        m.append("contact", .list(contact.map(\.templateValue)))
        m.append("has_contact", .bool(has_contact))
        m.append("services", .list(services.map(\.templateValue)))
        m.append("omitted", .list(omitted.map(\.templateValue)))
        m.append("has_omitted", .bool(has_omitted))
        m.append("procedures", .list(procedures.map(\.templateValue)))
        m.append("staff", .list(staff.map(\.templateValue)))
        m.append("has_staff", .bool(has_staff))
        m.append("fte", .string(fte))
        m.append("checklist", .string(checklist))
        m.append("checklist_items", .list(checklist_items.map(\.templateValue)))
        m.append("training", .string(training))
        m.append("quarters", .list(quarters.map(\.templateValue)))
        m.append("follow_up", follow_up.templateValue)
        m.append("indicators", .list(indicators.map(\.templateValue)))
        m.append("partial_notes", .list(partial_notes.map { .string($0) }))
        m.append("has_reports", .bool(has_reports))
        m.append("reports", .list(reports.map(\.templateValue)))
        m.append("handbooks", .list(handbooks.map(\.templateValue)))
        m.append("has_handbooks", .bool(has_handbooks))
        m.append("handbooks_built", .bool(handbooks_built))
        m.append("progress_href", .string(progress_href))
        m.append("comparison_href", .string(comparison_href))
        m.append("records", .list(records.map(\.templateValue)))
        m.append("has_records", .bool(has_records))
        return .object(m)
    }
}

extension OfficeView.Cell: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(2)
        m.append("text", .string(text))
        m.append("status", .string(status))
        return .object(m)
    }
}

extension OfficeView.ChecklistItem: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(5)
        m.append("title", title.templateValue)
        m.append("done", .bool(done))
        m.append("date", .string(date))
        m.append("has_note", .bool(has_note))
        m.append("note", note.templateValue)
        return .object(m)
    }
}

extension OfficeView.Contact: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(3)
        m.append("label", .string(label))
        m.append("text", .string(text))
        m.append("href", .string(href))
        return .object(m)
    }
}

extension OfficeView.Hours: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(3)
        m.append("days", .string(days))
        m.append("opens", .string(opens))
        m.append("closes", .string(closes))
        return .object(m)
    }
}

extension OfficeView.Indicator: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(3)
        m.append("link", link.templateValue)
        m.append("values", .list(values.map(\.templateValue)))
        m.append("target", .string(target))
        return .object(m)
    }
}

extension OfficeView.Member: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(6)
        m.append("post", .string(post))
        m.append("role", .string(role))
        m.append("role_href", .string(role_href))
        m.append("fte", .string(fte))
        m.append("start", .string(start))
        m.append("training", .string(training))
        return .object(m)
    }
}

extension OfficeView.Note: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(2)
        m.append("indicator", indicator.templateValue)
        m.append("note", note.templateValue)
        return .object(m)
    }
}

extension OfficeView.Omission: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(2)
        m.append("link", link.templateValue)
        m.append("reason", .string(reason))
        return .object(m)
    }
}

extension OfficeView.Procedure: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(9)
        m.append("link", link.templateValue)
        m.append("type", .string(type))
        m.append("variant", .bool(variant))
        m.append("own", .bool(own))
        m.append("owner", .string(owner))
        m.append("owner_href", .string(owner_href))
        m.append("owner_local", .bool(owner_local))
        m.append("overrides", .list(overrides.map(\.templateValue)))
        m.append("has_overrides", .bool(has_overrides))
        return .object(m)
    }
}

extension OfficeView.Quarter: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(1)
        m.append("label", .string(label))
        return .object(m)
    }
}

extension OfficeView.Report: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(8)
        m.append("id", .string(id))
        m.append("title", .string(title))
        m.append("quarter", .string(quarter))
        m.append("submitted", .string(submitted))
        m.append("has_submitted", .bool(has_submitted))
        m.append("milestones", .list(milestones.map(\.templateValue)))
        m.append("has_milestones", .bool(has_milestones))
        m.append("narrative", .string(narrative))
        m.append("notes", .list(notes.map(\.templateValue)))
        return .object(m)
    }
}

extension OfficeView.Service: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(7)
        m.append("link", link.templateValue)
        m.append("id", .string(id))
        m.append("adoption", .string(adoption))
        m.append("local", .bool(local))
        m.append("area", .string(area))
        m.append("overrides", .list(overrides.map(\.templateValue)))
        m.append("has_overrides", .bool(has_overrides))
        return .object(m)
    }
}

extension OverrideRow: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(3)
        m.append("field", .string(field))
        m.append("local", .string(local))
        m.append("model", .string(model))
        return .object(m)
    }
}

extension OfficesView: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(3)
        m.append("offices", .list(offices.map(\.templateValue)))
        m.append("counts", .list(counts.map(\.templateValue)))
        m.append("intro", .string(intro))
        return .object(m)
    }
}

extension OfficesView.Count: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(3)
        m.append("status", .string(status))
        m.append("label", .string(label))
        m.append("count", .string(count))
        return .object(m)
    }
}

extension ProcedureView: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(23)
        m.append("title", title.templateValue)
        m.append("type", .string(type))
        m.append("purpose", purpose.templateValue)
        m.append("trigger", trigger.templateValue)
        m.append("escalation", escalation.templateValue)
        m.append("has_escalation", .bool(has_escalation))
        m.append("owner", owner?.templateValue)
        m.append("has_owner", .bool(has_owner))
        m.append("services", .list(services.map(\.templateValue)))
        m.append("has_services", .bool(has_services))
        m.append("steps", .list(steps.map(\.templateValue)))
        m.append("review", review.templateValue)
        m.append("body", .string(body))
        m.append("required_from", .string(required_from))
        m.append("is_required", .bool(is_required))
        m.append("is_model", .bool(is_model))
        m.append("offices", .list(offices.map(\.templateValue)))
        m.append("is_local", .bool(is_local))
        m.append("office", office?.templateValue)
        m.append("is_variant", .bool(is_variant))
        m.append("variant_of", variant_of?.templateValue)
        m.append("has_local_owner", .bool(has_local_owner))
        m.append("local_owner", local_owner?.templateValue)
        return .object(m)
    }
}

extension ProcedureView.Office: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(9)
        m.append("office", office.templateValue)
        m.append("office_href", .string(office_href))
        m.append("has_owner", .bool(has_owner))
        m.append("owner", .string(owner))
        m.append("owner_href", .string(owner_href))
        m.append("has_variant", .bool(has_variant))
        m.append("variant", variant?.templateValue)
        m.append("overrides", .list(overrides.map(\.templateValue)))
        m.append("has_overrides", .bool(has_overrides))
        return .object(m)
    }
}

extension ProcedureView.Step: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(7)
        m.append("number", .string(number))
        m.append("id", .string(id))
        m.append("role", .string(role))
        m.append("role_href", .string(role_href))
        m.append("action", action.templateValue)
        m.append("output", output.templateValue)
        m.append("time_limit", .string(time_limit))
        return .object(m)
    }
}

extension ChartView: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(9)
        m.append("has_chart", .bool(has_chart))
        m.append("chart_svg", .string(chart_svg))
        m.append("chart_rows", .list(chart_rows.map(\.templateValue)))
        m.append("chart_caption", .string(chart_caption))
        m.append("summary", .bool(summary))
        m.append("summary_rows", .list(summary_rows.map(\.templateValue)))
        m.append("partial_notes", .list(partial_notes.map { .string($0) }))
        m.append("target_note", target_note.map(TemplateValue.string))
        m.append("has_target_range", .bool(has_target_range))
        return .object(m)
    }
}

extension ChartView.Row: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(5)
        m.append("office", .string(office))
        m.append("quarter", .string(quarter))
        m.append("value", .string(value))
        m.append("target", .string(target))
        m.append("status", .string(status))
        return .object(m)
    }
}

extension ChartView.SummaryRow: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(7)
        m.append("quarter", .string(quarter))
        m.append("offices", .string(offices))
        m.append("minimum", .string(minimum))
        m.append("median", .string(median))
        m.append("maximum", .string(maximum))
        m.append("missed", .string(missed))
        m.append("targets", targets.map(TemplateValue.string))
        return .object(m)
    }
}

extension ProgressView: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(8)
        m.append("offices", .list(offices.map(\.templateValue)))
        m.append("charts", .list(charts.map(\.templateValue)))
        m.append("has_charts", .bool(has_charts))
        m.append("records", .list(records.map(\.templateValue)))
        m.append("has_records", .bool(has_records))
        m.append("issues", .list(issues.map(\.templateValue)))
        m.append("has_issues", .bool(has_issues))
        m.append("as_of", .string(as_of))
        return .object(m)
    }
}

extension ProgressView.Issue: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(8)
        m.append("office", .string(office))
        m.append("href", .string(href))
        m.append("title", title.templateValue)
        m.append("owner", owner.templateValue)
        m.append("due", .string(due))
        m.append("due_day", due_day.map(TemplateValue.string))
        m.append("status", .string(status))
        m.append("status_label", .string(status_label))
        return .object(m)
    }
}

extension ProgressView.Chart: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(3)
        m.append("id", .string(id))
        m.append("link", link.templateValue)
        m.append("chart", chart.templateValue)
        return .object(m)
    }
}

extension ProgressView.Office: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(17)
        m.append("office", office.templateValue)
        m.append("checklist", .string(checklist))
        m.append("checklist_done", .string(checklist_done))
        m.append("checklist_total", .string(checklist_total))
        m.append("checklist_label", .string(checklist_label))
        m.append("training", .string(training))
        m.append("training_done", .string(training_done))
        m.append("training_total", .string(training_total))
        m.append("training_label", .string(training_label))
        m.append("staff", .string(staff))
        m.append("fte", .string(fte))
        m.append("reports", .string(reports))
        m.append("has_latest", .bool(has_latest))
        m.append("latest", .string(latest))
        m.append("latest_href", .string(latest_href))
        m.append("milestones", .list(milestones.map(\.templateValue)))
        m.append("follow_up", .string(follow_up))
        return .object(m)
    }
}

extension ChangelogView: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(4)
        m.append("intro", .string(intro))
        m.append("releases", .list(releases.map(\.templateValue)))
        m.append("has_proposals_page", .bool(has_proposals_page))
        m.append("proposals_href", .string(proposals_href))
        return .object(m)
    }
}

extension ChangelogView.Release: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(10)
        m.append("id", .string(id))
        m.append("version", .string(version))
        m.append("date", .string(date))
        m.append("day", .string(day))
        m.append("current", .bool(current))
        m.append("summary", summary.templateValue)
        m.append("proposals", .list(proposals.map(\.templateValue)))
        m.append("has_proposals", .bool(has_proposals))
        m.append("offices", .list(offices.map(\.templateValue)))
        m.append("has_offices", .bool(has_offices))
        return .object(m)
    }
}

extension ProposalsView: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(4)
        m.append("intro", .string(intro))
        m.append("groups", .list(groups.map(\.templateValue)))
        m.append("has_changelog", .bool(has_changelog))
        m.append("changelog_href", .string(changelog_href))
        return .object(m)
    }
}

extension ProposalsView.Change: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(2)
        m.append("document", document.templateValue)
        m.append("change", change.templateValue)
        return .object(m)
    }
}

extension ProposalsView.Document: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(3)
        m.append("kind", .string(kind))
        m.append("link", link.templateValue)
        m.append("has_link", .bool(has_link))
        return .object(m)
    }
}

extension ProposalsView.Group: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(3)
        m.append("id", .string(id))
        m.append("status", .string(status))
        m.append("proposals", .list(proposals.map(\.templateValue)))
        return .object(m)
    }
}

extension ProposalsView.Proposal: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(18)
        m.append("id", .string(id))
        m.append("title", title.templateValue)
        m.append("status", .string(status))
        m.append("status_label", .string(status_label))
        m.append("proposer", .string(proposer))
        m.append("proposer_href", .string(proposer_href))
        m.append("has_proposer_href", .bool(has_proposer_href))
        m.append("submitted_on", .string(submitted_on))
        m.append("submitted_day", .string(submitted_day))
        m.append("rationale", .string(rationale))
        m.append("changes", .list(changes.map(\.templateValue)))
        m.append("has_decision", .bool(has_decision))
        m.append("decision", .string(decision))
        m.append("reasons", .string(reasons))
        m.append("has_reasons", .bool(has_reasons))
        m.append("has_release", .bool(has_release))
        m.append("release", .string(release))
        m.append("release_href", .string(release_href))
        return .object(m)
    }
}

extension HistoryLink: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(5)
        m.append("href", .string(href))
        m.append("text", .string(text))
        m.append("fallback", .bool(fallback))
        m.append("lang", .string(lang))
        m.append("last", .bool(last))
        return .object(m)
    }
}

extension ReviewFacts: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(5)
        m.append("version", .string(version))
        m.append("has_version", .bool(has_version))
        m.append("last_reviewed", .string(last_reviewed))
        m.append("last_reviewed_day", .string(last_reviewed_day))
        m.append("has_last_reviewed", .bool(has_last_reviewed))
        return .object(m)
    }
}

extension ServiceView: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(36)
        m.append("name", name.templateValue)
        m.append("summary", summary.templateValue)
        m.append("area", area.templateValue)
        m.append("audience", .string(audience))
        m.append("format", .string(format))
        m.append("channels", .string(channels))
        m.append("duration", .string(duration))
        m.append("cost", .string(cost))
        m.append("requirements", .list(requirements.map(\.templateValue)))
        m.append("has_requirements", .bool(has_requirements))
        m.append("evidence", .list(evidence.map(\.templateValue)))
        m.append("has_evidence", .bool(has_evidence))
        m.append("outputs", .list(outputs.map(\.templateValue)))
        m.append("has_outputs", .bool(has_outputs))
        m.append("legal", .list(legal.map(\.templateValue)))
        m.append("has_legal", .bool(has_legal))
        m.append("authority", authority.templateValue)
        m.append("operator", `operator`.templateValue)
        m.append("owner", owner?.templateValue)
        m.append("has_owner", .bool(has_owner))
        m.append("related", .list(related.map(\.templateValue)))
        m.append("has_related", .bool(has_related))
        m.append("procedures", .list(procedures.map(\.templateValue)))
        m.append("has_procedures", .bool(has_procedures))
        m.append("indicators", .list(indicators.map(\.templateValue)))
        m.append("has_indicators", .bool(has_indicators))
        m.append("commitments", .list(commitments.map(\.templateValue)))
        m.append("has_commitments", .bool(has_commitments))
        m.append("review", review.templateValue)
        m.append("body", .string(body))
        m.append("status", .string(status))
        m.append("status_label", .string(status_label))
        m.append("is_model", .bool(is_model))
        m.append("is_local", .bool(is_local))
        m.append("offered_by", .list(offered_by.map(\.templateValue)))
        m.append("office", office?.templateValue)
        return .object(m)
    }
}

extension ServiceView.Commitment: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(2)
        m.append("metric", metric.templateValue)
        m.append("target", .string(target))
        return .object(m)
    }
}

extension ServiceView.Legal: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(9)
        m.append("ref", .string(ref))
        m.append("ref_lang", .string(ref_lang))
        m.append("has_ref_lang", .bool(has_ref_lang))
        m.append("title", title.templateValue)
        m.append("has_title", .bool(has_title))
        m.append("pinpoint", .string(pinpoint))
        m.append("has_pinpoint", .bool(has_pinpoint))
        m.append("url", .string(url))
        m.append("has_url", .bool(has_url))
        return .object(m)
    }
}

extension ServiceView.Office: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(8)
        m.append("office", office.templateValue)
        m.append("office_href", .string(office_href))
        m.append("state", .string(state))
        m.append("offered", .bool(offered))
        m.append("overrides", .list(overrides.map(\.templateValue)))
        m.append("has_overrides", .bool(has_overrides))
        m.append("reason", .string(reason))
        m.append("has_reason", .bool(has_reason))
        return .object(m)
    }
}

extension RootIndexView: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(5)
        m.append("lang", .string(lang))
        m.append("csp", .string(csp))
        m.append("site_title", .string(site_title))
        m.append("default_href", .string(default_href))
        m.append("languages", .list(languages.map(\.templateValue)))
        return .object(m)
    }
}

extension RootIndexView.Language: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(3)
        m.append("code", .string(code))
        m.append("href", .string(href))
        m.append("enter", .string(enter))
        return .object(m)
    }
}

extension DownloadsView: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(6)
        m.append("data_page_href", .string(data_page_href))
        m.append("handbooks_built", .bool(handbooks_built))
        m.append("groups", .list(groups.map(\.templateValue)))
        m.append("has_groups", .bool(has_groups))
        m.append("data", .list(data.map(\.templateValue)))
        m.append("has_data", .bool(has_data))
        return .object(m)
    }
}

extension DownloadsView.DataFile: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(5)
        m.append("name", .string(name))
        m.append("href", .string(href))
        m.append("size", .string(size))
        m.append("format", .string(format))
        m.append("description", .string(description))
        return .object(m)
    }
}

extension DownloadsView.Group: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(2)
        m.append("office", office.templateValue)
        m.append("handbooks", .list(handbooks.map(\.templateValue)))
        return .object(m)
    }
}

extension EmptyView: TemplateValueConvertible {
    var templateValue: TemplateValue { .object([]) }
}

extension NotFoundAnywhereView: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(2)
        m.append("base", .string(base))
        m.append("languages", .list(languages.map(\.templateValue)))
        return .object(m)
    }
}

extension NotFoundAnywhereView.Language: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(12)
        m.append("code", .string(code))
        m.append("heading", .string(heading))
        m.append("text", .string(text))
        m.append("home_label", .string(home_label))
        m.append("home_href", .string(home_href))
        m.append("offices_label", .string(offices_label))
        m.append("offices_href", .string(offices_href))
        m.append("model_label", .string(model_label))
        m.append("model_href", .string(model_href))
        m.append("search_label", .string(search_label))
        m.append("search_href", .string(search_href))
        m.append("has_search", .bool(has_search))
        return .object(m)
    }
}

extension NotFoundView: TemplateValueConvertible {
    var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(4)
        m.append("home_href", .string(home_href))
        m.append("model_href", .string(model_href))
        m.append("search_href", .string(search_href))
        m.append("has_search", .bool(has_search))
        return .object(m)
    }
}
