import Diagnostics
import Loading
import Model

/// An indicator's targets by population (`target.by_population`) are listed from the
/// smallest band up, each band larger than the one before: the band of an office is "the
/// first whose up_to is at least the population" (docs/tree-and-kinds.md), so a band
/// listed after a larger one reads as one that never applies, and a second band of the
/// same size never does (`Resolution.IndicatorResults` takes the smallest band that fits).
struct IndicatorTargetRule: Rule {
    static let rules = [
        RuleInfo("target-bands-order", "An indicator's population bands are not listed from the smallest up, or one repeats a size."),
    ]

    func check(_ c: ValidationContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for doc in c.network.modelDocuments(.indicator) {
            var largest: (upTo: Int, node: Node)?
            for band in doc.root?["target"]?["by_population"]?.sequence ?? [] {
                guard let node = band["up_to"], let upTo = node.int else { continue }
                if let before = largest, upTo <= before.upTo {
                    let message = upTo == before.upTo
                        ? "indicator '\(doc.id)' has a second band up to \(upTo) inhabitants, which never applies"
                        : "indicator '\(doc.id)' lists the band up to \(upTo) inhabitants after the band up to \(before.upTo): the first band that fits applies"
                    out.append(.error("target-bands-order", message, at: node.span,
                                      related: [RelatedLocation(before.node.span, "the band up to \(before.upTo)")],
                                      help: upTo == before.upTo ? "remove one of the two bands, or correct its up_to"
                                          : "list the bands from the smallest population up, each up_to larger than the one before"))
                    continue
                }
                largest = (upTo, node)
            }
        }
        return out
    }
}
