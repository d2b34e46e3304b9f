import ArgumentParser
import Foundation
import OpenData
import Publishing
import Rendering
import Site

/// `oae build site`: checks the tree, then writes the open data (`output/data/`) and the
/// reviewers' site (`output/site/`), linking the handbooks already built.
struct BuildSite: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Checks the tree, then builds the open data and the site (with the handbooks already in output/).")

    @OptionGroup var options: BuildOptions

    func run() throws {
        let started = Date()
        let input = try options.prepare()
        try writingOutput(options.outURL) { try SiteStep.run(input, out: options.outURL) }
        writeStderr(String(format: "built %@ in %.2f s\n", options.outURL.appendingPathComponent("site").path,
                           Date().timeIntervalSince(started)))
    }
}

/// The open data and the site, each written atomically: `<out>/data/` first, then
/// `<out>/site/` (pages, the open data, the handbooks of `<out>/handbooks/`, and the
/// search index when Pagefind is there). A failure leaves the previous site in place.
enum SiteStep {
    static func run(_ input: BuildInput, out: URL) throws {
        do {
            try build(input, out: out)
        } catch let error as SiteError {
            writeStderr("site: \(error)\nbuild stopped: the previous site is unchanged\n")
            throw ExitCode(1)
        }
    }

    static func build(_ input: BuildInput, out: URL, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let baseURL = SiteSettings.baseURL(root: input.root)
        let export = OpenDataExport(input: input, baseURL: baseURL, labels: labels(input))
        let files = export.files()
        try AtomicFolder.replace(out.appendingPathComponent("data", isDirectory: true)) { staging in
            for file in files { try writeFile(staging.appendingPathComponent(file.path), file.data) }
        }

        let handbooksFolder = out.appendingPathComponent("handbooks", isDirectory: true)
        let manifest: HandbookManifest?
        do { manifest = try HandbookManifest.read(folder: handbooksFolder) } catch {
            writeStderr("site: \(error)\n")
            throw ExitCode(1)
        }
        let pagefind = Pagefind.locate(root: input.root, environment: environment)
        if pagefind == nil {
            writeStderr("site: Pagefind was not found (set OAE_PAGEFIND, or run scripts/setup.sh); the site is built without search\n")
        }
        let options = SiteOptions(
            baseURL: baseURL, search: pagefind != nil, handbooks: manifest,
            dataFiles: files.map { SiteFile(path: $0.path, data: $0.data) },
            structuredData: StructuredData(office: { export.office($0, language: $1) },
                                           service: { export.service($0, $1, language: $2) }))
        let site = try SiteBuild(input: input, options: options)
        try AtomicFolder.replace(out.appendingPathComponent("site", isDirectory: true)) { staging in
            try site.write(to: staging, handbooksFolder: handbooksFolder)
            if let pagefind { try Pagefind.index(site: staging, program: pagefind) }
        }
    }

    /// The words of enumerations in each language, from the site's interface strings.
    static func labels(_ input: BuildInput) -> Labels {
        let strings = input.network.tree.uiStrings
        var table: [String: [String: String]] = [:]
        for language in input.languages {
            let ui = UIStrings(language: language, own: strings["site/\(language)"]?.node,
                               fallback: strings["site/\(input.defaultLanguage)"]?.node)
            table[language] = ui.dictionary
        }
        let frozen = table
        return { language, key in frozen[language]?[key] }
    }
}
