import ArgumentParser
import Foundation
import Handbook
import Outputs
import Publishing
import Rendering

/// `oae build handbooks [MUNICIPALITY...] [--lang L]...`: checks the tree, then builds
/// the handbooks (HTML, and PDF with WeasyPrint) into output/handbooks/.
struct BuildHandbooks: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handbooks",
        abstract: "Builds the handbooks (HTML and PDF) of every municipality, or of those named.",
        discussion: """
            Writes output/handbooks/<municipality>/<lang>/handbook.html and handbook.pdf, and \
            output/handbooks/index.json. PDFs are rendered by WeasyPrint (OAE_WEASYPRINT, .venv/bin/weasyprint \
            or weasyprint on the PATH) and kept in output/.cache/pdf, so an unchanged handbook is not rendered \
            again. Without WeasyPrint the HTML is built and the command says how to get PDFs.
            """)

    @Argument(help: "Municipality slugs (default: all).")
    var municipalities: [String] = []

    @Option(name: .customLong("lang"), help: "A language to build (repeatable; default: every language of the model).")
    var languages: [String] = []

    @Flag(name: .long, help: "Fail when PDFs cannot be made (WeasyPrint missing).")
    var requirePdf = false

    @OptionGroup var options: BuildOptions

    func run() throws {
        var settings = BuildSettings()
        settings.municipalities = municipalities
        settings.languages = languages
        settings.requirePDF = requirePdf
        try options.run([HandbookStep()], settings: settings,
                        what: options.outURL.appendingPathComponent(HandbookBuild.folderName))
    }
}
