import ArgumentParser
import Foundation
import Handbook
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
        let started = Date()
        let input = try options.prepare()
        try writingOutput(options.outURL) {
            try HandbookStep.run(input, out: options.outURL, municipalities: municipalities, languages: languages,
                                 requirePDF: requirePdf)
        }
        writeStderr(String(format: "built %@ in %.2f s\n",
                           options.outURL.appendingPathComponent(HandbookBuild.folderName).path,
                           Date().timeIntervalSince(started)))
    }
}

/// The handbook step of `oae build`: builds, prints the PDF counts, and turns the
/// step's errors into messages and exit status 1.
enum HandbookStep {
    /// Empty lists mean every municipality and every language.
    static func run(_ input: BuildInput, out: URL, municipalities: [String], languages: [String], requirePDF: Bool) throws {
        var options = HandbookBuildOptions()
        options.municipalities = municipalities
        options.languages = languages
        options.requirePDF = requirePDF
        options.progress = isatty(STDERR_FILENO) == 1 ? .terminal : .plain
        options.write = { writeStderr($0) }
        do {
            let report = try HandbookBuild.run(input, out: out, options: options)
            if report.weasyPrintMissing {
                writeStderr("note: WeasyPrint was not found, so the handbooks were built as HTML only; \(WeasyPrint.installHint)\n")
            } else {
                writeStderr("PDF: \(report.rendered) rendered, \(report.reused) reused\n")
            }
            writeStderr("handbooks: \(report.built.count) built, \(report.manifest.entries.count) in \(out.appendingPathComponent(HandbookBuild.folderName).path)\n")
        } catch let error as HandbookBuildError {
            writeStderr("error: \(error)\n")
            throw ExitCode(1)
        }
    }
}
