import ArgumentParser
import Foundation
import Workflow
import Model
import Loading
import Handbook
import Outputs
import Publishing
import Rendering

/// `oae build handbooks [MUNICIPALITY...] [--lang L]...`: checks the tree, then builds
/// the handbooks (HTML, and PDF with Typst) into output/handbooks/.
struct BuildHandbooks: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handbooks",
        abstract: "Builds the handbooks (HTML and PDF) of every municipality, or of those named.",
        discussion: """
            Writes output/handbooks/<municipality>/<lang>/handbook.html and handbook.pdf, and \
            output/handbooks/index.json. PDFs (PDF/UA-1) are rendered by Typst from templates/handbook-typst/, \
            through the typst Python package (OAE_PYTHON, .venv/bin/python or python3 on the PATH), and kept in \
            output/.cache/pdf, so an unchanged handbook is not rendered again. Without Typst the HTML is built \
            and the command says how to get PDFs.
            """)

    @Argument(help: "Municipalities: their folders under seeds/, names (\"Molins de Rei\") or INE codes (\"08123\"); default: all.")
    var municipalities: [String] = []

    @Option(name: .customLong("lang"), help: "A language to build (repeatable; default: every language of the model).")
    var languages: [String] = []

    @Flag(name: .long, help: "Fail when PDFs cannot be made (Typst missing).")
    var requirePdf = false

    @Flag(name: .long, help: "Also write each PDF's Typst source beside it (handbook.typ), for template designers.")
    var typstSource = false

    @OptionGroup var options: BuildOptions

    @OptionGroup var jobs: JobsOption

    @OptionGroup var cache: CacheOption

    func run() throws {
        var settings = BuildSettings()
        settings.municipalities = BuildHandbooks.folders(municipalities, root: options.tree.rootURL)
        settings.languages = languages
        settings.requirePDF = requirePdf
        settings.typstSource = typstSource
        try options.run([HandbookStep()], settings: settings, jobs: jobs.jobs,
                        what: options.outURL.appendingPathComponent(HandbookBuild.folderName), cache: cache)
    }

    /// The folders the municipalities typed name, as `show` and `diff` take them: a folder
    /// of seeds/ as it is, a name or an INE code through the tree's offices and the
    /// register (the tree is loaded only when something typed is not a folder). What names
    /// nothing stays as typed, for the build's "unknown municipality".
    static func folders(_ typed: [String], root: URL) -> [String] {
        let seeds = root.appendingPathComponent("seeds", isDirectory: true)
        func isFolder(_ name: String) -> Bool {
            var folder: ObjCBool = false
            return !name.contains("/") && FileManager.default.fileExists(atPath: seeds.appendingPathComponent(name).path, isDirectory: &folder)
                && folder.boolValue
        }
        guard typed.contains(where: { !isFolder($0) }) else { return typed }
        let network = Network(tree: TreeLoader.load(root: root))
        return typed.map { isFolder($0) ? $0 : MunicipalityLookup.folder(for: $0, in: network) ?? $0 }
    }
}
