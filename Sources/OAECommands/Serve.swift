import ArgumentParser
import Diagnostics
import Foundation
import Handbook
import Model
import Outputs
import Presentation
import Publishing
import Preview
import Rendering
import Tools

/// `oae serve`: builds a preview (HTML handbooks and site, no PDF, no search index),
/// serves it on 127.0.0.1, rebuilds when a file of model/, seeds/ or templates/ changes,
/// and reloads open pages; a broken tree shows its errors in the terminal and over the
/// page until it is fixed. The check's warnings are said in the terminal when they are
/// new and in a corner of the pages (`LiveReload`): before, the preview dropped them and a
/// writer saw a warning made while previewing only at the next `oae check` (session 43's
/// trial).
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serves a live preview of the site and handbooks, rebuilt on every save.")

    static let rules = [RuleInfo("preview-build", "The preview could not be written.")]

    @OptionGroup var options: BuildOptions

    // Unconditional: `--port -1` is a number out of range, not a missing value.
    @Option(name: .long, parsing: .unconditional, help: "The port, 1 to 65535 (0: any free port)")
    var port: Int = 8000

    @Option(name: .long, help: "The address to listen on: only this machine by default; give another address to open the preview wider (an IPv6 address as ::1 or [::1])")
    var host: String = "127.0.0.1"

    func validate() throws {
        if HostCheck.bare(host).isEmpty {
            throw commandFailure("--host needs an address, and '' names none (without --host: 127.0.0.1, this machine only)")
        }
        guard (0...65535).contains(port) else {
            throw commandFailure("--port \(port) is not a port: give 1 to 65535 (or 0 for any free port)")
        }
    }

    func run() async throws {
        let root = options.tree.rootURL
        let out = try options.placedOut()
        let builder = PreviewBuilder(root: root, out: out.appendingPathComponent(".preview", isDirectory: true),
                                     asOf: options.asOf.flatMap(Day.init))
        let hub = EventHub()
        // `[::1]` as a URL writes it is `::1` to the resolver; the messages and the URL
        // write an IPv6 address in brackets (`http://[::1]:8000/`).
        let host = HostCheck.bare(self.host), shown = HostCheck.bracketed(host)
        // A port in use, a host that names no address or an address of another machine is
        // said before the first build.
        if let error = PortProbe.bindError(host: host, port: port) {
            throw commandFailure(error is PortProbe.UnknownHost ? "cannot serve on \(shown):\(port): \(error)"
                                     : OutputError.serving(host: shown, port: port, error), code: 1)
        }
        // An output folder that cannot be is said as `oae build` says it, naming --out's folder.
        do {
            try OutputPlace.create(out, shown: out.path)
        } catch let error as OutputError {
            writeStderr("error: \(options.outputMessage(error.description))\n")
            throw ExitCode(1)
        }
        let first = builder.build(first: true)
        // A preview folder that cannot be written at the start is not a problem of the
        // tree that a save fixes: said as `oae build` says it, and the preview stops (it
        // served 404s for every page).
        if case let .outputFailed(message) = first {
            writeStderr("error: \(options.outputMessage(message))\n")
            throw ExitCode(1)
        }
        var warnings = PreviewWarnings()
        report(first, root: root, warnings: &warnings)
        if case let .built(_, _, found) = first {
            await hub.publish(.warnings(json: JSONReport.compact(found)))
        }
        if case let .failed(diagnostics) = first {
            // The browser's overlay says them too, from the first page asked for (it gave a
            // bare "Not found" until a save; session 36's trial).
            // The pages an earlier preview or build left in the folder are served meanwhile,
            // and the terminal says so, as the overlay does (session 44's trial read "the
            // preview starts once the tree builds" over last session's pages).
            let earlier = FileManager.default.fileExists(atPath: builder.siteFolder.appendingPathComponent("index.html").path)
            writeStderr(earlier
                ? "serve: fix the errors above; until then the preview shows the last good build (kept in \(builder.out.path)/)\n"
                : "serve: fix the errors above; the preview starts once the tree builds\n")
            await hub.publish(.errors(json: JSONReport.compact(diagnostics, showsLastBuild: earlier)))
        }
        guard let watcher = Watcher(folders: TreeLayout.contentFolders.map { root.appendingPathComponent($0) }) else {
            writeStderr("serve: cannot watch the tree (inotify unavailable)\n")
            throw ExitCode(1)
        }
        let rebuilds = Task {
            var build = 0
            for await changed in watcher.changes() {
                let started = Date()
                let outcome = builder.refresh(changed: changed)
                report(outcome, root: root, warnings: &warnings, changed: changed.count, started: started)
                switch outcome {
                case let .built(_, _, found):
                    build += 1
                    // Before the reload: the pages that load again are told them as they connect.
                    await hub.publish(.warnings(json: JSONReport.compact(found)))
                    await hub.publish(.reload(build: build))
                case let .failed(diagnostics):
                    await hub.publish(.errors(json: JSONReport.compact(diagnostics, showsLastBuild: builder.live.current != nil
                        || FileManager.default.fileExists(atPath: builder.siteFolder.appendingPathComponent("index.html").path))))
                case let .outputFailed(message):
                    await hub.publish(.errors(json: JSONReport.compact([PreviewBuilder.diagnostic(message)],
                                                                       showsLastBuild: builder.live.current != nil)))
                }
                builder.verifyLater()
            }
        }
        defer { rebuilds.cancel() }
        let server = PreviewServer(folder: builder.siteFolder, hub: hub, source: { path in
            guard let live = builder.live.current else { return nil }
            if let data = live.file(path) { return .made(data) }
            return live.isGone(path) ? .gone : nil
        })
        do {
            try await server.run(host: host, port: port) { bound in
                writeStdout("serving http://\(shown):\(bound)/ (Ctrl-C stops)\n")
            }
        } catch {
            throw commandFailure(OutputError.serving(host: shown, port: port, error), code: 1)
        }
    }

    private func report(_ outcome: PreviewBuilder.Outcome, root: URL, warnings: inout PreviewWarnings,
                        changed: Int? = nil, started: Date? = nil) {
        switch outcome {
        case let .built(seconds, parsed, found):
            // The warnings not said before, in full, then the line that counts them all.
            let told = warnings.update(found)
            if !told.new.isEmpty { writeStderr(rendered(told.new, root: root)) }
            if let changed {
                // A save: the files parsed again, then the pages are rendered when asked for.
                writeStderr("\(changed) change\(changed == 1 ? "" : "s"): \(parsed) file\(parsed == 1 ? "" : "s") parsed, "
                            + "checked and ready in \(ValueFormatter.plain(seconds * 1000, decimals: 0)) ms\(told.summary)\n")
            } else {
                writeStderr("built in \(ValueFormatter.plain(seconds * 1000, decimals: 0)) ms\(told.summary)\n")
            }
        case let .outputFailed(message):
            writeStderr("error: \(message)\n")
        case let .failed(diagnostics):
            writeStderr(rendered(diagnostics, root: root))
        }
    }

    /// Diagnostics as `oae check` prints them, without its closing count.
    private func rendered(_ diagnostics: [Diagnostic], root: URL) -> String {
        treeRenderer(root: root).render(diagnostics, filesChecked: 0).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast(2).joined(separator: "\n") + "\n"
    }
}

/// The check's warnings across a preview's builds: which of a build's warnings were not
/// there at the build before (said in full in the terminal; the others were said when
/// they came), and the words that count them after the build's line.
struct PreviewWarnings {
    /// The warnings of the last build, by rule, file and message: not by line, so that a
    /// warning that only moved (a line added above it) is not said again.
    private var last: Set<String> = []
    private var started = false

    static func key(_ d: Diagnostic) -> String { "\(d.rule)\u{0}\(d.span.file)\u{0}\(d.message)" }

    /// How many new warnings a build says in full: a language just added made 1,100, and
    /// the preview's address came after 6,604 lines of them (session 45's trial).
    static let saidInFull = 10

    /// Keeps `warnings` as the last build's; gives those new since the build before (all
    /// of them at the first), at most `saidInFull`, and what follows the build's line: "; 2
    /// warnings (1 new, said above)", "; no warnings left", or nothing when there were none
    /// and are none.
    mutating func update(_ warnings: [Diagnostic]) -> (new: [Diagnostic], summary: String) {
        let keys = warnings.map(PreviewWarnings.key)
        let new = zip(warnings, keys).filter { !last.contains($0.1) }.map(\.0)
        let said = Array(new.prefix(PreviewWarnings.saidInFull))
        let saidWhere = new.count > said.count ? "the first \(said.count) said above; 'oae check' lists them all" : "said above"
        let had = last.count
        last = Set(keys)
        defer { started = true }
        if warnings.isEmpty { return ([], had > 0 ? "; no warnings left" : "") }
        let count = "\(warnings.count) warning\(warnings.count == 1 ? "" : "s")"
        guard started else { return (said, new.count > said.count ? "; \(count) (\(saidWhere))" : "; \(count), said above") }
        if new.isEmpty { return ([], "; \(count), said before ('oae check' lists \(warnings.count == 1 ? "it" : "them"))") }
        return (said, "; \(count) (\(new.count) new, \(saidWhere))")
    }
}

/// Builds the preview. At the start, a full build (the check, then the handbooks' HTML,
/// the open data and the site, without PDFs and without the search index) into
/// `output/.preview/`. On a save, `refresh` checks the tree again from the last check
/// (`CheckSession`: only the files the watcher named or whose stamps changed are parsed,
/// and only what they can change is computed again), and makes a new `LivePreview`, which renders each
/// page, handbook and open data file when the browser asks for it. What only a whole
/// build knows (the sizes of the files on the downloads and data pages, the spreadsheet
/// and the DCAT-AP catalogue) stays as the start's build wrote it.
final class PreviewBuilder: @unchecked Sendable {
    let root: URL
    let out: URL
    let asOf: Day?
    /// The tree's revision and date, read once.
    let source: SourceInfo
    let session = CheckSession()
    /// The pages of the last tree that checked clean.
    let live = LiveSlot()
    /// What the pages show of the last full build into `out`, read once after it (only
    /// `build` writes there).
    private var written: LivePreview.Written?
    /// Whether a whole build has been written to `out` (the start's, or the first save's
    /// that mended a tree the start found errors in).
    private(set) var wroteWhole = false

    init(root: URL, out: URL, asOf: Day?) {
        self.root = root
        self.out = out
        self.asOf = asOf
        source = SourceInfo.read(root: root)
    }

    enum Outcome {
        /// Ready: how long it took, how many files had to be parsed, and the check's warnings.
        case built(seconds: Double, parsed: Int, warnings: [Diagnostic])
        case failed([Diagnostic])
        /// The preview folder could not be written: one line, not a problem of a source file.
        case outputFailed(String)
    }

    /// The problem of the preview folder, for the page's overlay: it names the folder,
    /// never a source file's position.
    static func diagnostic(_ message: String) -> Diagnostic {
        .error("preview-build", message, at: SourceSpan(file: "", start: SourcePosition(line: 0, column: 0), end: SourcePosition(line: 0, column: 0)))
    }

    var siteFolder: URL { out.appendingPathComponent("site", isDirectory: true) }

    func load(announce: Bool = false) -> (input: BuildInput?, diagnostics: [Diagnostic], warnings: [Diagnostic]) {
        // As `oae check` without --as-of: a date of something done after today is an error
        // on the page's overlay, as the pre-commit hook will say (session 35's trial).
        let (_, diagnostics, input) = BuildOptions.load(root: root, asOf: asOf, today: asOf == nil ? CheckRun.today() : nil,
                                                        announce: announce, source: source, session: session)
        return (input, diagnostics.filter { $0.severity == .error }, diagnostics.filter { $0.severity == .warning })
    }

    /// Builds the whole preview to disk; `first` says where the dates come from (once,
    /// not on every save).
    func build(first: Bool = false) -> Outcome {
        let started = Date()
        let (input, errors, warnings) = load(announce: first)
        guard let input else { return .failed(errors) }
        written = nil
        if let failed = write(input, steps: OutputSteps.all) { return failed }
        wroteWhole = true
        return publish(input, started: started, warnings: warnings)
    }

    /// Checks the tree again and makes its pages renderable; nothing is written.
    /// `changed` are the paths the watcher saw change (absolute): read again whatever
    /// their stamps say.
    func refresh(changed: Set<String> = []) -> Outcome {
        let started = Date()
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        let relative = changed.compactMap { $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : nil }
        // Only the paths the watcher named are listed again (`verify` walks the whole tree after).
        if !relative.isEmpty { session.cache.follow(relative) }
        let (input, errors, warnings) = load()
        guard let input else { return .failed(errors) }
        // The start found errors, so nothing was built: the first save that mends them
        // builds the whole preview, as the start would have (the trial of session 42: the
        // open data, the sitemap and the handbooks the pages list stayed missing).
        if !wroteWhole {
            written = nil
            if let failed = write(input, steps: OutputSteps.all) { return failed }
            wroteWhole = true
        }
        return publish(input, started: started, warnings: warnings)
    }

    /// Once the tree has been quiet for `verifyQuiet` after a save (or, while saves keep
    /// coming, at most every `verifyAtLeastEvery`), walks the whole tree on the idle
    /// thread (`IdleWork`: only when a core is idle, one core); when it differs from what the last save listed (a change the watcher
    /// missed), the next save walks the whole tree, as every save did before saves
    /// followed the watcher. The walk takes a core for about 0.1 s of CPU at 947
    /// municipalities (19% of the CPU of quick saves when it ran 250 ms after each).
    func verifyLater() {
        let generation = verify.withLock { () -> Int in
            verifyGeneration += 1
            return verifyGeneration
        }
        let cache = session.cache, root = root
        // On the idle thread, on that thread alone: the walk never takes a core from a save.
        IdleWork.shared.run(after: PreviewBuilder.verifyQuiet) { [self] in
            let due = verify.withLock { () -> Bool in
                let now = Date()
                guard verifyGeneration == generation || now.timeIntervalSince(lastVerify) >= PreviewBuilder.verifyAtLeastEvery else { return false }
                lastVerify = now
                return true
            }
            if due { cache.walkDiffers(root: root, parallel: false) }
        }
    }

    /// How long after a save, with no other save, the whole tree is walked (seconds).
    static let verifyQuiet = 1.0
    /// The longest time between two walks while saves keep coming (seconds).
    static let verifyAtLeastEvery = 5.0
    private let verify = NSLock()
    private var verifyGeneration = 0
    private var lastVerify = Date()

    private func publish(_ input: BuildInput, started: Date, warnings: [Diagnostic]) -> Outcome {
        do {
            let previous = live.current
            let written = self.written ?? LivePreview.Written(folder: out)
            self.written = written
            live.current = try LivePreview(input: input, written: written)
            // The last preview is freed off the save's path: node by node it takes a tenth
            // of a save at 947 municipalities (later, once the save has been served, when
            // a core is idle).
            IdleWork.shared.release(previous, after: 0.5)
            // Then the pages the allocator kept are given back: a preview runs for hours.
            IdleWork.shared.run(after: 1.5) { Memory.releaseFreePages() }
        } catch {
            return .outputFailed("\(error)")
        }
        return .built(seconds: Date().timeIntervalSince(started), parsed: session.cache.parsed, warnings: warnings)
    }

    private func write(_ input: BuildInput, steps: [any OutputStep]) -> Outcome? {
        var settings = BuildSettings()
        settings.skipPDF = true
        settings.skipSearch = true
        do {
            _ = try BuildPipeline.run(input, out: out, steps: steps, settings: settings)
        } catch let error as OutputError {
            return .outputFailed(error.description)
        } catch {
            return .outputFailed(OutputError.writing(outputFolder(out, error), error))
        }
        return nil
    }
}

/// The preview's current pages, replaced on every save that checks clean.
final class LiveSlot: @unchecked Sendable {
    private let lock = NSLock()
    private var value: LivePreview?
    var current: LivePreview? {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}
