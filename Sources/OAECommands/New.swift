import ArgumentParser
import Foundation
import Model
import Schema
import Validation
import Workflow

/// `oae new municipality|service|procedure`.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Starts a new municipality, service or procedure from the model.",
        subcommands: [NewMunicipality.self, NewService.self, NewProcedure.self])

    func run() throws { throw missingSubcommand(New.self) }
}

/// The day scaffolding writes as "today": SOURCE_DATE_EPOCH, else the date of the last
/// commit, else today (the same rule as `oae check`).
func scaffoldDay(_ given: String?, root: URL) -> Day {
    given.flatMap(Day.init) ?? Validator.defaultAsOf(root: root)
}

/// Refuses a day option (`--as-of`, `--date`) that is no day of the calendar, saying why
/// when it has the date's form (`2026-02-29`: "February 2026 has 28 days"), as the check
/// says of a date in a file.
func validateDay(_ text: String?, _ option: String) throws {
    guard let text, Day(text) == nil else { return }
    let reason = Formats.impossibleDay(Array(text.utf8)).map { ": \($0)" } ?? " (YYYY-MM-DD)"
    throw ValidationError("\(option) '\(text)' is not a date\(reason)")
}

/// Prints a workflow error and returns its exit code: 2 for a usage error, else 1.
func fail(_ error: WorkflowError) -> ExitCode {
    commandFailure(error.message, code: error.usage ? 2 : 1)
}

struct NewMunicipality: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "municipality",
        abstract: "Creates seeds/<slug>/ for a municipality of Catalonia, as a candidate office that passes oae check.",
        discussion: """
            NAME is the official name (case and accents do not matter) or the INE code. The files are filled \
            from the model: the office with its official name and INE code, the adaptation on the model's \
            version, one post per role the office needs to open with its mandatory training planned before the \
            opening date, a communication action for each required audience, and the opening checklist. \
            Exit status: 0 written, 1 existing folder, 2 unknown name, an opening date not after the plan's day, \
            or another usage error.
            """)

    @OptionGroup var tree: TreeOptions

    @Argument(help: "The municipality's name, as in model/reference/municipalities-catalonia.csv, or its INE code.")
    var name: String

    @Option(name: .long, help: "The planned opening date (YYYY-MM-DD); default: the first Monday of the month six months after --as-of, or, when seeds/expansion.yaml places the municipality in a wave that starts after that day, the wave's first Monday.")
    var opening: String?

    @Option(name: .long, help: "The day the plan is made (YYYY-MM-DD); default: SOURCE_DATE_EPOCH, else the last commit's date.")
    var asOf: String?

    func validate() throws {
        try validateDay(opening, "--opening")
        try validateDay(asOf, "--as-of")
    }

    func run() throws {
        do {
            var notes: [String] = []
            let files = try Scaffolding.newMunicipality(root: tree.rootURL, name: name,
                                                        asOf: scaffoldDay(asOf, root: tree.rootURL),
                                                        opening: opening.flatMap(Day.init), note: { notes.append($0) })
            writeStdout(files.map { "wrote \($0.path)\n" }.joined() + notes.map { $0 + "\n" }.joined()
                        + "Run 'oae check' and complete what the comments in these files ask for.\n")
        } catch let error as WorkflowError {
            throw fail(error)
        }
    }
}

struct NewService: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "service",
        abstract: "Writes model/services/<id>.md with every required field present and commented (status optional).")

    @OptionGroup var tree: TreeOptions

    @Argument(help: "The id of the new service (lower case words joined by hyphens).")
    var id: String

    @Option(name: .long, help: "The date written as last_reviewed (YYYY-MM-DD); default: SOURCE_DATE_EPOCH, else the last commit's date.")
    var date: String?

    func validate() throws { try validateDay(date, "--date") }

    func run() throws { try NewDocumentRun.run(kind: .service, id: id, root: tree.rootURL, date: date) }
}

struct NewProcedure: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "procedure",
        abstract: "Writes model/procedures/<id>.md with every required field present and commented.")

    @OptionGroup var tree: TreeOptions

    @Argument(help: "The id of the new procedure (lower case words joined by hyphens).")
    var id: String

    @Option(name: .long, help: "The date written as last_reviewed (YYYY-MM-DD); default: SOURCE_DATE_EPOCH, else the last commit's date.")
    var date: String?

    func validate() throws { try validateDay(date, "--date") }

    func run() throws { try NewDocumentRun.run(kind: .procedure, id: id, root: tree.rootURL, date: date) }
}

enum NewDocumentRun {
    /// What a new model procedure does at once: unlike a new service (optional, in no
    /// handbook until an office adopts it), it is in every office's handbook, so its drafted
    /// texts are errors (`placeholder-text`) while an office serves the public.
    static let procedureNote = "A model procedure is in the handbook of every office at once: while an office serves the public "
        + "(status pilot or later), 'oae check' reports the texts still being drafted as errors and 'oae build' refuses to build, "
        + "so write them before you commit.\n"

    static func run(kind: Kind, id: String, root: URL, date: String?) throws {
        do {
            let file = try Scaffolding.newDocument(root: root, kind: kind, id: id, day: scaffoldDay(date, root: root))
            writeStdout("wrote \(file.path)\nReplace the texts being drafted; 'oae check' lists the translations still missing.\n"
                + (kind == .procedure ? NewDocumentRun.procedureNote : ""))
        } catch let error as WorkflowError {
            throw fail(error)
        }
    }
}
