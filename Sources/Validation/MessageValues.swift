import Presentation

/// Values in the check's messages, which are in English whatever the tree's languages,
/// written by the one presentation layer (`ValueFormatter`) with English separators.
enum MessageValues {
    static let formatter = ValueFormatter(strings: Strings(language: "en", texts: [
        "format.decimal": ".", "format.group": ",", "format.group_from": "1000", "format.euros": "{n} €",
    ]))

    /// An amount in euros, rounded to the cent: `195,300 €`, or `12.50 €` with cents.
    static func euros(_ amount: Double) -> String {
        let cents = (amount * 100).rounded() / 100
        let whole = cents == cents.rounded()
        return formatter.strings("format.euros", ["n": formatter.number(cents, decimals: whole ? 0 : 2, fixed: true)])
    }
}
