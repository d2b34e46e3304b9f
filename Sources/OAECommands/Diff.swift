import ArgumentParser
import Diagnostics
import Foundation
import Loading
import Model
import Presentation
import Resolution
import Workflow

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Says what a municipality changed from the model, in words.",
        discussion: """
            Lists the services it omitted (with the reasons) and adopted, each overridden value as \
            'field X of service Y: model value → local value (file:line)', its local services, its local \
            procedure variants (with the steps whose time limits changed), the local owners of procedures \
            and the local targets of indicators, in the model's default language or in --lang. --format json \
            gives the same as data, with every text in all its languages (see README).
            """)

    @OptionGroup var tree: TreeOptions

    @Argument(help: "The municipality: its folder under seeds/, its name (\"Sant Feliu de Llobregat\") or its INE code (\"08211\").")
    var municipality: String

    @Option(name: .long, help: "text or json.")
    var format: ListFormat = .text

    @OptionGroup var language: ReportLanguage

    func run() throws {
        let loaded = TreeLoader.load(root: tree.rootURL)
        try stopOnLoadErrors(loaded, command: "diff")
        let network = Network(tree: loaded)
        guard let folder = MunicipalityLookup.folder(for: municipality, in: network),
              let resolved = Resolver.resolve(network, municipality: folder) else {
            throw ValidationError(MunicipalityLookup.noFolder(municipality, in: network))
        }
        let words = ValueFormatter(network: network, language: try language.language(in: network))
        let diff = ModelDiff(network: network, resolved: resolved)
        switch format {
        case .text: writeStdout(DiffReport.text(diff, words: words))
        case .json: writeStdout(DiffReport.json(diff).serialized() + "\n")
        }
    }
}
