import Diagnostics
import Foundation
import Loading
import Model
import Publishing
import Rendering
import Tools

/// Every output step of `oae build`, in the order they start: a step may read the folders
/// of the steps before it (the site links the handbooks and the open data), once they are
/// written when it runs beside them (`OutputStep.runsBeside`). Adding an output is adding a
/// step here.
public enum OutputSteps {
    public static let all: [any OutputStep] = [HandbookStep(), OpenDataStep(), SiteStep()]

    /// The steps of the given names, in registry order.
    public static func named(_ names: Set<String>) -> [any OutputStep] { all.filter { names.contains($0.name) } }

    /// The check of `steps` (every step, for `oae check`; a build, those it runs): what
    /// would make a build fail or write wrong output, found before any build.
    public static func check(_ network: Network, steps: [any OutputStep] = all) -> [Diagnostic] {
        // The steps on every core: the build waits for their template checks once its rules are done.
        parallelMap(Array(steps.indices)) { steps[$0].check(network) }.flatMap { $0 }
    }

    /// The `prepareCheck` of `steps`: what `check` will read from the files of the tree at
    /// `root` alone, made before the tree is loaded.
    public static func prepareCheck(root: URL, steps: [any OutputStep] = all) { for step in steps { step.prepareCheck(root: root) } }

    /// Keeps a one-unit step's folder from the previous output when its key is unchanged
    /// (hard links, nothing rendered); the step's report lines then, else nil.
    static func keep(_ step: some OutputStep, _ input: BuildInput, tree: OutputTree, settings: BuildSettings) throws -> [String]? {
        guard let cache = tree.cache, let unit = step.plan(input, settings: settings, cache: cache).first else { return nil }
        cache.record(unit.name, unit.unit)
        guard cache.unchanged(unit.name, key: unit.unit.key, files: unit.files) else { return nil }
        do { try HardLinks.clone(tree.previous(step.name), to: try tree.folder(step.name)) } catch let error as OutputError {
            throw error
        } catch {
            throw OutputError.unwritable(folder: tree.staging.path, reason: OutputError.reason(error))
        }
        // Its notes read from the staged folder, as `write` would have said them (the site's
        // said none when the handbooks were rendered beside it, session 41's leftover).
        return step.keptNotes(input, out: tree.staging, cache: cache, settings: settings) + ["\(step.name): 0 rendered, 1 reused"]
    }
}

/// Runs output steps over one checked build input into one staging tree, which replaces
/// the output folder in one atomic exchange when every step has succeeded (`OutputTree`).
/// A step that fails leaves the previous output whole.
///
/// Builds are incremental: the dependency record of the previous build
/// (`output/.cache/build.json`, `BuildCache`) says which units (each handbook, the open
/// data, the site) were made from which inputs. A unit whose key is unchanged is kept
/// from the previous output (hard links, nothing rendered); when every unit is unchanged
/// nothing is written but, when it differs, the record's check (`BuildRecord.Check`, which
/// a warm build replays without loading the tree, `CheckReplay`). Deleting
/// `output/.cache/` makes the next build a cold one.
public enum BuildPipeline {
    /// What a build did.
    public struct Report: Sendable {
        /// The lines the steps reported, in order.
        public var lines: [String]
        /// Seconds each step took, by step name.
        public var seconds: [(String, Double)]
        /// True when nothing had changed and the output folder was left as it was.
        public var unchanged = false
    }

    /// Runs `steps` into `out`. Throws `OutputError` (another build running, a folder that
    /// cannot be written, a step that failed) or a step's own error; the output is then
    /// as it was.
    public static func run(_ input: BuildInput, out: URL, steps: [any OutputStep],
                           settings: BuildSettings = BuildSettings()) throws -> Report {
        let cache = BuildCache(out: out, input: input, early: settings.earlyHashes)
        let whole = settings.municipalities.isEmpty && settings.languages.isEmpty
        var planned: [(name: String, units: [PlannedUnit])] = []
        for step in steps {
            let units = step.plan(input, settings: settings, cache: cache)
            // A whole build's record holds only what it writes (no removed municipality's handbooks).
            if whole { cache.forget(step: step.name) }
            for u in units { cache.record(u.name, u.unit) }
            planned.append((step.name, units))
        }
        // Every unit unchanged, its files there: asked holding the output's lock.
        let unchanged = { planned.allSatisfy { step in
            guard !step.units.isEmpty,
                  step.units.allSatisfy({ cache.unchanged($0.name, key: $0.unit.key, files: $0.files) }) else { return false }
            // A unit of the previous output that this build would not write (a municipality removed).
            let names = Set(step.units.map(\.name))
            return !whole || cache.previous.units.keys.allSatisfy { !BuildCache.unit($0, of: step.name) || names.contains($0) }
        } }
        // Each step's notes and line when every unit is kept (in the order its `write` says
        // them), the notes read from the output folder `folder` as it is once built (the
        // site's on the handbooks it links: a replayed `oae build site` dropped them,
        // session 41's trial).
        let kept = { (folder: URL) in
            zip(steps, planned).flatMap { step, plan in
                step.keptNotes(input, out: folder, cache: cache, settings: settings) + ["\(plan.name): 0 rendered, \(plan.units.count) reused"]
            }
        }
        // Recorded only when every step planned its units: a step without a plan always runs.
        if let check = settings.check, planned.allSatisfy({ !$0.units.isEmpty }) {
            cache.check = BuildRecord.Check(key: check.key, warnings: check.warnings, lines: [],
                                            files: planned.flatMap { $0.units.flatMap(\.files) })
        }
        var recordFailed: Error?
        var keptLines: [String] = []
        guard let tree = try OutputTree.begin(out, rebuilding: Set(steps.map(\.name)), unless: {
            guard unchanged() else { return false }
            // Only the record's check is written, for the next build to replay, and the
            // load store the check read through (in place, as the record).
            keptLines = kept(out)
            cache.check?.lines = keptLines
            do { try cache.recordCheck() } catch { recordFailed = error }
            if let store = settings.loadStore { LoadStore.save(store, root: input.root) }
            return true
        }) else {
            if let recordFailed { throw OutputError.unwritable(folder: out.path, reason: OutputError.reason(recordFailed)) }
            return Report(lines: keptLines, seconds: [], unchanged: true)
        }
        tree.cache = cache
        var report = Report(lines: [], seconds: [])
        // The load store into the staged folder (its clone of `.cache/` holds the store the
        // check read), beside the steps: swapped in with them, or gone with a failed build.
        let storing = settings.loadStore.map { store in
            Background.start { [staging = tree.staging] in LoadStore.save(store, root: input.root, staging: staging) }
        }
        do {
            for (name, lines, seconds) in try write(input, steps: steps, into: tree, settings: settings) {
                report.lines += lines
                report.seconds.append((name, seconds))
            }
            _ = try? storing?.wait()
            // What a build that keeps every unit of this output will say.
            cache.check?.lines = kept(tree.staging)
            do { try cache.write(into: tree.staging) } catch {
                throw OutputError.unwritable(folder: tree.staging.path, reason: OutputError.reason(error))
            }
            try tree.commit()
        } catch {
            // The store's writes into the staged folder end before it is removed.
            _ = try? storing?.wait()
            tree.abandon()
            throw error
        }
        return report
    }

    /// Runs the steps' writes into `tree`: each once the earlier steps have finished, but
    /// those it runs beside (`OutputStep.runsBeside`), which write on threads of their own
    /// meanwhile (the open data beside the handbooks, the site beside the open data: at
    /// the step from one to the next, a core waited for the last files of one while the
    /// other read the next one's templates; with two fewer waits on git, a site build of 36
    /// municipalities 2% faster, issue 13). Returns
    /// each step's lines and seconds, in the steps' order; throws the first failed step's
    /// error in that order once every step started has ended (none writes into a tree
    /// being abandoned), and starts no step after a failure it knows of.
    static func write(_ input: BuildInput, steps: [any OutputStep], into tree: OutputTree,
                      settings: BuildSettings) throws -> [(name: String, lines: [String], seconds: Double)] {
        var outcomes = [Result<(lines: [String], seconds: Double), Error>?](repeating: nil, count: steps.count)
        var beside: [(index: Int, writing: Background<(lines: [String], seconds: Double)>)] = []
        for (index, step) in steps.enumerated() {
            // The earlier steps still writing end first, but those this one runs beside.
            for earlier in beside where !step.runsBeside.contains(steps[earlier.index].name) {
                outcomes[earlier.index] = Result { try earlier.writing.wait() }
            }
            beside.removeAll { outcomes[$0.index] != nil }
            if outcomes.contains(where: { if case .failure = $0 { true } else { false } }) { break }
            tree.steps.start(step.name)
            let run: @Sendable () throws -> (lines: [String], seconds: Double) = {
                let started = Date()
                do {
                    let lines = try step.write(input, into: tree, settings: settings)
                    tree.steps.finish(step.name, error: nil)
                    return (lines, Date().timeIntervalSince(started))
                } catch {
                    tree.steps.finish(step.name, error: error)
                    throw error
                }
            }
            if steps[(index + 1)...].contains(where: { $0.runsBeside.contains(step.name) }) {
                // The main thread's stack: a step's rendering may recurse as deep as on it.
                beside.append((index, Background.start(stackSize: 8 << 20, run)))
            } else {
                outcomes[index] = Result { try run() }
            }
        }
        for earlier in beside { outcomes[earlier.index] = Result { try earlier.writing.wait() } }
        return try zip(steps, outcomes).compactMap { step, outcome in
            try outcome.map { written in let (lines, seconds) = try written.get(); return (step.name, lines, seconds) }
        }
    }
}
