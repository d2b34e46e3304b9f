import Diagnostics
import Loading
import Model
import Resolution

/// An indicator's targets by population (`target.by_population`) are listed from the
/// smallest band up, each band larger than the one before: the band of an office is "the
/// first whose up_to is at least the population" (docs/tree-and-kinds.md), so a band
/// listed after a larger one reads as one that never applies, and a second band of the
/// same size never does (`Resolution.IndicatorResults` takes the smallest band that fits).
/// Checked in the model's indicators and in each municipality's view of the indicators it
/// overrides (the resolved bands, reported at the override's band).
struct IndicatorTargetRule: MunicipalRule {
    static let rules = [
        RuleInfo("target-bands-order", "An indicator's population bands are not listed from the smallest up, or one repeats a size."),
    ]

    func checkShared(_ c: ValidationContext) -> [Diagnostic] {
        c.network.modelDocuments(.indicator).flatMap { IndicatorTargetRule.bands($0.root, id: $0.id) }
    }

    /// The indicators the municipality overrides, as resolved: a band out of order that
    /// stands in its folder (the model's own bands are `checkShared`'s).
    func check(_ m: ResolvedMunicipality, _ c: ValidationContext) -> [Diagnostic] {
        let local = "seeds/\(m.slug)/"
        return m.indicators.filter { !$0.overrides.isEmpty }.flatMap { indicator in
            IndicatorTargetRule.bands(indicator.fields, id: indicator.id).filter { $0.span.file.hasPrefix(local) }.map { d in
                var d = d
                d.notes.append("in the view of \(m.slug) after its overrides")
                return d
            }
        }
    }

    /// The diagnostics of the bands of `indicator` (a document's root or a resolved view).
    static func bands(_ indicator: Node?, id: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var largest: (upTo: Int, node: Node)?
        for band in indicator?["target"]?.sequence(at: "by_population") ?? [] {
            guard let node = band["up_to"], let upTo = node.int else { continue }
            if let before = largest, upTo <= before.upTo {
                let message = upTo == before.upTo
                    ? "indicator '\(id)' has a second band up to \(upTo) inhabitants, which never applies"
                    : "indicator '\(id)' lists the band up to \(upTo) inhabitants after the band up to \(before.upTo): the first band that fits applies"
                out.append(.error("target-bands-order", message, at: node.span,
                                  related: [RelatedLocation(before.node.span, "the band up to \(before.upTo)")],
                                  help: upTo == before.upTo ? "remove one of the two bands, or correct its up_to"
                                      : "list the bands from the smallest population up, each up_to larger than the one before"))
                continue
            }
            largest = (upTo, node)
        }
        return out
    }
}
