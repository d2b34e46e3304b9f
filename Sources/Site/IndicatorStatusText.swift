import Loading
import Presentation
import Rendering
import Resolution

extension Pages {
    /// A target as the site writes it beside a table of quarterly values (`at least 180
    /// for the quarter (at least 60 a month)`, `targetBesideQuarters`), escaped for HTML,
    /// with where it comes from when it is not the model's (local, the agency's exception
    /// with its reason, or the model's band for the municipality's size).
    func targetHTML(_ target: EffectiveTarget?, unit: String, _ language: SiteLanguage) -> String {
        guard let target else { return "–" }
        let source = targetSource(target, language)
        // Worded once per distinct target and language: the offices' targets are a handful,
        // and each office's page words eleven (0.8% of a site build's instructions at 947
        // municipalities; callgrind).
        let key = "\(unit) \(target.value) \(target.quarterValue) \(target.direction.rawValue) \(target.period.rawValue) \(target.additive) \(source ?? "")"
        return language.phrase(.target, key) {
            let formatter = language.formatter
            var out = HTML.escape(formatter.targetBesideQuarters(target.value, quarterValue: target.quarterValue, direction: target.direction.rawValue,
                                                                 period: target.period.rawValue, unit: unit, additive: target.additive))
            if let source { out += " <span class=\"target-source\">(\(HTML.escape(source)))</span>" }
            return out
        }
    }

    /// The model's target of an indicator as the model writes it, with its period and each
    /// band by population (`at least 60 a month; at least 40 a month (target of
    /// municipalities of up to 30,000 inhabitants)`): the indicator page gave the value alone.
    func modelTargetHTML(_ indicator: Node, _ language: SiteLanguage) -> String {
        guard let (target, bands) = IndicatorResults.modelTarget(indicator) else { return "–" }
        let formatter = language.formatter, unit = indicator.string(at: "unit") ?? "count"
        func said(_ value: Double) -> String {
            HTML.escape(formatter.target(value, direction: target.direction.rawValue, period: target.period.rawValue, unit: unit,
                                         additive: target.additive))
        }
        var parts = [said(target.value)]
        for band in bands {
            let source = HTML.escape(language.format("target_source.band", ["up_to": formatter.number(Double(band.upTo))]))
            parts.append(said(band.value) + " <span class=\"target-source\">(" + source + ")</span>")
        }
        return parts.joined(separator: "; ")
    }

    /// Where a target comes from, in words; nil for the model's own target.
    func targetSource(_ target: EffectiveTarget, _ language: SiteLanguage) -> String? {
        switch target.source {
        case .model: return nil
        case .local: return language["target_source.local"]
        case let .band(upTo, _): return language.format("target_source.band", ["up_to": language.formatter.number(Double(upTo))])
        case let .agency(reason, _):
            return language.format("target_source.agency", ["reason": reason.map { $0.text(language.code, fallback: network.settings.defaultLanguage).text } ?? ""])
        }
    }

    /// A status as text and colour (never colour alone): `<span class="indicator-status
    /// status-missed">missed</span>`.
    /// Made once per status and language (`SiteLanguage.phrase`): an office's page shows one
    /// per indicator and quarter.
    func statusHTML(_ status: IndicatorStatus, _ language: SiteLanguage) -> String {
        language.phrase(.indicatorStatus, status.rawValue) {
            "<span class=\"indicator-status status-\(status.rawValue)\">\(HTML.escape(language.formatter.status(status.rawValue)))</span>"
        }
    }
}
