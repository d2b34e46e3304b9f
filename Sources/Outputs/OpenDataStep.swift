import Diagnostics
import Foundation
import Handbook
import JSON
import Loading
import Model
import OpenData
import Presentation
import Publishing
import Rendering
import Site
import Tools

/// `output/data/`: the catalogue as CPSV-AP JSON-LD, the offices as schema.org, the
/// tables as CSV described by CSVW and as one ODS spreadsheet, and the DCAT-AP 3 catalogue
/// of them all (`catalog.jsonld`).
public struct OpenDataStep: OutputStep {
    public static let folderName = "data"
    public let name = OpenDataStep.folderName
    public let summary = "the open data (DCAT-AP catalogue, CPSV-AP JSON-LD, schema.org, CSV with CSVW, ODS)"
    public let templateFolder: String? = nil

    public init() {}

    public func check(_ network: Network) -> [Diagnostic] { [] }

    /// The handbooks: the open data reads nothing they write.
    public var runsBeside: Set<String> { [HandbookBuild.folderName] }

    /// One unit, the whole folder: it reads every input, and its bytes depend on oae's
    /// version, the tree's revision and date, the day of its first commit, the site's
    /// address and the Python that writes the spreadsheet.
    public func plan(_ input: BuildInput, settings: BuildSettings, cache: BuildCache) -> [PlannedUnit] {
        let python = Spreadsheet.locatePython(root: input.root, environment: settings.environment)?.path ?? "no Python"
        let key = cache.key(reads: [InputDigest.all], [
            "data", input.toolVersion, input.sourceRevision, String(input.sourceEpoch), String(input.sourceModified),
            OpenDataStep.firstRevisionDay(input)?.description ?? "", SiteSettings.baseURL(root: input.root), python,
        ])
        return [PlannedUnit(name: name, unit: .init(key: key, reads: [InputDigest.all]),
                            files: ["\(name)/\(OpenDataExport.catalogName)"])]
    }

    /// The note that the spreadsheet was not written when Python is not there (its key
    /// holds Python's path: kept open data was written without it too).
    public func keptNotes(_ input: BuildInput, out: URL, cache: BuildCache, settings: BuildSettings) -> [String] {
        Spreadsheet.locatePython(root: input.root, environment: settings.environment) == nil ? [OpenDataStep.pythonNote] : []
    }

    /// Said when the spreadsheet is not written for want of Python.
    static var pythonNote: String {
        "note: Python was not found, \(OpenDataExport.spreadsheetName) was not written: \(PythonSetting.hint(Spreadsheet.installHint, package: "odfpy"))"
    }

    public func write(_ input: BuildInput, into tree: OutputTree, settings: BuildSettings) throws -> [String] {
        let folder = try tree.folder(name)
        if let kept = try OutputSteps.keep(self, input, tree: tree, settings: settings) { return kept }
        let export = OpenDataStep.export(input)
        if settings.keepUntilExit { KeptUntilExit.keep(export) }
        // Made and written in parallel, each file dropped once written; a file that
        // gathers the others' parts (the network's catalogue) is written on a thread of its
        // own as the parts come.
        let files = OpenDataExport.makingOrder(export.fileList())
        let streamed = files.filter { $0.stream != nil }.map { file in
            StreamedFile.start(path: file.path, in: folder) { emit in file.stream!(emit) }
        }
        var written = parallelMap(files.filter { $0.stream == nil }) { file -> (path: String, result: Result<Int, Error>) in
            let data = file.make()
            return (file.path, Result { try writeFile(folder.appendingPathComponent(file.path), data); return data.count })
        }
        files.forEach { $0.othersMade?() }
        written += streamed.map { ($0.path, $0.result()) }
        var sizes: [String: Int] = [:]
        var lines: [String] = []
        for file in written {
            switch file.result {
            case let .success(count): sizes[file.path] = count
            case let .failure(error): throw OutputError.unwritable(folder: folder.path, reason: OutputError.reason(error))
            }
        }
        let ods = folder.appendingPathComponent(OpenDataExport.spreadsheetName)
        if let python = Spreadsheet.locatePython(root: input.root, environment: settings.environment) {
            do {
                let tables = export.tables
                try Spreadsheet.write(OpenDataStep.spreadsheet(tables, titles: tables.map(export.columnTitles), epoch: input.sourceEpoch),
                                      to: ods, python: python)
                sizes[OpenDataExport.spreadsheetName] = (try? Data(contentsOf: ods))?.count
            } catch {
                lines.append("note: \(OpenDataExport.spreadsheetName) was not written: \(error)")
            }
        } else {
            lines.append(OpenDataStep.pythonNote)
        }
        let catalog = export.catalog(sizes: sizes, issued: OpenDataStep.firstRevisionDay(input))
        do { try writeFile(folder.appendingPathComponent(OpenDataExport.catalogName), catalog) } catch {
            throw OutputError.unwritable(folder: folder.path, reason: OutputError.reason(error))
        }
        return lines + ["data: 1 rendered, 0 reused (\(sizes.count + 1) files in \(name)/)"]
    }

    /// A file written on a thread of its own, part by part (`OpenDataExport.File.stream`).
    struct StreamedFile {
        let path: String
        let writing: Background<Int>

        /// Starts writing `path` in `folder` from the parts `body` emits.
        static func start(path: String, in folder: URL,
                          _ body: @escaping @Sendable (_ emit: @escaping (UnsafeRawBufferPointer) -> Void) -> Void) -> StreamedFile {
            let url = folder.appendingPathComponent(path)
            return StreamedFile(path: path, writing: Background.start { try writeFile(url, parts: body) })
        }

        /// The bytes written, or the error; waits for the thread.
        func result() -> Result<Int, Error> { Result { try writing.wait() } }
    }

    /// What the spreadsheet writer reads (`Spreadsheet.write`): one sheet per table, each
    /// column headed by its title in `titles` (the table's, in order; `OpenDataExport.columnTitles`).
    static func spreadsheet(_ tables: [DataTable], titles: [[String]], epoch: Int) -> Data {
        let sheets: [JSONValue] = zip(tables, titles).map { table, titles in
            .object([
                ("name", .string(table.name)),
                ("columns", .array(zip(table.columns, titles).map { column, title in
                    .object([("name", .string(title)), ("type", .string(column.type.rawValue))])
                })),
                ("rows", .array(table.rows.map { .array($0.map(JSONValue.string)) })),
            ])
        }
        return Data(JSONValue.object([("epoch", .int(epoch)), ("sheets", .array(sheets))]).serialized(pretty: false).utf8)
    }

    /// The day of the tree's first commit (the catalogue's issue date), or nil outside git:
    /// read beside the history's log while the tree loads (`SourceStamps.firstCommitDay`),
    /// else asked once per tree and revision (a build plans the step twice and writes it
    /// once). Asked when the step was planned, it kept one core waiting on git alone for
    /// 8 ms of a site build of the example (170 ms). Outside git, nil without asking it.
    static func firstRevisionDay(_ input: BuildInput) -> Day? {
        if let day = input.stamps.firstCommitDay { return day }
        guard input.sourceRevision != SourceInfo.unversioned else { return nil }
        return firstDays.value("\(input.root.path)\u{0}\(input.sourceRevision)") {
            SourceStamps.firstCommitDay(Git.run(SourceStamps.firstCommitArguments, in: input.root))
        }
    }

    private static let firstDays = FirstDays()

    /// The first commit's day by tree and revision. Safe to share between threads.
    private final class FirstDays: @unchecked Sendable {
        private let lock = NSLock()
        private var days: [String: Day?] = [:]

        func value(_ key: String, _ make: () -> Day?) -> Day? {
            if let day = lock.withLock({ days[key] }) { return day }
            let day = make()
            lock.withLock { days[key] = day }
            return day
        }
    }

    /// The export of a build input, with the public address of the site.
    static func export(_ input: BuildInput) -> OpenDataExport {
        OpenDataExport(input: input, baseURL: SiteSettings.baseURL(root: input.root), labels: labels(input))
    }

    /// The words and formats of each language, from the interface strings
    /// (`templates/strings/`), the same the handbooks and the site write.
    static func labels(_ input: BuildInput) -> Labels {
        Dictionary(uniqueKeysWithValues: input.languages.map { ($0, ValueFormatter(network: input.network, language: $0)) })
    }
}
