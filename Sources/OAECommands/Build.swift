import ArgumentParser
import Diagnostics
import Foundation
import Model
import Rendering
import Resolution
import Validation

/// `oae build`: checks the tree, then writes the handbooks, the open data and the site
/// into output/. A tree with errors builds nothing: the previous output stays.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Builds the handbooks, the open data and the site into output/.",
        subcommands: [BuildAll.self, BuildHandbooks.self, BuildSite.self],
        defaultSubcommand: BuildAll.self)
}

/// Options every build command shares.
struct BuildOptions: ParsableArguments {
    @OptionGroup var tree: TreeOptions

    @Option(name: .long, help: "The output folder (default: output/ under the root).")
    var out: String?

    @Option(name: .long, help: "The day rules about time are checked as of (YYYY-MM-DD); default: the source date.")
    var asOf: String?

    var outURL: URL {
        out.map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL }
            ?? tree.rootURL.appendingPathComponent("output", isDirectory: true)
    }

    func validate() throws {
        if let asOf, Day(asOf) == nil { throw ValidationError("--as-of '\(asOf)' is not a date (YYYY-MM-DD)") }
    }

    /// Loads and checks the tree. Errors are printed and stop the build (exit 1);
    /// warnings are counted and the build goes on.
    func prepare() throws -> BuildInput {
        let root = tree.rootURL
        let (loaded, diagnostics, input) = BuildOptions.load(root: root, asOf: asOf.flatMap(Day.init))
        guard let input else {
            let renderer = treeRenderer(root: root)
            writeStderr(renderer.render(diagnostics.filter { $0.severity == .error }, filesChecked: loaded.filesChecked))
            writeStderr("build stopped: fix the errors above; output/ is unchanged\n")
            throw ExitCode(1)
        }
        return input
    }

    /// Loads and checks a tree; the build input when it has no error. When the dates do
    /// not come from the last commit, `announce` says where they come from on stderr.
    static func load(root: URL, asOf: Day?, announce: Bool = true) -> (LoadedTree, [Diagnostic], BuildInput?) {
        let source = SourceInfo.read(root: root)
        if announce, let note = source.dateNote { writeStderr("oae: \(note)\n") }
        let asOfDay = asOf ?? Day(unixSeconds: source.epoch)
        let (loaded, diagnostics) = CheckRun.diagnose(root: root, asOf: asOfDay)
        guard diagnostics.errorCount == 0 else { return (loaded, diagnostics, nil) }
        let network = Network(tree: loaded)
        let resolved = network.municipalitySlugs.compactMap { Resolver.resolve(network, municipality: $0) }
        let input = BuildInput(root: root, network: network, resolved: resolved, sourceRevision: source.revision,
                               sourceEpoch: source.epoch, toolVersion: OAE.version)
        return (loaded, diagnostics, input)
    }
}

struct BuildAll: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "all",
        abstract: "Checks the tree, then builds handbooks, open data and site (the default).")

    @OptionGroup var options: BuildOptions

    @Flag(name: .long, help: "Fail when PDFs cannot be made (WeasyPrint missing).")
    var requirePdf = false

    func run() throws {
        let started = Date()
        let input = try options.prepare()
        try HandbookStep.run(input, out: options.outURL, municipalities: [], languages: [], requirePDF: requirePdf)
        try SiteStep.run(input, out: options.outURL)
        writeStderr(String(format: "built %@ in %.2f s\n", options.outURL.path, Date().timeIntervalSince(started)))
    }
}

func writeStderr(_ s: String) {
    FileHandle.standardError.write(Data(s.utf8))
}
