import Model

extension ValueFormatter {
    /// A target with its direction and period: `at least 60 a month` for a count (a total
    /// over the period), `at least 90% each month` for a level (percent, days, score).
    /// `direction` is `at-least` or `at-most`; `period` is `month`, `quarter` or `year`.
    public func target(_ value: Double, direction: String, period: String, unit: String?, additive: Bool) -> String {
        let bound = strings("direction.\(direction)", ["value": measure(value, unit: unit)])
        return strings(additive ? "target.total.\(period)" : "target.level.\(period)", ["target": bound])
    }

    /// A target beside a table of quarterly values: a count's target on another period
    /// first on the quarter, as the values are compared with it, then as written (`at
    /// least 120 for the quarter (at least 40 a month)`: "at least 40 a month" beside 71
    /// "missed" read wrong, session 26's trial); any other target as `target` writes it.
    /// `quarterValue`: the target on a quarter (`EffectiveTarget.quarterValue`).
    public func targetBesideQuarters(_ value: Double, quarterValue: Double, direction: String, period: String, unit: String?,
                                     additive: Bool) -> String {
        let written = target(value, direction: direction, period: period, unit: unit, additive: additive)
        guard additive, period != "quarter" else { return written }
        return quarterTarget(quarterValue, direction: direction, unit: unit) + " (" + written + ")"
    }

    /// A target on a quarter, as compared with a quarter's value: `at least 180 for the quarter`.
    public func quarterTarget(_ value: Double, direction: String, unit: String?) -> String {
        strings("target.on_quarter", ["target": strings("direction.\(direction)", ["value": measure(value, unit: unit)])])
    }

    /// The word of a status (`met`, `missed`, `no-data`): `assolit`, `no assolit`, `sense dades`.
    public func status(_ status: String) -> String { strings("indicator_status.\(status)") }
}
