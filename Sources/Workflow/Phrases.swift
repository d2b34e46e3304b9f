import Model
import Presentation

/// The fixed texts that scaffolding writes (`oae new`), from the `scaffold.*` keys of
/// each language's strings (`templates/strings/<lang>.yaml`, section `# Commands`).
/// Files are written in the model's languages only; a model language whose strings lack
/// a phrase is left out, and `oae check` lists it as a missing translation.
struct Phrases {
    /// Each model language's own strings, without fallback.
    let strings: [String: Strings]

    init(network: Network) {
        var strings: [String: Strings] = [:]
        for language in network.settings.languages {
            strings[language] = Strings(language: language, own: network.tree.uiStrings["strings/\(language)"]?.node,
                                        fallback: nil)
        }
        self.strings = strings
    }

    /// The phrase `scaffold.<key>` in every language that has it, placeholders filled in
    /// with `values(language)`.
    func texts(_ key: String, _ values: (String) -> Placeholders = { _ in [:] }) -> [String: String] {
        var out: [String: String] = [:]
        for (language, s) in strings where s.has("scaffold.\(key)") {
            out[language] = s("scaffold.\(key)", values(language))
        }
        return out
    }

    /// The office's name, with the preposition each language needs before the
    /// municipality's name ("d'Abrera", "del Prat de Llobregat", "de l'Hospitalet").
    func officeName(_ municipality: String) -> [String: String] {
        texts("office_name") { language in
            ["municipality": municipality, "of_municipality": Phrases.of(municipality, language: language, strings: strings[language])]
        }
    }

    /// The title of the communication action that presents the office to an audience.
    func presentingTo(_ audience: [String: String]) -> [String: String] {
        texts("presenting_to") { language in ["audience": Phrases.lowercasedFirst(audience[language] ?? "")] }
            .filter { audience[$0.key] != nil }
    }

    /// "of" + a municipality's name as the language writes it: its strings' `of_municipality`
    /// ("de {municipality}", "of {municipality}"), joined as the language joins a preposition
    /// to a name ("del Prat de Llobregat", `Contractions`), else "de" + the name. An added
    /// language got the name alone, without its preposition ("Oficina … a l'Empresa Vielha e
    /// Mijaran"; session 45's trial).
    static func of(_ name: String, language: String, strings: Strings? = nil) -> String {
        if let strings, strings.has("of_municipality") { return strings("of_municipality", ["municipality": name]) }
        return Contractions.of(name, language: language)
    }

    /// The name with its first letter in lower case, for running text; acronyms ("PIMES")
    /// are kept.
    static func lowercasedFirst(_ s: String) -> String {
        guard let first = s.first, s.count > 1 else { return s }
        let secondIsUpper = s.dropFirst().first?.isUppercase ?? false
        return secondIsUpper ? s : first.lowercased() + s.dropFirst()
    }
}
