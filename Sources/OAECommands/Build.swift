import ArgumentParser
import Diagnostics
import Foundation
import Model
import Publishing
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
            let renderer = TextRenderer(color: useColor()) { path in
                FileManager.default.contents(atPath: root.appendingPathComponent(path).path)
                    .map { SourceText(String(decoding: $0, as: UTF8.self)) }
            }
            writeStderr(renderer.render(diagnostics.filter { $0.severity == .error }, filesChecked: loaded.filesChecked))
            writeStderr("build stopped: fix the errors above; output/ is unchanged\n")
            throw ExitCode(1)
        }
        return input
    }

    /// Loads and checks a tree; the build input when it has no error.
    static func load(root: URL, asOf: Day?) -> (LoadedTree, [Diagnostic], BuildInput?) {
        let source = SourceInfo.read(root: root)
        let asOfDay = asOf ?? source.epoch.map { Day(unixSeconds: $0) }
        let (loaded, diagnostics) = CheckRun.diagnose(root: root, asOf: asOfDay)
        guard diagnostics.errorCount == 0 else { return (loaded, diagnostics, nil) }
        let network = Network(tree: loaded)
        let resolved = network.municipalitySlugs.compactMap { Resolver.resolve(network, municipality: $0) }
        let input = BuildInput(root: root, network: network, resolved: resolved, sourceRevision: source.revision,
                               sourceEpoch: source.epoch ?? 0, toolVersion: OAE.version)
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
        try writingOutput(options.outURL) {
            try HandbookStep.run(input, out: options.outURL, municipalities: [], languages: [], requirePDF: requirePdf)
            try SiteStep.run(input, out: options.outURL)
        }
        writeStderr(String(format: "built %@ in %.2f s\n", options.outURL.path, Date().timeIntervalSince(started)))
    }
}

/// Runs a step that writes under `out`; an error from the file system (permissions, a
/// full disk, another build at the same time) becomes one line naming the folder, and
/// exit status 1.
func writingOutput(_ out: URL, _ step: () throws -> Void) throws {
    do {
        try step()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        throw commandFailure(OutputError.writing(outputFolder(out, error), error), code: 1)
    }
}

/// The folder to name for an error under `out`: `out/<first component>` of the path the
/// error names (`output/site`), else `out`; relative to the current folder when inside it.
func outputFolder(_ out: URL, _ error: Error) -> String {
    var folder = out.standardizedFileURL.path
    if let failed = OutputError.path(of: error), failed.hasPrefix(folder + "/") {
        let first = failed.dropFirst(folder.count + 1).split(separator: "/").first.map(String.init) ?? ""
        // Staging folders are named after the folder they replace (.site.staging-…).
        let name = first.drop { $0 == "." }.split(separator: ".").first.map(String.init) ?? first
        if !name.isEmpty { folder += "/" + name }
    }
    let here = FileManager.default.currentDirectoryPath
    return folder.hasPrefix(here + "/") ? String(folder.dropFirst(here.count + 1)) : folder
}

func writeStderr(_ s: String) {
    FileHandle.standardError.write(Data(s.utf8))
}
