import ArgumentParser
import Model

/// `--lang L` of the commands that answer in words (`oae diff`, `oae impact`): the language
/// of the report's phrases and of the tree's texts it quotes, one of the model's languages
/// (`model/settings.yaml`); without it, the model's default language.
struct ReportLanguage: ParsableArguments {
    @Option(name: .customLong("lang"), help: "The language of the text report (default: the model's default language).")
    var code: String?

    /// The language to write in. Throws a usage error (exit 2) for a language the model
    /// does not have, naming those it has.
    func language(in network: Network) throws -> String {
        guard let code else { return network.settings.defaultLanguage }
        let known = network.settings.languages
        guard known.contains(code) else {
            let meant = LanguageNames.meant(code, in: known).map { "did you mean '\($0)'? " } ?? ""
            throw ValidationError("unknown language '\(code)' (\(meant)the model's languages: \(known.joined(separator: ", ")))")
        }
        return code
    }
}
