import Foundation

/// The order in which a reader looks names up in a list (a glossary, the offices, an
/// office's services): alphabetical, letters with and without accents and of either case
/// together (`Òdena` among the O's, not after `Z`), the ties kept in a stable order by a
/// second key. One rule for every list that is sorted by name, in every output.
public enum ReadingOrder {
    /// Whether `a` comes before `b`; `then` breaks a tie (the ids, so that the order is the
    /// same from build to build).
    public static func precedes(_ a: String, _ b: String, then: (String, String)? = nil) -> Bool {
        let order = a.compare(b, options: [.caseInsensitive, .diacriticInsensitive])
        if order == .orderedSame, let then { return then.0 < then.1 }
        return order == .orderedAscending
    }
}
