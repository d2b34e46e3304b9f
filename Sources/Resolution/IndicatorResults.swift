import Diagnostics
import Loading
import Model

/// The period an indicator's target value applies to (`target.period`).
public enum TargetPeriod: String, Sendable, CaseIterable {
    case month, quarter, year

    /// Months in the period.
    public var months: Int {
        switch self {
        case .month: return 1
        case .quarter: return 3
        case .year: return 12
        }
    }

    /// The period of an indicator's `frequency` (`monthly` → month), used when a target
    /// does not state its own.
    public init?(frequency: String?) {
        switch frequency {
        case "monthly"?: self = .month
        case "quarterly"?: self = .quarter
        case "annual"?: self = .year
        default: return nil
        }
    }
}

/// Whether a value must reach the target (`at-least`) or stay under it (`at-most`).
public enum TargetDirection: String, Sendable {
    case atLeast = "at-least"
    case atMost = "at-most"
}

/// The status of one office × indicator × quarter: the one place oae decides it.
public enum IndicatorStatus: String, Sendable, CaseIterable {
    case met
    case missed
    /// The quarter's report gives no value for the indicator, or the indicator has no target.
    case noData = "no-data"
}

/// The target that applies to one office for one indicator, and where it comes from.
public struct EffectiveTarget: Sendable, Equatable {
    /// Where an office's target comes from, most specific first.
    public enum Source: Sendable, Equatable {
        /// An exception the agency set for the office (`agency_targets` of its adaptation), with its reason.
        case agency(reason: LocalizedText?, span: SourceSpan)
        /// A target the municipality tightened (`overrides.indicators` of its adaptation).
        case local(span: SourceSpan)
        /// The model's target for municipalities up to `upTo` inhabitants (`target.by_population`).
        case band(upTo: Int, population: Int)
        /// The model's target.
        case model

        public static func == (a: Source, b: Source) -> Bool {
            switch (a, b) {
            case let (.agency(_, s1), .agency(_, s2)): return s1 == s2
            case let (.local(s1), .local(s2)): return s1 == s2
            case let (.band(u1, p1), .band(u2, p2)): return u1 == u2 && p1 == p2
            case (.model, .model): return true
            default: return false
            }
        }
    }

    /// The target as written, on its own period.
    public var value: Double
    public var direction: TargetDirection
    public var period: TargetPeriod
    public var source: Source
    /// Whether values add up over time (counts) so that a target is scaled to the period
    /// compared; percents, days and scores are levels, compared as they are.
    public var additive: Bool
    /// The part of the quarter the office was open, in the quarter it opened during (79 of
    /// 91 days); 1 otherwise. A count's target on that quarter is scaled by it (session 38's
    /// trial: a first quarter of eleven weeks was judged against thirteen weeks' target).
    public var share: Double = 1

    public init(value: Double, direction: TargetDirection, period: TargetPeriod, source: Source, additive: Bool) {
        (self.value, self.direction, self.period, self.source, self.additive) = (value, direction, period, source, additive)
    }

    /// The target on a quarter: a count's target times the months of a quarter over the
    /// months of its period (60 a month → 180 a quarter; 48 a year → 12 a quarter), times
    /// `share`, to the nearest whole number, at least 1, when scaled by it (a count: 180
    /// over 79 of 91 days is 156); any other unit's target as it is.
    public var quarterValue: Double {
        guard additive else { return value }
        let whole = value * Double(TargetPeriod.quarter.months) / Double(period.months)
        // At least 1 of a target that is not 0: a few days' share of 6 rounded to 0, which
        // no office can miss (the review).
        return share == 1 ? whole : whole > 0 ? max(1, (whole * share).rounded()) : 0
    }

    /// Whether `value`, measured on a quarter, meets the target.
    public func isMet(byQuarterValue v: Double) -> Bool {
        switch direction {
        case .atLeast: return v >= quarterValue - 1e-9
        case .atMost: return v <= quarterValue + 1e-9
        }
    }
}

/// One office × indicator × quarter: the value reported, the target on the quarter and
/// the status.
public struct IndicatorResult: Sendable {
    public var indicator: String
    public var quarter: Quarter
    public var value: Double?
    /// The report's node of the value, when there is one.
    public var valueNode: Node?
    public var target: EffectiveTarget?
    public var status: IndicatorStatus
}

/// The indicator results of an office: for every quarter it reported and every indicator
/// of its view, the value against the target on the same period.
public struct IndicatorResults: Sendable {
    /// The quarters with a report, in order.
    public var quarters: [Quarter]
    /// The targets per indicator id (nil: the indicator has no target).
    public var targets: [String: EffectiveTarget]
    /// Results by indicator, then in the order of `quarters`.
    public var byIndicator: [String: [IndicatorResult]]

    /// The result of one indicator in one quarter.
    /// Through the buffer, by index: `first(where:)` copied (retained and released) each
    /// result it passed; the site asks this for every office, indicator and quarter.
    public func result(_ indicator: String, _ quarter: Quarter) -> IndicatorResult? {
        byIndicator[indicator]?.withUnsafeBufferPointer { results -> IndicatorResult? in
            for i in results.indices where results[i].quarter == quarter { return results[i] }
            return nil
        }
    }

    /// Every result, indicator by indicator (in the view's order), then quarter by quarter.
    public func all(order: [String]) -> [IndicatorResult] { order.flatMap { byIndicator[$0] ?? [] } }

    /// An indicator's target as its fields write it (`fields`: the model's indicator, or an
    /// office's view of it): the value, direction and period (the indicator's frequency when
    /// none), additive for a count, and its bands by population, smallest first.
    public static func modelTarget(_ fields: Node) -> (target: EffectiveTarget, bands: [(upTo: Int, value: Double)])? {
        guard let t = fields["target"], let direction = t.string(at: "direction").flatMap(TargetDirection.init(rawValue:)),
              let value = t["value"]?.number else { return nil }
        let period = t.string(at: "period").flatMap(TargetPeriod.init(rawValue:))
            ?? TargetPeriod(frequency: fields.string(at: "frequency")) ?? .quarter
        let bands = (t.sequence(at: "by_population") ?? []).compactMap { b -> (upTo: Int, value: Double)? in
            guard let upTo = b["up_to"]?.int, let v = b["value"]?.number else { return nil }
            return (upTo, v)
        }.sorted { $0.upTo < $1.upTo }
        return (EffectiveTarget(value: value, direction: direction, period: period, source: .model, additive: fields.string(at: "unit") == "count"), bands)
    }

    /// The office's population, from `office.yaml`.
    public static func population(_ m: ResolvedMunicipality) -> Int? { m.files.office?.root?["population"]?.int }

    /// The target of one indicator for the office: the agency's exception, else the
    /// municipality's tightened target, else the model's band for its population, else the
    /// model's target.
    public static func target(_ ind: ResolvedIndicator, in m: ResolvedMunicipality, network: Network) -> EffectiveTarget? {
        guard let (model, bands) = modelTarget(ind.fields) else { return nil }
        var target = model
        if let node = ind.fields["target"]?["value"], node.span.file.hasPrefix("seeds/") {
            target.source = .local(span: node.span)
        } else if let population = population(m), let band = bands.first(where: { population <= $0.upTo }) {
            target.value = band.value
            target.source = .band(upTo: band.upTo, population: population)
        }
        for item in m.files.adaptation?.root?.sequence(at: "agency_targets") ?? [] where item.string(at: "indicator") == ind.id {
            guard let v = item["value"]?.number else { continue }
            target.value = v
            if let p = item.string(at: "period").flatMap(TargetPeriod.init(rawValue:)) { target.period = p }
            target.source = .agency(reason: network.text(item["reason"]), span: item.span)
        }
        return target
    }

    /// Computes the results of an office from its progress reports.
    public init(_ m: ResolvedMunicipality, network: Network) {
        var reports: [(Quarter, [String: Node])] = []
        for doc in m.files.reports {
            guard let y = doc.root?["period"]?["year"]?.int, let q = doc.root?["period"]?["quarter"]?.int else { continue }
            var values: [String: Node] = [:]
            for v in doc.root?.sequence(at: "values") ?? [] {
                if let id = v.string(at: "indicator"), v["value"]?.number != nil { values[id] = v }
            }
            reports.append((Quarter(year: y, quarter: q), values))
        }
        reports.sort { $0.0 < $1.0 }
        quarters = reports.map(\.0)
        var targets: [String: EffectiveTarget] = [:]
        var byIndicator: [String: [IndicatorResult]] = [:]
        for ind in m.indicators {
            let target = IndicatorResults.target(ind, in: m, network: network)
            targets[ind.id] = target
            byIndicator[ind.id] = reports.map { quarter, values in
                let node = values[ind.id]
                let value = node?["value"]?.number
                var target = target
                if let open = quarter.openDays(from: m.openingDate) { target?.share = Double(open) / Double(quarter.days) }
                let status: IndicatorStatus
                if let value, let target { status = target.isMet(byQuarterValue: value) ? .met : .missed } else { status = .noData }
                return IndicatorResult(indicator: ind.id, quarter: quarter, value: value, valueNode: node,
                                       target: target, status: status)
            }
        }
        self.targets = targets
        self.byIndicator = byIndicator
    }
}
