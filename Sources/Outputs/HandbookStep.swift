import Diagnostics
import Foundation
import Handbook
import Model
import Presentation
import Publishing
import Rendering
import Tools

/// `output/handbooks/`: one handbook per municipality and language, as single-file HTML
/// and PDF, and the list the site reads (`index.json`).
public struct HandbookStep: OutputStep {
    public let name = HandbookBuild.folderName
    public let summary = "one handbook per municipality and language (HTML and PDF)"
    public let templateFolder: String? = HandbookRenderer.folder

    public init() {}

    public func check(_ network: Network) -> [Diagnostic] {
        let uiKeys = Strings(network: network, language: network.settings.defaultLanguage).keys
        var out = TemplateStepCheck.check(network.tree, folder: HandbookRenderer.folder,
                                          required: HandbookRenderer.requiredTemplates,
                                          views: HandbookRenderer.views, uiKeys: uiKeys)
            + TemplateStepCheck.check(network.tree, folder: HandbookRenderer.typstFolder,
                                      required: HandbookRenderer.requiredTemplates,
                                      views: HandbookRenderer.views, uiKeys: uiKeys)
        let folderThere = network.tree.templates.contains { $0.hasPrefix(HandbookRenderer.folder + "/") }
        // A stylesheet the walk refused (a link, an unreadable file) is reported there already.
        let refused = network.tree.diagnostics.contains { $0.span.file == HandbookRenderer.stylesheet }
        if folderThere, !refused, !network.tree.templates.contains(HandbookRenderer.stylesheet) {
            out.append(.error("template-missing", "the handbook's stylesheet is missing",
                              at: .wholeFile(HandbookRenderer.stylesheet),
                              help: "restore \(HandbookRenderer.stylesheet)"))
        }
        return out
    }

    public func write(_ input: BuildInput, into tree: OutputTree, settings: BuildSettings) throws -> [String] {
        var options = HandbookBuildOptions()
        options.municipalities = settings.municipalities
        options.languages = settings.languages
        options.requirePDF = settings.requirePDF
        options.skipPDF = settings.skipPDF
        options.typstSource = settings.typstSource
        options.jobs = settings.jobs
        options.progress = settings.terminal ? .terminal : .plain
        options.write = settings.write
        if !settings.skipPDF {
            options.typst = TypstEngine.find(root: input.root, environment: settings.environment)
        }
        let report = try HandbookBuild.run(input, tree: tree, options: options)
        var lines: [String] = []
        if report.pdfEngineMissing {
            lines.append("note: Typst was not found, so the handbooks were built as HTML only; \(TypstEngine.installHint)")
        } else if !settings.skipPDF {
            lines.append("PDF: \(report.rendered) rendered, \(report.reused) reused")
        }
        lines.append("handbooks: \(report.built.count) built, \(report.manifest.entries.count) in \(name)/")
        return lines
    }
}
