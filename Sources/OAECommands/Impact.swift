import ArgumentParser
import Foundation
import Loading
import Model
import Presentation
import Workflow

struct Impact: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "impact",
        abstract: "Says which municipalities' handbooks change, and in which chapters, since a git revision.",
        discussion: """
            Compares the tree at REV with the working tree (uncommitted and untracked files under model/, \
            seeds/ and templates/ included): both are resolved, and each chapter of each municipality's \
            handbook is compared by a fingerprint of exactly the data it shows. The control page's source \
            revision and build date, which change with every commit, are left out. The text is in the model's \
            default language or in --lang; --format json gives the same as data (see README). A working tree \
            with errors, or files of REV that could not be read, are noted on stderr. Exit status: 0, \
            or 2 for a revision that is not a commit or a tree outside git.
            """)

    @OptionGroup var tree: TreeOptions

    @Option(name: .long, help: "The git revision to compare with (a commit, branch or tag).")
    var since: String

    @Option(name: .long, help: "text or json.")
    var format: ListFormat = .text

    @OptionGroup var language: ReportLanguage

    func run() throws {
        // The working tree is read before git is asked anything: a file it cannot read would
        // count as a change of every chapter that uses it. The text's language is checked on it.
        let loaded = TreeLoader.load(root: tree.rootURL)
        try stopOnLoadErrors(loaded, command: "impact")
        let network = Network(tree: loaded)
        var words: ValueFormatter?
        if format == .text {
            words = ValueFormatter(network: network, language: try language.language(in: network))
        }
        do {
            let analysis = try ImpactAnalysis.run(root: tree.rootURL, since: since)
            // The answer stands, but neither tree may be one a build takes: say so (session
            // 34's trial: a tree with errors, and a revision with a file that did not load,
            // were compared without a word).
            let errors = CheckRun.diagnose(network: network, root: tree.rootURL).filter { $0.severity == .error }.count
            if errors > 0 {
                writeStderr("note: the working tree has \(errors) error\(errors == 1 ? "" : "s") ('oae check' lists them): 'oae build' stops on them; the chapters are compared as the files read now\n")
            }
            if !analysis.unreadAtRevision.isEmpty {
                writeStderr("note: at \(since), \(analysis.unreadAtRevision.joined(separator: ", ")) could not be read as written: what they held counts as missing there\n")
            }
            if let words {
                writeStdout(ImpactReport.text(analysis, words: words))
            } else {
                writeStdout(ImpactReport.json(analysis).serialized() + "\n")
            }
        } catch let error as WorkflowError {
            throw fail(error)
        }
    }
}
