import Diagnostics
import Foundation
import Model
import Rendering

/// What a build is asked for, beyond the tree: which handbooks, and which tools to use.
/// Every step reads what concerns it.
public struct BuildSettings: Sendable {
    /// Municipality slugs for the handbooks; empty means every municipality.
    public var municipalities: [String] = []
    /// Languages for the handbooks; empty means every language of the model.
    public var languages: [String] = []
    /// Fail when the PDF engine is missing instead of building the HTML only.
    public var requirePDF = false
    /// Never render PDFs (the preview).
    public var skipPDF = false
    /// Also write each handbook's Typst source (`handbook.typ`) beside its PDF.
    public var typstSource = false
    /// Never build the search index (the preview).
    public var skipSearch = false
    /// How many PDF engine processes run at once.
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    /// True when progress may be drawn in place on a terminal.
    public var terminal = false
    /// The environment the tools are looked up in.
    public var environment: [String: String] = ProcessInfo.processInfo.environment
    /// The check this build ran, recorded for a warm build to replay (`BuildRecord.Check`):
    /// its key and its warnings (`JSONReport.compact`); nil records none.
    public var check: (key: String, warnings: String)?
    /// The inputs' hashes, begun before the check (`EarlyInputHashes`); nil hashes them
    /// when the build's record is made.
    public var earlyHashes: EarlyInputHashes?
    /// The load store the build's check loaded through, to keep in the output the build
    /// writes (`LoadStore.Saving.withTheBuild`): into the staged folder, swapped in with
    /// the rest, so a build that fails or is stopped leaves the store as it was.
    public var loadStore: LoadStore.Opened?
    /// Where progress lines go (standard error for the command line).
    public var write: @Sendable (String) -> Void = { _ in }
    /// Set by a command that exits once the build is done: a step keeps what it made
    /// until the process exits instead of freeing it on the build's path (`KeptUntilExit`).
    public var keepUntilExit = false

    public init() {}
}

/// One output of `oae build` (Publish's `PublishingStep`, Zola's output stages): a name,
/// which is also its folder under `output/`; a check that `oae check` runs before any
/// build (templates missing, template variables the step does not provide); and a write
/// into the build's staging tree. Steps run in the order of the registry (`OutputSteps`
/// in the Outputs module); a step may read the folders of the steps before it from the
/// staging tree (the site links the handbooks and the open data). A step starts once the
/// steps before it have written their folders, but those it names in `runsBeside`: it
/// starts while they write, and waits for them (`OutputTree.written(_:)`) before it reads
/// what they write.
public protocol OutputStep: Sendable {
    /// The step's name and folder under `output/` (`handbooks`, `data`, `site`).
    var name: String { get }
    /// What the step writes, in one line (for `--help`).
    var summary: String { get }
    /// The templates, in `templates/`, the step reads.
    var templateFolder: String? { get }
    /// Problems that would make the step fail or write wrong output, found before any
    /// build: `template-missing`, `template-unknown-variable`…
    func check(_ network: Network) -> [Diagnostic]
    /// Makes ahead what `check` reads from the tree's files alone (its templates parsed),
    /// while the tree loads, for `check` to find made; see the default below.
    func prepareCheck(root: URL)
    /// Writes the step's folder into `tree.staging`. Returns the lines to report
    /// (`PDF: 2 rendered, 10 reused`). Throws `OutputError` (or a step error whose
    /// description is one line).
    func write(_ input: BuildInput, into tree: OutputTree, settings: BuildSettings) throws -> [String]
    /// The units the step would write, with their keys, for an incremental build
    /// (`BuildCache`); see the default below.
    func plan(_ input: BuildInput, settings: BuildSettings, cache: BuildCache) -> [PlannedUnit]
    /// The earlier steps this step runs beside (their names): it starts before they have
    /// finished, and calls `OutputTree.written(_:)` before it reads their folders. Empty
    /// (the default): it starts once every earlier step has finished.
    var runsBeside: Set<String> { get }
    /// The notes the step adds to its line when a build keeps its units (`site: 0
    /// rendered, 1 reused`), whether it keeps every step's or renders others beside, read
    /// from the output folder `out` the build keeps and the build's `settings`: what its
    /// `write` would have said of them (a missing tool, handbooks the site does not link).
    /// Kept in the record with the lines, for a replayed build to say them again. None by
    /// default.
    func keptNotes(_ input: BuildInput, out: URL, cache: BuildCache, settings: BuildSettings) -> [String]
}

/// An output unit a step would write (`handbooks/<m>/<lang>`, `data`, `site`) with its
/// key, and the files of the previous output that must be there for it to be kept.
public struct PlannedUnit: Sendable {
    public var name: String
    public var unit: BuildRecord.Unit
    /// Paths relative to the output folder.
    public var files: [String]

    public init(name: String, unit: BuildRecord.Unit, files: [String]) {
        self.name = name
        self.unit = unit
        self.files = files
    }
}

extension OutputStep {
    /// Nothing made ahead (the default): `check` makes all it needs.
    public func prepareCheck(root: URL) {}

    /// The units the step would write, with their keys (`BuildCache.key`), for an
    /// incremental build: a build in which every step's units are unchanged writes
    /// nothing. Empty (the default): the step is always run in full.
    public func plan(_ input: BuildInput, settings: BuildSettings, cache: BuildCache) -> [PlannedUnit] { [] }

    /// None: the step starts once every earlier step has finished.
    public var runsBeside: Set<String> { [] }

    /// No notes (the default).
    public func keptNotes(_ input: BuildInput, out: URL, cache: BuildCache, settings: BuildSettings) -> [String] { [] }
}
