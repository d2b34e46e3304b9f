import Foundation
import Loading
import Model
import Publishing
import Schema

/// Why a workflow command could not do what was asked: exit status 1, or 2 when what was
/// typed cannot name anything (`usage`: an unknown revision, a tree outside git), as for
/// every other usage error of oae.
public struct WorkflowError: Error, CustomStringConvertible, Equatable {
    public var message: String
    /// True when the command line itself is wrong (exit status 2).
    public var usage: Bool
    public init(_ message: String, usage: Bool = false) {
        self.message = message
        self.usage = usage
    }
    public var description: String { message }
}

/// `oae new …`: loads the tree, builds the new files and writes them without ever
/// overwriting anything.
public enum Scaffolding {
    /// Creates `seeds/<slug>/` for a municipality of the official register. Returns the
    /// files written. Throws when the name is unknown (with the closest names and their
    /// INE codes) or when the folder exists.
    @discardableResult
    public static func newMunicipality(root: URL, name: String, asOf: Day, opening: Day? = nil,
                                       note: (String) -> Void = { _ in }) throws -> [ScaffoldFile] {
        // A candidate office opens after the day it is planned: an opening that has passed
        // is `office-opening-passed` in the check, which the folder written must pass
        // (session 34's trial: `--opening 2020-01-01` wrote a folder the check refused).
        if let opening, opening <= asOf {
            throw WorkflowError("--opening \(opening) is not after the day of the plan, \(asOf) (--as-of, else the source's date): "
                                + "a candidate office opens after it is planned; give a later opening date", usage: true)
        }
        let network = Network(tree: TreeLoader.load(root: root))
        try requireStrings(network)
        guard let csv = network.tree.references[MunicipalityRegister.fileName] else {
            throw WorkflowError("the register of municipalities model/reference/\(MunicipalityRegister.fileName) is missing")
        }
        let register = MunicipalityRegister(csv: csv.text)
        let entry: MunicipalityRegister.Entry
        switch MunicipalityLookup.find(name, in: register) {
        case let .found(e):
            entry = e
        case let .unknown(closest):
            var message = "'\(name)' is not a municipality of Catalonia in model/reference/\(MunicipalityRegister.fileName)"
            if closest.isEmpty {
                message += "; no name is close to it"
            } else {
                message += "; did you mean:\n" + closest.map { "  \($0.name) (INE code \($0.ineCode))" }.joined(separator: "\n")
            }
            // The name typed on the command line: a usage error, exit 2 (the trial: 1).
            throw WorkflowError(message, usage: true)
        }
        // In the wave the expansion plan places the municipality in (the trial of session 42:
        // Viladecans, of a wave starting in October 2027, opened in June and was warned of).
        let plan = network.expansionPlan
        let planned = plan?.entry(ineCode: entry.ineCode)
        let wave = planned?.wave.flatMap { id in plan?.waves.first { $0.id == id } }
        let usual = PlanningCalendar.defaultOpening(asOf: asOf)
        let chosen = opening ?? wave.flatMap { PlanningCalendar.opening(in: $0, usual: usual) } ?? usual
        let scaffold = MunicipalityScaffold(network: network, entry: entry, opening: chosen)
        let folder = root.appendingPathComponent("seeds/\(scaffold.slug)")
        if FileManager.default.fileExists(atPath: folder.path) {
            throw WorkflowError("seeds/\(scaffold.slug)/ exists already; oae new never overwrites a folder")
        }
        let files = scaffold.files()
        try writeFolder(files, folder: folder)
        if !entry.metropolitan {
            // Written, as the programme may grow; said now, not first by the check.
            note("\(entry.name) is outside the programme's area, the metropolitan area of Barcelona (column 'amb' of "
                 + "model/reference/\(MunicipalityRegister.fileName)): oae check warns of it (municipality-outside-area).")
        }
        if let wave, !wave.holds(chosen) {
            let dates = "\(wave.start?.description ?? "…") to \(wave.end?.description ?? "…")"
            note("The opening date, \(chosen), is outside wave '\(wave.id)' (\(dates)), where \(MunicipalityScaffold.planPath) places \(entry.name): "
                 + "oae check warns of it (expansion-opening-outside-wave); move the opening date into the wave, or the municipality to the wave of its opening.")
        }
        if let stage = scaffold.plannedStage, stage != OfficeStatus.candidate.rawValue {
            note("\(MunicipalityScaffold.planPath) has \(entry.name) at stage '\(stage)'. "
                 + MunicipalityScaffold.stageAdvice(stage, slug: scaffold.slug, agreement: scaffold.plannedAgreement))
        } else if let written = planned?.node["stage"] {
            // The office's status is its stage from now on: the plan's is not read.
            note("\(MunicipalityScaffold.planPath):\(written.span.start.line) gives \(entry.name) 'stage: \(written.string ?? "")': remove that line, "
                 + "the office's status is its stage from now on (oae check warns of it, expansion-stage-ignored).")
        }
        return files
    }

    /// Writes `model/services/<id>.md` or `model/procedures/<id>.md`.
    @discardableResult
    public static func newDocument(root: URL, kind: Kind, id: String, day: Day) throws -> ScaffoldFile {
        guard kind == .service || kind == .procedure else { throw WorkflowError("oae new writes services and procedures, not \(kind.rawValue)s") }
        guard TreeLayout.isSlug(id) else {
            // The command line's own argument: a usage error, as the README says (exit 2).
            throw WorkflowError("'\(id)' is not a valid id: use lower case words joined by hyphens, like 'company-creation'", usage: true)
        }
        let network = Network(tree: TreeLoader.load(root: root))
        try requireStrings(network)
        let scaffold = DocumentScaffold(network: network, kind: kind, id: id, day: day)
        if FileManager.default.fileExists(atPath: root.appendingPathComponent(scaffold.path).path) {
            throw WorkflowError("\(scaffold.path) exists already; oae new never overwrites a file")
        }
        for (slug, files) in network.municipalities.sorted(by: { $0.key < $1.key }) {
            let local = kind == .service ? files.services : files.procedures
            if let doc = local.first(where: { $0.id == id }) {
                throw WorkflowError("\(doc.path) of \(slug) has the id '\(id)' already; a model \(kind.rawValue) needs an id of its own")
            }
        }
        if network.annotations.root(of: kind) == nil {
            throw WorkflowError("\(kind.schemaPath) is missing: the fields of a \(kind.rawValue) come from its schema")
        }
        let file = scaffold.file()
        // What is written passes the kind's schema (an id longer than the schema allows,
        // accepted here, was refused by the next check).
        if let validator = network.annotations.validator(for: kind),
           let front = MarkdownLoader().load(text: file.text, file: file.path).0?.frontMatter,
           let problem = validator.validate(front).diagnostics.first(where: { $0.severity == .error }) {
            throw WorkflowError("'\(id)' cannot be the id of a \(kind.rawValue): \(problem.message) (\(kind.schemaPath))")
        }
        let url = root.appendingPathComponent(file.path)
        do {
            try OutputPlace.create(url.deletingLastPathComponent(), shown: (file.path as NSString).deletingLastPathComponent, elsewhere: nil)
        } catch let error as OutputError {
            throw WorkflowError(error.description)
        }
        do {
            try Data(file.text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            throw writeFailure(file.path, url, error)
        }
        return file
    }

    /// Writes the files into a hidden staging folder beside the target, then renames it
    /// into place, so that a failure never leaves half a municipality behind.
    /// Refuses to scaffold without the interface strings of the model's default language
    /// (`templates/strings/<language>.yaml`): the texts of a new file come from them
    /// (`Phrases`), and without them every text was left out, so that a new service was
    /// refused for its missing `competent_authority` and a new municipality's files failed
    /// the check (session 50).
    static func requireStrings(_ network: Network) throws {
        let language = network.settings.defaultLanguage
        guard network.tree.uiStrings["strings/\(language)"] == nil else { return }
        throw WorkflowError("templates/strings/\(language).yaml is missing: 'oae new' writes the texts of the new files from it; "
                            + "restore templates/strings/ from the example tree, as 'oae check' asks")
    }

    static func writeFolder(_ files: [ScaffoldFile], folder: URL) throws {
        let fm = FileManager.default
        let parent = folder.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(folder.lastPathComponent).new-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            try? fm.removeItem(at: staging)
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            for file in files {
                let name = file.path.split(ascii: "/").last.map(String.init) ?? file.path
                try Data(file.text.utf8).write(to: staging.appendingPathComponent(name))
            }
            try fm.moveItem(at: staging, to: folder)
        } catch {
            try? fm.removeItem(at: staging)
            throw writeFailure("seeds/\(folder.lastPathComponent)/", folder, error)
        }
    }

    /// `cannot write <path>: <reason>` for an error writing `url` (shown as `path`), in the
    /// words of the output errors (`OutputError.reason`) without their advice to write
    /// elsewhere: scaffolds belong in the tree.
    static func writeFailure(_ path: String, _ url: URL, _ error: Error) -> WorkflowError {
        WorkflowError("cannot write \(path): \(OutputError.reason(error, at: url.path, elsewhere: nil))")
    }
}
