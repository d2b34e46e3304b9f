import ArgumentParser
import Handbook
import Loading
import Diagnostics
import Foundation
import Model
import Outputs
import Presentation
import Publishing
import Rendering
import Resolution
import Tools
import Validation

/// `oae build`: checks the tree, then runs the output steps (handbooks, open data, site)
/// into one staging tree that replaces output/ whole. A tree with errors builds nothing:
/// the previous output stays.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Builds the handbooks, the open data and the site into output/.",
        usage: BuildAll.usage + """

            oae build site [<options>]
            oae build handbooks [<municipalities> ...] [<options>]
            """,
        discussion: "'oae build' alone builds everything; 'oae build all --help' lists its options.",
        subcommands: [BuildAll.self, BuildHandbooks.self, BuildSite.self],
        defaultSubcommand: BuildAll.self)
}

/// Options every build command shares.
struct BuildOptions: ParsableArguments {
    @OptionGroup var tree: TreeOptions

    @Option(name: .long, help: "The output folder (default: output/ under the root).")
    var out: String?

    @Option(name: .long, help: AsOfHelp.build)
    var asOf: String?

    var outURL: URL {
        out.map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL }
            ?? tree.rootURL.appendingPathComponent("output", isDirectory: true)
    }

    /// The output folder, once it is known not to be the tree or inside what oae reads
    /// (`OutputPlace`); a usage error (exit status 2) otherwise. An output folder given
    /// (or found at output/) as a symbolic link is the folder it leads to: the build
    /// replaces that folder and leaves the link (`OutputPlace.followingLink`).
    func placedOut() throws -> URL {
        if let reason = OutputPlace.refusal(outURL, root: tree.rootURL) { throw commandFailure(reason) }
        return OutputPlace.followingLink(outURL)
    }

    func validate() throws {
        try refuseEmpty(out, option: "--out", default: "output/ under the root")
        try validateDay(asOf, "--as-of")
    }

    /// Says on stderr where the outputs' dates come from when not from the last commit, and
    /// the day they tell states as of when `--as-of` gives another (`BuildInput.stateDay`).
    static func announce(_ source: SourceInfo, asOf: Day?) {
        if let note = source.dateNote { writeStderr("oae: \(note)\n") }
        let sourceDay = Day(unixSeconds: source.epoch)
        if let asOf, asOf != sourceDay {
            writeStderr("oae: states are told as of \(asOf) (--as-of): agreements, overdue follow-up issues, posts filled and training done; the source's date stays \(sourceDay)\n")
        }
    }

    /// An error line about the output folder, as the writer should read it: the advice to
    /// use --out becomes the advice to give it another folder when --out was given.
    func outputMessage(_ message: String) -> String {
        out == nil ? message : OutputError.forOutGiven(message)
    }

    /// Loads and checks a tree once; the build input (the checked network and the
    /// resolved views the check computed) when it has no error. When the dates do not
    /// come from the last commit, `announce` says where they come from on stderr.
    /// `source` is the tree's revision and date when already read (the preview reads them
    /// once); `cache` keeps parsed files between loads; `observe` is given each file the
    /// load reads (`TreeLoader.load`); `early`, the inputs' hashes the build's cache takes,
    /// is grouped while the rules run. `steps`: the output steps whose templates are
    /// checked; a build checks those it runs (`oae build site` neither parses nor checks
    /// the handbook's templates, which it does not render; `oae check` checks every step's).
    /// `today`: the day the dates of what was done are compared with when `--as-of` is not
    /// given (`oae build` and `oae serve`, as `oae check`): a report of a quarter not over
    /// would be published as its results (session 37's trial). Not the build's day, which
    /// may be an older commit's: only a given day or today is one that a date of something
    /// done may not be later than (`ValidationContext.checkDay`).
    static func load(root: URL, asOf: Day?, today: Day? = nil, announce: Bool = true, source: SourceInfo? = nil,
                     session: CheckSession? = nil, store: LoadStore.Opened? = nil,
                     observe: TreeLoader.FileObserver? = nil, early: EarlyInputHashes? = nil, keepUntilExit: Bool = false,
                     git: SourceStamps.GitAnswers? = nil,
                     listing: FileTree.Listing? = nil,
                     steps: [any OutputStep] = OutputSteps.all) -> (LoadedTree, [Diagnostic], BuildInput?) {
        let source = source ?? SourceInfo.read(root: root)
        if announce { BuildOptions.announce(source, asOf: asOf) }
        let asOfDay = asOf ?? Day(unixSeconds: source.epoch)
        // Once the tree is loaded, what the build needs of it besides the check (the stamps
        // from git's log, the inputs' hashes by group) is made on threads of their own
        // while the rules run: made after the check, one core waited for them (50 ms at
        // 947 municipalities, issue 13).
        nonisolated(unsafe) var stamping: Background<SourceStamps>?
        let (context, diagnostics) = CheckRun.checked(root: root, asOf: asOfDay, asOfGiven: asOf != nil, today: today, session: session,
                                                         store: store, observe: observe, listing: listing, steps: steps) { network in
            // Only in a build (which asked git already): the preview reads the stamps
            // after the check, and only of a tree without errors.
            guard let git else { return }
            let municipalities = Set(network.municipalities.keys)
            stamping = .start { SourceStamps.read(root: root, municipalities: municipalities, base: source, asked: git) }
            early?.startGrouping(municipalities: municipalities)
        }
        let loaded = context.network.tree
        // The check's own values (the schema's annotations, the rules' results; 87 MB at
        // 947 municipalities): freed on a thread of their own once this returns, not on the
        // build's path (50 ms on one core), nor kept until exit: kept, the pages they hold
        // could not serve the pages and open data, which touched fresh ones, each a page
        // fault (issue 13).
        let released = DispatchSemaphore(value: 0)
        defer { released.signal() }
        if keepUntilExit { KeptUntilExit.free(context, after: released) }
        guard diagnostics.errorCount == 0 else { return (loaded, diagnostics, nil) }
        let municipalities = Set(context.network.municipalities.keys)
        let stamps = (try? stamping?.wait())
            ?? SourceStamps.read(root: root, municipalities: municipalities, base: source, asked: git)
        let input = BuildInput(root: root, network: context.network, resolved: context.resolved,
                               sourceRevision: source.revision, sourceEpoch: source.epoch, toolVersion: OAE.version,
                               stamps: stamps, asOf: asOf)
        return (loaded, diagnostics, input)
    }

    /// Checks the tree, then runs `steps` into the output folder, printing what each
    /// step reports; every failure is one line and exit status 1. When nothing the
    /// build reads changed since the build that wrote the output, its check is replayed
    /// and nothing is loaded (`CheckReplay`).
    func run(_ steps: [any OutputStep], settings: BuildSettings = BuildSettings(), jobs: Int? = nil, what: URL? = nil,
             cache: CacheOption = CacheOption()) throws {
        let started = Date()
        var settings = settings
        settings.terminal = isatty(STDERR_FILENO) == 1
        if let jobs { settings.jobs = jobs }
        settings.write = { writeStderr($0) }
        let root = tree.rootURL
        let outURL = try placedOut()
        // The folder as the writer named it: output/ by default, else --out's (not the
        // folder a link there leads to).
        let shown = self.outURL.standardizedFileURL.path == root.appendingPathComponent("output").standardizedFileURL.path
            ? "output/" : self.outURL.path + "/"
        BuildSignals.install(shown: shown)
        let lines: [String]
        let warnings: Int
        do {
            defer { BuildSignals.hushed() }
            let outcome = try BuildRun.run(root: root, out: outURL, asOf: asOf.flatMap(Day.init), steps: steps, settings: settings,
                                           keepUntilExit: true, loadStore: !cache.noCache)
            (lines, warnings) = (outcome.lines, outcome.warnings)
        } catch let failure as BuildRun.CheckFailed {
            let renderer = treeRenderer(root: root)
            writeStderr(failure.errors.sortedForReport().map { renderer.render($0) + "\n" }.joined())
            writeStderr(BuildRun.summary(errors: failure.errors.count, warnings: failure.warnings,
                                         filesChecked: failure.filesChecked, renderer: renderer))
            writeStderr("build stopped: fix the errors above; \(shown) is unchanged\n")
            throw ExitCode(1)
        } catch let error as OutputError {
            writeStderr("error: \(outputMessage(error.description))\n")
            throw ExitCode(1)
        } catch let error as HandbookBuildError where error.isUsage {
            writeStderr("error: \(error)\nbuild stopped: the previous output is unchanged\n")
            throw ExitCode(2)
        } catch let error as CustomStringConvertible where !(error is NSError) {
            writeStderr("error: \(error)\nbuild stopped: the previous output is unchanged\n")
            throw ExitCode(1)
        } catch {
            writeStderr("error: \(outputMessage(OutputError.writing(outputFolder(outURL, error), error)))\n")
            throw ExitCode(1)
        }
        for line in lines { writeStderr(line + "\n") }
        if let note = BuildRun.warningNote(warnings) { writeStderr(note + "\n") }
        writeStderr("built \((what ?? outURL).path) in \(ValueFormatter.plain(Date().timeIntervalSince(started), decimals: 2)) s\n")
    }
}

/// A build from the command line, as a function for the command and the tests: the
/// check replayed when the output's record allows it (`CheckReplay`), else the tree
/// loaded, checked, and the steps run (`BuildPipeline`).
enum BuildRun {
    /// The tree has errors: nothing was built.
    struct CheckFailed: Error {
        var errors: [Diagnostic]
        /// How many warnings the check found beside them (a build shows only the errors).
        var warnings: Int
        var filesChecked: Int
    }

    /// The last line of a refused build's errors: every count, the warnings it does not show included.
    static func summary(errors: Int, warnings: Int, filesChecked: Int, renderer: TextRenderer) -> String {
        renderer.summary(errors: errors, warnings: warnings, filesChecked: filesChecked) + (warnings > 0 ? " (the warnings are not shown here: `oae check` lists them)" : "") + "\n"
    }

    /// The line a build that went through adds when the tree has warnings; nil without.
    static func warningNote(_ warnings: Int) -> String? {
        warnings > 0 ? "note: the tree has \(plural(warnings, "warning")); `oae check` lists them" : nil
    }

    /// How many warnings a check's compact report (`JSONReport.compact`) holds.
    static func count(inReport json: String) -> Int {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
              let list = object["diagnostics"] as? [[String: Any]] else { return 0 }
        return list.filter { $0["severity"] as? String == Severity.warning.rawValue }.count
    }

    /// What a build did: the lines to report, and whether the tree was checked (false:
    /// the check of the last build was replayed).
    struct Outcome {
        var lines: [String]
        var checked: Bool
        /// The warnings of the check (made or replayed).
        var warnings = 0
        /// How many files the load parsed when it loaded through the load store (nil: no
        /// store, or nothing loaded).
        var parsed: Int? = nil
    }

    /// Builds `steps` of the tree at `root` into `out`. `tool` and `now` stand for the
    /// binary and the time in the key (tests). `keepUntilExit`, for a command that exits
    /// once the build is done: the loaded tree is not freed (at 947 municipalities,
    /// freeing its millions of values one by one took 0.1 s on one core after the build,
    /// issue 13). `loadStore`: whether the load reads (and keeps) results in the load store
    /// of `oae check` (`--no-cache` turns it off). Throws `CheckFailed`, `OutputError` or a
    /// step's error.
    static func run(root: URL, out: URL, asOf: Day?, steps: [any OutputStep], settings: BuildSettings,
                    tool: String = CheckReplay.binary, now: Date = Date(), keepUntilExit: Bool = false,
                    loadStore: Bool = true) throws -> Outcome {
        // The revision and date from git (`git rev-parse HEAD`: one process started and
        // waited for, 2 ms at start on one core) while the tree is walked beside; then git's
        // status, asked once for the key and the stamps (its log is read while the tree
        // loads), on a thread of its own (`GitAnswers.ask`).
        let reading = Background.start { [environment = settings.environment] in
            let source = SourceInfo.read(root: root, environment: environment)
            return (source, SourceStamps.GitAnswers.ask(root: root, base: source))
        }
        // One walk of the tree for the key, the load and the record's hashes: the tree the
        // key stands for is the tree loaded (three walks were 2% of a cold build's CPU at
        // 947 municipalities, issue 13).
        let walked = LoadStore.now()
        let listing = FileTree.list(root: root, folders: TreeLayout.contentFolders)
        let (source, status) = try reading.wait()
        BuildOptions.announce(source, asOf: asOf)
        let day = asOf ?? Day(unixSeconds: source.epoch)
        let today = asOf == nil ? CheckRun.today() : nil
        let stepNames = steps.map(\.name)
        let makeKey: @Sendable () -> CheckReplay.Key = { [settings] in
            CheckReplay.key(root: root, asOf: day, asOfGiven: asOf != nil, today: today, source: source, steps: stepNames,
                            settings: settings, tool: tool, now: now, git: status, listing: listing)
        }
        // The key waits for git's status. Without a record in the output folder there is
        // nothing to replay: the tree loads while git answers and the key is made beside.
        var key: CheckReplay.Key?
        var making: Background<CheckReplay.Key>?
        if BuildRecord.mayExist(out: out) {
            let made = makeKey()
            if let replayed = try? CheckReplay.replay(out: out, key: made) {
                return Outcome(lines: replayed.lines, checked: false, warnings: count(inReport: replayed.warnings))
            }
            key = made
        } else {
            making = .start(makeKey)
        }
        var settings = settings
        // The inputs' hashes for the build's record, made while the check runs (or from
        // the bytes the load reads, on a cold build).
        let early = EarlyInputHashes(root: root, out: out, listing: listing)
        settings.earlyHashes = early
        // The build loads through the load store of `oae check` (`LoadStore.forBuild`: the
        // output's, or the tree's read only): only the files written since are parsed. A
        // cold build hashes the files it read from their bytes and the others when the
        // hashes are taken, while the rules run (`EarlyInputHashes`).
        let store = loadStore ? LoadStore.forBuild(out: out, root: root, walked: walked) : nil
        let git = status.readingLog(root: root, base: source)
        let (loaded, diagnostics, input) = BuildOptions.load(root: root, asOf: asOf, today: today, announce: false, source: source,
                                                             store: store, observe: early.observer, early: early, keepUntilExit: keepUntilExit, git: git,
                                                             listing: listing, steps: steps)
        guard let input else {
            throw CheckFailed(errors: diagnostics.filter { $0.severity == .error }, warnings: diagnostics.warningCount,
                              filesChecked: loaded.filesChecked)
        }
        let made = try key ?? making!.wait()
        if !made.racy { settings.check = (made.hex, JSONReport.compact(diagnostics)) }
        if keepUntilExit { KeptUntilExit.keep(input) }
        settings.keepUntilExit = keepUntilExit
        if let store, store.saving == .withTheBuild { settings.loadStore = store }
        let report = try BuildPipeline.run(input, out: out, steps: steps, settings: settings)
        return Outcome(lines: report.lines, checked: true, warnings: diagnostics.warningCount, parsed: store?.cache.parsed)
    }
}

struct BuildAll: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "all",
        abstract: "Checks the tree, then builds handbooks, open data and site (the default).",
        usage: usage)

    /// The usage line, as the command is typed: `oae build`, which runs it (it said
    /// `oae build all`, a name the README never uses).
    static let usage = "oae build [--root <root>] [--out <out>] [--as-of <as-of>] [--jobs <jobs>] [--require-pdf] [--no-cache]"

    @OptionGroup var options: BuildOptions

    @OptionGroup var jobs: JobsOption

    @OptionGroup var cache: CacheOption

    @Flag(name: .long, help: "Fail when PDFs cannot be made (the PDF engine missing).")
    var requirePdf = false

    func run() throws {
        var settings = BuildSettings()
        settings.requirePDF = requirePdf
        try options.run(OutputSteps.all, settings: settings, jobs: jobs.jobs, cache: cache)
    }
}

/// `--no-cache`, for the build commands: the load store of `oae check` left unread
/// (`LoadStore.forBuild`), as `oae check --no-cache` does. Not `oae serve`'s, which
/// keeps its own cache in memory.
struct CacheOption: ParsableArguments {
    @Flag(name: .long, help: "Read and parse every file, without the results `oae check` kept in .cache/load/ of the output folder (or of output/ under the root), and keep none.")
    var noCache = false
}

/// `--jobs`, for the commands that render PDFs (`build`, `build handbooks`): the site and
/// the preview render none.
struct JobsOption: ParsableArguments {
    // Unconditional: `--jobs -1` is a number out of range, not a missing value.
    @Option(name: .long, parsing: .unconditional, help: "How many PDFs a build renders at once, at least 1 (default: one per core).")
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw commandFailure("--jobs \(jobs) is not a number of PDFs at once: give 1 or more") }
    }
}

/// Refuses an option given an empty value (`--out ""`), which would name the current
/// folder: a usage error (exit 2) that says what the option needs and what leaving it
/// out does.
func refuseEmpty(_ value: String?, option: String, default meaning: String) throws {
    if value?.isEmpty == true {
        throw commandFailure("\(option) needs a folder, and '' names none (without \(option): \(meaning))")
    }
}

/// The folder to name for an error under `out`: `out/<first component>` of the path the
/// error names (`output/site`), else `out`; relative to the current folder when inside it.
func outputFolder(_ out: URL, _ error: Error) -> String {
    var folder = out.standardizedFileURL.path
    if let failed = OutputError.path(of: error), failed.hasPrefix(folder + "/") {
        let first = failed.dropFirst(folder.count + 1).split(ascii: "/").first.map(String.init) ?? ""
        // Staging folders are named after the folder they replace (.site.staging-…).
        let name = first.drop { $0 == "." }.split(ascii: ".").first.map(String.init) ?? first
        if !name.isEmpty { folder += "/" + name }
    }
    let here = FileManager.default.currentDirectoryPath
    return folder.hasPrefix(here + "/") ? String(folder.dropFirst(here.count + 1)) : folder
}

func writeStderr(_ s: String) {
    FileHandle.standardError.write(Data(s.utf8))
}

