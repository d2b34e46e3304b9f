import ArgumentParser
import Diagnostics
import Foundation
import Loading
import Model
import Outputs
import Publishing
import Rendering
import Site
import Tools
import Validation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Checks every file of the tree and reports every problem at once.",
        discussion: "Exit status: 0 when clean (warnings allowed), 1 on errors (or warnings with --strict), 2 on a usage error.")

    @OptionGroup var tree: TreeOptions

    @Option(name: .long, help: "Output format: text, json, sarif or github.")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Option(name: .long, help: AsOfHelp.text)
    var asOf: String?

    func validate() throws {
        try validateDay(asOf, "--as-of")
    }

    @Flag(name: .long, help: "Read and parse every file, without the results the last check kept in output/.cache/load/, and keep none.")
    var noCache = false

    func run() throws {
        let root = tree.rootURL
        let store = noCache ? nil : LoadStore.open(out: root.appendingPathComponent("output", isDirectory: true), root: root)
        let (result, checked) = CheckRun.runKeeping(root: root, format: format, strict: strict, color: useColor(),
                                                    asOf: asOf.flatMap(Day.init), store: store)
        writeStdout(result.output)
        // The tree and its views are left to the end of the process: freeing them, node
        // by node, took 3% of the check at 947 municipalities.
        withExtendedLifetime(checked) { Foundation.exit(result.exitCode) }
    }
}

/// `oae check` as a function, for the command and for tests.
public enum CheckRun {
    public static func run(root: URL, format: String, strict: Bool, color: Bool = false,
                           asOf: Day? = nil) -> (output: String, exitCode: Int32) {
        run(root: root, format: OutputFormat(rawValue: format) ?? .text, strict: strict, color: color, asOf: asOf)
    }

    /// Loads and checks a tree: every file, then every rule over the network, then what
    /// each output step needs (its templates).
    public static func diagnose(root: URL, asOf: Day? = nil) -> (LoadedTree, [Diagnostic]) {
        let result = checked(root: root, asOf: asOf)
        return (result.context.network.tree, result.diagnostics)
    }

    /// The rules' diagnostics of a network already loaded (`oae show`, to know which of a
    /// budget's figures it may give): the check without the templates.
    public static func diagnose(network: Network, root: URL, asOf: Day? = nil) -> [Diagnostic] {
        var context = ValidationContext(network: network, asOf: asOf ?? Validator.defaultAsOf(root: root), previous: nil, changes: nil)
        context.asOfGiven = asOf != nil
        return (network.tree.diagnostics + Validator.validate(context)).sortedForReport()
    }

    /// The check with what it computed: the network and every municipality's resolved
    /// view, which a build then uses as they are (a build loads and resolves once).
    /// With a `session` (`oae serve`), the check starts from the last one's: only the
    /// files changed since are read and parsed, and what they cannot have changed is kept
    /// (`ValidationContext.init(network:asOf:previous:changes:)`); the diagnostics are
    /// those of a check without it.
    /// `asOfGiven` says whether the writer gave `asOf` (`--as-of`; by default, whether
    /// `asOf` is there): a build passes the day its dates come from, which is not given.
    /// `today`: the day the command runs, for `oae check` without `--as-of`
    /// (`ValidationContext.today`).
    /// `observe` is given each file the load reads (`TreeLoader.load`); `listing` is the
    /// walk of the tree's content folders to load, when the caller made it already (a
    /// build makes one walk for its replay key, its load and its record; `FileTree.list`).
    /// `store`: the results of the files kept by the last `oae check` (`LoadStore`), read
    /// instead of the files that did not change since, and kept for the next while the
    /// rules run when the store's `saving` is `.always` (a check's; a build keeps its
    /// store with its output, `BuildSettings.loadStore`).
    /// `afterLoad` is given the network once the tree is loaded, before the rules run.
    /// `steps`: the output steps whose templates are checked (every step by default).
    public static func checked(root: URL, asOf: Day? = nil, asOfGiven: Bool? = nil, today: Day? = nil,
                               session: CheckSession? = nil,
                               store: LoadStore.Opened? = nil,
                               observe: TreeLoader.FileObserver? = nil,
                               listing: FileTree.Listing? = nil,
                               steps: [any OutputStep] = OutputSteps.all,
                               afterLoad: ((Network) -> Void)? = nil) -> (context: ValidationContext, diagnostics: [Diagnostic]) {
        let templateCheck = TemplateCheckThread(root: root, steps: steps)
        let tree = TreeLoader.load(root: root, cache: session?.cache ?? store?.cache, observe: observe, listing: listing)
        // The store keeps what changed while the rules run (a check's).
        let saving = store.flatMap { store in store.saving == .always ? Background.start { LoadStore.save(store, root: root) } : nil }
        // The schemas compiled by the last check serve while no schema file changed.
        let schemasSame = session?.cache.changes.map { !$0.paths.contains { $0.hasPrefix("model/schema/") } } ?? false
        let annotations = schemasSame ? session?.last?.network.annotations : nil
        let network: Network
        // A tree patched from the last check's: its network patched the same way.
        if let session, let last = session.last, session.lastLoad == session.cache.loadsBegun - 1,
           session.cache.lastLoadPatched, let changes = session.cache.changes {
            network = Network(tree: tree, annotations: annotations, patching: last.network, changed: changes.paths)
        } else {
            network = Network(tree: tree, annotations: annotations)
        }
        session?.lastLoad = session?.cache.loadsBegun ?? 0
        afterLoad?(network)
        let day = asOf ?? Validator.defaultAsOf(root: root)
        // The rules' results of the last check serve for what did not change while the
        // days are the same (a preview open past midnight has another today).
        let previous = session?.last.flatMap { $0.asOf == day && $0.today == today ? $0 : nil }
        // What the output steps need (their templates) is checked beside the context and
        // the rules: it reads only the tree and the settings. Without the kind table no
        // file of templates/ is placed: the templates are not checked then (they would
        // all seem missing), the kind table's error says why.
        templateCheck.check(network, placed: !tree.diagnostics.contains { $0.rule == "kind-table-missing" })
        var context = ValidationContext(network: network, asOf: day, previous: previous, changes: session?.cache.changes)
        context.asOfGiven = asOfGiven ?? (asOf != nil)
        context.today = today
        let (rules, run) = Validator.validateByRule(context, previous: previous == nil ? nil : session?.lastRules)
        if let session, let old = session.last {
            // Freed off the save's path, when a core is idle.
            IdleWork.shared.release(old, after: 0.5)
        }
        session?.last = context
        session?.lastRules = rules
        session?.rulesRun = run
        let templates = templateCheck.diagnostics()
        _ = try? saving?.wait()
        return (context, (tree.diagnostics + Validator.report(rules, context).leavingOutSchemaEchoes(of: tree.diagnostics) + templates).sortedForReport())
    }

    /// Today, the writer's calendar day (the pre-commit hook's `date +%F`), not UTC's: the
    /// day `oae check`, `oae build` and `oae serve` without `--as-of` compare the dates of what was done
    /// with (`ValidationContext.today`).
    static func today() -> Day {
        let now = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: now.year ?? 1970, month: now.month ?? 1, day: now.day ?? 1)
    }

    static func run(root: URL, format: OutputFormat, strict: Bool, color: Bool, asOf: Day?) -> (output: String, exitCode: Int32) {
        runKeeping(root: root, format: format, strict: strict, color: color, asOf: asOf).result
    }

    /// `run`, and the context the check computed, for a caller that would rather not
    /// free it.
    /// `store`: the load store the check reads its files' results from, and keeps them in.
    static func runKeeping(root: URL, format: OutputFormat, strict: Bool, color: Bool,
                           asOf: Day?, store: LoadStore.Opened? = nil) -> (result: (output: String, exitCode: Int32), context: ValidationContext) {
        // Without --as-of, nothing recorded as done may be dated after today.
        let (context, diagnostics) = checked(root: root, asOf: asOf, today: asOf == nil ? today() : nil, store: store)
        let tree = context.network.tree
        let output: String
        switch format {
        case .text:
            let renderer = treeRenderer(root: root, color: color)
            output = renderer.render(diagnostics, filesChecked: tree.filesChecked)
                // The summary counts warnings as warnings: say that they fail this run.
                + (strict && diagnostics.errorCount == 0 && diagnostics.warningCount > 0
                    ? "--strict: the warnings fail the check (exit status 1)\n" : "")
        case .json:
            output = JSONReport.render(diagnostics, filesChecked: tree.filesChecked,
                                       documents: tree.documentCounts, toolVersion: OAE.version)
        case .sarif:
            output = SARIFReport.render(diagnostics, catalog: Rules.catalog, toolVersion: OAE.version)
        case .github:
            output = GitHubReport.render(diagnostics)
        }
        let failed = diagnostics.errorCount > 0 || (strict && diagnostics.warningCount > 0)
        return ((output, failed ? 1 : 0), context)
    }
}

/// The templates' check of one `oae check` (`TemplateCheck`, each output step's
/// `check`), on a thread of its own begun before the tree loads: what it reads from the
/// template files alone (`OutputSteps.prepareCheck`: every template parsed, its tags, the
/// view models' shapes) is made while the tree loads and the schemas compile, on the
/// core they leave idle; the rest when the network is given. A thread, not the global
/// queue: queued there, on two cores, it held the reference index queued behind it, and
/// the check waited on one core for both (issue 13).
final class TemplateCheckThread: @unchecked Sendable {
    private let given = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)
    /// Set before `given` is signalled, read after.
    private var network: Network?
    private var placed = false
    /// Set before `done` is signalled, read after.
    private var found: [Diagnostic] = []

    /// The diagnostics with one note on the first `template-unknown-variable` that names
    /// nothing close to a known name: a tree that keeps the templates of an older oae meets
    /// the view models of this one (the regression hunt of session 14, LOW 7: 16 such
    /// errors, and no word about versions). Not for a typo, whose did-you-mean is the fix
    /// (session 43's trial read the note under every misspelt name), unless there are many.
    static func noteOlderTemplates(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        let unknown = diagnostics.indices.filter { diagnostics[$0].rule == "template-unknown-variable" }
        let typo = { (i: Int) in diagnostics[i].help?.hasPrefix("did you mean") ?? false }
        guard let first = unknown.first(where: { !typo($0) }) ?? (unknown.count >= 3 ? unknown.first : nil) else { return diagnostics }
        var out = diagnostics
        out[first].notes.append("the templates may come from an older version of oae, whose view models gave other names; "
            + "this is oae \(OAE.version): compare templates/ with the templates/ of its example tree, and take over what changed")
        return out
    }

    /// Starts the thread: it prepares the templates of `steps` in the tree at `root`,
    /// then waits for `check`.
    init(root: URL, steps: [any OutputStep]) {
        Thread { [self] in
            OutputSteps.prepareCheck(root: root, steps: steps)
            given.wait()
            if placed, let network {
                found = TemplateCheckThread.noteOlderTemplates(TemplateCheck.check(network.tree, settings: network.settings)
                                                               + OutputSteps.check(network, steps: steps))
            }
            done.signal()
        }.start()
    }

    /// Checks the templates against `network` (nothing when not `placed`: the tree has no
    /// kind table). Called once.
    func check(_ network: Network, placed: Bool) {
        self.network = network
        self.placed = placed
        given.signal()
    }

    /// The templates' diagnostics, once checked: waits for them.
    func diagnostics() -> [Diagnostic] {
        done.wait()
        return found
    }
}

/// What a check keeps for the next check of the same tree (`oae serve`): the files read
/// (`LoadCache`) and the last context. Used from one thread at a time.
public final class CheckSession: @unchecked Sendable {
    /// The files read and parsed, by stamp.
    public let cache = LoadCache()
    /// The context of the last check.
    public internal(set) var last: ValidationContext?
    /// Each rule's diagnostics at the last check, in the order of `Validator.all`.
    var lastRules: [RuleResult]?
    /// The number of the load (`LoadCache.loadsBegun`) whose tree the last check checked.
    var lastLoad = 0
    /// How many rules the last check ran (the others kept their diagnostics).
    public internal(set) var rulesRun = 0

    /// For each rule the last check ran, by its type's name (`LinkRule`): how many
    /// documents (a `DocumentRule`) or municipalities (a `MunicipalRule`) it checked; 0
    /// for the other rules.
    public var checkedByRule: [String: Int] {
        guard let lastRules, lastRules.count == Validator.all.count else { return [:] }
        var out: [String: Int] = [:]
        for (rule, result) in zip(Validator.all, lastRules) { out[String(describing: type(of: rule))] = result.checked }
        return out
    }

    public init() {}
}

/// Every rule of every module, for SARIF and the documentation test.
public enum Rules {
    public static let catalog = RuleCatalog(YAMLLoader.rules + MarkdownLoader.rules + TreeLoader.rules + Validator.rules + SchemaCommand.rules
                                                + TemplateCheck.rules + SiteSettings.rules + Serve.rules)
}
