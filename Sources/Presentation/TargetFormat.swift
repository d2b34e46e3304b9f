import Model

extension ValueFormatter {
    /// A target with its direction and period: `at least 60 a month` for a count (a total
    /// over the period), `at least 90% each month` for a level (percent, days, score).
    /// `direction` is `at-least` or `at-most`; `period` is `month`, `quarter` or `year`.
    public func target(_ value: Double, direction: String, period: String, unit: String?, additive: Bool) -> String {
        let bound = strings("direction.\(direction)", ["value": measure(value, unit: unit)])
        return strings(additive ? "target.total.\(period)" : "target.level.\(period)", ["target": bound])
    }

    /// A target on a quarter, as compared with a quarter's value: `at least 180 for the quarter`.
    public func quarterTarget(_ value: Double, direction: String, unit: String?) -> String {
        strings("target.on_quarter", ["target": strings("direction.\(direction)", ["value": measure(value, unit: unit)])])
    }

    /// The word of a status (`met`, `missed`, `no-data`): `assolit`, `no assolit`, `sense dades`.
    public func status(_ status: String) -> String { strings("indicator_status.\(status)") }
}
