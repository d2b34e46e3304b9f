import ArgumentParser
import Foundation
import Outputs

/// `oae build site`: checks the tree, then builds the open data (`output/data/`) and the
/// reviewers' site (`output/site/`), linking the handbooks already in output/.
struct BuildSite: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Checks the tree, then builds the open data and the site (with the handbooks already in output/).")

    @OptionGroup var options: BuildOptions

    @OptionGroup var cache: CacheOption

    func run() throws {
        try options.run(OutputSteps.named([OpenDataStep.folderName, SiteStep().name]),
                        what: options.outURL.appendingPathComponent("site"), cache: cache)
    }
}
